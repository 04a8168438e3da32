package app

import (
	"strconv"
	"time"

	"tantieme/ledger"
)

// The pre-notification of direct debits (EPC SEPA Core rulebook, PT-04.03:
// the debtor is told the amount and the date at least 14 calendar days
// before the collection, unless creditor and debtor agreed otherwise).
// The call notice tells it to owners with a mandate; when it was printed
// is kept, for the batch to warn when it comes too soon after.

// DefaultDebitNoticeDays is the rulebook's notice period.
const DefaultDebitNoticeDays = 14

const optDebitNoticeDays = "debit_notice_days"

// optPrenotified names the option keeping when the notices of a due date
// told owners of their debit.
func optPrenotified(due time.Time) string { return "debit_prenotified_" + ledger.ISO(due) }

// DebitNoticeDaysIn is the notice period of the residence, in days.
func DebitNoticeDaysIn(tx *ledger.Tx) (int, error) {
	s, err := tx.Option(optDebitNoticeDays, "")
	if err != nil || s == "" {
		return DefaultDebitNoticeDays, err
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return DefaultDebitNoticeDays, nil
	}
	return n, nil
}

// DebitNoticeDays is DebitNoticeDaysIn in a transaction of its own.
func (r *Residence) DebitNoticeDays() (int, error) {
	var n int
	err := r.View(func(tx *ledger.Tx) (err error) { n, err = DebitNoticeDaysIn(tx); return err })
	return n, err
}

// SetDebitNoticeDays sets the notice period (Paramètres): 0 to 60 days.
func (r *Residence) SetDebitNoticeDays(n int) error {
	if n < 0 || n > 60 {
		return ledger.Errorf(ledger.Invalid, "Le délai de pré-notification des prélèvements va de 0 à 60 jours, pas %d", n)
	}
	return r.Update(func(tx *ledger.Tx) error { return tx.SetOption(optDebitNoticeDays, strconv.Itoa(n)) })
}

// PrenotifiedIn is the day the notices of due date due told owners of
// their debit (zero when none did).
func PrenotifiedIn(tx *ledger.Tx, due time.Time) (time.Time, error) {
	s, err := tx.Option(optPrenotified(due), "")
	if err != nil || s == "" {
		return time.Time{}, err
	}
	d, err := ledger.ParseDate(s)
	if err != nil {
		return time.Time{}, nil
	}
	return d, nil
}

// recordPrenotified keeps the earliest day the notices of due were
// printed with a debit announced: the owner was told from then. A
// residence opened read-only (a reprint, another window writing) keeps
// what the first printing recorded.
func (r *Residence) recordPrenotified(dues []time.Time, printed time.Time) error {
	if r.ReadOnly() {
		return nil
	}
	return r.Update(func(tx *ledger.Tx) error {
		for _, due := range dues {
			if was, err := PrenotifiedIn(tx, due); err != nil {
				return err
			} else if !was.IsZero() && !was.After(printed) {
				continue
			}
			if err := tx.SetOption(optPrenotified(due), ledger.ISO(printed)); err != nil {
				return err
			}
		}
		return nil
	})
}

// debitNotice is the line of a call notice that pre-notifies the debit of
// an owner with a mandate in force on day due: « Montant prélevé le
// 01/04/2026 : 312,50 € », or "" for an owner without one or with nothing
// to pay.
func debitNotice(tx *ledger.Tx, owner string, due time.Time, amount ledger.Amount) (string, error) {
	if amount <= 0 {
		return "", nil
	}
	m, ok, err := tx.MandateInForce(owner)
	if err != nil || !ok || m.Lapsed(due) || m.Signed.After(due) {
		return "", err
	}
	return "Montant prélevé le " + ledger.FrenchDate(due) + " : " + amount.String() + " (mandat SEPA " + m.RUM + ")", nil
}
