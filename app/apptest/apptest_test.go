package apptest_test

import (
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
)

// The fixtures open, check clean, and hold what their comments promise.
func TestFixtures(t *testing.T) {
	calls := apptest.Calls(t, []apptest.Lot{{Number: "1", Owner: "450001", Shares: map[string]string{"001": "100", "002": "40"}}},
		apptest.Budget("614000", "001", "1200.00"))
	for _, r := range []*app.Residence{calls, apptest.Empty(t)} {
		problems, err := r.Check(true)
		if err != nil || len(problems) > 0 {
			t.Errorf("Check: %v %v", problems, err)
		}
	}
	owners, err := calls.Owners()
	if err != nil || len(owners) != 1 || owners[0].Name != "Propriétaire 001" {
		t.Errorf("owners of the calls residence: %+v %v", owners, err)
	}
	if ex := apptest.Year(t, calls, 2025); !ex.Start.Equal(ledger.Date(2025, 1, 1)) {
		t.Errorf("exercise 2025 starts %v", ex.Start)
	}
}
