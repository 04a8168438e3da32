package app

import (
	"strings"
	"time"

	"tantieme/ledger"
)

// OwnerAdvance is an owner's advance on one account, with his name, as the
// card and the CLI show it.
type OwnerAdvance struct {
	ledger.AdvanceBalance
	Name string
}

// Advances lists the owners' advances (fonds de roulement, avances de
// trésorerie: the advance calls not cancelled less what was paid back), for
// one owner when owner is not "", as of day at (every day when zero).
func (r *Residence) Advances(owner string, at time.Time) ([]OwnerAdvance, error) {
	owner = strings.TrimSpace(owner)
	var out []OwnerAdvance
	err := r.View(func(tx *ledger.Tx) error {
		if owner != "" {
			if _, err := tx.Owner(owner); err != nil {
				return err
			}
		}
		list, err := tx.AdvanceBalances(owner, at)
		if err != nil {
			return err
		}
		names := map[string]string{}
		for _, b := range list {
			if _, ok := names[b.Owner]; !ok {
				o, err := tx.Owner(b.Owner)
				if err != nil {
					return err
				}
				names[b.Owner] = o.DisplayName()
			}
			out = append(out, OwnerAdvance{AdvanceBalance: b, Name: names[b.Owner]})
		}
		return nil
	})
	return out, err
}

// AdvanceHeld is what the syndicat holds of an owner's advances, every
// advance account together.
func (r *Residence) AdvanceHeld(owner string) (ledger.Amount, error) {
	list, err := r.Advances(owner, time.Time{})
	var t ledger.Amount
	for _, b := range list {
		t += b.Balance()
	}
	return t, err
}

// RepayAdvance pays an owner's advance back on day d (on a sale of his
// lots, or as the AG decides): debit 103x, credit his 450, in one
// transaction. account may be "" when he holds an advance on one account
// only; amount zero repays his whole balance there; more is refused.
func (r *Residence) RepayAdvance(owner, account string, d time.Time, amount ledger.Amount) (ledger.Entry, error) {
	owner, account = strings.TrimSpace(owner), strings.TrimSpace(account)
	var e ledger.Entry
	err := r.Update(func(tx *ledger.Tx) error {
		if account == "" {
			list, err := tx.AdvanceBalances(owner, d)
			if err != nil {
				return err
			}
			var held []string
			for _, b := range list {
				if b.Balance() > 0 {
					held = append(held, b.Account)
				}
			}
			switch len(held) {
			case 0:
				o, err := tx.Owner(owner)
				if err != nil {
					return err
				}
				return ledger.Errorf(ledger.Invalid, "%s n'a aucune avance au %s : rien à rembourser", o.DisplayName(), ledger.FrenchDate(d))
			case 1:
				account = held[0]
			default:
				return ledger.Errorf(ledger.Invalid, "Le copropriétaire %s a des avances sur plusieurs comptes (%s) : indiquez lequel rembourser", owner, strings.Join(held, ", "))
			}
		}
		var err error
		e, err = tx.RepayAdvance(owner, account, d, amount)
		return err
	})
	return e, err
}
