package ledger

// The majorities of the general assembly (loi n° 65-557 du 10 juillet
// 1965, art. 24, 25, 25-1 and 26) counted on a checked Roll.

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Majority is the article a resolution is voted under.
type Majority int

const (
	Art24     Majority = iota + 1 // majorité des voix exprimées
	Art25                         // majorité des voix de tous les copropriétaires
	Art26                         // double majorité: members and two thirds of the votes
	Unanimity                     // unanimité de tous les copropriétaires
)

// Art. 25-1 is no majority of its own: it is the second vote at art. 24
// that follows a failed art. 25 vote (Result.SecondDue).

// String is the article as the minutes name it.
func (m Majority) String() string {
	switch m {
	case Art24:
		return "article 24"
	case Art25:
		return "article 25"
	case Art26:
		return "article 26"
	case Unanimity:
		return "unanimité"
	}
	return "majorité inconnue"
}

// Rule says what the majority asks, for the minutes.
func (m Majority) Rule() string {
	switch m {
	case Art24:
		return "majorité des voix exprimées des copropriétaires présents, représentés ou ayant voté par correspondance (loi du 10 juillet 1965, art. 24)"
	case Art25:
		return "majorité des voix de tous les copropriétaires (loi du 10 juillet 1965, art. 25)"
	case Art26:
		return "majorité des membres du syndicat représentant au moins les deux tiers des voix (loi du 10 juillet 1965, art. 26)"
	case Unanimity:
		return "unanimité des voix de tous les copropriétaires"
	}
	return ""
}

// Choice is a voter's answer to a resolution.
type Choice int

const (
	NoChoice Choice = iota // not given: a vote against on a postal form (loi art. 17-1 A), an error for a voter present or represented
	For                    // pour
	Against                // contre
	Abstain                // abstention
)

// String is the choice in French.
func (c Choice) String() string {
	switch c {
	case For:
		return "pour"
	case Against:
		return "contre"
	case Abstain:
		return "abstention"
	}
	return "sans réponse"
}

// Choices are the answers to one resolution in one round: owner account →
// choice. Round 1 holds the postal forms' answers too.
type Choices map[string]Choice

// Question is a question put to the vote.
type Question struct {
	Number   string // "1", "12 bis"
	Title    string
	Majority Majority
	// Shares are the owners' votes on the resolution's key: only the
	// owners who share the expenses a decision is about vote on it, with
	// their shares of them (loi art. 24 III). nil: the general key (the
	// members' Votes).
	Shares map[string]decimal.Decimal
	// Amended in session: a postal voter, who could not see the change,
	// is défaillant on it if he voted for it (loi art. 17-1 A).
	Amended bool
}

// OwnerVotes names an owner and his votes on a resolution, for the
// minutes' lists; Reason says why a défaillant is one.
type OwnerVotes struct {
	Account string
	Name    string
	Votes   decimal.Decimal
	Reason  string
}

// Result is the count of one vote on a resolution.
type Result struct {
	Number   string
	Title    string
	Majority Majority // the article this vote was counted under
	Round    int      // 1, or 2 for a second vote
	// Total is the votes of all the owners of the key, after the art. 22
	// reduction; Members is how many owners the key has.
	Total   decimal.Decimal
	Members int
	// Reduced names the owner whose votes were reduced (nil: nobody);
	// his Votes are the reduced ones, ReducedFrom his shares.
	Reduced     *OwnerVotes
	ReducedFrom decimal.Decimal

	For, Against, Abstain Tally
	Defaulting            Tally // absent, refused, postal on an amended resolution
	// Required is the votes For must exceed (Strict) or reach; art. 26
	// and unanimity also ask RequiredMembers owners voting for.
	Required        decimal.Decimal
	Strict          bool
	RequiredMembers int
	Adopted         bool
	// SecondDue is the article of the immediate second vote the law
	// calls for (0: none): art. 24 after an art. 25 vote that failed with
	// at least a third of all votes (art. 25-1), art. 25 after an art. 26
	// vote that failed with half the members taking part and a third of
	// all votes (art. 26 al. last). Second is its count when its choices
	// were given.
	SecondDue Majority
	Second    *Result
	// The minutes' lists (décret art. 17), in the roll's order.
	Opposed, Abstaining, Defaulters []OwnerVotes
}

// Expressed is the votes pour and contre.
func (r Result) Expressed() decimal.Decimal { return r.For.Votes.Add(r.Against.Votes) }

// Final is the vote that decided: the second one when there was one.
func (r Result) Final() Result {
	if r.Second != nil {
		return *r.Second
	}
	return r
}

// Count counts a resolution: round1 are the answers of the voters present
// or represented and the postal forms'; round2, when the first vote calls
// for a second one, the answers to that second vote (nil: not voted yet).
// A postal voter's form answers the second vote as it answered the first:
// the resolution is the same.
func (roll Roll) Count(res Question, round1, round2 Choices) (Result, error) {
	res.Number = strings.TrimSpace(res.Number)
	if err := cleanTexts(textField{&res.Number, "numéro de la résolution", ShortText}, textField{&res.Title, "titre de la résolution " + res.Number, LabelText}); err != nil {
		return Result{}, err
	}
	if res.Majority < Art24 || res.Majority > Unanimity {
		return Result{}, Errorf(Invalid, "Majorité de la résolution %s inconnue", res.Number)
	}
	votes, err := roll.keyVotes(res)
	if err != nil {
		return Result{}, err
	}
	first, err := roll.count(res, res.Majority, 1, votes, round1, nil)
	if err != nil {
		return Result{}, err
	}
	if round2 != nil {
		if first.SecondDue == 0 {
			return Result{}, Errorf(Invalid, "La résolution %s n'appelle pas de second vote", res.Number)
		}
		second, err := roll.count(res, first.SecondDue, 2, votes, round2, round1)
		if err != nil {
			return Result{}, err
		}
		first.Second = &second
	}
	return first, nil
}

// keyVotes gives each member's votes on the resolution's key, reduced.
func (roll Roll) keyVotes(res Question) ([]decimal.Decimal, error) {
	votes := make([]decimal.Decimal, len(roll.Members))
	if res.Shares == nil {
		for i, m := range roll.Members {
			votes[i] = m.Votes
		}
	} else {
		index := map[string]int{}
		for i, m := range roll.Members {
			index[m.Account] = i
		}
		for acc, v := range res.Shares {
			i, ok := index[acc]
			if !ok {
				return nil, Errorf(Invalid, "Le compte %s, qui a des tantièmes sur la clé de la résolution %s, n'est pas sur la feuille de présence", acc, res.Number)
			}
			if v.IsNegative() {
				return nil, Errorf(Invalid, "Les voix de %s sur la résolution %s ne peuvent pas être négatives", acc, res.Number)
			}
			votes[i] = v
		}
	}
	return votes, nil
}

func (roll Roll) count(res Question, maj Majority, round int, votes []decimal.Decimal, choices, first Choices) (Result, error) {
	r := Result{Number: res.Number, Title: res.Title, Majority: maj, Round: round}
	for acc := range choices {
		if !roll.has(acc) {
			return r, Errorf(Invalid, "Le compte %s, qui a voté sur la résolution %s, n'est pas sur la feuille de présence", acc, res.Number)
		}
	}
	counted := make([]decimal.Decimal, len(votes))
	copy(counted, votes)
	if i, reduced := Reduction(votes); i >= 0 {
		m := roll.Members[i]
		r.Reduced = &OwnerVotes{Account: m.Account, Name: m.Name, Votes: reduced}
		r.ReducedFrom = votes[i]
		counted[i] = reduced
	}
	taking := 0 // members of the key present, represented or voting by post
	for i, m := range roll.Members {
		v := counted[i]
		c, given := choices[m.Account]
		if !v.IsPositive() {
			if given {
				return r, Errorf(Invalid, "%s n'a pas de tantièmes sur la clé de la résolution %s : il ne vote pas", upperFirst(m.label()), res.Number)
			}
			continue
		}
		r.Members++
		r.Total = r.Total.Add(v)
		ov := OwnerVotes{Account: m.Account, Name: m.Name, Votes: v}
		if given && (c < NoChoice || c > Abstain) {
			return r, Errorf(Invalid, "Vote de %s sur la résolution %s inconnu", m.label(), res.Number)
		}
		switch {
		case m.Counted == Absent:
			if given && c != NoChoice {
				return r, Errorf(Invalid, "%s est défaillant : son vote sur la résolution %s ne peut pas être compté", upperFirst(m.label()), res.Number)
			}
			ov.Reason = m.Refusal
			if ov.Reason == "" {
				ov.Reason = "absent"
			}
			r.Defaulting.add(v)
			r.Defaulters = append(r.Defaulters, ov)
			continue
		case m.Counted == Postal:
			if round == 2 {
				if given && c != NoChoice {
					return r, Errorf(Invalid, "%s a voté par correspondance : son formulaire répond au second vote de la résolution %s", upperFirst(m.label()), res.Number)
				}
				c = first[m.Account]
			}
			if res.Amended && c == For {
				// Loi 1965 art. 17-1 A (ordonnance 2019-1101): on a
				// resolution amended in session, a postal voter who voted
				// for it is assimilated to a défaillant (he approved a text
				// that is no longer the one put to the vote); a vote against
				// stays against.
				ov.Reason = "vote favorable par correspondance sur une résolution amendée en séance (loi du 10 juillet 1965, art. 17-1 A)"
				r.Defaulting.add(v)
				r.Defaulters = append(r.Defaulters, ov)
				continue
			}
			if c == NoChoice || c == Abstain {
				// Loi 1965 art. 17-1 A: a form giving no clear vote, or
				// expressing an abstention, counts as a vote against.
				c = Against
				ov.Reason = "formulaire sans choix ou abstention : vote défavorable (loi du 10 juillet 1965, art. 17-1 A)"
			}
		default:
			if c == NoChoice {
				return r, Errorf(Invalid, "Le vote de %s sur la résolution %s n'est pas indiqué", m.label(), res.Number)
			}
		}
		taking++
		switch c {
		case For:
			r.For.add(v)
		case Against:
			r.Against.add(v)
			r.Opposed = append(r.Opposed, ov)
		case Abstain:
			r.Abstain.add(v)
			r.Abstaining = append(r.Abstaining, ov)
		}
	}
	if r.Members == 0 {
		return r, Errorf(Invalid, "Aucun copropriétaire n'a de tantièmes sur la clé de la résolution %s", res.Number)
	}
	two, three := decimal.NewFromInt(2), decimal.NewFromInt(3)
	switch maj {
	case Art24:
		// More than half the votes expressed; abstentions are not expressed.
		r.Required, r.Strict = r.Expressed().Div(two), true
		r.Adopted = r.For.Votes.GreaterThan(r.Against.Votes)
	case Art25:
		r.Required, r.Strict = r.Total.Div(two), true
		r.Adopted = r.For.Votes.Mul(two).GreaterThan(r.Total)
		// Art. 25-1: « lorsque l'assemblée générale n'a pas décidé à la
		// majorité prévue à l'article 25 mais que le projet a recueilli au
		// moins le tiers de ces voix », an immediate second vote at art. 24.
		if !r.Adopted && round == 1 && r.For.Votes.Mul(three).GreaterThanOrEqual(r.Total) {
			r.SecondDue = Art24
		}
	case Art26:
		r.Required = r.Total.Mul(two).Div(three).RoundUp(2)
		r.RequiredMembers = r.Members/2 + 1
		r.Adopted = r.For.Owners*2 > r.Members && r.For.Votes.Mul(three).GreaterThanOrEqual(r.Total.Mul(two))
		// Art. 26 al. last (ordonnance n° 2019-1101): approved by half
		// of the members present, represented or voting by post,
		// representing at least a third of all votes → an immediate
		// second vote at art. 25.
		if !r.Adopted && round == 1 && r.For.Owners*2 >= taking && taking > 0 && r.For.Votes.Mul(three).GreaterThanOrEqual(r.Total) {
			r.SecondDue = Art25
		}
	case Unanimity:
		r.Required, r.RequiredMembers = r.Total, r.Members
		r.Adopted = r.For.Owners == r.Members
	}
	return r, nil
}

func (roll Roll) has(account string) bool {
	for _, m := range roll.Members {
		if m.Account == account {
			return true
		}
	}
	return false
}
