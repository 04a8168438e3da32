package ledger_test

import (
	"path/filepath"
	"testing"
	"time"

	"tantieme/ledger"
)

// An entry keeps the day it was posted, whatever its own date; a replaced
// entry the day it was replaced; an entry of a file written before the day
// was kept has none.
func TestEntriesValidated(t *testing.T) {
	db := mustCreate(t)
	before := ledger.ISO(time.Now())
	var id int64
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		// Dated in March 2025, posted today (December 2026 or later).
		e := entry("2025-03-10", "BQ", "R1", dr("512001", "", "100"), cr("450001", "", "100"))
		err := tx.PostEntry(e)
		id = e.ID
		return err
	})
	after := ledger.ISO(time.Now())
	mustView(t, db, func(tx *ledger.Tx) error {
		got, err := tx.EntriesValidated(ledger.Date(2025, 1, 1), ledger.Date(2025, 12, 31))
		if err != nil {
			return err
		}
		if day := ledger.ISO(got[id]); day != before && day != after {
			t.Errorf("entry %d validated %q, want the day it was posted (%s)", id, day, before)
		}
		if len(got) != 1 {
			t.Errorf("%d validations, want 1", len(got))
		}
		none, err := tx.EntriesValidated(ledger.Date(2026, 1, 1), ledger.Date(2026, 12, 31))
		if err == nil && len(none) != 0 {
			t.Errorf("2026 has no entry, got %v", none)
		}
		return err
	})

	file := filepath.Join(t.TempDir(), "ancienne.copro")
	// Version 7: the last before 008_entry_validated.sql.
	if err := ledger.OldSchemaFileForTest(file, 7); err != nil {
		t.Fatal(err)
	}
	raw, err := rawConn(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO entries (id, journal, date, label) VALUES (7, 'BQ', '2024-03-01', 'règlement')`,
		`INSERT INTO lines (entry_id, account, debit) VALUES (7, '512000', 1234)`,
		`INSERT INTO lines (entry_id, account, credit) VALUES (7, '450001', 1234)`,
		`UPDATE entries SET posted = 1 WHERE id = 7`,
	} {
		if _, err := raw.Exec(q); err != nil {
			raw.Close()
			t.Fatal(q, err)
		}
	}
	raw.Close()
	old, err := ledger.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	mustView(t, old, func(tx *ledger.Tx) error {
		got, err := tx.EntriesValidated(ledger.Date(2000, 1, 1), ledger.Date(2100, 12, 31))
		if err == nil && len(got) != 0 {
			t.Errorf("an entry posted before the day was kept: %v", got)
		}
		return err
	})
}
