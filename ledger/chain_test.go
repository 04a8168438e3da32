package ledger_test

import (
	"database/sql"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
)

// tamperClosedEntry does what issue 12's item 4 describes: with sqlite3,
// lift the protections of the closed 2025 exercise, add 1 000 € to both
// sides of an entry, put the protections back exactly as they were and
// mend the day totals, so that every count and total agrees again.
func tamperClosedEntry(t *testing.T, file string, entryID int64) {
	t.Helper()
	tamperOutside(t, file,
		fmt.Sprintf(`UPDATE lines SET debit = debit + 100000 WHERE entry_id = %d AND debit > 0 AND id = (SELECT min(id) FROM lines WHERE entry_id = %d AND debit > 0)`, entryID, entryID),
		fmt.Sprintf(`UPDATE lines SET credit = credit + 100000 WHERE entry_id = %d AND credit > 0 AND id = (SELECT min(id) FROM lines WHERE entry_id = %d AND credit > 0)`, entryID, entryID))
}

// tamperOutside runs edits on a residence as sqlite3 would, its
// protections lifted and put back exactly as they were, the day totals
// mended so that every count and total agrees again.
func tamperOutside(t *testing.T, file string, edits ...string) {
	t.Helper()
	raw, err := rawConn(file)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	triggers := map[string]string{}
	rows, err := raw.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (tbl_name IN ('lines', 'entries'))`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n, s string
		rows.Scan(&n, &s)
		triggers[n] = s
	}
	rows.Close()
	for n := range triggers {
		if _, err := raw.Exec(`DROP TRIGGER ` + n); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range append(edits,
		`DELETE FROM day_totals`,
		`INSERT INTO day_totals (account, key, date, opening, debit, credit)
		 SELECT l.account, coalesce(l.key, ''), e.date, e.journal = 'AN', sum(l.debit), sum(l.credit)
		 FROM lines l JOIN entries e ON e.id = l.entry_id WHERE e.posted = 1 GROUP BY 1, 2, 3, 4`,
	) {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	for _, s := range triggers {
		if _, err := raw.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
}

// Issue 12, item 4: a closed exercise edited outside Tantième, everything
// else made consistent again, is caught by check, naming the exercise and
// the entry.
func TestCheckFindsTamperedClosedEntry(t *testing.T) {
	b := newClosedBooks(t)
	file := b.db.Path()
	b.db.Close()
	tamperClosedEntry(t, file, b.invoice)
	db, err := ledger.Open(file)
	if err != nil {
		t.Fatalf("the schema is back as it was, the file opens: %v", err)
	}
	defer db.Close()
	problems, err := db.Check(true)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("l'écriture n° %d du 03/02/2025 (exercice 2025) a été modifiée hors de Tantième", b.invoice)
	if !hasText(problems, want) {
		t.Errorf("check did not name the tampered entry: %v", problems)
	}
}

// The same edit with the lock triggers replaced by same-name triggers that
// do nothing is caught by the schema check, at opening.
func TestEmptiedLockTriggersRefused(t *testing.T) {
	b := newClosedBooks(t)
	file := b.db.Path()
	b.db.Close()
	raw, err := rawConn(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TRIGGER lines_lock_update`, `CREATE TRIGGER lines_lock_update BEFORE UPDATE ON lines BEGIN SELECT 1; END`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	if _, err := ledger.Open(file); ledger.KindOf(err) != ledger.Damaged || !strings.Contains(ledger.Message(err), "lines_lock_update") {
		t.Errorf("open: %v", err)
	}
}

// Changes made through Tantième are kept: the chain holds every version,
// the history shows them, check passes, and a fingerprint taken before the
// changes is still found, with the changes listed.
func TestChainKeepsHistory(t *testing.T) {
	db := mustCreate(t)
	var first, second *ledger.Entry
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		first = entry("2025-02-03", "AC", "F1", dr("601000", "001", "55,10"), cr("401000", "", "55,10"))
		second = entry("2025-03-10", "BQ", "R1", dr("512001", "", "400"), cr("450001", "", "400"))
		if err := tx.PostEntry(first); err != nil {
			return err
		}
		return tx.PostEntry(second)
	})
	ex := exerciseOf(t, db, 2025)
	var before ledger.Link
	mustView(t, db, func(tx *ledger.Tx) (err error) {
		before, err = tx.Fingerprint(ex)
		return err
	})
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		fixed := entry("2025-02-03", "AC", "F1", dr("601000", "001", "65,10"), cr("401000", "", "65,10"))
		fixed.Label = "facture\tcorrigée\nà la main \\"
		if err := tx.ReplaceEntry(first.ID, fixed); err != nil {
			return err
		}
		if err := tx.DeleteEntry(second.ID); err != nil {
			return err
		}
		return tx.PostEntry(entry("2025-04-01", "BQ", "R2", dr("512001", "", "10"), cr("450002", "", "10")))
	})
	wantNoProblem(t, db)

	mustView(t, db, func(tx *ledger.Tx) error {
		h, err := tx.EntryHistory(first.ID)
		if err != nil {
			return err
		}
		if len(h) != 2 || h[0].Op != ledger.OpPost || h[1].Op != ledger.OpReplace || !h[1].Current || h[0].Missing {
			t.Fatalf("history of the replaced entry: %+v", h)
		}
		if d, _ := h[0].Entry.Totals(); d != 5510 {
			t.Errorf("first version: %v", h[0].Entry)
		}
		// Tab and line feed became spaces (ledger.CleanText); the
		// encoding itself keeps any text (TestEncodeEntryRoundTrip).
		if h[1].Entry.Label != "facture corrigée à la main \\" {
			t.Errorf("current version label %q", h[1].Entry.Label)
		}
		h, err = tx.EntryHistory(second.ID)
		if err != nil {
			return err
		}
		if len(h) != 2 || h[1].Op != ledger.OpDelete || h[1].Entry.Piece != "R1" || h[1].Missing {
			t.Errorf("history of the deleted entry: %+v", h)
		}
		return nil
	})

	v, err := db.VerifyFingerprint(ex, strings.ToLower(strings.ReplaceAll(before.Fingerprint(), "-", " ")))
	if err != nil {
		t.Fatal(err)
	}
	if !v.Found || v.Added != 1 || len(v.Changed) != 2 {
		t.Errorf("verdict: %+v", v)
	}
	if v, err := db.VerifyFingerprint(ex, "0000-0000-0000-0000"); err != nil || v.Found {
		t.Errorf("unknown fingerprint: %+v %v", v, err)
	}
	if _, err := db.VerifyFingerprint(ex, "XYZ"); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("malformed fingerprint: %v", err)
	}
}

// Closing seals the exercise: its documents print the seal, the seal is
// found by VerifyFingerprint as the exercise's, and later entries of the
// next exercise change neither.
func TestClosingSeals(t *testing.T) {
	b := newClosedBooks(t)
	var seal ledger.Link
	mustView(t, b.db, func(tx *ledger.Tx) error {
		s, ok, err := tx.Seal(b.ex2025.ID)
		if !ok || err != nil {
			t.Fatalf("no seal: %v", err)
		}
		ex := exerciseOfTx(t, tx, 2025)
		fp, err := tx.Fingerprint(ex)
		if fp != s.Link {
			t.Errorf("fingerprint of the closed exercise %s, seal %s", fp.Fingerprint(), s.Link.Fingerprint())
		}
		seal = s.Link
		return err
	})
	mustUpdate(t, b.db, func(tx *ledger.Tx) error {
		return tx.PostEntry(entry("2026-02-01", "BQ", "R3", dr("512001", "", "10"), cr("450002", "", "10")))
	})
	v, err := b.db.VerifyFingerprint(b.ex2025, seal.Fingerprint())
	if err != nil || !v.Found || !v.Sealed || len(v.Changed) != 0 || v.Added != 0 {
		t.Errorf("seal verdict: %+v %v", v, err)
	}
	wantNoProblem(t, b.db)
}

// Someone with sqlite3 who edits a closed entry and recomputes the whole
// chain (the encoding is documented) passes check; the fingerprint printed
// before on the annexes is then no longer in the chain.
func TestRecomputedChainLosesPrintedFingerprint(t *testing.T) {
	b := newClosedBooks(t)
	var seal ledger.Link
	mustView(t, b.db, func(tx *ledger.Tx) error {
		s, _, err := tx.Seal(b.ex2025.ID)
		seal = s.Link
		return err
	})
	file := b.db.Path()
	b.db.Close()
	tamperClosedEntry(t, file, b.invoice)
	if err := ledger.RechainForTest(file); err != nil {
		t.Fatal(err)
	}
	db, err := ledger.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	wantNoProblem(t, db) // check alone is fooled by a full recomputation…
	v, err := db.VerifyFingerprint(b.ex2025, seal.Fingerprint())
	if err != nil || v.Found {
		t.Errorf("…but not the fingerprint kept outside: %+v %v", v, err)
	}
}

// The same books give the same links: nothing of the clock is hashed.
func TestChainReproducible(t *testing.T) {
	heads := map[string]bool{}
	for range 2 {
		b := newClosedBooks(t)
		mustView(t, b.db, func(tx *ledger.Tx) error {
			h, _, err := tx.ChainHead()
			heads[h.Link.Hex()] = true
			return err
		})
	}
	if len(heads) != 1 {
		t.Errorf("two identical residences, links %v", heads)
	}
}

// A residence written before the chain existed gets its entries chained
// once when it is opened, and the user is told.
func TestMigrationChainsExistingEntries(t *testing.T) {
	file := filepath.Join(t.TempDir(), "ancienne.copro")
	// Version 6: the last before 007_entry_chain.sql.
	if err := ledger.OldSchemaFileForTest(file, 6); err != nil {
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
	db, err := ledger.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := db.MigrationNotes(); len(n) != 1 || !strings.Contains(n[0], "L'écriture déjà passée a été enchaînée") {
		t.Errorf("notes: %v", n)
	}
	wantNoProblem(t, db)
	rep, err := db.VerifyChain()
	if err != nil || rep.Records != 1 || rep.Entries != 1 {
		t.Errorf("chain: %+v %v", rep, err)
	}
}

// Property: any entry's encoding reads back as the same entry, whatever
// its text holds (separators, escapes, accents).
func TestEncodeEntryRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(12))
	alphabet := []rune("ab \\\t\n\rnté€0\\n\\t")
	text := func() string {
		var b strings.Builder
		for range r.Intn(12) {
			b.WriteRune(alphabet[r.Intn(len(alphabet))])
		}
		return b.String()
	}
	for i := range 2000 {
		e := ledger.Entry{ID: int64(i + 1), Journal: text(), Date: ledger.Date(2025, time.Month(1+i%12), 1+i%28), Piece: text(), Label: text()}
		for range 2 + r.Intn(4) {
			e.Lines = append(e.Lines, ledger.Line{Account: text(), Key: text(), Label: text(), Debit: ledger.Amount(r.Int63n(1e12)), Credit: ledger.Amount(r.Int63n(3))})
		}
		body := ledger.EncodeEntry(&e)
		got, err := ledger.DecodeEntry(body)
		if err != nil {
			t.Fatal(err)
		}
		if ledger.EncodeEntry(&got) != body || fmt.Sprint(got) != fmt.Sprint(e) {
			t.Fatalf("round trip:\n%+v\n%+v", e, got)
		}
	}
}

func hasText(ps []ledger.Problem, want string) bool {
	for _, p := range ps {
		if strings.Contains(p.Text, want) {
			return true
		}
	}
	return false
}

func exerciseOf(t *testing.T, db *ledger.DB, year int) (ex ledger.Exercise) {
	t.Helper()
	mustView(t, db, func(tx *ledger.Tx) error {
		ex = exerciseOfTx(t, tx, year)
		return nil
	})
	return ex
}

func exerciseOfTx(t *testing.T, tx *ledger.Tx, year int) ledger.Exercise {
	t.Helper()
	ex, err := tx.ExerciseOfYear(year)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// rawConn is what a user's sqlite3 shell would be: no Tantième in between.
func rawConn(file string) (*sql.DB, error) { return sql.Open("sqlite", file) }
