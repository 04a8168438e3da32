package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

func TestClosingRecord(t *testing.T) {
	db := mustCreate(t)
	var ex ledger.Exercise
	mustView(t, db, func(tx *ledger.Tx) error {
		var err error
		ex, err = tx.ExerciseOfYear(2025)
		return err
	})
	rec := ledger.ClosingRecord{ExerciseID: ex.ID, OwnersAt: ledger.Date(2026, 3, 1),
		Keys: []ledger.ClosingKey{{Section: "", Key: "001", TotalShares: dec("1000"), Charges: amt("100"), Income: amt("10")}},
		Parts: []ledger.ClosingPart{
			{Owner: "450001", Key: "001", Shares: dec("400"), Part: amt("36"), Called: amt("40")},
			{Owner: "450002", Key: "001", Shares: dec("300"), Part: amt("27"), Called: amt("30")},
			{Owner: "450003", Key: "001", Shares: dec("300"), Part: amt("26,99"), Called: amt("30"), Moved: amt("-5")},
		}}
	err := db.Update(func(tx *ledger.Tx) error { return tx.RecordClosing(rec) })
	if ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), "les parts de la clé 001 font 89,99 € au lieu de 90,00 €") {
		t.Fatalf("parts not adding up: %v", err)
	}
	rec.Parts[2].Part = amt("27")
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.RecordClosing(rec) })
	mustView(t, db, func(tx *ledger.Tx) error {
		got, ok, err := tx.ClosingRecordOf(ex.ID)
		if err != nil || !ok || len(got.Parts) != 3 || got.Parts[2].Provisions() != amt("25") || !got.OwnersAt.Equal(rec.OwnersAt) ||
			got.Keys[0].Net() != amt("90") || !got.Keys[0].TotalShares.Equal(dec("1000")) {
			t.Errorf("read back %+v %v %v", got, ok, err)
		}
		return nil
	})
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.CloseExercise(ex.ID) })
	// Once the exercise is closed, its record no longer changes, even by hand.
	for _, q := range []string{`UPDATE closing_parts SET part = 0`, `DELETE FROM closing_keys`, `DELETE FROM closings`,
		`INSERT INTO closing_parts (exercise_id, section, owner, key, shares, part, called, moved) VALUES (1, 'X', '450001', '001', '1', 0, 0, 0)`} {
		if err := db.Exec(q); ledger.KindOf(err) != ledger.Locked {
			t.Errorf("%s: %v", q, err)
		}
	}
	err = db.Update(func(tx *ledger.Tx) error { return tx.RecordClosing(rec) })
	if ledger.KindOf(err) != ledger.Locked {
		t.Errorf("recording twice: %v", err)
	}
	mustView(t, db, func(tx *ledger.Tx) error {
		sections, err := tx.ClosedSections()
		if err != nil || !sections[""].Equal(ex.End) {
			t.Errorf("closed sections %v %v", sections, err)
		}
		return nil
	})
}

func TestUnreconciledLines(t *testing.T) {
	db := mustCreate(t)
	var ticked int64
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for i, e := range []*ledger.Entry{
			entry("2025-01-01", "AN", "", dr("512001", "", "100"), cr("450001", "", "100")),
			entry("2025-02-01", "BQ", "R1", dr("512001", "", "10"), cr("450001", "", "10")),
			entry("2025-03-01", "BQ", "R2", dr("512001", "", "20"), cr("450002", "", "20")),
			entry("2026-01-05", "BQ", "R3", dr("512001", "", "30"), cr("450002", "", "30")),
		} {
			if err := tx.PostEntry(e); err != nil {
				return err
			}
			if i == 1 {
				ticked = e.Lines[0].ID
			}
		}
		return tx.SaveBankStatement(ledger.BankStatement{Account: "512001", Date: ledger.Date(2025, 2, 28), Balance: amt("110")}, []int64{ticked})
	})
	mustView(t, db, func(tx *ledger.Tx) error {
		// The first exercise's AN may be how the books started: it counts;
		// the line ticked on the February statement does not, nor 2026's.
		n, err := tx.UnreconciledLines("512001", ledger.Date(2025, 12, 31))
		if err != nil || n != 2 {
			t.Errorf("%d unreconciled lines, want 2 (%v)", n, err)
		}
		return nil
	})
}
