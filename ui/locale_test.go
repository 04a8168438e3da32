package ui

import (
	"testing"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// TestFileChooserFrench: on an English system, Fyne's file chooser and
// its other words are French all the same (issue 16, item 11).
func TestFileChooserFrench(t *testing.T) {
	t.Setenv("LC_ALL", "en_US.UTF-8")
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LANGUAGE", "")
	s := newTestShell(t)
	for en, fr := range map[string]string{"Save": "Enregistrer", "New Folder": "Nouveau dossier", "Show Hidden Files": "Afficher les fichiers cachés", "Yes": "Oui"} {
		if got := lang.L(en); got != fr {
			t.Errorf("%s = %q, want %q", en, got, fr)
		}
	}
	d := dialog.NewFileOpen(nil, s.win)
	s.showFileDialog(d)
	text := overlayText(s)
	mustContain(t, "the file chooser", text, "Ouvrir un fichier", "Annuler")
	mustNotContain(t, "the file chooser", text, "Open File", "Cancel")
}
