package app

import (
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger"
)

// A notice with the statement of account fits one sheet: the statement
// starts where the account was last settled (issue 13: most notices of the
// demo ran onto a second sheet). It explains the previous balance: it ends
// on the account before the calls of the day.
func TestNoticeStatementFitsOnePage(t *testing.T) {
	r := writeDemo(t)
	due := ledger.Date(2025, 10, 1)
	nf, err := r.WriteNotices(t.TempDir(), due, NoticeOptions{Printed: letterDate, Statement: true})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	var balances map[string]ledger.Amount
	view(t, r, func(tx *ledger.Tx) error {
		var err error
		if balances, err = tx.OwnerBalances(due); err != nil {
			return err
		}
		calls, err := tx.Calls(ledger.CallFilter{Due: due, Live: true})
		if err != nil {
			return err
		}
		for _, c := range calls {
			full, err := tx.Call(c.ID)
			if err != nil {
				return err
			}
			for o, a := range full.OwnerTotals() {
				balances[o] -= a
			}
		}
		return nil
	})
	settled := 0
	for _, p := range nf.Owners {
		account := strings.Split(filepath.Base(p), "_")[5]
		text := fileText(t, p)
		if !strings.Contains(text, "Page 1 / 1") || strings.Contains(text, "voir au verso") {
			t.Errorf("%s runs onto a second page", filepath.Base(p))
		}
		want := "Solde antérieur au 01/10/2025 " + balances[account].Format()
		i := strings.Index(text, "Relevé de votre compte")
		if i < 0 || !strings.Contains(text[i:], want) || !strings.Contains(text[:i], balances[account].String()) {
			t.Errorf("%s: statement and amounts lack the previous balance %q:\n%s", account, want, text)
		}
		if strings.Contains(text, "4e trimestre 2025 5") {
			t.Errorf("%s: the statement lists the calls of the notice:\n%s", account, text)
		}
		if strings.Contains(text, "Compte soldé à cette date 0,00") {
			settled++
			if strings.Contains(text, "1er trimestre 2025") {
				t.Errorf("%s: a settled quarter is still printed:\n%s", account, text)
			}
		}
	}
	if settled < 6 {
		t.Errorf("%d statements start at a settled balance", settled)
	}
}
