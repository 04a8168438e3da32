package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

func bankLinesFile(t *testing.T) string {
	t.Helper()
	return ledgertest.CreateFile(t, "lignes.copro", ledgertest.TestsSetup(), ledgertest.TestsFill)
}

// Owners' payer IBANs: checked, normalised, several per owner, one IBAN
// possibly two owners'; they go with the owner.
func TestOwnerIBANs(t *testing.T) {
	file := bankLinesFile(t)
	db, err := ledger.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *ledger.Tx) error {
		if err := tx.AddOwnerIBAN("450001", "FR14 2004 1010 0505 0001 3M02 607", ledger.Date(2025, 1, 2)); err == nil ||
			!strings.Contains(ledger.Message(err), "n'est pas valide") {
			t.Errorf("a wrong key: %v", err)
		}
		if err := tx.AddOwnerIBAN("450999", "FR1420041010050500013M02606", ledger.Date(2025, 1, 2)); ledger.KindOf(err) != ledger.NotFound {
			t.Errorf("an unknown owner: %v", err)
		}
		for _, x := range []struct{ owner, iban string }{{"450001", "fr14 2004 1010 0505 0001 3m02 606"}, {"450001", "FR7630006000011234567890189"},
			{"450002", "FR1420041010050500013M02606"}, {"450001", "FR1420041010050500013M02606"}} {
			if err := tx.AddOwnerIBAN(x.owner, x.iban, ledger.Date(2025, 1, 2)); err != nil {
				return err
			}
		}
		list, err := tx.OwnerIBANs("450001")
		if err != nil || len(list) != 2 || list[0] != "FR1420041010050500013M02606" {
			t.Errorf("450001 pays from %v %v", list, err)
		}
		by, err := tx.OwnersByIBAN()
		if err != nil || strings.Join(by["FR1420041010050500013M02606"], ",") != "450001,450002" {
			t.Errorf("by IBAN %v %v", by, err)
		}
		o := ledger.Owner{Account: "450009", Name: "Sans lot"}
		if err := tx.AddOwner(&o); err != nil {
			return err
		}
		if err := tx.AddOwnerIBAN("450009", "FR7630006000011234567890189", ledger.Date(2025, 1, 2)); err != nil {
			return err
		}
		return tx.DeleteOwner("450009")
	})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
}

// Imported lines: texts made storable, the identity (account, date,
// amount, fingerprint, occurrence) unique, the pending list, posting once.
func TestBankLines(t *testing.T) {
	file := bankLinesFile(t)
	db, err := ledger.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	fp := strings.Repeat("ab", 32)
	err = db.Update(func(tx *ledger.Tx) error {
		l := ledger.BankLine{BankAccount: "512001", Date: ledger.Date(2025, 3, 3), Amount: 12050,
			Label: "VIR\tSEPA\x00 \u202eDUPONT  " + strings.Repeat("x", 600), Details: "/RFF/1\n/NPY/DUPONT\x1b",
			CounterpartyIBAN: "fr76 3000 6000 0112 3456 7890 189", Fingerprint: fp, File: "mars.txt"}
		if err := tx.SaveBankLine(&l); err != nil {
			return err
		}
		got, err := tx.BankLine(l.ID)
		if err != nil {
			return err
		}
		if !strings.HasPrefix(got.Label, "VIR SEPA DUPONT  xxx") || len([]rune(got.Label)) != ledger.MaxLabelText ||
			got.Details != "/RFF/1\n/NPY/DUPONT" || got.CounterpartyIBAN != "FR7630006000011234567890189" || got.Status != ledger.BankLinePending {
			t.Errorf("stored %q (%d) %q %q %q", got.Label[:20], len([]rune(got.Label)), got.Details, got.CounterpartyIBAN, got.Status)
		}
		again := l
		again.ID = 0
		if err := tx.SaveBankLine(&again); err == nil {
			t.Error("the same occurrence twice was stored")
		}
		again.Occurrence = 1
		if err := tx.SaveBankLine(&again); err != nil {
			return err
		}
		other := ledger.BankLine{BankAccount: "512999", Date: ledger.Date(2025, 3, 3), Amount: 1, Fingerprint: fp}
		if err := tx.SaveBankLine(&other); err == nil {
			t.Error("a line of an account that is not a bank account was stored")
		}
		pending, err := tx.PendingBankLines()
		if err != nil || len(pending) != 2 {
			t.Fatalf("pending %d %v", len(pending), err)
		}
		if err := tx.MarkBankLinePosted(l.ID, 0, 0); err != nil {
			return err
		}
		if err := tx.MarkBankLinePosted(l.ID, 0, 0); ledger.KindOf(err) != ledger.Conflict {
			t.Errorf("posted twice: %v", err)
		}
		if err := tx.IgnoreBankLine(again.ID); err != nil {
			return err
		}
		if pending, _ := tx.PendingBankLines(); len(pending) != 0 {
			t.Errorf("still pending: %v", pending)
		}
		done, err := tx.ImportedBankLines("512001", ledger.Date(2025, 3, 1), ledger.Date(2025, 3, 31))
		if err != nil || len(done) != 2 {
			t.Errorf("imported %d %v", len(done), err)
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	// The schema refuses what the program would never write.
	for _, q := range []string{
		`INSERT INTO bank_lines (bank_account, date, amount, label, fingerprint, occurrence, status, imported_at) VALUES ('512001', '2025-03-04', 1, 'a' || char(27), '` + fp + `', 0, 'pending', '2025-03-04')`,
		`INSERT INTO bank_lines (bank_account, date, amount, fingerprint, occurrence, status, imported_at) VALUES ('512001', '2025-03-04', 1, 'zz', 0, 'pending', '2025-03-04')`,
		`INSERT INTO bank_lines (bank_account, date, amount, fingerprint, occurrence, status, imported_at) VALUES ('512001', '2025-03-04', 1, '` + fp + `', 0, 'lost', '2025-03-04')`,
		`INSERT INTO owner_ibans (owner, iban, learnt_at) VALUES ('450001', 'FR76 3000', '2025-03-04')`,
	} {
		if err := ledgertest.SQL(t, file, q); err == nil {
			t.Errorf("accepted: %s", q)
		}
	}
	if problems, err := checkFile(file); err != nil || len(problems) != 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

func checkFile(file string) ([]ledger.Problem, error) {
	db, err := ledger.Open(file)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.Check(true)
}
