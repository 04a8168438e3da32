package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDebits: mandates, the batch of 01/01/2026 of the demo in JSON, its
// file XSD-valid, a return; refusals leave the residence byte-identical
// and no file.
func TestDebits(t *testing.T) {
	f := demoFile(t)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"calls", f, "--year", "2026"},
		{"mandate", f, "--owner", "450001", "--iban", "FR14 2004 1010 0505 0001 3M02 606", "--rum", "auto", "--signed", "2025-01-10"},
		{"mandate", f, "--owner", "450002", "--iban", "DE89 3704 0044 0532 0130 00", "--bic", "COBADEFFXXX", "--rum", "RUM-2", "--signed", "2025-01-10"},
		{"mandate", f, "--owner", "450003", "--iban", "GB82 WEST 1234 5698 7654 32", "--rum", "RUM-3", "--signed", "2025-01-10"},
		{"mandate", f, "--owner", "450003", "--signed", "2025-06-10", "--revoke"},
		// The demo's 512001 has the syndicat's ICS; this one has none.
		{"bank", "add", f, "--account", "512200", "--label", "Compte sans ICS", "--iban", "FR76 3000 4000 0312 3456 7890 143"},
	} {
		if code, _, stderr := cli(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	before, _ := os.ReadFile(f)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"mandate", f, "--owner", "450004", "--iban", "DE89 3704 0044 0532 0130 00", "--rum", "RUM-3", "--signed", "2025-01-10"}, "la RUM « RUM-3 » a déjà été donnée"},
		{[]string{"mandate", f, "--owner", "450001", "--iban", "DE89 3704 0044 0532 0130 00", "--rum", "RUM-9", "--signed", "2025-01-10"}, "un mandat est déjà en vigueur (RUM TILLEULS-450001-01)"},
		{[]string{"debits", f, "--date", "2026-01-01", "--sepa", dir, "--bank", "512200"}, "Le compte 512200 Compte sans ICS n'a pas d'identifiant créancier SEPA (ICS)"},
	} {
		code, _, stderr := cli(t, tc.args...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, stderr, tc.want)
		}
		if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
			t.Fatalf("%v changed the residence", tc.args)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("refused batches left %v", left)
	}
	if code, _, stderr := cli(t, "bank", "add", f, "--account", "512100", "--label", "Banque des prélèvements",
		"--iban", "FR76 3000 6000 0112 3456 7890 189", "--ics", "FR72ZZZ123456"); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := cli(t, "debits", f, "--date", "2026-01-01", "--sepa", dir, "--bank", "512100", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var j debitsJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err, out)
	}
	// The demo's owners are up to date at the end of 2025: each owes his
	// calls of 01/01/2026 (budget and works fund); 450003 revoked his;
	// 450005, 450009 and 450011 have the demo's own mandates.
	if j.Count != 5 || j.Debits[0].Owner != "450001" || j.Debits[0].Sequence != "FRST" || j.Debits[1].RUM != "RUM-2" ||
		j.Bank != "512100" || j.Schema != "pain.008.001.08" || len(j.Warnings) == 0 {
		t.Errorf("json %+v", j)
	}
	if _, err := exec.LookPath("xmllint"); err == nil {
		if out, err := exec.Command("xmllint", "--noout", "--schema", filepath.Join("..", "..", "sepa", "testdata", "pain.008.001.08.xsd"), j.File).CombinedOutput(); err != nil {
			t.Errorf("xmllint: %v\n%s", err, out)
		}
	}
	code, out, _ = cli(t, "owners", f, "--at", "2026-01-01", "--json")
	var owners []ownerJSON
	if err := json.Unmarshal([]byte(out), &owners); code != 0 || err != nil {
		t.Fatal(code, err)
	}
	for _, o := range owners {
		if (o.Account == "450001" || o.Account == "450002") && o.Balance != "0.00" {
			t.Errorf("%s balance %s after his debit", o.Account, o.Balance)
		}
	}
	code, out, stderr = cli(t, "debits-return", f, "--date", "2026-01-08", "--e2e", j.Debits[1].EndToEnd, "--reason", "AM04", "--fee", "12")
	if code != 0 || !strings.Contains(out, "frais de 12,00 € portés à son compte") {
		t.Errorf("return: exit %d %s%s", code, out, stderr)
	}
}

// Notices printed with `calls --notices` record the day the owners paying
// by direct debit were told: the batch then counts the 14 days from it,
// instead of saying no notice was ever produced.
func TestNoticesReprintRecordPrenotification(t *testing.T) {
	f := filepath.Join(t.TempDir(), "demo.copro")
	if code, _, stderr := cli(t, "demo", f); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := cli(t, "calls", f, "--year", "2026"); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := cli(t, "calls", f, "--notices", "2026-01-01", "--pdf", t.TempDir()); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := cli(t, "debits", f, "--date", "2026-01-20", "--sepa", t.TempDir(), "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	if strings.Contains(out, "aucun avis") || !strings.Contains(out, "les avis ont été produits le") {
		t.Errorf("the batch does not see the notices printed: %s", out)
	}
}
