// Package apptest builds the residences the tests of app, its
// subpackages (closing, importing, export), ui and the CLI work on: one
// copy of each fixture, through app's own workflows where one exists.
package apptest

import (
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/ledger"
)

// Demo writes the demo residence in a temporary folder and opens it.
func Demo(tb testing.TB) *app.Residence {
	tb.Helper()
	r, err := app.WriteDemo(filepath.Join(tb.TempDir(), app.DemoName+".copro"))
	if err != nil {
		tb.Fatalf("WriteDemo: %v", err)
	}
	tb.Cleanup(func() { r.Close() })
	return r
}

// View reads the books, failing the test on an error.
func View(tb testing.TB, r *app.Residence, fn func(tx *ledger.Tx) error) {
	tb.Helper()
	if err := r.View(fn); err != nil {
		tb.Fatal(err)
	}
}

// Update writes the books in one transaction, failing the test on an error.
func Update(tb testing.TB, r *app.Residence, fn func(tx *ledger.Tx) error) {
	tb.Helper()
	if err := r.Update(fn); err != nil {
		tb.Fatal(err)
	}
}

// Year is the exercise of a calendar year.
func Year(tb testing.TB, r *app.Residence, y int) ledger.Exercise {
	tb.Helper()
	var ex ledger.Exercise
	View(tb, r, func(tx *ledger.Tx) error {
		var err error
		ex, err = tx.ExerciseOfYear(y)
		return err
	})
	return ex
}

// Lot is a lot of a test residence: its owner and its shares per key.
type Lot struct {
	Number, Owner string
	Shares        map[string]string
}

// Calls writes a residence with exercises 2025–2027, keys 001 to 003, the
// owners named by the lots (450001…) and the lots with their shares;
// budget lines go to 2025.
func Calls(tb testing.TB, lots []Lot, budget ...ledger.BudgetLine) *app.Residence {
	tb.Helper()
	file := filepath.Join(tb.TempDir(), "Appels.copro")
	r, err := app.Create(file, ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence du Parc", Address: "3 allée des Cèdres", Zip: "38000", City: "Grenoble", SyndicName: "M. Éric Durand"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant", IBAN: "FR76 3000 6000 0112 3456 7890 189", BIC: "AGRIFRPP"},
	})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { r.Close() })
	Update(tb, r, func(tx *ledger.Tx) error {
		totals := map[string]decimal.Decimal{}
		for _, l := range lots {
			for k, s := range l.Shares {
				totals[k] = totals[k].Add(decimal.RequireFromString(s))
			}
		}
		for _, k := range []ledger.Key{{Code: ledger.GeneralKey, Label: "Charges générales"}, {Code: "002", Label: "Ascenseur"}, {Code: "003", Label: "Chauffage"}} {
			k.DeclaredTotal = totals[k.Code]
			var err error
			if k.Code == ledger.GeneralKey {
				err = tx.UpdateKey(k)
			} else {
				err = tx.AddKey(k)
			}
			if err != nil {
				return err
			}
		}
		owners := map[string]bool{}
		for _, l := range lots {
			if l.Owner != "" && !owners[l.Owner] {
				owners[l.Owner] = true
				o := ledger.Owner{Account: l.Owner, Civility: "M.", Name: "Propriétaire " + l.Owner[3:], Address: "1 rue Haute", Zip: "38000", City: "Grenoble"}
				if err := tx.AddOwner(&o); err != nil {
					return err
				}
			}
			if err := tx.AddLot(ledger.Lot{Number: l.Number, Owner: l.Owner}); err != nil {
				return err
			}
			for k, s := range l.Shares {
				if err := tx.SetShare(l.Number, k, decimal.RequireFromString(s)); err != nil {
					return err
				}
			}
		}
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		for _, b := range budget {
			if err := tx.SetBudgetLine(ex.ID, b); err != nil {
				return err
			}
		}
		return nil
	})
	return r
}

// Budget is one budget line, amount in euros ("1200.00").
func Budget(account, key, amount string) ledger.BudgetLine {
	return ledger.BudgetLine{Account: account, Key: key, Amount: ledger.MustAmount(amount)}
}

// Empty writes an empty residence with exercises 2025 to 2027 and a bank
// account, as a user starting with the import would have.
func Empty(tb testing.TB) *app.Residence {
	tb.Helper()
	file := filepath.Join(tb.TempDir(), "Résidence Import.copro")
	r, err := app.Create(file, ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence Import", City: "Lyon"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant"},
	})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { r.Close() })
	return r
}
