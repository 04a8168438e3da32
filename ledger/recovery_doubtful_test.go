package ledger_test

import (
	"testing"

	"tantieme/ledger"
)

// A doubtful debt's account and its owner are each other's inverse:
// 450004 ↔ 459004; other accounts have no owner.
func TestDoubtfulOwner(t *testing.T) {
	for _, tc := range []struct {
		account, owner string
		ok             bool
	}{
		{"459004", "450004", true},
		{"459999", "450999", true},
		{"459000", "", false}, // the collective: no owner
		{"450004", "", false},
		{"4590041", "", false},
		{"45900A", "", false},
		{"491000", "", false},
	} {
		owner, ok := ledger.DoubtfulOwner(tc.account)
		if ok != tc.ok || (ok && owner != tc.owner) {
			t.Errorf("DoubtfulOwner(%q) = %q, %v; want %q, %v", tc.account, owner, ok, tc.owner, tc.ok)
		}
		if ok {
			if back, err := ledger.DoubtfulAccount(owner); err != nil || back != tc.account {
				t.Errorf("DoubtfulAccount(%q) = %q, %v", owner, back, err)
			}
		}
	}
}
