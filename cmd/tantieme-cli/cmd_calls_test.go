package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestCallsPreviewPostAndNotices(t *testing.T) {
	f := demoFile(t)
	before, _ := os.ReadFile(f)
	code, out, stderr := cli(t, "calls", f, "--year", "2026", "--preview")
	if code != 0 {
		t.Fatalf("preview: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Aperçu des appels de l'exercice 2026 (rien n'est enregistré)", "01/01/2026", "Appel de fonds 1er trimestre 2026",
		"Appel fonds de travaux 4e trimestre 2026", "105000", "48 387,87 €"} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	preview := t.TempDir()
	if code, out, stderr := cli(t, "calls", f, "--year", "2026", "--preview", "--pdf", preview); code != 0 || !strings.Contains(out, "Aperçu des avis dans") {
		t.Fatalf("preview with PDFs: exit %d: %s%s", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(preview, "2026-04-01", "APERCU_APPELS_DU_01_04_2026_TOUS.pdf")); err != nil {
		t.Error(err)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Fatal("a preview changed the residence")
	}

	dir := filepath.Join(t.TempDir(), "avis")
	code, out, stderr = cli(t, "calls", f, "--year", "2026", "--count", "4", "--pdf", dir, "--statement")
	if code != 0 {
		t.Fatalf("calls: exit %d: %s", code, stderr)
	}
	if want := "8 appels générés (4 du budget, 4 du fonds de travaux), 48 387,87 € au total — 48 avis dans " + dir + ".\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	notice := filepath.Join(dir, "2026-07-01", "APPEL_DU_01_07_2026_450013_PETIT_MAXIME_ET_JULIE.pdf")
	if _, err := os.Stat(notice); err != nil {
		t.Fatal(err)
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		text, _ := exec.Command(bin, notice, "-").Output()
		for _, want := range []string{"M. et Mme Petit Maxime et Julie", "Appel du 01/07/2026 – 3e trimestre 2026", "Fonds de travaux", "Relevé de votre compte"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("notice lacks %q", want)
			}
		}
	}
	if code, _, _ := cli(t, "check", f); code != 0 {
		t.Error("check fails after the calls")
	}

	// Works calls of the lift campaign, then a cancellation.
	code, out, stderr = cli(t, "calls", f, "--year", "2026", "--works", "ASC")
	if code != 0 || out != "4 appels générés, 24 000,00 € au total.\n" {
		t.Fatalf("works: exit %d: %q %s", code, out, stderr)
	}
	code, out, stderr = cli(t, "calls", f, "--cancel", "a2026-0003")
	if code != 0 || !strings.Contains(out, "Appel A2026-0003 du 01/04/2026 (") || !strings.Contains(out, "annulé par une écriture inverse du 01/04/2026.") {
		t.Fatalf("cancel: exit %d: %q %s", code, out, stderr)
	}
	reprint := t.TempDir()
	code, out, stderr = cli(t, "calls", f, "--notices", "2026-01-01", "--pdf", reprint)
	if code != 0 || !strings.HasPrefix(out, "12 avis du 01/01/2026, ") {
		t.Fatalf("reprint: exit %d: %q %s", code, out, stderr)
	}
}

func TestCallsRefused(t *testing.T) {
	f := demoFile(t)
	// A file where the notices' folder should be: the folder cannot exist.
	blocker := filepath.Join(t.TempDir(), "fichier")
	os.WriteFile(blocker, []byte("x"), 0o644)
	before, _ := os.ReadFile(f)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--year", "2025"}, "Les appels du budget 2025 sont déjà passés (A2025-0001, A2025-0003, A2025-0005 et A2025-0007)"},
		{[]string{"--year", "2025", "--fund"}, "Le fonds de travaux 2025 est déjà appelé"},
		{[]string{"--year", "1999"}, "Aucun exercice ne commence en 1999"},
		{[]string{"--year", "2026", "--count", "5"}, "il se découpe en 1, 2, 3, 4, 6 ou 12 appels, pas en 5"},
		{[]string{"--year", "2026", "--works", "XYZ"}, "La campagne de travaux XYZ n'existe pas"},
		{[]string{"--year", "2025", "--works", "ASC"}, "Aucun appel de la campagne de travaux ASC n'est à passer dans l'exercice 2025"},
		{[]string{"--year", "2026", "--pdf", filepath.Join(blocker, "avis")}, "ne peut pas être créé"},
		{[]string{"--cancel", "A0999"}, "Aucun appel de fonds ne porte la pièce « A0999 »"},
		{[]string{"--notices", "2025-02-01", "--pdf", t.TempDir()}, "Aucun appel de fonds n'est passé au 01/02/2025"},
	}
	for _, c := range cases {
		args := append([]string{"calls", f}, c.args...)
		code, stdout, stderr := cli(t, args...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1 (%s)", c.args, code, stderr)
		}
		if stdout != "" {
			t.Errorf("%v: stdout %q", c.args, stdout)
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if len(lines) != 1 || !strings.HasSuffix(lines[0], ".") || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: stderr %q, want one sentence with %q", c.args, stderr, c.want)
		}
		if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
			t.Fatalf("%v changed the residence file", c.args)
		}
	}

	// A new residence has no budget yet.
	empty := filepath.Join(t.TempDir(), "Vide.copro")
	cli(t, "new", empty, "--name", "Le Clos", "--start", "2026-01-01")
	if code, _, stderr := cli(t, "calls", empty, "--year", "2026"); code != 1 || !strings.Contains(stderr, "Le budget de l'exercice 2026 est vide") {
		t.Errorf("no budget: exit %d: %s", code, stderr)
	}
}

func TestCallsUsage(t *testing.T) {
	for _, args := range [][]string{
		{"calls"},
		{"calls", "x.copro", "--works", "ASC", "--fund"},
		{"calls", "x.copro", "--count", "-1"},
		{"calls", "x.copro", "--notices", "2025-01-01"},
		{"calls", "x.copro", "--works", "ASC", "--count", "4"},
		{"calls", "x.copro", "--date", "2025-01-01"},
	} {
		if code, _, _ := cli(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
