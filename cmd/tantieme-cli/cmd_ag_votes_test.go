package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"tantieme/ledger/ledgertest"
)

// The votes of an AG through the CLI on « Résidence des Tests »: Dupont
// Zoé 400 general tantièmes and 100 on key 002, Garçon Loïc 300 and 150,
// Martin Anaïs 300 and none (1 000 general, 250 on 002). Dupont present,
// Garçon represented by her, Martin by post (form of 8 June, the last day
// for an AG on Friday 12 June: 9, 10 and 11 are the three clear days).
func TestAGVoteCommands(t *testing.T) {
	ledgertest.Isolate(t)
	t.Setenv("SOURCE_DATE_EPOCH", strconv.FormatInt(time.Date(2026, 6, 20, 12, 0, 0, 0, time.UTC).Unix(), 10))
	f := ledgertest.Tests(t)
	run := func(want int, args ...string) string {
		t.Helper()
		code, out, stderr := cli(t, append([]string{"ag", f}, args...)...)
		if code != want {
			t.Fatalf("%v: exit %d, want %d: %s %s", args, code, want, out, stderr)
		}
		return out + stderr
	}
	run(0, "create", "--date", "2026-06-12", "--time", "18:30", "--place", "Salle commune", "--exercise", "2025")
	run(0, "resolution", "--ag", "1", "--title", "Approbation des comptes 2025", "--kind", "accounts", "--exercise", "2025")
	run(0, "resolution", "--ag", "1", "--title", "Budget 2026", "--kind", "budget", "--exercise", "2026")
	run(0, "resolution", "--ag", "1", "--title", "Ascenseur", "--article", "25", "--key", "002", "--kind", "works")
	if out := run(1, "vote", "--ag", "1", "--resolution", "1", "--owner", "450001", "--choice", "pour"); !strings.Contains(out, "pas encore convoquée") {
		t.Errorf("vote before the convocations: %s", out)
	}
	run(0, "convocations", "--ag", "1", "--date", "2026-05-15", "--out", t.TempDir())
	run(0, "attendance", "--ag", "1", "--owner", "450001", "--status", "present")
	run(0, "attendance", "--ag", "1", "--owner", "450002", "--status", "represented", "--proxy", "450001", "--rank", "1")
	run(0, "attendance", "--ag", "1", "--owner", "450003", "--status", "postal", "--received", "2026-06-08")
	run(0, "bureau", "--ag", "1", "--president", "Dupont Zoé", "--secretary", "Garçon Loïc")

	// 1: pour 400 (Dupont), abstention 300 (Garçon), contre 300 (Martin's
	// form): expressed 700, 400 > 350.
	if out := run(0, "vote", "--ag", "1", "--resolution", "1", "--all", "pour", "--except", "450002=abstention"); !strings.Contains(out, "2 votes enregistrés") {
		t.Errorf("vote --all: %s", out)
	}
	run(0, "vote", "--ag", "1", "--resolution", "1", "--owner", "450003", "--choice", "contre")
	// 2: contre 400 + 300, pour 300 (Martin): rejected.
	run(0, "vote", "--ag", "1", "--resolution", "2", "--all", "contre")
	run(0, "vote", "--ag", "1", "--resolution", "2", "--owner", "450003", "--choice", "pour")
	// 3, key 002: Martin has no share of it; Garçon's 150 are more than
	// half of 250, reduced to Dupont's 100 (loi art. 22), total 200. Pour
	// 100, contre 100: 100 × 2 = 200 ≤ 200 fails art. 25, 100 × 3 = 300 ≥
	// 200 calls for the art. 24 second vote; there all for: 200.
	if out := run(1, "vote", "--ag", "1", "--resolution", "3", "--owner", "450003", "--choice", "pour"); !strings.Contains(out, "pas de tantièmes sur la clé") {
		t.Errorf("Martin on the lift: %s", out)
	}
	out := run(0, "vote", "--ag", "1", "--resolution", "3", "--all", "pour", "--except", "450002=contre")
	if !strings.Contains(out, "pour 100, contre 100, abstention 0, défaillants 0 sur 200 – second vote (article 24) à faire") {
		t.Errorf("art. 25 failed by a third: %s", out)
	}
	if out := run(1, "vote", "--ag", "1", "--resolution", "1", "--round", "2", "--all", "pour"); !strings.Contains(out, "n'appelle pas de second vote") {
		t.Errorf("round 2 without a second vote: %s", out)
	}
	run(0, "vote", "--ag", "1", "--resolution", "3", "--round", "2", "--all", "pour")
	for _, args := range [][]string{
		{"vote", "--ag", "1", "--owner", "450001", "--choice", "pour"},
		{"vote", "--ag", "1", "--resolution", "1", "--owner", "450001", "--choice", "peut-être"},
		{"vote", "--ag", "1", "--resolution", "1", "--owner", "450001", "--choice", "pour", "--except", "450002=contre"},
		{"vote", "--ag", "1", "--resolution", "1", "--all", "pour", "--except", "450002"},
		{"hold", "--ag", "1"},
	} {
		run(2, args...)
	}

	code, js, stderr := cli(t, "ag", f, "results", "--ag", "1", "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var res agResultsJSON
	if err := json.Unmarshal([]byte(js), &res); err != nil {
		t.Fatalf("%v\n%s", err, js)
	}
	if len(res.Resolutions) != 3 || res.Total != "1000" || len(res.Refused) != 0 {
		t.Fatalf("results %+v", res)
	}
	r1, r2, r3 := res.Resolutions[0], res.Resolutions[1], res.Resolutions[2]
	if !r1.Complete || r1.Vote.For.Votes != "400" || r1.Vote.Against.Votes != "300" || r1.Vote.Abstain.Votes != "300" || r1.Vote.Required != "350" || !r1.Adopted {
		t.Errorf("resolution 1: %+v", r1.Vote)
	}
	if r2.Adopted || r2.Vote.Against.Votes != "700" || len(r2.Vote.Opposed) != 2 {
		t.Errorf("resolution 2: %+v", r2.Vote)
	}
	if r3.SecondDue != "article 24" || r3.Vote.Total != "200" || r3.Second == nil || r3.Second.For.Votes != "200" || !r3.Adopted {
		t.Errorf("resolution 3: %+v second %+v", r3, r3.Second)
	}

	if out := run(1, "hold", "--ag", "1", "--date", "2026-06-11"); !strings.Contains(out, "convoquée le 12/06/2026") {
		t.Errorf("held another day: %s", out)
	}
	out = run(0, "hold", "--ag", "1", "--date", "2026-06-12")
	if !strings.Contains(out, "tenue : 2 résolutions adoptées, 1 rejetée") || !strings.Contains(out, "Comptes de l'exercice 2025 approuvés le 12/06/2026 (empreinte ") {
		t.Errorf("hold: %s", out)
	}
	dir := t.TempDir()
	pv, sheet := filepath.Join(dir, "pv.pdf"), filepath.Join(dir, "feuille.pdf")
	run(0, "minutes", "--ag", "1", "--out", pv)
	run(0, "sheet", "--ag", "1", "--out", sheet)
	text := ledgertest.Flat(ledgertest.PDFFile(t, pv))
	for _, want := range []string{"Procès-verbal de l'assemblée générale", "Président de séance : Dupont Zoé", "Résolution n° 3 – Ascenseur",
		"Second vote – majorité de l'article 24", "Se sont opposés (2 copropriétaires, 700 tantièmes)"} {
		if !strings.Contains(text, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
	if text := ledgertest.Flat(ledgertest.PDFFile(t, sheet)); !strings.Contains(text, "reçu le 08/06/2026") {
		t.Errorf("attendance sheet: %.300s", text)
	}
	if out := run(1, "vote", "--ag", "1", "--resolution", "1", "--owner", "450001", "--choice", "contre"); !strings.Contains(out, "est tenue") {
		t.Errorf("vote after holding: %s", out)
	}
}
