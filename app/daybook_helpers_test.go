package app_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/ledger"
)

// daybookResidence has exercises 2025–2027, a current account 512001 (with
// IBAN) and a savings account 512002, keys 001 and 002, two owners and a
// supplier, and three calls: 450001 is called 300 · 300 · 200, 450002
// 200 · 200 · 100 (01/01, 01/04, 01/07/2025).
func daybookResidence(t *testing.T) *app.Residence {
	t.Helper()
	r, err := app.Create(filepath.Join(t.TempDir(), "Résidence du Parc.copro"), ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence du Parc", Address: "3 allée des Érables", Zip: "69003", City: "Lyon"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant", IBAN: "FR76 3000 6000 0112 3456 7890 189", BIC: "AGRIFRPP"},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	mustOK(t, r.Update(func(tx *ledger.Tx) error {
		if err := tx.SaveBankAccount(ledger.BankAccount{Account: "512002", Label: "Livret fonds de travaux"}); err != nil {
			return err
		}
		if err := tx.AddKey(ledger.Key{Code: "002", Label: "Ascenseur", DeclaredTotal: decimal.NewFromInt(300)}); err != nil {
			return err
		}
		for _, o := range []ledger.Owner{
			{Account: "450001", Civility: "Mme", Name: "Dupont Zoé", BankName: "Banque Populaire"},
			{Account: "450002", Civility: "M.", Name: "Garçon Loïc"},
		} {
			if err := tx.AddOwner(&o); err != nil {
				return err
			}
		}
		if err := tx.AddSupplier(&ledger.Supplier{Account: "401001", Name: "Plomberie Lefèvre"}); err != nil {
			return err
		}
		if err := tx.AddSupplier(&ledger.Supplier{Account: "401002", Name: "Électricité Œuvre"}); err != nil {
			return err
		}
		for i, c := range []struct {
			date   string
			a1, a2 string
		}{{"2025-01-01", "300", "200"}, {"2025-04-01", "300", "200"}, {"2025-07-01", "200", "100"}} {
			e := ledger.Entry{Journal: "OD", Date: ledger.MustDate(c.date), Piece: "A000" + string(rune('1'+i)), Label: "Appel de fonds",
				Lines: []ledger.Line{
					{Account: "450001", Debit: ledger.MustAmount(c.a1)},
					{Account: "450002", Debit: ledger.MustAmount(c.a2)},
					{Account: "701000", Key: "001", Credit: ledger.MustAmount(c.a1) + ledger.MustAmount(c.a2)},
				}}
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		return nil
	}))
	return r
}

func mustOK(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func isoDay(s string) time.Time { return ledger.MustDate(s) }

func euros(s string) ledger.Amount { return ledger.MustAmount(s) }

// accountLines reads every posted line of an account.
func accountLines(t *testing.T, r *app.Residence, account string) []ledger.BookLine {
	t.Helper()
	var out []ledger.BookLine
	mustOK(t, r.View(func(tx *ledger.Tx) (err error) {
		out, err = tx.AccountLines(account, time.Time{}, time.Time{})
		return err
	}))
	return out
}

// letterOf returns the letter of the line of account in the entry with
// that piece.
func letterOf(t *testing.T, r *app.Residence, account, piece string) string {
	t.Helper()
	for _, l := range accountLines(t, r, account) {
		if l.Piece == piece {
			return l.Letter
		}
	}
	t.Fatalf("no line of %s in %s", account, piece)
	return ""
}

// checkEntry checks an entry's journal, balance and lines (account, key,
// debit, credit), in order.
func checkEntry(t *testing.T, e ledger.Entry, journal string, want ...ledger.Line) {
	t.Helper()
	if e.Journal != journal {
		t.Errorf("entry %s: journal %s, want %s", e.Piece, e.Journal, journal)
	}
	if d, c := e.Totals(); d != c {
		t.Errorf("entry %s unbalanced: %s / %s", e.Piece, d, c)
	}
	if len(e.Lines) != len(want) {
		t.Fatalf("entry %s: %d lines, want %d: %+v", e.Piece, len(e.Lines), len(want), e.Lines)
	}
	for i, w := range want {
		g := e.Lines[i]
		if g.Account != w.Account || g.Key != w.Key || g.Debit != w.Debit || g.Credit != w.Credit {
			t.Errorf("entry %s line %d: %s %q %s/%s, want %s %q %s/%s", e.Piece, i+1, g.Account, g.Key, g.Debit, g.Credit, w.Account, w.Key, w.Debit, w.Credit)
		}
	}
}

func debitLine(account, key, amount string) ledger.Line {
	return ledger.Line{Account: account, Key: key, Debit: euros(amount)}
}

func creditLine(account, key, amount string) ledger.Line {
	return ledger.Line{Account: account, Key: key, Credit: euros(amount)}
}

// entryOf reads a posted entry back from the file.
func entryOf(t *testing.T, r *app.Residence, id int64) ledger.Entry {
	t.Helper()
	var e ledger.Entry
	mustOK(t, r.View(func(tx *ledger.Tx) (err error) {
		e, err = tx.Entry(id)
		return err
	}))
	return e
}

// savePDF keeps a document for a look when TANTIEME_PDF_DIR names a folder.
func savePDF(t *testing.T, name string, pdf []byte) {
	t.Helper()
	if dir := os.Getenv("TANTIEME_PDF_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
			t.Error(err)
		}
	}
}
