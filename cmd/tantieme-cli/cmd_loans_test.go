package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/ledger"
)

// loans records the loans remaining at the end of an exercise, prints them
// as the CLI.md contract says, and annexe 1 shows them; a refused amount
// leaves the file byte-identical. residence --general-key chooses the
// general key among the existing ones.
func TestLoansAndGeneralKey(t *testing.T) {
	f := demoFile(t)
	code, stdout, stderr := cli(t, "loans", f, "--year", "2025", "--remaining", "1 234,50", "--label", "Crédit Foncier,\n ravalement", "--json")
	var got loansJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &got) != nil || got != (loansJSON{Year: 2025, Remaining: "1234.50", Label: "Crédit Foncier, ravalement"}) {
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

// accounts --delete removes an account never used and refuses one with
// entries (file unchanged); journals --add/--rename/--delete.
func TestAccountsAndJournals(t *testing.T) {
	f := demoFile(t)
	before, _ := os.ReadFile(f)
	if code, _, stderr := cli(t, "accounts", f, "--delete", "615000"); code != 1 || !strings.Contains(stderr, "écritures") {
		t.Fatalf("used account: exit %d, %s", code, stderr)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Fatal("a refused deletion changed the residence file")
	}
	if code, _, stderr := cli(t, "accounts", f, "--delete", "622000"); code != 1 || !strings.Contains(stderr, "officiel") {
		t.Fatalf("official account: exit %d, %s", code, stderr)
	}
	r, err := app.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	err = r.AddAccount(ledger.Account{Code: "622010", Label: "Honoraires de l'expert"})
	r.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := cli(t, "accounts", f, "--delete", "622010", "--json")
	var accounts []accountJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &accounts) != nil || len(accounts) == 0 {
		t.Fatalf("delete 622000: exit %d, %s %s", code, stdout, stderr)
	}
	for _, a := range accounts {
		if a.Account == "622010" {
			t.Fatal("622010 still in the chart")
		}
	}
	if code, _, stderr := cli(t, "journals", f, "--add", "CAI", "--label", "Caisse"); code != 0 {
		t.Fatalf("add: exit %d, %s", code, stderr)
	}
	code, stdout, stderr = cli(t, "journals", f, "--rename", "CAI", "--label", "Petite caisse", "--json")
	var journals []journalJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &journals) != nil || len(journals) != 5 ||
		journals[4] != (journalJSON{Code: "CAI", Label: "Petite caisse"}) || !journals[0].Standard {
		t.Fatalf("rename: exit %d, %s %s", code, stdout, stderr)
	}
	if code, _, stderr := cli(t, "journals", f, "--delete", "BQ"); code != 1 || !strings.Contains(stderr, "BQ") {
		t.Fatalf("delete BQ: exit %d, %s", code, stderr)
	}
}
