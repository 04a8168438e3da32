package ledger_test

import (
	"fmt"
	"strings"
	"testing"

	"tantieme/ledger"
)

// A closing checks the books the assembly approved: the fingerprint, and
// every entry of the exercise against the chain; an edit made outside
// Tantième to that exercise is found, one made to another exercise is left
// to `check`.
func TestVerifyApprovedBooks(t *testing.T) {
	tests := []struct {
		name   string
		edits  func(b *closedBooks) []string
		year   int
		found  bool
		wanted []string // in the problems, in order; none: no problem
	}{
		{name: "untouched 2025", year: 2025, found: true},
		{name: "untouched 2026", year: 2026, found: true},
		{name: "2026 entry changed outside", year: 2026, found: true, edits: func(b *closedBooks) []string {
			return []string{fmt.Sprintf(`UPDATE lines SET label = 'corrigé' WHERE entry_id = %d`, b.in2026)}
		}, wanted: []string{"n° %[2]d du 15/01/2026 a été modifiée hors de Tantième"}},
		{name: "2026 entry removed outside", year: 2026, found: true, edits: func(b *closedBooks) []string {
			return []string{fmt.Sprintf(`DELETE FROM lines WHERE entry_id = %d`, b.in2026), fmt.Sprintf(`DELETE FROM entries WHERE id = %d`, b.in2026)}
		}, wanted: []string{"n° %[2]d a été supprimée hors de Tantième"}},
		{name: "2026 entry added outside", year: 2026, found: true, edits: func(b *closedBooks) []string {
			return []string{`INSERT INTO entries (id, journal, date, label, posted) VALUES (900, 'OD', '2026-03-01', 'ajout', 1)`,
				`INSERT INTO lines (entry_id, account, debit, credit) VALUES (900, '512001', 100, 0), (900, '450001', 0, 100)`}
		}, wanted: []string{"n° 900 du 01/03/2026 n'est pas dans la chaîne"}},
		{name: "2025 entry changed: not 2026's books", year: 2026, found: true, edits: func(b *closedBooks) []string {
			return []string{fmt.Sprintf(`UPDATE lines SET label = 'corrigé' WHERE entry_id = %d`, b.invoice)}
		}},
		{name: "2025 entry changed: 2025's books", year: 2025, found: true, edits: func(b *closedBooks) []string {
			return []string{fmt.Sprintf(`UPDATE lines SET label = 'corrigé' WHERE entry_id = %d`, b.invoice)}
		}, wanted: []string{"n° %[1]d du 03/02/2025 a été modifiée hors de Tantième"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newClosedBooks(t)
			var head ledger.ChainRecord
			mustView(t, b.db, func(tx *ledger.Tx) error {
				var err error
				head, _, err = tx.ChainHead()
				return err
			})
			file := b.db.Path()
			b.db.Close()
			if tc.edits != nil {
				tamperOutside(t, file, tc.edits(b)...)
			}
			db, err := ledger.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var got ledger.ApprovedBooks
			mustView(t, db, func(tx *ledger.Tx) error {
				ex, err := tx.ExerciseOfYear(tc.year)
				if err != nil {
					return err
				}
				got, err = tx.VerifyApprovedBooks(ex, head.Link.Fingerprint())
				return err
			})
			if got.Verdict.Found != tc.found || len(got.Verdict.Changed) != 0 || got.Verdict.Added != 0 {
				t.Errorf("verdict %+v", got.Verdict)
			}
			if len(got.Problems) != len(tc.wanted) {
				t.Fatalf("problems %q, want %d", got.Problems, len(tc.wanted))
			}
			for i, w := range tc.wanted {
				if strings.Contains(w, "%") {
					w = fmt.Sprintf(w, b.invoice, b.in2026)
				}
				if !strings.Contains(got.Problems[i], w) {
					t.Errorf("problem %d = %q, want %q", i, got.Problems[i], w)
				}
			}
		})
	}
}
