package assembly

// The votes of the assembly: the storage (attendances, votes) mapped onto
// the pure rules of ledger (CheckAttendance, Roll.Count). Nothing of the
// rules is stored: the roll and the results are recomputed from the
// records each time they are shown; only the outcome of each resolution is
// kept when the assembly is held (hold.go).

import (
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/ledger"
)

// Count is the roll of an assembly and the count of each resolution.
type Count struct {
	Detail     Detail
	Electorate Electorate
	Roll       ledger.Roll
	Results    []ResolutionCount // in the agenda's order
}

// ResolutionCount is one resolution's count.
type ResolutionCount struct {
	Resolution ledger.Resolution
	Question   ledger.Question
	// Round1 and Round2 are the recorded choices (Round2 nil: none).
	Round1, Round2 ledger.Choices
	// Missing are the voters taking part (present or represented) whose
	// vote is not recorded yet, in the roll's order; MissingRound says in
	// which round (1 or 2). While some are missing Result is the count so
	// far of nobody: Complete is false.
	Missing      []ledger.Member
	MissingRound int
	Complete     bool
	Result       ledger.Result
}

// Final is the vote that decided: the second one when there was one.
func (c ResolutionCount) Final() ledger.Result { return c.Result.Final() }

// SecondPending says a second vote is due and not recorded completely.
func (c ResolutionCount) SecondPending() bool {
	return c.Result.SecondDue != 0 && c.Result.Second == nil
}

// Decided says whether the resolution has its final result: counted, and
// its second vote held when one was due.
func (c ResolutionCount) Decided() bool { return c.Complete && !c.SecondPending() }

// Majorities maps the storage's articles onto the rules' majorities.
var Majorities = map[string]ledger.Majority{
	ledger.Article24: ledger.Art24, ledger.Article25: ledger.Art25, ledger.Article26: ledger.Art26, ledger.ArticleUnanimity: ledger.Unanimity,
}

// Presences maps the storage's attendance statuses onto the rules'.
var Presences = map[string]ledger.Presence{
	ledger.AttendPresent: ledger.Present, ledger.AttendRepresented: ledger.Represented, ledger.AttendPostal: ledger.Postal,
	ledger.AttendAbsent: ledger.Absent,
}

// Choices maps the stored choices onto the rules' and back.
var (
	Choices     = map[string]ledger.Choice{ledger.VoteFor: ledger.For, ledger.VoteAgainst: ledger.Against, ledger.VoteAbstain: ledger.Abstain}
	ChoiceWords = map[ledger.Choice]string{ledger.For: ledger.VoteFor, ledger.Against: ledger.VoteAgainst, ledger.Abstain: ledger.VoteAbstain}
)

// Roll checks the attendance of an assembly: every owner of a lot on its
// day, with his votes on the general key (loi 1965 art. 22), present,
// represented, voting by post or absent as recorded (no record: absent).
func Roll(r *app.Residence, id int64) (ledger.Roll, error) {
	c, err := Counted(r, id)
	return c.Roll, err
}

// Results counts every resolution of an assembly from the recorded votes.
func Results(r *app.Residence, id int64) ([]ResolutionCount, error) {
	c, err := Counted(r, id)
	return c.Results, err
}

// Counted reads an assembly, checks its roll and counts its resolutions.
func Counted(r *app.Residence, id int64) (Count, error) {
	var c Count
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		c, err = counted(tx, id)
		return err
	})
	return c, err
}

func counted(tx *ledger.Tx, id int64) (Count, error) {
	var c Count
	var err error
	if c.Detail, err = load(tx, id); err != nil {
		return c, err
	}
	if c.Electorate, err = electorate(tx, c.Detail.Assembly.Day); err != nil {
		return c, err
	}
	if c.Roll, err = roll(c.Detail, c.Electorate); err != nil {
		return c, err
	}
	byRes := map[int64][2]ledger.Choices{}
	for _, v := range c.Detail.Votes {
		rounds := byRes[v.Resolution]
		if rounds[v.Round-1] == nil {
			rounds[v.Round-1] = ledger.Choices{}
		}
		rounds[v.Round-1][v.Owner] = Choices[v.Choice]
		byRes[v.Resolution] = rounds
	}
	for _, res := range c.Detail.Resolutions {
		rc, err := countResolution(c.Roll, c.Electorate, res, byRes[res.ID])
		if err != nil {
			return c, err
		}
		c.Results = append(c.Results, rc)
	}
	return c, nil
}

// roll maps the attendance records onto the rules' attendees.
func roll(d Detail, e Electorate) (ledger.Roll, error) {
	records := map[string]ledger.Attendance{}
	for _, a := range d.Attendance {
		records[a.Owner] = a
	}
	list := make([]ledger.Attendee, 0, len(e.Voters))
	for _, v := range e.Voters {
		a := ledger.Attendee{Account: v.Owner.Account, Name: v.Owner.DisplayName(), Votes: v.Shares[e.GeneralKey]}
		if rec, ok := records[v.Owner.Account]; ok {
			a.Presence = Presences[rec.Status]
			a.Proxy = ledger.Proxy{Holder: rec.ProxyOwner, HolderName: rec.ProxyName, Rank: rec.ProxyRank, Tie: ledger.ProxyTieRule[rec.ProxyTie]}
			a.Form = rec.FormReceived
			if a.Presence == ledger.Represented && a.Proxy.Holder != "" {
				if _, ok := e.Voter(a.Proxy.Holder); !ok {
					// The mandataire sold his lots since: he is no owner of
					// the day; he holds the proxy as anybody would.
					a.Proxy.HolderName, a.Proxy.Holder = a.Proxy.Holder, ""
				}
			}
		}
		list = append(list, a)
	}
	return ledger.CheckAttendance(d.Assembly.Day, list)
}

// question is what the rules need of a resolution: its majority and, for
// a special key, each owner's shares of it (loi 1965 art. 24 II).
func question(e Electorate, res ledger.Resolution) ledger.Question {
	q := ledger.Question{Number: strconv.Itoa(res.Number), Title: res.Title, Majority: Majorities[res.Article], Amended: res.Amended}
	if key := e.KeyOf(res); key != e.GeneralKey {
		q.Shares = map[string]decimal.Decimal{}
		for _, v := range e.Voters {
			q.Shares[v.Owner.Account] = v.Shares[key]
		}
	}
	return q
}

// votesOn is a member's votes on the question's key (before reduction).
func votesOn(q ledger.Question, m ledger.Member) decimal.Decimal {
	if q.Shares == nil {
		return m.Votes
	}
	return q.Shares[m.Account]
}

// missing lists the voters of the key present or represented without a
// choice in round (postal voters answer on their form: no answer is a vote
// against, loi 1965 art. 17-1 A).
func missing(roll ledger.Roll, q ledger.Question, choices ledger.Choices) []ledger.Member {
	var out []ledger.Member
	for _, m := range roll.Members {
		if m.Defaulting() || !votesOn(q, m).IsPositive() || m.Counted == ledger.Postal {
			continue
		}
		if c, ok := choices[m.Account]; !ok || c == ledger.NoChoice {
			out = append(out, m)
		}
	}
	return out
}

func countResolution(roll ledger.Roll, e Electorate, res ledger.Resolution, rounds [2]ledger.Choices) (ResolutionCount, error) {
	rc := ResolutionCount{Resolution: res, Question: question(e, res), Round1: rounds[0], Round2: rounds[1]}
	first := rounds[0]
	if first == nil {
		first = ledger.Choices{}
	}
	// Votes of members no longer taking part (a proxy refused since, a
	// form found late) or without shares on the key any more are the
	// rules' business: they refuse them; here they are left out so that
	// the count goes on (the roll names the défaillants and why).
	clean := ledger.Choices{}
	for acc, c := range first {
		if m, ok := member(roll, acc); ok && !m.Defaulting() && votesOn(rc.Question, m).IsPositive() {
			clean[acc] = c
		}
	}
	if rc.Missing = missing(roll, rc.Question, clean); len(rc.Missing) > 0 {
		rc.MissingRound = 1
		return rc, nil
	}
	result, err := roll.Count(rc.Question, clean, nil)
	if err != nil {
		return rc, err
	}
	rc.Result, rc.Complete = result, true
	if result.SecondDue == 0 || rounds[1] == nil {
		return rc, nil
	}
	second := ledger.Choices{}
	for acc, c := range rounds[1] {
		if m, ok := member(roll, acc); ok && !m.Defaulting() && m.Counted != ledger.Postal && votesOn(rc.Question, m).IsPositive() {
			second[acc] = c
		}
	}
	if miss := missing(roll, rc.Question, second); len(miss) > 0 {
		rc.Missing, rc.MissingRound = miss, 2
		return rc, nil
	}
	full, err := roll.Count(rc.Question, clean, second)
	if err != nil {
		return rc, err
	}
	rc.Result = full
	return rc, nil
}

func member(roll ledger.Roll, account string) (ledger.Member, bool) {
	for _, m := range roll.Members {
		if m.Account == account {
			return m, true
		}
	}
	return ledger.Member{}, false
}

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
