package ledger_test

import (
	"testing"

	"tantieme/ledger"
)

// closedWithOpening books 2025 for owner 450001, carries his balance into
// 2026 with an AN entry, closes 2025 and books 2026.
func closedWithOpening(t *testing.T) *ledger.DB {
	t.Helper()
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for _, e := range []*ledger.Entry{
			entry("2025-01-01", "OD", "A1", dr("450001", "", "400"), cr("701000", "001", "400")),
			entry("2025-02-10", "BQ", "R1", dr("512001", "", "250"), cr("450001", "", "250")),
			// AN: 450001 owes 150, the bank holds 250, provisions 400 are
			// a (simplified) result carried to 102.
			entry("2026-01-01", "AN", "AN1", dr("450001", "", "150"), dr("512001", "", "250"), cr("102000", "", "400")),
			entry("2026-01-01", "OD", "A2", dr("450001", "", "100"), cr("701000", "001", "100")),
			entry("2026-03-01", "BQ", "R2", dr("512001", "", "30"), cr("450001", "", "30")),
		} {
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		return tx.CloseExercise(ex.ID)
	})
	return db
}

// A period that runs from a closed exercise into the next one already holds
// what the AN entry carries forward: it must not be counted twice.
func TestPeriodAcrossClosedExerciseCountsOpeningOnce(t *testing.T) {
	db := closedWithOpening(t)
	want := amt("220") // 150 carried + 100 called − 30 paid
	mustView(t, db, func(tx *ledger.Tx) error {
		end := ledger.MustDate("2026-12-31")
		bal, err := tx.AccountBalanceAt("450001", end)
		if err != nil || bal != want {
			t.Errorf("AccountBalanceAt = %s (%v), want %s", bal, err, want)
		}
		ob, err := tx.OwnerBalances(end)
		if err != nil || ob["450001"] != want {
			t.Errorf("OwnerBalances = %s (%v), want %s", ob["450001"], err, want)
		}
		for _, from := range []string{"2025-01-01", "2025-02-01", "2026-01-01", "2026-02-01"} {
			st, err := tx.AccountStatement("450001", ledger.MustDate(from), end)
			if err != nil {
				return err
			}
			if st.Closing != want {
				t.Errorf("statement from %s closes at %s, want %s", from, st.Closing, want)
			}
			if st.Opening+st.TotalDebit-st.TotalCredit != st.Closing {
				t.Errorf("statement from %s: opening %s + %s − %s ≠ %s", from, st.Opening, st.TotalDebit, st.TotalCredit, st.Closing)
			}
		}
		tb, err := tx.TrialBalance(ledger.MustDate("2025-01-01"), end)
		if err != nil {
			return err
		}
		for _, b := range tb {
			if b.Account == "450001" && b.Balance() != want {
				t.Errorf("trial balance 2025–2026: 450001 at %s, want %s", b.Balance(), want)
			}
			if b.Account == "102000" {
				t.Errorf("trial balance 2025–2026 counts the AN line on 102000 (%s)", b.Balance())
			}
		}
		// The 2026 trial balance alone starts from the AN entry.
		tb, err = tx.TrialBalance(ledger.MustDate("2026-01-01"), end)
		if err != nil {
			return err
		}
		found := false
		for _, b := range tb {
			if b.Account == "102000" {
				found = b.Balance() == amt("-400")
			}
		}
		if !found {
			t.Error("the 2026 trial balance lacks its opening balance on 102000")
		}
		return nil
	})
}

func TestPostedEntryCannotMoveIntoOrOutOfAN(t *testing.T) {
	db := closedWithOpening(t)
	for _, q := range []string{
		`UPDATE entries SET journal = 'OD' WHERE piece = 'AN1'`,
		`UPDATE entries SET journal = 'AN' WHERE piece = 'R2'`,
	} {
		err := db.Exec(q)
		if ledger.KindOf(err) != ledger.Invalid {
			t.Errorf("%s: %v, want an Invalid refusal", q, err)
		}
	}
	if err := db.Exec(`UPDATE entries SET journal = 'OD' WHERE piece = 'R2'`); err != nil {
		t.Errorf("moving a posted entry between ordinary journals: %v", err)
	}
	// Allowed by the file, but outside Tantième: the chain names the entry.
	var r2 int64
	mustView(t, db, func(tx *ledger.Tx) error {
		list, err := tx.Entries(ledger.EntryFilter{})
		for _, e := range list {
			if e.Piece == "R2" {
				r2 = e.ID
			}
		}
		return err
	})
	wantOutsideEdit(t, db, r2)
}

// A deleted entry's number never comes back (AUTOINCREMENT): pieces of
// workflows may refer to it.
func TestEntryIDsAreNotReused(t *testing.T) {
	db := mustCreate(t)
	var first, second int64
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		e := entry("2025-03-01", "OD", "X1", dr("450001", "", "1"), cr("701000", "001", "1"))
		if err := tx.PostEntry(e); err != nil {
			return err
		}
		first = e.ID
		if err := tx.DeleteEntry(e.ID); err != nil {
			return err
		}
		e2 := entry("2025-03-01", "OD", "X2", dr("450001", "", "1"), cr("701000", "001", "1"))
		err := tx.PostEntry(e2)
		second = e2.ID
		return err
	})
	if second <= first {
		t.Errorf("entry id %d reused after deleting %d", second, first)
	}
}

func TestTriggerRefusalKinds(t *testing.T) {
	db := closedWithOpening(t)
	cases := []struct {
		sql  string
		kind ledger.Kind
		msg  string
	}{
		{`DELETE FROM accounts WHERE code = '512001'`, ledger.Conflict, "Un compte mouvementé ne peut pas être supprimé."},
		{`DELETE FROM keys WHERE code = '001'`, ledger.Conflict, "Une clé utilisée (tantièmes, budget ou écritures) ne peut pas être supprimée."},
		{`DELETE FROM entries WHERE piece = 'A1'`, ledger.Locked, "Exercice clos : ses écritures ne peuvent pas être supprimées."},
		{`UPDATE exercises SET closed = 0 WHERE start = '2025-01-01'`, ledger.Conflict, "L'exercice ne peut pas être rouvert : l'exercice suivant contient déjà des écritures."},
		{`UPDATE accounts SET code = '512009' WHERE code = '512001'`, ledger.Invalid, "Le numéro d'un compte ne peut pas changer."},
	}
	for _, c := range cases {
		err := db.Exec(c.sql)
		var e *ledger.Error
		if ledger.KindOf(err) != c.kind || ledger.Message(err) != c.msg {
			t.Errorf("%s: kind %v message %q, want %v %q (%v)", c.sql, ledger.KindOf(err), ledger.Message(err), c.kind, c.msg, e)
		}
	}
}

func TestStruckOutAccount1032(t *testing.T) {
	err := ledger.CheckAccountCode("103200")
	if ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("103200 accepted: %v", err)
	}
	if err := ledger.CheckAccountCode("103100"); err != nil {
		t.Errorf("103100: %v", err)
	}
}
