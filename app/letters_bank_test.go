package app

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

// TestNoticeBankIsCurrentAccount: the notices ask owners to pay into the
// current account, not into the works-fund livret (whose account, 502001,
// sorts before 512001).
func TestNoticeBankIsCurrentAccount(t *testing.T) {
	r := writeDemo(t)
	nf, err := r.WriteNotices(t.TempDir(), ledger.Date(2025, 4, 1), NoticeOptions{Printed: ledger.Date(2025, 3, 10)})
	if err != nil {
		t.Fatal(err)
	}
	text := fileText(t, nf.Owners[0])
	if !strings.Contains(text, "Par virement : IBAN FR76 3000 2008 4700 0007 1432 586") {
		t.Errorf("the notice does not give the current account's IBAN:\n%s", text)
	}
}
