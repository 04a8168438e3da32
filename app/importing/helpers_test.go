package importing

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/sheet"
)

// impOpen opens a file of testdata/.
func impOpen(tb testing.TB, name string) *sheet.Workbook {
	tb.Helper()
	wb, err := sheet.OpenWorkbook(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return wb
}

func impMustImport(tb testing.TB, r *app.Residence, wb *sheet.Workbook, opts Options) *Report {
	tb.Helper()
	rep, err := Run(r, wb, opts)
	if err != nil {
		tb.Fatalf("import %s of %s: %v", opts.Kind, wb.Name, err)
	}
	return rep
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

func impBooks(tb testing.TB, r *app.Residence, year int) impBooksState {
	tb.Helper()
	ex := apptest.Year(tb, r, year)
	var s impBooksState
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if s.Balance, err = tx.TrialBalanceOf(ex); err != nil {
			return err
		}
		owners, err := app.ReadOwnerSummaries(tx, ex.End)
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
func impCheckClean(tb testing.TB, r *app.Residence) {
	tb.Helper()
	problems, err := r.Check(true)
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range problems {
		tb.Errorf("check: %s", p)
	}
}

func impMust(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
}
