package assembly

import (
	"time"

	"tantieme/app"
	"tantieme/app/registry"
	"tantieme/ledger"
)

// Held is what Hold recorded.
type Held struct {
	Assembly ledger.Assembly
	Adopted  int
	Rejected int
	// Budgets are the budgets the assembly voted, by exercise year.
	Budgets map[int]app.BudgetVote
	// Approved are the years whose accounts it approved, with the
	// fingerprint of the books it was shown.
	Approved map[int]string
}

// accountsExercise is the exercise a budget or accounts resolution is
// about: its own, or the assembly's submitted accounts for an approval.
func accountsExercise(a ledger.Assembly, res ledger.Resolution) int64 {
	if res.Exercise == 0 && res.Kind == ledger.ResolutionAccounts {
		return a.Exercise
	}
	return res.Exercise
}

// Hold records that the assembly was held on day, in one transaction:
// each resolution's outcome (the final result, after a second vote),
// the assembly marked held; an adopted budget becomes the exercise's voted
// budget (app.RecordBudgetVote); an adopted approval of the accounts keeps
// the fingerprint of the books the assembly was shown and records the
// approval day (registry.RecordAccountsApproved), which the closing then
// checks the books against. It refuses while a vote is incomplete.
func Hold(r *app.Residence, id int64, day time.Time) (Held, error) {
	var h Held
	err := r.Update(func(tx *ledger.Tx) error {
		var err error
		h, err = hold(tx, id, day)
		return err
	})
	return h, err
}

func hold(tx *ledger.Tx, id int64, day time.Time) (Held, error) {
	h := Held{Budgets: map[int]app.BudgetVote{}, Approved: map[int]string{}}
	c, err := counted(tx, id)
	if err != nil {
		return h, err
	}
	a := c.Detail.Assembly
	switch {
	case a.Status == ledger.AssemblyHeld:
		return h, ledger.Errorf(ledger.Conflict, "L'assemblée du %s est déjà tenue", ledger.FrenchDate(a.Day))
	case a.Draft():
		return h, ledger.Errorf(ledger.Conflict, "L'assemblée du %s n'est pas convoquée : envoyez les convocations avant de la tenir", ledger.FrenchDate(a.Day))
	case !day.Equal(a.Day):
		return h, ledger.Errorf(ledger.Invalid, "L'assemblée est convoquée le %s, pas le %s : une assemblée se tient le jour de sa convocation",
			ledger.FrenchDate(a.Day), ledger.FrenchDate(day))
	case day.After(ledger.Today()):
		return h, ledger.Errorf(ledger.Invalid, "L'assemblée du %s n'a pas encore eu lieu", ledger.FrenchDate(a.Day))
	case len(c.Results) == 0:
		return h, ledger.Errorf(ledger.Invalid, "L'ordre du jour de l'assemblée du %s est vide", ledger.FrenchDate(a.Day))
	}
	for _, rc := range c.Results {
		n := rc.Resolution.Number
		switch {
		case !rc.Complete || rc.MissingRound != 0:
			return h, ledger.Errorf(ledger.Invalid, "Résolution %d : le vote de %s n'est pas saisi", n, memberNames(rc.Missing))
		case rc.SecondPending():
			return h, ledger.Errorf(ledger.Invalid, "Résolution %d : le second vote (%s) est à saisir (loi du 10 juillet 1965, art. 25-1 et 26)",
				n, rc.Result.SecondDue)
		}
	}
	exs, err := tx.Exercises()
	if err != nil {
		return h, err
	}
	exercise := func(id int64) (ledger.Exercise, bool) {
		for _, ex := range exs {
			if ex.ID == id {
				return ex, true
			}
		}
		return ledger.Exercise{}, false
	}
	for _, rc := range c.Results {
		res := rc.Resolution
		final := rc.Final()
		outcome := ledger.OutcomeRejected
		if final.Adopted {
			outcome = ledger.OutcomeAdopted
			h.Adopted++
		} else {
			h.Rejected++
		}
		fp := res.Fingerprint
		if final.Adopted {
			switch res.Kind {
			case ledger.ResolutionBudget:
				ex, ok := exercise(res.Exercise)
				if !ok {
					return h, ledger.Errorf(ledger.Invalid, "Résolution %d (budget) : indiquez l'exercice dont elle vote le budget", res.Number)
				}
				v, err := app.RecordBudgetVote(tx, ex, day)
				if err != nil {
					return h, err
				}
				h.Budgets[ex.Year()] = v
			case ledger.ResolutionAccounts:
				ex, ok := exercise(accountsExercise(a, res))
				if !ok {
					return h, ledger.Errorf(ledger.Invalid, "Résolution %d (approbation des comptes) : indiquez l'exercice dont elle approuve les comptes", res.Number)
				}
				if fp == "" {
					// Convened before the fingerprints were kept: the books
					// as they stand at the vote.
					if fp, err = app.FingerprintText(tx, ex); err != nil {
						return h, err
					}
				}
				if err := registry.RecordAccountsApproved(tx, ex.Year(), day); err != nil {
					return h, err
				}
				h.Approved[ex.Year()] = fp
			}
		}
		if err := tx.SetResolutionOutcome(res.ID, outcome, fp); err != nil {
			return h, err
		}
	}
	a.Status = ledger.AssemblyHeld
	if err := tx.SaveAssembly(&a); err != nil {
		return h, err
	}
	h.Assembly = a
	return h, nil
}

// memberNames is « Dupont (450001), Durand (450002) ».
func memberNames(list []ledger.Member) string {
	s := ""
	for i, m := range list {
		if i > 0 {
			s += ", "
		}
		if i == 5 {
			return s + "…"
		}
		s += m.Name + " (" + m.Account + ")"
	}
	return s
}

// fillFingerprints gives each approval of the accounts on the agenda the
// fingerprint of its exercise's books as they stand (those the annexes
// joined to the convocation print), when it has none yet: the approval
// keeps it, and the closing checks the books still pass through it.
func fillFingerprints(tx *ledger.Tx, id int64) error {
	a, err := tx.Assembly(id)
	if err != nil {
		return err
	}
	list, err := tx.Resolutions(id)
	if err != nil {
		return err
	}
	exs, err := tx.Exercises()
	if err != nil {
		return err
	}
	for _, res := range list {
		if res.Kind != ledger.ResolutionAccounts || res.Fingerprint != "" {
			continue
		}
		exID := accountsExercise(a, res)
		for _, ex := range exs {
			if ex.ID != exID {
				continue
			}
			fp, err := app.FingerprintText(tx, ex)
			if err != nil {
				return err
			}
			if fp != "" {
				if err := tx.SetFingerprintIfEmpty(res.ID, fp); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
