package ledger_test

import (
	"testing"

	"tantieme/ledger"
)

func TestNextBankAccountCode(t *testing.T) {
	for _, tc := range []struct {
		inUse   []string
		savings bool
		want    string
	}{
		{nil, false, "512001"},
		{nil, true, "502001"},
		{[]string{"512001", "512003", "502001"}, false, "512004"},
		{[]string{"512001", "512003", "502001"}, true, "502002"},
		{[]string{"5120", "512ABC", "511000"}, false, "512001"},
	} {
		if got := ledger.NextBankAccountCode(tc.inUse, tc.savings); got != tc.want {
			t.Errorf("NextBankAccountCode(%v, %v) = %s, want %s", tc.inUse, tc.savings, got, tc.want)
		}
	}
}
