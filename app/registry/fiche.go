package registry

import (
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// FicheSynthetique is the fiche synthétique de la copropriété (loi 1965
// art. 8-2; décret n° 2016-1822 du 21 décembre 2016): the syndic draws it
// up and updates it each year, gives it to any owner who asks, and the
// seller annexes it to the promise of sale (CCH L.721-2).
type FicheSynthetique struct {
	At        time.Time // the day it is drawn up
	Residence ledger.Residence
	SIREN     string
	Profile   Profile
	// Buildings: the profile's number when given, else the lots' count.
	Buildings int
	Figures   // the last exercise closed on At
}

// Fiche draws the fiche synthétique up on day at, from the books of the
// last exercise closed by then (« dernier exercice clos »).
func Fiche(r *app.Residence, at time.Time) (FicheSynthetique, error) {
	fs := FicheSynthetique{At: at}
	var last ledger.Exercise
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if fs.Residence, err = tx.Residence(); err != nil {
			return err
		}
		if fs.Profile, err = loadProfile(tx); err != nil {
			return err
		}
		exs, err := tx.Exercises()
		if err != nil {
			return err
		}
		for _, ex := range exs {
			if ex.Closed && !ex.End.After(at) {
				last = ex
			}
		}
		return nil
	})
	if err != nil {
		return fs, err
	}
	fs.SIREN = fs.Residence.SIREN
	if last.ID == 0 {
		return fs, ledger.Errorf(ledger.Invalid, "Aucun exercice n'est clôturé au %s : la fiche synthétique reprend les comptes du dernier exercice clos. Clôturez d'abord un exercice (menu Exercice).",
			ledger.FrenchDate(at))
	}
	if fs.Figures, err = figures(r, last); err != nil {
		return fs, err
	}
	fs.Buildings = fs.Figures.Buildings
	if fs.Profile.Buildings > 0 {
		fs.Buildings = fs.Profile.Buildings
	}
	return fs, nil
}
