package sale_test

import (
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/sale"
	"tantieme/ledger"
)

// The demo's late payer 450004 (lot 2, his only lot), the budget's calls
// of July and October not posted: put on notice on 02/05/2025 (received
// 05/05), a registered letter of 15,00 € charged to him on 06/05, the
// remaining provisions demanded on 10/06 (art. 19-2). On 15/06/2025 his
// état daté says each.
func TestEtatDateAfterRecovery(t *testing.T) {
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	calls, err := r.CallList(ex)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(calls) - 1; i >= 0; i-- {
		if c := calls[i]; c.Kind == ledger.BudgetCall && c.Number >= 3 {
			if _, err := r.CancelCall(c.ID, time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := r.SendFormalNotice(app.FormalNoticeOptions{Owner: "450004", Date: day(5, 2)}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := r.RecordFormalNoticeService("450004", day(5, 5), false, ""); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := r.ChargeRecoveryCost(app.RecoveryCost{Owner: "450004", Date: day(5, 6), Amount: 1500, Label: "Lettre recommandée", Account: "621300"}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	a, err := r.Accelerate("450004", day(6, 10))
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	d, err := sale.Make(r, sale.Request{Lots: []string{"2"}, At: day(6, 15), Buyer: "450004"})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	// Owed: the call of 01/04, 543,26 + 32,44 (paid only on 27/06), the
	// letter 15,00 and the provisions of July and October made due,
	// a.Total (2 × 543,26 = 1 086,52): 575,70 + 15,00 + 1 086,52 = 1 677,22.
	if a.Total != 108652 || len(d.Calls) != 2 || len(d.Costs) != 1 || d.Costs[0].Owed != 1500 || d.Accelerated != 108652 || d.SellerOwes != 167722 {
		t.Errorf("acceleration %s; calls %+v, costs %+v, accelerated %s, seller owes %s", a.Total, d.Calls, d.Costs, d.Accelerated, d.SellerOwes)
	}
	// The budget's later calls leave him out (they were demanded): the
	// buyer will owe the works fund's of July and October only, 2 × 32,44.
	if d.BuyerWillOwe != 6488 {
		t.Errorf("buyer will owe %s, want 64,88: %+v", d.BuyerWillOwe, d.Future)
	}
	// He is himself under a notice unanswered 41 days (05/05 → 15/06):
	// not yet the 45 of art. 20 II.
	if d.Buyer == nil || !d.Buyer.Owner || d.Buyer.Opposable {
		t.Errorf("buyer answer %+v", d.Buyer)
	}
}

// An owner who paid more than he owed: the syndicat owes him the credit
// and his advance.
func TestEtatDateOverpayment(t *testing.T) {
	r := saleResidence(t)
	if _, err := r.Receive(app.ReceiptInput{Owner: "450002", Amount: 500000, Date: day(2, 10), Mode: ledger.ByTransfer}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	d, err := sale.Make(r, sale.Request{Lots: []string{"2"}, At: day(5, 15)})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	// 450002, 600/1000: budget 600 ×2, fund 60 ×2, advance 300 = 1 620,00
	// due by 15/05; paid 5 000,00: a credit of 3 380,00; with his advance
	// of 300,00 the syndicat owes him 3 680,00; he owes nothing.
	if d.Overpayment != 338000 || d.SyndicatOwes != 368000 || d.SellerOwes != 0 || len(d.Calls) != 0 {
		t.Errorf("overpayment %s, syndicat owes %s, seller owes %s, calls %+v", d.Overpayment, d.SyndicatOwes, d.SellerOwes, d.Calls)
	}
}
