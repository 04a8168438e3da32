package sale

import (
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/ledger"
)

// readPlannedBudget adds the budget's calls (and the works fund's called
// with them) of the exercise not posted yet and due after the date, as the
// calls will compute them (app.PlanBudgetCalls).
func (d *EtatDate) readPlannedBudget(r *app.Residence, lots []string, perLot map[string]map[string]decimal.Decimal) error {
	plan, err := r.PlanBudgetCalls(d.Exercise, 0)
	if ledger.KindOf(err) == ledger.Conflict {
		return nil // every call of the budget is posted: readFuturePosted has them
	}
	if err != nil {
		d.Notes = append(d.Notes, "Les appels du budget "+d.Exercise.Name()+" restant à appeler n'ont pas pu être prévus : "+ledger.Message(err))
		return nil
	}
	if plan.Blocked() {
		d.Notes = append(d.Notes, "Les appels du budget "+d.Exercise.Name()+" restant à appeler n'ont pas pu être prévus : "+ledger.Message(plan.Err()))
		return nil
	}
	for _, pc := range plan.Calls {
		if !pc.Due.After(d.At) {
			continue
		}
		var owners map[string]string
		if err := r.View(func(tx *ledger.Tx) error {
			owners, err = tx.OwnersAt(pc.Due)
			return err
		}); err != nil {
			return err
		}
		amt, err := lotsShare(pc.Parts(), lots, owners, perLot)
		if err != nil {
			return err
		}
		if amt != 0 {
			d.Future = append(d.Future, FutureCall{Kind: pc.Kind, Label: pc.Label, Due: pc.Due, Amount: amt})
		}
	}
	return nil
}

// readCharges reads the lots' quote-parts of the current budget and of
// the actual charges of the last two closed exercises (loi 1965 art. 46,
// CCH L. 721-2), from the quote-parts tool (closing.QuotePartsOf): per
// key, the key's amount split between the lots and the others.
func (d *EtatDate) readCharges(r *app.Residence, shares, totals map[string]decimal.Decimal) error {
	of := func(ex ledger.Exercise) (Charges, error) {
		c := Charges{Exercise: ex}
		q, err := closing.QuotePartsOf(r, ex)
		if err != nil {
			return c, err
		}
		c.Provisional = q.Provisional
		for _, k := range q.Keys {
			amount := k.Actual
			p, err := lotsPart(amount, shares[k.Key], k.TotalShares)
			if err != nil {
				return c, err
			}
			if amount == 0 {
				continue
			}
			c.Keys = append(c.Keys, KeyShare{Key: k.Key, Label: k.Label, Shares: shares[k.Key], TotalShares: k.TotalShares, KeyAmount: amount, Amount: p})
			c.Total += p
		}
		return c, nil
	}
	// The budget voted, read from the budget itself (the quote-parts tool
	// previews the closing, which a year in progress may not pass yet).
	d.Budget = Charges{Exercise: d.Exercise}
	bv, err := r.BudgetView(d.Exercise.Year())
	if err != nil {
		return err
	}
	for _, bk := range bv.Keys {
		net := bk.Total.Budget[0]
		if net == 0 || bk.Key == "" {
			continue
		}
		p, err := lotsPart(net, shares[bk.Key], totals[bk.Key])
		if err != nil {
			return err
		}
		d.Budget.Keys = append(d.Budget.Keys, KeyShare{Key: bk.Key, Label: bk.Label, Shares: shares[bk.Key], TotalShares: totals[bk.Key], KeyAmount: net, Amount: p})
		d.Budget.Total += p
	}
	exs, err := r.Exercises()
	if err != nil {
		return err
	}
	for i := len(exs) - 1; i >= 0 && len(d.Past) < 2; i-- {
		ex := exs[i]
		if !ex.Closed || !ex.End.Before(d.At) {
			continue
		}
		c, err := of(ex)
		if err != nil {
			return err
		}
		d.Past = append(d.Past, c)
	}
	if len(d.Past) < 2 {
		d.Notes = append(d.Notes, "Moins de deux exercices sont approuvés et clos dans ces livres : la quote-part des charges réelles n'est donnée que pour ceux-là.")
	}
	return nil
}
