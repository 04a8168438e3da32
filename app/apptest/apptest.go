// Package apptest builds the residences the tests of app, its
// subpackages (closing, importing, export), ui and the CLI work on: one
// copy of each fixture, through app's own workflows where one exists.
package apptest

import (
	"path/filepath"
	"testing"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
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
type Lot = ledgertest.Lot

// Open opens a residence file for the test, closed at its end.
func Open(tb testing.TB, file string) *app.Residence {
	tb.Helper()
	r, err := app.Open(file)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { r.Close() })
	return r
}

// Calls opens ledgertest.Calls: « Résidence du Parc », keys 001 to 003,
// the lots' owners and shares, budget lines in 2025.
func Calls(tb testing.TB, lots []Lot, budget ...ledger.BudgetLine) *app.Residence {
	tb.Helper()
	return Open(tb, ledgertest.Calls(tb, lots, budget...))
}

// Budget is one budget line, amount in euros ("1200.00").
func Budget(account, key, amount string) ledger.BudgetLine {
	return ledgertest.Budget(account, key, amount)
}

// Empty opens an empty residence with exercises 2025 to 2027 and a bank
// account without IBAN, as a user starting with the import would have.
func Empty(tb testing.TB) *app.Residence {
	tb.Helper()
	return Open(tb, ledgertest.Create(tb, ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence Import", City: "Lyon"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant"},
	}, nil))
}
