package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"tantieme/ledger"
)

// TestInvoiceWorksWarning: choosing a works campaign's charge for a
// supplier on his usual account shows, before saving, that annexe 5 would
// not count the payment, and saving says it again; the campaign's own
// supplier shows nothing (issue 13 item 8).
func TestInvoiceWorksWarning(t *testing.T) {
	s, _ := openSupplierCard(t)
	err := s.res.Update(func(tx *ledger.Tx) error {
		if err := tx.AddWorks(ledger.Works{Code: "ASC", Label: "Modernisation de l'ascenseur", Type: ledger.Art142Works,
			AGDate: ledger.Date(2025, 3, 1), Voted: ledger.MustAmount("12000"), Keys: []ledger.WorksKey{{Key: "002", Amount: ledger.MustAmount("12000")}}}); err != nil {
			return err
		}
		return tx.AddSupplier(&ledger.Supplier{Account: "401ASC", Name: "Ascenseurs Rhône (travaux ASC)"})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		supplier string
		warn     bool
	}{{"401001", true}, {"401ASC", false}} {
		form := s.invoiceForm(tc.supplier)
		form.chooseExpense("671ASC")
		text := overlayText(s)
		if got := strings.Contains(text, "« Travaux payés » de l'annexe 5"); got != tc.warn {
			t.Fatalf("%s: warning shown %v, want %v:\n%s", tc.supplier, got, tc.warn, text)
		}
		form.number.SetText("ASC-1")
		form.total.SetText("12000")
		s.win.Canvas().Focus(form.number)
		press(s, fyne.KeyReturn)
		after := overlayText(s)
		if got := strings.Contains(after, "Facture enregistrée — à vérifier"); got != tc.warn {
			t.Errorf("%s: warning after saving %v, want %v:\n%s", tc.supplier, got, tc.warn, after)
		}
		if tc.warn {
			mustContain(t, "the warning", after, "12 000,00", "401ASC")
			press(s, fyne.KeyEscape)
		}
	}
}
