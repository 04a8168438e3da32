package app_test

import (
	"testing"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/ledger"
)

// TestSavingsAccountOnAnnexe1: a savings account added like `bank add
// --savings` holds its money on annexe 1's « 50 Fonds placés » line, not
// with the banks, and is listed with its balance.
func TestSavingsAccountOnAnnexe1(t *testing.T) {
	r := daybookResidence(t)
	mustOK(t, r.AddBankAccount(ledger.BankAccount{Account: "501000", Label: "Livret A", IBAN: "FR76 3000 6000 0112 3456 7890 189", Savings: true}))
	mustOK(t, r.Update(func(tx *ledger.Tx) error {
		e := ledger.Entry{Journal: "BQ", Date: isoDay("2025-03-01"), Piece: "V1", Label: "Placement sur le livret",
			Lines: []ledger.Line{debitLine("501000", "", "250"), creditLine("512001", "", "250")}}
		return tx.PostEntry(&e)
	}))
	var ex ledger.Exercise
	mustOK(t, r.View(func(tx *ledger.Tx) (err error) { ex, err = tx.ExerciseOfYear(2025); return err }))
	d, err := closing.Annexes(r, ex)
	mustOK(t, err)
	got := map[string]ledger.Amount{}
	for _, l := range d.A1.Left {
		got[l.Code] = l.Values[1]
	}
	if got["50"] != euros("250") || got["51"] != euros("-250") {
		t.Errorf("annexe 1: 50 Fonds placés %s, 51 Banques %s; want 250,00 and -250,00", got["50"], got["51"])
	}

	list, err := r.BankBalances(isoDay("2025-12-31"))
	mustOK(t, err)
	want := map[string]app.BankBalance{
		"501000": {BankAccount: ledger.BankAccount{Account: "501000", Label: "Livret A", IBAN: "FR7630006000011234567890189", Savings: true}, Balance: euros("250")},
		"512001": {BankAccount: ledger.BankAccount{Account: "512001", Label: "Compte courant", IBAN: "FR7630006000011234567890189", BIC: "AGRIFRPP"}, Balance: euros("-250")},
	}
	seen := 0
	for _, b := range list {
		if w, ok := want[b.Account]; ok {
			seen++
			if b != w {
				t.Errorf("bank %s: %+v, want %+v", b.Account, b, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("banks listed: %+v", list)
	}
}
