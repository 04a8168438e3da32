package app

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"tantieme/ledger"
)

// WorksSchedule is how a campaign's calls are spread: count calls, the
// first on First, then every EveryMonths months (Val Compta's "génération
// des appels de fonds"), within three years.
type WorksSchedule struct {
	Count       int
	First       time.Time
	EveryMonths int
}

// Dates lists the due dates of the schedule.
func (s WorksSchedule) Dates() ([]time.Time, error) {
	switch {
	case s.Count < 1 || s.Count > 36:
		return nil, ledger.Errorf(ledger.Invalid, "Le nombre d'appels de travaux va de 1 à 36 (%d demandé)", s.Count)
	case s.First.IsZero():
		return nil, ledger.Errorf(ledger.Invalid, "Indiquez la date du premier appel de travaux")
	case s.Count > 1 && (s.EveryMonths < 1 || s.EveryMonths > 12):
		return nil, ledger.Errorf(ledger.Invalid, "La fréquence des appels de travaux va de 1 à 12 mois (%d demandé)", s.EveryMonths)
	}
	out := make([]time.Time, s.Count)
	for i := range out {
		out[i] = s.First.AddDate(0, i*s.EveryMonths, 0)
	}
	if last := out[len(out)-1]; !last.Before(s.First.AddDate(3, 0, 0)) {
		return nil, ledger.Errorf(ledger.Invalid, "Les appels de travaux s'étalent sur trois ans au plus : %d appels tous les %d mois à partir du %s finiraient le %s",
			s.Count, s.EveryMonths, ledger.FrenchDate(s.First), ledger.FrenchDate(last))
	}
	return out, nil
}

// CreateWorks creates a works campaign: its accounts (102, 120, 131, 401,
// 671, 672, 673 and 702 + code), its keys and, when sched is given, the due
// dates of its calls (which replace w.Schedule).
func (r *Residence) CreateWorks(w ledger.Works, sched *WorksSchedule) error {
	if sched != nil {
		dates, err := sched.Dates()
		if err != nil {
			return err
		}
		w.Schedule = dates
	}
	return r.Update(func(tx *ledger.Tx) error { return tx.AddWorks(w) })
}

// UpdateWorks saves a campaign; when sched is given, the due dates not yet
// called are replaced by it (dates already called must be kept by it).
func (r *Residence) UpdateWorks(w ledger.Works, sched *WorksSchedule) error {
	if sched != nil {
		dates, err := sched.Dates()
		if err != nil {
			return err
		}
		w.Schedule = dates
	}
	return r.Update(func(tx *ledger.Tx) error { return tx.UpdateWorks(w) })
}

// WorksCallInfo is one due date of a campaign and what it asks or asked.
type WorksCallInfo struct {
	Number int
	Due    time.Time
	Amount ledger.Amount // called, or still to call at that date
	Piece  string        // the posted call's piece, "" while not called
}

// WorksSummary is a campaign as its list shows it.
type WorksSummary struct {
	ledger.Works
	Called    ledger.Amount // by the live calls
	Remaining ledger.Amount
	Calls     []WorksCallInfo
}

// WorksSummaries lists the campaigns with what was called and what remains.
func (r *Residence) WorksSummaries() ([]WorksSummary, error) {
	var out []WorksSummary
	err := r.View(func(tx *ledger.Tx) error {
		list, err := tx.WorksList()
		if err != nil {
			return err
		}
		for _, w := range list {
			s, err := worksSummary(tx, w)
			if err != nil {
				return err
			}
			out = append(out, s)
		}
		return nil
	})
	return out, err
}

func worksSummary(tx *ledger.Tx, w ledger.Works) (WorksSummary, error) {
	s := WorksSummary{Works: w}
	calls, err := tx.Calls(ledger.CallFilter{Kind: ledger.WorksCall, Works: w.Code, Live: true})
	if err != nil {
		return s, err
	}
	posted := map[int]ledger.Call{}
	for _, c := range calls {
		posted[c.Number] = c
		s.Called += c.Total()
	}
	s.Remaining = w.Voted - s.Called
	todo, err := worksToCall(tx, w)
	if err != nil {
		return s, err
	}
	for i, d := range w.Schedule {
		info := WorksCallInfo{Number: i + 1, Due: d}
		if c, ok := posted[i+1]; ok {
			info.Amount, info.Piece = c.Total(), c.Piece
		} else {
			for _, t := range todo {
				if t.number == i+1 {
					for _, ka := range t.amounts {
						info.Amount += ka.amount
					}
				}
			}
		}
		s.Calls = append(s.Calls, info)
	}
	return s, nil
}

// worksDue is a due date of a campaign not called yet, with what it asks
// per key.
type worksDue struct {
	number  int
	due     time.Time
	amounts []keyAmount
}

// worksToCall spreads what remains to call on each key evenly over the due
// dates not called yet (SplitEven: the first ones take the extra cents).
// As long as nothing changes, this is the even split of the voted amount
// over all the dates; a revised vote or a cancelled call is absorbed by the
// calls to come.
func worksToCall(tx *ledger.Tx, w ledger.Works) ([]worksDue, error) {
	called, err := tx.WorksCalled(w.Code)
	if err != nil {
		return nil, err
	}
	calls, err := tx.Calls(ledger.CallFilter{Kind: ledger.WorksCall, Works: w.Code, Live: true})
	if err != nil {
		return nil, err
	}
	done := map[int]bool{}
	for _, c := range calls {
		done[c.Number] = true
	}
	var todo []worksDue
	for i, d := range w.Schedule {
		if !done[i+1] {
			todo = append(todo, worksDue{number: i + 1, due: d})
		}
	}
	for _, k := range w.Keys {
		parts := ledger.SplitEven(k.Amount-called[k.Key], len(todo))
		for j := range todo {
			if parts[j] != 0 {
				todo[j].amounts = append(todo[j].amounts, keyAmount{k.Key, parts[j]})
			}
		}
	}
	return todo, nil
}

// works plans the calls of a campaign due in the plan's exercise.
func (pl *planner) works(code string) error {
	ex := pl.plan.Exercise
	w, err := pl.tx.Works(code)
	if err != nil {
		return err
	}
	todo, err := worksToCall(pl.tx, w)
	if err != nil {
		return err
	}
	account := ledger.WorksReserveAccount(w.Code)
	if w.Finished || w.EndsIn(ex) {
		account = ledger.WorksProvisionAccount(w.Code)
	}
	count := len(w.Schedule)
	for _, t := range todo {
		if !ex.Contains(t.due) {
			continue
		}
		c := PlannedCall{Kind: ledger.WorksCall, Works: w.Code, Number: t.number, Count: count, Due: t.due, PeriodStart: t.due, PeriodEnd: t.due,
			Period: fmt.Sprintf("échéance %d sur %d", t.number, count), Account: account,
			Label: fmt.Sprintf("Appel travaux %s %s (%d/%d)", w.Code, w.Label, t.number, count)}
		if err := pl.allocate(&c, t.amounts); err != nil {
			return err
		}
		pl.add(c)
	}
	if len(pl.plan.Calls) == 0 {
		return ledger.Errorf(ledger.NotFound, "Aucun appel de la campagne de travaux %s n'est à passer dans l'exercice %s%s", w.Code, ex.Name(), nextDueHint(todo))
	}
	if w.End.IsZero() && !w.Finished {
		pl.warn("La date de fin des travaux %s n'est pas indiquée : leurs appels sont portés au compte %s (provisions pour travaux décidés) ; ils iront au 702%s dans l'exercice où les travaux se terminent.",
			w.Code, account, w.Code)
	}
	return nil
}

func nextDueHint(todo []worksDue) string {
	if len(todo) == 0 {
		return " : toutes ses échéances sont appelées"
	}
	var dates []string
	for _, t := range todo {
		dates = append(dates, ledger.FrenchDate(t.due))
	}
	return " (échéances restantes : " + strings.Join(dates, ", ") + ")"
}

// WorksInstalment is an instalment of a campaign not called yet: its due
// date and what it will ask per key.
type WorksInstalment struct {
	Works  string
	Label  string
	Number int
	Due    time.Time
	Keys   []ledger.WorksKey
	Total  ledger.Amount
}

// WorksToCome lists the instalments of every campaign not yet called,
// spread as the calls will spread them (worksToCall), by due date: the
// voted works an état daté puts on a buyer (décret 1967 art. 5 3°).
func WorksToCome(tx *ledger.Tx) ([]WorksInstalment, error) {
	list, err := tx.WorksList()
	if err != nil {
		return nil, err
	}
	var out []WorksInstalment
	for _, w := range list {
		todo, err := worksToCall(tx, w)
		if err != nil {
			return nil, err
		}
		for _, t := range todo {
			in := WorksInstalment{Works: w.Code, Label: w.Label, Number: t.number, Due: t.due}
			for _, ka := range t.amounts {
				in.Keys = append(in.Keys, ledger.WorksKey{Key: ka.key, Amount: ka.amount})
				in.Total += ka.amount
			}
			if in.Total != 0 {
				out = append(out, in)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out, nil
}
