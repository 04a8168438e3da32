package assembly_test

import (
	"database/sql"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/assembly"
	"tantieme/app/closing"
	"tantieme/ledger"
)

// An entry of 2025 rewritten with another program after the AG approved the
// accounts (the triggers dropped, the amounts changed on both sides, the
// day totals made to match, the triggers put back): the chain's records are
// untouched, so the fingerprint alone would still be found; the closing
// checks the entries against the chain and refuses, naming the entry.
func TestClosingRefusedAfterBooksEditedOutside(t *testing.T) {
	r, id := tenOwners(t)
	for n := 1; n <= 4; n++ {
		voteAll(t, r, id, n, 1, "pour", nil, map[int]int{4: 3}[n]+map[bool]int{true: 6}[n != 4])
	}
	if _, err := assembly.Hold(r, id, agDay); err != nil {
		t.Fatal(err)
	}
	path := r.Path()
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	triggers := map[string]string{}
	rows, err := raw.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('lines', 'entries')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n, s string
		if err := rows.Scan(&n, &s); err != nil {
			t.Fatal(err)
		}
		triggers[n] = s
	}
	rows.Close()
	var queries []string
	for n := range triggers {
		queries = append(queries, `DROP TRIGGER `+n)
	}
	queries = append(queries,
		`UPDATE lines SET debit = debit + 100000 WHERE id = (SELECT min(id) FROM lines WHERE entry_id = 1 AND debit > 0)`,
		`UPDATE lines SET credit = credit + 100000 WHERE id = (SELECT min(id) FROM lines WHERE entry_id = 1 AND credit > 0)`,
		`DELETE FROM day_totals`,
		`INSERT INTO day_totals (account, key, date, opening, debit, credit)
		 SELECT l.account, coalesce(l.key, ''), e.date, e.journal = 'AN', sum(l.debit), sum(l.credit)
		 FROM lines l JOIN entries e ON e.id = l.entry_id WHERE e.posted = 1 GROUP BY 1, 2, 3, 4`)
	for _, s := range triggers {
		queries = append(queries, s)
	}
	for _, q := range queries {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	raw.Close()

	r, err = app.Open(path)
	if err != nil {
		t.Fatalf("the file, its schema whole again, opens: %v", err)
	}
	defer r.Close()
	_, err = closing.Prepare(r, apptest.Year(t, r, 2025), closing.Options{})
	if ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), "modifiés hors de Tantième") ||
		!strings.Contains(ledger.Message(err), "l'écriture n° 1 ") {
		t.Errorf("closing after an edit outside Tantième: %v", err)
	}
}
