package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// --out DIR names the FEC SIRENFECAAAAMMJJ.txt, with 000000000 for the demo
// that has no SIREN; --encoding latin9 writes it in ISO 8859-15.
func TestExportFECNameAndEncoding(t *testing.T) {
	f := demoFile(t)
	dir := t.TempDir()
	code, stdout, stderr := cli(t, "export", f, "fec", "--year", "2025", "--out", dir, "--encoding", "latin9")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := filepath.Join(dir, "000000000FEC20251231.txt")
	if !strings.Contains(stdout, want) {
		t.Errorf("stdout %q, want %s", stdout, want)
	}
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	// « Opérations diverses »: é is one byte, 0xE9, in ISO 8859-15.
	if utf8.Valid(b) || !strings.Contains(string(b), "Op\xe9rations diverses") {
		t.Error("the FEC is not in ISO 8859-15")
	}
	for _, c := range []struct{ args []string }{
		{[]string{"export", f, "fec", "--out", filepath.Join(dir, "x.txt"), "--encoding", "ebcdic"}},
		{[]string{"export", f, "hledger", "--out", filepath.Join(dir, "x.journal"), "--encoding", "latin9"}},
	} {
		if code, _, stderr := cli(t, c.args...); code != 2 || !strings.Contains(stderr, "--encoding") {
			t.Errorf("%v: exit %d: %s", c.args, code, stderr)
		}
	}
}
