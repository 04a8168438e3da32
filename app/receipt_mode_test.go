package app_test

import (
	"testing"

	"tantieme/app"
	"tantieme/ledger"
)

// Issue 15: the mode follows the input, the same rule as the CLI's: with no
// mode chosen, a cheque number makes a cheque and no number a transfer (it
// was a cheque without a number, left off every deposit slip).
func TestReceiveModeFollowsInput(t *testing.T) {
	r := daybookResidence(t)
	res, err := r.Receive(app.ReceiptInput{Owner: "450002", Amount: euros("200"), Date: isoDay("2025-02-01")})
	mustOK(t, err)
	if res.Receipt.Mode != ledger.ByTransfer {
		t.Errorf("no mode, no cheque number: %q, want a transfer", res.Receipt.Mode)
	}
	res, err = r.Receive(app.ReceiptInput{Owner: "450001", Amount: euros("300"), Date: isoDay("2025-02-02"), Cheque: "8812345"})
	mustOK(t, err)
	if res.Receipt.Mode != ledger.ByCheque {
		t.Errorf("a cheque number: %q, want a cheque", res.Receipt.Mode)
	}
}
