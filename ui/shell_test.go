package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
)

func TestOpenResidence(t *testing.T) {
	s := newTestShell(t)
	mustContain(t, "the welcome page", windowText(s), "Aucune résidence n'est ouverte", "Nouvelle résidence…", "Ouvrir une résidence…")
	file := testResidence(t)
	openTest(t, s, file)

	if got, want := s.win.Title(), "Résidence des Tests – Exercice 2025 (en cours) – Tableau de bord – Tantième"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if s.nav.Length() != len(screens) {
		t.Errorf("navigation has %d entries, want %d", s.nav.Length(), len(screens))
	}
	text := windowText(s)
	mustContain(t, "the dashboard", text, "Résidence des Tests", "Exercice 2025 — situation au 30/06/2025", "750,00 €", "300,00 €",
		"1 débiteur sur 3 copropriétaires", "002 Ascenseur : total déclaré 300, lots 250", "Ouvrir « Copropriétaires »",
		"Fichier : "+file)
	mustNotContain(t, "a residence of the user", text, "démonstration")
	if recent := s.recentFiles(); len(recent) != 1 || recent[0] != file {
		t.Errorf("recent files = %v, want [%s]", recent, file)
	}

	// N-1…N+2: 2025 is the first exercise, so 2025, 2026, 2027.
	if got := s.exSelect.Options; len(got) != 3 || got[0] != "2025 (en cours)" || got[2] != "2027" {
		t.Errorf("exercises offered = %q", got)
	}
	s.exSelect.SetSelectedIndex(1)
	if s.exercise.Year() != 2026 || s.win.Title() != "Résidence des Tests – Exercice 2026 – Tableau de bord – Tantième" {
		t.Errorf("after choosing 2026: exercise %d, title %q", s.exercise.Year(), s.win.Title())
	}
	mustContain(t, "the dashboard of 2026", windowText(s), "Exercice 2026 — situation au 31/12/2026")

	s.menu.close.Action()
	if s.res != nil || s.win.Title() != "Tantième" {
		t.Errorf("after Fermer: residence %v, title %q", s.res, s.win.Title())
	}
	mustContain(t, "the welcome page after Fermer", windowText(s), "Fichiers récents", file)
	mustContain(t, "the recent files menu", s.menu.recent.ChildMenu.Items[0].Label, "Tests — ")
	s.menu.recent.ChildMenu.Items[0].Action()
	s.jobs.Wait()
	if s.res == nil || s.res.Path() != file {
		t.Fatalf("the recent file did not reopen")
	}
}

func TestOpenRefusesOtherFiles(t *testing.T) {
	s := newTestShell(t)
	notes := filepath.Join(t.TempDir(), "notes.copro")
	if err := os.WriteFile(notes, []byte("ceci n'est pas une résidence, juste du texte"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.open(notes)
	s.jobs.Wait()
	if s.res != nil {
		t.Fatal("a text file opened as a residence")
	}
	text := overlayText(s)
	mustContain(t, "the error dialog", text, "Opération impossible", "n'est pas une résidence Tantième (fichier .copro attendu)", "Fermer")
	mustNotContain(t, "the error dialog", text, "Erreur inattendue", "sqlite", "<nil>")
	press(s, fyne.KeyEscape)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("Escape left the error dialog open")
	}
	s.open(filepath.Join(t.TempDir(), "absent.copro"))
	s.jobs.Wait()
	mustContain(t, "the error dialog", overlayText(s), "n'existe pas")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("Enter left the error dialog open")
	}
}

func TestDemo(t *testing.T) {
	s := newTestShell(t)
	s.start(Options{}) // first launch: nothing recent, so the demo
	s.jobs.Wait()
	if s.res == nil || !s.demo {
		t.Fatalf("the first launch did not open the demo:\n%s", overlayText(s))
	}
	mustContain(t, "the window", windowText(s), "Résidence de démonstration — créez ou ouvrez votre résidence", "Nouvelle résidence…", "Ouvrir…")
	mustContain(t, "the title", s.win.Title(), app.DemoName+" (démonstration) – Exercice")
	demo := s.res.Path()
	if err := s.res.Update(func(tx *ledger.Tx) error { return tx.AddOwner(&ledger.Owner{Name: "Essai Jetable"}) }); err != nil {
		t.Fatal(err)
	}
	s.openDemo()
	s.jobs.Wait()
	list, err := s.res.OwnerSummaries(testToday)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range list {
		if o.Name == "Essai Jetable" {
			t.Errorf("the demo was not made afresh: %s is still there", o.Name)
		}
	}
	if len(s.recentFiles()) != 0 {
		t.Errorf("the demo went into the recent files: %v", s.recentFiles())
	}
	if s.res.Path() != demo {
		t.Errorf("demo moved from %s to %s", demo, s.res.Path())
	}
}

func TestClosedExerciseIsReadOnly(t *testing.T) {
	file := testResidence(t)
	r, err := app.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Update(func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		if _, err := tx.AddNextExercise(); err != nil {
			return err
		}
		return tx.CloseExercise(ex.ID)
	}); err != nil {
		t.Fatal(err)
	}
	r.Close()

	s := newTestShell(t)
	openTest(t, s, file)
	if s.exercise.Year() != 2026 {
		t.Fatalf("opened on %d, want the working exercise 2026", s.exercise.Year())
	}
	if got := s.exSelect.Options; len(got) != 4 || got[0] != "2025 (clos)" || got[1] != "2026 (en cours)" || got[3] != "2028" {
		t.Errorf("exercises offered = %q, want N-1 to N+2", got)
	}
	mustNotContain(t, "the working exercise", windowText(s), "consultation seulement")
	s.showScreen("owners")
	o := s.currentScreen().(*owners)
	mustContain(t, "the list of 2026", o.summary.Text, "Soldes au 31/12/2026")
	if o.add.Disabled() {
		t.Errorf("cannot create an owner in the working exercise")
	}

	s.exSelect.SetSelectedIndex(0)
	mustContain(t, "the title", s.win.Title(), "Exercice 2025 (clos)")
	mustContain(t, "the window", windowText(s), "Exercice 2025 clos : consultation seulement", "Revenir à l'exercice 2026")
	if !o.add.Disabled() || !s.menu.create.Disabled {
		t.Errorf("creating an owner is offered in a closed exercise")
	}
	o.create() // Ctrl+N does nothing either
	if s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("a form opened in a closed exercise")
	}
	o.openCard("450002")
	if !o.card.edit.Disabled() || !o.card.editNotes.Disabled() || !o.card.del.Disabled() {
		t.Errorf("the card offers changes in a closed exercise")
	}
	o.back()
	mustContain(t, "the list of 2025", o.summary.Text, "Soldes au 30/06/2025")
}

func TestExerciseChoice(t *testing.T) {
	var all []ledger.Exercise
	for y := 2020; y <= 2027; y++ {
		all = append(all, ledger.Exercise{ID: int64(y), Start: ledger.Date(y, 1, 1), End: ledger.Date(y, 12, 31)})
	}
	names := func(list []ledger.Exercise) (out []int) {
		for _, e := range list {
			out = append(out, e.Year())
		}
		return out
	}
	if got := names(exerciseChoice(all, all[4], all[4])); len(got) != 4 || got[0] != 2023 || got[3] != 2026 {
		t.Errorf("around 2024: %v, want 2023…2026", got)
	}
	if got := names(exerciseChoice(all, all[4], all[0])); len(got) != 5 || got[0] != 2020 {
		t.Errorf("showing 2020 around 2024: %v, want 2020 then 2023…2026", got)
	}
}

// TestFitsSmallScreens keeps every page and form within a 1024×768 screen
// (less the menu bar and the window's frame): a wider content makes the
// window grow past the screen, and what is on the right is lost.
func TestFitsSmallScreens(t *testing.T) {
	s, o := openOwners(t)
	fits := func(what string, obj fyne.CanvasObject) {
		t.Helper()
		if m := obj.MinSize(); m.Width > 1024 || m.Height > 690 {
			t.Errorf("%s needs %.0f×%.0f", what, m.Width, m.Height)
		}
	}
	fits("the owners list", s.win.Content())
	o.openCard("450003")
	for i := range o.card.tabs.Items {
		o.card.tabs.SelectIndex(i)
		fits("the card's tab "+o.card.tabs.Items[i].Text, s.win.Content())
	}
	o.create()
	fits("the owner form", s.win.Canvas().Overlays().Top())
	press(s, fyne.KeyEscape)
	s.newResidence()
	fits("the new-residence assistant", s.win.Canvas().Overlays().Top())
	press(s, fyne.KeyEscape)
	s.show(0)
	fits("the dashboard", s.win.Content())
	s.closeResidence()
	fits("the welcome page", s.win.Content())
}

func TestLongWorkShowsProgress(t *testing.T) {
	s := newTestShell(t)
	release := make(chan struct{})
	done := false
	s.runLong("Préparation de l'essai…", func() error { <-release; return nil }, func() { done = true })
	bar := false
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if _, ok := o.(*widget.ProgressBarInfinite); ok {
			bar = true
		}
	}
	if !bar {
		t.Errorf("no progress bar while working:\n%s", overlayText(s))
	}
	mustContain(t, "the progress dialog", overlayText(s), "Préparation de l'essai…", "Merci de patienter…")
	press(s, fyne.KeyEscape) // work cannot be cancelled half-way
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() == nil {
		t.Errorf("a key closed the progress dialog")
	}
	close(release)
	s.jobs.Wait()
	if !done || s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("after the work: done %v, dialogs:\n%s", done, overlayText(s))
	}

	s.runLong("Essai", func() error { return ledger.Errorf(ledger.Conflict, "Le fichier « x.copro » existe déjà") },
		func() { t.Error("then ran after a failure") })
	s.jobs.Wait()
	mustContain(t, "the error", overlayText(s), "Opération impossible", "Le fichier « x.copro » existe déjà")
}
