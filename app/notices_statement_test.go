package app

import (
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger"
)

// A notice with the statement of account fits one sheet: the statement
// starts where the account was last settled (issue 13: most notices of the
// demo ran onto a second sheet). Its closing balance is the account's.
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
		balances, err = tx.OwnerBalances(due)
		return err
	})
	settled := 0
	for _, p := range nf.Owners {
		account := strings.Split(filepath.Base(p), "_")[5]
		text := fileText(t, p)
		if !strings.Contains(text, "Page 1 / 1") || strings.Contains(text, "voir au verso") {
			t.Errorf("%s runs onto a second page", filepath.Base(p))
		}
		want := "Solde au 01/10/2025" + owedSide(balances[account]) + " " + balances[account].Format()
		if !strings.Contains(text, want) {
			t.Errorf("%s: statement lacks %q:\n%s", account, want, text)
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
