package assembly

// Recording the votes: one owner's, or « tout le monde pour sauf … » as a
// secretary enters them in the room. What the rules refuse is refused
// here, before anything is written.

import (
	"sort"
	"strings"

	"tantieme/app"
	"tantieme/ledger"
)

// Ballot is one vote to record: an owner's choice ("pour", "contre",
// "abstention").
type Ballot struct {
	Owner  string
	Choice string
}

// ParseChoice reads a choice as typed: « pour », « contre », « abstention »
// (or « abst »).
func ParseChoice(s string) (string, error) {
	switch t := strings.ToLower(strings.TrimSpace(s)); t {
	case "pour", "p", "for":
		return ledger.VoteFor, nil
	case "contre", "c", "against":
		return ledger.VoteAgainst, nil
	case "abstention", "abst", "a", "abstain":
		return ledger.VoteAbstain, nil
	}
	return "", ledger.Errorf(ledger.Invalid, "Vote « %s » inconnu : pour, contre ou abstention", s)
}

// Vote records votes on resolution number of an assembly, in round (1,
// or 2 for the second vote of art. 25-1 or 26), in one transaction. It
// refuses what the rules refuse: a vote of a défaillant (absent, or whose
// proxy or form is refused), of an owner without shares on the
// resolution's key, a second-round vote when no second vote is due, and a
// postal voter in round 2 (his form answers both).
func Vote(r *app.Residence, id int64, number, round int, ballots []Ballot) error {
	return r.Update(func(tx *ledger.Tx) error { return vote(tx, id, number, round, ballots) })
}

func vote(tx *ledger.Tx, id int64, number, round int, ballots []Ballot) error {
	if round == 0 {
		round = 1
	}
	if round != 1 && round != 2 {
		return ledger.Errorf(ledger.Invalid, "Tour de vote %d inconnu : 1, ou 2 pour le second vote", round)
	}
	c, err := counted(tx, id)
	if err != nil {
		return err
	}
	a := c.Detail.Assembly
	if a.Status == ledger.AssemblyHeld {
		return ledger.Errorf(ledger.Conflict, "L'assemblée du %s est tenue : ses votes ne changent plus", ledger.FrenchDate(a.Day))
	}
	if a.Draft() {
		return ledger.Errorf(ledger.Conflict, "L'assemblée du %s n'est pas encore convoquée : on ne vote pas avant les convocations", ledger.FrenchDate(a.Day))
	}
	rc, err := resolutionOf(c, number)
	if err != nil {
		return err
	}
	if round == 2 && !(rc.Complete && rc.Result.SecondDue != 0) {
		if !rc.Complete {
			return ledger.Errorf(ledger.Invalid, "Résolution %d : le premier vote n'est pas complet, le second ne peut pas être enregistré", number)
		}
		return ledger.Errorf(ledger.Invalid, "Résolution %d : le premier vote n'appelle pas de second vote (loi du 10 juillet 1965, art. 25-1 et 26)", number)
	}
	for _, b := range ballots {
		m, ok := member(c.Roll, strings.TrimSpace(b.Owner))
		if !ok {
			return ledger.Errorf(ledger.Invalid, "Le compte %s n'est pas celui d'un copropriétaire possédant un lot le %s", b.Owner, ledger.FrenchDate(a.Day))
		}
		if err := mayVote(rc, m, round); err != nil {
			return err
		}
		choice, err := ParseChoice(b.Choice)
		if err != nil {
			return err
		}
		if err := tx.SetVote(ledger.Vote{Resolution: rc.Resolution.ID, Owner: m.Account, Round: round, Choice: choice}); err != nil {
			return err
		}
	}
	if round == 1 {
		return dropStaleSecond(tx, id, rc.Resolution)
	}
	return nil
}

// mayVote says why a member may not vote on a resolution in a round.
func mayVote(rc ResolutionCount, m ledger.Member, round int) error {
	who := m.Name + " (" + m.Account + ")"
	switch {
	case m.Defaulting():
		reason := m.Refusal
		if reason == "" {
			reason = "absent"
		}
		return ledger.Errorf(ledger.Invalid, "%s est défaillant (%s) : il ne vote pas sur la résolution %d", who, reason, rc.Resolution.Number)
	case !votesOn(rc.Question, m).IsPositive():
		return ledger.Errorf(ledger.Invalid, "%s n'a pas de tantièmes sur la clé de la résolution %d : il ne vote pas (loi du 10 juillet 1965, art. 24)", who, rc.Resolution.Number)
	case round == 2 && m.Counted == ledger.Postal:
		return ledger.Errorf(ledger.Invalid, "%s a voté par correspondance : son formulaire répond aussi au second vote de la résolution %d", who, rc.Resolution.Number)
	}
	return nil
}

// dropStaleSecond forgets the second-round votes of a resolution whose
// first vote, as changed, no longer calls for a second one.
func dropStaleSecond(tx *ledger.Tx, id int64, res ledger.Resolution) error {
	c, err := counted(tx, id)
	if err != nil {
		return err
	}
	rc, err := resolutionOf(c, res.Number)
	if err != nil {
		return err
	}
	if rc.Round2 == nil || !rc.Complete || rc.Result.SecondDue != 0 {
		return nil
	}
	for acc := range rc.Round2 {
		if err := tx.DeleteVote(res.ID, acc, 2); err != nil {
			return err
		}
	}
	return nil
}

// VoteAll records the same choice for every voter present or represented
// on a resolution's key, except those named in except (account → their
// choice): « tout le monde pour sauf M. Durand contre ». Postal voters
// keep their form's answers; défaillants do not vote. It returns how many
// votes were recorded.
func VoteAll(r *app.Residence, id int64, number, round int, choice string, except map[string]string) (int, error) {
	n := 0
	err := r.Update(func(tx *ledger.Tx) error {
		c, err := counted(tx, id)
		if err != nil {
			return err
		}
		rc, err := resolutionOf(c, number)
		if err != nil {
			return err
		}
		if _, err := ParseChoice(choice); err != nil {
			return err
		}
		left := map[string]string{}
		for acc, ch := range except {
			left[strings.TrimSpace(acc)] = ch
		}
		var ballots []Ballot
		for _, m := range c.Roll.Members {
			ch, named := left[m.Account]
			if named {
				delete(left, m.Account)
				ballots = append(ballots, Ballot{Owner: m.Account, Choice: ch})
				continue
			}
			if m.Defaulting() || m.Counted == ledger.Postal || !votesOn(rc.Question, m).IsPositive() {
				continue
			}
			ballots = append(ballots, Ballot{Owner: m.Account, Choice: choice})
		}
		if len(left) > 0 {
			var accs []string
			for acc := range left {
				accs = append(accs, acc)
			}
			sort.Strings(accs)
			return ledger.Errorf(ledger.Invalid, "Sauf : le compte %s n'est pas celui d'un copropriétaire possédant un lot le %s",
				accs[0], ledger.FrenchDate(c.Detail.Assembly.Day))
		}
		n = len(ballots)
		return vote(tx, id, number, round, ballots)
	})
	return n, err
}

// ClearVote forgets an owner's vote on a resolution's round.
func ClearVote(r *app.Residence, id int64, number, round int, owner string) error {
	return r.Update(func(tx *ledger.Tx) error {
		c, err := counted(tx, id)
		if err != nil {
			return err
		}
		if c.Detail.Assembly.Status == ledger.AssemblyHeld {
			return ledger.Errorf(ledger.Conflict, "L'assemblée du %s est tenue : ses votes ne changent plus", ledger.FrenchDate(c.Detail.Assembly.Day))
		}
		rc, err := resolutionOf(c, number)
		if err != nil {
			return err
		}
		return tx.DeleteVote(rc.Resolution.ID, owner, round)
	})
}

// SetAmended records that resolution number was amended in session.
func SetAmended(r *app.Residence, id int64, number int, amended bool) error {
	return r.Update(func(tx *ledger.Tx) error {
		list, err := tx.Resolutions(id)
		if err != nil {
			return err
		}
		for _, res := range list {
			if res.Number == number {
				return tx.SetResolutionAmended(res.ID, amended)
			}
		}
		return ledger.Errorf(ledger.NotFound, "L'assemblée n° %d n'a pas de résolution n° %d", id, number)
	})
}

func resolutionOf(c Count, number int) (ResolutionCount, error) {
	for _, rc := range c.Results {
		if rc.Resolution.Number == number {
			return rc, nil
		}
	}
	return ResolutionCount{}, ledger.Errorf(ledger.NotFound, "L'assemblée du %s n'a pas de résolution n° %d", ledger.FrenchDate(c.Detail.Assembly.Day), number)
}
