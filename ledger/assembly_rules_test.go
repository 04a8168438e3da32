package ledger_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// Décret art. 9 bis: three clear days between the form's receipt and the
// AG, neither day counted. AG on Friday 5 June 2026.
func TestFormInTime(t *testing.T) {
	ag := ledger.MustDate("2026-06-05")
	for _, c := range []struct {
		received string
		ok       bool
	}{
		{"2026-06-01", true},  // 2, 3, 4 June: three clear days
		{"2026-05-31", true},  // 1 → 4 June: four
		{"2026-05-02", true},  // a month before
		{"2026-06-02", false}, // 3, 4 June: two
		{"2026-06-04", false}, // none
		{"2026-06-05", false}, // the AG's day
		{"2026-06-06", false}, // after the AG
	} {
		if got := ledger.FormInTime(ledger.MustDate(c.received), ag); got != c.ok {
			t.Errorf("form received %s for an AG on 5 June: in time %v, want %v", c.received, got, c.ok)
		}
	}
	// Across a month's end: received 28 February 2026 (not a leap year),
	// AG on 4 March: 1, 2, 3 March are three clear days.
	if !ledger.FormInTime(ledger.MustDate("2026-02-28"), ledger.MustDate("2026-03-04")) {
		t.Error("28/02 → 04/03 is three clear days")
	}
	if ledger.FormInTime(ledger.MustDate("2026-02-28"), ledger.MustDate("2026-03-03")) {
		t.Error("28/02 → 03/03 is two clear days")
	}
}

// The 10-owner residence, 1 000 tantièmes on the general key:
//
//	450001  50 present                        450006 110 proxy to 450005, rank 1
//	450002  80 absent                         450007 120 proxy to 450005, rank 2
//	450003  90 postal, form 01/06 (in time)   450008 130 proxy to 450005, rank 3
//	450004 100 postal, form 02/06 (too late)  450009 100 proxy to 450005, rank 4
//	450005 100 present, mandataire            450010 120 present
//
// 450005 holds four delegations: 100 + 110 + 120 + 130 = 460 after three,
// + 100 = 560 > 10 % of 1 000 = 100, so the fourth (450009) is refused.
// Counted: present 50 + 100 + 120 = 270 (3); represented 110 + 120 + 130 =
// 360 (3); postal 90 (1); défaillants 80 + 100 + 100 = 280 (3);
// 270 + 360 + 90 + 280 = 1 000.
var agDay = ledger.MustDate("2026-06-05")

func tenOwners() []ledger.Attendee {
	votes := []int64{50, 80, 90, 100, 100, 110, 120, 130, 100, 120}
	out := make([]ledger.Attendee, len(votes))
	for i, v := range votes {
		out[i] = ledger.Attendee{Account: acc(i + 1), Name: "Copropriétaire " + acc(i+1), Votes: decimal.NewFromInt(v)}
	}
	out[0].Presence = ledger.Present
	out[2].Presence, out[2].Form = ledger.Postal, ledger.MustDate("2026-06-01")
	out[3].Presence, out[3].Form = ledger.Postal, ledger.MustDate("2026-06-02")
	out[4].Presence = ledger.Present
	for i, rank := range map[int]int{5: 1, 6: 2, 7: 3, 8: 4} {
		out[i].Presence, out[i].Proxy = ledger.Represented, ledger.Proxy{Holder: "450005", Rank: rank}
	}
	out[9].Presence = ledger.Present
	return out
}

func acc(n int) string { return "4500" + string(rune('0'+n/10)) + string(rune('0'+n%10)) }

func tenRoll(t *testing.T) ledger.Roll {
	t.Helper()
	roll, err := ledger.CheckAttendance(agDay, tenOwners())
	if err != nil {
		t.Fatal(err)
	}
	return roll
}

func TestCheckAttendanceTenOwners(t *testing.T) {
	roll := tenRoll(t)
	if !roll.Total.Equal(dec("1000")) {
		t.Fatalf("syndicat's votes %s, want 1000", roll.Total)
	}
	want := map[string]ledger.Presence{"450001": ledger.Present, "450002": ledger.Absent, "450003": ledger.Postal, "450004": ledger.Absent,
		"450005": ledger.Present, "450006": ledger.Represented, "450007": ledger.Represented, "450008": ledger.Represented,
		"450009": ledger.Absent, "450010": ledger.Present}
	for _, m := range roll.Members {
		if m.Counted != want[m.Account] {
			t.Errorf("%s counted %v, want %v (%s)", m.Account, m.Counted, want[m.Account], m.Refusal)
		}
	}
	if r := roll.Members[3].Refusal; !strings.Contains(r, "hors délai") || !strings.Contains(r, "02/06/2026") || !strings.Contains(r, "trois jours francs") {
		t.Errorf("late form's reason: %q", r)
	}
	// 100 + 110 + 120 + 130 + 100 = 560 > 100.
	if r := roll.Members[8].Refusal; !strings.Contains(r, "détient déjà 3 pouvoirs") || !strings.Contains(r, "(560)") || !strings.Contains(r, "(100)") {
		t.Errorf("fourth proxy's reason: %q", r)
	}
	if roll.Members[1].Refusal != "" {
		t.Errorf("an absent owner has no refusal: %q", roll.Members[1].Refusal)
	}
	tot := roll.Totals()
	for p, w := range map[ledger.Presence]ledger.Tally{
		ledger.Present: {Owners: 3, Votes: dec("270")}, ledger.Represented: {Owners: 3, Votes: dec("360")},
		ledger.Postal: {Owners: 1, Votes: dec("90")}, ledger.Absent: {Owners: 3, Votes: dec("280")},
	} {
		if g := tot[p]; g.Owners != w.Owners || !g.Votes.Equal(w.Votes) {
			t.Errorf("%v: %d owners, %s votes; want %d, %s", p, g.Owners, g.Votes, w.Owners, w.Votes)
		}
	}
	if got := roll.HolderLabel(roll.Members[5]); got != "Copropriétaire 450005" {
		t.Errorf("holder label %q", got)
	}
}

// Proxy limits (loi art. 22): the rank, not the order of the list, decides
// which delegation exceeds; more than three are kept within 10 %; the
// syndic and those close to him hold none; an absent holder carries none.
func TestProxyLimits(t *testing.T) {
	// 20 owners of 20 votes + one of 600 = 1 000; 10 % = 100.
	small := func(n int) []ledger.Attendee {
		var out []ledger.Attendee
		for i := 1; i <= n; i++ {
			out = append(out, ledger.Attendee{Account: acc(i), Name: "P" + acc(i), Votes: dec("20")})
		}
		return append(out, ledger.Attendee{Account: "450099", Name: "Bailleur", Votes: decimal.NewFromInt(1000 - 20*int64(n))})
	}
	cases := []struct {
		name    string
		edit    func(a []ledger.Attendee)
		refused map[string]string // account → part of the reason
	}{
		{"four within 10 %", func(a []ledger.Attendee) {
			// 450001 (20) holds four: 20 + 4×20 = 100 ≤ 100.
			a[0].Presence = ledger.Present
			for i := 1; i <= 4; i++ {
				a[i].Presence, a[i].Proxy = ledger.Represented, ledger.Proxy{Holder: "450001", Rank: i}
			}
		}, nil},
		{"fifth beyond 10 %", func(a []ledger.Attendee) {
			// 20 + 5×20 = 120 > 100: the fifth given (rank 5) is refused;
			// it is listed first, the ranks decide.
			a[0].Presence = ledger.Present
			for i := 1; i <= 5; i++ {
				a[i].Presence, a[i].Proxy = ledger.Represented, ledger.Proxy{Holder: "450001", Rank: 6 - i}
			}
		}, map[string]string{"450002": "(120)"}},
		{"three always, the big one first", func(a []ledger.Attendee) {
			// The landlord (600) gives his proxy first: three kept
			// (600 + 20 + 20 + 20 = 660 > 100), the fourth refused.
			a[0].Presence = ledger.Present
			a[20].Presence, a[20].Proxy = ledger.Represented, ledger.Proxy{Holder: "450001", Rank: 1}
			for i := 1; i <= 3; i++ {
				a[i].Presence, a[i].Proxy = ledger.Represented, ledger.Proxy{Holder: "450001", Rank: i + 1}
			}
		}, map[string]string{"450004": "(680)"}}, // 20 + 600 + 20 + 20 + 20
		{"outside holder counted by name", func(a []ledger.Attendee) {
			// Mme Roux is no owner: her own votes are 0; 4×20 = 80 ≤ 100
			// but a fifth makes 100, still ≤ 100, a sixth 120.
			for i := 0; i < 6; i++ {
				a[i].Presence, a[i].Proxy = ledger.Represented, ledger.Proxy{HolderName: "Mme  Roux", Rank: i + 1}
			}
			a[5].Proxy.HolderName = "mme roux" // the same person, typed differently
		}, map[string]string{"450006": "Mme Roux, détient déjà 5 pouvoirs"}},
		{"syndic and close ones", func(a []ledger.Attendee) {
			a[0].Presence, a[0].Proxy = ledger.Represented, ledger.Proxy{HolderName: "M. Syndic", Tie: ledger.TieSyndic}
			a[1].Presence, a[1].Proxy = ledger.Represented, ledger.Proxy{HolderName: "Mme Syndic", Tie: ledger.TieSpouse}
			a[2].Presence, a[2].Proxy = ledger.Represented, ledger.Proxy{HolderName: "Le gardien", Tie: ledger.TieEmployee}
			a[3].Presence, a[3].Proxy = ledger.Represented, ledger.Proxy{HolderName: "Fils Syndic", Tie: ledger.TieFamily}
		}, map[string]string{"450001": "le syndic ne peut", "450002": "PACS", "450003": "préposé", "450004": "descendant"}},
		{"holder absent", func(a []ledger.Attendee) {
			a[1].Presence, a[1].Proxy = ledger.Represented, ledger.Proxy{Holder: "450001"}
		}, map[string]string{"450002": "n'assiste pas"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			list := small(20)
			c.edit(list)
			roll, err := ledger.CheckAttendance(agDay, list)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range roll.Members {
				want, refused := c.refused[m.Account]
				switch {
				case refused && (m.Counted != ledger.Absent || !strings.Contains(m.Refusal, want)):
					t.Errorf("%s: counted %v, reason %q; want refused with %q", m.Account, m.Counted, m.Refusal, want)
				case !refused && m.Refusal != "":
					t.Errorf("%s refused: %s", m.Account, m.Refusal)
				}
			}
		})
	}
}

func TestCheckAttendanceRefusesBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(a []ledger.Attendee)
		want string
	}{
		{"duplicate", func(a []ledger.Attendee) { a[1].Account = a[0].Account }, "deux fois"},
		{"no account", func(a []ledger.Attendee) { a[0].Account = " " }, "pas de compte"},
		{"negative", func(a []ledger.Attendee) { a[0].Votes = dec("-1") }, "négatives"},
		{"postal without date", func(a []ledger.Attendee) { a[2].Form = ledger.MustDate("0001-01-01") }, "date de réception"},
		{"proxy without holder", func(a []ledger.Attendee) { a[5].Proxy = ledger.Proxy{} }, "mandataire"},
		{"own holder", func(a []ledger.Attendee) { a[5].Proxy.Holder = a[5].Account }, "propre mandataire"},
		{"unknown holder", func(a []ledger.Attendee) { a[5].Proxy.Holder = "459999" }, "459999"},
		{"control character", func(a []ledger.Attendee) { a[0].Name = "M.\x00X" }, "Nom du copropriétaire 450001"},
		{"long name", func(a []ledger.Attendee) { a[5].Proxy.HolderName = strings.Repeat("x", 300) }, "mandataire"},
		{"bad status", func(a []ledger.Attendee) { a[0].Presence = 9 }, "inconnue"},
	} {
		list := tenOwners()
		c.edit(list)
		_, err := ledger.CheckAttendance(agDay, list)
		if ledger.KindOf(err) != ledger.Invalid || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want Invalid with %q", c.name, err, c.want)
		}
	}
	if _, err := ledger.CheckAttendance(ledger.MustDate("0001-01-01"), tenOwners()); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("no date: %v", err)
	}
}

func TestReduction(t *testing.T) {
	for _, c := range []struct {
		votes   []string
		index   int
		reduced string
	}{
		{[]string{"600", "250", "150"}, 0, "400"},   // 600 > 250 + 150
		{[]string{"200", "501", "299"}, 1, "499"},   // 501 > 499
		{[]string{"500", "300", "200"}, -1, "0"},    // exactly half: not more
		{[]string{"1000"}, 0, "0"},                  // a sole owner: the others hold nothing
		{[]string{"10.5", "30.25", "9"}, 1, "19.5"}, // 30,25 > 19,5
		{[]string{"100", "100", "100", "100"}, -1, "0"},
	} {
		var votes []decimal.Decimal
		for _, v := range c.votes {
			votes = append(votes, dec(v))
		}
		i, r := ledger.Reduction(votes)
		if i != c.index || !r.Equal(dec(c.reduced)) {
			t.Errorf("%v: owner %d reduced to %s, want %d, %s", c.votes, i, r, c.index, c.reduced)
		}
	}
}
