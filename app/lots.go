package app

import (
	"time"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// LotSummary is a lot with what the Lots screen shows beside it: its owner
// on a day, a sale already recorded after that day, and its shares.
type LotSummary struct {
	ledger.Lot
	Holder ledger.Owner // owner on the day; zero Account when the lot has none
	Since  time.Time    // since when Holder owns it (zero: the start of the books)
	// Next is the first change of owner recorded after the day (a sale
	// entered in advance), nil when there is none.
	Next   *LotOwnership
	Shares map[string]decimal.Decimal // key code → shares
	// General is the residence's general key (ledger GeneralKeyCode).
	General string
}

// GeneralShares is the lot's share of the general key (the votes).
func (l LotSummary) GeneralShares() decimal.Decimal { return l.Shares[l.General] }

// LotOwnership is one period of a lot's history with the owner's details.
type LotOwnership struct {
	ledger.Ownership
	Holder ledger.Owner
	Until  time.Time // last day, zero while he still owns it
}

// LotSummaries lists every lot, in number order, at the end of day at.
func (r *Residence) LotSummaries(at time.Time) ([]LotSummary, error) {
	var out []LotSummary
	err := r.View(func(tx *ledger.Tx) error {
		lots, err := tx.Lots()
		if err != nil {
			return err
		}
		owners, err := ownerIndex(tx)
		if err != nil {
			return err
		}
		shares, err := tx.Shares()
		if err != nil {
			return err
		}
		general, err := tx.GeneralKeyCode()
		if err != nil {
			return err
		}
		index := map[string]int{}
		out = make([]LotSummary, len(lots))
		for i, l := range lots {
			index[l.Number] = i
			out[i] = LotSummary{Lot: l, Shares: map[string]decimal.Decimal{}, General: general}
			hist, err := lotHistory(tx, l.Number, owners)
			if err != nil {
				return err
			}
			if h := heldAt(hist, at); h >= 0 {
				out[i].Holder, out[i].Since = hist[h].Holder, hist[h].From
				if h+1 < len(hist) {
					next := hist[h+1]
					out[i].Next = &next
				}
			} else if len(hist) > 0 {
				first := hist[0]
				out[i].Next = &first
			}
		}
		for _, s := range shares {
			if i, ok := index[s.Lot]; ok {
				out[i].Shares[s.Key] = s.Shares
			}
		}
		return nil
	})
	return out, err
}

// LotCard is what a lot's card shows: the lot, its successive owners and
// its shares in every key beside the key's totals.
type LotCard struct {
	Lot     ledger.Lot
	At      time.Time
	History []LotOwnership // oldest first
	Current int            // index in History of the owner at At, -1 when none
	Keys    []LotKeyShare  // every key, in code order
}

// LotKeyShare is a lot's share of a key, beside the key's totals.
type LotKeyShare struct {
	ledger.KeyTotal
	Shares decimal.Decimal // zero: the lot takes no part in the key
}

// HasShares says whether the lot carries shares in some key, which forbids
// deleting it.
func (c LotCard) HasShares() bool {
	for _, k := range c.Keys {
		if !k.Shares.IsZero() {
			return true
		}
	}
	return false
}

// LotCard reads the card of lot number at the end of day at.
func (r *Residence) LotCard(number string, at time.Time) (LotCard, error) {
	c := LotCard{At: at, Current: -1}
	err := r.View(func(tx *ledger.Tx) error {
		lots, err := tx.Lots()
		if err != nil {
			return err
		}
		found := false
		for _, l := range lots {
			if l.Number == number {
				c.Lot, found = l, true
			}
		}
		if !found {
			return ledger.Errorf(ledger.NotFound, "Le lot %s n'existe pas", number)
		}
		owners, err := ownerIndex(tx)
		if err != nil {
			return err
		}
		if c.History, err = lotHistory(tx, number, owners); err != nil {
			return err
		}
		c.Current = heldAt(c.History, at)
		keys, err := tx.KeyTotals()
		if err != nil {
			return err
		}
		shares, err := tx.Shares()
		if err != nil {
			return err
		}
		mine := map[string]decimal.Decimal{}
		for _, s := range shares {
			if s.Lot == number {
				mine[s.Key] = s.Shares
			}
		}
		for _, k := range keys {
			c.Keys = append(c.Keys, LotKeyShare{KeyTotal: k, Shares: mine[k.Code]})
		}
		return nil
	})
	return c, err
}

func ownerIndex(tx *ledger.Tx) (map[string]ledger.Owner, error) {
	list, err := tx.Owners()
	if err != nil {
		return nil, err
	}
	out := make(map[string]ledger.Owner, len(list))
	for _, o := range list {
		out[o.Account] = o
	}
	return out, nil
}

// lotHistory is a lot's history with each owner's details and the last day
// of each period.
func lotHistory(tx *ledger.Tx, lot string, owners map[string]ledger.Owner) ([]LotOwnership, error) {
	hist, err := tx.LotHistory(lot)
	if err != nil {
		return nil, err
	}
	out := make([]LotOwnership, len(hist))
	for i, h := range hist {
		out[i] = LotOwnership{Ownership: h, Holder: owners[h.Owner]}
		if out[i].Holder.Account == "" {
			out[i].Holder.Account = h.Owner
		}
		if i+1 < len(hist) {
			out[i].Until = hist[i+1].From.AddDate(0, 0, -1)
		}
	}
	return out, nil
}

// heldAt is the index of the period covering day at, -1 when the lot had no
// owner yet.
func heldAt(hist []LotOwnership, at time.Time) int {
	held := -1
	for i, h := range hist {
		if !h.From.After(at) {
			held = i
		}
	}
	return held
}
