package app

import (
	"time"

	"tantieme/ledger"
)

// ExpectedCheque is a cheque handed in advance, with its owner's name.
type ExpectedCheque struct {
	ledger.ExpectedCheque
	OwnerName string
}

// AddChequeSeries records a series of cheques an owner handed in advance.
func (r *Residence) AddChequeSeries(s ledger.ChequeSeries) ([]ledger.ExpectedCheque, error) {
	var out []ledger.ExpectedCheque
	err := r.Update(func(tx *ledger.Tx) (err error) { out, err = tx.AddChequeSeries(s); return err })
	return out, err
}

// ExpectedCheques lists cheques handed in advance (f selects), by date.
func (r *Residence) ExpectedCheques(f ledger.ExpectedChequeFilter) ([]ExpectedCheque, error) {
	var out []ExpectedCheque
	err := r.View(func(tx *ledger.Tx) error {
		list, err := tx.ExpectedCheques(f)
		if err != nil {
			return err
		}
		names, err := ownerDisplayNames(tx)
		if err != nil {
			return err
		}
		for _, c := range list {
			out = append(out, ExpectedCheque{ExpectedCheque: c, OwnerName: names[c.Owner]})
		}
		return nil
	})
	return out, err
}

// ChequesDue lists the cheques handed in advance not yet recorded and
// dated on or before d: those a deposit of day d offers.
func (r *Residence) ChequesDue(d time.Time) ([]ExpectedCheque, error) {
	return r.ExpectedCheques(ledger.ExpectedChequeFilter{Waiting: true, DueBy: d})
}

// UpdateExpectedCheque changes one cheque handed in advance (date,
// number, amount) while it is not recorded.
func (r *Residence) UpdateExpectedCheque(c ledger.ExpectedCheque) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.UpdateExpectedCheque(c) })
}

// DeleteExpectedCheque deletes one cheque handed in advance while it is
// not recorded.
func (r *Residence) DeleteExpectedCheque(id int64) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteExpectedCheque(id) })
}

// ExpectedPick is a cheque handed in advance ticked on a deposit, with
// the part of it that goes to other accounts, if any.
type ExpectedPick struct {
	ID     int64
	Others []ledger.OtherPart
}

// receiveExpected records cheque pick as a receipt of day d on bank (the
// deposit's), piece from pieces, inside the deposit's transaction: mode
// cheque, its number, the owner as drawer; his calls are settled oldest
// first by ReceiveIn. The cheque then points to its receipt.
func receiveExpected(tx *ledger.Tx, pick ExpectedPick, d time.Time, bank string, pieces *ledger.PieceCounter) (int64, error) {
	c, err := tx.ExpectedCheque(pick.ID)
	if err != nil {
		return 0, err
	}
	o, err := tx.Owner(c.Owner)
	if err != nil {
		return 0, err
	}
	switch {
	case c.Received():
		return 0, ledger.Errorf(ledger.Conflict, "Remise du %s : le %s remis d'avance par %s est déjà encaissé (écriture n° %d)",
			ledger.FrenchDate(d), c.Name(), o.DisplayName(), c.ReceiptEntry)
	case c.Date.After(d):
		// A post-dated cheque cannot be cashed before its date (Code
		// monétaire et financier, art. L131-31: it is payable on sight,
		// but the syndic promised the owner to wait).
		return 0, ledger.Errorf(ledger.Invalid, "Remise du %s : le %s remis d'avance par %s n'est daté que du %s",
			ledger.FrenchDate(d), c.Name(), o.DisplayName(), ledger.FrenchDate(c.Date))
	}
	piece, err := pieces.NextOn(ledger.JournalBank, d)
	if err != nil {
		return 0, err
	}
	res, err := ReceiveIn(tx, ReceiptInput{Owner: c.Owner, Amount: c.Amount, Date: d, Mode: ledger.ByCheque, Cheque: c.Number,
		BankAccount: bank, Piece: piece, Others: pick.Others})
	if err != nil {
		return 0, err
	}
	return res.Receipt.EntryID, tx.ExpectedChequeReceived(c.ID, res.Receipt.EntryID)
}
