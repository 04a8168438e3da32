package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
)

// A deposit dated before one of its cheques is refused before the
// question, not after the user confirmed it.
func TestDepositDatedBeforeItsCheque(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	if _, err := s.res.Receive(app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("200"), Date: testToday, Cheque: "1234567"}); err != nil {
		t.Fatal(err)
	}
	s.showScreen("bank")
	b := s.currentScreen().(*bank)
	test.Tap(b.all)
	b.date.SetText("20/06/2025")
	test.Tap(b.deposit)
	text := overlayText(s)
	mustNotContain(t, "the window", text, "Remettre 1 chèque")
	mustContain(t, "the window", text, "le chèque n° 1234567 de Garçon Loïc (200,00 €) n'a été reçu que le 30/06/2025")
	if list, _ := s.res.PendingCheques(""); len(list) != 1 {
		t.Errorf("the cheque was deposited: %+v", list)
	}
}
