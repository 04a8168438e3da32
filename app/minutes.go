package app

import (
	"strconv"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// MinutesAttendance gives the minutes' attendance totals from a checked
// roll: the counts by how the owners took part (votes after the art. 22
// reduction), the syndicat's members and votes.
func MinutesAttendance(roll ledger.Roll) (reports.AttendanceTotals, int, decimal.Decimal) {
	t := roll.Totals()
	c := func(p ledger.Presence) reports.AttendanceCount {
		return reports.AttendanceCount{Owners: t[p].Owners, Votes: t[p].Votes}
	}
	return reports.AttendanceTotals{Present: c(ledger.Present), Represented: c(ledger.Represented), Postal: c(ledger.Postal), Defaulting: c(ledger.Absent)},
		len(roll.Members), roll.Total
}

// MinutesResolution gives what the minutes print of a counted resolution;
// text is the decision put to the vote ("" none).
func MinutesResolution(r ledger.Result, text string) reports.MinutesResolution {
	out := reports.MinutesResolution{Number: r.Number, Title: r.Title, Text: text, Vote: minutesVote(r)}
	if r.Second != nil {
		v := minutesVote(*r.Second)
		out.Second = &v
	} else if r.SecondDue != 0 {
		out.SecondDue = r.SecondDue.String()
	}
	return out
}

func minutesVote(r ledger.Result) reports.MinutesVote {
	count := func(t ledger.Tally) reports.AttendanceCount {
		return reports.AttendanceCount{Owners: t.Owners, Votes: t.Votes}
	}
	owners := func(list []ledger.OwnerVotes, opposed bool) []reports.MinutesOwner {
		out := make([]reports.MinutesOwner, len(list))
		for i, o := range list {
			out[i] = reports.MinutesOwner{Name: o.Name, Votes: o.Votes}
			if o.Name == "" {
				out[i].Name = o.Account
			}
			if opposed && o.Reason != "" {
				// A postal form without a clear choice or abstaining is
				// counted against (loi art. 17-1 A): the minutes say so,
				// since the owner did not write « contre ».
				out[i].Name += ", par correspondance (sans choix ou abstention : compté contre, art. 17-1 A)"
			}
		}
		return out
	}
	v := reports.MinutesVote{Article: r.Majority.String(), Rule: r.Majority.Rule(), Required: requiredText(r),
		For: count(r.For), Against: count(r.Against), Abstain: count(r.Abstain), Defaulting: count(r.Defaulting), Adopted: r.Adopted,
		Opposed: owners(r.Opposed, true), Abstaining: owners(r.Abstaining, false), Defaulters: owners(r.Defaulters, false)}
	if r.Reduced != nil {
		v.Reduction = "Les voix de " + r.Reduced.Name + " sont réduites de " + fr.Shares(r.ReducedFrom) + " à " + fr.Shares(r.Reduced.Votes) +
			", la somme des voix des autres copropriétaires (loi du 10 juillet 1965, art. 22)."
	}
	switch r.SecondDue {
	case ledger.Art24:
		v.SecondNote = "Le projet n'a pas recueilli la majorité de l'article 25 mais au moins le tiers des voix de tous les copropriétaires (" +
			fr.Shares(r.For.Votes) + " sur " + fr.Shares(r.Total) + ") : l'assemblée procède immédiatement à un second vote à la majorité de " +
			"l'article 24 (loi du 10 juillet 1965, art. 25-1)."
	case ledger.Art25:
		v.SecondNote = "Le projet n'a pas recueilli la majorité de l'article 26 mais l'approbation de la moitié au moins des membres présents, " +
			"représentés ou ayant voté par correspondance, représentant au moins le tiers des voix de tous les copropriétaires (" +
			fr.Shares(r.For.Votes) + " sur " + fr.Shares(r.Total) + ") : l'assemblée procède immédiatement à un second vote à la majorité de " +
			"l'article 25 (loi du 10 juillet 1965, art. 26, dernier alinéa)."
	}
	return v
}

// requiredText says the threshold in figures.
func requiredText(r ledger.Result) string {
	switch r.Majority {
	case ledger.Art24:
		return "plus de la moitié des voix exprimées, soit plus de " + fr.Shares(r.Required) + " voix (" + fr.Shares(r.Expressed()) + " exprimées)"
	case ledger.Art25:
		return "plus de la moitié des voix de tous les copropriétaires, soit plus de " + fr.Shares(r.Required) + " voix sur " + fr.Shares(r.Total)
	case ledger.Art26:
		return "au moins " + strconv.Itoa(r.RequiredMembers) + " copropriétaires sur " + strconv.Itoa(r.Members) +
			", représentant au moins les deux tiers des voix, soit " + fr.Shares(r.Required) + " voix sur " + fr.Shares(r.Total)
	case ledger.Unanimity:
		return "les " + fr.Count(r.Members, "copropriétaire", "copropriétaires") + ", soit " + fr.Shares(r.Total) + " voix"
	}
	return ""
}
