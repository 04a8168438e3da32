package app_test

import (
	"fmt"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/ledger"
)

// calledLetters says which of 450001's calls (A0001 300, A0002 300, A0003
// 200) are matched: "X.." is the first only.
func calledLetters(t *testing.T, r *app.Residence) string {
	t.Helper()
	out := ""
	for _, piece := range []string{"A0001", "A0002", "A0003"} {
		if letterOf(t, r, "450001", piece) != "" {
			out += "X"
		} else {
			out += "."
		}
	}
	return out
}

// A receipt corrected keeps its number and piece; the matching it was part
// of is undone and done again with the new amount, oldest first.
func TestCorrectReceiptRematches(t *testing.T) {
	r := daybookResidence(t)
	res, err := r.Receive(app.ReceiptInput{Owner: "450001", Amount: euros("300"), Date: isoDay("2025-07-10"), Cheque: "1001"})
	mustOK(t, err)
	if got := calledLetters(t, r); got != "X.." {
		t.Fatalf("after the receipt: %s", got)
	}
	for _, tc := range []struct {
		amount, letters, balance string
		mode                     ledger.PaymentMode
		cheque                   string
	}{
		{"600", "XX.", "200", ledger.ByCheque, "1002"},
		{"100", "...", "700", ledger.ByTransfer, ""},
		{"800", "XXX", "0", ledger.ByCash, ""},
	} {
		fixed, err := r.CorrectReceipt(res.Entry.ID, app.ReceiptInput{Amount: euros(tc.amount), Date: isoDay("2025-07-12"), Mode: tc.mode, Cheque: tc.cheque})
		mustOK(t, err)
		if fixed.Entry.ID != res.Entry.ID || fixed.Entry.Piece != res.Entry.Piece {
			t.Errorf("%s: entry %d %s, want %d %s", tc.amount, fixed.Entry.ID, fixed.Entry.Piece, res.Entry.ID, res.Entry.Piece)
		}
		checkEntry(t, entryOf(t, r, res.Entry.ID), "BQ", debitLine("512001", "", tc.amount), creditLine("450001", "", tc.amount))
		if got := calledLetters(t, r); got != tc.letters {
			t.Errorf("%s: calls matched %s, want %s", tc.amount, got, tc.letters)
		}
		if fixed.Balance != euros(tc.balance) {
			t.Errorf("%s: balance %s, want %s", tc.amount, fixed.Balance, tc.balance)
		}
		rs, err := r.OwnerReceipts("450001")
		mustOK(t, err)
		if len(rs) != 1 || rs[0].Mode != tc.mode || rs[0].Cheque != tc.cheque || rs[0].Amount != euros(tc.amount) || !rs[0].Date.Equal(isoDay("2025-07-12")) {
			t.Errorf("%s: receipts %+v", tc.amount, rs)
		}
	}
}

// A receipt deleted takes its matching with it: the call it settled is
// due again; the other payments keep the calls they settled (a group the
// syndic matched by hand is not undone behind his back), and what they left
// unmatched is matched again oldest first.
func TestDeleteReceiptRematches(t *testing.T) {
	r := daybookResidence(t)
	first, err := r.Receive(app.ReceiptInput{Owner: "450001", Amount: euros("300"), Date: isoDay("2025-07-10"), Cheque: "1001"})
	mustOK(t, err)
	_, err = r.Receive(app.ReceiptInput{Owner: "450001", Amount: euros("300"), Date: isoDay("2025-07-11"), Mode: ledger.ByTransfer})
	mustOK(t, err)
	if got := calledLetters(t, r); got != "XX." {
		t.Fatalf("after two receipts: %s", got)
	}
	gone, err := r.DeleteReceipt(first.Entry.ID)
	mustOK(t, err)
	if got := calledLetters(t, r); got != ".X." {
		t.Errorf("after the deletion: calls matched %s, want .X.", got)
	}
	if gone.Receipt.Amount != euros("300") || gone.Balance != euros("800") {
		t.Errorf("result %+v", gone)
	}
	rs, err := r.OwnerReceipts("450001")
	mustOK(t, err)
	if len(rs) != 1 || rs[0].Mode != ledger.ByTransfer {
		t.Errorf("receipts left: %+v", rs)
	}
	if _, err := r.DeleteReceipt(first.Entry.ID); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("deleting it twice: %v", err)
	}
}

// A cheque on a deposit slip, or returned unpaid, stays as printed: its
// correction and its deletion are refused with a message that says what to
// do, and nothing in the file changes.
func TestCorrectReceiptRefusesDepositedOrBounced(t *testing.T) {
	r := daybookResidence(t)
	dep, err := r.Receive(app.ReceiptInput{Owner: "450001", Amount: euros("300"), Date: isoDay("2025-07-10"), Cheque: "1001"})
	mustOK(t, err)
	_, err = r.Deposit(app.DepositInput{Cheques: []int64{dep.Entry.ID}, Date: isoDay("2025-07-15")})
	mustOK(t, err)
	vir, err := r.Receive(app.ReceiptInput{Owner: "450002", Amount: euros("200"), Date: isoDay("2025-07-10"), Mode: ledger.ByTransfer})
	mustOK(t, err)
	_, err = r.Bounce(app.BounceInput{Receipt: vir.Entry.ID, Date: isoDay("2025-07-20")})
	mustOK(t, err)

	state := func() string {
		var b strings.Builder
		for _, acc := range []string{"450001", "450002", "512001"} {
			for _, l := range accountLines(t, r, acc) {
				fmt.Fprintf(&b, "%d %s %s %s %s %s\n", l.EntryID, l.Account, l.Debit, l.Credit, l.Letter, l.Piece)
			}
		}
		for _, o := range []string{"450001", "450002"} {
			rs, err := r.OwnerReceipts(o)
			mustOK(t, err)
			fmt.Fprintf(&b, "%+v\n", rs)
		}
		mustOK(t, r.View(func(tx *ledger.Tx) error {
			f, err := app.FingerprintText(tx, ledger.Exercise{Start: isoDay("2025-01-01"), End: isoDay("2025-12-31")})
			b.WriteString(f)
			return err
		}))
		return b.String()
	}
	before := state()
	for _, tc := range []struct {
		name string
		id   int64
		want string
	}{
		{"deposited", dep.Entry.ID, "remise en banque du 15/07/2025"},
		{"bounced", vir.Entry.ID, "déclaré impayé"},
	} {
		_, err := r.CorrectReceipt(tc.id, app.ReceiptInput{Amount: euros("50"), Date: isoDay("2025-07-10"), Mode: ledger.ByTransfer})
		if ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), tc.want) {
			t.Errorf("%s corrected: %v", tc.name, err)
		}
		_, err = r.DeleteReceipt(tc.id)
		if ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), tc.want) {
			t.Errorf("%s deleted: %v", tc.name, err)
		}
	}
	if after := state(); after != before {
		t.Errorf("the file changed on refusal:\n%s\nwas:\n%s", after, before)
	}
	rs, err := r.OwnerReceipts("450001")
	mustOK(t, err)
	if why := app.ReceiptLocked(rs[0], nil); !strings.Contains(why, "annulez d'abord la remise") {
		t.Errorf("ReceiptLocked = %q", why)
	}
	closed := ledger.Exercise{Start: isoDay("2025-01-01"), End: isoDay("2025-12-31"), Closed: true}
	if why := app.ReceiptLocked(ledger.Receipt{Date: isoDay("2025-07-10")}, []ledger.Exercise{closed}); !strings.Contains(why, "est clos") {
		t.Errorf("ReceiptLocked in a closed exercise = %q", why)
	}
}
