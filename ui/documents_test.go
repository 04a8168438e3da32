package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
)

func TestDocumentsWriteAnnexesAndAttendance(t *testing.T) {
	opened := catchOpened(t)
	s, d := openDemoOn[*documentsScreen](t, 2025, "documents")
	dir := filepath.Join(t.TempDir(), "Mes documents")
	if err := s.res.SetDocumentsFolder(dir); err != nil {
		t.Fatal(err)
	}
	d.tabs.SelectIndex(1) // « Imprimer »
	if d.dir.Text != dir {
		t.Errorf("folder line %q, want %q", d.dir.Text, dir)
	}
	mustContain(t, "screen", windowText(s), "Documents de l'exercice 2025", "Feuille de présence", "Export FEC (fichier des écritures)")

	d.annexes()
	s.jobs.Wait()
	mustContain(t, "annexes written", overlayText(s), "Annexes écrites", "PROJET")
	mustContain(t, "screen checks", windowText(s), "Contrôles croisés des annexes de 2025")
	for _, name := range []string{"PROJET_ANNEXES_2025.pdf", "PROJET_ANNEXE1_2025.pdf", "PROJET_ANNEXE5_2025.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	test.Tap(dialogButton(t, s, "Ouvrir le PDF"))
	if len(*opened) != 1 || filepath.Base((*opened)[0]) != "PROJET_ANNEXES_2025.pdf" {
		t.Errorf("opened %v", *opened)
	}
	test.Tap(dialogButton(t, s, "Fermer"))

	d.meeting.SetText("15/03/2026")
	d.attendance()
	s.jobs.Wait()
	if _, err := os.Stat(filepath.Join(dir, "FEUILLE_PRESENCE_2026-03-15.pdf")); err != nil {
		t.Fatalf("%v\n%s", err, overlayText(s))
	}
	d.labels()
	d.journal()
	d.trialBalance()
	s.jobs.Wait()
	for _, name := range []string{"ETIQUETTES_2026-03-15_3col.pdf", "JOURNAL_2025.pdf", "BALANCE_2025.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%v\n%s", err, overlayText(s))
		}
	}
	// Everything but the address labels is in the register.
	lines, err := s.res.DocumentRegister(ledger.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, l := range lines {
		kinds[l.Kind]++
	}
	if kinds["annex"] != 6 || kinds["attendance"] != 1 || kinds["book"] != 2 || len(lines) != 9 {
		t.Errorf("registered %v", kinds)
	}
}
