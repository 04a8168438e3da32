package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// openReceipt taps the first receipt listed on the Règlements tab of the
// card shown, as the syndic does.
func openReceipt(t *testing.T, s *Shell, o *owners) {
	t.Helper()
	o.card.tabs.SelectIndex(4)
	for _, ob := range visible(o.card.receipts) {
		if tb, ok := ob.(*widgets.HoverTable); ok {
			tb.Select(widget.TableCellID{Row: 0, Col: 0})
			return
		}
	}
	t.Fatalf("no table of receipts on the card:\n%s", windowText(s))
}

// formField finds a field of the topmost dialog by its text.
func formField(t *testing.T, s *Shell, text string) *widgets.Field {
	t.Helper()
	for _, ob := range visible(s.win.Canvas().Overlays().Top()) {
		if f, ok := ob.(*widgets.Field); ok && f.Text == text {
			return f
		}
	}
	t.Fatalf("no field holding %q in the dialog:\n%s", text, overlayText(s))
	return nil
}

// A transfer recorded wrong is corrected on the owner's card: the receipt
// offers « Modifier… », « Supprimer… » and a bounce named for its mode; the
// form opens filled with it, and saving replaces it.
func TestReceiptCorrectedOnOwnerCard(t *testing.T) {
	s, o := openOwners(t)
	if _, err := s.res.Receive(app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("300"), Date: testToday, Mode: ledger.ByTransfer}); err != nil {
		t.Fatal(err)
	}
	o.openCard("450002")
	openReceipt(t, s, o)
	mustContain(t, "the receipt's dialog", overlayText(s), "Le virement du 30/06/2025 de 300,00 € — encaissé.",
		"Modifier…", "Supprimer…", "Règlement impayé…", "Voir l'écriture")
	mustNotContain(t, "the receipt's dialog", overlayText(s), "Chèque impayé…")
	test.Tap(dialogButton(t, s, "Modifier…"))
	mustContain(t, "the correction form", overlayText(s), "Modifier le règlement B2025-0001 — Garçon Loïc",
		"Solde au 30/06/2025 sans ce règlement : 300,00 €", "Virement", "Enregistrer la correction")
	formField(t, s, "300,00").SetText("250")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "Règlement B2025-0001 de Garçon Loïc corrigé : 300,00 € → 250,00 € — reste dû 50,00 €")
	rs, err := s.res.OwnerReceipts("450002")
	if err != nil || len(rs) != 1 || rs[0].Amount != ledger.MustAmount("250") || rs[0].Mode != ledger.ByTransfer || rs[0].Piece != "B2025-0001" {
		t.Fatalf("receipts = %+v, %v", rs, err)
	}
}

// A receipt deleted on the card after a confirmation that says what
// happens to the calls it paid.
func TestReceiptDeletedOnOwnerCard(t *testing.T) {
	s, o := openOwners(t)
	if _, err := s.res.Receive(app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("300"), Date: testToday, Cheque: "555"}); err != nil {
		t.Fatal(err)
	}
	o.openCard("450002")
	openReceipt(t, s, o)
	mustNotContain(t, "an undeposited cheque's dialog", overlayText(s), "Chèque impayé…")
	test.Tap(dialogButton(t, s, "Supprimer…"))
	mustContain(t, "the question", overlayText(s), "Supprimer le chèque n° 555 du 30/06/2025 de 300,00 € reçu de Garçon Loïc (pièce B2025-0001) ?",
		"les appels qu'il réglait redeviennent dus")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the question stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "Règlement B2025-0001 supprimé")
	if rs, _ := s.res.OwnerReceipts("450002"); len(rs) != 0 {
		t.Fatalf("receipts left: %+v", rs)
	}
	mustContain(t, "the card", windowText(s), "Solde au 30/06/2025 : 300,00 €")
}

// A deposited cheque cannot change: its dialog says why and what to do
// instead of offering the buttons; the bounce is offered.
func TestDepositedReceiptLockedOnOwnerCard(t *testing.T) {
	s, o := openOwners(t)
	res, err := s.res.Receive(app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("300"), Date: testToday, Cheque: "555"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.res.Deposit(app.DepositInput{Cheques: []int64{res.Entry.ID}, Date: testToday}); err != nil {
		t.Fatal(err)
	}
	o.openCard("450002")
	openReceipt(t, s, o)
	mustContain(t, "a deposited cheque's dialog", overlayText(s), "remis en banque le 30/06/2025", "annulez d'abord la remise (écran Banque)", "Chèque impayé…")
	mustNotContain(t, "a deposited cheque's dialog", overlayText(s), "Modifier…", "Supprimer…")
}

// « Voir l'écriture » opens the Saisie screen on the month of the receipt,
// with its entry chosen, not on the month of the situation day.
func TestReceiptShowsItsEntryMonth(t *testing.T) {
	s, o := openOwners(t)
	res, err := s.res.Receive(app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("120"), Date: ledger.Date(2025, 3, 12), Mode: ledger.ByTransfer})
	if err != nil {
		t.Fatal(err)
	}
	o.openCard("450002")
	openReceipt(t, s, o)
	test.Tap(dialogButton(t, s, "Voir l'écriture"))
	e, ok := s.currentScreen().(*entries)
	if !ok {
		t.Fatalf("the Saisie screen is not shown:\n%s", windowText(s))
	}
	if e.month.Selected != "Mars 2025" || e.selected == nil || e.selected.ID != res.Entry.ID {
		t.Fatalf("Saisie shows %q with %+v chosen, want March 2025 with entry %d", e.month.Selected, e.selected, res.Entry.ID)
	}
	mustContain(t, "the Saisie screen", windowText(s), "Écriture BQ B2025-0001 du 12/03/2025")
}

// A cheque waiting for its deposit is corrected or deleted from the
// deposit screen.
func TestPendingChequeCorrectedInDeposit(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	if _, err := s.res.Receive(app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("200"), Date: testToday, Cheque: "1234567"}); err != nil {
		t.Fatal(err)
	}
	s.showScreen("bank")
	mustContain(t, "the deposit tab", windowText(s), "chèque n° 1234567 — Garçon Loïc", "Modifier…", "Supprimer…")
	b := s.currentScreen().(*bank)
	var edit, del *widget.Button
	for _, ob := range visible(b.cheques) {
		if bt, ok := ob.(*widget.Button); ok {
			switch bt.Text {
			case "Modifier…":
				edit = bt
			case "Supprimer…":
				del = bt
			}
		}
	}
	test.Tap(edit)
	mustContain(t, "the correction form", overlayText(s), "Modifier le règlement B2025-0001 — Garçon Loïc")
	formField(t, s, "1234567").SetText("1234568")
	press(s, fyne.KeyReturn)
	mustContain(t, "the deposit tab after", windowText(s), "chèque n° 1234568 — Garçon Loïc")
	for _, ob := range visible(b.cheques) {
		if bt, ok := ob.(*widget.Button); ok && bt.Text == "Supprimer…" {
			del = bt
		}
	}
	test.Tap(del)
	press(s, fyne.KeyReturn)
	mustContain(t, "the deposit tab after the deletion", windowText(s), "Aucun chèque en attente de remise")
}
