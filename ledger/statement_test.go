package ledger_test

import (
	"reflect"
	"testing"

	"tantieme/ledger"
)

// TestAccountStatementsAgreeWithReference compares the statements of every
// account of the chart, over whole and partial periods, with the reference
// reading (StatementByQueryForTest, the query the statements used before
// issue 22), one by one and all at once, on residences where entries were
// posted out of date order (an entry's id then says nothing of its date:
// the lines are read between the period's smallest and largest entry ids).
func TestAccountStatementsAgreeWithReference(t *testing.T) {
	late := func(date, piece string) func(t *testing.T, db *ledger.DB) {
		return func(t *testing.T, db *ledger.DB) {
			mustUpdate(t, db, func(tx *ledger.Tx) error {
				return tx.PostEntry(entry(date, "BQ", piece, dr("512001", "", "50"), cr("450003", "", "50")))
			})
		}
	}
	for _, c := range []struct {
		name  string
		steps []func(t *testing.T, db *ledger.DB)
		// the bank's statement of the exercise where the late entry went,
		// by date though it was posted last
		from, to, pieces string
		opening          ledger.Amount
	}{
		// 2025 open: R1 (01-20), P1 (04-10), then L1 dated 06-15 but
		// posted after all of 2026. Opening 0 (first exercise).
		{"2025 open", []func(*testing.T, *ledger.DB){post2025, post2026, late("2025-06-15", "L1")}, "2025-01-01", "2025-12-31", "R1 P1 L1", 0},
		// 2025 closed: AN2026 (01-01) carries 100,00 at the bank, then
		// L2 dated 01-10 though posted after R2 (02-01).
		{"2025 closed", []func(*testing.T, *ledger.DB){post2025, carryForward, post2026, late("2026-01-10", "L2")}, "2026-01-01", "2026-12-31", "AN2026 L2 R2", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := mustCreate(t)
			for _, step := range c.steps {
				step(t, db)
			}
			periods := [][2]string{{"2025-01-01", "2025-12-31"}, {"2026-01-01", "2026-12-31"}, {"2025-02-01", "2025-12-31"},
				{"2026-01-02", "2026-06-30"}, {"2026-02-01", "2026-02-01"}, {"2025-06-15", "2026-01-10"}, {"2027-01-01", "2027-12-31"}}
			mustView(t, db, func(tx *ledger.Tx) error {
				accs, err := tx.Accounts()
				if err != nil {
					return err
				}
				var codes []string
				for _, a := range accs {
					codes = append(codes, a.Code)
				}
				// A code twice: both get the whole statement.
				codes = append(codes, "512001")
				for _, p := range periods {
					from, to := ledger.MustDate(p[0]), ledger.MustDate(p[1])
					all, err := tx.AccountStatements(codes, from, to)
					if err != nil {
						t.Fatalf("AccountStatements %v: %v", p, err)
					}
					if len(all) != len(codes) {
						t.Fatalf("AccountStatements %v: %d statements for %d accounts", p, len(all), len(codes))
					}
					for i, code := range codes {
						want, err := tx.StatementByQueryForTest(code, from, to)
						if err != nil {
							t.Fatalf("reference %s %v: %v", code, p, err)
						}
						one, err := tx.AccountStatement(code, from, to)
						if err != nil {
							t.Fatalf("AccountStatement %s %v: %v", code, p, err)
						}
						if !reflect.DeepEqual(one, want) {
							t.Errorf("AccountStatement(%s, %v)\n got %+v\nwant %+v", code, p, one, want)
						}
						if !reflect.DeepEqual(all[i], want) {
							t.Errorf("AccountStatements[%s] %v\n got %+v\nwant %+v", code, p, all[i], want)
						}
					}
				}
				st, err := tx.AccountStatement("512001", ledger.MustDate(c.from), ledger.MustDate(c.to))
				if err != nil {
					return err
				}
				got := ""
				for i, l := range st.Lines {
					if i > 0 {
						got += " "
					}
					got += l.Piece
				}
				if got != c.pieces || st.Opening != c.opening {
					t.Errorf("512001 %s..%s: lines %q opening %v, want %q opening %v", c.from, c.to, got, st.Opening, c.pieces, c.opening)
				}
				return nil
			})
		})
	}
}

func TestAccountStatementsUnknownAccount(t *testing.T) {
	db := mustCreate(t)
	err := db.View(func(tx *ledger.Tx) error {
		_, err := tx.AccountStatements([]string{"512001", "450999"}, ledger.Date(2025, 1, 1), ledger.Date(2025, 12, 31))
		return err
	})
	if ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("AccountStatements with 450999: %v, want NotFound", err)
	}
	// None asked, none read.
	err = db.View(func(tx *ledger.Tx) error {
		all, err := tx.AccountStatements(nil, ledger.Date(2025, 1, 1), ledger.Date(2025, 12, 31))
		if err == nil && len(all) != 0 {
			t.Errorf("AccountStatements(nil) = %v", all)
		}
		return err
	})
	if err != nil {
		t.Error(err)
	}
}
