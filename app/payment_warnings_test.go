package app_test

import (
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/ledger"
)

// Money leaving the bank is checked against the supplier's invoices and the
// bank's balance: each warning alone, none when all is fine.
func TestPaymentWarnings(t *testing.T) {
	r := daybookResidence(t)
	// 1 440 € owed to Plomberie Lefèvre since 15/03; 2 000 € in 512001
	// from 01/03; nothing in 512002; nothing owed to 401002.
	_, err := r.RecordInvoice(app.InvoiceInput{Supplier: "401001", Account: "615000", Key: "001", Date: isoDay("2025-03-15"),
		Number: "F-1", Total: euros("1440")})
	mustOK(t, err)
	_, err = r.Receive(app.ReceiptInput{Owner: "450001", Amount: euros("2000"), Date: isoDay("2025-03-01"), Mode: ledger.ByTransfer})
	mustOK(t, err)
	paid, err := r.PaySupplier(app.SupplierPayment{Supplier: "401001", Amount: euros("100"), Date: isoDay("2025-03-25"), BankAccount: "512001"})
	mustOK(t, err)

	for _, tc := range []struct {
		name string
		out  app.Outflow
		want []string // one substring per warning, in order
	}{
		{"all is fine", app.Outflow{Supplier: "401001", Bank: "512001", Amount: euros("1340"), Date: isoDay("2025-03-20")}, nil},
		{"more than due", app.Outflow{Supplier: "401001", Bank: "512001", Amount: euros("1500"), Date: isoDay("2025-03-20")},
			[]string{"Le paiement de 1 500,00 € dépasse de 160,00 € ce qui reste dû à Plomberie Lefèvre (1 340,00 €)."}},
		{"nothing due", app.Outflow{Supplier: "401002", Bank: "512001", Amount: euros("10"), Date: isoDay("2025-03-20")},
			[]string{"Il ne reste aucune facture à payer à Électricité Œuvre"}},
		{"before the invoice", app.Outflow{Supplier: "401001", Bank: "512001", Amount: euros("1340"), Date: isoDay("2025-03-10")},
			[]string{"Le paiement du 10/03/2025 est antérieur à la facture"}},
		{"overdraft", app.Outflow{Supplier: "401001", Bank: "512002", Amount: euros("1340"), Date: isoDay("2025-03-20")},
			[]string{"Le compte 512002 Livret fonds de travaux serait à découvert de 1 340,00 € au 20/03/2025"}},
		{"overdraft before the money came", app.Outflow{Bank: "512001", Amount: euros("50"), Date: isoDay("2025-02-28")},
			[]string{"serait à découvert de 50,00 € au 28/02/2025"}},
		{"the three at once", app.Outflow{Supplier: "401001", Bank: "512001", Amount: euros("2500"), Date: isoDay("2025-03-10")},
			[]string{"dépasse de 1 160,00 €", "antérieur à la facture", "serait à découvert de 500,00 € au 10/03/2025"}},
		{"the payment being corrected is left out", app.Outflow{Supplier: "401001", Bank: "512001", Amount: euros("1440"), Date: isoDay("2025-03-25"),
			Replaces: paid.Entry.ID}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := r.PaymentWarnings(tc.out)
			mustOK(t, err)
			if len(got) != len(tc.want) {
				t.Fatalf("warnings %q, want %d", got, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("warning %d = %q, want %q", i+1, got[i], w)
				}
			}
		})
	}
}

// The Saisie screen's entries take money out when they credit a bank; a
// supplier they debit is then a payment to check.
func TestEntryOutflows(t *testing.T) {
	day := isoDay("2025-03-20")
	pay := ledger.Entry{Date: day, Lines: []ledger.Line{{Account: "401001", Debit: euros("1440")}, {Account: "512001", Credit: euros("1440")}}}
	got := app.EntryOutflows(pay, 7)
	want := []app.Outflow{{Date: day, Amount: euros("1440"), Bank: "512001", Replaces: 7}, {Date: day, Amount: euros("1440"), Supplier: "401001", Replaces: 7}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("a payment: %+v", got)
	}
	invoice := ledger.Entry{Date: day, Lines: []ledger.Line{{Account: "615000", Debit: euros("1440")}, {Account: "401001", Credit: euros("1440")}}}
	transfer := ledger.Entry{Date: day, Lines: []ledger.Line{{Account: "512002", Debit: euros("100")}, {Account: "512001", Credit: euros("100")}}}
	receipt := ledger.Entry{Date: day, Lines: []ledger.Line{{Account: "512001", Debit: euros("100")}, {Account: "450001", Credit: euros("100")}}}
	if got := app.EntryOutflows(invoice, 0); got != nil {
		t.Errorf("an invoice takes money out: %+v", got)
	}
	if got := app.EntryOutflows(receipt, 0); got != nil {
		t.Errorf("a receipt takes money out: %+v", got)
	}
	if got := app.EntryOutflows(transfer, 0); len(got) != 1 || got[0].Bank != "512001" || got[0].Amount != euros("100") {
		t.Errorf("a transfer between banks: %+v", got)
	}
}
