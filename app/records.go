package app

import (
	"maps"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// The window and the CLI read and write the books only through named
// methods of Residence, never through a transaction of their own: every
// write is one transaction here, with the same rules whichever program
// asks. These are the simple ones, one ledger call each; the workflows
// (calls, receipts, closing…) have files of their own.

// read runs one read of the books in a transaction of its own.
func read[T any](r *Residence, fn func(tx *ledger.Tx) (T, error)) (T, error) {
	var out T
	err := r.View(func(tx *ledger.Tx) (err error) { out, err = fn(tx); return err })
	return out, err
}

// Info is the residence's settings: name, address, syndic, SIREN.
func (r *Residence) Info() (ledger.Residence, error) { return read(r, (*ledger.Tx).Residence) }

// SaveInfo replaces the residence's settings and returns them as stored
// (trimmed, the SIREN without its spaces).
func (r *Residence) SaveInfo(info ledger.Residence) (ledger.Residence, error) {
	var out ledger.Residence
	err := r.Update(func(tx *ledger.Tx) (err error) {
		if err = tx.SaveResidence(info); err != nil {
			return err
		}
		out, err = tx.Residence()
		return err
	})
	return out, err
}

// Exercises lists the exercises, oldest first.
func (r *Residence) Exercises() ([]ledger.Exercise, error) { return read(r, (*ledger.Tx).Exercises) }

// WorkingExercise is the first exercise not closed.
func (r *Residence) WorkingExercise() (ledger.Exercise, error) {
	return read(r, (*ledger.Tx).WorkingExercise)
}

// ExerciseOfYear is the exercise that starts in year, or the working one
// for 0 (the CLI's --year).
func (r *Residence) ExerciseOfYear(year int) (ledger.Exercise, error) {
	return read(r, func(tx *ledger.Tx) (ledger.Exercise, error) {
		if year == 0 {
			return tx.WorkingExercise()
		}
		return tx.ExerciseOfYear(year)
	})
}

// AddNextExercise opens the exercise after the last one.
func (r *Residence) AddNextExercise() (ex ledger.Exercise, err error) {
	err = r.Update(func(tx *ledger.Tx) error { ex, err = tx.AddNextExercise(); return err })
	return ex, err
}

// Keys lists the distribution keys.
func (r *Residence) Keys() ([]ledger.Key, error) { return read(r, (*ledger.Tx).Keys) }

// KeyTotals lists the keys with their sums of shares.
func (r *Residence) KeyTotals() ([]ledger.KeyTotal, error) { return read(r, (*ledger.Tx).KeyTotals) }

// Shares lists every lot's shares on every key.
func (r *Residence) Shares() ([]ledger.Share, error) { return read(r, (*ledger.Tx).Shares) }

// SaveKey creates a key, or changes one.
func (r *Residence) SaveKey(k ledger.Key, creating bool) error {
	return r.Update(func(tx *ledger.Tx) error {
		if creating {
			return tx.AddKey(k)
		}
		return tx.UpdateKey(k)
	})
}

// DeleteKey removes a key that nothing uses.
func (r *Residence) DeleteKey(code string) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteKey(code) })
}

// SetShare gives a lot its shares on a key (zero removes them).
func (r *Residence) SetShare(lot, key string, shares decimal.Decimal) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.SetShare(lot, key, shares) })
}

// Owners lists the owners.
func (r *Residence) Owners() ([]ledger.Owner, error) { return read(r, (*ledger.Tx).Owners) }

// Owner is one owner.
func (r *Residence) Owner(account string) (ledger.Owner, error) {
	return read(r, func(tx *ledger.Tx) (ledger.Owner, error) { return tx.Owner(account) })
}

// NextOwnerAccount is the account a new owner would get.
func (r *Residence) NextOwnerAccount() (string, error) { return read(r, (*ledger.Tx).NextOwnerAccount) }

// SaveOwner creates an owner (o.Account is then set), or changes one.
func (r *Residence) SaveOwner(o *ledger.Owner, creating bool) error {
	return r.Update(func(tx *ledger.Tx) error {
		if creating {
			return tx.AddOwner(o)
		}
		return tx.UpdateOwner(*o)
	})
}

// OwnerIBANs are the accounts an owner pays from (typed on his form or
// learnt from bank statements): a transfer from one of them is his.
func (r *Residence) OwnerIBANs(account string) ([]string, error) {
	var out []string
	err := r.View(func(tx *ledger.Tx) (err error) {
		out, err = tx.OwnerIBANs(account)
		return err
	})
	return out, err
}

// SaveOwnerCard saves what the owner's form holds, in one transaction:
// the owner, the IBANs he pays from, and whether he presides the council
// (named among its members: a president unticked, or who leaves the
// council, leaves the council without one).
func (r *Residence) SaveOwnerCard(o *ledger.Owner, creating bool, ibans []string, president bool) error {
	return r.Update(func(tx *ledger.Tx) error {
		var err error
		if creating {
			err = tx.AddOwner(o)
		} else {
			err = tx.UpdateOwner(*o)
		}
		if err != nil {
			return err
		}
		if err := tx.SetOwnerIBANs(o.Account, ibans, ledger.Today()); err != nil {
			return err
		}
		current, err := tx.CouncilPresident(ledger.Today())
		if err != nil {
			return err
		}
		switch {
		case president:
			return tx.SetCouncilPresident(o.Account)
		case current == o.Account:
			return tx.SetCouncilPresident("")
		}
		return nil
	})
}

// DeleteOwner removes an owner who never had a lot nor an entry.
func (r *Residence) DeleteOwner(account string) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteOwner(account) })
}

// Lots lists the lots.
func (r *Residence) Lots() ([]ledger.Lot, error) { return read(r, (*ledger.Tx).Lots) }

// SaveLot creates a lot, or changes one.
func (r *Residence) SaveLot(l ledger.Lot, creating bool) error {
	return r.Update(func(tx *ledger.Tx) error {
		if creating {
			return tx.AddLot(l)
		}
		return tx.UpdateLot(l)
	})
}

// SaveLotShares creates or changes a lot and writes its shares (key code →
// shares; zero takes the lot out of the key) in one transaction: one undo
// takes back both.
func (r *Residence) SaveLotShares(l ledger.Lot, creating bool, shares map[string]decimal.Decimal) error {
	return r.Update(func(tx *ledger.Tx) error {
		var err error
		if creating {
			err = tx.AddLot(l)
		} else {
			err = tx.UpdateLot(l)
		}
		if err != nil {
			return err
		}
		for _, k := range slices.Sorted(maps.Keys(shares)) {
			if err := tx.SetShare(l.Number, k, shares[k]); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteLot removes a lot that was never called.
func (r *Residence) DeleteLot(number string) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteLot(number) })
}

// TransferLot gives a lot to an owner from a date: an existing one
// (account), or buyer created in the same transaction when not nil. It
// returns the lot's new owner.
func (r *Residence) TransferLot(lot, account string, buyer *ledger.Owner, from time.Time) (ledger.Owner, error) {
	var o ledger.Owner
	err := r.Update(func(tx *ledger.Tx) (err error) {
		if buyer != nil {
			o = *buyer
			if err := tx.AddOwner(&o); err != nil {
				return err
			}
		} else if o, err = tx.Owner(account); err != nil {
			return err
		}
		return tx.TransferLot(lot, o.Account, from)
	})
	return o, err
}

// NextSupplierAccount is the account a new supplier would get.
func (r *Residence) NextSupplierAccount() (string, error) {
	return read(r, (*ledger.Tx).NextSupplierAccount)
}

// SaveSupplier creates a supplier (x.Account is then set), or changes one.
func (r *Residence) SaveSupplier(x *ledger.Supplier, creating bool) error {
	return r.Update(func(tx *ledger.Tx) error {
		if creating {
			return tx.AddSupplier(x)
		}
		return tx.UpdateSupplier(*x)
	})
}

// Accounts lists the chart of accounts.
func (r *Residence) Accounts() ([]ledger.Account, error) { return read(r, (*ledger.Tx).Accounts) }

// AddAccount adds an account to the chart.
func (r *Residence) AddAccount(a ledger.Account) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.AddAccount(a) })
}

// UpdateAccount changes an account's label or visibility, and a charge
// account's recoverable share (a.Recoverable: read it with the account).
func (r *Residence) UpdateAccount(a ledger.Account) error {
	return r.Update(func(tx *ledger.Tx) error {
		if err := tx.UpdateAccount(a); err != nil {
			return err
		}
		if a.Class() != 6 {
			return nil
		}
		return tx.SetAccountRecoverable(a.Code, a.Recoverable)
	})
}

// BankAccounts lists the bank accounts.
func (r *Residence) BankAccounts() ([]ledger.BankAccount, error) {
	return read(r, (*ledger.Tx).BankAccounts)
}

// SaveBankAccount creates or changes a bank account.
func (r *Residence) SaveBankAccount(b ledger.BankAccount) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.SaveBankAccount(b) })
}

// SetBudgetLine sets one line of an exercise's budget (zero removes it).
func (r *Residence) SetBudgetLine(exerciseID int64, b ledger.BudgetLine) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.SetBudgetLine(exerciseID, b) })
}

// Entries lists the entries a filter keeps.
func (r *Residence) Entries(f ledger.EntryFilter) ([]ledger.Entry, error) {
	return read(r, func(tx *ledger.Tx) ([]ledger.Entry, error) { return tx.Entries(f) })
}

// EntryHistory lists an entry's versions, oldest first.
func (r *Residence) EntryHistory(id int64) ([]ledger.EntryVersion, error) {
	return read(r, func(tx *ledger.Tx) ([]ledger.EntryVersion, error) { return tx.EntryHistory(id) })
}

// SaveEntry posts an entry typed by hand, or replaces entry id with it
// (id 0: a new entry).
func (r *Residence) SaveEntry(id int64, e *ledger.Entry) error {
	return r.Update(func(tx *ledger.Tx) error {
		if id != 0 {
			return tx.ReplaceEntry(id, e)
		}
		return tx.PostEntry(e)
	})
}

// DeleteEntry deletes an entry of an open exercise (kept in the chain).
func (r *Residence) DeleteEntry(id int64) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteEntry(id) })
}

// DeleteWorks removes a works campaign that was never called.
func (r *Residence) DeleteWorks(code string) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteWorks(code) })
}

// TrialBalanceOf is the trial balance of an exercise, account by account.
func (r *Residence) TrialBalanceOf(ex ledger.Exercise) ([]ledger.AccountBalance, error) {
	return read(r, func(tx *ledger.Tx) ([]ledger.AccountBalance, error) { return tx.TrialBalanceOf(ex) })
}

// Outline is what the window shows of a residence at all times: its
// settings, its exercises and the one being worked on.
type Outline struct {
	Info      ledger.Residence
	Exercises []ledger.Exercise
	// Working is the first exercise not closed, or the last one when all
	// are closed.
	Working ledger.Exercise
}

// Outline reads the residence's outline in one transaction.
func (r *Residence) Outline() (Outline, error) {
	return read(r, func(tx *ledger.Tx) (o Outline, err error) {
		if o.Info, err = tx.Residence(); err != nil {
			return o, err
		}
		if o.Exercises, err = tx.Exercises(); err != nil {
			return o, err
		}
		if len(o.Exercises) == 0 {
			return o, ledger.Errorf(ledger.Invalid, "La résidence « %s » n'a aucun exercice", o.Info.Name)
		}
		o.Working, err = tx.WorkingExercise()
		if ledger.KindOf(err) == ledger.NotFound {
			o.Working, err = o.Exercises[len(o.Exercises)-1], nil
		}
		return o, err
	})
}
