package ledger_test

import (
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// mustCreate makes a residence with exercises 2025, 2026, 2027, a bank
// account, two keys, three owners and four lots.
func mustCreate(tb testing.TB) *ledger.DB {
	tb.Helper()
	file := filepath.Join(tb.TempDir(), "Les Tests.copro")
	db, err := ledger.Create(file, ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence des Tests", City: "Lyon"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant", IBAN: "FR76 3000 6000 0112 3456 7890 189"},
	})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	mustUpdate(tb, db, func(tx *ledger.Tx) error {
		if err := tx.AddKey(ledger.Key{Code: "002", Label: "Ascenseur", DeclaredTotal: dec("300")}); err != nil {
			return err
		}
		if err := tx.UpdateKey(ledger.Key{Code: "001", Label: "Charges générales", DeclaredTotal: dec("1000")}); err != nil {
			return err
		}
		for _, o := range []ledger.Owner{{Account: "450001", Name: "Dupont Zoé"}, {Account: "450002", Name: "Garçon Loïc"}, {Account: "450003", Name: "Martin Anaïs"}} {
			o := o
			if err := tx.AddOwner(&o); err != nil {
				return err
			}
		}
		for _, l := range []struct {
			num, owner string
			g, a       string
		}{{"1", "450001", "400", "100"}, {"2", "450002", "300", "200"}, {"3", "450003", "200", "0"}, {"4", "450003", "100", "0"}} {
			if err := tx.AddLot(ledger.Lot{Number: l.num, Owner: l.owner}); err != nil {
				return err
			}
			if err := tx.SetShare(l.num, "001", dec(l.g)); err != nil {
				return err
			}
			if err := tx.SetShare(l.num, "002", dec(l.a)); err != nil {
				return err
			}
		}
		return nil
	})
	return db
}

func mustUpdate(tb testing.TB, db *ledger.DB, fn func(tx *ledger.Tx) error) {
	tb.Helper()
	if err := db.Update(fn); err != nil {
		tb.Fatal(err)
	}
}

func mustView(tb testing.TB, db *ledger.DB, fn func(tx *ledger.Tx) error) {
	tb.Helper()
	if err := db.View(fn); err != nil {
		tb.Fatal(err)
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func amt(s string) ledger.Amount { return ledger.MustAmount(s) }

func entry(date, journal, piece string, lines ...ledger.Line) *ledger.Entry {
	return &ledger.Entry{Journal: journal, Date: ledger.MustDate(date), Piece: piece, Label: "test " + piece, Lines: lines}
}

func dr(account, key, amount string) ledger.Line {
	return ledger.Line{Account: account, Key: key, Debit: amt(amount)}
}

func cr(account, key, amount string) ledger.Line {
	return ledger.Line{Account: account, Key: key, Credit: amt(amount)}
}
