package app

import (
	"time"

	"tantieme/ledger"
)

// SupplierSummary is a supplier with his balance on a day.
type SupplierSummary struct {
	ledger.Supplier
	// Balance is debit − credit of his 401 account: negative, the residence
	// owes him (invoices not paid yet); positive, he owes the residence.
	Balance ledger.Amount
}

// SupplierSummaries lists every supplier with his balance at the end of day at.
func (r *Residence) SupplierSummaries(at time.Time) ([]SupplierSummary, error) {
	var out []SupplierSummary
	err := r.View(func(tx *ledger.Tx) error {
		list, err := tx.Suppliers()
		if err != nil {
			return err
		}
		for _, s := range list {
			bal, err := tx.AccountBalanceAt(s.Account, at)
			if err != nil {
				return err
			}
			out = append(out, SupplierSummary{Supplier: s, Balance: bal})
		}
		return nil
	})
	return out, err
}

// SupplierCard is what a supplier's card shows: his details and his account
// over the exercise up to a day.
type SupplierCard struct {
	Supplier  ledger.Supplier
	At        time.Time
	Statement ledger.Statement
}

// SupplierCard reads the card of supplier account for exercise ex at day at.
func (r *Residence) SupplierCard(account string, ex ledger.Exercise, at time.Time) (SupplierCard, error) {
	c := SupplierCard{At: at}
	err := r.View(func(tx *ledger.Tx) error {
		list, err := tx.Suppliers()
		if err != nil {
			return err
		}
		found := false
		for _, s := range list {
			if s.Account == account {
				c.Supplier, found = s, true
			}
		}
		if !found {
			return ledger.Errorf(ledger.NotFound, "Le fournisseur %s n'existe pas", account)
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
