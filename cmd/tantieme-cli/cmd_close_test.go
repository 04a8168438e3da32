package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger"
)

func TestCloseAndAnnexes(t *testing.T) {
	f := demoFile(t)
	before, _ := os.ReadFile(f)
	dir := t.TempDir()

	// The preview and the projected annexes leave the file as it is.
	code, out, stderr := cli(t, "close", f, "--year", "2025", "--preview", "--owners-at", "2026-03-01")
	if code != 0 {
		t.Fatalf("preview: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Aperçu de la clôture de l'exercice 2025", "propriétaires du 01/03/2026", "Attention : Le compte 512001",
		"001 Charges générales", "450013", "-3 851,21", "À nouveaux au 01/01/2026"} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	code, out, stderr = cli(t, "report", f, "annexes", "--year", "2025", "--out", filepath.Join(dir, "projet.pdf"))
	if code != 0 || !strings.Contains(out, "PROJET") || !strings.Contains(out, "12 contrôles vérifiés") {
		t.Errorf("projected annexes: exit %d: %s%s", code, out, stderr)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Fatal("the preview changed the residence")
	}

	// A suspense account blocks the closing, which leaves the file as it is.
	db, err := ledger.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *ledger.Tx) error {
		return tx.PostEntry(&ledger.Entry{Journal: "BQ", Date: ledger.Date(2025, 12, 30), Label: "Virement inconnu",
			Lines: []ledger.Line{{Account: "512001", Debit: 4200}, {Account: "471000", Credit: 4200}}})
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	blocked, _ := os.ReadFile(f)
	code, _, stderr = cli(t, "close", f, "--year", "2025")
	if code != 1 || !strings.Contains(stderr, "Clôture de l'exercice 2025 impossible : le compte d'attente 471000 n'est pas soldé") {
		t.Errorf("blocked closing: exit %d: %s", code, stderr)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(blocked, after) {
		t.Fatal("a refused closing changed the residence")
	}
	db, _ = ledger.Open(f)
	err = db.Update(func(tx *ledger.Tx) error {
		return tx.PostEntry(&ledger.Entry{Journal: "OD", Date: ledger.Date(2025, 12, 31), Label: "Imputation",
			Lines: []ledger.Line{{Account: "471000", Debit: 4200}, {Account: "450008", Credit: 4200}}})
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	code, out, stderr = cli(t, "close", f, "--year", "2025", "--owners-at", "2026-03-01")
	if code != 0 || !strings.Contains(out, "Exercice 2025 clôturé : 6 écritures passées au 31/12/2025") || !strings.Contains(out, "exercice en cours : 2026") {
		t.Fatalf("close: exit %d: %s%s", code, out, stderr)
	}
	if code, _, stderr := cli(t, "close", f, "--year", "2025"); code != 1 || !strings.Contains(stderr, "L'exercice 2025 est déjà clos") {
		t.Errorf("closing twice: exit %d: %s", code, stderr)
	}
	if code, out, _ := cli(t, "check", f); code != 0 {
		t.Errorf("check after closing: %s", out)
	}
	for n, kind := range []string{"annexe1", "annexe2", "annexe3", "annexe4", "annexe5", "annexes"} {
		path := filepath.Join(dir, kind+".pdf")
		code, out, stderr := cli(t, "report", f, kind, "--year", "2025", "--out", path)
		if code != 0 || !strings.Contains(out, "vérifiés") || strings.Contains(out, "PROJET") {
			t.Errorf("%s: exit %d: %s%s", kind, code, out, stderr)
		}
		if kind != "annexes" && !strings.Contains(out, "Annexe n° "+string(rune('1'+n))) {
			t.Errorf("%s: %s", kind, out)
		}
		if st, err := os.Stat(path); err != nil || st.Size() < 1000 {
			t.Errorf("%s: %v", path, err)
		}
	}
	decomptes := filepath.Join(dir, "decomptes")
	code, out, stderr = cli(t, "report", f, "decomptes", "--year", "2025", "--out", decomptes)
	if code != 0 || out != "13 décomptes écrits de l'exercice 2025 dans "+decomptes+".\n" {
		t.Errorf("decomptes: exit %d: %q %s", code, out, stderr)
	}
	for _, name := range []string{"DECOMPTES_2025_TOUS.pdf", "DECOMPTE_2025_450013_PETIT_MAXIME_ET_JULIE.pdf", "DECOMPTE_2025_450006_FOURNIER_LOIC.pdf"} {
		if _, err := os.Stat(filepath.Join(decomptes, name)); err != nil {
			t.Error(err)
		}
	}
}
