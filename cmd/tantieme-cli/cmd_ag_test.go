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

// An assembly prepared through the CLI on « Résidence des Tests » (three
// owners: Dupont Zoé 400 general and 100 on key 002, Garçon Loïc 300 and
// 150, Martin Anaïs 300 and none), convened, its attendance recorded.
func TestAGCommands(t *testing.T) {
	ledgertest.Isolate(t)
	f := ledgertest.Tests(t)
	code, out, stderr := cli(t, "ag", f, "create", "--date", "2027-01-29", "--time", "18h30", "--place", "Salle commune", "--exercise", "2025", "--json")
	if code != 0 {
		t.Fatalf("create: %s", stderr)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, k := range []string{"id", "date", "time", "place", "kind", "exercise", "consult_from", "consult_to", "consult_place", "convened_on", "status", "resolutions"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("key %q missing: %v", k, raw)
		}
	}
	var a agJSON
	json.Unmarshal([]byte(out), &a)
	if a.ID != 1 || a.Date != "2027-01-29" || a.Time != "18:30" || a.Kind != "ordinaire" || a.Exercise != 2025 || a.Status != "draft" || a.ConvenedOn != "" {
		t.Errorf("created %+v", a)
	}
	for _, args := range [][]string{
		{"--title", "Approbation des comptes 2025", "--text", "L'assemblée approuve les comptes.", "--article", "24", "--kind", "accounts", "--exercise", "2025"},
		{"--title", "Ascenseur", "--text", "Remplacement de la cabine.", "--article", "art. 25", "--key", "002", "--kind", "works"},
	} {
		if code, out, stderr := cli(t, append([]string{"ag", f, "resolution", "--ag", "1"}, args...)...); code != 0 || !strings.Contains(out, "ajoutée à l'ordre du jour") {
			t.Fatalf("resolution: %d %s %s", code, out, stderr)
		}
	}
	if code, _, stderr := cli(t, "ag", f, "resolution", "--ag", "1", "--title", "X", "--article", "27"); code != 2 || !strings.Contains(stderr, "Majorité « 27 » inconnue") {
		t.Errorf("article 27: %d %s", code, stderr)
	}
	dir := t.TempDir()
	code, out, stderr = cli(t, "ag", f, "convocations", "--ag", "1", "--date", "2027-01-04", "--out", dir)
	if code != 0 || !strings.Contains(out, "3 convocations écrites dans "+dir) || strings.Contains(out, "Attention") ||
		!strings.Contains(out, "Consultation des pièces justificatives : du 04/01/2027 au 27/01/2027, chez le syndic.") {
		t.Fatalf("convocations: %d %s %s", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "CONVOCATION_AG_DU_29_01_2027_450002_GARCON_LOIC.pdf")); err != nil {
		t.Error(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--owner", "450001", "--status", "present"}, 0, "Copropriétaire 450001 : présent."},
		{[]string{"--owner", "450002", "--status", "represented", "--proxy", "450001"}, 0, "Copropriétaire 450002 : représenté par 450001."},
		{[]string{"--owner", "450003", "--status", "postal", "--received", "2027-01-22"}, 0, "vote par correspondance, formulaire reçu le 22/01/2027"},
		{[]string{"--owner", "450004", "--status", "present"}, 1, "Le compte 450004 n'est pas celui d'un copropriétaire"},
		{[]string{"--owner", "450003", "--status", "postal"}, 1, "indiquez le jour où son formulaire est arrivé"},
		{[]string{"--owner", "450003", "--status", "postal", "--received", "22/13/2027"}, 2, "--received"},
	} {
		code, out, stderr := cli(t, append([]string{"ag", f, "attendance", "--ag", "1"}, tc.args...)...)
		if code != tc.code || !strings.Contains(out+stderr, tc.want) {
			t.Errorf("%v: %d %s %s, want %d %q", tc.args, code, out, stderr, tc.code, tc.want)
		}
	}
	code, out, stderr = cli(t, "ag", f, "show", "--ag", "1", "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	a = agJSON{}
	json.Unmarshal([]byte(out), &a)
	// The consultation, proposed with the convocation, starts with it (4
	// January) and ends two working days before Friday 29 January:
	// Wednesday 27.
	if a.Status != "convened" || a.ConvenedOn != "2027-01-04" || a.ConsultFrom != "2027-01-04" || a.ConsultTo != "2027-01-27" ||
		len(a.Resolutions) != 2 || a.Resolutions[1].Key != "002" || a.Resolutions[1].Article != "25" || len(a.Attendance) != 3 ||
		a.Attendance[2].FormReceived != "2027-01-22" || a.Attendance[1].ProxyOwner != "450001" {
		t.Errorf("show %+v", a)
	}
	if code, out, _ := cli(t, "ag", f, "list"); code != 0 || !strings.Contains(out, "29/01/2027") || !strings.Contains(out, "convoquée") {
		t.Errorf("list: %s", out)
	}
	if code, out, _ := cli(t, "documents", f, "--json"); code != 0 || strings.Count(out, "Convocation – Assemblée générale ordinaire du 29/01/2027") != 3 {
		t.Errorf("register: %s", out)
	}

	// Convened: the agenda is fixed, and the refusal leaves the file as it was.
	before, _ := os.ReadFile(f)
	code, _, stderr = cli(t, "ag", f, "resolution", "--ag", "1", "--title", "Questions diverses")
	if code != 1 || !strings.Contains(stderr, "ordre du jour ne change plus") {
		t.Errorf("resolution after convening: %d %s", code, stderr)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Error("a refused command changed the file")
	}
	if code, _, stderr := cli(t, "ag", f, "show"); code != 2 || !strings.Contains(stderr, "--ag ID") {
		t.Errorf("show without --ag: %d %s", code, stderr)
	}
	if code, _, stderr := cli(t, "ag", f, "voter"); code != 2 || !strings.Contains(stderr, "list, create, resolution") {
		t.Errorf("unknown verb: %d %s", code, stderr)
	}
}
