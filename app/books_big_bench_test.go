package app

import (
	"tantieme/ledger/ledgertest"
	"testing"
)

// BenchmarkBooksBig prints the grand livre and the owners' statements of
// one exercise (2026) of the big residence of ledger's benchmarks (1,000
// lots, 600 owners, 200,000 entries: about 4,000 and 1,150 pages), the
// rows of issue 22 that the CLI's `report FILE grand-livre --year 2026`
// runs. The file is built by
//
//	CGO_ENABLED=0 go test ./ledger -run '^$' -bench Open -benchtime 1x
//
// and copied first (an opening may migrate it); the benchmark is skipped
// when it is missing. TANTIEME_BENCH_BIG names another file.
//
//	go test ./app -run '^$' -bench BooksBig -benchtime 3x
func BenchmarkBooksBig(b *testing.B) {
	file := ledgertest.BenchResidenceCopy(b, "TANTIEME_BENCH_BIG")
	r, err := Open(file)
	if err != nil {
		b.Fatal(err)
	}
	defer r.db.Close()
	ex, err := r.ExerciseOfYear(2026)
	if err != nil {
		b.Fatal(err)
	}
	opt := BookOptions{Exercise: ex}
	for _, c := range []struct {
		name string
		pdf  func(BookOptions) ([]byte, error)
	}{{"grand-livre", r.GeneralLedgerPDF}, {"owner-statements", r.OwnerAccountsPDF}} {
		b.Run(c.name, func(b *testing.B) {
			var size int
			for b.Loop() {
				pdf, err := c.pdf(opt)
				if err != nil {
					b.Fatal(err)
				}
				size = len(pdf)
			}
			b.ReportMetric(float64(size)/1e6, "MB")
		})
	}
	b.Run("grand-livre-data", func(b *testing.B) {
		for b.Loop() {
			if _, err := r.GeneralLedger(opt); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("owner-statements-data", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := r.OwnerAccounts(opt); err != nil {
				b.Fatal(err)
			}
		}
	})
}
