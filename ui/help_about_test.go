package ui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/internal/version"
	"tantieme/ui/widgets"
)

// stubOpen records what the program asks the system to open.
func stubOpen(t *testing.T) *[]string {
	t.Helper()
	var opened []string
	old := openDocument
	openDocument = func(_ fyne.App, u *url.URL) error {
		opened = append(opened, u.Path)
		return nil
	}
	t.Cleanup(func() { openDocument = old })
	return &opened
}

func TestAbout(t *testing.T) {
	s := newTestShell(t)
	file := testResidence(t)
	openTest(t, s, file)
	opened := stubOpen(t)
	settings, _ := os.UserConfigDir()
	settings = filepath.Join(settings, "Tantieme")

	menuItem(t, s, "Aide", "À propos de Tantième").Action()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Aide › À propos de Tantième opened nothing")
	}
	if m := top.MinSize(); m.Width > 1024 || m.Height > 690 {
		t.Errorf("À propos needs %.0f×%.0f", m.Width, m.Height)
	}
	shown := overlayText(s)
	mustContain(t, "À propos", shown, version.String(), "licence MIT", "Lire la licence",
		"Tantième ne va jamais sur Internet", "votre propre serveur de messagerie",
		"Résidence ouverte :", file, "Réglages de Tantième :", settings,
		"Résidence de démonstration :", filepath.Join(settings, "demo"),
		"Dernières sauvegardes :", "Aucune sauvegarde n'a encore été faite sur cet ordinateur.",
		"Fyne", "excelize", "modernc.org/sqlite", "fpdf", "decimal", "DejaVu", "BSD à 3 clauses", "licence MIT")

	// The first Copier is the open residence's path.
	test.Tap(dialogButton(t, s, "Copier"))
	if got := s.app.Clipboard().Content(); got != file {
		t.Errorf("Copier put %q on the clipboard, want %q", got, file)
	}
	mustContain(t, "after copying", overlayText(s), "Copié")

	// Ouvrir le dossier opens the settings folder, made when missing.
	test.Tap(dialogButton(t, s, "Ouvrir le dossier"))
	if len(*opened) != 1 || filepath.FromSlash((*opened)[0]) != settings {
		t.Errorf("Ouvrir le dossier opened %q, want %q", *opened, settings)
	}
	if st, err := os.Stat(settings); err != nil || !st.IsDir() {
		t.Errorf("the settings folder was not made: %v", err)
	}

	test.Tap(dialogButton(t, s, "Lire la licence"))
	mustContain(t, "the licence", texts(s.win.Canvas().Overlays().Top()), "Licence de Tantième (MIT)", "MIT License",
		"Permission is hereby granted, free of charge")
	press(s, fyne.KeyEscape)
	mustContain(t, "À propos after the licence", texts(s.win.Canvas().Overlays().Top()), version.String())
	test.Tap(dialogButton(t, s, "Lire la licence des polices DejaVu"))
	mustContain(t, "the fonts' licence", texts(s.win.Canvas().Overlays().Top()), "Bitstream Vera")
	press(s, fyne.KeyEscape)
	press(s, fyne.KeyEscape)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("Escape left a dialog open:\n%s", overlayText(s))
	}
}

// TestAboutPlaces covers what À propos says with nothing open, with the
// demo open, and after a backup on a stick that is not plugged in.
func TestAboutPlaces(t *testing.T) {
	s := newTestShell(t)
	places := func() map[string]dataPlace {
		out := map[string]dataPlace{}
		for _, p := range s.dataPlaces() {
			out[p.what] = p
		}
		return out
	}
	if p := places()["Résidence ouverte"]; p.path != "" || p.none != "Aucune résidence n'est ouverte." {
		t.Errorf("nothing open: %+v", p)
	}
	s.openDemo()
	s.jobs.Wait()
	if !s.demo {
		t.Fatalf("the demo did not open:\n%s", overlayText(s))
	}
	ps := places()
	if p := ps["Résidence ouverte"]; p.path != "" || !strings.Contains(p.none, "démonstration") {
		t.Errorf("demo open: the residence line is %+v", p)
	}
	if p := ps["Résidence de démonstration"]; p.path != s.res.Path() {
		t.Errorf("demo at %q, À propos says %q", s.res.Path(), p.path)
	}

	// A backup folder that is gone (the stick unplugged) is not made on
	// the computer's disk: the user is told to plug the stick in.
	stick := filepath.Join(t.TempDir(), "CLE USB")
	if err := os.MkdirAll(stick, 0o755); err != nil {
		t.Fatal(err)
	}
	s.backupForm()
	top := s.win.Canvas().Overlays().Top()
	for _, o := range visible(top) {
		if f, ok := o.(*widgets.Field); ok && f.Text == backupFolder() {
			f.SetText(stick)
		}
	}
	test.Tap(dialogButton(t, s, "Sauvegarder"))
	s.jobs.Wait()
	press(s, fyne.KeyEscape)
	if p := places()["Dernières sauvegardes"]; p.path != stick {
		t.Fatalf("after a backup to %s, À propos says %+v", stick, p)
	}
	if err := os.RemoveAll(stick); err != nil {
		t.Fatal(err)
	}
	opened := stubOpen(t)
	s.showAbout()
	var folderButtons int
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widgets.Button); ok && b.Text == "Ouvrir le dossier" {
			folderButtons++
			if folderButtons == 2 { // the backups' folder
				test.Tap(b)
			}
		}
	}
	if folderButtons != 2 {
		t.Fatalf("%d « Ouvrir le dossier » buttons, want 2 (settings, backups)", folderButtons)
	}
	if len(*opened) != 0 {
		t.Errorf("a folder that is gone was opened: %q", *opened)
	}
	if _, err := os.Stat(stick); err == nil {
		t.Error("the unplugged stick's folder was made on the computer's disk")
	}
	mustContain(t, "the message", overlayText(s), "Dossier introuvable", "branchez-la")
}
