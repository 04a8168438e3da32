package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDepositCash: `deposit --kind autre --all` takes the demo's cash
// receipt waiting for a slip (Mme Lambert's last call) and prints a slip
// of cash; the refusals leave the file byte for byte as it was.
func TestDepositCash(t *testing.T) {
	f := demoFile(t)
	if code, _, stderr := cli(t, "pay", f, "--owner", "450003", "--amount", "50", "--date", "2025-12-22", "--cheque", "1112223"); code != 0 {
		t.Fatal(stderr)
	}
	before, _ := os.ReadFile(f)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--date", "2025-10-14", "--kind", "autre", "--all"}, "Aucun règlement en espèces ou « autre » reçu au plus tard le 14/10/2025"},
		{[]string{"--date", "2025-12-31", "--kind", "autre", "--cheques", "B2025-0001"}, "Le règlement B2025-0001 n'est pas un règlement en espèces ou « autre » en attente"},
		{[]string{"--date", "2025-12-31", "--kind", "prélèvement", "--all"}, "une remise de type « Prélèvements » ne reçoit aucun règlement"},
	} {
		code, _, stderr := cli(t, append([]string{"deposit", f}, tc.args...)...)
		if code != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d %q, want %q", tc.args, code, stderr, tc.want)
		}
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Error("a refused deposit changed the residence")
	}
	pdf := filepath.Join(t.TempDir(), "especes.pdf")
	code, out, stderr := cli(t, "deposit", f, "--date", "2025-12-31", "--kind", "autre", "--all", "--pdf", pdf)
	if code != 0 || out != "Remise n° 1 du 31/12/2025 sur 512001 : 1 règlement, 739,41 € — bordereau dans "+pdf+".\n" {
		t.Fatalf("deposit --kind autre: exit %d %q %s", code, out, stderr)
	}
	text := pdfToText(t, pdf)
	for _, want := range []string{"Bordereau de remise d'espèces", "Mme Lambert Océane", "espèces", "Total : 1 règlement", "739,41 €"} {
		if !strings.Contains(text, want) {
			t.Errorf("slip lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "1112223") {
		t.Error("the cheque went on the cash slip")
	}
	if code, _, stderr := cli(t, "deposit", f, "--date", "2025-12-31", "--kind", "autre", "--all"); code != 1 || !strings.Contains(stderr, "Aucun règlement en espèces") {
		t.Errorf("a second slip: exit %d %s", code, stderr)
	}
}
