package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"tantieme/bankfile"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// stubStatements stands in for the statement reader until the parsers are
// wired in: the file's text names the statements the test wants.
func stubStatements(t *testing.T, sts map[string][]bankfile.Statement) {
	t.Helper()
	old := readStatement
	readStatement = func(name string, data []byte) ([]bankfile.Statement, error) {
		if s, ok := sts[strings.TrimSpace(string(data))]; ok {
			return s, nil
		}
		return nil, &bankfile.Error{File: name, Where: "ligne 1", Msg: "code d'enregistrement inconnu « 99 »"}
	}
	t.Cleanup(func() { readStatement = old })
}

func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBankImportPendingAssign(t *testing.T) {
	f := ledgertest.Calls(t, []ledgertest.Lot{{Number: "1", Owner: "450001", Shares: map[string]string{"001": "600"}},
		{Number: "2", Owner: "450002", Shares: map[string]string{"001": "400"}}})
	d := ledger.Date(2025, 3, 3)
	st := bankfile.Statement{Format: "test", Account: bankfile.Account{IBAN: "FR7630006000011234567890189"}, Currency: "EUR",
		Lines: []bankfile.Line{
			{Date: d, Amount: 12050, Label: "VIR SEPA REF 450001"},
			{Date: d, Amount: -850, Label: "FRAIS TENUE DE COMPTE"},
		}}
	other := st
	other.Account = bankfile.Account{IBAN: "FR7610107001011234567890129"}
	stubStatements(t, map[string][]bankfile.Statement{"mars": {st}, "autre": {other}})
	mars := writeTemp(t, "mars.txt", "mars")

	// --dry-run writes nothing.
	before, _ := os.ReadFile(f)
	code, out, stderr := cli(t, "bank", "import", f, mars, "--dry-run", "--json")
	if code != 0 {
		t.Fatalf("dry run: exit %d %s", code, stderr)
	}
	if now, _ := os.ReadFile(f); !bytes.Equal(before, now) {
		t.Error("--dry-run changed the residence")
	}
	var dry struct {
		Lines []map[string]string `json:"lines"`
	}
	if err := json.Unmarshal([]byte(out), &dry); err != nil || len(dry.Lines) != 2 || dry.Lines[0]["status"] != "posted" {
		t.Fatalf("dry run JSON: %v\n%s", err, out)
	}

	code, out, stderr = cli(t, "bank", "import", f, mars, "--json")
	if code != 0 {
		t.Fatalf("import: exit %d %s", code, stderr)
	}
	var doc struct {
		Lines []map[string]string `json:"lines"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, out)
	}
	want := []map[string]string{
		{"id": "1", "bank": "512001", "date": "2025-03-03", "amount": "120.50", "label": "VIR SEPA REF 450001", "status": "posted",
			"account": "450001", "reason": "compte 450001 dans le libellé"},
		{"id": "2", "bank": "512001", "date": "2025-03-03", "amount": "-8.50", "label": "FRAIS TENUE DE COMPTE", "status": "pending",
			"account": "", "reason": "aucun fournisseur reconnu"},
	}
	if !reflect.DeepEqual(doc.Lines, want) {
		t.Errorf("bank import --json:\n%v\nwant\n%v", doc.Lines, want)
	}
	// Again: skipped.
	if code, out, _ := cli(t, "bank", "import", f, mars); code != 0 || !strings.Contains(out, "0 ligne(s) comptabilisée(s), 0 en attente, 2 déjà importée(s)") {
		t.Errorf("re-import: exit %d\n%s", code, out)
	}

	code, out, stderr = cli(t, "bank", "pending", f, "--json")
	if code != 0 {
		t.Fatalf("pending: %s", stderr)
	}
	var pending []map[string]any
	if err := json.Unmarshal([]byte(out), &pending); err != nil {
		t.Fatal(err, out)
	}
	wantPending := []map[string]any{{"id": "2", "bank": "512001", "date": "2025-03-03", "amount": "-8.50", "label": "FRAIS TENUE DE COMPTE",
		"suggestions": []any{}}}
	if !reflect.DeepEqual(pending, wantPending) {
		t.Errorf("bank pending --json:\n%v\nwant\n%v", pending, wantPending)
	}
	if code, out, _ := cli(t, "bank", "pending", f); code != 0 || !strings.Contains(out, "FRAIS TENUE DE COMPTE") {
		t.Errorf("bank pending: exit %d\n%s", code, out)
	}

	if code, _, stderr := cli(t, "bank", "assign", f, "2", "--account", "662000"); code != 1 || !strings.Contains(stderr, "clé de répartition") {
		t.Errorf("assign without a key: exit %d %s", code, stderr)
	}
	if code, out, stderr := cli(t, "bank", "assign", f, "2", "--account", "662000", "--key", "001"); code != 0 || !strings.Contains(out, "comptabilisée sur le compte 662000") {
		t.Errorf("assign: exit %d %s%s", code, out, stderr)
	}
	if code, out, _ := cli(t, "bank", "pending", f, "--json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("nothing pending: %s", out)
	}
	if code, out, stderr := cli(t, "check", f); code != 0 {
		t.Errorf("check: %s%s", out, stderr)
	}

	// Refusals: exit 1, the residence untouched.
	before, _ = os.ReadFile(f)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"bank", "import", f, writeTemp(t, "autre.txt", "autre")}, 1, "le compte FR7610107001011234567890129, qui n'est pas un compte bancaire de la résidence"},
		{[]string{"bank", "import", f, writeTemp(t, "x.txt", "x")}, 1, "« x.txt », ligne 1 : code d'enregistrement inconnu « 99 »"},
		{[]string{"bank", "import", f, filepath.Join(t.TempDir(), "absent.txt")}, 1, "ne peut pas être lu"},
		{[]string{"bank", "assign", f, "2", "--account", "450001"}, 1, "n'est pas en attente"},
		{[]string{"bank", "assign", f, "deux", "--account", "450001"}, 2, "numéro de ligne « deux » invalide"},
		{[]string{"bank", "assign", f, "2"}, 2, "--account est obligatoire"},
		{[]string{"bank", "import", f}, 2, "un relevé attendu"},
		{[]string{"bank", "pending", f, "--dry-run"}, 2, "--dry-run ne concerne que bank import"},
		{[]string{"bank", "import", f, mars, "--key", "001"}, 2, "--key ne concerne que bank assign"},
	} {
		code, _, stderr := cli(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d %q, want %d %q", tc.args[1:], code, stderr, tc.code, tc.want)
		}
	}
	if now, _ := os.ReadFile(f); !bytes.Equal(before, now) {
		t.Error("a refused command changed the residence")
	}
}

// The command reads real statement files: a file that is none is refused
// saying which formats are read, and a real CFONB 120 file for an account
// the residence does not have is refused naming that account.
func TestBankImportReadsFiles(t *testing.T) {
	f := ledgertest.Calls(t, nil)
	code, _, stderr := cli(t, "bank", "import", f, writeTemp(t, "releve.sta", "01..."))
	if code != 1 || !strings.Contains(stderr, "« releve.sta » : ce n'est pas un relevé bancaire que Tantième sait lire") {
		t.Errorf("not a statement: exit %d %s", code, stderr)
	}
	code, _, stderr = cli(t, "bank", "import", f, "../../bankfile/cfonb/testdata/cfonb120_pennylane_example.txt")
	if code != 1 || !strings.Contains(stderr, "le relevé porte sur le compte RIB 15589 00000 98765432100, qui n'est pas un compte bancaire de la résidence") {
		t.Errorf("another account: exit %d %s", code, stderr)
	}
}
