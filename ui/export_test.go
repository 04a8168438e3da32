package ui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/app/export"
	"tantieme/ledger"
	"tantieme/sheet"
)

func TestExportWorkbook(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	var opened []string
	openDocument = func(_ fyne.App, u *url.URL) error {
		opened = append(opened, u.String())
		return nil
	}
	t.Cleanup(func() { openDocument = func(a fyne.App, u *url.URL) error { return a.OpenURL(u) } })

	dir := filepath.Join(t.TempDir(), "Mes documents")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, exportName(s.info.Name, s.exercise))
	if filepath.Base(path) != "Résidence des Tests — export 2025.xlsx" {
		t.Errorf("name proposed: %q", filepath.Base(path))
	}
	s.exportTo(path, s.exercise)
	s.jobs.Wait()

	wb, err := sheet.OpenWorkbook(path)
	if err != nil {
		t.Fatalf("the workbook written does not read: %v", err)
	}
	if got := strings.Join(wb.SheetNames(), ", "); got != "Copropriétaires, Tantièmes, Écritures, Balance, Grand livre" {
		t.Errorf("sheets: %s", got)
	}
	owners, err := wb.Sheet(export.SheetOwners)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for r := 1; r <= owners.RowCount(); r++ {
		for c := 1; c <= owners.ColCount(); c++ {
			names = append(names, owners.Cell(r, c).Text())
		}
	}
	mustContain(t, "the owners' sheet", strings.Join(names, "|"), "Dupont Zoé", "Garçon Loïc", "Martin Anaïs")
	if st, err := os.Stat(path); err != nil || st.Mode().Perm()&0o044 == 0 {
		t.Errorf("the workbook is private to its writer: %v %v", st.Mode(), err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".tantieme-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	mustContain(t, "the message", overlayText(s), "Export terminé",
		"Le classeur « Résidence des Tests — export 2025.xlsx » est enregistré dans le dossier "+dir,
		"Il contient 5 feuilles pour l'exercice 2025 : Copropriétaires, Tantièmes, Écritures, Balance et Grand livre.",
		"Ouvrir le classeur", "Ouvrir le dossier", "Fermer")
	mustContain(t, "the status line", s.statusText.Text, "Exercice 2025 exporté vers Excel : "+path)
	test.Tap(dialogButton(t, s, "Ouvrir le dossier"))
	if len(opened) != 1 || !strings.HasPrefix(opened[0], "file://") || !strings.HasSuffix(opened[0], "/Mes%20documents") {
		t.Errorf("opened %v, want the folder", opened)
	}
	if s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("the message stayed open after opening the folder")
	}
	if got := s.app.Preferences().String(prefExportDir); got != dir {
		t.Errorf("the folder is not remembered: %q", got)
	}

	// Writing again over it keeps a whole workbook; an impossible folder
	// says so in French and leaves nothing behind.
	s.exportTo(path, s.exercise)
	s.jobs.Wait()
	if _, err := sheet.OpenWorkbook(path); err != nil {
		t.Errorf("overwritten workbook: %v", err)
	}
	press(s, fyne.KeyEscape)
	s.exportTo(filepath.Join(dir, "absent", "x.xlsx"), s.exercise)
	s.jobs.Wait()
	mustContain(t, "the refusal", overlayText(s), "Opération impossible", "Impossible d'écrire dans le dossier")
}

func TestExportName(t *testing.T) {
	ex := ledger.Exercise{Start: ledger.Date(2025, time.July, 1), End: ledger.Date(2026, time.June, 30)}
	if got := exportName("Les Tilleuls / Bât. A", ex); got != "Les Tilleuls - Bât. A — export 01-07-2025 – 30-06-2026.xlsx" {
		t.Errorf("exportName = %q", got)
	}
}
