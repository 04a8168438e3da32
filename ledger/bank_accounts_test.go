package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

// TestAddBankAccount: what a new bank account must be, and that a refused
// one leaves nothing behind.
func TestAddBankAccount(t *testing.T) {
	const iban = "FR76 3000 6000 0112 3456 7890 189"
	tests := []struct {
		name    string
		b       ledger.BankAccount
		want    string // part of the refusal; "" when accepted
		savings bool
	}{
		{"current with BIC and ICS", ledger.BankAccount{Account: "512100", Label: "CIC", IBAN: iban, BIC: "cmcifrpp", ICS: "fr72 zzz 123456"}, "", false},
		{"savings", ledger.BankAccount{Account: "501000", Label: "Livret A", IBAN: iban, Savings: true}, "", true},
		{"50x is savings", ledger.BankAccount{Account: "502100", Label: "Compte à terme"}, "", true},
		{"savings outside 50x", ledger.BankAccount{Account: "512200", Label: "Livret", Savings: true}, "compte 50", false},
		{"cheques to deposit", ledger.BankAccount{Account: "511000", Label: "Chèques"}, "chèques à remettre", false},
		{"not class 5", ledger.BankAccount{Account: "401000", Label: "X"}, "classe 5", false},
		{"bad IBAN", ledger.BankAccount{Account: "512300", IBAN: "FR76 3000 6000 0112 3456 7890 188"}, "IBAN", false},
		{"bad BIC", ledger.BankAccount{Account: "512300", BIC: "CRLY1RPP"}, "BIC « CRLY1RPP »", false},
		{"bad ICS key", ledger.BankAccount{Account: "512300", ICS: "FR12ZZZ123456"}, "ICS) « FR12ZZZ123456 »", false},
		{"already a bank account", ledger.BankAccount{Account: "512001", Label: "Doublon", IBAN: iban}, "déjà un compte bancaire", false},
	}
	db := mustCreate(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := db.Update(func(tx *ledger.Tx) error { return tx.AddBankAccount(tt.b) })
			if tt.want != "" {
				if err == nil || !strings.Contains(ledger.Message(err), tt.want) {
					t.Fatalf("err %v, want %q", err, tt.want)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			db.View(func(tx *ledger.Tx) error {
				banks, err := tx.BankAccounts()
				if err != nil {
					t.Fatal(err)
				}
				var found *ledger.BankAccount
				for i := range banks {
					if banks[i].Account == tt.b.Account {
						found = &banks[i]
					}
				}
				switch {
				case tt.want != "" && tt.b.Account == "512001":
					if found == nil || found.Label == "Doublon" {
						t.Errorf("the refused duplicate changed the account: %+v", found)
					}
				case tt.want != "":
					if found != nil {
						t.Errorf("refused, yet stored: %+v", *found)
					}
				case found == nil:
					t.Error("not stored")
				default:
					if found.Savings != tt.savings {
						t.Errorf("savings %v, want %v", found.Savings, tt.savings)
					}
					if tt.b.ICS != "" && found.ICS != "FR72ZZZ123456" || tt.b.BIC != "" && found.BIC != "CMCIFRPP" {
						t.Errorf("identifiers not normalised: %+v", *found)
					}
					if a, err := tx.Account(tt.b.Account); err != nil || a.Label != tt.b.Label {
						t.Errorf("chart account %+v %v, want label %q", a, err, tt.b.Label)
					}
				}
				return nil
			})
		})
	}
}
