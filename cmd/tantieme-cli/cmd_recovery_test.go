package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger/ledgertest"
)

// The demo's late payer 450004 through the CLI: the October call of the
// budget is not posted yet (cancelled), he owes the works fund's 32,44 €
// on 25 October.
func TestRecoveryCLI(t *testing.T) {
	f := demoFile(t)
	if code, _, stderr := cli(t, "calls", f, "--cancel", "A2025-0007"); code != 0 {
		t.Fatal(stderr)
	}
	notice := filepath.Join(t.TempDir(), "mise en demeure.pdf")
	code, out, stderr := cli(t, "recovery", f, "notice", "--owner", "450004", "--date", "2025-10-25", "--number", "1A 555", "--out", notice)
	if code != 0 || !strings.Contains(out, "32,44") {
		t.Fatalf("notice: %d %s %s", code, out, stderr)
	}
	if text := ledgertest.Flat(ledgertest.PDFFile(t, notice)); !strings.Contains(text, "n° 1A 555") || !strings.Contains(text, "article 19-2") {
		t.Errorf("notice PDF: %s", text)
	}
	if code, _, stderr := cli(t, "recovery", f, "receipt", "--owner", "450004", "--date", "2025-10-27"); code != 0 {
		t.Fatal(stderr)
	}
	// Received 27 October: 26 November is day 30, refused, the file
	// untouched; 27 November is day 31.
	before, _ := os.ReadFile(f)
	code, out, stderr = cli(t, "recovery", f, "accelerate", "--owner", "450004", "--date", "2025-11-26")
	if code != 1 || out != "" || !strings.Contains(stderr, "à partir du 27/11/2025") {
		t.Fatalf("day 30: %d %q %q", code, out, stderr)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Fatal("a refused acceleration changed the file")
	}
	// His part of the October call: 396,04 € on key 001 (58/1000 of
	// 6 828,29 €) and 147,22 € on key 004 (70/1000 of 2 103,12 €).
	code, out, stderr = cli(t, "recovery", f, "accelerate", "--owner", "450004", "--date", "2025-11-27")
	if code != 0 || !strings.Contains(out, "543,26") || !strings.Contains(out, "clé 001 396,04") || !strings.Contains(out, "clé 004 147,22") {
		t.Fatalf("accelerate: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := cli(t, "recovery", f, "cost", "--owner", "450004", "--amount", "7,50", "--date", "2025-11-27", "--label", "Lettre recommandée", "--account", "621300"); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr = cli(t, "recovery", f, "--json", "--at", "2025-11-30")
	if code != 0 {
		t.Fatal(stderr)
	}
	var files []recoveryJSON
	if err := json.Unmarshal([]byte(out), &files); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(files) != 1 || files[0].Owner != "450004" || files[0].State != "en cours" || len(files[0].Steps) != 3 {
		t.Fatalf("%s", out)
	}
	// 32,44 + 543,26 + 7,50 = 583,20 €.
	if files[0].Balance != "583.20" || files[0].Next.Kind != "dossier" {
		t.Errorf("%+v", files[0])
	}
	s := files[0].Steps
	if s[0].Kind != "notice" || s[0].LetterNumber != "1A 555" || s[0].Received != "2025-10-27" || s[0].Amount != "32.44" ||
		s[1].Kind != "acceleration" || s[1].Amount != "543.26" || s[2].Kind != "cost" || s[2].Amount != "7.50" {
		t.Errorf("steps: %+v", s)
	}
	dossier := filepath.Join(t.TempDir(), "dossier.pdf")
	if code, _, stderr := cli(t, "recovery", f, "dossier", "--owner", "450004", "--out", dossier, "--at", "2025-11-30"); code != 0 {
		t.Fatal(stderr)
	}
	if text := ledgertest.Flat(ledgertest.PDFFile(t, dossier)); !strings.Contains(text, "583,20") || !strings.Contains(text, "reçue le 27/10/2025") {
		t.Errorf("dossier: %s", text)
	}
	// At the end of 2025 he owes 583,20 €: posted as doubtful with a
	// provision of 300,00 €.
	code, out, stderr = cli(t, "recovery", f, "doubtful", "--owner", "450004", "--year", "2025", "--amount", "300")
	if code != 0 || !strings.Contains(out, "583,20 € au compte 459004") || !strings.Contains(out, "provision de 300,00 €") {
		t.Fatalf("doubtful: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := cli(t, "recovery", f, "doubtful", "--owner", "450004", "--year", "2025"); code != 1 || !strings.Contains(stderr, "pas de dette") {
		t.Errorf("twice: %d %s", code, stderr)
	}
}
