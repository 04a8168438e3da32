package ledger

// A receipt split between the owner and other accounts (OtherPart) is
// read back from its entry, so that correcting it keeps its parts and a
// bounce reverses each part where it was put.

// readOthers sets r.Others from r's entry: its credit lines on accounts
// other than the one debited (the bank, or 511) and the owner's. The
// entry is the one record of the split: the receipts table keeps none.
func (tx *Tx) readOthers(r *Receipt) error {
	e, err := tx.Entry(r.EntryID)
	if err != nil {
		return err
	}
	r.Others = nil
	for _, l := range e.Lines {
		if l.Account == r.Account || l.Account == r.Owner || l.Credit <= 0 {
			continue
		}
		r.Others = append(r.Others, OtherPart{Account: l.Account, Key: l.Key, Label: l.Label, Amount: l.Credit - l.Debit})
	}
	return nil
}

// reversalLines are the debits of a receipt returned unpaid: the owner's
// share on his account first (pairReversal matches it with his credit),
// then each other part back on its account with its key. The bank takes
// back the whole cheque, but only the owner's share was ever his: an
// insurer's refund passed through his cheque is taken back from the
// income it was, not charged to him.
func (r *Receipt) reversalLines(label string) []Line {
	out := []Line{{Account: r.Owner, Debit: r.ownerShare(), Label: label}}
	for _, o := range r.Others {
		l := label
		if o.Label != "" {
			l += " – " + o.Label
		}
		out = append(out, Line{Account: o.Account, Key: o.Key, Debit: o.Amount, Label: l})
	}
	return out
}

// OwnerShare is what the receipt credited the owner with: its amount less
// its other parts (read back by Receipt).
func (r Receipt) OwnerShare() Amount { return r.ownerShare() }
