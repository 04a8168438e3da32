package ledger_test

import (
	"testing"

	"tantieme/ledger"
)

// BenchmarkVerifyApprovedBooks is what a closing checks of an exercise the
// assembly approved (one of the big residence's four, 50,000 entries):
// one walk of the whole chain and the exercise's entries, where
// BenchmarkVerifyChain reads every entry of the books.
func BenchmarkVerifyApprovedBooks(b *testing.B) {
	db := openBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := db.View(func(tx *ledger.Tx) error {
			head, _, err := tx.ChainHead()
			if err != nil {
				return err
			}
			ex, err := tx.ExerciseOfYear(2026)
			if err != nil {
				return err
			}
			got, err := tx.VerifyApprovedBooks(ex, head.Link.Fingerprint())
			if err == nil && (!got.Verdict.Found || len(got.Problems) != 0) {
				b.Fatalf("%+v", got)
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
