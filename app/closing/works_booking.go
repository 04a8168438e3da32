package closing

import (
	"strings"

	"tantieme/app"
	"tantieme/ledger"
)

// checkWorksBooking warns, at closing, of the exercise's works spending off
// its campaigns' accounts: annexe 5 would understate what was paid or done.
func (c *closer) checkWorksBooking() error {
	if len(c.b.workList) == 0 {
		return nil
	}
	ex := c.p.Exercise
	campaign := c.b.campaign
	seen := map[int64]bool{}
	type where struct{ code, charge, supplier string }
	sums := map[where]ledger.Amount{}
	var order []where
	for _, w := range c.b.workList {
		for _, root := range []string{"401", "671", "672", "673"} {
			acc := root + w.Code
			if _, ok := c.b.accounts[acc]; !ok {
				continue
			}
			entries, err := c.tx.Entries(ledger.EntryFilter{From: ex.Start, To: ex.End, Account: acc})
			if err != nil {
				return err
			}
			for _, e := range entries {
				if seen[e.ID] || strings.HasPrefix(e.Origin, "closing") {
					continue
				}
				seen[e.ID] = true
				for _, m := range app.WorksMisbooked(campaign, e.Lines) {
					k := where{m.Code, m.Charge, m.Supplier}
					if _, ok := sums[k]; !ok {
						order = append(order, k)
					}
					sums[k] += m.Amount
				}
			}
		}
	}
	for _, k := range order {
		c.p.warn("%s", app.WorksMisbooking{Code: k.code, Charge: k.charge, Supplier: k.supplier, Amount: sums[k]}.Text())
	}
	return nil
}
