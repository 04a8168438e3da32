package assembly

// The votes of the assembly: the storage (attendances, votes) mapped onto
// the pure rules of ledger (CheckAttendance, Roll.Count). Nothing of the
// rules is stored: the roll and the results are recomputed from the
// records each time they are shown; only the outcome of each resolution is
// kept when the assembly is held (hold.go).

import (
	"strconv"

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
