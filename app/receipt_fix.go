package app

import (
	"time"

	"tantieme/ledger"
)

// ReceiptLocked says why a receipt can be neither corrected nor deleted, ""
// when it can: its exercise is closed (its entries are history), or it is
// on a deposit slip or was returned unpaid (ledger.Receipt.Unchangeable).
// The window says it instead of offering the buttons.
func ReceiptLocked(rc ledger.Receipt, exercises []ledger.Exercise) string {
	for _, ex := range exercises {
		if ex.Contains(rc.Date) && ex.Closed {
			return "L'exercice " + ex.Name() + " est clos : ses règlements ne peuvent plus être modifiés ni supprimés ; passez une écriture de correction dans l'exercice ouvert"
		}
	}
	return rc.Unchangeable()
}

// Receipt reads receipt entryID with its parts on other accounts, which
// the lists leave out (ledger.Tx.Receipt).
func (r *Residence) Receipt(entryID int64) (ledger.Receipt, error) {
	var rc ledger.Receipt
	err := r.View(func(tx *ledger.Tx) (err error) {
		rc, err = tx.Receipt(entryID)
		return err
	})
	return rc, err
}

// ReceiptCorrectionForm is the receipt form filled with receipt entryID as
// it was recorded (the receipt returned with its other parts); the balance
// shown is the owner's at its date without his share of it.
func (r *Residence) ReceiptCorrectionForm(entryID int64) (ReceiptForm, ledger.Receipt, error) {
	var f ReceiptForm
	var rc ledger.Receipt
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if rc, err = tx.Receipt(entryID); err != nil {
			return err
		}
		if f.Owner, err = tx.Owner(rc.Owner); err != nil {
			return err
		}
		if f.Banks, err = tx.BankAccounts(); err != nil {
			return err
		}
		s, err := daybookSettings(tx)
		if err != nil {
			return err
		}
		f.ViaCheques = s.ChequesVia511
		f.Date, f.Amount, f.Mode, f.Cheque = rc.Date, rc.Amount, rc.Mode, rc.Cheque
		f.Drawer, f.DrawerBank, f.BankAccount = rc.Drawer, rc.DrawerBank, rc.BankAccount
		if f.Balance, err = tx.AccountBalanceAt(rc.Owner, rc.Date); err != nil {
			return err
		}
		// Only his share was credited to him; the other parts went
		// elsewhere.
		for _, o := range rc.Others {
			f.Balance -= o.Amount
		}
		f.Balance += rc.Amount
		lines, err := tx.AccountLines(rc.Owner, time.Time{}, time.Time{})
		f.Open = openItems(lines, true)
		return err
	})
	return f, rc, err
}

// CorrectReceipt corrects receipt entryID in one transaction: its entry is
// replaced under the same number and piece (ledger.ReplaceReceipt), which
// undoes the matching it was part of; then the owner's account (and the
// former payer's, when the payer changed) is matched again oldest first.
// A deposited or bounced receipt is refused, the file left as it was. Its
// parts on other accounts are kept unless in.ReplaceOthers: a receipt not
// yet on a slip is split (or no longer) that way.
func (r *Residence) CorrectReceipt(entryID int64, in ReceiptInput) (ReceiptResult, error) {
	var res ReceiptResult
	err := r.Update(func(tx *ledger.Tx) error {
		old, err := tx.Receipt(entryID)
		if err != nil {
			return err
		}
		if in.Owner == "" {
			in.Owner = old.Owner
		}
		o, err := tx.Owner(in.Owner)
		if err != nil {
			return err
		}
		res.Owner = o
		rc, err := receiptOf(tx, in, o)
		if err != nil {
			return err
		}
		rc.Piece = old.Piece
		if !in.ReplaceOthers {
			// A split cheque stays split when only its date or number is
			// corrected: its parts are read back from its entry.
			rc.Others = old.Others
		}
		if res.Entry, err = tx.ReplaceReceipt(entryID, &rc); err != nil {
			return err
		}
		if old.Owner != o.Account {
			if _, err := tx.AutoMatch(old.Owner); err != nil {
				return err
			}
		}
		if res.Settled, err = tx.AutoMatch(o.Account); err != nil {
			return err
		}
		if res.Receipt, err = tx.Receipt(entryID); err != nil {
			return err
		}
		res.Balance, err = tx.AccountBalanceAt(o.Account, rc.Date)
		return err
	})
	return res, err
}

// DeleteReceipt deletes receipt entryID in one transaction, with its entry
// (kept in the chain's history) and the matching it was part of; the
// owner's account is matched again oldest first. It returns what the
// receipt was and the owner's balance at its date without it.
func (r *Residence) DeleteReceipt(entryID int64) (ReceiptResult, error) {
	var res ReceiptResult
	err := r.Update(func(tx *ledger.Tx) error {
		var err error
		if res.Receipt, err = tx.Receipt(entryID); err != nil {
			return err
		}
		if res.Owner, err = tx.Owner(res.Receipt.Owner); err != nil {
			return err
		}
		if err := tx.DeleteReceipt(entryID); err != nil {
			return err
		}
		if res.Settled, err = tx.AutoMatch(res.Owner.Account); err != nil {
			return err
		}
		res.Balance, err = tx.AccountBalanceAt(res.Owner.Account, res.Receipt.Date)
		return err
	})
	return res, err
}
