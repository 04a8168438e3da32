package ledger

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// Migration 017 rebuilds the calls table for the one-off and advance
// kinds: a file of schema 16 with calls (one cancelled) keeps them row for
// row, their keys and parts still reference them, and the new kinds post.
func TestMigrateCallKinds(t *testing.T) {
	file := filepath.Join(t.TempDir(), "ancienne.copro")
	if err := OldSchemaFileForTest(file, 16); err != nil {
		t.Fatal(err)
	}
	d, err := connect(file, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.sql.Close()
	post := func(tx *Tx, kind CallKind, n, count int, due time.Time, account string, cents Amount) (Call, error) {
		piece, err := tx.NextPiece(CallPiecePrefix(Exercise{Start: due}))
		if err != nil {
			return Call{}, err
		}
		c := Call{Kind: kind, Number: n, Count: count, Due: due, PeriodStart: due, PeriodEnd: due.AddDate(0, 2, 30), Label: fmt.Sprintf("Appel %d", n),
			Account: account, Level: "account_key", Piece: piece,
			Keys:  []CallKey{{Key: GeneralKey, TotalShares: decimal.NewFromInt(100), Amount: cents}},
			Parts: []CallPart{{Owner: "450001", Key: GeneralKey, Shares: decimal.NewFromInt(100), Amount: cents}}}
		e := Entry{Journal: JournalMisc, Date: due, Piece: piece, Label: c.Label,
			Lines: []Line{{Account: "450001", Debit: cents}, {Account: account, Key: GeneralKey, Credit: cents}}}
		return c, tx.PostCall(&c, &e)
	}
	err = d.Update(func(tx *Tx) error {
		if err := tx.AddLot(Lot{Number: "1", Owner: "450001"}); err != nil {
			return err
		}
		if err := tx.SetShare("1", GeneralKey, decimal.NewFromInt(100)); err != nil {
			return err
		}
		first, err := post(tx, BudgetCall, 1, 4, Date(2024, 1, 1), "701000", 25000)
		if err != nil {
			return err
		}
		if _, err := post(tx, BudgetCall, 2, 4, Date(2024, 4, 1), "701000", 25001); err != nil {
			return err
		}
		_, err = tx.CancelCall(first.ID, Date(2024, 1, 5))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	dump := func() string {
		var b strings.Builder
		for _, q := range []string{
			`SELECT id, kind, exercise_id, works, number, count, due_date, period_start, period_end, label, account, level, piece, entry_id, coalesce(cancel_entry_id, 0) FROM calls ORDER BY id`,
			`SELECT call_id, key, total_shares, amount FROM call_keys ORDER BY call_id, key`,
			`SELECT call_id, owner, key, shares, amount FROM call_parts ORDER BY call_id, owner, key`,
			`SELECT name, seq FROM sqlite_sequence WHERE name = 'calls'`,
		} {
			rows, err := d.sql.Query(q)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				fmt.Fprintln(&b, vals...)
			}
			rows.Close()
			b.WriteString("--\n")
		}
		return b.String()
	}
	before := dump()
	if strings.Count(before, "\n") < 8 {
		t.Fatalf("too little to compare:\n%s", before)
	}
	if err := d.migrateTo(16, 17); err != nil {
		t.Fatal(err)
	}
	if after := dump(); after != before {
		t.Errorf("calls changed by the migration:\n%s\nwas\n%s", after, before)
	}
	var bad int
	if err := d.sql.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&bad); err != nil || bad != 0 {
		t.Errorf("foreign keys after the migration: %d broken (%v)", bad, err)
	}
	var triggers int
	d.sql.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'calls'`).Scan(&triggers)
	if triggers != 12 {
		t.Errorf("%d triggers on calls after the migration, want the 12 of migrations 002 and 006", triggers)
	}
	// The protections hold on the rebuilt table, and the new kinds post.
	if _, err := d.sql.Exec(`DELETE FROM calls`); err == nil {
		t.Error("a call could be deleted after the migration")
	}
	err = d.Update(func(tx *Tx) error {
		if _, err := post(tx, DirectCall, 1, 1, Date(2024, 5, 2), "701000", 1000); err != nil {
			return err
		}
		if _, err := post(tx, DirectCall, 2, 2, Date(2024, 5, 3), "701000", 1000); err != nil {
			return err
		}
		_, err := post(tx, AdvanceCall, 1, 1, Date(2024, 5, 2), "103100", 5000)
		return err
	})
	if err != nil {
		t.Fatalf("new kinds after the migration: %v", err)
	}
}
