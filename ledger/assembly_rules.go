package ledger

// The general assembly's attendance rules: who takes part in the votes,
// and with how many votes (loi n° 65-557 du 10 juillet 1965, art. 22;
// décret n° 67-223 du 17 mars 1967, art. 9 bis). Pure functions: no SQL,
// no clock; the AG storage maps onto the plain types below and the rules
// are recomputed from them whenever they are shown.
//
// How the storage maps onto them:
//
//   - one attendances row (owner account, status, proxy holder, the rank
//     the proxy was given in, the day the postal form arrived, whether the
//     holder is the syndic or close to him) → Attendee;
//   - the owners' votes on the general key the day of the AG → Attendee.Votes;
//   - CheckAttendance(date, attendees) → Roll: each member's counted status
//     and the reason a form or a proxy is refused;
//   - one resolutions row (number, title, majority article, amended in
//     session) with its key's shares per owner → Question;
//   - the votes rows of a resolution, per round → Choices (owner account →
//     pour / contre / abstention; a postal form's answers are round 1's);
//   - Roll.Count(resolution, round1, round2) → Result (assembly_majority.go).

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
)

// Presence is how an owner takes part in the assembly.
type Presence int

const (
	Absent      Presence = iota // neither present, represented nor voting by post: défaillant
	Present                     // signs the attendance sheet
	Represented                 // gave a proxy (pouvoir) to a mandataire
	Postal                      // voted by post (formulaire de vote par correspondance)
)

// String is the status as the attendance sheet prints it.
func (p Presence) String() string {
	switch p {
	case Present:
		return "présent"
	case Represented:
		return "représenté"
	case Postal:
		return "vote par correspondance"
	}
	return "absent"
}

// SyndicTie says whether a proxy's holder is one of the people loi art. 22
// I al. 4 forbids to hold one: « le syndic, son conjoint, le partenaire lié
// à lui par un pacte civil de solidarité, son concubin, ses ascendants ou
// descendants, ses préposés… ne peuvent recevoir mandat ».
type SyndicTie int

const (
	NoTie       SyndicTie = iota
	TieSyndic             // the syndic himself (a volunteer syndic is an owner)
	TieSpouse             // his spouse, PACS partner or concubin
	TieFamily             // his ascendants or descendants
	TieEmployee           // one of his préposés (employees)
)

func (t SyndicTie) refusal() string {
	switch t {
	case TieSyndic:
		return "le syndic ne peut pas recevoir de mandat (loi du 10 juillet 1965, art. 22)"
	case TieSpouse:
		return "le conjoint, partenaire de PACS ou concubin du syndic ne peut pas recevoir de mandat (loi du 10 juillet 1965, art. 22)"
	case TieFamily:
		return "un ascendant ou descendant du syndic ne peut pas recevoir de mandat (loi du 10 juillet 1965, art. 22)"
	case TieEmployee:
		return "un préposé du syndic ne peut pas recevoir de mandat (loi du 10 juillet 1965, art. 22)"
	}
	return ""
}

// MaxProxies is the number of delegations a mandataire may always hold
// (loi art. 22 I al. 3); he may hold more while his own votes and his
// mandants' stay within ProxyShareLimit of the syndicat's votes.
const MaxProxies = 3

// ProxyShareLimit is that 10 %, as a fraction.
var ProxyShareLimit = decimal.New(1, -1)

// Proxy is the pouvoir an owner gave.
type Proxy struct {
	// Holder is the mandataire's owner account when he is an owner of
	// the residence ("" for someone else).
	Holder string
	// HolderName names the mandataire; required when Holder is "".
	HolderName string
	// Rank is the order the delegations were given (or handed in) in:
	// 1, 2, 3… It decides which of a mandataire's delegations exceed the
	// limit: the earliest are kept.
	Rank int
	Tie  SyndicTie
}

// Attendee is an owner on the AG's day and how he takes part.
type Attendee struct {
	Account string
	Name    string
	// Votes are his voix: his lots' shares on the general key (loi art.
	// 22 I: « chaque copropriétaire dispose d'un nombre de voix
	// correspondant à sa quote-part dans les parties communes »).
	Votes    decimal.Decimal
	Presence Presence
	Proxy    Proxy     // when Represented
	Form     time.Time // when Postal: the day the syndic received his form
}

// Member is an attendee once the rules are applied.
type Member struct {
	Attendee
	// Counted is how he takes part after the checks: Absent when his form
	// or his proxy is refused.
	Counted Presence
	Refusal string // why, in French ("" when accepted)
	// Reduced holds his votes after the art. 22 reduction on the general
	// key (his Votes when not reduced).
	Reduced decimal.Decimal
}

// Defaulting says whether he is défaillant (counted absent).
func (m Member) Defaulting() bool { return m.Counted == Absent }

// Roll is the checked attendance of an assembly.
type Roll struct {
	Date    time.Time
	Members []Member // in the attendees' order
	// Total is the syndicat's votes: every member's (before reduction).
	Total decimal.Decimal
}

// FormClearDays is the number of clear days (jours francs) between the day
// the syndic receives a postal form and the AG's day (décret art. 9 bis: « au
// plus tard trois jours francs avant la date de la réunion »).
const FormClearDays = 3

// FormInTime says whether a postal form received on day received counts at
// an AG held on day meeting: neither the day of receipt nor the AG's day is
// counted, so a form received on the 1st counts for an AG on the 5th (the
// 2nd, 3rd and 4th are three clear days) and not for one on the 4th.
func FormInTime(received, meeting time.Time) bool {
	return !dayOf(received).After(PostalDeadline(meeting))
}

// PostalDeadline is the last day a postal form may arrive to count at an
// AG held on day meeting: three clear days before it (the 1st for an AG on
// the 5th). Counted in calendar days, never hours (a change of summer time
// in between would lose one).
func PostalDeadline(meeting time.Time) time.Time {
	return dayOf(meeting).AddDate(0, 0, -(FormClearDays + 1))
}

func dayOf(t time.Time) time.Time { return Date(t.Year(), t.Month(), t.Day()) }

// CheckAttendance applies the rules of attendance: postal forms received
// too late and proxies beyond the limits are refused (their owners are
// défaillants, with the reason), and an owner holding more than half of
// the votes has them reduced.
func CheckAttendance(date time.Time, attendees []Attendee) (Roll, error) {
	if date.IsZero() {
		return Roll{}, Errorf(Invalid, "Indiquez la date de l'assemblée générale")
	}
	roll := Roll{Date: dayOf(date), Members: make([]Member, len(attendees))}
	index := map[string]int{}
	for i, a := range attendees {
		var err error
		if a, err = a.clean(); err != nil {
			return Roll{}, err
		}
		if _, dup := index[a.Account]; dup {
			return Roll{}, Errorf(Invalid, "Le copropriétaire %s figure deux fois sur la feuille de présence", a.Account)
		}
		index[a.Account] = i
		roll.Members[i] = Member{Attendee: a, Counted: a.Presence, Reduced: a.Votes}
		roll.Total = roll.Total.Add(a.Votes)
	}
	for i := range roll.Members {
		m := &roll.Members[i]
		if m.Presence == Postal && !FormInTime(m.Form, roll.Date) {
			m.refuse("formulaire de vote par correspondance reçu le " + FrenchDate(m.Form) +
				", hors délai : il doit parvenir au syndic au moins trois jours francs avant l'assemblée (décret du 17 mars 1967, art. 9 bis)")
		}
	}
	if err := roll.checkProxies(index); err != nil {
		return Roll{}, err
	}
	votes := make([]decimal.Decimal, len(roll.Members))
	for i, m := range roll.Members {
		votes[i] = m.Votes
	}
	if i, reduced := Reduction(votes); i >= 0 {
		roll.Members[i].Reduced = reduced
	}
	return roll, nil
}

func (m *Member) refuse(reason string) {
	m.Counted = Absent
	m.Refusal = reason
}

func (a Attendee) clean() (Attendee, error) {
	a.Account = strings.TrimSpace(a.Account)
	if a.Account == "" {
		return a, Errorf(Invalid, "Un copropriétaire de la feuille de présence n'a pas de compte")
	}
	if err := cleanTexts(textField{&a.Account, "compte du copropriétaire", ShortText}, textField{&a.Name, "nom du copropriétaire " + a.Account, NameText},
		textField{&a.Proxy.Holder, "compte du mandataire de " + a.Account, ShortText}, textField{&a.Proxy.HolderName, "nom du mandataire de " + a.Account, NameText}); err != nil {
		return a, err
	}
	a.Proxy.Holder = strings.TrimSpace(a.Proxy.Holder)
	a.Proxy.HolderName = strings.Join(strings.Fields(a.Proxy.HolderName), " ")
	who := a.Account
	if a.Name != "" {
		who = a.Name + " (" + a.Account + ")"
	}
	if a.Votes.IsNegative() {
		return a, Errorf(Invalid, "Les voix de %s ne peuvent pas être négatives", who)
	}
	switch a.Presence {
	case Absent, Present:
	case Postal:
		if a.Form.IsZero() {
			return a, Errorf(Invalid, "Indiquez la date de réception du formulaire de vote par correspondance de %s", who)
		}
	case Represented:
		if a.Proxy.Holder == "" && a.Proxy.HolderName == "" {
			return a, Errorf(Invalid, "Indiquez le mandataire de %s", who)
		}
		if a.Proxy.Holder == a.Account {
			return a, Errorf(Invalid, "%s ne peut pas être son propre mandataire", upperFirst(who))
		}
		if a.Proxy.Tie < NoTie || a.Proxy.Tie > TieEmployee {
			return a, Errorf(Invalid, "Lien du mandataire de %s avec le syndic inconnu", who)
		}
	default:
		return a, Errorf(Invalid, "Présence de %s inconnue", who)
	}
	return a, nil
}

// checkProxies refuses the delegations loi art. 22 forbids: to the syndic
// and those close to him, to an owner who does not attend himself, and
// beyond three per mandataire unless his votes and his mandants' stay
// within 10 % of the syndicat's. A mandataire's delegations are taken in
// the order they were given: each is kept while he holds fewer than three,
// or while the total stays within 10 % (so the first three are always
// kept when they are otherwise valid).
func (roll *Roll) checkProxies(index map[string]int) error {
	type delegation struct {
		member int
		rank   int
	}
	holders := map[string][]delegation{}
	var order []string
	for i := range roll.Members {
		m := &roll.Members[i]
		if m.Presence != Represented {
			continue
		}
		if reason := m.Proxy.Tie.refusal(); reason != "" {
			m.refuse("pouvoir refusé : " + reason)
			continue
		}
		key := "name:" + strings.ToLower(m.Proxy.HolderName)
		if m.Proxy.Holder != "" {
			h, ok := index[m.Proxy.Holder]
			if !ok {
				return Errorf(Invalid, "Le mandataire de %s, compte %s, n'est pas un copropriétaire de ce jour", m.Account, m.Proxy.Holder)
			}
			holder := roll.Members[h]
			if holder.Presence != Present {
				m.refuse("pouvoir refusé : son mandataire, " + holder.label() + ", n'assiste pas à l'assemblée")
				continue
			}
			key = holder.Account
		}
		if _, seen := holders[key]; !seen {
			order = append(order, key)
		}
		holders[key] = append(holders[key], delegation{member: i, rank: m.Proxy.Rank})
	}
	limit := roll.Total.Mul(ProxyShareLimit)
	for _, key := range order {
		list := holders[key]
		slices.SortStableFunc(list, func(a, b delegation) int { return cmp.Compare(a.rank, b.rank) })
		held := decimal.Zero // his own votes, then his mandants' as they are kept
		name := roll.Members[list[0].member].Proxy.HolderName
		if h, ok := index[key]; ok {
			held = roll.Members[h].Votes
			name = roll.Members[h].label()
		}
		kept := 0
		for _, d := range list {
			m := &roll.Members[d.member]
			if kept < MaxProxies || held.Add(m.Votes).LessThanOrEqual(limit) {
				kept++
				held = held.Add(m.Votes)
				continue
			}
			m.refuse("pouvoir refusé : son mandataire, " + name + ", détient déjà " + groupInt(kept) +
				" pouvoirs et ses voix avec celles de ses mandants (" + fr.Shares(held.Add(m.Votes)) + ") dépasseraient 10 % des voix du syndicat (" +
				fr.Shares(limit) + ") (loi du 10 juillet 1965, art. 22)")
		}
	}
	return nil
}

func (m Member) label() string {
	if m.Name == "" {
		return m.Account
	}
	return m.Name
}

// HolderLabel names a represented member's mandataire: the owner's name
// when he is one, else the name given.
func (roll Roll) HolderLabel(m Member) string {
	if m.Proxy.Holder != "" {
		for _, h := range roll.Members {
			if h.Account == m.Proxy.Holder {
				return h.label()
			}
		}
		return m.Proxy.Holder
	}
	return m.Proxy.HolderName
}

// Reduction applies loi art. 22 I al. 2: « lorsqu'un copropriétaire
// possède une quote-part des parties communes supérieure à la moitié, le
// nombre de voix dont il dispose est réduit à la somme des voix des autres
// copropriétaires ». It returns the index of that owner and his reduced
// votes, or -1 when nobody holds more than half.
//
// The law speaks of voix, and an owner's voix on a resolution are his
// shares on that resolution's key (loi art. 24 III for the keys of special
// charges), so the reduction applies on each resolution's key: an owner of
// 40 % of the general key may hold 60 % of a staircase's key and be
// reduced on its resolutions only.
func Reduction(votes []decimal.Decimal) (int, decimal.Decimal) {
	total := decimal.Zero
	for _, v := range votes {
		total = total.Add(v)
	}
	for i, v := range votes {
		if others := total.Sub(v); v.GreaterThan(others) {
			return i, others
		}
	}
	return -1, decimal.Zero
}

// Tally is a count of owners and their votes.
type Tally struct {
	Owners int
	Votes  decimal.Decimal
}

func (t *Tally) add(v decimal.Decimal) {
	t.Owners++
	t.Votes = t.Votes.Add(v)
}

// Totals counts the members by how they take part (after the checks), on
// the general key's votes after reduction: present, represented, postal
// and défaillants (Absent).
func (roll Roll) Totals() map[Presence]Tally {
	out := map[Presence]Tally{}
	for _, m := range roll.Members {
		t := out[m.Counted]
		t.add(m.Reduced)
		out[m.Counted] = t
	}
	return out
}
