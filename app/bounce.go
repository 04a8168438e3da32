package app

import (
	"time"

	"tantieme/ledger"
)

// DefaultPenaltyAccount is the income account a bounced cheque's penalty
// is credited to: 714 Produits divers.
const DefaultPenaltyAccount = "714000"

// BounceInput is a payment the bank returned unpaid.
type BounceInput struct {
	Receipt int64     // the receipt's entry id
	Date    time.Time // the bank's date of the return
	// Penalty, when not zero, is charged to the owner (debit 450) and
	// credited to PenaltyAccount (714000 when empty) on PenaltyKey (the
	// general key 001 when empty): an income assigned to a key lowers the
	// charges of that key at the closing, so every owner benefits from it,
	// as from any other income of the syndicat.
	Penalty        ledger.Amount
	PenaltyAccount string
	PenaltyKey     string
	// What starts the entry's label; "" says « Règlement impayé », or
	// « Chèque impayé n° … » for a cheque (a returned direct debit says
	// its reason: app/debits).
	What string
}

// BounceResult is what a bounce did.
type BounceResult struct {
	Entry   ledger.Entry
	Balance ledger.Amount // the owner's balance at the bank's date, after it
}

// Bounce reverses a receipt the bank returned unpaid, in one transaction:
// an entry of journal BQ at the bank's date debits the owner and credits
// the bank by the receipt's amount, and charges the penalty; the calls the
// receipt had settled are unmatched, the receipt is matched with its
// reversal, and the owner's account is matched again oldest first.
func (r *Residence) Bounce(in BounceInput) (BounceResult, error) {
	var res BounceResult
	err := r.Update(func(tx *ledger.Tx) (err error) {
		res, err = BounceIn(tx, in)
		return err
	})
	return res, err
}

// BounceIn is Bounce inside a transaction of the caller's: the one path
// of a payment returned unpaid, for app/debits' returned debits.
func BounceIn(tx *ledger.Tx, in BounceInput) (BounceResult, error) {
	var res BounceResult
	err := func() error {
		rc, err := tx.Receipt(in.Receipt)
		if err != nil {
			return err
		}
		o, err := tx.Owner(rc.Owner)
		if err != nil {
			return err
		}
		b := ledger.Bounce{Date: in.Date, Journal: ledger.JournalBank, Penalty: in.Penalty, PenaltyAccount: in.PenaltyAccount, PenaltyKey: in.PenaltyKey}
		what := "Règlement impayé"
		if rc.Mode == ledger.ByCheque {
			what = "Chèque impayé"
			if rc.Cheque != "" {
				what += " n° " + rc.Cheque
			}
		}
		if in.What != "" {
			what = in.What
		}
		b.Label = what + " – " + o.DisplayName()
		if b.Penalty > 0 {
			if b.PenaltyAccount == "" {
				b.PenaltyAccount = DefaultPenaltyAccount
			}
			if b.PenaltyKey == "" { // the charges générales, as chosen in Paramètres
				if b.PenaltyKey, err = tx.GeneralKeyCode(); err != nil {
					return err
				}
			}
			if _, err := tx.Account(b.PenaltyAccount); err != nil {
				return err
			}
			b.PenaltyLabel = "Frais d'impayé – " + o.DisplayName()
		}
		if !in.Date.IsZero() {
			if b.Piece, err = tx.NextPieceOn(ledger.JournalBank, in.Date); err != nil {
				return err
			}
		}
		if res.Entry, err = tx.PostBounce(in.Receipt, b); err != nil {
			return err
		}
		res.Balance, err = tx.AccountBalanceAt(o.Account, in.Date)
		return err
	}()
	return res, err
}

// CancelBounce undoes a bounce recorded by mistake.
func (r *Residence) CancelBounce(receipt int64) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.CancelBounce(receipt) })
}
