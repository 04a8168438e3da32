package registry

import (
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// RegistryUpdate is the annual update of the registre national
// d'immatriculation des copropriétés (CCH L.711-2 and R.711-5; arrêté du
// 10 octobre 2016): the financial data of the exercise whose accounts the
// general assembly approved, to declare within two months of that
// assembly.
type RegistryUpdate struct {
	Residence ledger.Residence
	Profile   Profile
	Approved  time.Time // the AG that approved the accounts
	Due       time.Time // Approved + 2 months
	Figures
}

// AnnualUpdate gathers the update of the exercise starting in year, whose
// approval date must have been recorded (SetAccountsApproved).
func AnnualUpdate(r *app.Residence, year int) (RegistryUpdate, error) {
	var u RegistryUpdate
	var ex ledger.Exercise
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if ex, err = tx.ExerciseOfYear(year); err != nil {
			return err
		}
		if u.Residence, err = tx.Residence(); err != nil {
			return err
		}
		if u.Profile, err = loadProfile(tx); err != nil {
			return err
		}
		u.Approved, err = accountsApproved(tx, year)
		return err
	})
	if err != nil {
		return u, err
	}
	if u.Approved.IsZero() {
		return u, ledger.Errorf(ledger.Invalid, "La date de l'assemblée qui a approuvé les comptes de l'exercice %s n'est pas enregistrée : indiquez-la d'abord (Paramètres › Immatriculation, ou registry --approved DATE --year %d)",
			ex.Name(), year)
	}
	u.Due = UpdateDue(u.Approved)
	u.Figures, err = figures(r, ex)
	return u, err
}
