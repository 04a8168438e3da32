package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestBankAddAndList: a residence made with `new` gets its bank accounts
// from the CLI, after which `pay` is accepted and `bank list` shows them.
func TestBankAddAndList(t *testing.T) {
	f := impNewResidence(t)
	if code, _, stderr := cli(t, "import", "owners", f, impTestdata("proprietaires.xlsx")); code != 0 {
		t.Fatalf("import owners: %s", stderr)
	}
	pay := []string{"pay", f, "--owner", "450001", "--amount", "120,50", "--date", "2025-02-01"}
	if code, _, stderr := cli(t, pay...); code != 1 {
		t.Fatalf("pay without a bank account: exit %d %s", code, stderr)
	}
	if code, out, _ := cli(t, "bank", "list", f, "--json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("bank list of a new residence: exit %d %q", code, out)
	}
	iban := "FR76 3000 6000 0112 3456 7890 189"
	for _, args := range [][]string{
		{"bank", "add", f, "--account", "512000", "--label", "Crédit Mutuel", "--iban", iban, "--bic", "cmcifrpp", "--ics", "FR72 ZZZ 123456"},
		{"bank", "add", "--savings", f, "--account", "501000", "--label", "Livret A", "--iban", iban},
	} {
		if code, out, stderr := cli(t, args...); code != 0 || !strings.Contains(out, "ajouté") {
			t.Fatalf("%v: exit %d %s%s", args, code, out, stderr)
		}
	}
	if code, _, stderr := cli(t, pay...); code != 0 {
		t.Fatalf("pay with a bank account: exit %d %s", code, stderr)
	}
	code, out, stderr := cli(t, "bank", "list", f, "--json")
	if code != 0 {
		t.Fatalf("bank list: %s", stderr)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, out)
	}
	want := []map[string]any{
		{"account": "501000", "label": "Livret A", "iban": "FR7630006000011234567890189", "bic": "", "ics": "", "savings": true, "fund": "", "balance": "0.00"},
		{"account": "512000", "label": "Crédit Mutuel", "iban": "FR7630006000011234567890189", "bic": "CMCIFRPP", "ics": "FR72ZZZ123456", "savings": false, "fund": "", "balance": "120.50"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bank list --json:\n%v\nwant\n%v", got, want)
	}
	if code, out, _ := cli(t, "bank", "list", f); code != 0 || !strings.Contains(out, "Livret A") || !strings.Contains(out, "120,50 €") {
		t.Errorf("bank list: exit %d\n%s", code, out)
	}

	before, _ := os.ReadFile(f)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--account", "512100", "--label", "X", "--iban", "FR76 3000 6000 0112 3456 7890 188"}, 1, "IBAN"},
		{[]string{"--account", "512100", "--label", "X", "--iban", iban, "--bic", "CMCI"}, 1, "BIC « CMCI »"},
		{[]string{"--account", "512100", "--label", "X", "--iban", iban, "--ics", "FR12ZZZ123456"}, 1, "FR12ZZZ123456"},
		{[]string{"--account", "512100", "--label", "X", "--iban", iban, "--savings"}, 1, "compte 50"},
		{[]string{"--account", "512100", "--label", "X", "--iban", iban, "--fund", "105000"}, 1, "Seul un compte d'épargne"},
		{[]string{"--account", "502100", "--label", "X", "--iban", iban, "--fund", "401000"}, 1, "fonds de travaux (105…)"},
		{[]string{"--account", "512000", "--label", "X", "--iban", iban}, 1, "déjà un compte bancaire"},
		{[]string{"--account", "401000", "--label", "X", "--iban", iban}, 1, "classe 5"},
		{[]string{"--account", "512100", "--label", "X"}, 2, "--iban est obligatoire"},
		{[]string{"--account", "512100", "--iban", iban}, 2, "--label est obligatoire"},
		{[]string{"--label", "X", "--iban", iban}, 2, "--account est obligatoire"},
	} {
		code, _, stderr := cli(t, append([]string{"bank", "add", f}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("bank add %v: exit %d %q, want %d %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
	for _, args := range [][]string{{"bank", "remove", f}, {"bank", "list", f, "--account", "512000"}, {"bank"}} {
		if code, _, _ := cli(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Error("a refused bank add changed the residence")
	}
}

// bank edit changes what is given of an existing account (the ICS the
// syndicat obtained for direct debits), checks it as bank add does, and
// leaves the file byte-identical when it refuses.
func TestBankEdit(t *testing.T) {
	f := filepath.Join(t.TempDir(), "demo.copro")
	if code, _, stderr := cli(t, "demo", f); code != 0 {
		t.Fatal(stderr)
	}
	if code, out, stderr := cli(t, "bank", "edit", f, "--account", "512001", "--ics", "FR72ZZZ123456"); code != 0 || !strings.Contains(out, "modifié (ICS)") {
		t.Fatalf("edit: exit %d %s%s", code, out, stderr)
	}
	_, out, _ := cli(t, "bank", "list", f, "--json")
	if !strings.Contains(out, `"ics": "FR72ZZZ123456"`) || !strings.Contains(out, `"label": "Compte courant"`) {
		t.Errorf("after edit: %s", out)
	}
	before, _ := os.ReadFile(f)
	for _, args := range [][]string{
		{"bank", "edit", f, "--account", "512001", "--ics", "FR12ZZZ123456"},
		{"bank", "edit", f, "--account", "512009", "--ics", "FR72ZZZ123456"},
		{"bank", "edit", f, "--account", "512001"},
		{"bank", "edit", f, "--account", "512001", "--savings"},
	} {
		if code, _, _ := cli(t, args...); code == 0 {
			t.Errorf("%v accepted", args)
		}
	}
	if after, _ := os.ReadFile(f); string(after) != string(before) {
		t.Error("a refused edit changed the file")
	}
}
