package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// cli runs the command in-process and returns exit code, stdout, stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func demoFile(t *testing.T) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "Les Tilleuls.copro")
	if code, _, stderr := cli(t, "demo", f); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	return f
}

var plainAmount = regexp.MustCompile(`^-?[0-9]+\.[0-9]{2}$`)

func TestDemoPassesCheckAndBalances(t *testing.T) {
	f := demoFile(t)
	if code, out, stderr := cli(t, "check", f); code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr := cli(t, "balance", f, "--json")
	if code != 0 {
		t.Fatalf("balance: exit %d: %s", code, stderr)
	}
	var doc balanceJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("balance --json is not one JSON document: %v\n%s", err, out)
	}
	if doc.Year != 2025 || len(doc.Accounts) == 0 {
		t.Fatalf("year %d, %d accounts", doc.Year, len(doc.Accounts))
	}
	if doc.TotalDebit != doc.TotalCredit {
		t.Errorf("total debit %s != total credit %s", doc.TotalDebit, doc.TotalCredit)
	}
	for _, a := range doc.Accounts {
		for _, v := range []string{a.Debit, a.Credit, a.Balance} {
			if !plainAmount.MatchString(v) {
				t.Errorf("account %s: amount %q is not like \"1234.56\"", a.Account, v)
			}
		}
		if a.Label == "" || len(a.Account) != 6 {
			t.Errorf("account %+v", a)
		}
	}
	// The same with --year and flags before the file.
	code2, out2, _ := cli(t, "balance", "--json", "--year", "2025", f)
	if code2 != 0 || out2 != out {
		t.Errorf("balance --json --year 2025 FILE differs from balance FILE --json")
	}
}

func TestOwnersJSON(t *testing.T) {
	f := demoFile(t)
	code, out, stderr := cli(t, "owners", f, "--json")
	if code != 0 {
		t.Fatalf("owners: exit %d: %s", code, stderr)
	}
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if len(raw) < 12 {
		t.Fatalf("%d owners", len(raw))
	}
	for _, o := range raw {
		for _, k := range []string{"account", "name", "lots", "shares", "balance"} {
			if _, ok := o[k]; !ok {
				t.Errorf("owner %s lacks %q", o["account"], k)
			}
		}
		if string(o["lots"]) == "null" {
			t.Errorf("owner %s: lots is null, want []", o["account"])
		}
	}
	var owners []ownerJSON
	json.Unmarshal([]byte(out), &owners)
	withLots := 0
	for _, o := range owners {
		if !plainAmount.MatchString(o.Balance) {
			t.Errorf("owner %s balance %q", o.Account, o.Balance)
		}
		if len(o.Lots) > 0 {
			withLots++
			if o.Shares["001"] == "" {
				t.Errorf("owner %s has lots but no general shares", o.Account)
			}
		}
	}
	if withLots < 12 {
		t.Errorf("%d owners with lots", withLots)
	}
	// At the start of the year nobody has any movement yet.
	code, out, _ = cli(t, "owners", f, "--at", "2024-12-31", "--json")
	if code != 0 {
		t.Fatal("owners --at 2024-12-31 failed")
	}
	json.Unmarshal([]byte(out), &owners)
	for _, o := range owners {
		if o.Balance != "0.00" {
			t.Errorf("owner %s has balance %s before the first exercise", o.Account, o.Balance)
		}
	}
}

// TestHledgerExportMatchesBalance reads the export with hledger itself.
func TestHledgerExportMatchesBalance(t *testing.T) {
	hledger, err := exec.LookPath("hledger")
	if err != nil {
		t.Skip("hledger is not installed")
	}
	f := demoFile(t)
	journal := filepath.Join(t.TempDir(), "out.journal")
	if code, _, stderr := cli(t, "export", f, "hledger", "--year", "2025", "--out", journal); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	cmd := exec.Command(hledger, "-f", journal, "bal", "--no-total", "-O", "csv")
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8")
	csvOut, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("hledger: %v\n%s", err, csvOut)
	}
	rows, err := csv.NewReader(bytes.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[0]] = strings.TrimSpace(strings.TrimSuffix(r[1], "EUR"))
	}
	_, out, _ := cli(t, "balance", f, "--year", "2025", "--json")
	var doc balanceJSON
	json.Unmarshal([]byte(out), &doc)
	want := map[string]string{}
	for _, a := range doc.Accounts {
		if a.Balance != "0.00" {
			want[a.Account] = a.Balance
		}
	}
	if len(want) == 0 {
		t.Fatal("empty balance")
	}
	for acc, w := range want {
		if got[acc] != w {
			t.Errorf("account %s: hledger %q, tantieme %q", acc, got[acc], w)
		}
	}
	for acc, g := range got {
		if _, ok := want[acc]; !ok {
			t.Errorf("hledger has account %s (%s) that the balance has not", acc, g)
		}
	}
}

func TestNewResidence(t *testing.T) {
	f := filepath.Join(t.TempDir(), "Le Clos.copro")
	code, _, stderr := cli(t, "new", f, "--name", "Le Clos des Érables", "--start", "2026-07-01")
	if code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	if code, out, stderr := cli(t, "check", f); code != 0 {
		t.Fatalf("check: %s%s", out, stderr)
	}
	code, out, _ := cli(t, "balance", f, "--json")
	var doc balanceJSON
	json.Unmarshal([]byte(out), &doc)
	if code != 0 || doc.Year != 2026 || len(doc.Accounts) != 0 || doc.TotalDebit != "0.00" {
		t.Errorf("new residence balance: %s", out)
	}
	if !strings.Contains(out, `"accounts": []`) {
		t.Errorf("empty accounts must be [], got %s", out)
	}
}

// A refused command says one French sentence on stderr, exits 1 and leaves
// the residence byte-for-byte unchanged.
func TestRefusedCommandsLeaveFileUntouched(t *testing.T) {
	f := demoFile(t)
	before, _ := os.ReadFile(f)
	notCopro := filepath.Join(t.TempDir(), "notes.copro")
	os.WriteFile(notCopro, []byte("ceci n'est pas une résidence"), 0o644)
	cases := [][]string{
		{"new", f, "--name", "Doublon", "--start", "2025-01-01"},
		{"demo", f},
		{"balance", f, "--year", "1999", "--json"},
		{"owners", f, "--at", "31/13/2025", "--json"},
		{"export", f, "hledger", "--year", "2025", "--out", filepath.Join(t.TempDir(), "absent", "x.journal")},
		{"check", notCopro},
		{"balance", filepath.Join(t.TempDir(), "absent.copro"), "--json"},
		{"new", filepath.Join(t.TempDir(), "x.copro"), "--name", "Trop long", "--start", "2025-01-01", "--end", "2026-12-31"},
	}
	for _, args := range cases {
		code, stdout, stderr := cli(t, args...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1 (stderr %q)", args, code, stderr)
		}
		if args[0] != "check" && stdout != "" {
			t.Errorf("%v: stdout %q, want nothing", args, stdout)
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if len(lines) != 1 || !strings.HasSuffix(lines[0], ".") || strings.Contains(stderr, "sqlite") {
			t.Errorf("%v: stderr is not one French sentence: %q", args, stderr)
		}
		after, _ := os.ReadFile(f)
		if !bytes.Equal(before, after) {
			t.Fatalf("%v changed the residence file", args)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate", "x.copro"},
		{"balance"},
		{"balance", "x.copro", "--frob"},
		{"new", "x.copro"},
		{"export", "x.copro", "pdf", "--out", "y"},
	} {
		if code, _, _ := cli(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
