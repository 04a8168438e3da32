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

// transferResidence is « Les Érables » with a current account that
// received 1 000 € and a livret holding the works fund.
func transferResidence(t *testing.T) string {
	t.Helper()
	f := impNewResidence(t)
	if code, _, stderr := cli(t, "import", "owners", f, impTestdata("proprietaires.xlsx")); code != 0 {
		t.Fatalf("import owners: %s", stderr)
	}
	for _, args := range [][]string{
		{"bank", "add", f, "--account", "512000", "--label", "Crédit Mutuel", "--iban", "FR76 3000 6000 0112 3456 7890 189", "--bic", "CMCIFRPP"},
		{"bank", "add", f, "--account", "502000", "--label", "Livret fonds de travaux", "--iban", "FR76 3000 2008 4700 0007 1433 944", "--fund", "105000"},
		{"bank", "add", f, "--account", "502100", "--label", "Livret avance", "--iban", "FR14 2004 1010 0505 0001 3M02 606"},
		{"pay", f, "--owner", "450001", "--amount", "1000", "--date", "2025-02-01"},
	} {
		if code, _, stderr := cli(t, args...); code != 0 {
			t.Fatalf("%v: %s", args, stderr)
		}
	}
	return f
}

// TestTransferCommand: the transfer is posted, its pain.001 and its slip
// written; the file is written again byte for byte; `bank list` shows the
// fund and the balances moved.
func TestTransferCommand(t *testing.T) {
	f := transferResidence(t)
	dir := t.TempDir()
	xml, slip := filepath.Join(dir, "virement.xml"), filepath.Join(dir, "bordereau.pdf")
	code, out, stderr := cli(t, "transfer", f, "--from", "512000", "--to", "502000", "--amount", "400,50", "--date", "2025-03-01",
		"--label", "Fonds de travaux T1", "--sepa", xml, "--slip", slip, "--version", "03")
	if code != 0 {
		t.Fatalf("transfer: exit %d %s", code, stderr)
	}
	if !strings.Contains(out, "Virement de 400,50 € du compte 512000 vers le compte 502000 le 01/03/2025") || !strings.Contains(out, "LESERABLES-V000001") {
		t.Errorf("output %q", out)
	}
	b, err := os.ReadFile(xml)
	if err != nil || !bytes.Contains(b, []byte("pain.001.001.03")) || !bytes.Contains(b, []byte("<InstdAmt Ccy=\"EUR\">400.50</InstdAmt>")) {
		t.Errorf("file %v\n%s", err, b)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, _ := exec.Command("pdftotext", "-layout", slip, "-").Output()
		if !strings.Contains(string(text), "400,50 €") || !strings.Contains(string(text), "Livret fonds de travaux (compte 502000)") {
			t.Errorf("slip:\n%s", text)
		}
	}
	again := filepath.Join(dir, "encore.xml")
	if code, _, stderr := cli(t, "transfer", f, "--again", "LESERABLES-V000001", "--sepa", again); code != 0 {
		t.Fatalf("again: %s", stderr)
	}
	if b2, _ := os.ReadFile(again); !bytes.Equal(b, b2) {
		t.Error("file written again differs")
	}
	code, out, _ = cli(t, "bank", "list", f, "--json")
	var banks []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &banks) != nil {
		t.Fatalf("bank list: %d %s", code, out)
	}
	got := ""
	for _, b := range banks {
		got += b["account"].(string) + ":" + b["fund"].(string) + ":" + b["balance"].(string) + " "
	}
	if got != "502000:105000:400.50 502100::0.00 512000::599.50 " {
		t.Errorf("bank list %q", got)
	}
	// Without --sepa the file goes beside the residence, under its name.
	if code, out, stderr := cli(t, "transfer", f, "--from", "502000", "--to", "512000", "--amount", "0.50", "--date", "2025-03-02"); code != 0 ||
		!strings.Contains(out, filepath.Join(filepath.Dir(f), "VIREFOND_LES_ERABLES_20250302_30002_2.xml")) {
		t.Errorf("transfer without --sepa: %d %s %s", code, out, stderr)
	}
}

// TestTransferRefused: a refused transfer leaves the residence byte for
// byte unchanged and writes no file.
func TestTransferRefused(t *testing.T) {
	f := transferResidence(t)
	before, _ := os.ReadFile(f)
	dir := t.TempDir()
	base := func(extra ...string) []string {
		return append([]string{"transfer", f, "--sepa", filepath.Join(dir, "v.xml"), "--slip", filepath.Join(dir, "b.pdf"), "--date", "2025-03-01"}, extra...)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{base("--from", "512000", "--to", "502000", "--amount", "1000,01"), 1, "dépasse le solde du compte 512000 au 01/03/2025 (1 000,00 €)"},
		{base("--from", "512000", "--to", "512000", "--amount", "10"), 1, "sont le même"},
		{base("--from", "512000", "--to", "502000", "--amount", "0"), 1, "supérieur à zéro"},
		{base("--from", "512000", "--to", "502000", "--amount", "10", "--label", "10 € au livret"), 1, "refusé"},
		{base("--from", "512000", "--to", "401000", "--amount", "10"), 1, "401000 n'est pas un compte bancaire"},
		{base("--from", "512000", "--to", "502000", "--amount", "10", "--date", "2031-01-01"), 1, "aucun exercice"},
		{base("--from", "512000", "--to", "502000", "--amount", "10", "--version", "02"), 2, "--version"},
		{base("--from", "512000", "--amount", "10"), 2, "--to est obligatoire"},
	} {
		code, _, stderr := cli(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d %q, want %d %q", tc.args[5:], code, stderr, tc.code, tc.want)
		}
		if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
			t.Fatalf("%v changed the residence", tc.args[5:])
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Fatalf("%v left %v", tc.args[5:], left)
		}
	}
}
