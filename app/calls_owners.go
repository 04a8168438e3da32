package app

import (
	"sort"
	"time"

	"tantieme/ledger"
)

// MisdirectedCall is a posted call that asks an owner who held none of a
// key's lots on its due date: a sale recorded after the call was posted
// (DOMAIN §9: the calls due from the sale date on are the buyer's). The
// call must be cancelled and generated again.
type MisdirectedCall struct {
	ID     int64
	Piece  string
	Due    time.Time
	Owners []string // the accounts asked wrongly, in order
}

// MisdirectedCalls lists the live calls of exercise ex that ask an owner
// for a key in which he held no lot on the due date, by due date.
func (r *Residence) MisdirectedCalls(ex ledger.Exercise) ([]MisdirectedCall, error) {
	var out []MisdirectedCall
	err := r.View(func(tx *ledger.Tx) error {
		calls, err := tx.Calls(ledger.CallFilter{ExerciseID: ex.ID, Live: true})
		if err != nil || len(calls) == 0 {
			return err
		}
		ids := make([]int64, len(calls))
		for i, c := range calls {
			ids[i] = c.ID
		}
		parts, err := tx.CallParts(ids...)
		if err != nil {
			return err
		}
		shares, err := tx.Shares()
		if err != nil {
			return err
		}
		lotsOfKey := map[string][]string{}
		for _, s := range shares {
			if s.Shares.IsPositive() {
				lotsOfKey[s.Key] = append(lotsOfKey[s.Key], s.Lot)
			}
		}
		holders := map[time.Time]map[string]bool{} // "owner|key" held on a day
		for _, c := range calls {
			held, ok := holders[c.Due]
			if !ok {
				lotOwner, err := tx.OwnersAt(c.Due)
				if err != nil {
					return err
				}
				held = map[string]bool{}
				for key, lots := range lotsOfKey {
					for _, l := range lots {
						if o, ok := lotOwner[l]; ok {
							held[o+"|"+key] = true
						}
					}
				}
				holders[c.Due] = held
			}
			wrong := map[string]bool{}
			for _, p := range parts[c.ID] {
				if p.Amount != 0 && !held[p.Owner+"|"+p.Key] {
					wrong[p.Owner] = true
				}
			}
			if len(wrong) == 0 {
				continue
			}
			m := MisdirectedCall{ID: c.ID, Piece: c.Piece, Due: c.Due}
			for o := range wrong {
				m.Owners = append(m.Owners, o)
			}
			sort.Strings(m.Owners)
			out = append(out, m)
		}
		return nil
	})
	return out, err
}
