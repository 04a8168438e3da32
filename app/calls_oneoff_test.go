package app

import (
	"fmt"
	"math/big"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
)

// tenOwners are ten owners of one lot each on the general key, 1 000
// tantièmes in all, in shares that split no round amount evenly.
var tenShares = []int64{97, 103, 88, 112, 95, 105, 99, 101, 93, 107}

func tenOwners(t testing.TB) *Residence {
	var lots []testLot
	for i, s := range tenShares {
		lots = append(lots, testLot{Number: fmt.Sprintf("%02d", i+1), Owner: fmt.Sprintf("4500%02d", i+1), Shares: map[string]string{"001": fmt.Sprint(s)}})
	}
	return callsResidence(t, lots)
}

// largestRemainder is a second, simple way to the exact split: exact parts
// as fractions, floors, then the cents left one each to the largest
// remainders (ties to the lower account, i.e. the lower index here).
func largestRemainder(cents int64, shares []int64) []int64 {
	var total int64
	for _, s := range shares {
		total += s
	}
	out := make([]int64, len(shares))
	rem := make([]*big.Rat, len(shares))
	left := cents
	for i, s := range shares {
		exact := big.NewRat(cents*s, total)
		fl := new(big.Int).Quo(exact.Num(), exact.Denom())
		out[i] = fl.Int64()
		rem[i] = new(big.Rat).Sub(exact, new(big.Rat).SetInt(fl))
		left -= out[i]
	}
	idx := make([]int, len(shares))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return rem[idx[a]].Cmp(rem[idx[b]]) > 0 })
	for _, i := range idx[:left] {
		out[i]++
	}
	return out
}

// A one-off call of 333,33 € on the 10-owner key: 33 333 cents × s / 1 000.
// By hand, the floors (3233, 3433, 2933, 3733, 3166, 3499, 3299, 3366,
// 3099, 3566) make 33 327 cents; the 6 cents left go to the largest
// remainders, .969 (93), .967 (99), .965 (105), .635 (95), .633 (101) and
// .631 (107), not to .304 (88).
func TestOneOffCallSplitsExactly(t *testing.T) {
	r := tenOwners(t)
	want := []int64{3233, 3433, 2933, 3733, 3167, 3500, 3300, 3367, 3100, 3567}
	if got := largestRemainder(33333, tenShares); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("second computation %v, by hand %v", got, want)
	}
	req := OneOffRequest{Key: "001", Amount: ledger.MustAmount("333.33"), Due: ledger.Date(2025, 3, 15),
		Label: "Remplacement de l'interphone (AG du 12/03/2025)", Account: "701000"}
	plan, err := r.PlanOneOffCall(req)
	must(t, err)
	must(t, plan.Err())
	if len(plan.Calls) != 1 || plan.Calls[0].Kind != ledger.DirectCall || plan.Total != 33333 {
		t.Fatalf("plan %+v", plan.Calls)
	}
	c := plan.Calls[0]
	if len(c.Owners) != 10 {
		t.Fatalf("%d owners", len(c.Owners))
	}
	var sum int64
	for i, o := range c.Owners {
		if o.Account != fmt.Sprintf("4500%02d", i+1) || int64(o.Total) != want[i] {
			t.Errorf("owner %d: %s %d, want %d", i, o.Account, o.Total, want[i])
		}
		sum += int64(o.Total)
	}
	if sum != 33333 {
		t.Errorf("parts add up to %d", sum)
	}
	posted, err := r.PostCalls(plan)
	must(t, err)
	if len(posted) != 1 || posted[0].Number != 1 || posted[0].Account != "701000" {
		t.Fatalf("posted %+v", posted)
	}
	view(t, r, func(tx *ledger.Tx) error {
		e, err := tx.Entry(posted[0].EntryID)
		if err != nil {
			return err
		}
		debits := map[string]int64{}
		var credit int64
		for _, l := range e.Lines {
			switch {
			case ledger.IsOwnerAccount(l.Account):
				debits[l.Account] += int64(l.Debit - l.Credit)
			case l.Account == "701000" && l.Key == "001":
				credit += int64(l.Credit)
			default:
				t.Errorf("line %+v", l)
			}
		}
		for i, w := range want {
			if a := fmt.Sprintf("4500%02d", i+1); debits[a] != w {
				t.Errorf("entry debits %s with %d, want %d", a, debits[a], w)
			}
		}
		if credit != 33333 {
			t.Errorf("701000 credited %d", credit)
		}
		return nil
	})

	// A second one the same year is its own rank; cancelling the first
	// keeps ranks apart.
	req.Label, req.Amount = "Frais de géomètre (AG du 12/03/2025)", ledger.MustAmount("120.00")
	plan2, err := r.PlanOneOffCall(req)
	must(t, err)
	second, err := r.PostCalls(plan2)
	must(t, err)
	if second[0].Number != 2 {
		t.Errorf("second one-off call ranked %d", second[0].Number)
	}
	if _, err := r.CancelCall(posted[0].ID, ledger.Date(2025, 3, 20)); err != nil {
		t.Fatal(err)
	}
	plan3, err := r.PlanOneOffCall(req)
	must(t, err)
	third, err := r.PostCalls(plan3)
	must(t, err)
	if third[0].Number != 3 {
		t.Errorf("third one-off call ranked %d", third[0].Number)
	}
	list, err := r.CallList(year(t, r, 2025))
	must(t, err)
	if len(list) != 3 || !list[0].Cancelled() || list[0].KindLabel != "appel ponctuel" {
		t.Errorf("call list %+v", list)
	}
}

func TestOneOffCallRefusals(t *testing.T) {
	r := tenOwners(t)
	for _, c := range []struct {
		req  OneOffRequest
		want string
	}{
		{OneOffRequest{Key: "001", Amount: 100, Due: ledger.Date(2025, 3, 1), Label: "x", Account: "702ETU"}, "le compte 702ETU ne convient pas"},
		{OneOffRequest{Key: "001", Amount: 100, Due: ledger.Date(2025, 3, 1), Label: "x", Account: "105000"}, "le compte 105000 ne convient pas"},
		{OneOffRequest{Key: "009", Amount: 100, Due: ledger.Date(2025, 3, 1), Label: "x", Account: "701000"}, "la clé « 009 » n'existe pas"},
		{OneOffRequest{Key: "001", Amount: 0, Due: ledger.Date(2025, 3, 1), Label: "x", Account: "701000"}, "le montant doit être positif"},
		{OneOffRequest{Key: "001", Amount: 100, Due: ledger.Date(2025, 3, 1), Label: " ", Account: "701000"}, "le libellé est obligatoire"},
		{OneOffRequest{Key: "001", Amount: 100, Due: ledger.Date(2031, 3, 1), Label: "x", Account: "701000"}, "aucun exercice"},
	} {
		_, err := r.PlanOneOffCall(c.req)
		if err == nil || !strings.Contains(ledger.Message(err), c.want) {
			t.Errorf("%+v: %v, want %q", c.req, err, c.want)
		}
	}
}

// An advance of 1 000,00 € on 103100 over the ten owners, by hand:
// 100 000 cents × s / 1 000 = 100 × s, exact (9 700 for 97…). Owner 450005
// (95 tantièmes) advanced 950,00 € ÷ 10 = 95,00 €.
func TestAdvanceBalanceAndRepayment(t *testing.T) {
	r := tenOwners(t)
	plan, err := r.PlanOneOffCall(OneOffRequest{Key: "001", Amount: ledger.MustAmount("1000.00"), Due: ledger.Date(2025, 1, 10),
		Label: "Fonds de roulement (AG du 05/01/2025)", Account: "103100"})
	must(t, err)
	if plan.Calls[0].Kind != ledger.AdvanceCall {
		t.Fatalf("kind %s", plan.Calls[0].Kind)
	}
	posted, err := r.PostCalls(plan)
	must(t, err)
	all, err := r.Advances("", time.Time{})
	must(t, err)
	if len(all) != 10 {
		t.Fatalf("advances %+v", all)
	}
	for i, b := range all {
		if b.Account != "103100" || int64(b.Balance()) != 100*tenShares[i] {
			t.Errorf("advance %+v, want %d", b, 100*tenShares[i])
		}
	}
	before := fileOf(t, r)
	_, err = r.RepayAdvance("450005", "", ledger.Date(2025, 6, 1), ledger.MustAmount("95.01"))
	if err == nil || !strings.Contains(ledger.Message(err), "dépasse l'avance") {
		t.Fatalf("repaying beyond the advance: %v", err)
	}
	if fileOf(t, r) != before {
		t.Error("a refused repayment changed the file")
	}
	e, err := r.RepayAdvance("450005", "103100", ledger.Date(2025, 6, 1), ledger.MustAmount("40.00"))
	must(t, err)
	if len(e.Lines) != 2 || e.Lines[0].Account != "103100" || e.Lines[0].Debit != 4000 || e.Lines[1].Account != "450005" || e.Lines[1].Credit != 4000 {
		t.Errorf("repayment entry %+v", e.Lines)
	}
	held, err := r.AdvanceHeld("450005")
	must(t, err)
	if held != 5500 {
		t.Errorf("held after 40,00: %s", held)
	}
	// The balance on a day before the repayment is the whole advance.
	at, err := r.Advances("450005", ledger.Date(2025, 5, 31))
	must(t, err)
	if len(at) != 1 || at[0].Balance() != 9500 {
		t.Errorf("advance at 31/05: %+v", at)
	}
	// The cancel of a call part of which was paid back is refused.
	if _, err := r.CancelCall(posted[0].ID, ledger.Date(2025, 6, 2)); ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("cancelling a partly repaid advance: %v", err)
	}
	// Zero repays the rest; then nothing is left.
	e, err = r.RepayAdvance("450005", "", ledger.Date(2025, 7, 1), 0)
	must(t, err)
	if e.Lines[0].Debit != 5500 {
		t.Errorf("repayment of the rest %+v", e.Lines)
	}
	if _, err := r.RepayAdvance("450005", "", ledger.Date(2025, 7, 2), 0); err == nil {
		t.Error("repaying an advance already repaid")
	}
	// The other owners keep theirs.
	other, err := r.AdvanceHeld("450001")
	must(t, err)
	if other != 9700 {
		t.Errorf("450001 holds %s", other)
	}
}

// An advance call not repaid is cancelled like any call, and the advances
// are gone with it.
func TestAdvanceCallCancel(t *testing.T) {
	r := tenOwners(t)
	plan, err := r.PlanOneOffCall(OneOffRequest{Key: "001", Amount: ledger.MustAmount("1000.00"), Due: ledger.Date(2025, 1, 10),
		Label: "Fonds de roulement", Account: "103100"})
	must(t, err)
	posted, err := r.PostCalls(plan)
	must(t, err)
	_, err = r.CancelCall(posted[0].ID, time.Time{})
	must(t, err)
	all, err := r.Advances("", time.Time{})
	must(t, err)
	if len(all) != 0 {
		t.Errorf("advances after the cancel: %+v", all)
	}
}

// fileOf reads the residence file: a refused workflow leaves it as it was.
func fileOf(t *testing.T, r *Residence) string {
	t.Helper()
	b, err := os.ReadFile(r.Path())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
