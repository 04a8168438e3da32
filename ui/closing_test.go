package ui

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// catchOpened records what the program would open in the system's viewer.
func catchOpened(t *testing.T) *[]string {
	t.Helper()
	var opened []string
	old := openDocument
	openDocument = func(_ fyne.App, u *url.URL) error { opened = append(opened, u.Path); return nil }
	t.Cleanup(func() { openDocument = old })
	return &opened
}

func TestClosingAssistantClosesTheDemo(t *testing.T) {
	opened := catchOpened(t)
	s, _ := openDemoOn[screen](t, 2025, "dashboard")
	if s.menu.closing.Disabled {
		t.Fatal("Clôturer l'exercice… is off on the open exercise 2025")
	}
	s.closeExercise()
	s.jobs.Wait()
	mustContain(t, "step 1", overlayText(s), "Étape 1 sur 3 — Contrôles", "À vérifier", "Aucun problème bloquant")
	test.Tap(dialogButton(t, s, "Suivant"))
	mustContain(t, "step 2", overlayText(s), "Étape 2 sur 3", "Par clé de répartition", "Par copropriétaire", "Régularisation", "Solde après", "Total")
	test.Tap(dialogButton(t, s, "Suivant"))
	mustContain(t, "step 3", overlayText(s), "Étape 3 sur 3 — Clôture",
		"Clôturer l'exercice 2025 ? Les écritures de 2025 ne pourront plus être modifiées.")
	s.win.Canvas().Unfocus()
	press(s, fyne.KeyReturn) // a stray Enter does not close the exercise
	s.jobs.Wait()
	mustContain(t, "after Enter", overlayText(s), "Étape 3 sur 3 — Clôture")
	test.Tap(dialogButton(t, s, "Clôturer l'exercice 2025"))
	s.jobs.Wait()
	mustContain(t, "result", overlayText(s), "Exercice 2025 clôturé", "L'exercice en cours est maintenant 2026", "Ouvrir les annexes", "Éditer les décomptes", "Copie de sécurité prise avant : ")

	var exs []ledger.Exercise
	if err := s.res.View(func(tx *ledger.Tx) (err error) { exs, err = tx.Exercises(); return err }); err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		if ex.Year() == 2025 && !ex.Closed {
			t.Error("2025 is not closed")
		}
	}
	if s.exercise.Year() != 2026 || s.working.Year() != 2026 {
		t.Errorf("shown %s, working %s: want 2026", s.exercise.Name(), s.working.Name())
	}
	if !strings.Contains(s.win.Title(), "2026 (en cours)") {
		t.Errorf("title %q", s.win.Title())
	}

	if s.menu.closing.Disabled {
		t.Error("Clôturer l'exercice… is off on 2026")
	}

	test.Tap(dialogButton(t, s, "Ouvrir les annexes"))
	s.jobs.Wait()
	mustContain(t, "annexes", overlayText(s), "Annexes écrites", "contrôles croisés")
	if len(*opened) != 1 || !strings.HasSuffix((*opened)[0], "/Clôture 2025/ANNEXES_2025.pdf") {
		t.Fatalf("opened %v", *opened)
	}
	if _, err := os.Stat((*opened)[0]); err != nil {
		t.Fatal(err)
	}
	test.Tap(dialogButton(t, s, "Fermer")) // the annexes' dialog
	test.Tap(dialogButton(t, s, "Éditer les décomptes"))
	s.jobs.Wait()
	mustContain(t, "décomptes", overlayText(s), "Décomptes écrits")
	if len(*opened) != 2 || !strings.HasSuffix((*opened)[1], "/Clôture 2025/DECOMPTES_2025_TOUS.pdf") {
		t.Fatalf("opened %v\n%s", *opened, overlayText(s))
	}
	s.setExercise(exerciseOf(t, s, 2025))
	if !s.menu.closing.Disabled {
		t.Error("Clôturer l'exercice… is on for the closed exercise 2025")
	}
	mustContain(t, "banner", windowText(s), "Exercice 2025 clos")
}

func TestClosingAssistantBlocked(t *testing.T) {
	s := newTestShell(t)
	file := testResidence(t)
	openTest(t, s, file)
	// key 002 is declared 300 but its lots hold 250: the totals do not match
	err := s.res.Update(func(tx *ledger.Tx) error {
		if err := tx.UpdateKey(ledger.Key{Code: "002", Label: "Ascenseur", DeclaredTotal: decimal.NewFromInt(400)}); err != nil {
			return err
		}
		return tx.PostEntry(&ledger.Entry{Journal: "BQ", Date: ledger.Date(2025, 3, 1), Piece: "F1", Label: "Entretien ascenseur", Lines: []ledger.Line{
			{Account: "614000", Key: "002", Debit: ledger.MustAmount("120")},
			{Account: "512001", Credit: ledger.MustAmount("120")}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	s.closeExercise()
	s.jobs.Wait()
	text := overlayText(s)
	mustContain(t, "step 1", text, "Étape 1 sur 3 — Contrôles", "Bloquant : ", "refaites les contrôles")
	next := dialogButton(t, s, "Suivant").(*widgets.Button)
	if !next.Disabled() {
		t.Fatal("Suivant is on while a problem blocks")
	}
	test.Tap(next)
	mustNotContain(t, "after Suivant", overlayText(s), "Étape 2 sur 3")
}
