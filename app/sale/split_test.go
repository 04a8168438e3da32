package sale_test

import (
	"testing"

	"tantieme/app"
	"tantieme/ledger"
)

// The sale of lot 1 (300 of the seller's 400 shares) on 15/05/2025, under
// both settings of the residence.
func TestSaleSplitSettings(t *testing.T) {
	for _, tc := range []struct {
		split         app.SaleSplit
		buyer         ledger.Amount
		sellerBalance ledger.Amount
		splitCalls    int
	}{
		// due: the call of 01/04 is the seller's whole; his account keeps
		// the 480,00 he owes (etat_date_test.go).
		{app.SaleSplitDue, 0, 48000, 0},
		// transfer: the call A2025-0003 of 01/04 (period 01/04–30/06, 91
		// days): lot 1's share 400,00 × 300/400 = 300,00; from 15/05 to
		// 30/06, 17 + 30 = 47 days to the buyer: 300 × 47/91 = 154,945…,
		// the seller's 300 × 44/91 = 145,054…: remainders ,945 and ,054,
		// the cent to the buyer: 154,95 + 145,05 = 300,00. The seller's
		// balance 480,00 − 154,95 = 325,05.
		{app.SaleSplitTransfer, 15495, 32505, 1},
	} {
		t.Run(string(tc.split), func(t *testing.T) {
			r := saleResidence(t)
			if err := r.SetSaleSplit(tc.split); err != nil {
				t.Fatal(err)
			}
			if s, err := r.SaleSplitSetting(); err != nil || s != tc.split {
				t.Fatalf("setting %q, %v", s, err)
			}
			res, err := r.SellLots(app.Sale{Lots: []string{"1"}, Date: day(5, 15), Buyer: ledger.Owner{Name: "Acheteur Zoé"}})
			if err != nil {
				t.Fatal(ledger.Message(err))
			}
			if len(res.Split) != tc.splitCalls || res.SellerBalance != tc.sellerBalance || res.Settled {
				t.Fatalf("split %+v, seller balance %s settled %v", res.Split, res.SellerBalance, res.Settled)
			}
			if tc.splitCalls == 1 {
				sc := res.Split[0]
				if sc.Piece != "A2025-0003" || sc.Days != 91 || sc.BuyerDays != 47 || sc.LotsAmount != 30000 || sc.Buyer != tc.buyer {
					t.Errorf("split %+v", sc)
				}
			}
			owners, err := r.OwnerSummaries(day(5, 15))
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range owners {
				if o.Account == res.Buyer.Account && o.Balance != tc.buyer {
					t.Errorf("buyer %s owes %s, want %s", o.Account, o.Balance, tc.buyer)
				}
			}
		})
	}
	r := saleResidence(t)
	if err := r.SetSaleSplit("prorata"); err == nil {
		t.Error("an unknown setting was accepted")
	}
}
