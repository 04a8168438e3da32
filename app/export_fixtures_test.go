package app

import (
	"bytes"
	"path/filepath"
	"testing"

	"tantieme/ledger"
)

// The export tests' fixtures until they leave app for app/export (then
// apptest has them).

// impResidence makes an empty residence with exercises 2025 to 2027 and
// a bank account, as a user starting with the import would have.
func impResidence(tb testing.TB) *Residence {
	tb.Helper()
	file := filepath.Join(tb.TempDir(), "Résidence Import.copro")
	r, err := Create(file, ledger.Setup{
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

func impDemo(tb testing.TB) *Residence {
	tb.Helper()
	r, err := WriteDemo(filepath.Join(tb.TempDir(), "Demo.copro"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { r.Close() })
	return r
}

func impExercise(tb testing.TB, r *Residence, year int) ledger.Exercise {
	tb.Helper()
	var ex ledger.Exercise
	err := r.View(func(tx *ledger.Tx) (err error) { ex, err = tx.ExerciseOfYear(year); return err })
	if err != nil {
		tb.Fatal(err)
	}
	return ex
}

// impExportDemo exports the demo's 2025 workbook.
func impExportDemo(tb testing.TB) (*Residence, []byte) {
	tb.Helper()
	src := impDemo(tb)
	var buf bytes.Buffer
	if err := src.ExportXLSX(&buf, impExercise(tb, src, 2025)); err != nil {
		tb.Fatal(err)
	}
	return src, buf.Bytes()
}
