package app

import (
	"time"

	"tantieme/ledger"
)

// AddBankAccount adds a bank account to the residence (current 512…, or a
// savings 50… account shown on annexe 1's « 50 Fonds placés » line),
// creating its account in the chart when missing. An account that is
// already a bank account is refused: SaveBankAccount changes one.
func (r *Residence) AddBankAccount(b ledger.BankAccount) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.AddBankAccount(b) })
}

// BankBalances lists the bank accounts with their balance (debit − credit)
// at the end of day at; a zero at means the date of the last entry, like
// the owners' balances, so that a script sees the books as they stand.
func (r *Residence) BankBalances(at time.Time) ([]BankBalance, error) {
	var out []BankBalance
	err := r.View(func(tx *ledger.Tx) error {
		if at.IsZero() {
			last, err := tx.LastEntryDate()
			if err != nil {
				return err
			}
			at = last
			if at.IsZero() {
				now := ledger.Now()
				at = ledger.Date(now.Year(), now.Month(), now.Day())
			}
		}
		banks, err := tx.BankAccounts()
		if err != nil {
			return err
		}
		for _, b := range banks {
			bal, err := tx.AccountBalanceAt(b.Account, at)
			if err != nil {
				return err
			}
			out = append(out, BankBalance{BankAccount: b, Balance: bal})
		}
		return nil
	})
	return out, err
}
