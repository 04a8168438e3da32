package ledger

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidBIC(t *testing.T) {
	tests := []struct {
		bic  string
		want bool
	}{
		{"CRLYFRPP", true},
		{"BNPAFRPPXXX", true},
		{"AGRIFRPP882", true},
		{"DEUTDEFF500", true},
		{"CRLYFRP", false},      // 7
		{"CRLYFRPPX", false},    // 9
		{"CRLYFRPPXXXX", false}, // 12
		{"CR1YFRPP", false},     // digit in the bank code
		{"CRLYF1PP", false},     // digit in the country
		{"CRLYFRP-", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := validBIC(tt.bic); got != tt.want {
			t.Errorf("validBIC(%q) = %v, want %v", tt.bic, got, tt.want)
		}
	}
}

// Valid identifiers are published examples: the Bundesbank's test ICS,
// the French example of the Banque de France's forms, and other countries'.
func TestValidICS(t *testing.T) {
	tests := []struct {
		ics  string
		want bool
	}{
		{"FR72ZZZ123456", true},
		{"FR72ABC123456", true}, // the business code is not in the key
		{"DE98ZZZ09999999999", true},
		{"NL42ZZZ123456780001", true},
		{"AT88ZZZ00000000001", true},
		{"BG07ZZZ100064095", true},
		{"NO38ZZZ123456785", true},
		{"FR12ZZZ123456", false},  // wrong key
		{"FR72ZZZ123465", false},  // swapped digits
		{"FR72ZZZ1234567", false}, // a French ICS has 13 characters
		{"FR72ZZZ12345", false},
		{"F172ZZZ123456", false},
		{"FRA2ZZZ123456", false},
		{"FR72ZZZ12345-", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := validICS(tt.ics); got != tt.want {
			t.Errorf("validICS(%q) = %v, want %v", tt.ics, got, tt.want)
		}
	}
}

// A residence written before the ics and savings columns opens with them:
// its 50x bank account becomes a savings account, its 512 stays current.
func TestMigrateBankAccountsColumns(t *testing.T) {
	file := filepath.Join(t.TempDir(), "ancienne.copro")
	d, err := connect(file, false)
	if err != nil {
		t.Fatal(err)
	}
	names, err := migrationNames()
	if err != nil {
		t.Fatal(err)
	}
	before := -1
	for i, n := range names {
		if strings.HasSuffix(n, "_bank_accounts.sql") {
			before = i
		}
	}
	if before < 1 {
		t.Fatalf("no bank accounts migration in %v", names)
	}
	if _, err := d.sql.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		t.Fatal(err)
	}
	for _, n := range names[:before] {
		body, err := migrations.ReadFile(path.Join("migrations", n))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.sql.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
	}
	if _, err := d.sql.Exec(fmt.Sprintf("PRAGMA user_version = %d", before)); err != nil {
		t.Fatal(err)
	}
	err = d.Update(func(tx *Tx) error {
		if err := tx.initialize(Setup{Residence: Residence{Name: "Ancienne"}, FirstStart: Date(2024, 1, 1), FirstEnd: Date(2024, 12, 31)}); err != nil {
			return err
		}
		_, err := tx.tx.Exec(`INSERT INTO bank_accounts (account, label, iban, bic) VALUES
			('512000', 'Compte courant', '', 'CRLYFRPP'), ('501000', 'Livret A', '', '')`)
		return err
	})
	d.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err := Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got []string
	db.View(func(tx *Tx) error {
		banks, err := tx.BankAccounts()
		for _, b := range banks {
			got = append(got, fmt.Sprintf("%s %s %q %v", b.Account, b.BIC, b.ICS, b.Savings))
		}
		return err
	})
	if want := `501000  "" true|512000 CRLYFRPP "" false`; strings.Join(got, "|") != want {
		t.Errorf("bank accounts after migrating: %s, want %s", strings.Join(got, "|"), want)
	}
	// The schema itself refuses a savings account outside 50x.
	err = db.Update(func(tx *Tx) error {
		_, err := tx.tx.Exec(`UPDATE bank_accounts SET savings = 1 WHERE account = '512000'`)
		return err
	})
	if err == nil {
		t.Error("the schema let 512000 be a savings account")
	}
}
