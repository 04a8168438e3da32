package app

import (
	"time"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// OwnerCard is what an owner's card shows: his details, the lots he owns at
// a day with their shares, and his account over the exercise up to that day.
type OwnerCard struct {
	Owner     ledger.Owner
	At        time.Time
	Lots      []OwnedLot                 // lots he owns at At, in lot order
	Keys      []ledger.KeyTotal          // keys in which his lots have shares
	Totals    map[string]decimal.Decimal // key code → sum of his lots' shares
	Statement ledger.Statement           // his account from the start of the exercise to At
	EverOwned bool                       // he owns or owned a lot: he cannot be deleted
}

// OwnedLot is one of an owner's lots with its shares per key.
type OwnedLot struct {
	ledger.Lot
	Since  time.Time                  // zero: since the start of the books
	Shares map[string]decimal.Decimal // key code → shares
}

// OwnerCard reads the card of owner account for exercise ex at day at.
func (r *Residence) OwnerCard(account string, ex ledger.Exercise, at time.Time) (OwnerCard, error) {
	c := OwnerCard{At: at, Totals: map[string]decimal.Decimal{}}
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if c.Owner, err = tx.Owner(account); err != nil {
			return err
		}
		lots, err := tx.Lots()
		if err != nil {
			return err
		}
		index := map[string]int{}
		for _, l := range lots {
			hist, err := tx.LotHistory(l.Number)
			if err != nil {
				return err
			}
			var held *ledger.Ownership
			for i, h := range hist {
				if h.Owner == account {
					c.EverOwned = true
				}
				if !h.From.After(at) {
					held = &hist[i]
				}
			}
			if held != nil && held.Owner == account {
				index[l.Number] = len(c.Lots)
				c.Lots = append(c.Lots, OwnedLot{Lot: l, Since: held.From, Shares: map[string]decimal.Decimal{}})
			}
		}
		shares, err := tx.Shares()
		if err != nil {
			return err
		}
		for _, s := range shares {
			if i, ok := index[s.Lot]; ok {
				c.Lots[i].Shares[s.Key] = s.Shares
				c.Totals[s.Key] = c.Totals[s.Key].Add(s.Shares)
			}
		}
		keys, err := tx.KeyTotals()
		if err != nil {
			return err
		}
		for _, k := range keys {
			if _, ok := c.Totals[k.Code]; ok {
				c.Keys = append(c.Keys, k)
			}
		}
		from := ex.Start
		if at.Before(from) {
			from = at
		}
		c.Statement, err = tx.AccountStatement(account, from, at)
		return err
	})
	return c, err
}
