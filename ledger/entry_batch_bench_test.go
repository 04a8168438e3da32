package ledger_test

import (
	"fmt"
	"testing"

	"tantieme/ledger"
)

// BenchmarkPostEntries posts 10,000 two-line entries in one transaction,
// one by one (PostEntry) and grouped (PostEntries), into a fresh copy of
// the test residence each time.
func BenchmarkPostEntries(b *testing.B) {
	make10k := func() []*ledger.Entry {
		out := make([]*ledger.Entry, 10000)
		for i := range out {
			date := fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28)
			out[i] = entry(date, "AC", fmt.Sprintf("F%d", i+1), dr("601000", "001", "12,34"), cr("401000", "", "12,34"))
		}
		return out
	}
	for _, bc := range []struct {
		name string
		post func(tx *ledger.Tx, es []*ledger.Entry) error
	}{
		{"one by one", func(tx *ledger.Tx, es []*ledger.Entry) error {
			for _, e := range es {
				if err := tx.PostEntry(e); err != nil {
					return err
				}
			}
			return nil
		}},
		{"grouped", func(tx *ledger.Tx, es []*ledger.Entry) error { return tx.PostEntries(es) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				db := mustCreate(b)
				es := make10k()
				b.StartTimer()
				mustUpdate(b, db, func(tx *ledger.Tx) error { return bc.post(tx, es) })
			}
			b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}
