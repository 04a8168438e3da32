package ledger_test

import (
	"path/filepath"
	"testing"
	"time"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// BenchmarkSafetyCopy takes the safety copy of the big residence that a
// closing or an import waits for (issue 22): the checked plain copy. The
// archive made afterwards in the background is reported apart, as
// s-zip/op (the time Close would wait for it right after).
func BenchmarkSafetyCopy(b *testing.B) {
	src, err := benchResidence()
	if err != nil {
		b.Fatal(err)
	}
	// A copy of our own: the safety folder is beside the residence.
	file := filepath.Join(b.TempDir(), "big.copro")
	ledgertest.CopyFile(b, src, file)
	db, err := ledger.OpenReadOnly(file)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var zip time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.SafetyCopy(ledger.ReasonClosing); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		start := time.Now()
		db.WaitSafetyCopiesForTest()
		zip += time.Since(start)
		b.StartTimer()
	}
	b.ReportMetric(zip.Seconds()/float64(b.N), "s-zip/op")
}
