package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// residence --siren stores the syndicat's SIREN, which then names the FEC;
// a wrong key is refused and leaves the file byte-identical.
func TestResidenceSIRENNamesTheFEC(t *testing.T) {
	f := demoFile(t)
	code, stdout, stderr := cli(t, "residence", f, "--siren", "732 829 320", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got residenceJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	if got.SIREN != "732829320" || got.Name == "" {
		t.Fatalf("residence after --siren: %+v", got)
	}
	before, _ := os.ReadFile(f)
	code, _, stderr = cli(t, "residence", f, "--siren", "732829321")
	if code != 1 || !strings.Contains(stderr, "clé de contrôle") {
		t.Fatalf("bad SIREN: exit %d: %s", code, stderr)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Fatal("a refused SIREN changed the residence file")
	}
	dir := t.TempDir()
	if code, _, stderr := cli(t, "export", f, "fec", "--year", "2025", "--out", dir); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "732829320FEC20251231.txt")); err != nil {
		t.Fatalf("FEC not named after the SIREN: %v", err)
	}
	// Only the flags given change: the name is kept, the SIREN cleared.
	code, stdout, _ = cli(t, "residence", f, "--siren", "", "--json")
	var cleared residenceJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &cleared) != nil || cleared.SIREN != "" || cleared.Name != got.Name {
		t.Fatalf("clearing the SIREN: exit %d, %s", code, stdout)
	}
	if code, stdout, _ := cli(t, "residence", f); code != 0 || !strings.Contains(stdout, "000000000FEC") {
		t.Fatalf("residence without flags: exit %d, %s", code, stdout)
	}
}
