package ledger_test

import (
	"testing"
	"testing/quick"

	"tantieme/ledger"
)

func TestCoverOldestFirst(t *testing.T) {
	for _, tc := range []struct {
		owed    []ledger.Amount
		paid    ledger.Amount
		covered []ledger.Amount
		settled int
	}{
		{[]ledger.Amount{300, 300, 200}, 450, []ledger.Amount{300, 150, 0}, 1},
		{[]ledger.Amount{300, 300, 200}, 900, []ledger.Amount{300, 300, 200}, 3},
		{[]ledger.Amount{300, 0, 200}, 500, []ledger.Amount{300, 0, 200}, 2},
		{[]ledger.Amount{300}, 0, []ledger.Amount{0}, 0},
		{nil, 100, []ledger.Amount{}, 0},
	} {
		got := ledger.CoverOldestFirst(tc.owed, tc.paid)
		if len(got) != len(tc.covered) {
			t.Fatalf("%v, %v: %v", tc.owed, tc.paid, got)
		}
		for i := range got {
			if got[i] != tc.covered[i] {
				t.Errorf("%v, %v: %v, want %v", tc.owed, tc.paid, got, tc.covered)
				break
			}
		}
		if n := ledger.SettledInFull(tc.owed, tc.paid); n != tc.settled {
			t.Errorf("%v, %v: %d settled, want %d", tc.owed, tc.paid, n, tc.settled)
		}
	}
}

// Property: nothing is covered beyond what is owed nor beyond what is paid,
// and the money is all accounted for.
func TestCoverOldestFirstAddsUp(t *testing.T) {
	f := func(raw []uint16, p uint32) bool {
		owed := make([]ledger.Amount, len(raw))
		var total ledger.Amount
		for i, r := range raw {
			owed[i] = ledger.Amount(r)
			total += owed[i]
		}
		paid := ledger.Amount(p % 10_000_000)
		var sum ledger.Amount
		for i, c := range ledger.CoverOldestFirst(owed, paid) {
			if c < 0 || c > owed[i] {
				return false
			}
			sum += c
		}
		return sum == min(total, paid)
	}
	if err := quick.Check(f, nil); err != nil {
		t.Error(err)
	}
}
