package ui

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// The lot card's « État daté… »: the seller's lots offered (this one
// ticked), a fee above the ceiling refused in the dialog, then the PDF
// written in « Ventes », registered for the seller and opened; the fee
// posted to his account once.
func TestEtatDateFromLotCard(t *testing.T) {
	var opened string
	openDocument = func(_ fyne.App, u *url.URL) error { opened = u.Path; return nil }
	t.Cleanup(func() { openDocument = func(a fyne.App, u *url.URL) error { return a.OpenURL(u) } })
	s, l := openScreen[*lots](t, "lots")
	l.openCard("3") // Martin Anaïs owns lots 3 and 4, settled at the end of June
	test.Tap(l.card.etatDate)
	mustContain(t, "the dialog", overlayText(s), "État daté du lot 3", "Vendeur : 450003 Martin Anaïs", "Lot 3 — Appartement", "Lot 4 — Appartement",
		"380 € TTC au plus", "Enregistrer le PDF")
	var checked []string
	var post *widgets.CheckField
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widgets.CheckField); ok {
			if c.Checked {
				checked = append(checked, c.Text)
			}
			if strings.HasPrefix(c.Text, "Imputer") {
				post = c
			}
		}
	}
	if len(checked) != 1 || !strings.HasPrefix(checked[0], "Lot 3") || post == nil {
		t.Fatalf("ticked %v", checked)
	}

	fee := dialogField(t, s, "0,00 (380,00")
	test.Type(fee, "400")
	press(s, fyne.KeyReturn)
	mustContain(t, "the refusal", overlayText(s), "plafond légal de 380,00")

	fee.SetText("150")
	post.SetChecked(true)
	test.Type(dialogField(t, s, "450xxx"), "Garçon Loïc")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the état daté was refused:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "État daté du lot 3 au 30/06/2025 écrit : le vendeur doit 150,00 €")
	if !strings.Contains(opened, "Ventes") || !strings.HasSuffix(opened, "ETAT_DATE_LOT_3_2025-06-30.pdf") {
		t.Fatalf("opened %q", opened)
	}
	if _, err := os.Stat(opened); err != nil {
		t.Fatal(err)
	}
	docs, err := s.res.DocumentRegister(ledger.DocumentFilter{Kind: "etat_date"})
	if err != nil || len(docs) != 1 || docs[0].Binder != "divers" || len(docs[0].Owners) != 1 || docs[0].Owners[0] != "450003" {
		t.Fatalf("register %+v %v", docs, err)
	}
	var bal ledger.Amount
	if err := s.res.View(func(tx *ledger.Tx) (err error) {
		bal, err = tx.AccountBalanceAt("450003", testToday)
		return err
	}); err != nil || bal != 15000 {
		t.Errorf("the seller's account %s (%v), want the fee 150,00", bal, err)
	}
}

// Paramètres › Comptabilité: the sale split setting is saved as chosen.
func TestSaleSplitSetting(t *testing.T) {
	s, p := openScreen[*settings](t, "settings")
	p.books.saleSplit.SetSelected(p.books.saleSplit.Options[1])
	got, err := s.res.SaleSplitSetting()
	if err != nil || got != "transfer" {
		t.Fatalf("setting %q %v", got, err)
	}
}

// The owner's card offers the état daté of all his lots at once.
func TestEtatDateFromOwnerCard(t *testing.T) {
	s, o := openScreen[*owners](t, "owners")
	o.openCard("450003")
	test.Tap(o.card.etatDate)
	mustContain(t, "the dialog", overlayText(s), "État daté — 450003 Martin Anaïs", "Lot 3 — Appartement", "Lot 4 — Appartement")
	n := 0
	for _, ob := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := ob.(*widgets.CheckField); ok && c.Checked && strings.HasPrefix(c.Text, "Lot ") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d lots ticked, want both", n)
	}
}
