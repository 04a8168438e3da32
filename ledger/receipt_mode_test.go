package ledger_test

import (
	"testing"

	"tantieme/ledger"
)

// Issue 15: the payment mode follows the input everywhere.
func TestReceiptMode(t *testing.T) {
	for _, tc := range []struct {
		chosen ledger.PaymentMode
		cheque string
		want   ledger.PaymentMode
	}{
		{"", "", ledger.ByTransfer},
		{"", "1234567", ledger.ByCheque},
		{"", " ", ledger.ByTransfer},
		{ledger.ByCheque, "1234567", ledger.ByCheque},
		{ledger.ByCheque, "", ledger.ByCheque},
		{ledger.ByCash, "", ledger.ByCash},
		{ledger.ByTransfer, "1234567", ledger.ByTransfer}, // then refused by the receipt
	} {
		if got := ledger.ReceiptMode(tc.chosen, tc.cheque); got != tc.want {
			t.Errorf("ReceiptMode(%q, %q) = %q, want %q", tc.chosen, tc.cheque, got, tc.want)
		}
	}
}
