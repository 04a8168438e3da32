package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// loans records the loans remaining at the end of an exercise, prints them
// as the CLI.md contract says, and annexe 1 shows them; a refused amount
// leaves the file byte-identical. residence --general-key chooses the
// general key among the existing ones.
func TestLoansAndGeneralKey(t *testing.T) {
	f := demoFile(t)
	code, stdout, stderr := cli(t, "loans", f, "--year", "2025", "--remaining", "1 234,50", "--json")
	var got loansJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &got) != nil || got != (loansJSON{Year: 2025, Remaining: "1234.50"}) {
		t.Fatalf("loans: exit %d, %s %s", code, stdout, stderr)
	}
	before, _ := os.ReadFile(f)
	if code, _, stderr := cli(t, "loans", f, "--year", "2025", "--remaining", "-3"); code != 1 || !strings.Contains(stderr, "négatif") {
		t.Fatalf("negative loans: exit %d, %s", code, stderr)
	}
	if code, _, stderr := cli(t, "residence", f, "--general-key", "077"); code != 1 || !strings.Contains(stderr, "077") {
		t.Fatalf("unknown general key: exit %d, %s", code, stderr)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Fatal("a refused command changed the residence file")
	}
	var res residenceJSON
	code, stdout, stderr = cli(t, "residence", f, "--general-key", "002", "--json")
	if code != 0 || json.Unmarshal([]byte(stdout), &res) != nil || res.GeneralKey != "002" {
		t.Fatalf("--general-key 002: exit %d, %s %s", code, stdout, stderr)
	}
}
