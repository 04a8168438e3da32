package registry

import (
	"fmt"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// approvedOption is the residence option holding the date of the general
// assembly that approved the accounts of the exercise starting in year.
func approvedOption(year int) string { return fmt.Sprintf("registre.comptes_approuves.%d", year) }

// AccountsApproved returns the date the general assembly approved the
// accounts of the exercise starting in year (zero when not recorded).
func AccountsApproved(r *app.Residence, year int) (time.Time, error) {
	var d time.Time
	err := r.View(func(tx *ledger.Tx) (err error) { d, err = accountsApproved(tx, year); return err })
	return d, err
}

func accountsApproved(tx *ledger.Tx, year int) (time.Time, error) {
	v, err := tx.Option(approvedOption(year), "")
	if err != nil || v == "" {
		return time.Time{}, err
	}
	d, err := ledger.ParseDate(v)
	if err != nil {
		return time.Time{}, nil // a damaged value counts as none: asked again
	}
	return d, nil
}

// SetAccountsApproved records that the general assembly of day approved
// the accounts of the exercise starting in year (a zero day clears it).
// The votes of the AG call it when the approval resolution passes.
func SetAccountsApproved(r *app.Residence, year int, day time.Time) error {
	return r.Update(func(tx *ledger.Tx) error { return RecordAccountsApproved(tx, year, day) })
}

// RecordAccountsApproved is SetAccountsApproved inside a transaction: the
// holding of the assembly records it with the resolutions' outcomes.
func RecordAccountsApproved(tx *ledger.Tx, year int, day time.Time) error {
	ex, err := tx.ExerciseOfYear(year)
	if err != nil {
		return err
	}
	if day.IsZero() {
		return tx.SetOption(approvedOption(year), "")
	}
	// The accounts are approved once the exercise is over (loi 1965
	// art. 18-1 A: within six months of its end, by the AG).
	if !day.After(ex.End) {
		return ledger.Errorf(ledger.Invalid, "Les comptes de l'exercice %s ne peuvent pas être approuvés le %s : l'exercice se termine le %s",
			ex.Name(), ledger.FrenchDate(day), ledger.FrenchDate(ex.End))
	}
	if day.After(ledger.Today()) {
		return ledger.Errorf(ledger.Invalid, "L'approbation des comptes de l'exercice %s le %s est dans le futur : indiquez la date de l'assemblée qui les a approuvés",
			ex.Name(), ledger.FrenchDate(day))
	}
	return tx.SetOption(approvedOption(year), ledger.ISO(day))
}

// UpdateDue is the last day to send the register its annual update: two
// months after the general assembly that approved the accounts (CCH
// R.711-5, loi 1965 art. 8-2 by reference).
func UpdateDue(approved time.Time) time.Time { return addMonths(approved, 2) }

// addMonths adds n months, a day past the end of the shorter month falling
// on its last day (31/12 + 2 months = 28 or 29/02), not in the next.
func addMonths(d time.Time, n int) time.Time {
	first := time.Date(d.Year(), d.Month()+time.Month(n), 1, 0, 0, 0, 0, d.Location())
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d.Day(), last), 0, 0, 0, 0, d.Location())
}
