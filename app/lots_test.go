package app

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

func TestLotSummariesAndCard(t *testing.T) {
	r := writeDemo(t)
	before := demoSale.AddDate(0, 0, -1)
	list, err := r.LotSummaries(before)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 22 {
		t.Fatalf("%d lots, want 22", len(list))
	}
	five := list[4]
	if five.Number != "5" || five.Holder.Account != DemoSeller || five.Next == nil || five.Next.Owner != DemoBuyer ||
		!five.Next.From.Equal(demoSale) || five.GeneralShares().String() != "75" {
		t.Errorf("lot 5 before the sale = %+v", five)
	}
	list, err = r.LotSummaries(demoSale)
	if err != nil {
		t.Fatal(err)
	}
	if five := list[4]; five.Holder.Account != DemoBuyer || five.Next != nil || !five.Since.Equal(demoSale) {
		t.Errorf("lot 5 on the sale day = %+v", five)
	}

	c, err := r.LotCard("5", demoSale)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.History) != 2 || c.Current != 1 || c.History[0].Holder.Account != DemoSeller ||
		!c.History[0].Until.Equal(before) || !c.History[1].Until.IsZero() {
		t.Errorf("history of lot 5 = %+v (current %d)", c.History, c.Current)
	}
	if !c.HasShares() || len(c.Keys) != 4 || c.Keys[1].Shares.String() != "66" {
		t.Errorf("shares of lot 5 = %+v", c.Keys)
	}
	if _, err := r.LotCard("99", demoSale); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("card of a lot that does not exist: %v", err)
	}
}

func TestSellLots(t *testing.T) {
	r := writeDemo(t)
	date := ledger.Date(2025, 9, 1)
	// Lot 7 and cellar 17 belong to 450008, who also owns parking 21.
	res, err := r.SellLots(Sale{Lots: []string{"7", "17"}, Date: date, Buyer: ledger.Owner{Name: "Nouvel Acquéreur"}, SellerLeaves: true})
	if err == nil || !strings.Contains(ledger.Message(err), "garde encore un ou des lots (21)") {
		t.Fatalf("the seller keeping a lot left anyway: %v", err)
	}
	view(t, r, func(tx *ledger.Tx) error {
		owners, err := tx.Owners()
		for _, o := range owners {
			if o.Name == "Nouvel Acquéreur" {
				t.Errorf("a refused sale created the buyer")
			}
		}
		return err
	})

	res, err = r.SellLots(Sale{Lots: []string{"7", "17", "21"}, Date: date, Buyer: ledger.Owner{Name: "Nouvel Acquéreur"}, SellerLeaves: true})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if !res.NewBuyer || res.Buyer.Account == "" || res.Seller.Account != demoTwice || !res.Buyer.EntryDate.Equal(date) {
		t.Errorf("result = %+v", res)
	}
	view(t, r, func(tx *ledger.Tx) error {
		seller, err := tx.Owner(demoTwice)
		if err != nil {
			return err
		}
		if seller.Name == "Nouvel Acquéreur" || !seller.ExitDate.Equal(date) {
			t.Errorf("seller after the sale = %+v", seller)
		}
		hist, err := tx.LotHistory("7")
		if err != nil {
			return err
		}
		if len(hist) != 2 || hist[0].Owner != demoTwice || hist[1].Owner != res.Buyer.Account || !hist[1].From.Equal(date) {
			t.Errorf("history of lot 7 = %+v", hist)
		}
		return nil
	})

	for _, bad := range []struct {
		sale Sale
		want string
	}{
		{Sale{Lots: []string{"1"}, Buyer: ledger.Owner{Name: "X"}}, "La date de la vente est obligatoire"},
		{Sale{Lots: []string{"1", "2"}, Date: date, Buyer: ledger.Owner{Name: "X"}}, "n'ont pas le même propriétaire"},
		{Sale{Lots: []string{"1"}, Date: date, Buyer: ledger.Owner{Account: "450003"}}, "un autre copropriétaire que le vendeur"},
		{Sale{Lots: []string{"1"}, Date: ledger.Date(2019, 1, 1), Buyer: ledger.Owner{Name: "X"}}, "n'appartient à aucun exercice"},
		{Sale{Lots: []string{"7"}, Date: ledger.Date(2025, 8, 1), Buyer: ledger.Owner{Account: "450001"}}, "doit être datée après le 01/09/2025"},
		{Sale{Lots: []string{"1"}, Date: date, Buyer: ledger.Owner{}}, "Le nom du copropriétaire est obligatoire"},
	} {
		if _, err := r.SellLots(bad.sale); !strings.Contains(ledger.Message(err), bad.want) {
			t.Errorf("sale %+v: %v, want %q", bad.sale, err, bad.want)
		}
	}
}

func TestParseShares(t *testing.T) {
	for in, want := range map[string]string{"125": "125", "12,5": "12.5", "1 000": "1000", "1\u202f000,25": "1000.25", " 7.5 ": "7.5", "": "0"} {
		got, err := ParseShares(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseShares(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"abc", "-5", "1e3", "12,5,3"} {
		if _, err := ParseShares(in); ledger.KindOf(err) != ledger.Invalid {
			t.Errorf("ParseShares(%q) accepted: %v", in, err)
		}
	}
}

func TestFillKey(t *testing.T) {
	r := writeDemo(t)
	if err := r.Update(func(tx *ledger.Tx) error { return tx.AddKey(ledger.Key{Code: "005", Label: "Interphone bâtiment B"}) }); err != nil {
		t.Fatal(err)
	}
	k, err := r.FillKey(KeyFill{Key: "005", Lots: []string{"10", "11", "12", "13"}, FromKey: "001", SetDeclared: true})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if k.SumOfShares.String() != "247" || !k.Matches() || k.Lots != 4 { // 52 + 70 + 71 + 54
		t.Errorf("key 005 copied from 001 = %+v", k)
	}
	k, err = r.FillKey(KeyFill{Key: "005", Lots: []string{"10", "11"}, Value: decimal.NewFromInt(1), ClearOthers: true})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if k.SumOfShares.String() != "2" || k.Lots != 2 || k.Matches() {
		t.Errorf("key 005 set to 1 for two lots = %+v", k)
	}
	for _, bad := range []KeyFill{
		{Key: "005", Lots: []string{"10"}},
		{Key: "005"},
		{Key: "005", Lots: []string{"10"}, FromKey: "005"},
		{Key: "099", Lots: []string{"10"}, Value: decimal.NewFromInt(1)},
	} {
		if _, err := r.FillKey(bad); err == nil {
			t.Errorf("FillKey(%+v) accepted", bad)
		}
	}

	if err := r.SetLotShares("10", map[string]decimal.Decimal{"002": decimal.NewFromInt(40), "005": decimal.Zero}); err != nil {
		t.Fatal(err)
	}
	c, err := r.LotCard("10", demoSale)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range c.Keys {
		if (k.Code == "002" && k.Shares.String() != "40") || (k.Code == "005" && !k.Shares.IsZero()) {
			t.Errorf("lot 10 in key %s: %s", k.Code, k.Shares)
		}
	}
}

func TestChart(t *testing.T) {
	r := writeDemo(t)
	list, err := r.Chart()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]AccountKind{}
	for _, a := range list {
		kinds[a.Code] = a.Kind
		if a.Parent.Number == "" {
			t.Errorf("account %s has no official parent", a.Code)
		}
	}
	for code, want := range map[string]AccountKind{"701000": AccountOfficial, "450001": AccountOwner, "401001": AccountSupplier, "512001": AccountBank} {
		if kinds[code] != want {
			t.Errorf("kind of %s = %d, want %d", code, kinds[code], want)
		}
	}
	for code, want := range map[string]string{"614100": "614", "121000": "121", "120500": "120", "103100": "1031", "103500": "103", "531000": "531"} {
		if p, ok := OfficialParent(code); !ok || p.Number != want {
			t.Errorf("parent of %s = %q, want %s", code, p.Number, want)
		}
	}
	if _, ok := OfficialParent("999999"); ok {
		t.Errorf("999999 has an official parent")
	}
}

func TestSupplierSummaries(t *testing.T) {
	r := writeDemo(t)
	list, err := r.SupplierSummaries(demoEnd)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 9 {
		t.Fatalf("%d suppliers, want 9", len(list))
	}
	c, err := r.SupplierCard(list[0].Account, ledger.Exercise{Start: demoStart, End: demoEnd}, demoEnd)
	if err != nil {
		t.Fatal(err)
	}
	if c.Supplier.Account != list[0].Account || len(c.Statement.Lines) == 0 || c.Statement.Closing != list[0].Balance {
		t.Errorf("card of %s: %d lines, closing %s, list says %s", list[0].Account, len(c.Statement.Lines), c.Statement.Closing, list[0].Balance)
	}
}
