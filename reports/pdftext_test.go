package reports

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfText extracts the text of a PDF with poppler's pdftotext (-layout keeps
// the columns on one line). Tests that need it skip when it is missing;
// .ci/run installs it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", in, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// pages splits pdftotext's output on form feeds.
func pages(text string) []string {
	p := strings.Split(text, "\f")
	if len(p) > 0 && strings.TrimSpace(p[len(p)-1]) == "" {
		p = p[:len(p)-1]
	}
	return p
}
