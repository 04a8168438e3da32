package ui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// transferShell is « Résidence des Tests » with IBANs, a livret 502000
// holding the works fund, and 500 € called into the fund: on 30 June 2025
// the current account holds 750 €, the livret nothing.
func transferShell(t *testing.T) *Shell {
	t.Helper()
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	for _, b := range []ledger.BankAccount{{Account: "512001", Label: "Compte courant", IBAN: "FR7630006000011234567890189", BIC: "AGRIFRPP"},
		{Account: "502000", Label: "Livret fonds de travaux", IBAN: "FR7630002008470000071433944", Fund: "105000"}} {
		if err := s.res.SaveBankAccount(b); err != nil {
			t.Fatal(err)
		}
	}
	e := ledger.Entry{Journal: ledger.JournalMisc, Date: ledger.Date(2025, 3, 1), Label: "Appel fonds de travaux", Lines: []ledger.Line{
		{Account: "450001", Debit: ledger.MustAmount("500")}, {Account: "105000", Credit: ledger.MustAmount("500")}}}
	if err := s.res.SaveEntry(0, &e); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTransferAssistant: the three steps of seed 001 — the proposal, a
// line in red with « Étape suivante » disabled while it is refused (the
// dialog keeping its size), the direction switched, the slip printed
// before step 3, then the entry and the file, named in the report.
func TestTransferAssistant(t *testing.T) {
	s := transferShell(t)
	var opened []string
	old := openDocument
	openDocument = func(_ fyne.App, u *url.URL) error { opened = append(opened, u.Path); return nil }
	t.Cleanup(func() { openDocument = old })

	s.transferFunds()
	mustContain(t, "step 1", overlayText(s), "Étape 1 sur 3 — Sélection", "502000 Livret fonds de travaux", "105000 Fonds de travaux : 500,00 €",
		"512001 Compte courant", "→  vers le livret")
	amount := dialogField(t, s, "0,00")
	next := dialogButton(t, s, "Étape suivante").(*widgets.Button)
	arrow := dialogButton(t, s, "→  vers le livret").(*widget.Button)
	if amount.Text != "500,00" || next.Disabled() {
		t.Fatalf("proposal %q, next disabled %v", amount.Text, next.Disabled())
	}
	size := s.win.Canvas().Overlays().Top().Size()
	amount.SetText("800")
	mustContain(t, "a line above the balance", overlayText(s), "Le montant dépasse le solde du compte 512001 au 30/06/2025 (750,00 €)")
	if !next.Disabled() {
		t.Error("« Étape suivante » enabled with a line refused")
	}
	if got := s.win.Canvas().Overlays().Top().Size(); got != size {
		t.Errorf("the dialog changed size with the error: %v → %v", size, got)
	}
	test.Tap(arrow)
	mustContain(t, "switched", arrow.Text, "←  vers le compte courant")
	mustContain(t, "switched", overlayText(s), "Le montant dépasse le solde du compte 502000")
	test.Tap(arrow)
	amount.SetText("500")
	if next.Disabled() || strings.Contains(overlayText(s), "dépasse") {
		t.Fatalf("500 € refused:\n%s", overlayText(s))
	}

	test.Tap(dialogButton(t, s, "Étape suivante"))
	mustContain(t, "step 2", overlayText(s), "Étape 2 sur 3 — Récapitulatif", "du compte 512001 vers le compte 502000, 500,00 €, le 30/06/2025",
		"1 virement, 500,00 € au total")
	if !next.Disabled() {
		t.Error("step 3 open before the slip was printed")
	}
	test.Tap(dialogButton(t, s, "Imprimer le bordereau"))
	s.jobs.Wait()
	if len(opened) != 1 || !strings.HasSuffix(opened[0], "Bordereau de virement du 2025-06-30.pdf") || next.Disabled() {
		t.Fatalf("slip opened %v, next disabled %v", opened, next.Disabled())
	}

	test.Tap(dialogButton(t, s, "Étape suivante"))
	mustContain(t, "step 3", overlayText(s), "Étape 3 sur 3 — Comptabilisation", "30/06/2025 — BQ — débit 502000, crédit 512001 : 500,00 €")
	dir := t.TempDir()
	dialogField(t, s, "Dossier où écrire").SetText(dir)
	test.Tap(dialogButton(t, s, "Générer et comptabiliser"))
	name := "VIREFOND_RESIDENCE_DES_TESTS_20250630_30006_1.xml"
	mustContain(t, "the report", overlayText(s), "1 virement comptabilisé au journal BQ", "Fichier écrit : "+filepath.Join(dir, name))
	if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || !strings.Contains(string(b), "<InstdAmt Ccy=\"EUR\">500.00</InstdAmt>") {
		t.Errorf("file: %v", err)
	}
	bal, _ := s.res.BankBalances(testToday)
	for _, b := range bal {
		if b.Account == "502000" && b.Balance != ledger.MustAmount("500") {
			t.Errorf("livret balance %s", b.Balance)
		}
	}
}

// TestSettingsLivretFund: Paramètres › Comptes bancaires chooses the fund a
// livret holds, among the works fund and the advances of the chart; the
// choice waits until the account is ticked as savings.
func TestSettingsLivretFund(t *testing.T) {
	s, p := openScreen[*settings](t, "settings")
	p.tabs.SelectIndex(1)
	test.Tap(p.addBank)
	dialogField(t, s, "par exemple : Compte courant").SetText("Livret fonds de travaux")
	dialogField(t, s, "FR76").SetText("FR7630002008470000071433944")
	var fund *widget.Select
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if x, ok := o.(*widget.Select); ok {
			fund = x
		}
	}
	if fund == nil {
		t.Fatalf("no fund choice:\n%s", overlayText(s))
	}
	if fund.Disabled() {
		t.Error("the fund choice is disabled on a livret")
	}
	mustContain(t, "the choices", strings.Join(fund.Options, "|"), "Aucun|", "105000 Fonds de travaux", "103100 Avances de trésorerie")
	fund.SetSelected("105000 Fonds de travaux")
	press(s, fyne.KeyReturn)
	mustContain(t, "the status line", s.statusText.Text, "Compte bancaire 502001 « Livret fonds de travaux » ajouté")
	banks, err := s.res.BankAccounts()
	if err != nil {
		t.Fatal(err)
	}
	var got string
	for _, b := range banks {
		if b.Account == "502001" {
			got = b.Fund
		}
	}
	if got != "105000" {
		t.Errorf("fund stored %q", got)
	}
}
