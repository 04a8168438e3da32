package app_test

import (
	"os/exec"
	"strings"
	"testing"

	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// The charts' figures against the books, each counted a second, simpler
// way from the budget lines and the entries' lines of the demo's 2025.
func TestChartsFigures(t *testing.T) {
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	at := ledger.Date(2025, 9, 15)
	c, err := r.Charts(ex, at)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	// Second count: budget and lines summed by hand, current operations
	// only (charges but works, income but the provisions called).
	budgetKey, actualKey := map[string]ledger.Amount{}, map[string]ledger.Amount{}
	budgetAcc, actualAcc := map[string]ledger.Amount{}, map[string]ledger.Amount{}
	bank := map[string]ledger.Amount{} // at the end of June
	var owners ledger.Amount
	apptest.View(t, r, func(tx *ledger.Tx) error {
		lines, err := tx.Budget(ex.ID)
		if err != nil {
			return err
		}
		for _, b := range lines {
			switch ledger.AccountClass(b.Account) {
			case 6:
				budgetKey[b.Key] += b.Amount
				budgetAcc[b.Account] += b.Amount
			case 7:
				budgetKey[b.Key] -= b.Amount
			}
		}
		entries, err := tx.Entries(ledger.EntryFilter{From: ex.Start, To: ex.End})
		for _, e := range entries {
			for _, l := range e.Lines {
				net := l.Debit - l.Credit
				switch {
				case !ledger.IsCurrentOperation(l.Account) && ledger.AccountClass(l.Account) >= 6:
					// works (67) and provisions called (70): not the budget's
				case ledger.AccountClass(l.Account) == 6:
					actualKey[l.Key] += net
					actualAcc[l.Account] += net
				case ledger.AccountClass(l.Account) == 7:
					actualKey[l.Key] += net // income: a credit lowers the net
				case ledger.HoldsMoney(l.Account) && !e.Date.After(ledger.Date(2025, 6, 30)):
					bank[l.Account] += net
				case ledger.IsOwnerAccount(l.Account) && !e.Date.After(at):
					owners += net
				}
			}
		}
		return err
	})
	for _, g := range c.Keys.Groups {
		k := strings.Fields(g.Label)[0]
		if g.Values[0] != budgetKey[k] || g.Values[1] != actualKey[k] {
			t.Errorf("key %s: budget %s actual %s, by hand %s %s", k, g.Values[0], g.Values[1], budgetKey[k], actualKey[k])
		}
	}
	if len(c.Keys.Groups) < 2 || len(c.Accounts.Groups) < 5 {
		t.Fatalf("%d keys, %d accounts", len(c.Keys.Groups), len(c.Accounts.Groups))
	}
	for _, g := range c.Accounts.Groups {
		a := strings.Fields(g.Label)[0]
		if g.Values[0] != budgetAcc[a] || g.Values[1] != actualAcc[a] {
			t.Errorf("account %s: budget %s actual %s, by hand %s %s", a, g.Values[0], g.Values[1], budgetAcc[a], actualAcc[a])
		}
	}
	// Treasury: January to September (the 15th), June's end by hand.
	if len(c.Treasury.Groups) != 9 || c.Treasury.Groups[8].Label != "09/2025" {
		t.Fatalf("treasury months %+v", c.Treasury.Groups)
	}
	for i, s := range c.Treasury.Series {
		acc := strings.Fields(s)[0]
		if got := c.Treasury.Groups[5].Values[i]; got != bank[acc] {
			t.Errorf("bank %s at the end of June: %s, by hand %s", acc, got, bank[acc])
		}
	}
	var sum ledger.Amount
	for i, g := range c.Owners.Groups {
		sum += g.Values[0]
		if i > 0 && g.Values[0] > c.Owners.Groups[i-1].Values[0] {
			t.Errorf("owners not debtors first: %v", c.Owners.Groups)
		}
	}
	if sum != owners {
		t.Errorf("owners' balances add up to %s, by hand %s", sum, owners)
	}

	pdf, err := r.ChartsPDF(c, ledger.Date(2025, 9, 15))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text := ledgertest.Flat(ledgertest.PDF(t, pdf))
		for _, want := range []string{"Budget et réalisé par compte de charges", "Budget et réalisé par clé", "Trésorerie, mois par mois",
			"Soldes des copropriétaires au 15/09/2025", c.Keys.Groups[0].Values[0].Format(), c.Owners.Groups[0].Values[0].Format()} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF lacks %q", want)
			}
		}
	}
}
