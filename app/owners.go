package app

import (
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// OwnerSummary is an owner with what screens and the CLI show beside him:
// his lots and shares per key on a day, and his balance at the end of it.
type OwnerSummary struct {
	ledger.Owner
	Lots    []string                   // lots he owns on the day
	Shares  map[string]decimal.Decimal // key code → sum of his lots' shares
	Balance ledger.Amount              // debit − credit: positive, he owes
	General string                     // the residence's general key (ledger GeneralKeyCode)
}

// GeneralShares is his share of the general key (his votes).
func (s OwnerSummary) GeneralShares() decimal.Decimal { return s.Shares[s.General] }

// OwnerSummaries lists every owner (those who left too) at the end of day at.
// A zero day means the date of the latest entry (or today without entries).
func (r *Residence) OwnerSummaries(at time.Time) ([]OwnerSummary, error) {
	var out []OwnerSummary
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		out, err = ReadOwnerSummaries(tx, at)
		return err
	})
	return out, err
}

// ReadOwnerSummaries is OwnerSummaries inside a transaction the caller
// holds (an export reads everything in one).
func ReadOwnerSummaries(tx *ledger.Tx, at time.Time) ([]OwnerSummary, error) {
	if at.IsZero() {
		last, err := tx.LastEntryDate()
		if err != nil {
			return nil, err
		}
		at = last
		if at.IsZero() {
			now := ledger.Now()
			at = ledger.Date(now.Year(), now.Month(), now.Day())
		}
	}
	owners, err := tx.Owners()
	if err != nil {
		return nil, err
	}
	lotOwner, err := tx.OwnersAt(at)
	if err != nil {
		return nil, err
	}
	shares, err := tx.Shares()
	if err != nil {
		return nil, err
	}
	balances, err := tx.OwnerBalances(at)
	if err != nil {
		return nil, err
	}
	general, err := tx.GeneralKeyCode()
	if err != nil {
		return nil, err
	}
	index := map[string]int{}
	out := make([]OwnerSummary, len(owners))
	for i, o := range owners {
		out[i] = OwnerSummary{Owner: o, Shares: map[string]decimal.Decimal{}, Balance: balances[o.Account], General: general}
		index[o.Account] = i
	}
	lots, err := tx.Lots()
	if err != nil {
		return nil, err
	}
	for _, l := range lots { // in lot order, so each owner's list is sorted
		if acc, ok := lotOwner[l.Number]; ok {
			i := index[acc]
			out[i].Lots = append(out[i].Lots, l.Number)
		}
	}
	for _, s := range shares {
		if acc, ok := lotOwner[s.Lot]; ok {
			i := index[acc]
			out[i].Shares[s.Key] = out[i].Shares[s.Key].Add(s.Shares)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Account < out[b].Account })
	return out, nil
}
