package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger/ledgertest"
)

func TestPay(t *testing.T) {
	f := demoFile(t)
	code, out, stderr := cli(t, "pay", f, "--owner", "450004", "--amount", "575,70", "--date", "2025-12-31", "--cheque", "7654321", "--drawer-bank", "LCL")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Règlement B2025-0001 du 31/12/2025 enregistré : 575,70 € de M. Moreau Stéphane (450004) par chèque n° 7654321, au débit de 512001.\n",
		"Lettrage A : A2025-0001 ", "Lettrage D : A2025-0007 ",
		"Solde de M. Moreau Stéphane au 31/12/2025 : 0,00 € (à jour).\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = cli(t, "owners", f, "--at", "2025-12-31", "--json")
	var owners []ownerJSON
	if err := json.Unmarshal([]byte(out), &owners); code != 0 || err != nil {
		t.Fatal(code, err)
	}
	for _, o := range owners {
		if o.Account == "450004" && o.Balance != "0.00" {
			t.Errorf("450004 balance %s after paying his balance", o.Balance)
		}
	}
	// A transfer by default, a partial payment settles nothing.
	code, out, stderr = cli(t, "pay", f, "--owner", "450001", "--amount", "10", "--date", "2025-12-30", "--bank", "512001")
	if code != 0 || !strings.Contains(out, "par virement, au débit de 512001.") || !strings.Contains(out, "10,00 € d'avance") {
		t.Errorf("transfer: exit %d\n%s%s", code, out, stderr)
	}
	code, out, _ = cli(t, "pay", f, "--owner", "450002", "--amount", "5", "--date", "2025-12-30", "--mode", "espèces")
	if code != 0 || !strings.Contains(out, "en espèces") {
		t.Errorf("cash: exit %d\n%s", code, out)
	}

	before, _ := os.ReadFile(f)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--owner", "450099", "--amount", "10", "--date", "2025-12-30"}, "Le copropriétaire 450099 n'existe pas."},
		{[]string{"--owner", "450001", "--amount", "12,345", "--date", "2025-12-30"}, "« 12,345 » n'est pas un montant valide"},
		{[]string{"--owner", "450001", "--amount", "-10", "--date", "2025-12-30"}, "le montant doit être positif"},
		{[]string{"--owner", "450001", "--amount", "10", "--date", "2031-01-01"}, "aucun exercice"},
		{[]string{"--owner", "450001", "--amount", "10", "--date", "31/13/2025"}, "n'est pas une date valide"},
		{[]string{"--owner", "450001", "--amount", "10", "--date", "2025-12-30", "--bank", "512999"}, "Le compte 512999 n'est pas un compte bancaire de la résidence"},
		{[]string{"--owner", "450001", "--amount", "10", "--date", "2025-12-30", "--mode", "carte"}, "Mode de règlement « carte » inconnu"},
		{[]string{"--owner", "450001", "--amount", "10", "--date", "2025-12-30", "--mode", "virement", "--cheque", "12"}, "que pour un chèque"},
	} {
		code, out, stderr := cli(t, append([]string{"pay", f}, tc.args...)...)
		if code != 1 || out != "" || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 with %q", tc.args, code, out, stderr, tc.want)
		}
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Error("a refused payment changed the residence")
	}
	for _, args := range [][]string{
		{"pay", f, "--amount", "10", "--date", "2025-12-30"},
		{"pay", f, "--owner", "450001", "--date", "2025-12-30"},
		{"pay", f, "--owner", "450001", "--amount", "10"},
		{"pay", "--owner", "450001", "--amount", "10", "--date", "2025-12-30"},
		{"pay", f, "--owner", "450001", "--amount", "10", "--date", "2025-12-30", "--frobnicate"},
	} {
		if code, _, _ := cli(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args[2:], code)
		}
	}
}

func TestDepositAndSlip(t *testing.T) {
	f := demoFile(t)
	for _, p := range [][]string{
		{"--owner", "450004", "--amount", "575,70", "--date", "2025-12-20", "--cheque", "7654321", "--drawer-bank", "Société Générale"},
		{"--owner", "450002", "--amount", "100", "--date", "2025-12-21", "--cheque", "0002222", "--drawer", "Lefèvre Œdipe"},
		{"--owner", "450003", "--amount", "50", "--date", "2025-12-22"},
	} {
		if code, _, stderr := cli(t, append([]string{"pay", f}, p...)...); code != 0 {
			t.Fatalf("pay %v: %s", p, stderr)
		}
	}
	code, out, _ := cli(t, "deposit", f, "--list")
	if code != 0 || !strings.Contains(out, "B2025-0001") || !strings.Contains(out, "B2025-0002") || strings.Contains(out, "B2025-0003") ||
		!strings.Contains(out, "Total : 2 chèques") || !strings.Contains(out, "675,70 €") {
		t.Errorf("deposit --list: exit %d\n%s", code, out)
	}
	before, _ := os.ReadFile(f)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--date", "2025-12-31", "--cheques", "B2025-0003"}, "Le règlement B2025-0003 n'est pas un chèque en attente"},
		// Before the demo's cheques handed in advance (from 20/11/2025).
		{[]string{"--date", "2025-11-19", "--all"}, "Aucun chèque reçu au plus tard le 19/11/2025"},
		{[]string{"--date", "2025-12-20", "--cheques", "B2025-0002"}, "n'a été reçu que le 21/12/2025"},
	} {
		code, _, stderr := cli(t, append([]string{"deposit", f}, tc.args...)...)
		if code != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d %q, want %q", tc.args, code, stderr, tc.want)
		}
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Error("a refused deposit changed the residence")
	}
	for _, args := range [][]string{
		{"deposit", f, "--all"},
		{"deposit", f, "--date", "2025-12-31"},
		{"deposit", f, "--date", "2025-12-31", "--all", "--cheques", "B2025-0001"},
		{"deposit", f, "--list", "--all"},
	} {
		if code, _, _ := cli(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args[2:], code)
		}
	}

	pdf := filepath.Join(t.TempDir(), "remises", "bordereau.pdf")
	code, out, stderr := cli(t, "deposit", f, "--date", "2025-12-31", "--cheques", "B2025-0001,B2025-0002", "--pdf", pdf)
	if code != 0 || out != "Remise n° 1 du 31/12/2025 sur 512001 : 2 chèques, 675,70 € — bordereau dans "+pdf+".\n" {
		t.Fatalf("deposit: exit %d %q %s", code, out, stderr)
	}
	if code, out, _ := cli(t, "deposit", f, "--list"); code != 0 || out != "Aucun chèque en attente de remise en banque.\n" {
		t.Errorf("after the deposit: %q", out)
	}
	text := pdfToText(t, pdf)
	for _, want := range []string{"Bordereau de remise de chèques", "Remise n° 1 du 31/12/2025", "Résidence Les Tilleuls", "M. Moreau Stéphane",
		"Société Générale", "7654321", "tireur : Lefèvre Œdipe", "0002222", "Total : 2 chèques", "675,70 €"} {
		if !strings.Contains(text, want) {
			t.Errorf("slip lacks %q:\n%s", want, text)
		}
	}

	// report deposit-slip (registered in cmd_report.go's reportKinds).
	var buf bytes.Buffer
	all := filepath.Join(t.TempDir(), "remises-2025.pdf")
	if err := reportDepositSlip(f, reportArgs{year: 2025, out: all}, &buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "1 bordereau de remise (2 chèques, 675,70 €) — dans "+all+".\n" {
		t.Errorf("report: %q", buf.String())
	}
	if !strings.Contains(pdfToText(t, all), "Total : 2 chèques") {
		t.Error("report deposit-slip without the deposit")
	}
	err := reportDepositSlip(f, reportArgs{at: "2025-12-30", out: all}, &buf)
	if err == nil || !strings.Contains(err.Error(), "Aucune remise de chèques en banque le 30/12/2025") {
		t.Errorf("no deposit that day: %v", err)
	}
}

func pdfToText(t *testing.T, file string) string { return ledgertest.PDFFile(t, file, "-layout") }
