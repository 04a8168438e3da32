package app_test

import (
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
)

// The general key is chosen: once key 002 is the general key, the
// attendance sheet counts its shares as votes, the owners' list shows them
// and a lot without a share on 002 (not on 001) makes the key
// non-conforme.
func TestGeneralKeyChosen(t *testing.T) {
	r := apptest.Calls(t, []apptest.Lot{
		{Number: "1", Owner: "450001", Shares: map[string]string{"001": "600", "002": "100"}},
		{Number: "2", Owner: "450002", Shares: map[string]string{"001": "400", "002": "300"}},
		{Number: "3", Owner: "450002", Shares: map[string]string{"001": "0"}},
	})
	if k, err := r.GeneralKey(); err != nil || k != ledger.GeneralKey {
		t.Fatalf("default general key %q, %v", k, err)
	}
	if err := r.SetGeneralKey("009"); ledger.KindOf(err) != ledger.NotFound {
		t.Fatalf("unknown key accepted: %v", err)
	}
	if err := r.SetGeneralKey("002"); err != nil {
		t.Fatal(err)
	}
	s, err := r.Attendance(app.AttendanceOptions{Date: ledger.Date(2025, 6, 1)})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	// Votes on 002: 100 + 300 (lot 3 has none), not 1 000 on 001.
	if s.Key.Code != "002" || s.Votes.String() != "400" {
		t.Fatalf("attendance on key %s, %s votes; want 002, 400", s.Key.Code, s.Votes)
	}
	owners, err := r.OwnerSummaries(ledger.Date(2025, 6, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range owners {
		want := map[string]string{"450001": "100", "450002": "300"}[o.Account]
		if o.GeneralShares().String() != want {
			t.Errorf("%s: general shares %s, want %s", o.Account, o.GeneralShares(), want)
		}
	}
	apptest.View(t, r, func(tx *ledger.Tx) error {
		kts, err := tx.KeyTotals()
		for _, k := range kts {
			switch {
			case k.Code == "002" && (!k.General || len(k.Unshared) != 1 || k.Unshared[0] != "3"):
				t.Errorf("key 002: general %v, unshared %v; want lot 3", k.General, k.Unshared)
			case k.Code == "001" && (k.General || len(k.Unshared) != 0):
				t.Errorf("key 001 still general: %+v", k)
			}
		}
		return err
	})
}
