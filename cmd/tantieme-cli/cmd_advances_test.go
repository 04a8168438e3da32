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

// calls --advance and --direct, advances --json and --repay on the demo,
// whose key 001 has 1 000 tantièmes, 92 of them to 450003: 2 000,00 € ×
// 92 / 1 000 = 184,00 € of advance; 1 234,57 € × 92 / 1 000 = 113,58044,
// 113,58 € (its remainder, .044, is among the smallest).
func TestAdvanceAndOneOffCalls(t *testing.T) {
	f := demoFile(t)
	dir := filepath.Join(t.TempDir(), "avis")
	code, out, stderr := cli(t, "calls", f, "--advance", "--key", "001", "--amount", "2 000,00", "--date", "2026-02-15",
		"--label", "Fonds de roulement (AG du 10/02/2026)", "--pdf", dir)
	if code != 0 {
		t.Fatalf("advance call: exit %d: %s", code, stderr)
	}
	if want := "Appel A2026-0001 du 15/02/2026 (avance, compte 103100) : 2 000,00 € réparti sur 12 copropriétaires — 12 avis dans " + dir + ".\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	code, out, stderr = cli(t, "calls", f, "--direct", "--key", "001", "--amount", "1234,57", "--date", "2026-02-15",
		"--label", "Remplacement de l'interphone")
	if code != 0 || !strings.Contains(out, "(appel ponctuel, compte 701000) : 1 234,57 €") {
		t.Fatalf("direct call: exit %d: %s%s", code, out, stderr)
	}
	notice := filepath.Join(dir, "2026-02-15", "APPEL_DU_15_02_2026_450003_LES_MARRONNIERS.pdf")
	if _, err := os.Stat(notice); err != nil {
		t.Fatal(err)
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		text, _ := exec.Command(bin, notice, "-").Output()
		for _, want := range []string{"Avance / fonds de roulement – Fonds de roulement (AG du 10/02/2026)", "184,00 €",
			"Vos avances au syndicat après cet appel : 184,00 €"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("notice lacks %q:\n%s", want, text)
			}
		}
	}
	advances := func() []advanceJSON {
		t.Helper()
		code, out, stderr := cli(t, "advances", f, "--owner", "450003", "--json")
		if code != 0 {
			t.Fatalf("advances: exit %d: %s", code, stderr)
		}
		var list []advanceJSON
		if err := json.Unmarshal([]byte(out), &list); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		return list
	}
	want := []advanceJSON{{Owner: "450003", Name: "SCI Les Marronniers", Account: "103100", Called: "184.00", Repaid: "0.00", Balance: "184.00"}}
	if got := advances(); len(got) != 1 || got[0] != want[0] {
		t.Errorf("advances %+v, want %+v", got, want)
	}
	before, _ := os.ReadFile(f)
	code, _, stderr = cli(t, "advances", f, "--repay", "--owner", "450003", "--date", "2026-06-01", "--amount", "184,01")
	if code != 1 || !strings.Contains(stderr, "dépasse l'avance") {
		t.Errorf("repaying beyond: exit %d: %s", code, stderr)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Error("a refused repayment changed the residence")
	}
	if code, out, stderr := cli(t, "advances", f, "--repay", "--owner", "450003", "--date", "2026-06-01"); code != 0 || !strings.Contains(out, "184,00 €") {
		t.Errorf("repaying: exit %d: %s%s", code, out, stderr)
	}
	want[0].Repaid, want[0].Balance = "184.00", "0.00"
	if got := advances(); len(got) != 1 || got[0] != want[0] {
		t.Errorf("advances after the repayment %+v, want %+v", got, want)
	}
	if code, _, _ := cli(t, "check", f); code != 0 {
		t.Error("check fails after the advance")
	}
	for _, args := range [][]string{
		{"calls", f, "--direct", "--key", "001"},
		{"calls", f, "--direct", "--key", "001", "--amount", "10", "--date", "2026-03-01", "--label", "x", "--year", "2026"},
		{"calls", f, "--year", "2026", "--label", "x"},
		{"advances", f, "--repay", "--owner", "450003"},
		{"advances", f, "--amount", "10"},
	} {
		if code, _, _ := cli(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args[2:], code)
		}
	}
}
