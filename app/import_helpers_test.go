package app

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"tantieme/ledger"
	"tantieme/sheet"
)

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

// impOpen opens a file of testdata/.
func impOpen(tb testing.TB, name string) *sheet.Workbook {
	tb.Helper()
	wb, err := sheet.OpenWorkbook(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return wb
}

func impMustImport(tb testing.TB, r *Residence, wb *sheet.Workbook, opts ImportOptions) *ImportReport {
	tb.Helper()
	rep, err := r.Import(wb, opts)
	if err != nil {
		tb.Fatalf("import %s of %s: %v", opts.Kind, wb.Name, err)
	}
	return rep
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

// impOwnerState is what the `owners` command shows of an owner, and his card.
type impOwnerState struct {
	Account, Civility, Name, Address, Zip, City, Email, Phone string
	Lots                                                      string
	Shares                                                    string
	Balance                                                   ledger.Amount
}

// impBooksState is what an import must reproduce: trial balance, owners, keys.
type impBooksState struct {
	Balance []ledger.AccountBalance
	Owners  []impOwnerState
	Keys    []string
	Entries int
}

func impBooks(tb testing.TB, r *Residence, year int) impBooksState {
	tb.Helper()
	ex := impExercise(tb, r, year)
	var s impBooksState
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if s.Balance, err = tx.TrialBalanceOf(ex); err != nil {
			return err
		}
		owners, err := ownerSummaries(tx, ex.End)
		if err != nil {
			return err
		}
		for _, o := range owners {
			var shares []string
			for k, v := range o.Shares {
				if !v.IsZero() {
					shares = append(shares, k+":"+v.String())
				}
			}
			sort.Strings(shares)
			s.Owners = append(s.Owners, impOwnerState{o.Account, o.Civility, o.Name, o.Address, o.Zip, o.City, o.Email, o.Phone,
				strings.Join(o.Lots, ","), strings.Join(shares, " "), o.Balance})
		}
		keys, err := tx.KeyTotals()
		if err != nil {
			return err
		}
		for _, k := range keys {
			s.Keys = append(s.Keys, k.Code+" "+k.Label+" "+k.DeclaredTotal.String()+"/"+k.SumOfShares.String())
		}
		entries, err := tx.Entries(ledger.EntryFilter{})
		s.Entries = len(entries)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func impFileBytes(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// impCheckClean fails when the residence's own check finds anything.
func impCheckClean(tb testing.TB, r *Residence) {
	tb.Helper()
	problems, err := r.Check(true)
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range problems {
		tb.Errorf("check: %s", p)
	}
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
