package closing

import (
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
)

// Annexe 1 reads the advances from 103: an advance call of 1 000,00 € on
// 103100, 40,00 € of it paid back to 450001, leaves 960,00 € on the row
// « 1031 Avances de trésorerie », the owners' side moved by as much, and
// the two totals still agree.
func TestAnnexe1Advances(t *testing.T) {
	r := apptest.Calls(t, []apptest.Lot{
		{Number: "1", Owner: "450001", Shares: map[string]string{"001": "600"}},
		{Number: "2", Owner: "450002", Shares: map[string]string{"001": "400"}},
	})
	plan, err := r.PlanOneOffCall(app.OneOffRequest{Key: "001", Amount: ledger.MustAmount("1000.00"), Due: ledger.Date(2025, 2, 1),
		Label: "Fonds de roulement", Account: "103100"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := r.RepayAdvance("450001", "", ledger.Date(2025, 6, 1), ledger.MustAmount("40.00")); err != nil {
		t.Fatal(ledger.Message(err))
	}
	d, err := Annexes(r, apptest.Year(t, r, 2025))
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	rows := map[string]ledger.Amount{}
	for _, l := range d.A1.Right {
		rows[l.Code] += l.Values[1]
	}
	if rows["1031"] != ledger.MustAmount("960.00") {
		t.Errorf("row 1031: %s, want 960,00 € (rows %v)", rows["1031"], rows)
	}
	// Owed by the owners: 600,00 − 40,00 and 400,00, on the assets' side.
	left := map[string]ledger.Amount{}
	for _, l := range d.A1.Left {
		left[l.Code] += l.Values[1]
	}
	if left["45"] != ledger.MustAmount("960.00") {
		t.Errorf("row 45 (owners owing): %s, want 960,00 €", left["45"])
	}
	if d.A1.TotalLeft != d.A1.TotalRight {
		t.Errorf("totals %v and %v", d.A1.TotalLeft, d.A1.TotalRight)
	}
	if f := d.Failed(); len(f) != 0 {
		t.Errorf("checks fail: %+v", f)
	}
}

// A one-off call on 701 (an exceptional call of the budget) is a provision
// of current operations: the closing gives it back to those it was called
// from, on its key. 300,00 € on 600/400 tantièmes: 180,00 € and 120,00 €;
// no charges, so each gets his provision back.
func TestClosingCountsOneOffCallOn701(t *testing.T) {
	r := apptest.Calls(t, []apptest.Lot{
		{Number: "1", Owner: "450001", Shares: map[string]string{"001": "600"}},
		{Number: "2", Owner: "450002", Shares: map[string]string{"001": "400"}},
	})
	plan, err := r.PlanOneOffCall(app.OneOffRequest{Key: "001", Amount: ledger.MustAmount("300.00"), Due: ledger.Date(2025, 3, 1),
		Label: "Appel exceptionnel (AG du 20/02/2025)", Account: "701000"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(ledger.Message(err))
	}
	p, err := Prepare(r, apptest.Year(t, r, 2025), Options{})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if p.Blocked() {
		t.Fatalf("closing blocked: %v", p.Problems)
	}
	want := map[string]ledger.Amount{"450001": ledger.MustAmount("180.00"), "450002": ledger.MustAmount("120.00")}
	for _, o := range p.Owners {
		if o.Provisions != want[o.Account] || o.Regularisation != -want[o.Account] {
			t.Errorf("%s: provisions %s, régularisation %s, want %s given back", o.Account, o.Provisions, o.Regularisation, want[o.Account])
		}
	}
	if len(p.Owners) != 2 {
		t.Errorf("%d owners in the closing", len(p.Owners))
	}
}
