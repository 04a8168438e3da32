package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/app/apptest"
)

// The seed's water example through the CLI: the figures of list --json
// (755 m3, 2 265 €; 730 m3, 2 190 €; 25 m3, 75 €), then the actual key
// updated from them.
func TestMetersJSONAndApply(t *testing.T) {
	f := apptest.MetersFile(t)
	code, out, stderr := cli(t, "meters", f, "list", "--json")
	if code != 0 {
		t.Fatalf("list: %s", stderr)
	}
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, k := range []string{"code", "year", "label", "unit", "unit_price", "estimate_key", "actual_key", "consumption", "estimate", "total", "general", "readings"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("key %q missing: %v", k, raw[0])
		}
	}
	var ms []meterJSON
	json.Unmarshal([]byte(out), &ms)
	m := ms[0]
	if m.Code != "EAU" || m.Year != 2025 || m.Consumption != "730" || m.Total != "2190.00" || m.General == nil ||
		m.General.Consumption != "755" || m.General.Total != "2265.00" || m.General.Common != "25" || m.General.CommonTotal != "75.00" {
		t.Errorf("meter %+v %+v", m, m.General)
	}
	if len(m.Readings) != 4 || !m.Readings[2].Flat || m.Readings[1].ChangedEnd != "2080" || m.Readings[0].Total != "900.00" || m.Readings[0].Gap != "-20" {
		t.Errorf("readings %+v", m.Readings)
	}
	code, out, stderr = cli(t, "meters", f, "apply", "--year", "2025", "--key", "801")
	if code != 0 || !strings.Contains(out, "La clé 801 reçoit les consommations relevées : 4 lots, total des tantièmes 0 → 730.") {
		t.Errorf("apply: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := cli(t, "meters", f, "apply", "--year", "2025", "--key", "001"); code != 1 || !strings.Contains(stderr, "Aucun compteur de 2025 n'a la clé 001") {
		t.Errorf("apply on another key: %d %s", code, stderr)
	}
	wb := filepath.Join(t.TempDir(), "r.csv")
	os.WriteFile(wb, []byte("Lot;Ancien index;Nouvel index\n1;1000;1290\n7;0;3\n"), 0o644)
	if code, _, stderr := cli(t, "meters", f, "import", wb, "--year", "2025"); code != 1 || !strings.Contains(stderr, "r.csv, ligne 3, colonne A (Lot) : le lot « 7 » n'existe pas") {
		t.Errorf("import of an unknown lot: %d %s", code, stderr)
	}
	os.WriteFile(wb, []byte("Lot;Ancien index;Nouvel index\n1;1000;1290\n"), 0o644)
	if code, out, stderr := cli(t, "meters", f, "import", wb, "--year", "2025"); code != 0 || !strings.Contains(out, "1 relevé importé dans le compteur EAU de 2025") {
		t.Errorf("import: %d %s %s", code, out, stderr)
	}
}
