package ledger_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// votes reads "1+ 5- 8=" as 450001 pour, 450005 contre, 450008 abstention.
func votes(s string) ledger.Choices {
	out := ledger.Choices{}
	for _, f := range strings.Fields(s) {
		n, _ := strconv.Atoi(f[:len(f)-1])
		out[acc(n)] = map[byte]ledger.Choice{'+': ledger.For, '-': ledger.Against, '=': ledger.Abstain}[f[len(f)-1]]
	}
	return out
}

type tally struct {
	owners int
	votes  string
}

type want struct {
	forT, against, abstain, defaulting tally
	total                              string
	required                           string
	adopted                            bool
	second                             ledger.Majority
	opposed, abstaining, defaulters    string // accounts, roll order
}

func checkResult(t *testing.T, name string, r ledger.Result, w want) {
	t.Helper()
	for _, c := range []struct {
		what string
		got  ledger.Tally
		want tally
	}{{"pour", r.For, w.forT}, {"contre", r.Against, w.against}, {"abstention", r.Abstain, w.abstain}, {"défaillants", r.Defaulting, w.defaulting}} {
		wv := c.want.votes
		if wv == "" {
			wv = "0"
		}
		if c.got.Owners != c.want.owners || !c.got.Votes.Equal(dec(wv)) {
			t.Errorf("%s, round %d, %s: %d owners, %s votes; want %d, %s", name, r.Round, c.what, c.got.Owners, c.got.Votes, c.want.owners, wv)
		}
	}
	total := w.total
	if total == "" {
		total = "1000"
	}
	if !r.Total.Equal(dec(total)) {
		t.Errorf("%s: total %s, want %s", name, r.Total, total)
	}
	if w.required != "" && !r.Required.Equal(dec(w.required)) {
		t.Errorf("%s: required %s, want %s", name, r.Required, w.required)
	}
	if r.Adopted != w.adopted || r.SecondDue != w.second {
		t.Errorf("%s, round %d: adopted %v, second vote %v; want %v, %v", name, r.Round, r.Adopted, r.SecondDue, w.adopted, w.second)
	}
	list := func(l []ledger.OwnerVotes) string {
		var s []string
		for _, o := range l {
			s = append(s, o.Account)
		}
		return strings.Join(s, " ")
	}
	if w.opposed != "" || w.abstaining != "" || w.defaulters != "" {
		if g := list(r.Opposed); g != w.opposed {
			t.Errorf("%s: opposed %q, want %q", name, g, w.opposed)
		}
		if g := list(r.Abstaining); g != w.abstaining {
			t.Errorf("%s: abstaining %q, want %q", name, g, w.abstaining)
		}
		if g := list(r.Defaulters); g != w.defaulters {
			t.Errorf("%s: défaillants %q, want %q", name, g, w.defaulters)
		}
	}
}

// The ten owners (see tenOwners): present 450001 (50), 450005 (100),
// 450010 (120); represented 450006 (110), 450007 (120), 450008 (130);
// postal 450003 (90); défaillants 450002 (80), 450004 (100, late form),
// 450009 (100, fourth proxy) = 280 votes, 3 owners, in every count below.
func TestMajoritiesTenOwners(t *testing.T) {
	def := tally{3, "280"}
	defList := "450002 450004 450009"
	cases := []struct {
		name     string
		res      ledger.Question
		r1, r2   string
		first    want
		second   *want
		noRound2 bool
	}{
		{name: "art. 24 adopted", res: ledger.Question{Majority: ledger.Art24}, r1: "1+ 5+ 10- 6+ 7- 8= 3+",
			// pour 50 + 100 + 110 + 90 = 350; contre 120 + 120 = 240;
			// abstention 130. Expressed 590, more than 295 needed;
			// 350 + 240 + 130 + 280 = 1 000.
			first: want{forT: tally{4, "350"}, against: tally{2, "240"}, abstain: tally{1, "130"}, defaulting: def, required: "295", adopted: true,
				opposed: "450007 450010", abstaining: "450008", defaulters: defList}},
		{name: "art. 24 abstentions not expressed", res: ledger.Question{Majority: ledger.Art24}, r1: "1+ 8+ 6- 5- 10= 7= 3+",
			// pour 50 + 130 + 90 = 270; contre 110 + 100 = 210; abstention
			// 120 + 120 = 240, more than contre but not expressed:
			// expressed 480, half 240, 270 > 240.
			first: want{forT: tally{3, "270"}, against: tally{2, "210"}, abstain: tally{2, "240"}, defaulting: def, required: "240", adopted: true}},
		{name: "art. 24 tie rejected", res: ledger.Question{Majority: ledger.Art24}, r1: "5+ 7+ 8- 3- 1= 10= 6=",
			// pour 100 + 120 = 220; contre 130 + 90 = 220: a tie is no
			// majority. Abstention 50 + 120 + 110 = 280.
			first: want{forT: tally{2, "220"}, against: tally{2, "220"}, abstain: tally{3, "280"}, defaulting: def, required: "220", adopted: false}},
		{name: "postal abstention counts against", res: ledger.Question{Majority: ledger.Art24}, r1: "1+ 5+ 10- 6+ 7- 8= 3=",
			// Loi art. 17-1 A: the form's abstention is a vote against.
			// pour 50 + 100 + 110 = 260; contre 120 + 120 + 90 = 330;
			// abstention 130; expressed 590, half 295: rejected.
			first: want{forT: tally{3, "260"}, against: tally{3, "330"}, abstain: tally{1, "130"}, defaulting: def, required: "295", adopted: false,
				opposed: "450003 450007 450010", abstaining: "450008", defaulters: defList}},
		{name: "art. 25 adopted", res: ledger.Question{Majority: ledger.Art25}, r1: "1+ 5+ 10+ 6+ 7+ 8+ 3-",
			// pour 50 + 100 + 120 + 110 + 120 + 130 = 630 > 500.
			first: want{forT: tally{6, "630"}, against: tally{1, "90"}, defaulting: def, required: "500", adopted: true,
				opposed: "450003", defaulters: defList}},
		{name: "art. 25-1 second vote", res: ledger.Question{Majority: ledger.Art25}, r1: "5+ 6+ 8+ 1- 10- 7-", r2: "1+ 5+ 6+ 8+ 10= 7-",
			// Round 1: pour 100 + 110 + 130 = 340 ≤ 500, but 340 × 3 =
			// 1 020 ≥ 1 000 (a third): second vote at art. 24. The postal
			// form left it blank: a vote against (loi art. 17-1 A), so
			// contre 50 + 120 + 120 + 90 = 380.
			first: want{forT: tally{3, "340"}, against: tally{4, "380"}, defaulting: def, required: "500", second: ledger.Art24},
			// Round 2: pour 340 + 50 = 390; contre 120 + 90 (the form,
			// carried) = 210; abstention 120; expressed 600, half 300.
			second: &want{forT: tally{4, "390"}, against: tally{2, "210"}, abstain: tally{1, "120"}, defaulting: def, required: "300", adopted: true,
				opposed: "450003 450007", abstaining: "450010", defaulters: defList}},
		{name: "art. 25-1 due, not voted yet", res: ledger.Question{Majority: ledger.Art25}, r1: "5+ 6+ 8+ 1- 10- 7-", noRound2: true,
			first: want{forT: tally{3, "340"}, against: tally{4, "380"}, defaulting: def, second: ledger.Art24}},
		{name: "art. 25 under a third", res: ledger.Question{Majority: ledger.Art25}, r1: "5+ 6+ 1- 7- 8- 10- 3-",
			// pour 100 + 110 = 210; 210 × 3 = 630 < 1 000: no second vote.
			// contre 50 + 120 + 130 + 120 + 90 = 510.
			first: want{forT: tally{2, "210"}, against: tally{5, "510"}, defaulting: def, adopted: false}},
		{name: "art. 25 exactly a third", res: ledger.Question{Majority: ledger.Art25,
			Shares: map[string]decimal.Decimal{"450001": dec("100"), "450005": dec("100"), "450010": dec("100")}}, r1: "1+ 5- 10=",
			// A key of three owners of 100: pour 100, 100 × 3 = 300 ≥ 300.
			first: want{forT: tally{1, "100"}, against: tally{1, "100"}, abstain: tally{1, "100"}, total: "300", required: "150", second: ledger.Art24}},
		{name: "art. 26 adopted", res: ledger.Question{Majority: ledger.Art26}, r1: "1+ 5+ 10+ 6+ 7+ 8+ 3+",
			// 7 owners of 10 (> 5), 720 votes: 720 × 3 = 2 160 ≥ 2 000.
			first: want{forT: tally{7, "720"}, defaulting: def, required: "666.67", adopted: true}},
		{name: "art. 26 votes short, second vote", res: ledger.Question{Majority: ledger.Art26}, r1: "1+ 5+ 10+ 6+ 7+ 8+ 3-", r2: "1+ 5+ 10+ 6+ 7+ 8+",
			// 6 owners > 5 but 630 × 3 = 1 890 < 2 000: fails. 6 of the 7
			// taking part (6 × 2 ≥ 7) and 1 890 ≥ 1 000: second vote at
			// art. 25, 630 > 500.
			first:  want{forT: tally{6, "630"}, against: tally{1, "90"}, defaulting: def, second: ledger.Art25},
			second: &want{forT: tally{6, "630"}, against: tally{1, "90"}, defaulting: def, required: "500", adopted: true}},
		{name: "art. 26 members short, second vote", res: ledger.Question{Majority: ledger.Art26}, r1: "5+ 6+ 7+ 8+ 1- 10- 3-", r2: "1+ 5+ 6+ 7+ 8+ 10-",
			// pour 100 + 110 + 120 + 130 = 460, 4 owners: 4 × 2 = 8 ≤ 10.
			// 4 of 7 taking part (8 ≥ 7), 460 × 3 = 1 380 ≥ 1 000: second
			// vote at art. 25: 460 + 50 = 510 > 500; contre 120 + 90 = 210.
			first:  want{forT: tally{4, "460"}, against: tally{3, "260"}, defaulting: def, second: ledger.Art25},
			second: &want{forT: tally{5, "510"}, against: tally{2, "210"}, defaulting: def, required: "500", adopted: true}},
		{name: "art. 26 second vote fails, no third", res: ledger.Question{Majority: ledger.Art26}, r1: "5+ 6+ 7+ 8+ 1- 10- 3-", r2: "5+ 6+ 7+ 8+ 1- 10-",
			// Round 2 at art. 25: 460 ≤ 500; its third (1 380 ≥ 1 000)
			// opens no art. 25-1 vote after an art. 26 second vote.
			first:  want{forT: tally{4, "460"}, against: tally{3, "260"}, defaulting: def, second: ledger.Art25},
			second: &want{forT: tally{4, "460"}, against: tally{3, "260"}, defaulting: def, adopted: false}},
		{name: "art. 26 exactly half the members taking part", res: ledger.Question{Majority: ledger.Art26, Amended: true}, r1: "6+ 7+ 8+ 1- 5- 10- 3+",
			// Amended: the postal voter, who voted for, is défaillant
			// (loi art. 17-1 A); 6 owners take part.
			// pour 110 + 120 + 130 = 360, 3 owners: half of 6, and 360 × 3
			// = 1 080 ≥ 1 000: second vote at art. 25. contre 50 + 100 +
			// 120 = 270; défaillants 280 + 90 = 370.
			first: want{forT: tally{3, "360"}, against: tally{3, "270"}, defaulting: tally{4, "370"}, second: ledger.Art25}},
		{name: "art. 26 no second vote", res: ledger.Question{Majority: ledger.Art26}, r1: "1+ 5+ 10+ 6- 7- 8- 3-",
			// 3 owners: 3 × 2 = 6 < 7 taking part.
			first: want{forT: tally{3, "270"}, against: tally{4, "450"}, defaulting: def}},
		{name: "unanimity short of the défaillants", res: ledger.Question{Majority: ledger.Unanimity}, r1: "1+ 5+ 10+ 6+ 7+ 8+ 3+",
			first: want{forT: tally{7, "720"}, defaulting: def, required: "1000"}},
		{name: "unanimity on a key", res: ledger.Question{Majority: ledger.Unanimity,
			Shares: map[string]decimal.Decimal{"450001": dec("100"), "450005": dec("100"), "450010": dec("100")}}, r1: "1+ 5+ 10+",
			first: want{forT: tally{3, "300"}, total: "300", required: "300", adopted: true}},
		{name: "amended in session", res: ledger.Question{Majority: ledger.Art24, Amended: true}, r1: "1+ 5+ 10- 6+ 7- 8= 3+",
			// The postal voter voted for: défaillant, 280 + 90 = 370, 4 owners.
			// pour 50 + 100 + 110 = 260 > contre 240.
			first: want{forT: tally{3, "260"}, against: tally{2, "240"}, abstain: tally{1, "130"}, defaulting: tally{4, "370"}, required: "250", adopted: true,
				opposed: "450007 450010", abstaining: "450008", defaulters: "450002 450003 450004 450009"}},
		{name: "amended in session, a postal vote against stays", res: ledger.Question{Majority: ledger.Art24, Amended: true}, r1: "1+ 5+ 10- 6+ 7- 8= 3-",
			// Only a vote for becomes défaillant: contre 120 + 120 + 90 =
			// 330 against pour 260; expressed 590, half 295: rejected.
			first: want{forT: tally{3, "260"}, against: tally{3, "330"}, abstain: tally{1, "130"}, defaulting: def, required: "295", adopted: false,
				opposed: "450003 450007 450010", abstaining: "450008", defaulters: defList}},
	}
	roll := tenRoll(t)
	for _, c := range cases {
		c.res.Number, c.res.Title = "1", c.name
		var r2 ledger.Choices
		if c.r2 != "" {
			r2 = votes(c.r2)
		}
		r, err := roll.Count(c.res, votes(c.r1), r2)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		checkResult(t, c.name, r, c.first)
		switch {
		case c.second == nil && r.Second != nil:
			t.Errorf("%s: unexpected second vote", c.name)
		case c.second != nil && r.Second == nil:
			t.Errorf("%s: no second vote", c.name)
		case c.second != nil:
			checkResult(t, c.name, *r.Second, *c.second)
			if r.Second.Majority != r.SecondDue || r.Second.Round != 2 || r.Final().Adopted != c.second.adopted {
				t.Errorf("%s: second vote under %v, round %d", c.name, r.Second.Majority, r.Second.Round)
			}
		}
	}
}

// Loi art. 22 I al. 2: an owner of more than half of the votes is reduced
// to the others' sum, on each resolution's key.
func TestMajorityReduction(t *testing.T) {
	roll, err := ledger.CheckAttendance(agDay, []ledger.Attendee{
		{Account: "450001", Name: "SCI Majoritaire", Votes: dec("600"), Presence: ledger.Present},
		{Account: "450002", Name: "M. Petit", Votes: dec("250"), Presence: ledger.Present},
		{Account: "450003", Name: "Mme Absente", Votes: dec("150")},
	})
	if err != nil {
		t.Fatal(err)
	}
	// General key: 600 > 250 + 150 → 400; total 400 + 250 + 150 = 800.
	if !roll.Members[0].Reduced.Equal(dec("400")) || !roll.Members[1].Reduced.Equal(dec("250")) {
		t.Errorf("reduced votes on the roll: %s, %s", roll.Members[0].Reduced, roll.Members[1].Reduced)
	}
	if tot := roll.Totals(); !tot[ledger.Present].Votes.Equal(dec("650")) {
		t.Errorf("present %s, want 400 + 250 = 650", tot[ledger.Present].Votes)
	}
	r, err := roll.Count(ledger.Question{Number: "3", Majority: ledger.Art25}, votes("1+ 2-"), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Art. 25: pour 400, not more than half of 800; 400 × 3 = 1 200 ≥
	// 800: art. 25-1 second vote. 400 + 250 + 150 = 800.
	checkResult(t, "reduced art. 25", r, want{forT: tally{1, "400"}, against: tally{1, "250"}, defaulting: tally{1, "150"}, total: "800", required: "400", second: ledger.Art24})
	if r.Reduced == nil || r.Reduced.Account != "450001" || !r.Reduced.Votes.Equal(dec("400")) || !r.ReducedFrom.Equal(dec("600")) {
		t.Errorf("reduction %+v from %s", r.Reduced, r.ReducedFrom)
	}
	// A staircase key where M. Petit holds 300 of 450: 300 > 150 → 150,
	// total 300; the SCI (100) is not reduced there. Art. 24: 150 > 100.
	r, err = roll.Count(ledger.Question{Number: "4", Majority: ledger.Art24,
		Shares: map[string]decimal.Decimal{"450001": dec("100"), "450002": dec("300"), "450003": dec("50")}}, votes("2+ 1-"), nil)
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, "reduced on a key", r, want{forT: tally{1, "150"}, against: tally{1, "100"}, defaulting: tally{1, "50"}, total: "300", required: "125", adopted: true})
	if r.Reduced == nil || r.Reduced.Account != "450002" {
		t.Errorf("reduction on the key: %+v", r.Reduced)
	}
}

func TestCountRefusesBadInput(t *testing.T) {
	roll := tenRoll(t)
	all := "1+ 5+ 10+ 6+ 7+ 8+ 3+"
	for _, c := range []struct {
		name   string
		res    ledger.Question
		r1, r2 string
		want   string
	}{
		{"present without vote", ledger.Question{Majority: ledger.Art24}, "1+ 5+ 6+ 7+ 8+", "", "450010 sur la résolution 7 n'est pas indiqué"},
		{"défaillant voting", ledger.Question{Majority: ledger.Art24}, all + " 9+", "", "défaillant"},
		{"unknown voter", ledger.Question{Majority: ledger.Art24}, all + " 42+", "", "450042"},
		{"second vote not due", ledger.Question{Majority: ledger.Art24}, all, all, "pas de second vote"},
		{"postal in round 2", ledger.Question{Majority: ledger.Art25}, "5+ 6+ 8+ 1- 10- 7-", "5+ 6+ 8+ 1- 10- 7- 3+", "formulaire répond au second vote"},
		{"no shares on the key", ledger.Question{Majority: ledger.Art24, Shares: map[string]decimal.Decimal{"450001": dec("10")}}, "1+ 5+", "", "pas de tantièmes"},
		{"shares of a stranger", ledger.Question{Majority: ledger.Art24, Shares: map[string]decimal.Decimal{"459999": dec("10")}}, "", "", "459999"},
		{"empty key", ledger.Question{Majority: ledger.Art24, Shares: map[string]decimal.Decimal{}}, "", "", "Aucun copropriétaire"},
		{"bad majority", ledger.Question{Majority: 9}, all, "", "Majorité"},
		{"bad choice", ledger.Question{Majority: ledger.Art24}, all, "", ""},
	} {
		c.res.Number = "7"
		r1 := votes(c.r1)
		if c.name == "bad choice" {
			r1["450001"] = 7
			c.want = "inconnu"
		}
		var r2 ledger.Choices
		if c.r2 != "" {
			r2 = votes(c.r2)
		}
		_, err := roll.Count(c.res, r1, r2)
		if ledger.KindOf(err) != ledger.Invalid || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want Invalid with %q", c.name, err, c.want)
		}
	}
}

// Whatever the roll and the answers, pour + contre + abstention +
// défaillants make the key's total (after reduction), and so do their
// owner counts the key's members.
func TestCountAddsUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 1965))
	for n := 0; n < 500; n++ {
		owners := 2 + rng.IntN(14)
		var list []ledger.Attendee
		for i := 1; i <= owners; i++ {
			a := ledger.Attendee{Account: acc(i), Votes: decimal.New(int64(1+rng.IntN(600)), -int32(rng.IntN(2)))}
			switch rng.IntN(4) {
			case 1:
				a.Presence = ledger.Present
			case 2:
				a.Presence, a.Form = ledger.Postal, agDay.AddDate(0, 0, -rng.IntN(8))
			case 3:
				a.Presence, a.Proxy = ledger.Represented, ledger.Proxy{Holder: acc(1 + rng.IntN(owners)), Rank: rng.IntN(5)}
				if a.Proxy.Holder == a.Account {
					a.Presence = ledger.Present
				}
			}
			list = append(list, a)
		}
		roll, err := ledger.CheckAttendance(agDay, list)
		if err != nil {
			t.Fatal(err)
		}
		choices := func() ledger.Choices {
			c := ledger.Choices{}
			for _, m := range roll.Members {
				switch m.Counted {
				case ledger.Present, ledger.Represented:
					c[m.Account] = ledger.Choice(1 + rng.IntN(3))
				case ledger.Postal:
					c[m.Account] = ledger.Choice(rng.IntN(4))
				}
			}
			return c
		}
		res := ledger.Question{Number: fmt.Sprint(n), Majority: ledger.Majority(1 + rng.IntN(4))}
		r1 := choices()
		first, err := roll.Count(res, r1, nil)
		if err != nil {
			t.Fatal(err)
		}
		results := []ledger.Result{first}
		if first.SecondDue != 0 {
			r2 := choices()
			for _, m := range roll.Members {
				if m.Counted == ledger.Postal {
					delete(r2, m.Account)
				}
			}
			both, err := roll.Count(res, r1, r2)
			if err != nil {
				t.Fatal(err)
			}
			results = append(results, *both.Second)
		}
		sum := decimal.Zero
		for _, m := range roll.Members {
			sum = sum.Add(m.Votes)
		}
		if i, reduced := ledger.Reduction(func() []decimal.Decimal {
			var v []decimal.Decimal
			for _, m := range roll.Members {
				v = append(v, m.Votes)
			}
			return v
		}()); i >= 0 {
			sum = sum.Sub(roll.Members[i].Votes).Add(reduced)
		}
		for _, r := range results {
			got := r.For.Votes.Add(r.Against.Votes).Add(r.Abstain.Votes).Add(r.Defaulting.Votes)
			if !got.Equal(r.Total) || !r.Total.Equal(sum) {
				t.Fatalf("case %d round %d: %s + %s + %s + %s = %s, total %s, key %s", n, r.Round, r.For.Votes, r.Against.Votes, r.Abstain.Votes, r.Defaulting.Votes, got, r.Total, sum)
			}
			if c := r.For.Owners + r.Against.Owners + r.Abstain.Owners + r.Defaulting.Owners; c != r.Members || r.Members != owners {
				t.Fatalf("case %d: %d owners counted of %d (%d)", n, c, r.Members, owners)
			}
			if len(r.Opposed) != r.Against.Owners || len(r.Abstaining) != r.Abstain.Owners || len(r.Defaulters) != r.Defaulting.Owners {
				t.Fatalf("case %d: lists do not match the tallies", n)
			}
		}
	}
}
