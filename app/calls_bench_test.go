package app

import (
	"path/filepath"
	"testing"
	"time"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// BenchmarkCallsWithNotices600 posts the four quarterly budget calls of a
// 600-owner residence with its works fund (eight calls on four dates) and
// writes every notice: 2 400 owner PDFs and four combined ones.
//
//	go test ./app -run XXX -bench CallsWithNotices600 -benchtime 3x
func BenchmarkCallsWithNotices600(b *testing.B) {
	template := filepath.Join(b.TempDir(), "template.copro")
	ledgertest.Large(b, template)
	for _, statement := range []bool{false, true} {
		name := "notices"
		if statement {
			name = "notices+statements"
		}
		b.Run(name, func(b *testing.B) {
			var post, pdf time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				file := filepath.Join(b.TempDir(), "run.copro")
				ledgertest.CopyFile(b, template, file)
				r, err := Open(file)
				if err != nil {
					b.Fatal(err)
				}
				dir := b.TempDir()
				b.StartTimer()

				start := time.Now()
				plan, err := r.PlanBudgetCalls(year(b, r, 2025), 4)
				if err != nil {
					b.Fatal(err)
				}
				posted, err := r.PostCalls(plan)
				if err != nil {
					b.Fatal(ledger.Message(err))
				}
				mid := time.Now()
				files, err := r.WriteCallNotices(dir, posted, NoticeOptions{Statement: statement, Printed: ledger.Date(2024, 12, 15)})
				if err != nil {
					b.Fatal(ledger.Message(err))
				}
				post += mid.Sub(start)
				pdf += time.Since(mid)

				b.StopTimer()
				n := 0
				for _, f := range files {
					n += len(f.Owners)
				}
				if len(posted) != 8 || n != 2400 {
					b.Fatalf("%d calls, %d notices", len(posted), n)
				}
				r.Close()
				b.StartTimer()
			}
			b.ReportMetric(post.Seconds()/float64(b.N), "s-post/op")
			b.ReportMetric(pdf.Seconds()/float64(b.N), "s-pdf/op")
		})
	}
}
