package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/app/assembly"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// The votes of the assembly: `ag FILE vote|results|hold|minutes|sheet|amend`.

// agResultsJSON is `ag FILE results --ag ID --json`. Tantièmes are strings
// ("470", "666.67").
type agResultsJSON struct {
	Assembly    int64                 `json:"assembly"`
	Date        string                `json:"date"`
	Status      string                `json:"status"`
	Total       string                `json:"total"` // the syndicat's votes
	Refused     []agRefusedJSON       `json:"refused"`
	Resolutions []agResolutionCountJS `json:"resolutions"`
}

// agRefusedJSON is a proxy or a postal form refused, with the reason.
type agRefusedJSON struct {
	Owner  string `json:"owner"`
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

type agResolutionCountJS struct {
	Number  int    `json:"number"`
	Title   string `json:"title"`
	Article string `json:"article"`
	Key     string `json:"key"` // "" for the general key
	Amended bool   `json:"amended"`
	// Complete is false while votes are missing: Missing names them
	// and MissingRound says in which round.
	Complete     bool      `json:"complete"`
	Missing      []string  `json:"missing"`
	MissingRound int       `json:"missing_round,omitempty"`
	Vote         *agVoteJS `json:"vote"`             // round 1 (null while incomplete)
	Second       *agVoteJS `json:"second,omitempty"` // the second vote when recorded
	SecondDue    string    `json:"second_due"`       // "article 24" / "article 25" when the law calls for one, else ""
	Adopted      bool      `json:"adopted"`          // the final result
	Outcome      string    `json:"outcome"`          // stored when held: adoptee, rejetee, ""
	Fingerprint  string    `json:"fingerprint,omitempty"`
}

type agTallyJS struct {
	Owners int    `json:"owners"`
	Votes  string `json:"votes"`
}

type agOwnerJS struct {
	Owner  string `json:"owner"`
	Name   string `json:"name"`
	Votes  string `json:"votes"`
	Reason string `json:"reason,omitempty"`
}

type agVoteJS struct {
	Round      int         `json:"round"`
	Majority   string      `json:"majority"`
	Total      string      `json:"total"`
	Members    int         `json:"members"`
	For        agTallyJS   `json:"for"`
	Against    agTallyJS   `json:"against"`
	Abstain    agTallyJS   `json:"abstain"`
	Defaulting agTallyJS   `json:"defaulting"`
	Required   string      `json:"required"`
	Strict     bool        `json:"strict"` // pour must exceed required (else reach it)
	Owners     int         `json:"required_owners,omitempty"`
	Adopted    bool        `json:"adopted"`
	Opposed    []agOwnerJS `json:"opposed"`
	Abstaining []agOwnerJS `json:"abstaining"`
	Defaulters []agOwnerJS `json:"defaulters"`
}

func sharesJSON(d decimal.Decimal) string { return d.String() }

func ownersJS(list []ledger.OwnerVotes) []agOwnerJS {
	out := []agOwnerJS{}
	for _, o := range list {
		out = append(out, agOwnerJS{Owner: o.Account, Name: o.Name, Votes: sharesJSON(o.Votes), Reason: o.Reason})
	}
	return out
}

func voteJS(r ledger.Result) *agVoteJS {
	t := func(x ledger.Tally) agTallyJS { return agTallyJS{Owners: x.Owners, Votes: sharesJSON(x.Votes)} }
	return &agVoteJS{Round: r.Round, Majority: r.Majority.String(), Total: sharesJSON(r.Total), Members: r.Members, For: t(r.For),
		Against: t(r.Against), Abstain: t(r.Abstain), Defaulting: t(r.Defaulting), Required: sharesJSON(r.Required), Strict: r.Strict,
		Owners: r.RequiredMembers, Adopted: r.Adopted, Opposed: ownersJS(r.Opposed), Abstaining: ownersJS(r.Abstaining), Defaulters: ownersJS(r.Defaulters)}
}

func agResultsOf(c assembly.Count) agResultsJSON {
	a := c.Detail.Assembly
	j := agResultsJSON{Assembly: a.ID, Date: ledger.ISO(a.Day), Status: a.Status, Total: sharesJSON(c.Roll.Total), Refused: []agRefusedJSON{},
		Resolutions: []agResolutionCountJS{}}
	for _, m := range c.Roll.Members {
		if m.Refusal != "" {
			j.Refused = append(j.Refused, agRefusedJSON{Owner: m.Account, Name: m.Name, Reason: m.Refusal})
		}
	}
	for _, rc := range c.Results {
		res := rc.Resolution
		x := agResolutionCountJS{Number: res.Number, Title: res.Title, Article: res.Article, Key: res.Key, Amended: res.Amended,
			Complete: rc.Complete, Missing: []string{}, MissingRound: rc.MissingRound, Outcome: res.Outcome, Fingerprint: res.Fingerprint}
		for _, m := range rc.Missing {
			x.Missing = append(x.Missing, m.Account)
		}
		if rc.Complete {
			x.Vote = voteJS(rc.Result)
			if rc.Result.SecondDue != 0 {
				x.SecondDue = rc.Result.SecondDue.String()
			}
			if rc.Result.Second != nil {
				x.Second = voteJS(*rc.Result.Second)
			}
			x.Adopted = rc.Decided() && rc.Final().Adopted
		}
		j.Resolutions = append(j.Resolutions, x)
	}
	return j
}

// parseExcept reads « 450001=contre,450002=abstention ».
func parseExcept(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		acc, choice, ok := strings.Cut(part, "=")
		if !ok {
			return nil, usagef("--except : « %s » : attendu 450xxx=contre (ou pour, abstention)", part)
		}
		c, err := assembly.ParseChoice(choice)
		if err != nil {
			return nil, usagef("--except : %s", ledger.Message(err))
		}
		acc = strings.TrimSpace(acc)
		if _, dup := out[acc]; dup {
			return nil, usagef("--except : le compte %s est nommé deux fois", acc)
		}
		out[acc] = c
	}
	return out, nil
}

// agVoteArgs are the flags of `ag FILE vote`.
type agVoteArgs struct {
	id                 int64
	resolution, round  int
	owner, choice, all string
	except             string
}

func agVote(r *app.Residence, v agVoteArgs, out io.Writer) error {
	if v.all != "" {
		except, err := parseExcept(v.except)
		if err != nil {
			return err
		}
		choice, err := assembly.ParseChoice(v.all)
		if err != nil {
			return usagef("--all : %s", ledger.Message(err))
		}
		n, err := assembly.VoteAll(r, v.id, v.resolution, v.round, choice, except)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "Résolution %d%s : %s enregistré%s (%s sauf %s).\n", v.resolution, roundText(v.round), fr.Count(n, "vote", "votes"), fr.S(n),
			choice, exceptText(except))
	} else {
		choice, err := assembly.ParseChoice(v.choice)
		if err != nil {
			return usagef("--choice : %s", ledger.Message(err))
		}
		if err := assembly.Vote(r, v.id, v.resolution, v.round, []assembly.Ballot{{Owner: v.owner, Choice: choice}}); err != nil {
			return err
		}
		fmt.Fprintf(out, "Résolution %d%s : %s vote %s.\n", v.resolution, roundText(v.round), v.owner, choice)
	}
	c, err := assembly.Counted(r, v.id)
	if err != nil {
		return err
	}
	for _, rc := range c.Results {
		if rc.Resolution.Number == v.resolution {
			fmt.Fprintln(out, resultLine(rc))
		}
	}
	return nil
}

func roundText(round int) string {
	if round == 2 {
		return " (second vote)"
	}
	return ""
}

func exceptText(except map[string]string) string {
	if len(except) == 0 {
		return "personne"
	}
	var parts []string
	for acc, c := range except {
		parts = append(parts, acc+" "+c)
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// resultLine says where a resolution stands in one line.
func resultLine(rc assembly.ResolutionCount) string {
	head := fmt.Sprintf("  %d. %s", rc.Resolution.Number, ledger.SafeText(rc.Resolution.Title, false))
	if !rc.Complete {
		return head + " – vote incomplet : " + strconv.Itoa(len(rc.Missing)) + " à saisir (" + missingText(rc.Missing) + ")"
	}
	r := rc.Result
	s := head + " – " + r.Majority.String() + " : pour " + fr.Shares(r.For.Votes) + ", contre " + fr.Shares(r.Against.Votes) +
		", abstention " + fr.Shares(r.Abstain.Votes) + ", défaillants " + fr.Shares(r.Defaulting.Votes) + " sur " + fr.Shares(r.Total)
	switch {
	case r.Second != nil:
		f := *r.Second
		s += " ; second vote (" + f.Majority.String() + ") : pour " + fr.Shares(f.For.Votes) + ", contre " + fr.Shares(f.Against.Votes) +
			", abstention " + fr.Shares(f.Abstain.Votes) + " – " + adoptedWord(f.Adopted)
	case rc.MissingRound == 2:
		s += " – second vote (" + r.SecondDue.String() + ") incomplet : " + missingText(rc.Missing)
	case r.SecondDue != 0:
		s += " – second vote (" + r.SecondDue.String() + ") à faire"
	default:
		s += " – " + adoptedWord(r.Adopted)
	}
	return s
}

func adoptedWord(ok bool) string {
	if ok {
		return "adoptée"
	}
	return "rejetée"
}

func missingText(list []ledger.Member) string {
	var s []string
	for _, m := range list {
		s = append(s, m.Account)
	}
	return strings.Join(s, ", ")
}

func agResults(r *app.Residence, id int64, asJSON bool, out io.Writer) error {
	c, err := assembly.Counted(r, id)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(out, agResultsOf(c))
	}
	a := c.Detail.Assembly
	fmt.Fprintf(out, "%s (%s) – %s voix\n", a.Title(), ledger.AssemblyStatusWords[a.Status], fr.Shares(c.Roll.Total))
	tot := c.Roll.Totals()
	fmt.Fprintf(out, "Présents %d (%s), représentés %d (%s), par correspondance %d (%s), absents et défaillants %d (%s)\n",
		tot[ledger.Present].Owners, fr.Shares(tot[ledger.Present].Votes), tot[ledger.Represented].Owners, fr.Shares(tot[ledger.Represented].Votes),
		tot[ledger.Postal].Owners, fr.Shares(tot[ledger.Postal].Votes), tot[ledger.Absent].Owners, fr.Shares(tot[ledger.Absent].Votes))
	for _, m := range c.Roll.Members {
		if m.Refusal != "" {
			fmt.Fprintf(out, "Refusé : %s (%s) – %s\n", ledger.SafeText(m.Name, false), m.Account, m.Refusal)
		}
	}
	fmt.Fprintln(out)
	for _, rc := range c.Results {
		fmt.Fprintln(out, resultLine(rc))
		if !rc.Complete {
			continue
		}
		final := rc.Final()
		for _, l := range []struct {
			label string
			list  []ledger.OwnerVotes
		}{{"opposés", final.Opposed}, {"abstentions", final.Abstaining}, {"défaillants", final.Defaulters}} {
			if len(l.list) == 0 {
				continue
			}
			var names []string
			for _, o := range l.list {
				names = append(names, o.Account+" ("+fr.Shares(o.Votes)+")")
			}
			fmt.Fprintf(out, "     %s : %s\n", l.label, strings.Join(names, ", "))
		}
	}
	return nil
}

func agHold(r *app.Residence, id int64, day time.Time, out io.Writer) error {
	h, err := assembly.Hold(r, id, day)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s tenue : %s, %s.\n", h.Assembly.Title(), fr.Count(h.Adopted, "résolution adoptée", "résolutions adoptées"),
		fr.Count(h.Rejected, "rejetée", "rejetées"))
	years := make([]int, 0, len(h.Budgets))
	for y := range h.Budgets {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		fmt.Fprintf(out, "Exercice %d : %s.\n", y, h.Budgets[y].Text())
	}
	years = years[:0]
	for y := range h.Approved {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		fmt.Fprintf(out, "Comptes de l'exercice %d approuvés le %s (empreinte %s) : la clôture vérifiera que les écritures n'ont pas changé.\n",
			y, ledger.FrenchDate(day), h.Approved[y])
	}
	return nil
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "aucun"
	}
	return ledger.SafeText(s, false)
}
