package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportBooksAndMeetingDocuments(t *testing.T) {
	f := demoFile(t)
	before := booksOf(t, f)
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		out  string // stdout starts with
	}{
		{[]string{"journal", "--year", "2025"}, "Journal général – Exercice 2025 – du 01/01/2025 au 31/12/2025 – écrit dans "},
		{[]string{"journal", "--journal", "BQ", "--from", "2025-04-01", "--to", "2025-06-30"}, "Journal BQ – Exercice 2025 – période du 01/04/2025 au 30/06/2025 – écrit dans "},
		{[]string{"grand-livre", "--year", "2025", "--from", "2025-04-01"}, "Grand livre – Exercice 2025 – période du 01/04/2025 au 31/12/2025"},
		{[]string{"balance", "--year", "2025"}, "Balance générale – Exercice 2025"},
		{[]string{"balance-keys"}, "Balance par clé – Exercice 2025"},
		{[]string{"owner-statements", "--to", "2025-06-30"}, "Relevés des copropriétaires – Exercice 2025 – période du 01/01/2025 au 30/06/2025"},
		{[]string{"attendance", "--date", "2025-06-12", "--sort", "account", "--title", "Émargement"}, "Feuille de présence de l'assemblée du 12/06/2025 : 12 copropriétaires, 1 000 tantièmes – écrite dans "},
		{[]string{"labels", "--columns", "2", "--date", "2025-12-31"}, "12 étiquettes sur 1 planche de 2 × 7 écrites dans "},
		{[]string{"labels", "--elsewhere", "--date", "2025-12-31"}, "3 étiquettes sur 1 planche de 3 × 7 écrites dans "},
		{[]string{"council", "--date", "2025-12-31"}, "Conseil syndical : 2 membres – liste écrite dans "},
	} {
		path := filepath.Join(dir, strings.Join(c.args, "_")+".pdf")
		args := append([]string{"report", f, c.args[0], "--out", path}, c.args[1:]...)
		code, out, stderr := cli(t, args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", c.args, code, stderr)
			continue
		}
		if !strings.HasPrefix(out, c.out) || !strings.Contains(out, path) {
			t.Errorf("%v: stdout %q", c.args, out)
		}
		if b, err := os.ReadFile(path); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || pdfPages(b) == 0 {
			t.Errorf("%v: %s is not a PDF (%v)", c.args, path, err)
		}
	}
	// The books are untouched; the register holds each document but the
	// labels (a print aid, not a document anyone is given).
	if booksOf(t, f) != before {
		t.Error("a report changed the books")
	}
	if n := registered(t, f); n != 8 {
		t.Errorf("%d documents registered, want 8 (6 books, the attendance sheet, the council list)", n)
	}
	out := filepath.Join(dir, "x.pdf")
	for _, args := range [][]string{
		{"report", f, "labels", "--columns", "4", "--out", out},
		{"report", f, "attendance", "--sort", "age", "--out", out},
	} {
		if code, _, _ := cli(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args[2:], code)
		}
	}
	code, _, stderr := cli(t, "report", f, "balance", "--from", "2024-12-01", "--out", out)
	if code != 1 || !strings.Contains(stderr, "doit être comprise dans l'exercice 2025") {
		t.Errorf("period outside the exercise: exit %d: %s", code, stderr)
	}
	code, _, stderr = cli(t, "report", f, "journal", "--journal", "ZZ", "--out", out)
	if code != 1 || !strings.Contains(stderr, "Le journal ZZ n'existe pas.") {
		t.Errorf("unknown journal: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused report left a file")
	}
}

func TestExportFEC(t *testing.T) {
	f := demoFile(t)
	out := filepath.Join(t.TempDir(), "FEC20251231.txt")
	code, stdout, stderr := cli(t, "export", f, "fec", "--year", "2025", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stdout != "Export fec de l'exercice 2025 écrit dans "+out+".\n" {
		t.Errorf("stdout %q", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	if !strings.HasPrefix(lines[0], "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\t") || len(lines) < 100 {
		t.Errorf("%d lines, header %q", len(lines), lines[0])
	}
	for i, l := range lines {
		if n := strings.Count(l, "\t"); n != 17 {
			t.Fatalf("line %d has %d fields", i+1, n+1)
		}
	}
}

// booksOf is the residence's trial balance as the CLI prints it in JSON:
// what a document written from the books must leave as it was.
func booksOf(t *testing.T, f string) string {
	t.Helper()
	code, out, stderr := cli(t, "balance", f, "--json")
	if code != 0 {
		t.Fatalf("balance: exit %d: %s", code, stderr)
	}
	return out
}

// registered counts the documents of the register.
func registered(t *testing.T, f string) int {
	t.Helper()
	code, out, stderr := cli(t, "documents", f, "--json")
	if code != 0 {
		t.Fatalf("documents: exit %d: %s", code, stderr)
	}
	return strings.Count(out, `"sha256"`)
}
