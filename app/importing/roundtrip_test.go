package importing

import (
	"reflect"
	"testing"

	"tantieme/app/apptest"
	"tantieme/app/export"
	"tantieme/ledger"
	"tantieme/sheet"
)

// TestXLSXRoundTrip exports the demo residence and imports the workbook
// into a new residence: owners from « Copropriétaires », shares from
// « Tantièmes », then either the entries from « Écritures » or the trial
// balance from « Balance ». Both give the same trial balance and the same
// owners (lots, shares, balances).
func TestXLSXRoundTrip(t *testing.T) {
	src, data := apptest.DemoWorkbook(t)
	want := impBooks(t, src, 2025)
	for _, books3 := range []struct {
		name string
		opts Options
	}{
		{"entries", Options{Kind: Entries, Sheet: export.SheetEntries}},
		{"balance", Options{Kind: Balance, Sheet: export.SheetBalance, Year: 2025}},
	} {
		t.Run(books3.name, func(t *testing.T) {
			wb, err := sheet.ReadWorkbook("Tilleuls.xlsx", data)
			if err != nil {
				t.Fatal(err)
			}
			dst := apptest.Empty(t)
			impMustImport(t, dst, wb, Options{Kind: Owners, Sheet: export.SheetOwners})
			impMustImport(t, dst, wb, Options{Kind: Shares, Sheet: export.SheetShares})
			rep := impMustImport(t, dst, wb, books3.opts)
			t.Logf("%s", rep)
			got := impBooks(t, dst, 2025)
			if !reflect.DeepEqual(got.Owners, want.Owners) {
				for i := range max(len(got.Owners), len(want.Owners)) {
					var g, w impOwnerState
					if i < len(got.Owners) {
						g = got.Owners[i]
					}
					if i < len(want.Owners) {
						w = want.Owners[i]
					}
					if g != w {
						t.Errorf("owner %d:\n got  %+v\n want %+v", i, g, w)
					}
				}
			}
			if !reflect.DeepEqual(got.Keys, want.Keys) {
				t.Errorf("keys:\n got  %v\n want %v", got.Keys, want.Keys)
			}
			if books3.name == "entries" {
				if !reflect.DeepEqual(got.Balance, want.Balance) {
					t.Errorf("trial balance differs:\n got  %v\n want %v", got.Balance, want.Balance)
				}
			} else {
				// One opening entry: same debit and credit per account, so the
				// same trial balance; the balance sheet's own totals agree.
				if !reflect.DeepEqual(got.Balance, want.Balance) {
					t.Errorf("trial balance differs:\n got  %v\n want %v", got.Balance, want.Balance)
				}
				if got.Entries != 1 {
					t.Errorf("%d entries, want 1", got.Entries)
				}
			}
			impCheckClean(t, dst)
		})
	}
	_ = ledger.Amount(0)
}
