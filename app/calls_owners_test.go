package app

import (
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
)

// A sale recorded after the calls leaves the later ones asking the seller:
// they are listed until they are cancelled and generated again.
func TestMisdirectedCalls(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "1200"), bl("614000", "002", "400"))
	ex := year(t, r, 2025)
	plan, _ := r.PlanBudgetCalls(ex, 4)
	posted, err := r.PostCalls(plan)
	if err != nil {
		t.Fatal(err)
	}
	if list, err := r.MisdirectedCalls(ex); err != nil || len(list) != 0 {
		t.Fatalf("before the sale: %+v (%v)", list, err)
	}
	if _, err := r.SellLots(Sale{Lots: []string{"1"}, Date: ledger.Date(2025, 5, 20), Buyer: ledger.Owner{Name: "Acheteur Zoé"}, SellerLeaves: true}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	list, err := r.MisdirectedCalls(ex)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range list {
		got = append(got, m.Piece+":"+strings.Join(m.Owners, ","))
	}
	if strings.Join(got, " ") != "A2025-0003:450001 A2025-0004:450001" {
		t.Fatalf("misdirected: %v", got)
	}
	for _, c := range posted[2:] {
		if _, err := r.CancelCall(c.ID, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if list, err := r.MisdirectedCalls(ex); err != nil || len(list) != 0 {
		t.Errorf("after cancelling: %+v (%v)", list, err)
	}
	plan, err = r.PlanBudgetCalls(ex, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(err)
	}
	if list, err := r.MisdirectedCalls(ex); err != nil || len(list) != 0 {
		t.Errorf("after generating again: %+v (%v)", list, err)
	}
}
