package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/app/registry"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
	"tantieme/ui/widgets"
)

// Paramètres › Immatriculation on the demo closed for 2025, on 28/05/2026:
// the profile typed is kept (a wrong number of lifts refused, naming the
// field); the approval of the 2025 accounts on 10/04/2026 makes the update
// due on 10/06/2026 and writes it; « Fiche synthétique… » writes the fiche
// into « Clôture 2025 »; Outils offers it too.
func TestSettingsRegistryTab(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1780000000") // 28/05/2026
	opened := catchOpened(t)
	s, _ := openDemoOn[screen](t, 2025, "dashboard")
	s.now = func() time.Time { return ledger.Date(2026, 5, 28) }
	p, err := closing.Prepare(s.res, exerciseOf(t, s, 2025), closing.Options{})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := closing.Post(s.res, p); err != nil {
		t.Fatal(ledger.Message(err))
	}
	s.changed()
	if !s.showScreen(string(app.TopicSettings)) {
		t.Fatal("no settings screen")
	}
	set := s.currentScreen().(*settings)
	for _, item := range set.tabs.Items { // by its name: other tabs may come before it
		if item.Text == "Immatriculation" {
			set.tabs.Select(item)
		}
	}
	mustContain(t, "the tab", windowText(s), "Numéro d'immatriculation", "Période de construction",
		"Exercice 2025 : comptes approuvés par l'assemblée générale du", "Fiche synthétique…")
	tab := set.registry
	if w := s.win.Content().MinSize().Width; w > 1024 {
		t.Errorf("the tab needs %.0f px: more than 1024", w)
	}

	tab.fields["lifts"].(*widgets.Field).SetText("douze")
	test.Tap(tab.save)
	mustContain(t, "the error", overlayText(s), "Nombre d'ascenseurs : « douze » n'est pas un nombre de 0 à 999")
	test.Tap(dialogButton(t, s, "Fermer"))

	tab.fields["registration"].(*widgets.Field).SetText("ab1234567")
	// Going to another screen and back keeps what was typed.
	s.showScreen("dashboard")
	s.showScreen(string(app.TopicSettings))
	if got := tab.fields["lifts"].(*widgets.Field).Text; got != "douze" {
		t.Errorf("back on the tab, lifts shows %q: what was typed is lost", got)
	}
	tab.fields["lifts"].(*widgets.Field).SetText("1")
	tab.fields["heating"].(*choiceField).SetSelected("Collectif")
	tab.fields["staff"].(*widgets.CheckField).SetChecked(true)
	test.Tap(tab.save)
	prof, err := registry.LoadProfile(s.res)
	if err != nil || prof.Registration != "AB1234567" || prof.Lifts != 1 || prof.Heating != "collectif" || !prof.Staff || prof.Syndic != "benevole" {
		t.Fatalf("profile %+v, %v", prof, err)
	}
	if got := tab.fields["registration"].(*widgets.Field).Text; got != "AB1234567" {
		t.Errorf("the field shows %q, as stored: AB1234567", got)
	}

	tab.approved[2025].SetText("10/04/2026")
	test.Tap(findButton(t, tab.approvals.Objects[0], "Enregistrer"))
	if d, err := registry.AccountsApproved(s.res, 2025); err != nil || !d.Equal(ledger.Date(2026, 4, 10)) {
		t.Fatalf("approved %s, %v", ledger.ISO(d), err)
	}
	mustContain(t, "the status line", s.statusText.Text, "au plus tard le 10/06/2026")
	test.Tap(findButton(t, tab.approvals.Objects[0], "Mise à jour du registre…"))
	s.jobs.Wait()
	mustContain(t, "written", overlayText(s), "Mise à jour du registre écrite", "à déclarer au plus tard le 10/06/2026")
	test.Tap(dialogButton(t, s, "Fermer"))
	update := filepath.Join(s.closingFolder(exerciseOf(t, s, 2025)), registry.UpdateFileName(exerciseOf(t, s, 2025)))
	if _, err := os.Stat(update); err != nil {
		t.Fatal(err)
	}

	test.Tap(tab.fiche)
	dialogField(t, s, "JJ/MM/AAAA").SetText("30/12/2025") // 2025 not over yet on that day
	test.Tap(dialogButton(t, s, "Écrire la fiche"))
	mustContain(t, "the refusal, in the dialog", overlayText(s), "Aucun exercice n'est clôturé au 30/12/2025")
	dialogField(t, s, "JJ/MM/AAAA").SetText("31/12/2025")
	test.Tap(dialogButton(t, s, "Écrire la fiche"))
	s.jobs.Wait()
	mustContain(t, "written", overlayText(s), "Fiche synthétique écrite", "Clôture 2025")
	fiche := filepath.Join(s.closingFolder(exerciseOf(t, s, 2025)), registry.FicheFileName(ledger.Date(2025, 12, 31)))
	text := ledgertest.Flat(ledgertest.PDFFile(t, fiche))
	mustContain(t, "the fiche", text, "AB1234567", "Chauffage Collectif", "Personnel employé par le syndicat Oui", "Sommes restant dues par les copropriétaires 406,53 €")
	if len(*opened) != 2 || !strings.HasSuffix((*opened)[1], registry.FicheFileName(ledger.Date(2025, 12, 31))) {
		t.Errorf("opened %v", *opened)
	}
	found := false
	for _, item := range s.menu.tools {
		found = found || item.Label == "Fiche synthétique…"
	}
	if !found {
		t.Error("Outils has no « Fiche synthétique… »")
	}
}
