package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestChequesSeriesAndDeposit: a series typed with `cheques`, listed in
// JSON, deposited by `deposit --all` once their dates have come; a wrong
// kind or series changes nothing.
func TestChequesSeriesAndDeposit(t *testing.T) {
	f := demoFile(t)
	code, out, stderr := cli(t, "cheques", f, "--owner", "450002", "--amount", "100", "--first", "2025-11-05", "--number", "0012345", "--count", "3")
	if code != 0 || !strings.Contains(out, "3 chèques de 100,00 €, du 05/11/2025 au 05/01/2026") {
		t.Fatalf("cheques: exit %d %q %s", code, out, stderr)
	}
	before, _ := os.ReadFile(f)
	for _, args := range [][]string{
		{"cheques", f, "--owner", "450002", "--amount", "100", "--first", "2025-11-05", "--number", "12A", "--count", "3"},
		{"cheques", f, "--owner", "450002", "--amount", "0", "--first", "2025-11-05", "--count", "3"},
		{"deposit", f, "--date", "2025-12-10", "--all", "--kind", "prélèvement"},
		{"deposit", f, "--date", "2025-12-10", "--all", "--kind", "virement"},
	} {
		if code, _, _ := cli(t, args...); code == 0 {
			t.Errorf("%v accepted", args)
		}
	}
	if after, _ := os.ReadFile(f); string(after) != string(before) {
		t.Error("a refused command changed the residence")
	}
	// With the demo's series of M. Moreau, whose first cheque is due on
	// 20/11/2025 (191,90 €).
	code, out, _ = cli(t, "deposit", f, "--date", "2025-12-10", "--all")
	if code != 0 || !strings.Contains(out, "3 chèques, 391,90 €") {
		t.Errorf("deposit --all: exit %d %q", code, out)
	}
	code, out, _ = cli(t, "cheques", f, "--list", "--json")
	var all, rows []chequeJSON
	if err := json.Unmarshal([]byte(out), &all); code != 0 || err != nil {
		t.Fatalf("cheques --list --json: exit %d %v\n%s", code, err, out)
	}
	for _, r := range all {
		if r.Owner == "450002" {
			rows = append(rows, r)
		}
	}
	if len(rows) != 3 || !rows[0].Received || !rows[1].Received || rows[2].Received || rows[2].Number != "0012347" || rows[2].Date != "2026-01-05" || rows[2].Amount != "100.00" {
		t.Errorf("cheques after the deposit %+v", rows)
	}
	if code, out, _ := cli(t, "cheques", f, "--list"); code != 0 || !strings.Contains(out, "à remettre") || !strings.Contains(out, "encaissé") {
		t.Errorf("cheques --list: %d\n%s", code, out)
	}
}
