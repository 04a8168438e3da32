package ledger_test

import (
	"testing"

	"tantieme/ledger"
)

func TestSmoke(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.PostEntry(entry("2025-01-01", "OD", "A0001", dr("450001", "", "100"), cr("701000", "001", "100"))); err != nil {
			return err
		}
		return tx.PostEntry(entry("2025-02-03", "AC", "F1", dr("601000", "001", "55,10"), cr("401000", "", "55,10")))
	})
	mustView(t, db, func(tx *ledger.Tx) error {
		tb, err := tx.TrialBalance(ledger.MustDate("2025-01-01"), ledger.MustDate("2025-12-31"))
		t.Logf("%+v %v", tb, err)
		ob, err := tx.OwnerBalances(ledger.MustDate("2025-12-31"))
		t.Logf("%+v %v", ob, err)
		return nil
	})
	p, err := db.Check(true)
	t.Logf("%v %v", p, err)
	err = db.Exec(`UPDATE lines SET debit = 5 WHERE account = '450001'`)
	t.Logf("%v", err)
}
