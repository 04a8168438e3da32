package closing

import (
	"strings"
	"testing"

	"tantieme/app/apptest"
	"tantieme/ledger"
)

// TestAnnexe1DemoLivret: the demo's works-fund livret is a savings account
// of the chart's 50x, so annexe 1 prints it on « 50 Fonds placés » and no
// longer merges it into « 51 Banques » (issue 13 item 8); the totals do not
// change.
func TestAnnexe1DemoLivret(t *testing.T) {
	r := apptest.Demo(t)
	var livret ledger.BankAccount
	apptest.View(t, r, func(tx *ledger.Tx) error {
		banks, err := tx.BankAccounts()
		for _, b := range banks {
			if b.Label == "Livret fonds de travaux" {
				livret = b
			}
		}
		return err
	})
	if !livret.Savings || !strings.HasPrefix(livret.Account, "50") {
		t.Fatalf("the demo's livret %+v", livret)
	}
	d, err := Annexes(r, apptest.Year(t, r, 2025))
	must(t, err)
	rows := map[string]ledger.Amount{}
	for _, l := range d.A1.Left {
		rows[l.Code] = l.Values[1]
	}
	for code, want := range map[string]string{"50": "2255,72", "51": "8423,96"} {
		if rows[code] != ledger.MustAmount(want) {
			t.Errorf("annexe 1 row %s: %s, want %s", code, rows[code], want)
		}
	}
	if d.A1.TotalLeft[1] != ledger.MustAmount("11086,21") || d.A1.TotalRight[1] != d.A1.TotalLeft[1] {
		t.Errorf("annexe 1 totals %s / %s", d.A1.TotalLeft[1], d.A1.TotalRight[1])
	}
}
