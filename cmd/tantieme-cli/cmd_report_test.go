package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/app"
)

func TestReportReminders(t *testing.T) {
	f := demoFile(t)
	before := booksOf(t, f)
	dir := filepath.Join(t.TempDir(), "relances")
	code, out, stderr := cli(t, "report", f, "reminders", "--at", "2025-12-31", "--threshold", "100", "--pay-by", "2026-01-31", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if out != "1 relance écrite au 31/12/2025 (575,70 € dus au total) — dans "+dir+".\n" {
		t.Errorf("stdout %q", out)
	}
	for _, name := range []string{"RELANCE_DU_31_12_2025_450004_MOREAU_STEPHANE.pdf", "RELANCES_DU_31_12_2025_TOUS.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	if booksOf(t, f) != before {
		t.Error("reminders changed the books")
	}
	if n := registered(t, f); n != 1 {
		t.Errorf("%d documents registered, want the one reminder (never the combined file)", n)
	}
	code, _, stderr = cli(t, "report", f, "reminders", "--at", "2025-12-31", "--threshold", "100 000", "--pay-by", "2026-01-31", "--out", dir)
	if code != 1 || !strings.Contains(stderr, "Aucun copropriétaire ne doit plus de 100 000,00 € au 31/12/2025") {
		t.Errorf("nobody to remind: exit %d: %s", code, stderr)
	}
	for _, args := range [][]string{
		{"report", f, "reminders", "--out", dir},
		{"report", f, "frobnicate", "--out", dir},
		{"report", f, "reminders", "--at", "2025-12-31", "--pay-by", "2026-01-31"},
	} {
		if code, _, _ := cli(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args[2:], code)
		}
	}
}

// A report while the window holds the residence is written all the same,
// and says it is not in the register.
func TestReportWhileTheWindowHoldsTheFile(t *testing.T) {
	f := demoFile(t)
	r, err := app.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	path := filepath.Join(t.TempDir(), "journal.pdf")
	code, out, stderr := cli(t, "report", f, "journal", "--out", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "La résidence est ouverte par un autre programme : le document sera écrit mais pas inscrit au registre des documents.\n") {
		t.Errorf("stdout %q", out)
	}
	if _, err := os.Stat(path); err != nil {
		t.Error(err)
	}
}
