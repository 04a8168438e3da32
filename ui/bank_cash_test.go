package ui

import (
	"net/url"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
)

// TestCashDepositSlip: the tab follows the kind chosen: « Autre » lists
// the cash receipts (not the cheques, not the transfers), counts
// « règlements », has no « Ajouter un chèque oublié… », and its slip is
// listed with its kind; « Prélèvements » says there is nothing to remit.
func TestCashDepositSlip(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	for _, in := range []app.ReceiptInput{
		{Owner: "450002", Amount: ledger.MustAmount("200"), Date: testToday, Cheque: "1234567"},
		{Owner: "450002", Amount: ledger.MustAmount("100"), Date: testToday, Mode: ledger.ByCash},
		{Owner: "450001", Amount: ledger.MustAmount("50"), Date: testToday, Mode: ledger.ByCash},
		{Owner: "450001", Amount: ledger.MustAmount("10"), Date: testToday, Mode: ledger.ByTransfer},
	} {
		if _, err := s.res.Receive(in); err != nil {
			t.Fatal(err)
		}
	}
	old := openDocument
	openDocument = func(fyne.App, *url.URL) error { return nil }
	t.Cleanup(func() { openDocument = old })
	s.showScreen("bank")
	b := s.currentScreen().(*bank)
	if b.forgot.Hidden {
		t.Error("no « Ajouter un chèque oublié… » on a slip of cheques")
	}

	b.kind.SetSelected(ledger.DepositOther.Label())
	mustContain(t, "the cash tab", windowText(s), "30/06/2025 — espèces — Garçon Loïc", "30/06/2025 — espèces — Dupont", "100,00 €", "50,00 €",
		"0 règlement, 0,00 €", "En attente de remise : 2 règlements — 150,00 €", "Les virements n'ont pas de remise")
	mustNotContain(t, "the cash tab", windowText(s), "chèque n° 1234567", "— virement —", "Ajouter un chèque oublié")
	if !b.forgot.Hidden {
		t.Error("« Ajouter un chèque oublié… » offered on a slip « Autre »")
	}
	test.Tap(b.all)
	mustContain(t, "the counter", b.counter.Text, "2 règlements, 150,00 €")
	test.Tap(b.deposit)
	mustContain(t, "the question", overlayText(s), "Remettre 2 règlements (150,00 €) sur le compte 512001 le 30/06/2025 ?")
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	mustContain(t, "the status", s.statusText.Text, "Bordereau de la remise n° 1 enregistré dans ")
	mustContain(t, "the screen after", windowText(s), "Aucun règlement en espèces en attente de remise")
	mustContain(t, "the slips tab", texts(b.done), "Remise n° 1 du 30/06/2025", "Autre — 2 règlements", "150,00 €")
	// The tabs are as wide as their widest: the slips' never past a
	// 1024-pixel screen (less the sidebar).
	if w := b.done.MinSize().Width; w > 700 {
		t.Errorf("the slips tab needs %.0f px", w)
	}

	b.kind.SetSelected(ledger.DepositDebits.Label())
	mustContain(t, "the debits tab", windowText(s), "Rien à remettre", "0 règlement, 0,00 €")
	b.kind.SetSelected(ledger.DepositCheques.Label())
	mustContain(t, "the cheques tab", windowText(s), "chèque n° 1234567 — Garçon Loïc", "En attente de remise : 1 chèque — 200,00 €")
	if b.forgot.Hidden {
		t.Error("« Ajouter un chèque oublié… » still hidden back on cheques")
	}
}

// TestDepositRowsNeverWidenTheWindow: a cheque with a long drawer and bank
// is cut with an ellipsis on a small screen instead of widening the
// window past it (the demo's cheques handed in advance did at 1024×700).
func TestDepositRowsNeverWidenTheWindow(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	in := app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("200"), Date: testToday, Cheque: "1234567",
		Drawer: "Société civile immobilière des Grands Tilleuls et des Marronniers réunis", DrawerBank: "Caisse régionale de Crédit agricole mutuel Centre-Est, agence de Lyon Part-Dieu"}
	if _, err := s.res.Receive(in); err != nil {
		t.Fatal(err)
	}
	s.showScreen("bank")
	b := s.currentScreen().(*bank)
	if w := b.cheques.MinSize().Width; w > 700 {
		t.Errorf("the list of cheques needs %.0f px", w)
	}
	s.win.Resize(fyne.NewSize(1024, 700))
	mustContain(t, "the row at 1024×700", windowText(s), "30/06/2025 — chèque n° 1234567 — Garçon", "…")
	s.win.Resize(fyne.NewSize(2400, 800))
	mustContain(t, "the row on a wide screen", windowText(s), "agence de Lyon Part-Dieu) — tireur Société civile")
}
