package app

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// testLot is a lot of a test residence: its owner and its shares per key.
type testLot = ledgertest.Lot

// callsResidence opens ledgertest.Calls: exercises 2025–2027, keys 001 to
// 003, the owners named by the lots (450001…) and the lots with their
// shares; budget lines go to 2025.
func callsResidence(t testing.TB, lots []testLot, budget ...ledger.BudgetLine) *Residence {
	t.Helper()
	r, err := Open(ledgertest.Calls(t, lots, budget...))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func year(t testing.TB, r *Residence, y int) ledger.Exercise {
	t.Helper()
	var ex ledger.Exercise
	view(t, r, func(tx *ledger.Tx) error {
		var err error
		ex, err = tx.ExerciseOfYear(y)
		return err
	})
	return ex
}

func bl(account, key, amount string) ledger.BudgetLine {
	return ledger.BudgetLine{Account: account, Key: key, Amount: ledger.MustAmount(amount)}
}

// threeOwners: shares 1/3 each on 001 (no even split of a cent), 7/11/13
// on 002, one owner alone on 003.
var threeOwners = []testLot{
	{Number: "1", Owner: "450001", Shares: map[string]string{"001": "1", "002": "7"}},
	{Number: "2", Owner: "450002", Shares: map[string]string{"001": "1", "002": "11", "003": "40"}},
	{Number: "3", Owner: "450003", Shares: map[string]string{"001": "0.5", "002": "13"}},
	{Number: "4", Owner: "450003", Shares: map[string]string{"001": "0.5"}},
}

// checkCallsAddUp checks what the issue asks of any set of calls: every
// call's parts add up to it per key, the calls add up to the yearly amount
// of each key, and every entry balances and moves each owner by his parts.
func checkCallsAddUp(t *testing.T, r *Residence, ex ledger.Exercise, kind ledger.CallKind, yearly map[string]ledger.Amount) {
	t.Helper()
	view(t, r, func(tx *ledger.Tx) error {
		calls, err := tx.Calls(ledger.CallFilter{ExerciseID: ex.ID, Kind: kind, Live: true})
		if err != nil {
			return err
		}
		perKey := map[string]ledger.Amount{}
		for _, c := range calls {
			full, err := tx.Call(c.ID)
			if err != nil {
				return err
			}
			parts := map[string]ledger.Amount{}
			for _, p := range full.Parts {
				parts[p.Key] += p.Amount
			}
			for _, k := range full.Keys {
				if parts[k.Key] != k.Amount {
					t.Errorf("call %s key %s: parts %s, called %s", c.Piece, k.Key, parts[k.Key], k.Amount)
				}
				perKey[k.Key] += k.Amount
			}
			e, err := tx.Entry(c.EntryID)
			if err != nil {
				return err
			}
			d, cr := e.Totals()
			if d != cr || d == 0 {
				t.Errorf("call %s: entry debit %s credit %s", c.Piece, d, cr)
			}
			moved := map[string]ledger.Amount{}
			for _, l := range e.Lines {
				if strings.HasPrefix(l.Account, "450") {
					moved[l.Account] += l.Debit - l.Credit
				}
			}
			for o, a := range full.OwnerTotals() {
				if moved[o] != a {
					t.Errorf("call %s: owner %s moved %s, parts %s", c.Piece, o, moved[o], a)
				}
			}
		}
		for k, want := range yearly {
			if perKey[k] != want {
				t.Errorf("%s calls on key %s sum to %s, want %s", kind, k, perKey[k], want)
			}
		}
		return nil
	})
}

func TestBudgetCallsAddUp(t *testing.T) {
	tests := []struct {
		name   string
		count  int
		budget []ledger.BudgetLine
		yearly map[string]ledger.Amount
	}{
		{"quarters, cents left over", 4, []ledger.BudgetLine{bl("602000", "001", "1000,03"), bl("611000", "001", "2000,02"), bl("614000", "002", "777,77"), bl("606000", "003", "10,01")},
			map[string]ledger.Amount{"001": ledger.MustAmount("3000,05"), "002": ledger.MustAmount("777,77"), "003": ledger.MustAmount("10,01")}},
		{"months", 12, []ledger.BudgetLine{bl("602000", "001", "12345,67"), bl("614000", "002", "0,11")},
			map[string]ledger.Amount{"001": ledger.MustAmount("12345,67"), "002": ledger.MustAmount("0,11")}},
		{"one call", 1, []ledger.BudgetLine{bl("602000", "001", "999,99")}, map[string]ledger.Amount{"001": ledger.MustAmount("999,99")}},
		{"income above charges on a key", 4, []ledger.BudgetLine{bl("602000", "001", "100"), bl("614000", "002", "50"), bl("713000", "002", "80,03")},
			map[string]ledger.Amount{"001": ledger.MustAmount("100"), "002": ledger.MustAmount("-30,03")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := callsResidence(t, threeOwners, tt.budget...)
			ex := year(t, r, 2025)
			plan, err := r.PlanBudgetCalls(ex, tt.count)
			if err != nil {
				t.Fatal(err)
			}
			if plan.Blocked() || len(plan.Calls) != tt.count {
				t.Fatalf("%d calls, problems %v", len(plan.Calls), plan.Problems)
			}
			for i, c := range plan.Calls {
				var sum ledger.Amount
				for _, o := range c.Owners {
					sum += o.Total
				}
				if sum != c.Total {
					t.Errorf("planned call %d: owners %s, total %s", i+1, sum, c.Total)
				}
			}
			posted, err := r.PostCalls(plan)
			if err != nil {
				t.Fatal(ledger.Message(err))
			}
			var total ledger.Amount
			for i, c := range posted {
				want := fmt.Sprintf("A%d-%04d", plan.Exercise.Year(), i+1)
				if c.Piece != want {
					t.Errorf("call %d has piece %s, want %s", i+1, c.Piece, want)
				}
				total += c.Total()
			}
			if total != plan.Total {
				t.Errorf("posted %s, planned %s", total, plan.Total)
			}
			checkCallsAddUp(t, r, ex, ledger.BudgetCall, tt.yearly)
			if p, err := r.Check(true); err != nil || len(p) != 0 {
				t.Errorf("check: %v %v", p, err)
			}
		})
	}
}

// The extra cents go one each to the first calls (DOMAIN §4), and within a
// call to the largest remainders, ties to the lower account.
func TestBudgetCallsRounding(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "1000,03"))
	plan, err := r.PlanBudgetCalls(year(t, r, 2025), 4)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range plan.Calls {
		got = append(got, c.Keys[0].Amount.Format())
	}
	if strings.Join(got, " · ") != "250,01 · 250,01 · 250,01 · 250,00" {
		t.Errorf("calls %v", got)
	}
	// 250,01 over three equal owners: 83,34 · 83,34 · 83,33 (the lower accounts take the cents).
	first := plan.Calls[0]
	if len(first.Owners) != 3 || first.Owners[0].Total != 8334 || first.Owners[1].Total != 8334 || first.Owners[2].Total != 8333 {
		t.Errorf("first call's owners %+v", first.Owners)
	}
	// Owner 450003 holds two lots of 0,5: one part, on the sum of his shares.
	if p := first.Owners[2].Parts; len(p) != 1 || !p[0].Shares.Equal(decimal.NewFromInt(1)) {
		t.Errorf("450003's parts %+v", p)
	}
	if !first.Due.Equal(ledger.Date(2025, 1, 1)) || !first.PeriodEnd.Equal(ledger.Date(2025, 3, 31)) || first.Label != "Appel de fonds 1er trimestre 2025" {
		t.Errorf("first call %s %s %q", first.Due, first.PeriodEnd, first.Label)
	}
	if d := plan.Calls[3].Due; !d.Equal(ledger.Date(2025, 10, 1)) {
		t.Errorf("fourth call due %s", d)
	}
}

func TestPreviewWritesNothing(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "1000"))
	before, err := os.ReadFile(r.Path())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if _, err := r.PlanBudgetCalls(year(t, r, 2025), 4); err != nil {
			t.Fatal(err)
		}
	}
	after, _ := os.ReadFile(r.Path())
	if !bytes.Equal(before, after) {
		t.Error("a preview changed the file")
	}
}

// A call is due from whoever owns the lot on its due date (DOMAIN §9).
func TestSaleBetweenTwoCalls(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "1200"), bl("614000", "002", "400"))
	if _, err := r.SellLots(Sale{Lots: []string{"1"}, Date: ledger.Date(2025, 5, 20), Buyer: ledger.Owner{Name: "Acheteur Zoé"}, SellerLeaves: true}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	plan, err := r.PlanBudgetCalls(year(t, r, 2025), 4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(ledger.Message(err))
	}
	view(t, r, func(tx *ledger.Tx) error {
		calls, err := tx.Calls(ledger.CallFilter{Kind: ledger.BudgetCall})
		if err != nil {
			return err
		}
		var sellerParts, buyerParts []ledger.Amount
		for _, c := range calls {
			full, err := tx.Call(c.ID)
			if err != nil {
				return err
			}
			totals := full.OwnerTotals()
			beforeSale := c.Due.Before(ledger.Date(2025, 5, 20))
			if (totals["450001"] != 0) != beforeSale || (totals["450004"] != 0) == beforeSale {
				t.Errorf("call of %s: seller %s, buyer %s", ledger.ISO(c.Due), totals["450001"], totals["450004"])
			}
			sellerParts = append(sellerParts, totals["450001"])
			buyerParts = append(buyerParts, totals["450004"])
		}
		// Same quarters, same shares: the buyer is called what the seller was.
		want := []ledger.Amount{12258, 12258, 0, 0}
		if fmt.Sprint(sellerParts) != fmt.Sprint(want) || fmt.Sprint(buyerParts) != fmt.Sprint([]ledger.Amount{0, 0, 12258, 12258}) {
			t.Errorf("seller %v, buyer %v", sellerParts, buyerParts)
		}
		return nil
	})
	checkCallsAddUp(t, r, year(t, r, 2025), ledger.BudgetCall, map[string]ledger.Amount{"001": 120000, "002": 40000})
}

func TestLotWithoutOwnerBlocks(t *testing.T) {
	lots := append([]testLot{}, threeOwners...)
	lots = append(lots, testLot{Number: "12", Owner: "", Shares: map[string]string{"001": "1"}}, testLot{Number: "13", Owner: "", Shares: nil})
	r := callsResidence(t, lots, bl("602000", "001", "100"))
	plan, err := r.PlanBudgetCalls(year(t, r, 2025), 4)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Blocked() {
		t.Fatal("a lot without owner did not block the calls")
	}
	msg := ledger.Message(plan.Err())
	if !strings.Contains(msg, "Appels impossibles : le lot 12 n'a pas de propriétaire au 01/01/2025") || strings.Contains(msg, "lot 13") {
		t.Errorf("message %q", msg)
	}
	if _, err := r.PostCalls(plan); err == nil || !strings.Contains(ledger.Message(err), "lot 12") {
		t.Errorf("posting a blocked plan: %v", err)
	}
	if n := len(entriesOf(t, r)); n != 0 {
		t.Errorf("%d entries written", n)
	}
}

func entriesOf(t testing.TB, r *Residence) []ledger.Entry {
	t.Helper()
	var out []ledger.Entry
	view(t, r, func(tx *ledger.Tx) error {
		var err error
		out, err = tx.Entries(ledger.EntryFilter{})
		return err
	})
	return out
}

func TestCallsRefused(t *testing.T) {
	r := callsResidence(t, threeOwners)
	ex := year(t, r, 2025)
	if _, err := r.PlanBudgetCalls(ex, 4); !strings.Contains(ledger.Message(err), "Le budget de l'exercice 2025 est vide") {
		t.Errorf("empty budget: %v", err)
	}
	if _, err := r.PlanBudgetCalls(ex, 5); err == nil || !strings.Contains(ledger.Message(err), "il se découpe en 1, 2, 3, 4, 6 ou 12 appels, pas en 5") {
		t.Errorf("5 calls: %v", err)
	}
	if _, err := r.PlanFundCalls(ex, 4); !strings.Contains(ledger.Message(err), "Aucun fonds de travaux n'est fixé pour l'exercice 2025") {
		t.Errorf("fund without setting: %v", err)
	}
	if _, err := r.PlanWorksCalls("XYZ", ex); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("unknown works: %v", err)
	}

	r = callsResidence(t, threeOwners, bl("602000", "001", "100"))
	ex = year(t, r, 2025)
	plan, _ := r.PlanBudgetCalls(ex, 4)
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(err)
	}
	_, err := r.PlanBudgetCalls(ex, 4)
	if ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), "sont déjà passés (A2025-0001, A2025-0002, A2025-0003 et A2025-0004)") {
		t.Errorf("calls twice: %v", err)
	}
	// Posting the same preview again is refused too.
	if _, err := r.PostCalls(plan); ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("posting a plan twice: %v", err)
	}
}

// The books changed between the preview and the posting: nothing is posted.
func TestStalePlanRefused(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "100"))
	plan, err := r.PlanBudgetCalls(year(t, r, 2025), 4)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Update(func(tx *ledger.Tx) error { return tx.SetShare("4", "001", decimal.NewFromInt(2)) }); err != nil {
		t.Fatal(err)
	}
	_, err = r.PostCalls(plan)
	if ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), "refaites l'aperçu") {
		t.Errorf("stale plan: %v", err)
	}
	if n := len(entriesOf(t, r)); n != 0 {
		t.Errorf("%d entries written", n)
	}
}

func TestCallLevels(t *testing.T) {
	tests := []struct {
		level   CallLevel
		credits int // credit lines on 701000
		keyed   bool
	}{
		{LevelAccountKey, 2, true},
		{LevelGlobal, 1, false},
		{LevelAccount, 1, false},
		{LevelDetailed, 5, true}, // 450001: 001, 002; 450002: 001, 002; 450003: 001, 002
	}
	for _, tt := range tests {
		t.Run(string(tt.level), func(t *testing.T) {
			r := callsResidence(t, threeOwners, bl("602000", "001", "300"), bl("614000", "002", "62"))
			if err := r.SetCallLevel(tt.level); err != nil {
				t.Fatal(err)
			}
			if l, _ := r.CallLevel(); l != tt.level {
				t.Fatalf("level %s", l)
			}
			plan, _ := r.PlanBudgetCalls(year(t, r, 2025), 1)
			posted, err := r.PostCalls(plan)
			if err != nil {
				t.Fatal(ledger.Message(err))
			}
			if posted[0].Level != string(tt.level) {
				t.Errorf("call level %q", posted[0].Level)
			}
			view(t, r, func(tx *ledger.Tx) error {
				e, err := tx.Entry(posted[0].EntryID)
				if err != nil {
					return err
				}
				credits, owners := 0, 0
				for _, l := range e.Lines {
					switch {
					case l.Account == "701000":
						credits++
						if (l.Key != "") != tt.keyed {
							t.Errorf("701000 line key %q", l.Key)
						}
					case strings.HasPrefix(l.Account, "450"):
						owners++
					}
				}
				want := tt.credits
				if tt.level == LevelDetailed {
					want = 0
					for _, o := range plan.Calls[0].Owners {
						want += len(o.Parts)
					}
				}
				if credits != want || owners != 3 {
					t.Errorf("%d credit lines (want %d), %d owner lines", credits, want, owners)
				}
				return nil
			})
			checkCallsAddUp(t, r, year(t, r, 2025), ledger.BudgetCall, map[string]ledger.Amount{"001": 30000, "002": 6200})
		})
	}
	r := callsResidence(t, threeOwners)
	if err := r.SetCallLevel("tout"); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("unknown level: %v", err)
	}
}

func TestFundCallsAndFivePercent(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "10000"), bl("614000", "002", "2000"))
	ex := year(t, r, 2025)
	plan, err := r.PlanBudgetCalls(ex, 4)
	if err != nil {
		t.Fatal(err)
	}
	if w := strings.Join(plan.Warnings(), " "); !strings.Contains(w, "Aucun fonds de travaux n'est fixé pour l'exercice 2025 : la loi impose au moins 5 % du budget, soit 600,00 €") {
		t.Errorf("warnings %q", w)
	}
	setFund := func(amount string) {
		t.Helper()
		if err := r.Update(func(tx *ledger.Tx) error {
			return tx.SetWorksFund(ledger.WorksFund{ExerciseID: ex.ID, Amount: ledger.MustAmount(amount), Key: "001"})
		}); err != nil {
			t.Fatal(err)
		}
	}
	setFund("599,99")
	plan, _ = r.PlanBudgetCalls(ex, 4)
	if w := strings.Join(plan.Warnings(), " "); !strings.Contains(w, "Le fonds de travaux 2025 (599,99 €) est inférieur à 5 % du budget (12 000,00 €, soit 600,00 € au moins)") {
		t.Errorf("warnings %q", w)
	}
	if plan.Blocked() {
		t.Error("a low fund blocks the calls; it should only warn")
	}
	setFund("600,01")
	plan, _ = r.PlanBudgetCalls(ex, 4)
	if len(plan.Warnings()) != 0 {
		t.Errorf("warnings with a fund of 5 %%: %v", plan.Warnings())
	}
	if plan.KindCount(ledger.BudgetCall) != 4 || plan.KindCount(ledger.FundCall) != 4 || len(plan.Dates()) != 4 {
		t.Fatalf("%d budget, %d fund calls", plan.KindCount(ledger.BudgetCall), plan.KindCount(ledger.FundCall))
	}
	posted, err := r.PostCalls(plan)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	// Pieces follow the dates: budget then fund on each date.
	if posted[0].Piece != "A2025-0001" || posted[0].Kind != ledger.BudgetCall || posted[1].Piece != "A2025-0002" || posted[1].Kind != ledger.FundCall {
		t.Errorf("first calls %s %s, %s %s", posted[0].Piece, posted[0].Kind, posted[1].Piece, posted[1].Kind)
	}
	view(t, r, func(tx *ledger.Tx) error {
		tb, err := tx.TrialBalanceOf(ex)
		if err != nil {
			return err
		}
		for _, b := range tb {
			switch b.Account {
			case "105000":
				if b.Credit != ledger.MustAmount("600,01") {
					t.Errorf("105000 credited %s", b.Credit)
				}
			case "701000":
				if b.Credit != ledger.MustAmount("12000") {
					t.Errorf("701000 credited %s", b.Credit)
				}
			}
		}
		return nil
	})
	checkCallsAddUp(t, r, ex, ledger.FundCall, map[string]ledger.Amount{"001": 60001})

	// The fund is called: a second fund run is refused, a budget-only one
	// (after cancelling the budget's calls) leaves it out with a word.
	if _, err := r.PlanFundCalls(ex, 4); ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("fund called twice: %v", err)
	}
	for _, c := range posted {
		if c.Kind == ledger.BudgetCall {
			if _, err := r.CancelCall(c.ID, time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	plan, err = r.PlanBudgetCalls(ex, 4)
	if err != nil {
		t.Fatal(err)
	}
	if plan.KindCount(ledger.FundCall) != 0 || !strings.Contains(strings.Join(plan.Warnings(), " "), "est déjà appelé (A2025-0002, A2025-0004, A2025-0006 et A2025-0008)") {
		t.Errorf("budget again: %d fund calls, warnings %v", plan.KindCount(ledger.FundCall), plan.Warnings())
	}
}

func TestCancelCallWorkflow(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "400"))
	ex := year(t, r, 2025)
	plan, _ := r.PlanBudgetCalls(ex, 4)
	posted, err := r.PostCalls(plan)
	if err != nil {
		t.Fatal(err)
	}
	found, err := r.CallByPiece("a2025-0002")
	if err != nil || found.ID != posted[1].ID || len(found.Parts) != 3 {
		t.Fatalf("CallByPiece: %+v %v", found, err)
	}
	rev, err := r.CancelCall(posted[1].ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if !rev.Date.Equal(posted[1].Due) || rev.Piece != "A2025-0002" || !strings.HasPrefix(rev.Origin, "cancel:call:") {
		t.Errorf("reversal %+v", rev)
	}
	list, err := r.CallList(ex)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 4 || !list[1].Cancelled() || list[0].Cancelled() || list[0].Owners != 3 || list[0].Amount != 10000 {
		t.Errorf("list %+v", list)
	}
	// Owners owe three calls.
	view(t, r, func(tx *ledger.Tx) error {
		bal, err := tx.OwnerBalances(ex.End)
		var sum ledger.Amount
		for _, b := range bal {
			sum += b
		}
		if sum != 30000 {
			t.Errorf("owners owe %s after cancelling one call of four", sum)
		}
		return err
	})
	// Closed exercise: refused, Locked.
	if err := r.Update(func(tx *ledger.Tx) error { return tx.CloseExercise(ex.ID) }); err != nil {
		t.Fatal(err)
	}
	if _, err := r.CancelCall(posted[2].ID, time.Time{}); ledger.KindOf(err) != ledger.Locked {
		t.Errorf("cancel in a closed exercise: %v", err)
	}
	if _, err := r.PlanBudgetCalls(ex, 4); ledger.KindOf(err) != ledger.Locked {
		t.Errorf("plan in a closed exercise: %v", err)
	}
}

func TestCallPeriods(t *testing.T) {
	cal := ledger.Exercise{Start: ledger.Date(2025, 1, 1), End: ledger.Date(2025, 12, 31)}
	july := ledger.Exercise{Start: ledger.Date(2025, 7, 1), End: ledger.Date(2026, 6, 30)}
	long := ledger.Exercise{Start: ledger.Date(2025, 1, 1), End: ledger.Date(2026, 6, 30)}
	odd := ledger.Exercise{Start: ledger.Date(2025, 1, 15), End: ledger.Date(2025, 12, 31)}
	tests := []struct {
		ex    ledger.Exercise
		count int
		names string
		err   string
	}{
		{cal, 4, "1er trimestre 2025|2e trimestre 2025|3e trimestre 2025|4e trimestre 2025", ""},
		{cal, 2, "1er semestre 2025|2e semestre 2025", ""},
		{cal, 1, "exercice 2025", ""},
		{cal, 12, "janvier 2025|février 2025|mars 2025|avril 2025|mai 2025|juin 2025|juillet 2025|août 2025|septembre 2025|octobre 2025|novembre 2025|décembre 2025", ""},
		{july, 2, "1er semestre (du 01/07/2025 au 31/12/2025)|2e semestre (du 01/01/2026 au 30/06/2026)", ""},
		{long, 6, "1er trimestre (du 01/01/2025 au 31/03/2025)|2e trimestre (du 01/04/2025 au 30/06/2025)|3e trimestre (du 01/07/2025 au 30/09/2025)|4e trimestre (du 01/10/2025 au 31/12/2025)|5e trimestre (du 01/01/2026 au 31/03/2026)|6e trimestre (du 01/04/2026 au 30/06/2026)", ""},
		{long, 4, "", "dure 18 mois : il se découpe en 1, 2, 3, 6, 9 ou 18 appels, pas en 4"},
		{cal, 0, "", "pas en 0"},
		{odd, 4, "", "ne fait pas un nombre entier de mois"},
	}
	for _, tt := range tests {
		ps, err := CallPeriods(tt.ex, tt.count)
		if tt.err != "" {
			if err == nil || !strings.Contains(ledger.Message(err), tt.err) {
				t.Errorf("%s in %d: %v, want %q", tt.ex.Name(), tt.count, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s in %d: %v", tt.ex.Name(), tt.count, err)
			continue
		}
		var names []string
		for i, p := range ps {
			names = append(names, p.Name)
			if i > 0 && !p.Start.Equal(ps[i-1].End.AddDate(0, 0, 1)) {
				t.Errorf("%s: period %d does not follow", tt.ex.Name(), i+1)
			}
		}
		if !ps[0].Start.Equal(tt.ex.Start) || !ps[len(ps)-1].End.Equal(tt.ex.End) {
			t.Errorf("%s: periods do not cover the exercise", tt.ex.Name())
		}
		if got := strings.Join(names, "|"); got != tt.names {
			t.Errorf("%s in %d:\n%s\nwant\n%s", tt.ex.Name(), tt.count, got, tt.names)
		}
	}
}

// Random budgets and shares: every call's parts add up to it, the calls to
// the budget, per key; no part is negative for a positive call.
func TestCallsProperty(t *testing.T) {
	rng := rand.New(rand.NewSource(20251122))
	for round := 0; round < 12; round++ {
		var lots []testLot
		nOwners := 1 + rng.Intn(9)
		for i := 0; i < 3+rng.Intn(12); i++ {
			shares := map[string]string{"001": fmt.Sprintf("%d.%d", 1+rng.Intn(500), rng.Intn(100))}
			if rng.Intn(2) == 0 {
				shares["002"] = fmt.Sprint(1 + rng.Intn(97))
			}
			lots = append(lots, testLot{Number: fmt.Sprint(i + 1), Owner: fmt.Sprintf("450%03d", 1+rng.Intn(nOwners)), Shares: shares})
		}
		lots[0].Shares["002"] = "13" // key 002 always has shares
		budget := []ledger.BudgetLine{
			{Account: "602000", Key: "001", Amount: ledger.Amount(1 + rng.Int63n(5_000_000))},
			{Account: "611000", Key: "001", Amount: ledger.Amount(1 + rng.Int63n(999))},
			{Account: "614000", Key: "002", Amount: ledger.Amount(1 + rng.Int63n(2_000_000))},
		}
		count := []int{1, 2, 3, 4, 6, 12}[rng.Intn(6)]
		r := callsResidence(t, lots, budget...)
		ex := year(t, r, 2025)
		plan, err := r.PlanBudgetCalls(ex, count)
		if err != nil || plan.Blocked() {
			t.Fatalf("round %d: %v %v", round, err, plan.Problems)
		}
		for _, c := range plan.Calls {
			for _, o := range c.Owners {
				for _, p := range o.Parts {
					if p.Amount < 0 {
						t.Errorf("round %d: negative part %+v", round, p)
					}
				}
			}
		}
		if _, err := r.PostCalls(plan); err != nil {
			t.Fatalf("round %d: %v", round, ledger.Message(err))
		}
		checkCallsAddUp(t, r, ex, ledger.BudgetCall, map[string]ledger.Amount{"001": budget[0].Amount + budget[1].Amount, "002": budget[2].Amount})
		r.Close()
	}
}

// A sale recorded after the year's calls were posted: the sale says which
// calls went to the seller; cancelled and generated again, they go to the
// buyer, for the same amounts.
func TestSaleRecordedAfterTheCalls(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "1200"), bl("614000", "002", "400"))
	ex := year(t, r, 2025)
	plan, _ := r.PlanBudgetCalls(ex, 4)
	posted, err := r.PostCalls(plan)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.SellLots(Sale{Lots: []string{"1"}, Date: ledger.Date(2025, 5, 20), Buyer: ledger.Owner{Name: "Acheteur Zoé"}, SellerLeaves: true})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if strings.Join(res.LaterCalls, " ") != "A2025-0003 A2025-0004" {
		t.Fatalf("later calls %v", res.LaterCalls)
	}
	for _, c := range posted[2:] {
		if _, err := r.CancelCall(c.ID, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	plan, err = r.PlanBudgetCalls(ex, 0) // the count of the calls already passed
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if len(plan.Calls) != 2 || plan.Calls[0].Number != 3 || !strings.Contains(strings.Join(plan.Warnings(), " "), "déjà passés (A2025-0001 et A2025-0002) sont gardés") {
		t.Fatalf("plan %d calls, warnings %v", len(plan.Calls), plan.Warnings())
	}
	again, err := r.PostCalls(plan)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	view(t, r, func(tx *ledger.Tx) error {
		for i, c := range again {
			full, err := tx.Call(c.ID)
			if err != nil {
				return err
			}
			totals := full.OwnerTotals()
			if totals["450001"] != 0 || totals["450004"] != 12258 || full.Total() != posted[2+i].Total() {
				t.Errorf("call %s: %v", c.Piece, totals)
			}
		}
		return nil
	})
	checkCallsAddUp(t, r, ex, ledger.BudgetCall, map[string]ledger.Amount{"001": 120000, "002": 40000})
	if _, err := r.PlanBudgetCalls(ex, 12); ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("monthly calls over quarterly ones: %v", err)
	}
}

// A budget voted again mid-year: the calls to come carry what remains.
func TestBudgetRevisedMidYear(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "1000,03"))
	ex := year(t, r, 2025)
	plan, _ := r.PlanBudgetCalls(ex, 4)
	posted, err := r.PostCalls(plan)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range posted[2:] {
		if _, err := r.CancelCall(c.ID, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Update(func(tx *ledger.Tx) error { return tx.SetBudgetLine(ex.ID, bl("602000", "001", "1200")) }); err != nil {
		t.Fatal(err)
	}
	plan, err = r.PlanBudgetCalls(ex, 4)
	if err != nil {
		t.Fatal(err)
	}
	// 1 200 − 2 × 250,01 = 699,98, in two calls.
	if len(plan.Calls) != 2 || plan.Calls[0].Total != 34999 || plan.Calls[1].Total != 34999 {
		t.Fatalf("calls %+v", plan.Calls)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(err)
	}
	checkCallsAddUp(t, r, ex, ledger.BudgetCall, map[string]ledger.Amount{"001": 120000})
}

// A key whose declared total is not the sum of its shares: the calls go by
// the shares, with a warning.
func TestKeyTotalMismatchWarns(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "300"))
	if err := r.Update(func(tx *ledger.Tx) error {
		return tx.UpdateKey(ledger.Key{Code: "001", Label: "Charges générales", DeclaredTotal: decimal.NewFromInt(1000)})
	}); err != nil {
		t.Fatal(err)
	}
	plan, err := r.PlanBudgetCalls(year(t, r, 2025), 1)
	if err != nil {
		t.Fatal(err)
	}
	if w := strings.Join(plan.Warnings(), " "); !strings.Contains(w, "Clé 001 « Charges générales » : le total déclaré (1 000) n'est pas la somme des tantièmes des lots (3)") {
		t.Errorf("warnings %q", w)
	}
	if plan.Blocked() || !plan.Calls[0].Keys[0].TotalShares.Equal(decimal.NewFromInt(3)) {
		t.Errorf("plan %+v", plan.Calls[0].Keys)
	}
}
