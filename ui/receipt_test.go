package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

func TestReceiptFromOwnerCard(t *testing.T) {
	s, o := openOwners(t)
	o.openCard("450002")
	c := o.card
	if c == nil {
		t.Fatal("no card")
	}
	test.Tap(c.receive)
	mustContain(t, "the receipt form", overlayText(s), "Encaisser un règlement — Garçon Loïc", "Solde au 30/06/2025 : 300,00 €",
		"Montant (€)", "Mode de paiement", "Chèque", "Appel T1", "Enregistrer le règlement")
	if f, ok := s.win.Canvas().Focused().(*widgets.Field); !ok || f.Text != "300,00" {
		t.Fatalf("the amount is not pre-filled with the balance and focused: %#v", s.win.Canvas().Focused())
	}
	dialogFields(t, s, "")[2].SetText("8812345") // a cheque needs its number (TestReceiptChequeNeedsItsNumber)
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "Règlement de 300,00 € enregistré pour Garçon Loïc", "1 appel soldé", "compte soldé")
	rs, err := s.res.OwnerReceipts("450002")
	if err != nil || len(rs) != 1 || rs[0].Amount != ledger.MustAmount("300") || rs[0].Mode != ledger.ByCheque {
		t.Fatalf("receipts = %+v, %v", rs, err)
	}
}

func TestReceiptWrongAmount(t *testing.T) {
	s, o := openOwners(t)
	o.openCard("450002")
	test.Tap(o.card.receive)
	f := s.win.Canvas().Focused().(*widgets.Field)
	f.SetText("abc")
	press(s, fyne.KeyReturn)
	mustContain(t, "the error", overlayText(s), "Montant")
	if rs, _ := s.res.OwnerReceipts("450002"); len(rs) != 0 {
		t.Fatal("a wrong amount was recorded")
	}
}

func TestBouncedCheque(t *testing.T) {
	s, o := openOwners(t)
	if _, err := s.res.Receive(app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("300"), Date: testToday, Cheque: "555"}); err != nil {
		t.Fatal(err)
	}
	o.openCard("450002")
	c := o.card
	c.tabs.SelectIndex(4)
	mustContain(t, "his receipts", windowText(s), "Règlements", "Chèque", "555", "En attente de remise", "300,00 €")
	rs, _ := s.res.OwnerReceipts("450002")
	s.bounceForm(c.data.Owner, rs[0])
	mustContain(t, "the refusal", overlayText(s), "n'a pas encore été remis en banque")
	press(s, fyne.KeyReturn)
	if _, err := s.res.Deposit(app.DepositInput{Cheques: []int64{rs[0].EntryID}, Date: testToday}); err != nil {
		t.Fatal(err)
	}
	rs, _ = s.res.OwnerReceipts("450002")
	s.bounceForm(c.data.Owner, rs[0])
	mustContain(t, "the bounce form", overlayText(s), "Chèque impayé — Garçon Loïc", "le chèque n° 555 du 30/06/2025 de 300,00 €", "Date de rejet par la banque")
	top := s.win.Canvas().Overlays().Top()
	for _, ob := range visible(top) {
		if f, ok := ob.(*widgets.Field); ok && f.PlaceHolder == "facultatif" {
			f.SetText("15")
		}
	}
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status", s.statusText.Text, "Impayé enregistré : le chèque n° 555", "frais de 15,00 €", "solde 315,00 €")
	mustContain(t, "his receipts after", windowText(s), "Impayé")
}

func TestReceiptDoubleClickAndReadOnly(t *testing.T) {
	s, o := openOwners(t)
	o.openCard("450002")
	test.Tap(o.card.receive)
	amount := s.win.Canvas().Focused().(*widgets.Field)
	amount.SetText("10")
	var pick *pickLabel
	for _, ob := range visible(s.win.Canvas().Overlays().Top()) {
		if p, ok := ob.(*pickLabel); ok && pick == nil {
			pick = p
		}
	}
	if pick == nil {
		t.Fatalf("no open call to pick:\n%s", overlayText(s))
	}
	pick.DoubleTapped(nil)
	if amount.Text != "300,00" {
		t.Errorf("double-click took %q, want 300,00", amount.Text)
	}
	press(s, fyne.KeyEscape) // asks: something was typed
	press(s, fyne.KeyReturn) // Abandonner
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	s.exercise.Closed = true
	o.card.reload()
	if !o.card.receive.Disabled() {
		t.Error("a receipt may be recorded in a closed exercise")
	}
}
