package sale_test

import (
	"strings"
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/sale"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

func day(m time.Month, d int) time.Time { return ledger.Date(2025, m, d) }

// saleResidence is a small residence built for the état daté:
//   - lot 1 (450001, the seller) 300/1000 on key 001, lot 3 (450001) 100,
//     lot 2 (450002) 600; the budget 2025: 4 000,00 € on 001, four calls;
//   - the works fund 2025: 400,00 € on 001, called with the budget;
//   - an advance (fonds de roulement) of 500,00 € on 001 due 01/02/2025;
//   - works ETA voted 2 000,00 € on 001, due 01/09/2025 and 01/03/2026,
//     neither called;
//   - the seller pays 600,00 € on 10/02/2025.
//
// All four quarters of the budget and the fund are posted at once (the
// syndic posts the year's calls in January).
func saleResidence(t *testing.T) *app.Residence {
	t.Helper()
	r := apptest.Calls(t, []apptest.Lot{
		{Number: "1", Owner: "450001", Shares: map[string]string{"001": "300"}},
		{Number: "2", Owner: "450002", Shares: map[string]string{"001": "600"}},
		{Number: "3", Owner: "450001", Shares: map[string]string{"001": "100"}},
	}, apptest.Budget("614000", "001", "4000.00"))
	ex := apptest.Year(t, r, 2025)
	if _, err := r.SetWorksFund(ex, 40000, "001"); err != nil {
		t.Fatal(err)
	}
	post := func(p *app.CallPlan, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(ledger.Message(err))
		}
		if p.Blocked() {
			t.Fatal(ledger.Message(p.Err()))
		}
		if _, err := r.PostCalls(p); err != nil {
			t.Fatal(ledger.Message(err))
		}
	}
	post(r.PlanBudgetCalls(ex, 4))
	post(r.PlanOneOffCall(app.OneOffRequest{Key: "001", Amount: 50000, Due: day(2, 1), Label: "Fonds de roulement", Account: "103100"}))
	if err := r.CreateWorks(ledger.Works{Code: "ETA", Label: "Étanchéité", Type: ledger.Art142Works, AGDate: day(1, 15), Voted: 200000,
		End: ledger.Date(2026, 6, 30), Keys: []ledger.WorksKey{{Key: "001", Amount: 200000}}},
		&app.WorksSchedule{Count: 2, First: day(9, 1), EveryMonths: 6}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := r.Receive(app.ReceiptInput{Owner: "450001", Amount: 60000, Date: day(2, 10), Mode: ledger.ByTransfer}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	return r
}

// The état daté of lot 1 alone on 15/05/2025, every figure by hand.
func TestEtatDateFigures(t *testing.T) {
	r := saleResidence(t)
	d, err := sale.Make(r, sale.Request{Lots: []string{"1"}, At: day(5, 15), Fee: 25000})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	// The seller 450001 holds 400/1000 (lots 1 and 3). Due by 15/05:
	//   budget 01/01 and 01/04: 4 000 / 4 × 400/1000 = 400,00 each;
	//   fund   01/01 and 01/04:   400 / 4 × 400/1000 =  40,00 each;
	//   advance 01/02: 500 × 400/1000 = 200,00.
	// Debits 400 + 40 + 200 + 400 + 40 = 1 080,00; paid 600,00 oldest
	// first: 01/01 budget 400 and fund 40 settled, 160 on the advance
	// (40,00 left), the April calls whole: owed 40 + 400 + 40 = 480,00.
	if d.Seller.Account != "450001" || d.Balance != 48000 {
		t.Fatalf("seller %s balance %s, want 450001 480,00", d.Seller.Account, d.Balance)
	}
	var owed []string
	for _, c := range d.Calls {
		owed = append(owed, c.Due.Format("01-02")+" "+string(c.Kind)+" "+c.Owed.Plain())
	}
	if got := strings.Join(owed, "; "); got != "02-01 advance 40.00; 04-01 budget 400.00; 04-01 fund 40.00" {
		t.Errorf("calls owed: %s", got)
	}
	// Part 1: 480,00 + the fee 250,00 not posted = 730,00.
	if d.SellerOwes != 73000 || d.Earlier != 0 {
		t.Errorf("seller owes %s (earlier %s), want 730,00", d.SellerOwes, d.Earlier)
	}
	// Part 2: his advance, 200,00 (it follows the owner); no credit.
	if d.SyndicatOwes != 20000 || len(d.Advances) != 1 || d.Advances[0].Account != "103100" {
		t.Errorf("syndicat owes %s %+v, want 200,00 on 103100", d.SyndicatOwes, d.Advances)
	}
	// Part 3, lot 1's share (300 of his 400 shares, of 1 000):
	//   budget 01/07 and 01/10 posted: 400,00 × 300/400 = 300,00 each;
	//   fund   01/07 and 01/10 posted:  40,00 × 300/400 =  30,00 each;
	//   works ETA 01/09/2025 and 01/03/2026 not called: 1 000,00 × 300/1000 = 300,00 each.
	// 300 + 30 + 300 + 300 + 30 + 300 = 1 260,00.
	if d.BuyerWillOwe != 126000 || len(d.Future) != 6 {
		t.Errorf("buyer will owe %s in %d calls, want 1 260,00 in 6: %+v", d.BuyerWillOwe, len(d.Future), d.Future)
	}
	// Works fund at 15/05: two quarters called, 2 × 100,00 = 200,00;
	// lot 1: 200 × 300/1000 = 60,00. The budget: 4 000 × 300/1000 = 1 200,00.
	if d.WorksFund != 20000 || d.WorksFundShare != 6000 {
		t.Errorf("works fund %s, share %s; want 200,00 and 60,00", d.WorksFund, d.WorksFundShare)
	}
	if d.Budget.Total != 120000 {
		t.Errorf("budget share %s, want 1 200,00", d.Budget.Total)
	}
	if len(d.Lots) != 1 || d.Lots[0].Shares.String() != "300" || d.KeyTotal.String() != "1000" {
		t.Errorf("lots %+v / %s", d.Lots, d.KeyTotal)
	}

	pdf, err := d.PDF(day(5, 16))
	if err != nil {
		t.Fatal(err)
	}
	text := ledgertest.Flat(ledgertest.PDF(t, pdf, "-layout"))
	for _, want := range []string{"État daté", "Première partie", "730,00", "Deuxième partie", "200,00", "Troisième partie", "1 260,00",
		"ne sont pas remboursées au vendeur", "14-2-1", "60,00", "1 200,00", "Honoraires de l'état daté", "300 / 1 000",
		"possède aussi le lot 3, qu'il garde"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
}

// Both lots of the seller: the shares add up; the calls already posted
// are his whole parts.
func TestEtatDateTwoLots(t *testing.T) {
	r := saleResidence(t)
	d, err := sale.Make(r, sale.Request{Lots: []string{"1", "3", "1"}, At: day(5, 15)})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	// Part 3, 400/1000: budget 400 + fund 40, twice = 880,00; works
	// 1 000 × 400/1000 = 400,00 twice = 800,00: 1 680,00. Fund 200 × 0,4 = 80,00.
	if d.BuyerWillOwe != 168000 || d.WorksFundShare != 8000 || d.SellerOwes != 48000 || len(d.Lots) != 2 {
		t.Errorf("two lots: buyer %s, fund %s, seller %s, lots %d", d.BuyerWillOwe, d.WorksFundShare, d.SellerOwes, len(d.Lots))
	}
	// Lots of two owners are two sales.
	if _, err := sale.Make(r, sale.Request{Lots: []string{"1", "2"}, At: day(5, 15)}); err == nil || !strings.Contains(ledger.Message(err), "même propriétaire") {
		t.Errorf("two sellers: %v", err)
	}
	if _, err := sale.Make(r, sale.Request{Lots: []string{"9"}, At: day(5, 15)}); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("unknown lot: %v", err)
	}
}

// The fee: 380,00 € TTC per sale at most; posted, it is in the seller's
// account once, not twice.
func TestEtatDateFee(t *testing.T) {
	r := saleResidence(t)
	for _, tc := range []struct {
		fee ledger.Amount
		ok  bool
	}{{38000, true}, {38001, false}, {-1, false}, {0, true}} {
		err := sale.CheckFee(tc.fee)
		if (err == nil) != tc.ok {
			t.Errorf("fee %s: %v", tc.fee, err)
		}
		if err != nil && tc.fee > 0 && !strings.Contains(ledger.Message(err), "380,00") {
			t.Errorf("the refusal does not name the ceiling: %s", ledger.Message(err))
		}
	}
	if _, err := sale.Make(r, sale.Request{Lots: []string{"1", "3"}, At: day(5, 15), Fee: 38001}); err == nil {
		t.Error("a fee above the ceiling was accepted for two lots")
	}
	e, err := sale.ChargeFee(r, []string{"1"}, day(5, 15), 38000)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if len(e.Lines) != 2 || e.Lines[0].Account != "450001" || e.Lines[0].Debit != 38000 || e.Lines[1].Account != sale.FeeAccount || e.Lines[1].Credit != 38000 {
		t.Errorf("fee entry %+v", e.Lines)
	}
	d, err := sale.Make(r, sale.Request{Lots: []string{"1"}, At: day(5, 15), Fee: 38000, FeePosted: true})
	if err != nil {
		t.Fatal(err)
	}
	// 480,00 + 380,00 = 860,00, the fee among the other sums.
	if d.SellerOwes != 86000 || len(d.Others) != 1 || d.Others[0].Owed != 38000 {
		t.Errorf("seller owes %s, others %+v; want 860,00 with the fee", d.SellerOwes, d.Others)
	}
}

// The art. 20 II answer: an owner whose mise en demeure is unanswered
// more than 45 days may be opposed; another, or a stranger, may not.
func TestEtatDateBuyer(t *testing.T) {
	r := saleResidence(t)
	// 450002 pays nothing: the notice of 01/03 served on 03/03 is
	// unanswered 73 days on 15/05 (28 + 31 + 14), 27 on 30/03.
	if _, err := r.SendFormalNotice(app.FormalNoticeOptions{Owner: "450002", Date: day(3, 1)}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := r.RecordFormalNoticeService("450002", day(3, 3), false, ""); err != nil {
		t.Fatal(ledger.Message(err))
	}
	for _, tc := range []struct {
		who       string
		at        time.Time
		owner     bool
		opposable bool
		says      string
	}{
		{"450002", day(5, 15), true, true, "le syndic peut s'opposer"},
		{"Propriétaire 002", day(5, 15), true, true, "le syndic peut s'opposer"},
		{"450002", day(3, 30), true, false, "n'a pas d'opposition"},
		{"450001", day(5, 15), true, false, "n'a pas d'opposition"},
		{"Jeanne  Martin", day(5, 15), false, false, "n'est pas copropriétaire"},
	} {
		a, err := sale.AnswerBuyer(r, tc.who, tc.at)
		if err != nil {
			t.Fatal(ledger.Message(err))
		}
		if a.Owner != tc.owner || a.Opposable != tc.opposable || !strings.Contains(a.Text, tc.says) {
			t.Errorf("%s at %s: %+v", tc.who, ledger.FrenchDate(tc.at), a)
		}
	}
	for _, bad := range []string{"450099", "a\x07b", strings.Repeat("x", 121)} {
		if _, err := sale.AnswerBuyer(r, bad, day(5, 15)); err == nil {
			t.Errorf("buyer %q accepted", bad)
		}
	}
	// The pre-sale sheet carries the answer and the procedures typed.
	if err := sale.SetProcedures(r, "Assignation de l'entreprise Toitures du Dauphiné (TJ Grenoble, RG 25/01234)\r\n\nExpertise judiciaire en cours"); err != nil {
		t.Fatal(err)
	}
	d, err := sale.Make(r, sale.Request{Lots: []string{"2"}, At: day(5, 15), Pre: true, Buyer: "450002"})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	pdf, err := d.PDF(day(5, 16))
	if err != nil {
		t.Fatal(err)
	}
	text := ledgertest.Flat(ledgertest.PDF(t, pdf, "-layout"))
	for _, want := range []string{"Pré-état daté", "L. 721-2", "le syndic peut s'opposer", "RG 25/01234) ; Expertise judiciaire", "Quote-part des lots dans le budget prévisionnel 2025"} {
		if !strings.Contains(text, want) {
			t.Errorf("the pre-sale sheet lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Troisième partie") {
		t.Error("the pre-sale sheet has the état daté's third part")
	}
}
