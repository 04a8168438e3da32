package ui

import (
	"net/url"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

func TestDepositSlip(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	for _, in := range []app.ReceiptInput{
		{Owner: "450002", Amount: ledger.MustAmount("200"), Date: testToday, Cheque: "1234567"},
		{Owner: "450002", Amount: ledger.MustAmount("100"), Date: testToday, Cheque: "1234568"},
		{Owner: "450001", Amount: ledger.MustAmount("10"), Date: testToday, Mode: ledger.ByTransfer},
	} {
		if _, err := s.res.Receive(in); err != nil {
			t.Fatal(err)
		}
	}
	var opened []string
	old := openDocument
	openDocument = func(_ fyne.App, u *url.URL) error { opened = append(opened, u.Path); return nil }
	t.Cleanup(func() { openDocument = old })

	if !s.showScreen("bank") {
		t.Fatal("no Banque screen")
	}
	b := s.currentScreen().(*bank)
	mustContain(t, "the deposit tab", windowText(s), "Banque", "Remises en banque", "chèque n° 1234567 — Garçon Loïc", "200,00 €",
		"chèque n° 1234568", "0 chèque, 0,00 €")
	mustContain(t, "the slips tab", texts(b.done), "Aucune remise pendant l'exercice")
	mustNotContain(t, "the deposit tab", windowText(s), "Dupont")
	if !b.deposit.Disabled() {
		t.Error("the deposit button works with nothing ticked")
	}
	test.Tap(b.all)
	mustContain(t, "the counter", b.counter.Text, "2 chèques, 300,00 €")
	test.Tap(b.deposit)
	mustContain(t, "the question", overlayText(s), "Remettre 2 chèques (300,00 €) sur le compte 512001 le 30/06/2025 ?")
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	if len(opened) != 1 {
		t.Fatalf("the slip was not opened: %v\n%s", opened, overlayText(s))
	}
	if st, err := os.Stat(opened[0]); err != nil || st.Size() < 500 {
		t.Fatalf("no PDF at %s: %v", opened[0], err)
	}
	mustContain(t, "the status", s.statusText.Text, "Bordereau de la remise n° 1 enregistré dans ")
	mustContain(t, "the screen after", windowText(s), "Aucun chèque en attente de remise")
	mustContain(t, "the slips tab after", texts(b.done), "Remise n° 1 du 30/06/2025", "Chèques — 2 chèques", "300,00 €")
	if list, _ := s.res.PendingCheques(""); len(list) != 0 {
		t.Errorf("cheques still pending: %+v", list)
	}
}

func TestReconciliation(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	var opened []string
	old := openDocument
	openDocument = func(_ fyne.App, u *url.URL) error { opened = append(opened, u.Path); return nil }
	t.Cleanup(func() { openDocument = old })
	s.showScreen("bank")
	b := s.currentScreen().(*bank)
	b.tabs.SelectIndex(1)
	r := b.recon
	mustContain(t, "the tab", windowText(s), "Rapprochement", "Date du relevé", "Ouvrir le relevé")
	r.date.SetText("28/02/2025")
	r.open()
	mustContain(t, "the statement", windowText(s), "Règlement Dupont", "Règlement Martin", "450,00 €", "Solde de départ (premier relevé)")
	if len(r.rc.Lines) != 2 {
		t.Fatalf("lines = %+v", r.rc.Lines)
	}
	r.toggle(r.rc.Lines[0])
	r.balance.SetText("500")
	mustContain(t, "the ticked balance", r.summary.Text, "solde pointé 450,00 €")
	mustContain(t, "the gap", r.verdict.Text, "écart 50,00 € à expliquer")
	r.balance.SetText("450")
	mustContain(t, "no gap", r.verdict.Text, "écart nul")
	test.Tap(r.save)
	mustContain(t, "the status", s.statusText.Text, "Rapprochement du relevé du 28/02/2025 enregistré (compte 512001) : 1 ligne cochée, écart nul")
	if sts, _ := s.res.BankStatements("512001"); len(sts) != 1 || sts[0].Balance != ledger.MustAmount("450") {
		t.Fatalf("statements = %+v", sts)
	}
	test.Tap(r.print)
	s.jobs.Wait()
	if len(opened) != 1 {
		t.Fatalf("the report was not opened:\n%s", overlayText(s))
	}
	test.Tap(r.del)
	mustContain(t, "the question", overlayText(s), "Supprimer le rapprochement du relevé du 28/02/2025 (compte 512001) ?")
	press(s, fyne.KeyReturn)
	if sts, _ := s.res.BankStatements("512001"); len(sts) != 0 {
		t.Fatalf("statement not deleted: %+v", sts)
	}
}

func TestBankSettings(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	s.showScreen("bank")
	b := s.currentScreen().(*bank)
	test.Tap(b.settings)
	mustContain(t, "the form", overlayText(s), "Réglages de la banque", "Règlements des copropriétaires sur", "512001 — Compte courant")
	top := s.win.Canvas().Overlays().Top()
	for _, o := range visible(top) {
		if c, ok := o.(*widgets.CheckField); ok {
			c.SetChecked(true)
		}
	}
	press(s, fyne.KeyReturn)
	mustContain(t, "the status", s.statusText.Text, "Réglages de la banque enregistrés : règlements sur 512001", "chèques en attente sur 511")
	if st, _ := s.res.DaybookSettings(); !st.ChequesVia511 {
		t.Error("the setting was not saved")
	}
}
