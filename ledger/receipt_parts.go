package ledger

import "fmt"

// ReceiptPart is one credit line of a receipt split by the syndic (the
// « détail de l'affectation » of a bank statement's payment): the part of
// the payment that goes to one call, or the overpayment kept as the
// owner's credit. Settles is the call's line in the books a part pays in
// full, matched with it at once; 0 for a part that pays a call partly or
// is an overpayment (the labels keep what the syndic meant).
type ReceiptPart struct {
	Label   string
	Amount  Amount
	Settles int64
}

// checkParts says why a receipt's parts cannot make its entry: they must
// be positive and add up to the owner's share of the receipt (its amount
// less its other parts).
func (r *Receipt) checkParts(where string) error {
	if len(r.Parts) == 0 {
		return nil
	}
	var sum Amount
	for i := range r.Parts {
		p := &r.Parts[i]
		if err := cleanTexts(textField{&p.Label, fmt.Sprintf("libellé de la ligne %d du %s", i+1, lowerFirst(where)), LabelText}); err != nil {
			return err
		}
		if p.Amount <= 0 {
			return Errorf(Invalid, "%s : la ligne %d de l'affectation doit avoir un montant positif (%s)", where, i+1, p.Amount)
		}
		sum += p.Amount
	}
	if want := r.ownerShare(); sum != want {
		return Errorf(Invalid, "%s : les lignes de l'affectation font %s, le règlement %s (écart %s)", where, sum, want, (sum - want).Abs())
	}
	return nil
}

// creditLines are the receipt's credit lines: on the owner's account, one
// per part (one of his whole share without parts), then one per other
// account.
func (r *Receipt) creditLines() []Line {
	if len(r.Parts) == 0 {
		return append([]Line{{Account: r.Owner, Credit: r.ownerShare()}}, r.otherLines()...)
	}
	out := make([]Line, len(r.Parts))
	for i, p := range r.Parts {
		out[i] = Line{Account: r.Owner, Label: p.Label, Credit: p.Amount}
	}
	return append(out, r.otherLines()...)
}

// settleParts matches each part that pays a call in full with that call's
// line: the syndic's allocation, kept in the books' lettering before the
// usual oldest-first matching sees what is left. A call already matched,
// or whose amount is not the part's, is left to that usual matching.
func (tx *Tx) settleParts(r *Receipt, e Entry) error {
	owner := 0
	for _, l := range e.Lines {
		if l.Account != r.Owner {
			continue
		}
		p := r.Parts[owner]
		owner++
		if p.Settles == 0 {
			continue
		}
		calls, err := tx.BookLines([]int64{p.Settles})
		if err != nil {
			return err
		}
		if len(calls) != 1 || calls[0].Account != r.Owner || calls[0].Letter != "" || calls[0].Debit != p.Amount || calls[0].Locked {
			continue
		}
		if _, err := tx.Match([]int64{p.Settles, l.ID}); err != nil {
			return err
		}
	}
	return nil
}
