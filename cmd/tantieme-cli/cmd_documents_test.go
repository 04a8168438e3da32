package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDocumentsRegisterJSON(t *testing.T) {
	f := demoFile(t)
	if code, out, _ := cli(t, "documents", f); code != 0 || !strings.Contains(out, "registre des documents est vide") {
		t.Fatalf("empty register: %d %s", code, out)
	}
	if code, _, stderr := cli(t, "calls", f, "--notices", "2025-10-01", "--pdf", filepath.Join(t.TempDir(), "Appels")); code != 0 {
		t.Fatalf("notices: %s", stderr)
	}
	src := filepath.Join(t.TempDir(), "Règlement.pdf")
	os.WriteFile(src, []byte("%PDF-1.4\n%%EOF\n"), 0o644)
	code, out, stderr := cli(t, "documents", f, "add", src, "--binder", "Règlement de copropriété", "--title", "Règlement de copropriété", "--date", "1975-03-01", "--kind", "regulation")
	if code != 0 || !strings.Contains(out, "ajouté au registre") {
		t.Fatalf("add: %d %s %s", code, out, stderr)
	}
	code, out, stderr = cli(t, "documents", f, "--json")
	if code != 0 {
		t.Fatalf("documents --json: %s", stderr)
	}
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, k := range []string{"id", "binder", "title", "date", "owners", "file", "sha256", "kind", "exercise", "state"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("key %q missing: %v", k, raw[0])
		}
	}
	var docs []documentJSON
	json.Unmarshal([]byte(out), &docs)
	var notices, regulation int
	var regID string
	for _, d := range docs {
		switch d.Kind {
		case "notice":
			notices++
			if len(d.Owners) != 1 || d.Binder != "releves" || d.Date != "2025-10-01" || len(d.SHA256) != 64 {
				t.Errorf("notice %+v", d)
			}
		case "regulation":
			regulation++
			regID = d.ID
			if d.Binder != "reglement" || d.Date != "1975-03-01" || len(d.Owners) != 0 || d.State != "" || !strings.HasSuffix(d.File, "Règlement.pdf") {
				t.Errorf("regulation %+v", d)
			}
		}
	}
	if notices != 12 || regulation != 1 {
		t.Errorf("%d notices, %d regulations", notices, regulation)
	}
	if code, out, stderr := cli(t, "documents", f, "withdraw", regID); code != 0 || !strings.Contains(out, "retiré") {
		t.Fatalf("withdraw: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := cli(t, "documents", f, "withdraw", regID); code != 1 || !strings.Contains(stderr, "déjà retiré") {
		t.Errorf("withdraw twice: %d %s", code, stderr)
	}
	code, out, _ = cli(t, "documents", f, "--owner", "450004")
	if code != 0 || !strings.Contains(out, "Appel de fonds du 01/10/2025") || strings.Count(out, "\n") != 2 {
		t.Errorf("owner's documents:\n%s", out)
	}
	fake := filepath.Join(t.TempDir(), "faux.pdf")
	os.WriteFile(fake, []byte("<html>"), 0o644)
	if code, _, stderr := cli(t, "documents", f, "add", fake, "--binder", "divers", "--title", "Faux"); code != 1 || !strings.Contains(stderr, "n'en est pas un") {
		t.Errorf("fake PDF: %d %s", code, stderr)
	}
	if code, _, stderr := cli(t, "documents", f, "add", src, "--kind", "invoice", "--title", "Facture", "--entry", "999999"); code != 1 || !strings.Contains(stderr, "l'écriture n° 999999") {
		t.Errorf("invoice of no entry: %d %s", code, stderr)
	}
}
