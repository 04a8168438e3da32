package debits_test

import (
	"testing"

	"tantieme/app/apptest"
	"tantieme/app/debits"
	"tantieme/ledger"
)

// TestDemoDebits: the demo's current account has the syndicat's ICS and
// three owners have mandates in force, so that once the 2026 calls are
// posted, the batch of their first due date collects those three owners'
// calls for the first time (FRST).
func TestDemoDebits(t *testing.T) {
	r := apptest.Demo(t)
	apptest.View(t, r, func(tx *ledger.Tx) error {
		usable, lapsed, err := tx.MandatesInForce(ledger.Date(2026, 1, 1))
		if len(usable) != 3 || len(lapsed) != 0 {
			t.Errorf("%d mandates in force, %d lapsed; want 3, 0", len(usable), len(lapsed))
		}
		return err
	})
	plan, err := r.PlanBudgetCalls(apptest.Year(t, r, 2026), 4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(ledger.Message(err))
	}
	b, err := debits.Plan(r, ledger.Date(2026, 1, 1), "")
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	got := map[string]string{}
	for _, l := range b.Lines {
		got[l.Owner.Account] = l.Sequence
		if l.Amount <= 0 {
			t.Errorf("%s: %s", l.Owner.Account, l.Amount)
		}
	}
	if len(got) != 3 || got["450005"] != "FRST" || got["450009"] != "FRST" || got["450011"] != "FRST" {
		t.Errorf("batch of 01/01/2026: %v", got)
	}
}
