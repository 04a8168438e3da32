package debits

import (
	"strings"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// ReturnInput is a debit the owner's bank sent back (an R-transaction:
// reject, return or refund), as typed or read from a statement line.
type ReturnInput struct {
	Date time.Time // the bank's date of the return
	// EndToEnd names the debit; or else Owner and Amount, which must name
	// one debit of his not returned yet (the latest).
	EndToEnd string
	Owner    string
	Amount   ledger.Amount
	Reason   string // ISO 20022 reason code: AC04, AM04, MD01, MS02…
	// Fee, when not zero, is charged to the owner as for a bounced cheque
	// (app.BounceInput.Penalty).
	Fee ledger.Amount
}

// ReturnResult is what a return did.
type ReturnResult struct {
	Debit   ledger.DebitPayment
	Bounce  app.BounceResult
	Mandate ledger.Mandate // after the return, Flagged after two
}

// Reasons are the usual return codes (EPC SDD Core rulebook, ISO 20022
// ExternalStatusReason1Code), in French for the form and the label.
var Reasons = map[string]string{
	"AC01": "IBAN erroné",
	"AC04": "compte clôturé",
	"AC06": "compte bloqué",
	"AG01": "prélèvement interdit sur ce compte",
	"AM04": "provision insuffisante",
	"MD01": "pas de mandat",
	"MD06": "remboursement demandé par le débiteur",
	"MD07": "débiteur décédé",
	"MS02": "refus du débiteur",
	"MS03": "raison non communiquée",
	"SL01": "service particulier de la banque du débiteur",
}

// Return handles a returned debit like a bounced cheque (app.Bounce, the
// same path): the receipt reversed at the bank's date, the optional fee
// charged to the owner, the calls it had settled open again. The payment
// is tied to its reversal and the mandate counts one more return (flagged
// after two: Plan then warns). All in one transaction.
func Return(r *app.Residence, in ReturnInput) (ReturnResult, error) {
	var res ReturnResult
	err := r.Update(func(tx *ledger.Tx) (err error) {
		res, err = ReturnIn(tx, in)
		return err
	})
	return res, err
}

// ReturnIn is Return inside a transaction of the caller's: the one path of
// a returned debit, for a return line of a bank statement posted by the
// import (app/banking) in its own transaction.
func ReturnIn(tx *ledger.Tx, in ReturnInput) (ReturnResult, error) {
	var res ReturnResult
	code := strings.ToUpper(strings.TrimSpace(in.Reason))
	if code == "" {
		return res, ledger.Errorf(ledger.Invalid, "Le motif du rejet (code AC04, AM04, MD01, MS02…) est obligatoire")
	}
	d, err := findDebit(tx, in)
	if err != nil {
		return res, err
	}
	if d.ReturnedEntry != 0 {
		return res, ledger.Errorf(ledger.Conflict, "Le prélèvement %s a déjà été déclaré rejeté", d.EndToEnd)
	}
	label := code
	if why := Reasons[code]; why != "" {
		label += " " + why
	}
	res.Debit = d
	if res.Bounce, err = app.BounceIn(tx, app.BounceInput{Receipt: d.EntryID, Date: in.Date, Penalty: in.Fee,
		What: "Prélèvement rejeté (" + label + ")"}); err != nil {
		return res, err
	}
	if err := tx.SetSEPAReturned(d.EndToEnd, res.Bounce.Entry.ID); err != nil {
		return res, err
	}
	if d.MandateID != 0 {
		if err := tx.MandateReturned(d.MandateID); err != nil {
			return res, err
		}
		res.Mandate, err = tx.Mandate(d.MandateID)
	}
	return res, err
}

func findDebit(tx *ledger.Tx, in ReturnInput) (ledger.DebitPayment, error) {
	if strings.TrimSpace(in.EndToEnd) != "" {
		return tx.DebitByEndToEnd(in.EndToEnd)
	}
	if in.Owner == "" || in.Amount <= 0 {
		return ledger.DebitPayment{}, ledger.Errorf(ledger.Invalid, "Nommez le prélèvement rejeté : sa référence de bout en bout, ou le copropriétaire et le montant")
	}
	list, err := tx.DebitsOf(in.Owner)
	if err != nil {
		return ledger.DebitPayment{}, err
	}
	for _, d := range list {
		if d.Amount == in.Amount && d.ReturnedEntry == 0 {
			return d, nil
		}
	}
	return ledger.DebitPayment{}, ledger.Errorf(ledger.NotFound, "Aucun prélèvement de %s sur le compte %s n'est à rejeter", in.Amount.String(), in.Owner)
}

// OwnerDebits lists an owner's direct debits, the newest first, for the
// card to offer those not returned yet.
func OwnerDebits(r *app.Residence, owner string) ([]ledger.DebitPayment, error) {
	var list []ledger.DebitPayment
	err := r.View(func(tx *ledger.Tx) (err error) { list, err = tx.DebitsOf(owner); return err })
	return list, err
}
