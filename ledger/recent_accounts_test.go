package ledger_test

import (
	"database/sql"
	"slices"
	"testing"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// RecentAccounts reads the latest entries only (issue 22); its answer is
// the one of the plain query it replaced, every line grouped by account,
// ties (the accounts of one entry) in the order of their codes.
func TestRecentAccountsAsGroupedQuery(t *testing.T) {
	file := ledgertest.Tests(t)
	raw, err := sql.Open("sqlite", "file:"+file+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	rows, err := raw.Query(`SELECT l.account FROM lines l JOIN entries e ON e.id = l.entry_id
		WHERE e.posted = 1 GROUP BY l.account ORDER BY max(e.id) DESC, l.account`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			t.Fatal(err)
		}
		want = append(want, a)
	}
	rows.Close()
	raw.Close()
	if len(want) < 4 {
		t.Fatalf("the test residence has %d accounts in its entries: too few to test", len(want))
	}
	d, err := ledger.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, n := range []int{0, 1, 2, 3, len(want) - 1, len(want), len(want) + 5, 30} {
		var got []string
		if err := d.View(func(tx *ledger.Tx) (err error) {
			got, err = tx.RecentAccounts(n)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if exp := want[:min(n, len(want))]; !slices.Equal(got, exp) && !(len(got) == 0 && len(exp) == 0) {
			t.Errorf("RecentAccounts(%d) = %v, want %v", n, got, exp)
		}
	}
}
