package ui

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/ledger"
)

// mandateTab shows the « Prélèvement SEPA » tab of the open card.
func mandateTab(t *testing.T, o *owners) {
	t.Helper()
	for _, it := range o.card.tabs.Items {
		if it.Text == "Prélèvement SEPA" {
			o.card.tabs.Select(it)
			return
		}
	}
	t.Fatal("no « Prélèvement SEPA » tab on the card")
}

func tabText(c *ownerCard) string { return texts(c.mandate) }

// TestOwnerCardMandate: record a mandate from the card (a wrong IBAN said
// in the dialog, which keeps its size), see it, print it, revoke it.
func TestOwnerCardMandate(t *testing.T) {
	s, o := openOwners(t)
	o.openCard("450002")
	mandateTab(t, o)
	mustContain(t, "the tab", tabText(o.card), "Aucun mandat de prélèvement en vigueur", "Enregistrer un mandat signé…", "Imprimer le mandat")
	test.Tap(dialogButtonIn(t, o.card.mandate, "Enregistrer un mandat signé…"))
	mustContain(t, "the mandate form", overlayText(s), "Mandat de prélèvement de Garçon Loïc", "RUM", "IBAN", "Signé le", "Enregistrer")
	fields := dialogFields(t, s, "")
	if fields[0].Text != "TESTS-450002-01" {
		t.Errorf("proposed RUM %q", fields[0].Text)
	}
	fields[1].SetText("FR14 2004 1010 0505 0001 3M02 607")
	fields[3].SetText("10/01/2025")
	before := s.win.Canvas().Overlays().Top().Size()
	press(s, fyne.KeyReturn)
	mustContain(t, "the refusal", overlayText(s), "l'IBAN « FR1420041010050500013M02607 » n'est pas valide")
	if after := s.win.Canvas().Overlays().Top().Size(); after != before {
		t.Errorf("the dialog moved from %v to %v on the error", before, after)
	}
	fields[1].SetText("FR14 2004 1010 0505 0001 3M02 606")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the tab", tabText(o.card), "Mandat en vigueur", "TESTS-450002-01", "FR14 2004 1010 0505 0001 3M02 606",
		"10/01/2025", "premier prélèvement (FRST)", "État : en vigueur", "Révoquer…")
	mustContain(t, "the status line", s.statusText.Text, "Mandat TESTS-450002-01 de Garçon Loïc enregistré")

	// The form names the syndicat's ICS: without one, it says so.
	test.Tap(dialogButtonIn(t, o.card.mandate, "Imprimer le mandat"))
	mustContain(t, "printing without ICS", overlayText(s), "n'a pas d'identifiant créancier SEPA (ICS)")
	press(s, fyne.KeyEscape)
	banks, _ := s.res.BankAccounts()
	banks[0].IBAN, banks[0].ICS = "FR76 3000 6000 0112 3456 7890 189", "FR72ZZZ123456"
	if err := s.res.SaveBankAccount(banks[0]); err != nil {
		t.Fatal(err)
	}
	var opened string
	openDocument = func(_ fyne.App, u *url.URL) error { opened = u.Path; return nil }
	t.Cleanup(func() { openDocument = func(a fyne.App, u *url.URL) error { return a.OpenURL(u) } })
	test.Tap(dialogButtonIn(t, o.card.mandate, "Imprimer le mandat"))
	if b, err := os.ReadFile(opened); err != nil || !strings.HasPrefix(string(b), "%PDF") || !strings.Contains(opened, "MANDAT_SEPA_450002_") {
		t.Errorf("mandate form %q not written: %v", opened, err)
	}

	test.Tap(dialogButtonIn(t, o.card.mandate, "Révoquer…"))
	dialogFields(t, s, "JJ/MM/AAAA")[0].SetText("30/06/2025")
	press(s, fyne.KeyReturn)
	mustContain(t, "the tab after revoking", tabText(o.card), "Aucun mandat de prélèvement en vigueur", "Mandats révoqués",
		"Mandat TESTS-450002-01 (IBAN FR1420041010050500013M02606), signé le 10/01/2025, révoqué le 30/06/2025.")
}

// dialogButtonIn finds a button under o by its text.
func dialogButtonIn(t *testing.T, o fyne.CanvasObject, text string) fyne.Tappable {
	t.Helper()
	for _, v := range visible(o) {
		if b, ok := v.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in:\n%s", text, texts(o))
	return nil
}

// TestDebitsBatch: Banque › Prélèvements… refuses a bank account without
// ICS in its own dialog, shows the batch of a date, posts it after
// confirmation and reports the file.
func TestDebitsBatch(t *testing.T) {
	s, o := openOwners(t)
	s.debitsForm()
	mustContain(t, "the batch without ICS", overlayText(s), "Prélèvements SEPA",
		"Le compte 512001 Compte courant n'a pas d'identifiant créancier SEPA (ICS)")
	if !dialogOK(t, s).Disabled() {
		t.Error("« Générer et comptabiliser » enabled without a batch")
	}
	press(s, fyne.KeyEscape)
	banks, _ := s.res.BankAccounts()
	b := banks[0]
	b.IBAN, b.ICS = "FR76 3000 6000 0112 3456 7890 189", "FR72ZZZ123456"
	if err := s.res.SaveBankAccount(b); err != nil {
		t.Fatal(err)
	}
	if err := s.res.AddMandate(&ledger.Mandate{Owner: "450002", IBAN: "FR14 2004 1010 0505 0001 3M02 606", Signed: ledger.Date(2025, 1, 10)}); err != nil {
		t.Fatal(err)
	}
	s.debitsForm()
	// Garçon Loïc owes the 300 € of the call of 01/01/2025 (testResidence).
	mustContain(t, "the batch", overlayText(s), "Garçon Loïc", "FRST", "TESTS-450002-01", "300,00 €",
		"1 prélèvement au 30/06/2025, 300,00 € au total, sur le compte 512001.",
		"Échéance du 01/01/2025 : aucun avis d'appel annonçant le prélèvement", "Générer et comptabiliser")
	test.Tap(dialogButton(t, s, "Générer et comptabiliser"))
	mustContain(t, "the confirmation", overlayText(s), "Comptabiliser 1 règlement de 300,00 € au 30/06/2025 sur le compte 512001")
	test.Tap(dialogButton(t, s, "Générer et comptabiliser"))
	mustContain(t, "the report", overlayText(s), "Prélèvements comptabilisés", "1 prélèvement du 30/06/2025 comptabilisé, 300,00 € au total",
		"Fichier pain.008.001.08 à remettre à la banque", "PRELEV_RESIDENCE_DES_TESTS_20250630_30006_1.xml", "Ouvrir le dossier")
	rs, err := s.res.OwnerReceipts("450002")
	if err != nil || len(rs) != 1 || rs[0].Amount != ledger.MustAmount("300") {
		t.Fatalf("receipts %+v %v", rs, err)
	}
	press(s, fyne.KeyEscape)

	// The bank returns it: from the card, the receipt reversed with a fee.
	o.openCard("450002")
	mandateTab(t, o)
	test.Tap(dialogButtonIn(t, o.card.mandate, "Prélèvement rejeté…"))
	mustContain(t, "the return form", overlayText(s), "Prélèvement rejeté — Garçon Loïc", "30/06/2025 — 300,00 €", "AM04 — provision insuffisante")
	dialogFields(t, s, "0,00")[0].SetText("12")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "Prélèvement de 300,00 € rejeté : règlement contre-passé pour Garçon Loïc")
	mustContain(t, "the tab", tabText(o.card), "Rejets", "1")
	mustNotContain(t, "the tab", tabText(o.card), "Prélèvement rejeté…")
	if rs, _ := s.res.OwnerReceipts("450002"); len(rs) != 1 || !rs[0].Bounced() {
		t.Errorf("receipt not reversed: %+v", rs)
	}
}

// dialogOK is the validating button of the topmost form.
func dialogOK(t *testing.T, s *Shell) interface{ Disabled() bool } {
	t.Helper()
	b, ok := dialogButton(t, s, "Générer et comptabiliser").(interface{ Disabled() bool })
	if !ok {
		t.Fatal("not a button")
	}
	return b
}

// TestSettingsDebitNotice: Paramètres › Comptes bancaires sets the notice
// period of direct debits; a wrong one is said.
func TestSettingsDebitNotice(t *testing.T) {
	s, p := openScreen[*settings](t, "settings")
	p.tabs.SelectIndex(1)
	mustContain(t, "the bank tab", texts(p.tabs.Items[1].Content), "Prélèvements SEPA : prévenir les copropriétaires", "Enregistrer le délai")
	if p.noticeDays.Text != "14" {
		t.Errorf("default notice period %q", p.noticeDays.Text)
	}
	p.noticeDays.SetText("90")
	test.Tap(p.saveNotice)
	mustContain(t, "the refusal", overlayText(s), "va de 0 à 60 jours, pas 90")
	press(s, fyne.KeyEscape)
	p.noticeDays.SetText("10")
	test.Tap(p.saveNotice)
	if n, err := s.res.DebitNoticeDays(); err != nil || n != 10 {
		t.Errorf("notice period %d, %v", n, err)
	}
}

// TestOwnerCardFlaggedMandate: after two returned debits the card says so
// on its situation line, in the warning colour.
func TestOwnerCardFlaggedMandate(t *testing.T) {
	s, o := openOwners(t)
	m := ledger.Mandate{Owner: "450001", IBAN: "FR14 2004 1010 0505 0001 3M02 606", Signed: ledger.Date(2025, 1, 10)}
	if err := s.res.AddMandate(&m); err != nil {
		t.Fatal(err)
	}
	o.openCard("450001")
	mustNotContain(t, "the situation", o.card.situation.Text, "rejetés")
	if err := s.res.Update(func(tx *ledger.Tx) error {
		tx.MandateReturned(m.ID)
		return tx.MandateReturned(m.ID)
	}); err != nil {
		t.Fatal(err)
	}
	o.card.reload()
	mustContain(t, "the situation", o.card.situation.Text, "⚠ mandat SEPA : 2 prélèvements rejetés")
	if o.card.situation.Importance != widget.WarningImportance {
		t.Errorf("importance %v", o.card.situation.Importance)
	}
	mandateTab(t, o)
	mustContain(t, "the tab", tabText(o.card), "2 prélèvements rejetés : vérifiez avec le copropriétaire avant de prélever")
}
