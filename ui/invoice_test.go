package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// openSupplierCard opens the test residence with a supplier and shows his card.
func openSupplierCard(t *testing.T) (*Shell, *suppliers) {
	t.Helper()
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	err := s.res.Update(func(tx *ledger.Tx) error {
		return tx.AddSupplier(&ledger.Supplier{Account: "401001", Name: "Ascenseurs Rhône"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if !s.showScreen("suppliers") {
		t.Fatal("no Fournisseurs screen")
	}
	p := s.currentScreen().(*suppliers)
	p.openCard("401001")
	if p.card == nil {
		t.Fatal("no supplier card")
	}
	return s, p
}

func TestInvoiceSplitOverTwoKeys(t *testing.T) {
	s, p := openSupplierCard(t)
	test.Tap(p.card.invoice)
	mustContain(t, "the invoice form", overlayText(s), "Saisir une facture fournisseur", "Type de dépense", "Montant TTC (€)",
		"Répartir sur plusieurs clés", "Enregistrer la facture")
	if _, ok := s.win.Canvas().Focused().(*entryBox); !ok {
		t.Fatalf("focus on %T, want the expense box (the supplier is chosen)", s.win.Canvas().Focused())
	}
	press(s, fyne.KeyEscape)
	form := s.invoiceForm("401001")
	form.chooseExpense(form.refs.Expenses[0].Code)
	test.Tap(form.split)
	mustContain(t, "the split", overlayText(s), "Clé 001 Charges générales", "Clé 002 Ascenseur", "Indiquez le montant TTC")
	form.number.SetText("F-77")
	form.total.SetText("1200")
	form.splitMode.SetSelectedIndex(1)
	form.parts[0].SetText("75")
	form.parts[1].SetText("25")
	mustContain(t, "the live split", overlayText(s), "Répartition exacte de 1 200,00 €", "clé 001 : 900,00 €", "clé 002 : 300,00 €")
	s.win.Canvas().Focus(form.number)
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status", s.statusText.Text, "Facture de 1 200,00 € enregistrée pour Ascenseurs Rhône", "répartie sur 2 clés",
		"reste à payer au fournisseur 1 200,00 €")

	test.Tap(p.card.pay)
	mustContain(t, "the payment form", overlayText(s), "Payer le fournisseur Ascenseurs Rhône", "Reste à payer au 30/06/2025 : 1 200,00 €", "F-77")
	if f, ok := s.win.Canvas().Focused().(*widgets.Field); !ok || f.Text != "1 200,00" {
		t.Fatalf("amount not pre-filled: %#v", s.win.Canvas().Focused())
	}
	press(s, fyne.KeyReturn)
	mustContain(t, "the question", overlayText(s), "Vérifiez ce paiement", "serait à découvert")
	press(s, fyne.KeyReturn) // Enregistrer quand même
	mustContain(t, "the status", s.statusText.Text, "Paiement de 1 200,00 € enregistré pour Ascenseurs Rhône", "1 facture soldée", "reste à payer 0,00 €")
}

func TestInvoiceSplitMismatch(t *testing.T) {
	s, p := openSupplierCard(t)
	_ = p
	form := s.invoiceForm("401001")
	form.chooseExpense(form.refs.Expenses[0].Code)
	form.split.SetChecked(true)
	form.total.SetText("100")
	form.parts[0].SetText("60")
	form.parts[1].SetText("30")
	mustContain(t, "the live sum", overlayText(s), "les parts font 90,00 € au lieu de 100,00 €")
	form.f.validate()
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("an unbalanced split was recorded")
	}
}
