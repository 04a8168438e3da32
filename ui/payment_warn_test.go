package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
)

// 2 000 € paid on a 1 440 € invoice, dated before it, from a bank that does
// not hold it: the syndic is told the three and decides. Annuler goes back
// to the form as typed, nothing written; « Enregistrer quand même » records.
func TestSupplierPaymentWarnings(t *testing.T) {
	s, p := openSupplierCard(t)
	if _, err := s.res.RecordInvoice(app.InvoiceInput{Supplier: "401001", Account: "615000", Key: "001", Date: ledger.Date(2025, 6, 15),
		Number: "F-1", Total: ledger.MustAmount("1440")}); err != nil {
		t.Fatal(err)
	}
	test.Tap(p.card.pay)
	formField(t, s, "1 440,00").SetText("2000")
	formField(t, s, "30/06/2025").SetText("10/06/2025")
	press(s, fyne.KeyReturn)
	mustContain(t, "the question", overlayText(s), "Vérifiez ce paiement",
		"Le paiement de 2 000,00 € dépasse de 560,00 € ce qui reste dû à Ascenseurs Rhône (1 440,00 €).",
		"Le paiement du 10/06/2025 est antérieur à la facture F2025-0001 du 15/06/2025",
		"Le compte 512001 Compte courant serait à découvert", "Enregistrer quand même", "Annuler")
	test.Tap(dialogButton(t, s, "Annuler"))
	mustContain(t, "the form, back", overlayText(s), "Payer le fournisseur Ascenseurs Rhône", "2000", "10/06/2025")
	mustNotContain(t, "the form, back", overlayText(s), "Vérifiez ce paiement")
	if owed, err := s.res.SupplierOwed("401001", testToday); err != nil || owed != ledger.MustAmount("1440") {
		t.Fatalf("a payment was written before the syndic decided: owed %s, %v", owed, err)
	}
	press(s, fyne.KeyReturn)
	test.Tap(dialogButton(t, s, "Enregistrer quand même"))
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status", s.statusText.Text, "Paiement de 2 000,00 € enregistré pour Ascenseurs Rhône")
	if owed, _ := s.res.SupplierOwed("401001", testToday); owed != 0 {
		t.Errorf("owed after the payment: %s", owed)
	}
}

// A payment with nothing unusual is recorded at once, without a question.
func TestSupplierPaymentWithoutWarning(t *testing.T) {
	s, p := openSupplierCard(t)
	if _, err := s.res.RecordInvoice(app.InvoiceInput{Supplier: "401001", Account: "615000", Key: "001", Date: ledger.Date(2025, 6, 15),
		Number: "F-1", Total: ledger.MustAmount("40")}); err != nil {
		t.Fatal(err)
	}
	test.Tap(p.card.pay)
	press(s, fyne.KeyReturn)
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status", s.statusText.Text, "Paiement de 40,00 € enregistré")
}
