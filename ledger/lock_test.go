package ledger_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // the plain connection a user's sqlite3 shell would be

	"tantieme/ledger"
)

// closedBooks is a residence whose 2025 exercise holds a call, an invoice and
// a receipt and is closed, with one entry in 2026.
type closedBooks struct {
	db       *ledger.DB
	call     int64 // 2025 entries
	invoice  int64
	receipt  int64
	in2026   int64
	ex2025   ledger.Exercise
	balances []ledger.AccountBalance // trial balance of 2025 when closed
}

func newClosedBooks(t *testing.T) *closedBooks {
	t.Helper()
	b := &closedBooks{db: mustCreate(t)}
	mustUpdate(t, b.db, func(tx *ledger.Tx) error {
		call := entry("2025-01-01", "OD", "A0001", dr("450001", "", "400"), dr("450002", "", "300"), dr("450003", "", "300"), cr("701000", "001", "1000"))
		invoice := entry("2025-02-03", "AC", "F1", dr("601000", "001", "55,10"), dr("614000", "002", "44,90"), cr("401000", "", "100"))
		receipt := entry("2025-03-10", "BQ", "R1", dr("512001", "", "400"), cr("450001", "", "400"))
		in2026 := entry("2026-01-15", "BQ", "R2", dr("512001", "", "300"), cr("450002", "", "300"))
		for _, e := range []*ledger.Entry{call, invoice, receipt, in2026} {
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		b.call, b.invoice, b.receipt, b.in2026 = call.ID, invoice.ID, receipt.ID, in2026.ID
		var err error
		if b.ex2025, err = tx.ExerciseOfYear(2025); err != nil {
			return err
		}
		if b.balances, err = tx.TrialBalanceOf(b.ex2025); err != nil {
			return err
		}
		return tx.CloseExercise(b.ex2025.ID)
	})
	return b
}

// lockedStatements are raw writes that touch the closed 2025 exercise, each
// of which the file itself must refuse.
func (b *closedBooks) lockedStatements() []string {
	return []string{
		fmt.Sprintf(`UPDATE lines SET debit = debit + 1 WHERE entry_id = %d AND debit > 0`, b.call),
		fmt.Sprintf(`UPDATE lines SET credit = 99999 WHERE entry_id = %d AND credit > 0`, b.invoice),
		fmt.Sprintf(`UPDATE lines SET letter = 'AA' WHERE entry_id = %d`, b.receipt),
		fmt.Sprintf(`UPDATE lines SET reconciled = '2025-03-31' WHERE entry_id = %d AND account = '512001'`, b.receipt),
		fmt.Sprintf(`UPDATE lines SET account = '450002' WHERE entry_id = %d AND account = '450001'`, b.call),
		fmt.Sprintf(`UPDATE lines SET key = '002' WHERE entry_id = %d AND account = '601000'`, b.invoice),
		fmt.Sprintf(`UPDATE lines SET label = 'corrigé' WHERE entry_id = %d`, b.invoice),
		fmt.Sprintf(`UPDATE lines SET entry_id = %d WHERE entry_id = %d`, b.in2026, b.receipt),
		fmt.Sprintf(`DELETE FROM lines WHERE entry_id = %d`, b.call),
		fmt.Sprintf(`DELETE FROM lines WHERE entry_id = %d AND account = '614000'`, b.invoice),
		`DELETE FROM lines`,
		fmt.Sprintf(`INSERT INTO lines (entry_id, account, debit) VALUES (%d, '450001', 100)`, b.call),
		fmt.Sprintf(`INSERT INTO lines (entry_id, account, key, credit) VALUES (%d, '601000', '001', 100)`, b.invoice),
		`INSERT INTO entries (journal, date, label) VALUES ('OD', '2025-06-01', 'oubli')`,
		`INSERT INTO entries (journal, date) VALUES ('AN', '2025-12-31')`,
		fmt.Sprintf(`UPDATE entries SET date = '2025-06-01' WHERE id = %d`, b.call),
		fmt.Sprintf(`UPDATE entries SET date = '2026-01-02' WHERE id = %d`, b.call),   // out of the closed exercise
		fmt.Sprintf(`UPDATE entries SET date = '2025-12-31' WHERE id = %d`, b.in2026), // into it
		fmt.Sprintf(`UPDATE entries SET label = 'autre libellé' WHERE id = %d`, b.receipt),
		fmt.Sprintf(`UPDATE entries SET piece = 'X', journal = 'OD' WHERE id = %d`, b.invoice),
		fmt.Sprintf(`DELETE FROM entries WHERE id = %d`, b.invoice),
		`DELETE FROM entries`,
		fmt.Sprintf(`UPDATE exercises SET end = '2025-11-30' WHERE id = %d`, b.ex2025.ID),
		fmt.Sprintf(`DELETE FROM exercises WHERE id = %d`, b.ex2025.ID),
	}
}

// checkUnchanged verifies that the 2025 books are what they were at closing.
// checkUnchanged checks the 2025 books are as closed, and that Check finds
// nothing but the raw SQL edits of the open exercise's entries named in
// outside (the chain reports those as made outside Tantième).
func (b *closedBooks) checkUnchanged(t *testing.T, db *ledger.DB, outside ...int64) {
	t.Helper()
	mustView(t, db, func(tx *ledger.Tx) error {
		got, err := tx.TrialBalanceOf(b.ex2025)
		if err != nil {
			return err
		}
		if fmt.Sprint(got) != fmt.Sprint(b.balances) {
			t.Errorf("2025 trial balance changed:\n got %v\nwant %v", got, b.balances)
		}
		for _, id := range []int64{b.call, b.invoice, b.receipt} {
			e, err := tx.Entry(id)
			if err != nil {
				return err
			}
			if e.Date.Year() != 2025 {
				t.Errorf("entry %d moved to %s", id, ledger.ISO(e.Date))
			}
			for _, l := range e.Lines {
				if l.Letter != "" || l.Reconciled != "" {
					t.Errorf("entry %d line %d was changed: %+v", id, l.ID, l)
				}
			}
		}
		return nil
	})
	problems, err := db.Check(true)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		tolerated := false
		for _, id := range outside {
			tolerated = tolerated || strings.Contains(p.Text, fmt.Sprintf("n° %d ", id)) && strings.Contains(p.Text, "hors de Tantième")
		}
		if !tolerated {
			t.Errorf("Check after refused writes: %v", p)
		}
	}
	if len(outside) > 0 && len(problems) == 0 {
		t.Error("Check did not see the raw SQL edits of the open exercise")
	}
}

// wantLocked checks err is a Locked error whose message is French.
func wantLocked(t *testing.T, err error, what string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: accepted, want it refused (exercise closed)", what)
		return
	}
	msg := ledger.Message(err)
	if k := ledger.KindOf(err); k != ledger.Locked {
		t.Errorf("%s: kind %v (%q), want Locked", what, k, msg)
	}
	if !strings.Contains(msg, "clos") || strings.Contains(msg, "constraint") || strings.Contains(msg, "tantieme:") {
		t.Errorf("%s: message %q is not the French sentence about the closed exercise", what, msg)
	}
}

func TestLockedRawSQLThroughLedger(t *testing.T) {
	b := newClosedBooks(t)
	for _, q := range b.lockedStatements() {
		wantLocked(t, b.db.Exec(q), q)
	}
	b.checkUnchanged(t, b.db)
}

// The protections live in the file: a plain connection, with foreign keys
// off as in the sqlite3 shell, is refused the same writes.
func TestLockedRawSQLThroughPlainConnection(t *testing.T) {
	b := newClosedBooks(t)
	path := b.db.Path()
	if err := b.db.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var fk int
	if err := raw.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 0 {
		t.Fatalf("plain connection: foreign_keys = %d (%v), want 0", fk, err)
	}
	for _, q := range b.lockedStatements() {
		_, err := raw.Exec(q)
		if err == nil {
			t.Errorf("plain connection accepted %s", q)
			continue
		}
		if !strings.Contains(err.Error(), "tantieme:locked: ") {
			t.Errorf("plain connection, %s: %v, want the closed-exercise refusal", q, err)
		}
	}
	// 2026 is open, even through the shell: a draft, its lines, posting.
	for _, q := range []string{
		`INSERT INTO entries (id, journal, date, label) VALUES (1000, 'OD', '2026-02-01', 'à la main')`,
		`INSERT INTO lines (entry_id, account, debit) VALUES (1000, '450003', 1234)`,
		`INSERT INTO lines (entry_id, account, credit) VALUES (1000, '512001', 1234)`,
		`UPDATE entries SET posted = 1 WHERE id = 1000`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("plain connection, %s: %v", q, err)
		}
	}
	raw.Close()

	db, err := ledger.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b.checkUnchanged(t, db, 1000)
	mustView(t, db, func(tx *ledger.Tx) error {
		bal, err := tx.OwnerBalances(ledger.MustDate("2026-02-01"))
		if err != nil {
			return err
		}
		if bal["450003"] != 1234 {
			t.Errorf("450003 at 2026-02-01 = %v, want the 12,34 € posted by hand", bal["450003"])
		}
		return nil
	})
}

func TestLockedOpenExerciseStillWritable(t *testing.T) {
	b := newClosedBooks(t)
	var e ledger.Entry
	mustUpdate(t, b.db, func(tx *ledger.Tx) error {
		e = *entry("2026-03-01", "AC", "F2", dr("601000", "001", "10"), cr("401000", "", "10"))
		if err := tx.PostEntry(&e); err != nil {
			return err
		}
		return tx.ReplaceEntry(b.in2026, entry("2026-01-16", "BQ", "R2", dr("512001", "", "301"), cr("450002", "", "301")))
	})
	for _, q := range []string{
		fmt.Sprintf(`UPDATE lines SET letter = 'B' WHERE entry_id = %d`, e.ID),
		fmt.Sprintf(`UPDATE entries SET label = 'eau' WHERE id = %d`, e.ID),
		fmt.Sprintf(`UPDATE entries SET date = '2026-03-02' WHERE id = %d`, e.ID),
	} {
		if err := b.db.Exec(q); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
	mustUpdate(t, b.db, func(tx *ledger.Tx) error { return tx.DeleteEntry(e.ID) })
	b.checkUnchanged(t, b.db, e.ID)
}

func TestLockedLedgerCalls(t *testing.T) {
	b := newClosedBooks(t)
	err := b.db.Update(func(tx *ledger.Tx) error {
		return tx.PostEntry(entry("2025-12-31", "OD", "X1", dr("450001", "", "1"), cr("701000", "001", "1")))
	})
	wantLocked(t, err, "PostEntry dated 2025")
	if msg := ledger.Message(err); !strings.Contains(msg, "l'exercice 2025 est clos") || !strings.Contains(msg, "Écriture X1 du 31/12/2025") {
		t.Errorf("PostEntry message %q should name the entry and the exercise", msg)
	}
	wantLocked(t, b.db.Update(func(tx *ledger.Tx) error { return tx.DeleteEntry(b.invoice) }), "DeleteEntry of a 2025 entry")
	wantLocked(t, b.db.Update(func(tx *ledger.Tx) error {
		return tx.ReplaceEntry(b.invoice, entry("2026-01-02", "AC", "F1", dr("601000", "001", "100"), cr("401000", "", "100")))
	}), "ReplaceEntry of a 2025 entry")
	// Replacing a 2026 entry by one dated 2025 fails as a whole: the 2026
	// entry is still there afterwards.
	wantLocked(t, b.db.Update(func(tx *ledger.Tx) error {
		return tx.ReplaceEntry(b.in2026, entry("2025-12-30", "BQ", "R2", dr("512001", "", "300"), cr("450002", "", "300")))
	}), "ReplaceEntry of a 2026 entry by a 2025 one")
	mustView(t, b.db, func(tx *ledger.Tx) error {
		_, err := tx.Entry(b.in2026)
		return err
	})
	b.checkUnchanged(t, b.db)
}

func TestReopenExercise(t *testing.T) {
	b := newClosedBooks(t)
	reopen := fmt.Sprintf(`UPDATE exercises SET closed = 0 WHERE id = %d`, b.ex2025.ID)
	err := b.db.Exec(reopen)
	if err == nil || !strings.Contains(ledger.Message(err), "ne peut pas être rouvert") {
		t.Fatalf("reopening 2025 while 2026 has entries: %v, want refused", err)
	}
	mustUpdate(t, b.db, func(tx *ledger.Tx) error { return tx.DeleteEntry(b.in2026) })
	if err := b.db.Exec(reopen); err != nil {
		t.Fatalf("reopening 2025 once 2026 is empty: %v", err)
	}
	// Open again: 2025 takes corrections.
	mustUpdate(t, b.db, func(tx *ledger.Tx) error {
		if err := tx.DeleteEntry(b.receipt); err != nil {
			return err
		}
		return tx.PostEntry(entry("2025-12-31", "OD", "X1", dr("450001", "", "1"), cr("701000", "001", "1")))
	})
	if err := b.db.Exec(fmt.Sprintf(`UPDATE lines SET letter = 'A' WHERE entry_id = %d`, b.call)); err != nil {
		t.Fatal(err)
	}
}

// fileBytes reads the whole residence file.
func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestRefusedWriteLeavesFileUntouched(t *testing.T) {
	b := newClosedBooks(t)
	path := b.db.Path()
	before := fileBytes(t, path)

	err := b.db.Update(func(tx *ledger.Tx) error {
		// A first write that would succeed, then the refused one: the whole
		// transaction must be rolled back.
		if err := tx.PostEntry(entry("2026-04-01", "BQ", "R3", dr("512001", "", "5"), cr("450003", "", "5"))); err != nil {
			return err
		}
		return tx.PostEntry(entry("2025-04-01", "BQ", "R4", dr("512001", "", "5"), cr("450003", "", "5")))
	})
	wantLocked(t, err, "PostEntry in 2025")
	if !bytes.Equal(before, fileBytes(t, path)) {
		t.Error("the file changed after a refused PostEntry")
	}

	wantLocked(t, b.db.Exec(fmt.Sprintf(`UPDATE lines SET debit = debit + 1 WHERE entry_id = %d AND debit > 0`, b.call)), "raw UPDATE")
	if !bytes.Equal(before, fileBytes(t, path)) {
		t.Error("the file changed after a refused raw UPDATE")
	}

	if err := b.db.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, fileBytes(t, path)) {
		t.Error("the file changed once closed")
	}
	if _, err := os.Stat(path + "-journal"); !os.IsNotExist(err) {
		t.Errorf("a rollback journal was left next to the file: %v", err)
	}
}
