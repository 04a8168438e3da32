package ledger

import "fmt"

// OtherPart is the share of an owner's cheque that does not pay his
// charges but goes to another account of the chart (seed 003 « Répartir
// sur compte (autre frais) »): an insurer's refund passed through him
// (class 7, on a key, so that it lowers those charges at the closing), a
// deposit given back, and so on. The cheque stays one receipt of its whole
// amount, one line of the deposit slip; its entry credits the owner with
// the rest and this account with this part.
type OtherPart struct {
	Account string
	Key     string // répartition key: required on classes 6 and 7
	Label   string
	Amount  Amount
}

// TakesOtherPart says whether an account may receive part of an owner's
// cheque: not an owner's (his share stays his), not one holding money (it
// would move money without a receipt). The forms offer only these.
func TakesOtherPart(code string) bool { return !InOwnersRange(code) && !HoldsMoney(code) }

// othersTotal is what the receipt's other parts take from the cheque.
func (r *Receipt) othersTotal() Amount {
	var t Amount
	for _, o := range r.Others {
		t += o.Amount
	}
	return t
}

// ownerShare is what the receipt credits the owner with.
func (r *Receipt) ownerShare() Amount { return r.Amount - r.othersTotal() }

// checkOthers says why the receipt's other parts cannot make its entry.
// A part on an owner's account is a ReceiptPart (his penalty is on his
// 450 account already); a bank or a cheques account would move money
// without a receipt; what remains for the owner must be positive, or the
// cheque is not his payment at all (record it as an entry).
func (r *Receipt) checkOthers(where string) error {
	for i := range r.Others {
		o := &r.Others[i]
		n := fmt.Sprintf("%s, autre compte %d", where, i+1)
		if err := cleanTexts(textField{&o.Label, "libellé de la " + lowerFirst(n), LabelText}, textField{&o.Key, "clé de la " + lowerFirst(n), ShortText}); err != nil {
			return err
		}
		c := AccountClass(o.Account)
		switch {
		case o.Account == "":
			return Errorf(Invalid, "%s : le compte est obligatoire", n)
		case InOwnersRange(o.Account):
			return Errorf(Invalid, "%s : %s est un compte de copropriétaire ; la part qui lui revient reste sur son compte", n, o.Account)
		case HoldsMoney(o.Account):
			return Errorf(Invalid, "%s : %s est un compte de trésorerie, pas un compte où affecter une part du chèque", n, o.Account)
		case (c == 6 || c == 7) && o.Key == "":
			return Errorf(Invalid, "%s : le compte %s (classe %d) doit porter une clé de répartition", n, o.Account, c)
		case c != 6 && c != 7 && o.Key != "":
			return Errorf(Invalid, "%s : une clé de répartition ne se met que sur un compte de charges ou de produits (classe 6 ou 7), pas sur %s", n, o.Account)
		case o.Amount <= 0:
			return Errorf(Invalid, "%s : le montant doit être positif (%s)", n, o.Amount)
		}
	}
	if len(r.Others) > 0 && r.ownerShare() <= 0 {
		return Errorf(Invalid, "%s : les autres comptes prennent %s sur un chèque de %s ; il doit rester une part pour le copropriétaire", where, r.othersTotal(), r.Amount)
	}
	return nil
}

// CheckOtherParts says why parts could not be taken from a cheque of
// amount total, before the receipt is made (the deposit form asks).
func CheckOtherParts(total Amount, parts []OtherPart) error {
	r := Receipt{Amount: total, Others: append([]OtherPart(nil), parts...)}
	return r.checkOthers("Répartition du chèque de " + total.String())
}

// otherLines are the receipt's credit lines on other accounts.
func (r *Receipt) otherLines() []Line {
	out := make([]Line, len(r.Others))
	for i, o := range r.Others {
		out[i] = Line{Account: o.Account, Key: o.Key, Label: o.Label, Credit: o.Amount}
	}
	return out
}
