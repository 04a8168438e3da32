package app

import (
	"strconv"
	"strings"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/templates"
)

// worksByCode lists the works campaigns by code.
func worksByCode(tx *ledger.Tx) (map[string]ledger.Works, error) {
	list, err := tx.WorksList()
	if err != nil {
		return nil, err
	}
	out := make(map[string]ledger.Works, len(list))
	for _, w := range list {
		out[w.Code] = w
	}
	return out, nil
}

func sectionTitle(c noticeCall, works map[string]ledger.Works) string {
	switch c.kind {
	case ledger.FundCall:
		return "Fonds de travaux (cotisation obligatoire, loi ALUR)"
	case ledger.WorksCall:
		return "Travaux " + c.works + " – " + works[c.works].Label + " (" + c.period + ")"
	case ledger.AdvanceCall:
		return "Avance / fonds de roulement – " + c.label
	case ledger.DirectCall:
		return "Appel ponctuel – " + c.label
	}
	return "Budget prévisionnel – provisions sur charges courantes"
}

// worksDecision cites the AG decision a works call carries out, under its
// section: a works call is due as the AG voted it, outside the budget
// (loi du 10 juillet 1965, art. 14-2), so the notice says which vote, for
// how much, and which instalment of its schedule this is.
func worksDecision(w ledger.Works, c noticeCall) string {
	s := "Travaux votés par l'assemblée générale"
	if !w.AGDate.IsZero() {
		s += " du " + ledger.FrenchDate(w.AGDate)
	}
	if w.Resolution != "" {
		s += " (" + ResolutionText(w.Resolution) + ")"
	}
	s += " pour " + w.Voted.String()
	if len(w.Schedule) > 0 {
		s += ", appelés en " + strconv.Itoa(len(w.Schedule)) + " échéances (" + scheduleText(w.Schedule) + ")"
	}
	if c.number > 0 && c.count > 0 {
		s += " ; cet appel est l'échéance " + strconv.Itoa(c.number) + " sur " + strconv.Itoa(c.count)
	}
	return s + "."
}

// worksFields are the merge fields of a works notice's opening.
func worksFields(w ledger.Works, c noticeCall) templates.Works {
	f := templates.Works{Code: w.Code, Label: w.Label, Voted: w.Voted.String(), Schedule: scheduleText(w.Schedule),
		Number: strconv.Itoa(c.number), Count: strconv.Itoa(c.count)}
	if !w.AGDate.IsZero() {
		f.AGDate = ledger.FrenchDate(w.AGDate)
	}
	if w.Resolution != "" {
		f.Resolution = ResolutionText(w.Resolution)
	}
	if f.Schedule == "" {
		f.Schedule = "échéancier non saisi"
	}
	return f
}

func scheduleText(dates []time.Time) string {
	s := make([]string, len(dates))
	for i, d := range dates {
		s[i] = ledger.FrenchDate(d)
	}
	return fr.Join(s, "et")
}

// ResolutionText is how a letter cites a resolution typed as « 12 » or
// « résolution 12 bis »: « résolution n° 12 ».
func ResolutionText(r string) string {
	r = strings.TrimSpace(r)
	low := strings.ToLower(r)
	for _, p := range []string{"résolution", "resolution", "n°", "no ", "no."} {
		if strings.HasPrefix(low, p) {
			r = strings.TrimSpace(r[len(p):])
			low = strings.ToLower(r)
		}
	}
	if r == "" {
		return ""
	}
	return "résolution n° " + r
}
