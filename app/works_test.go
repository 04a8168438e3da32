package app

import (
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
)

func TestWorksScheduleDates(t *testing.T) {
	first := ledger.Date(2025, 1, 1)
	tests := []struct {
		s    WorksSchedule
		want string
		err  string
	}{
		{WorksSchedule{Count: 4, First: first, EveryMonths: 3}, "2025-01-01 2025-04-01 2025-07-01 2025-10-01", ""},
		{WorksSchedule{Count: 1, First: first}, "2025-01-01", ""},
		{WorksSchedule{Count: 36, First: first, EveryMonths: 1}, "", ""},
		{WorksSchedule{Count: 4, First: first, EveryMonths: 12}, "", "finiraient le 01/01/2028"},
		{WorksSchedule{Count: 0, First: first, EveryMonths: 3}, "", "va de 1 à 36"},
		{WorksSchedule{Count: 2, First: first}, "", "La fréquence des appels de travaux va de 1 à 12 mois"},
		{WorksSchedule{Count: 2, EveryMonths: 1}, "", "date du premier appel"},
	}
	for _, tt := range tests {
		dates, err := tt.s.Dates()
		if tt.err != "" {
			if err == nil || !strings.Contains(ledger.Message(err), tt.err) {
				t.Errorf("%+v: %v, want %q", tt.s, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%+v: %v", tt.s, err)
			continue
		}
		var got []string
		for _, d := range dates {
			got = append(got, ledger.ISO(d))
		}
		if tt.want != "" && strings.Join(got, " ") != tt.want {
			t.Errorf("%+v: %v", tt.s, got)
		}
		if len(dates) != tt.s.Count {
			t.Errorf("%+v: %d dates", tt.s, len(dates))
		}
	}
}

// worksResidence has a façade campaign FAC of 10 000,01 € voted on two
// keys, called in three quarters from 01/10/2025, ending in 2026.
func worksResidence(t *testing.T) *Residence {
	t.Helper()
	r := callsResidence(t, threeOwners, bl("602000", "001", "1000"))
	w := ledger.Works{Code: "fac", Label: "Ravalement de la façade", Type: ledger.Art142Works, AGDate: ledger.Date(2025, 6, 12),
		Voted: ledger.MustAmount("10000,01"), End: ledger.Date(2026, 5, 31),
		Keys: []ledger.WorksKey{{Key: "001", Amount: ledger.MustAmount("9000,01")}, {Key: "002", Amount: ledger.MustAmount("1000")}}}
	if err := r.CreateWorks(w, &WorksSchedule{Count: 3, First: ledger.Date(2025, 10, 1), EveryMonths: 3}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	return r
}

func TestWorksCallsCreditTheRightAccounts(t *testing.T) {
	r := worksResidence(t)
	ex25, ex26 := year(t, r, 2025), year(t, r, 2026)
	view(t, r, func(tx *ledger.Tx) error {
		for _, code := range []string{"102FAC", "120FAC", "131FAC", "401FAC", "671FAC", "672FAC", "673FAC", "702FAC"} {
			if _, err := tx.Account(code); err != nil {
				t.Errorf("account %s: %v", code, err)
			}
		}
		return nil
	})

	// 2025: the works do not end this year, the call goes to 102FAC.
	plan, err := r.PlanWorksCalls("FAC", ex25)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if len(plan.Calls) != 1 || plan.Calls[0].Account != "102FAC" || plan.Calls[0].Number != 1 || plan.Calls[0].Count != 3 {
		t.Fatalf("2025 plan %+v", plan.Calls)
	}
	c := plan.Calls[0]
	if c.Keys[0].Amount != ledger.MustAmount("3000,01") || c.Keys[1].Amount != ledger.MustAmount("333,34") || c.Label != "Appel travaux FAC Ravalement de la façade (1/3)" {
		t.Errorf("first works call %+v %q", c.Keys, c.Label)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(ledger.Message(err))
	}
	// 2026: they end on 31/05/2026, the calls go to 702FAC.
	plan, err = r.PlanWorksCalls("FAC", ex26)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if len(plan.Calls) != 2 || plan.Calls[0].Account != "702FAC" || plan.Calls[1].Account != "702FAC" {
		t.Fatalf("2026 plan %+v", plan.Calls)
	}
	posted, err := r.PostCalls(plan)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if posted[0].Kind != ledger.WorksCall || posted[0].Works != "FAC" || posted[0].Piece != "A2026-0001" {
		t.Errorf("posted %+v", posted[0])
	}
	view(t, r, func(tx *ledger.Tx) error {
		tb, err := tx.TrialBalance(ex25.Start, ex26.End)
		if err != nil {
			return err
		}
		got := map[string]ledger.Amount{}
		for _, b := range tb {
			got[b.Account] = b.Credit - b.Debit
		}
		if got["102FAC"] != ledger.MustAmount("3333,35") || got["702FAC"] != ledger.MustAmount("6666,66") {
			t.Errorf("102FAC %s, 702FAC %s", got["102FAC"], got["702FAC"])
		}
		e, err := tx.Entries(ledger.EntryFilter{Origin: "works:FAC:"})
		if len(e) != 3 {
			t.Errorf("%d works entries", len(e))
		}
		return err
	})
	checkCallsAddUp(t, r, ex26, ledger.WorksCall, map[string]ledger.Amount{"001": 600000, "002": 66666})

	// Everything is called now.
	if _, err := r.PlanWorksCalls("FAC", ex26); err == nil || !strings.Contains(ledger.Message(err), "toutes ses échéances sont appelées") {
		t.Errorf("nothing left: %v", err)
	}
	sums, err := r.WorksSummaries()
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 1 || sums[0].Called != ledger.MustAmount("10000,01") || sums[0].Remaining != 0 || len(sums[0].Calls) != 3 || sums[0].Calls[2].Piece != "A2026-0002" {
		t.Errorf("summary %+v", sums)
	}
}

// A revised vote and a cancelled call are absorbed by the calls to come.
func TestWorksRemainingIsRespread(t *testing.T) {
	r := worksResidence(t)
	ex25, ex26 := year(t, r, 2025), year(t, r, 2026)
	plan, _ := r.PlanWorksCalls("FAC", ex25)
	posted, err := r.PostCalls(plan)
	if err != nil {
		t.Fatal(err)
	}
	// The AG raises the vote by 600 € on key 001.
	var w ledger.Works
	view(t, r, func(tx *ledger.Tx) error {
		var err error
		w, err = tx.Works("FAC")
		return err
	})
	w.Voted += 60000
	w.Keys[0].Amount += 60000
	if err := r.UpdateWorks(w, nil); err != nil {
		t.Fatal(ledger.Message(err))
	}
	plan, err = r.PlanWorksCalls("FAC", ex26)
	if err != nil {
		t.Fatal(err)
	}
	// 9 600,01 − 3 000,01 = 6 600 over two calls on 001.
	if plan.Calls[0].Keys[0].Amount != 330000 || plan.Calls[1].Keys[0].Amount != 330000 {
		t.Errorf("after the raise: %+v / %+v", plan.Calls[0].Keys, plan.Calls[1].Keys)
	}
	// Cancelling the first call spreads its amount over what is left.
	if _, err := r.CancelCall(posted[0].ID, time.Time{}); err != nil {
		t.Fatal(err)
	}
	plan, err = r.PlanWorksCalls("FAC", ex25)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Calls) != 1 || plan.Calls[0].Keys[0].Amount != 320001 {
		t.Errorf("after cancelling: %+v", plan.Calls)
	}
}

func TestDemoWorksCampaign(t *testing.T) {
	r := writeDemo(t)
	ex := year(t, r, 2026)
	plan, err := r.PlanWorksCalls("asc", ex)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if len(plan.Calls) != 4 || plan.Total != 2400000 || plan.Calls[0].Account != "702ASC" || plan.Blocked() {
		t.Fatalf("ASC in 2026: %d calls, %s, %v", len(plan.Calls), plan.Total, plan.Problems)
	}
	// Only the lift's owners pay: building A above the ground floor.
	for _, o := range plan.Calls[0].Owners {
		if o.Account == demoLate || o.Account == "450010" || o.Account == "450003" {
			t.Errorf("%s is called for the lift", o.Account)
		}
	}
	if _, err := r.PlanWorksCalls("ASC", year(t, r, 2025)); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("ASC in 2025: %v", err)
	}
}
