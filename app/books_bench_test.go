package app

import (
	"path/filepath"
	"testing"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// BenchmarkBooks600 prints the books of a 600-owner residence whose four
// quarterly calls and works-fund calls are posted (8 entries of 600 owner
// lines); app/export's BenchmarkFEC exports the FEC.
//
//	go test ./app -run XXX -bench Books600 -benchtime 3x
func BenchmarkBooks600(b *testing.B) {
	file := filepath.Join(b.TempDir(), "large.copro")
	ledgertest.Large(b, file)
	r, err := Open(file)
	if err != nil {
		b.Fatal(err)
	}
	defer r.db.Close()
	ex := year(b, r, 2025)
	plan, err := r.PlanBudgetCalls(ex, 4)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := r.PostCalls(plan); err != nil {
		b.Fatal(ledger.Message(err))
	}
	opt := BookOptions{Exercise: ex}
	for name, pdf := range map[string]func(BookOptions) ([]byte, error){
		"journal": r.JournalPDF, "grand-livre": r.GeneralLedgerPDF, "balance": r.TrialBalancePDF,
		"balance-keys": r.KeyBalancePDF, "owner-statements": r.OwnerAccountsPDF,
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := pdf(opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("labels", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := r.LabelsPDF(LabelOptions{Date: agDay, Columns: 3}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
