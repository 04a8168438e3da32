package closing

import (
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
)

// TestWorksSpendingOffCampaignAccounts: an invoice whose works charge is
// credited to the supplier's usual account, or whose campaign supplier is
// charged to an ordinary account, is recorded with a warning, and the
// closing checks warn of it with the amount; booked on the campaign's
// accounts, it warns of nothing and annexe 5 counts its payment as
// « Travaux payés » (issue 13 item 8).
func TestWorksSpendingOffCampaignAccounts(t *testing.T) {
	for _, tc := range []struct {
		name, supplier, account string
		want                    []string // in the form's warning, the recorded invoice's and the closing's
		wantEntry               []string // in the recorded invoice's and the closing's only
		paid                    string   // annexe 5, ETU's « Travaux payés » after paying 1 200,00 to the supplier
	}{
		{name: "works charge, usual supplier", supplier: "usual", account: "673ETU",
			want: []string{"Travaux ETU", "673ETU", "401ETU", "« Travaux payés » de l'annexe 5"}, wantEntry: []string{"1 200,00"}, paid: "1000"},
		{name: "campaign supplier, ordinary charge", supplier: "401ETU", account: "615000",
			want: []string{"Travaux ETU", "615000", "« Travaux réalisés » de l'annexe 5", "673ETU"}, wantEntry: []string{"1 200,00"}, paid: "2200"},
		{name: "on the campaign's accounts", supplier: "401ETU", account: "673ETU", paid: "2200"},
		{name: "ordinary invoice", supplier: "usual", account: "615000", paid: "1000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := closingScenario(t)
			usual := ledger.Supplier{Name: "Bureau d'études Structura"}
			campaign := ledger.Supplier{Account: "401ETU", Name: "Structura (travaux ETU)"}
			must(t, r.Update(func(tx *ledger.Tx) error {
				if err := tx.AddSupplier(&usual); err != nil {
					return err
				}
				return tx.AddSupplier(&campaign)
			}))
			sup := tc.supplier
			if sup == "usual" {
				sup = usual.Account
			}
			form, err := r.InvoiceWorksWarning(sup, tc.account)
			must(t, err)
			res, err := r.RecordInvoice(app.InvoiceInput{Supplier: sup, Account: tc.account, Key: "002", Date: ledger.Date(2025, 10, 1),
				Number: "S-12", Total: ledger.MustAmount("1200")})
			must(t, err)
			_, err = r.PaySupplier(app.SupplierPayment{Supplier: sup, Amount: ledger.MustAmount("1200"), Date: ledger.Date(2025, 10, 20)})
			must(t, err)
			plan, err := Prepare(r, apptest.Year(t, r, 2025), Options{OwnersAt: closingOwnersAt})
			must(t, err)
			var closing []string
			for _, w := range plan.Warnings() {
				if strings.Contains(w, "annexe 5") {
					closing = append(closing, w)
				}
			}
			if len(tc.want) == 0 {
				if form != "" || res.Warning != "" || len(closing) > 0 {
					t.Errorf("warnings on works booked right: form %q, invoice %q, closing %q", form, res.Warning, closing)
				}
			} else if len(closing) != 1 {
				t.Errorf("closing warnings %q", closing)
			} else {
				for _, w := range tc.want {
					for _, got := range []string{form, res.Warning, closing[0]} {
						if !strings.Contains(got, w) {
							t.Errorf("warning %q lacks %q", got, w)
						}
					}
				}
				for _, w := range tc.wantEntry {
					for _, got := range []string{res.Warning, closing[0]} {
						if !strings.Contains(got, w) {
							t.Errorf("warning %q lacks %q", got, w)
						}
					}
				}
			}
			d, err := Annexes(r, apptest.Year(t, r, 2025))
			must(t, err)
			for _, op := range d.A5.Operations {
				if op.Code == "ETU" && op.Paid != ledger.MustAmount(tc.paid) {
					t.Errorf("annexe 5 ETU paid %s, want %s", op.Paid, tc.paid)
				}
			}
		})
	}
}
