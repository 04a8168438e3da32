package app_test

import (
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/ledger"
)

// franchise is the insurer's refund passed through Mme Dupont's cheque of
// 350 € in these tests: 50 € to 713000 on key 001, 300 € to her charges.
var franchise = ledger.OtherPart{Account: "713000", Key: "001", Label: "Franchise dégât des eaux", Amount: euros("50")}

// splitCheque records Mme Dupont's cheque n° 4444444 of 350 € on 03/02/2025,
// 50 € of it to the insurer's refund.
func splitCheque(t *testing.T, r *app.Residence) int64 {
	t.Helper()
	return receiveOK(t, r, app.ReceiptInput{Owner: "450001", Amount: euros("350"), Date: isoDay("2025-02-03"), Cheque: "4444444",
		Others: []ledger.OtherPart{franchise}})
}

// A split receipt is read back with its other parts; a correction keeps
// them unless it says otherwise (ReplaceOthers), and a receipt recorded
// whole can be split afterwards, while it is on no slip.
func TestCorrectSplitReceipt(t *testing.T) {
	r := daybookResidence(t)
	before := problems(t, r)
	id := splitCheque(t, r)
	f, rc, err := r.ReceiptCorrectionForm(id)
	mustOK(t, err)
	if len(rc.Others) != 1 || rc.Others[0] != franchise {
		t.Fatalf("parts read back %+v, want %+v", rc.Others, franchise)
	}
	// Her balance without her share: A0001 (300) due again.
	if f.Balance != euros("300") {
		t.Errorf("balance without the receipt %s, want 300,00", f.Balance)
	}
	lower := ledger.OtherPart{Account: "713000", Key: "001", Label: "Franchise, part revue", Amount: euros("30")}
	for _, tc := range []struct {
		name    string
		in      app.ReceiptInput
		owner   string   // her share on 450001
		others  []string // account, key, amount of each other part
		letters string   // her calls matched (A0001 300, A0002 300, A0003 200): a group balances, 620 settles none
	}{
		{"cheque number only", app.ReceiptInput{Amount: euros("350"), Date: isoDay("2025-02-03"), Cheque: "4444445"}, "300", []string{"713000", "001", "50"}, "X.."},
		{"amount, parts kept", app.ReceiptInput{Amount: euros("650"), Date: isoDay("2025-02-04"), Cheque: "4444445"}, "600", []string{"713000", "001", "50"}, "XX."},
		{"part changed", app.ReceiptInput{Amount: euros("650"), Date: isoDay("2025-02-04"), Cheque: "4444445", Others: []ledger.OtherPart{lower}, ReplaceOthers: true},
			"620", []string{"713000", "001", "30"}, "..."},
		{"split undone", app.ReceiptInput{Amount: euros("650"), Date: isoDay("2025-02-04"), Cheque: "4444445", ReplaceOthers: true}, "650", nil, "..."},
		{"split afterwards", app.ReceiptInput{Amount: euros("650"), Date: isoDay("2025-02-04"), Cheque: "4444445", Others: []ledger.OtherPart{franchise}, ReplaceOthers: true},
			"600", []string{"713000", "001", "50"}, "XX."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := r.CorrectReceipt(id, tc.in)
			mustOK(t, err)
			want := []ledger.Line{debitLine("512001", "", tc.in.Amount.Plain()), creditLine("450001", "", tc.owner)}
			if tc.others != nil {
				want = append(want, creditLine(tc.others[0], tc.others[1], tc.others[2]))
			}
			checkEntry(t, entryOf(t, r, id), "BQ", want...)
			if got := calledLetters(t, r); got != tc.letters {
				t.Errorf("calls matched %s, want %s", got, tc.letters)
			}
			if len(res.Receipt.Others) != len(want)-2 {
				t.Errorf("the corrected receipt read back %+v", res.Receipt.Others)
			}
			checkSame(t, r, before)
		})
	}
	if got := entryOf(t, r, id).Lines[2].Label; got != franchise.Label {
		t.Errorf("label of the part %q", got)
	}
}

// Corrections of a split receipt that cannot be made leave the file as it
// was, byte for byte.
func TestCorrectSplitReceiptRefused(t *testing.T) {
	r := daybookResidence(t)
	id := splitCheque(t, r)
	deposited := receiveOK(t, r, app.ReceiptInput{Owner: "450002", Amount: euros("200"), Date: isoDay("2025-02-03"), Cheque: "77"})
	_, err := r.Deposit(app.DepositInput{Cheques: []int64{deposited}, Date: isoDay("2025-02-05")})
	mustOK(t, err)
	in := func(amount string, others ...ledger.OtherPart) app.ReceiptInput {
		return app.ReceiptInput{Amount: euros(amount), Date: isoDay("2025-02-03"), Cheque: "4444444", Others: others, ReplaceOthers: others != nil}
	}
	for _, tc := range []struct {
		name string
		id   int64
		in   app.ReceiptInput
		want string
	}{
		{"the parts kept take it all", id, in("50"), "il doit rester une part pour le copropriétaire"},
		{"part to an owner", id, in("350", ledger.OtherPart{Account: "450002", Amount: euros("10")}), "450002 est un compte de copropriétaire"},
		{"part without key", id, in("350", ledger.OtherPart{Account: "713000", Amount: euros("10")}), "doit porter une clé de répartition"},
		{"part to a bank", id, in("350", ledger.OtherPart{Account: "512002", Amount: euros("10")}), "512002 est un compte de trésorerie"},
		{"on a slip", deposited, app.ReceiptInput{Amount: euros("200"), Date: isoDay("2025-02-03"), Cheque: "77", Others: []ledger.OtherPart{franchise}, ReplaceOthers: true},
			"annulez d'abord la remise"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := fileBytes(t, r)
			_, err := r.CorrectReceipt(tc.id, tc.in)
			if err == nil || !strings.Contains(ledger.Message(err), tc.want) {
				t.Fatalf("%v, want %q", err, tc.want)
			}
			if fileBytes(t, r) != before {
				t.Error("a refused correction changed the file")
			}
		})
	}
}

// A split cheque returned unpaid: the bank takes back the whole 350 €; her
// 450 gets back her 300 € share (A0001 due again) and the 15 € fee, and
// the insurer's 50 € leave 713000 on its key — not charged to her.
func TestBounceOfSplitCheque(t *testing.T) {
	for _, via := range []bool{false, true} {
		t.Run(map[bool]string{false: "direct", true: "via 511"}[via], func(t *testing.T) {
			r := daybookResidence(t)
			mustOK(t, r.SetDaybookSettings(app.DaybookSettings{ChequesVia511: via}))
			before := problems(t, r)
			id := splitCheque(t, r)
			_, err := r.Deposit(app.DepositInput{Cheques: []int64{id}, Date: isoDay("2025-02-05")})
			mustOK(t, err)
			if b := balanceAt(t, r, "713000", "2025-02-05"); b != euros("-50") {
				t.Fatalf("713000 after the deposit %s", b)
			}
			res, err := r.Bounce(app.BounceInput{Receipt: id, Date: isoDay("2025-02-20"), Penalty: euros("15")})
			mustOK(t, err)
			e := entryOf(t, r, res.Entry.ID)
			checkEntry(t, e, "BQ", debitLine("450001", "", "300"), debitLine("713000", "001", "50"), creditLine("512001", "", "350"),
				debitLine("450001", "", "15"), creditLine("714000", "001", "15"))
			if got := e.Lines[1].Label; got != "Chèque impayé n° 4444444 – Mme Dupont Zoé – Franchise dégât des eaux" {
				t.Errorf("label of the reversed part %q", got)
			}
			for _, tc := range []struct{ account, want string }{{"450001", "315"}, {"713000", "0"}, {"512001", "0"}, {"714000", "-15"}} {
				if b := balanceAt(t, r, tc.account, "2025-02-20"); b != euros(tc.want) {
					t.Errorf("%s at 20/02: %s, want %s", tc.account, b, tc.want)
				}
			}
			if res.Balance != euros("315") {
				t.Errorf("her balance said %s", res.Balance)
			}
			if l := letterOf(t, r, "450001", "A0001"); l != "" {
				t.Errorf("A0001 still matched %q", l)
			}
			recv := letterOf(t, r, "450001", "B2025-0001")
			if recv == "" || recv != letterOf(t, r, "450001", e.Piece) {
				t.Errorf("her share %q not matched with its reversal %q", recv, letterOf(t, r, "450001", e.Piece))
			}
			checkSame(t, r, before)
		})
	}
}
