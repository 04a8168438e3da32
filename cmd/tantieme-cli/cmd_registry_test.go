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

// fiche and registry on the demo closed for 2025. The figures, computed
// apart from the books with `balance --year 2025` and `owners --at
// 2025-12-31` after the closing:
//
//	unpaid: only 450004 owes (the late payer): 406,53 €; nobody else
//	  is in debit, so one debtor above 300 €
//	suppliers: 401001 2 118,09 + 401003 1 190,00 + 401007 600,00
//	  = 3 908,09 € (the others are settled)
//	works fund: 105000 credit 2 237,08 €
//	lots: 22 = 1 shop + 12 flats (13) + 5 cellars + 4 parkings (9);
//	  owners on 31/12/2025: 12 (the seller 450006 has none left)
func TestFicheAndRegistry(t *testing.T) {
	f := demoFile(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "fiche.pdf")
	before, _ := os.ReadFile(f)
	if code, _, stderr := cli(t, "fiche", f, "--out", out); code != 1 || !strings.Contains(stderr, "Aucun exercice n'est clôturé") {
		t.Fatalf("fiche before any closing: exit %d, %s", code, stderr)
	}
	if code, _, stderr := cli(t, "fiche", f); code != 2 || !strings.Contains(stderr, "--out") {
		t.Fatalf("fiche without --out: exit %d, %s", code, stderr)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--set", "lifts=douze"}, 1, "0 à 999"},
		{[]string{"--set", "siret=73282932000075"}, 1, "clé de contrôle"},
		{[]string{"--set", "colour=bleu"}, 1, "Champ inconnu"},
		{[]string{"--approved", "2025-12-31", "--year", "2025"}, 1, "se termine le 31/12/2025"},
		{[]string{"--approved", "2026-04-10"}, 2, "--year"},
		{[]string{"--year", "2025", "--out", out}, 1, "n'est pas enregistrée"},
		{[]string{"--set", "lifts=1", "--approved", "2026-04-10", "--year", "2025"}, 2, "une chose à la fois"},
	} {
		code, _, stderr := cli(t, append([]string{"registry", f}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("registry %v: exit %d, %s; want %d and %q", tc.args, code, stderr, tc.code, tc.msg)
		}
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Fatal("a refused command changed the residence file")
	}
	if code, _, stderr := cli(t, "close", f, "--year", "2025", "--owners-at", "2026-03-01"); code != 0 {
		t.Fatalf("close: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := cli(t, "registry", f, "--set", "registration=ab1234567", "--set", "heating=collectif", "--set", "lifts=1", "--json")
	var prof map[string]string
	if code != 0 || json.Unmarshal([]byte(stdout), &prof) != nil || prof["registration"] != "AB1234567" || prof["heating"] != "collectif" ||
		prof["lifts"] != "1" || prof["syndic"] != "benevole" {
		t.Fatalf("registry --set: exit %d, %s %s", code, stdout, stderr)
	}
	code, stdout, stderr = cli(t, "fiche", f, "--out", out, "--date", "2026-03-01", "--json")
	var fiche ficheJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &fiche) != nil {
		t.Fatalf("fiche: exit %d, %s %s", code, stdout, stderr)
	}
	want := figuresJSON{Year: 2025, Closing: "2025-12-31", Budget: fiche.Budget, CurrentCharges: fiche.CurrentCharges, OtherCharges: "0.00",
		Charges: fiche.CurrentCharges, Unpaid: "406.53", Debtors: 1, Suppliers: "3908.09", WorksFund: "2237.08",
		Lots: 22, MainLots: 13, OtherLots: 9, Owners: 12}
	if fiche.figuresJSON != want || fiche.Buildings != 2 || fiche.Date != "2026-03-01" {
		t.Errorf("fiche\n got %+v\nwant %+v", fiche, want)
	}
	text := ledgertest.Flat(ledgertest.PDFFile(t, out))
	for _, w := range []string{"AB1234567", "Sommes restant dues par les copropriétaires 406,53 €", "Dettes fournisseurs 3 908,09 €", "Nombre total de lots 22"} {
		if !strings.Contains(text, w) {
			t.Errorf("the fiche's PDF lacks %q", w)
		}
	}
	var ap approvedJSON
	code, stdout, stderr = cli(t, "registry", f, "--approved", "2026-04-10", "--year", "2025", "--json")
	if code != 0 || json.Unmarshal([]byte(stdout), &ap) != nil || ap != (approvedJSON{Year: 2025, Approved: "2026-04-10", Due: "2026-06-10"}) {
		t.Fatalf("registry --approved: exit %d, %s %s", code, stdout, stderr)
	}
	maj := filepath.Join(dir, "maj.pdf")
	var u registryJSON
	code, stdout, stderr = cli(t, "registry", f, "--year", "2025", "--out", maj, "--json")
	if code != 0 || json.Unmarshal([]byte(stdout), &u) != nil || u.Due != "2026-06-10" || u.figuresJSON != fiche.figuresJSON {
		t.Fatalf("registry --out: exit %d, %s %s", code, stdout, stderr)
	}
	if text := ledgertest.Flat(ledgertest.PDFFile(t, maj)); !strings.Contains(text, "au plus tard le 10/06/2026") {
		t.Errorf("the update's PDF:\n%s", text)
	}
	code, stdout, _ = cli(t, "documents", f, "--json")
	if code != 0 || !strings.Contains(stdout, "Fiche synthétique de la copropriété au 01/03/2026") || !strings.Contains(stdout, "Mise à jour annuelle du registre") {
		t.Errorf("documents: %s", stdout)
	}
	// « none » clears the approval: the update is refused again.
	if code, stdout, stderr := cli(t, "registry", f, "--approved", "none", "--year", "2025"); code != 0 || !strings.Contains(stdout, "effacée") {
		t.Errorf("--approved none: exit %d, %s %s", code, stdout, stderr)
	}
	if code, _, stderr := cli(t, "registry", f, "--year", "2025", "--out", maj); code != 1 || !strings.Contains(stderr, "n'est pas enregistrée") {
		t.Errorf("update after clearing the approval: exit %d, %s", code, stderr)
	}
	if code, _, stderr := cli(t, "registry", "--help"); code != 0 || !strings.Contains(stderr, "construction=") || !strings.Contains(stderr, "heating=collectif|individuel") {
		t.Errorf("registry --help: %s", stderr)
	}
}
