package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/ui/widgets"
)

// TestPublishDialog: Documents › Publier… asks the folder, the date to
// send again from, the three options and, for a folder never published
// to, whether to include the history; an error keeps the dialog's layout;
// the result says what was written and offers the folder; the folder is
// remembered in the residence.
func TestPublishDialog(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1751241600") // 30/06/2025
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	item := menuItem(t, s, "Documents", "Publier…")
	if item.Disabled {
		t.Fatal("Documents › Publier… disabled with a residence open")
	}
	item.Action()
	mustContain(t, "the dialog", overlayText(s), "Publier les documents", "Renvoyer depuis le", "Première publication dans ce dossier",
		"à partir du 01/01/2025", "Inclure l'historique", "Ne pas publier les coordonnées bancaires de la résidence",
		"Publier la liste des dépenses", "Montrer les comptes du fonds de travaux (102/105)")
	dir, ok := s.win.Canvas().Focused().(*widgets.Field)
	if !ok {
		t.Fatal("the folder field has not the focus")
	}
	to := filepath.Join(t.TempDir(), "Espace des copropriétaires")
	dir.SetText(to)
	var since *widgets.Field
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if f, ok := o.(*widgets.Field); ok && f.PlaceHolder == "JJ/MM/AAAA (facultatif)" {
			since = f
		}
	}
	if since == nil {
		t.Fatal("no « Renvoyer depuis le » field")
	}
	top := s.win.Canvas().Overlays().Top()
	before := top.Size()
	since.SetText("31/02/2025")
	test.Tap(dialogButton(t, s, "Publier"))
	mustContain(t, "the error", overlayText(s), "« Renvoyer depuis le »")
	if after := top.Size(); after != before {
		t.Errorf("the dialog moved when the error appeared: %v then %v", before, after)
	}
	since.SetText("")
	test.Tap(dialogButton(t, s, "Publier"))
	s.jobs.Wait()
	mustContain(t, "the result", overlayText(s), "Publication terminée", "fichiers ajoutés", "Première publication : documents datés à partir du 01/01/2025")
	dialogButton(t, s, "Ouvrir le dossier")
	if _, err := os.Stat(filepath.Join(to, "Conseil syndical", "manifeste.json")); err != nil {
		t.Error(err)
	}
	test.Tap(dialogButton(t, s, "Fermer"))
	item.Action()
	mustContain(t, "the dialog again", overlayText(s), "Ce dossier a déjà reçu une publication")
	if f, ok := s.win.Canvas().Focused().(*widgets.Field); !ok || f.Text != to {
		t.Errorf("the folder was not remembered")
	}
}
