package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublishJSON: the contract's shape, one folder per owner named after
// the account, a second publication with nothing new adds nothing.
func TestPublishJSON(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("SOURCE_DATE_EPOCH", "1757894400")
	file := demoFile(t)
	to := t.TempDir()
	code, out, errs := cli(t, "publish", file, "--to", to, "--json")
	if code != 0 {
		t.Fatalf("publish: %d %s", code, errs)
	}
	var j map[string]any
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"added", "removed", "unchanged", "refused", "folders"} {
		if _, ok := j[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, out)
		}
	}
	var p publishJSON
	json.Unmarshal([]byte(out), &p)
	names := map[string]string{}
	for _, f := range p.Folders {
		names[f.Audience] = f.Folder
	}
	if names["owner:450001"] != "450001 - Bernard Jean-Luc et Françoise" || names["council"] != "Conseil syndical" || names["owners"] != "Tous les copropriétaires" || p.Added == 0 {
		t.Errorf("folders %v, %+v", names, p)
	}
	if _, err := os.Stat(filepath.Join(to, "Conseil syndical.zip")); err != nil {
		t.Error(err)
	}
	code, out, _ = cli(t, "publish", file, "--to", to)
	if code != 0 || !strings.Contains(out, "0 fichier ajouté, 0 retiré") {
		t.Errorf("second publication: %d %s", code, out)
	}
	if code, _, errs := cli(t, "publish", file); code != 2 || !strings.Contains(errs, "--to") {
		t.Errorf("without --to: %d %s", code, errs)
	}
	if code, _, errs := cli(t, "publish", file, "--to", file); code != 1 || !strings.Contains(errs, "est un fichier") && !strings.Contains(errs, "résidence") {
		t.Errorf("into the residence file: %d %s", code, errs)
	}
}
