package assembly

import (
	"fmt"
	"math"
	"time"

	"tantieme/ledger"
)

// MinConvocationDays is the delay of décret 1967 art. 9: « la convocation
// est notifiée au moins vingt et un jours avant la date de la réunion »
// (unless the règlement de copropriété provides a longer one).
const MinConvocationDays = 21

// DefaultConsultPlace is where the supporting documents are consulted
// unless the syndic says otherwise.
const DefaultConsultPlace = "chez le syndic"

// days is the number of calendar days from a to b (dates).
func days(a, b time.Time) int {
	return int(math.Round(b.Sub(a).Hours() / 24))
}

// ConvocationWarning says, in French, why convocations sent on day sent
// come too late for an assembly on day, "" when they do not: the
// notification must reach the owners at least 21 days before (décret 1967
// art. 9), and a registered letter is notified the day after its first
// presentation, so a few days of post come on top.
func ConvocationWarning(day, sent time.Time) string {
	if sent.IsZero() || day.IsZero() {
		return ""
	}
	n := days(sent, day)
	switch {
	case n < 0:
		return fmt.Sprintf("Les convocations du %s partiraient après l'assemblée du %s.", ledger.FrenchDate(sent), ledger.FrenchDate(day))
	case n < MinConvocationDays:
		return fmt.Sprintf("Attention : l'assemblée du %s n'est qu'à %d jours de l'envoi du %s. La convocation doit être notifiée au moins "+
			"%d jours avant la réunion (décret du 17 mars 1967, art. 9) : envoyez-la au plus tard le %s, en comptant aussi le délai de la poste, "+
			"ou reportez l'assemblée.", ledger.FrenchDate(day), n, ledger.FrenchDate(sent), MinConvocationDays,
			ledger.FrenchDate(day.AddDate(0, 0, -MinConvocationDays)))
	}
	return ""
}

// PostalDeadline is the last day a postal voting form may reach the
// syndic: décret 1967 art. 9 bis wants it « au plus tard trois jours francs
// avant la date de la réunion ». Clear days leave out both the day of
// receipt and the day of the meeting: for an assembly on the 12th, the
// 9th, 10th and 11th are the three clear days, so the form arrives by the
// 8th.
func PostalDeadline(day time.Time) time.Time { return ledger.PostalDeadline(day) }

// ProposeConsultation proposes the days the supporting documents can be
// consulted (loi 1965 art. 18-1: between the convocation and the
// assembly): from the convocation to two working days before the
// assembly. ok is false when no such span is left.
func ProposeConsultation(day, convocation time.Time) (from, to time.Time, ok bool) {
	to = day
	for n := 0; n < 2; {
		to = to.AddDate(0, 0, -1)
		if WorkingDay(to) {
			n++
		}
	}
	from = convocation
	if from.After(to) || from.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	return from, to, true
}

// WorkingDay says whether d is a jour ouvré in France: Monday to Friday,
// public holidays aside (code du travail art. L3133-1).
func WorkingDay(d time.Time) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return !publicHoliday(d)
}

// publicHoliday says whether d is one of the eleven fêtes légales of code
// du travail art. L3133-1 (Alsace-Moselle's two more aside).
func publicHoliday(d time.Time) bool {
	y := d.Year()
	fixed := [][2]int{{1, 1}, {5, 1}, {5, 8}, {7, 14}, {8, 15}, {11, 1}, {11, 11}, {12, 25}}
	for _, f := range fixed {
		if d.Month() == time.Month(f[0]) && d.Day() == f[1] {
			return true
		}
	}
	easter := easterSunday(y)
	for _, offset := range []int{1, 39, 50} { // lundi de Pâques, Ascension, lundi de Pentecôte
		if e := easter.AddDate(0, 0, offset); e.Month() == d.Month() && e.Day() == d.Day() {
			return true
		}
	}
	return false
}

// easterSunday is Easter Sunday of year y (the anonymous Gregorian
// algorithm, Meeus/Jones/Butcher).
func easterSunday(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return ledger.Date(y, time.Month(month), day)
}
