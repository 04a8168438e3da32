package importing

import (
	"errors"

	"tantieme/ledger"
)

// importTextKinds says how the books store each text field an import
// reads, so that a cell the books would refuse (too long, a control
// character: a NUL from an xlsx « _x0000_ » escape or inside a CSV) is
// refused at its cell, located, before anything is written.
var importTextKinds = map[string]ledger.TextKind{
	fAccount:      ledger.ShortText,
	fName:         ledger.NameText,
	fCivility:     ledger.ShortText,
	fAddress:      ledger.AddressText,
	fZip:          ledger.ShortText,
	fCity:         ledger.NameText,
	fEmail:        ledger.NameText,
	fPhone:        ledger.ShortText,
	fLot:          ledger.ShortText,
	fLotLabel:     ledger.NameText,
	fKey:          ledger.ShortText,
	fAccountLabel: ledger.LabelText,
	fJournal:      ledger.ShortText,
	fLabel:        ledger.LabelText,
	fPiece:        ledger.ShortText,
}

// textProblem is what ledger.CleanText says of v as a text of kind: the
// cleaned value, or the problem in French without the field ("texte trop
// long (…)"), for a message that places it after the cell's location.
func textProblem(v string, kind ledger.TextKind) (string, string) {
	clean, err := ledger.CleanText("", v, kind)
	if err == nil {
		return clean, ""
	}
	var te *ledger.TextError
	if errors.As(err, &te) {
		return v, te.Problem
	}
	return v, ledger.Message(err)
}

// checkText passes a value read from field's cell through the books' text
// rules; a refusal is a blocking problem at the cell, and "" is read.
func (rc *rowCtx) checkText(field, v string) string {
	kind, ok := importTextKinds[field]
	if !ok {
		kind = ledger.LabelText
	}
	clean, problem := textProblem(v, kind)
	if problem != "" {
		rc.fail(field, "%s", problem)
		return ""
	}
	return clean
}
