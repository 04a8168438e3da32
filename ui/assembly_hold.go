package ui

// The votes tab's documents (attendance sheet, minutes) and the closing
// of the assembly.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"tantieme/app/assembly"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

func (t *votesTab) writeSheet() {
	a := t.m.assembly()
	if a == nil {
		return
	}
	path, sheet, err := assembly.WriteAttendance(t.m.s.res, a.ID, "")
	if err != nil {
		t.m.s.showError(err)
		return
	}
	t.m.s.openWritten(fmt.Sprintf("Feuille de présence (%s, %s tantièmes) enregistrée dans %s", fr.Count(len(sheet.Owners), "copropriétaire", "copropriétaires"),
		fr.Shares(sheet.Votes), path), path)
}

func (t *votesTab) writeMinutes() {
	a := t.m.assembly()
	if a == nil {
		return
	}
	path, err := assembly.WriteMinutes(t.m.s.res, a.ID, "")
	if err != nil {
		t.m.s.showError(err)
		return
	}
	t.m.s.openWritten(t.minutes.Text+" enregistré dans "+path, path)
}

// hold asks before closing the assembly, saying what becomes of the
// budget and the accounts.
func (t *votesTab) hold() {
	a := t.m.assembly()
	if a == nil {
		return
	}
	var lines, pending []string
	years := map[int64]int{}
	if list, err := t.m.s.res.Exercises(); err == nil {
		for _, ex := range list {
			years[ex.ID] = ex.Year()
		}
	}
	for _, rc := range t.count.Results {
		res := rc.Resolution
		if !rc.Decided() {
			pending = append(pending, strconv.Itoa(res.Number))
			continue
		}
		adopted := rc.Final().Adopted
		line := fmt.Sprintf("%d. %s : %s", res.Number, res.Title, strings.ToLower(outcomeWord(adopted)))
		switch {
		case adopted && res.Kind == ledger.ResolutionBudget && res.Exercise != 0:
			line += fmt.Sprintf(" — le budget %d devient le budget voté", years[res.Exercise])
		case adopted && res.Kind == ledger.ResolutionAccounts:
			ex := res.Exercise
			if ex == 0 {
				ex = a.Exercise
			}
			line += fmt.Sprintf(" — les comptes %d sont approuvés (empreinte %s) : leur clôture sera refusée si une écriture change", years[ex], fingerprintOrDash(res.Fingerprint))
		}
		lines = append(lines, line)
	}
	if len(pending) > 0 {
		sort.Strings(pending)
		t.m.s.showError(ledger.Errorf(ledger.Invalid, "Le vote des résolutions %s n'est pas complet (ou leur second vote est à faire) : "+
			"saisissez-le avant de clore l'assemblée", strings.Join(pending, ", ")))
		return
	}
	id, day := a.ID, a.Day
	t.m.s.confirm("Clore l'assemblée du "+ledger.FrenchDate(day)+" ?", "Les résultats seront enregistrés et les votes ne pourront plus changer :\n"+
		strings.Join(lines, "\n"), "Clore l'assemblée", "Revenir aux votes", func() {
		h, err := assembly.Hold(t.m.s.res, id, day)
		if err != nil {
			t.m.s.showError(err)
			return
		}
		t.m.s.say(fmt.Sprintf("%s tenue : %s, %s", h.Assembly.Title(), fr.Count(h.Adopted, "résolution adoptée", "résolutions adoptées"),
			fr.Count(h.Rejected, "rejetée", "rejetées")))
		t.m.reload()
	})
}

func fingerprintOrDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
