package assembly_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/assembly"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

func TestProposeConsultation(t *testing.T) {
	for _, tc := range []struct {
		day, sent, from, to string // to "" when no span is left
	}{
		// Friday 12/06/2026: Thursday 11 and Wednesday 10 are the two working days before.
		{"2026-06-12", "2026-05-15", "2026-05-15", "2026-06-10"},
		// Tuesday 26/05/2026: Monday 25 is Whit Monday (Easter 2026 is
		// 5 April, + 50 days), the weekend before: Friday 22, Thursday 21.
		{"2026-05-26", "2026-05-01", "2026-05-01", "2026-05-21"},
		// Monday 20/07/2026: Friday 17, Thursday 16.
		{"2026-07-20", "2026-06-20", "2026-06-20", "2026-07-16"},
		// Friday 15/05/2026: Thursday 14 is Ascension (5 April + 39), so Wednesday 13 and Tuesday 12.
		{"2026-05-15", "2026-04-20", "2026-04-20", "2026-05-12"},
		// Sent too late: no span.
		{"2026-06-12", "2026-06-11", "", ""},
	} {
		from, to, ok := assembly.ProposeConsultation(ledger.MustDate(tc.day), ledger.MustDate(tc.sent))
		if tc.to == "" {
			if ok {
				t.Errorf("%s sent %s: proposed %s–%s, want none", tc.day, tc.sent, ledger.ISO(from), ledger.ISO(to))
			}
			continue
		}
		if !ok || ledger.ISO(from) != tc.from || ledger.ISO(to) != tc.to {
			t.Errorf("%s sent %s: %s–%s (%v), want %s–%s", tc.day, tc.sent, ledger.ISO(from), ledger.ISO(to), ok, tc.from, tc.to)
		}
	}
}

func TestConvocationDelay(t *testing.T) {
	day := ledger.Date(2026, 6, 12)
	// 12/06 − 22/05 = 10 days of May left (22→31 is 9, +1 to 1/06) + 11 = 21 days: in time.
	if w := assembly.ConvocationWarning(day, ledger.Date(2026, 5, 22)); w != "" {
		t.Errorf("21 days before: %s", w)
	}
	w := assembly.ConvocationWarning(day, ledger.Date(2026, 5, 23))
	if !strings.Contains(w, "n'est qu'à 20 jours") || !strings.Contains(w, "au plus tard le 22/05/2026") || !strings.Contains(w, "art. 9") {
		t.Errorf("20 days before: %q", w)
	}
	if w := assembly.ConvocationWarning(day, ledger.Date(2026, 6, 13)); !strings.Contains(w, "après l'assemblée") {
		t.Errorf("after: %q", w)
	}
	// Three clear days: 9, 10 and 11 June; the form arrives by the 8th.
	if got := assembly.PostalDeadline(day); !got.Equal(ledger.Date(2026, 6, 8)) {
		t.Errorf("postal deadline %s", ledger.ISO(got))
	}
}

// The whole preparation on « Résidence des Tests »: Dupont Zoé lot 1 (400
// general, 100 on key 002), Garçon Loïc lot 2 (300, 150), Martin Anaïs
// lots 3 and 4 (200 + 100 = 300, none on 002). Totals: 1 000 general,
// 100 + 150 = 250 on 002.
func TestConvocationPack(t *testing.T) {
	ledgertest.Isolate(t)
	r := apptest.Open(t, ledgertest.Tests(t))
	dir := t.TempDir()
	annex := filepath.Join(dir, "annexes.pdf")
	if err := os.WriteFile(annex, []byte("%PDF-1.4 annexes"), 0o644); err != nil {
		t.Fatal(err)
	}
	ids, err := r.Register(app.Produced{Path: annex, Kind: "annex", Date: ledger.Date(2026, 4, 2), Title: "Annexes comptables 2025"})
	if err != nil {
		t.Fatal(err)
	}
	a := ledger.Assembly{Day: ledger.Date(2026, 6, 12), Time: "18h30", Place: "Salle commune\nrez-de-chaussée", Exercise: 1}
	if _, err := assembly.Save(r, &a); err != nil {
		t.Fatal(err)
	}
	for _, res := range []ledger.Resolution{
		{Title: "Approbation des comptes de l'exercice 2025", Text: "L'assemblée approuve les comptes de l'exercice 2025.", Kind: ledger.ResolutionAccounts, Exercise: 1},
		{Title: "Remplacement de la cabine d'ascenseur", Text: "L'assemblée décide le remplacement de la cabine.", Article: ledger.Article25, Key: "002", Kind: ledger.ResolutionWorks},
	} {
		res.Assembly = a.ID
		if err := assembly.SaveResolution(r, &res); err != nil {
			t.Fatal(err)
		}
	}
	if err := assembly.Attach(r, a.ID, ids[0]); err != nil {
		t.Fatal(err)
	}
	attachable, err := assembly.Attachable(r)
	if err != nil || len(attachable) != 1 {
		t.Errorf("attachable %v, %v", attachable, err)
	}

	// A letter to one owner is not for everyone's convocation.
	letter := filepath.Join(dir, "lettre.pdf")
	os.WriteFile(letter, []byte("%PDF-1.4 lettre"), 0o644)
	lid, err := r.Register(app.Produced{Path: letter, Kind: "letter", Date: ledger.Date(2026, 4, 3), Title: "Lettre à Dupont Zoé", Owners: []string{"450001"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := assembly.Attach(r, a.ID, lid[0]); err == nil || !strings.Contains(ledger.Message(err), "concerne certains copropriétaires seulement") {
		t.Errorf("a letter to one owner attached: %v", err)
	}
	out, err := assembly.WriteConvocations(r, a.ID, assembly.ConvocationOptions{Dir: dir, Sent: ledger.Date(2026, 5, 15)})
	if err != nil {
		t.Fatal(err)
	}
	if out.Warning != "" || len(out.Files) != 3 {
		t.Fatalf("warning %q, files %v", out.Warning, out.Files)
	}
	if base := filepath.Base(out.Files[2]); base != "CONVOCATION_AG_DU_12_06_2026_450003_MARTIN_ANAIS.pdf" {
		t.Errorf("file %s", base)
	}
	d, err := assembly.Load(r, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Assembly.Status != ledger.AssemblyConvened || !d.Assembly.ConvenedOn.Equal(ledger.Date(2026, 5, 15)) {
		t.Errorf("assembly after the convocations: %+v", d.Assembly)
	}
	// Saved with no consultation days: proposed from the sending day,
	// Friday 15 May, to Wednesday 10 June (two working days before
	// Friday 12), at the default place.
	if !d.Assembly.ConsultFrom.Equal(ledger.Date(2026, 5, 15)) || !d.Assembly.ConsultTo.Equal(ledger.Date(2026, 6, 10)) ||
		d.Assembly.ConsultPlace != assembly.DefaultConsultPlace {
		t.Errorf("consultation %s–%s %q", ledger.ISO(d.Assembly.ConsultFrom), ledger.ISO(d.Assembly.ConsultTo), d.Assembly.ConsultPlace)
	}
	apptest.View(t, r, func(tx *ledger.Tx) error {
		docs, err := tx.Documents(ledger.DocumentFilter{Kind: "ag_convocation"})
		if len(docs) != 3 {
			t.Fatalf("registered %d convocations", len(docs))
		}
		for _, doc := range docs {
			if len(doc.Owners) != 1 || doc.Binder != "ag" || !ledger.DocumentKinds[doc.Kind].Registered {
				t.Errorf("registered %+v", doc)
			}
		}
		return err
	})

	// Martin Anaïs: 300 votes of 1 000, none on key 002: he does not vote on the lift.
	text := ledgertest.Flat(ledgertest.PDFFile(t, out.Files[2]))
	for _, want := range []string{
		"Convocation", "Assemblée générale ordinaire du 12/06/2026", "le vendredi 12/06/2026 à 18 h 30", "Salle commune, rez-de-chaussée",
		"1. Approbation des comptes de l'exercice 2025", "2. Remplacement de la cabine d'ascenseur",
		"Annexes comptables 2025", "au plus tard le 08/06/2026", "consultées du 15/05/2026 au 10/06/2026, chez le syndic",
		"Majorité de l'article 25 (majorité des voix de tous les copropriétaires)",
		"Formulaire de vote par correspondance", "300 voix sur 1 000", "ne vote pas", "trois jours francs", "art. 9 bis",
		"Pouvoir", "plus de trois délégations", "10 % des voix",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Martin's pack lacks %q", want)
		}
	}
	// Dupont Zoé votes on the lift with 100 of 250, on the accounts with 400 of 1 000.
	text = ledgertest.Flat(ledgertest.PDFFile(t, out.Files[0]))
	for _, want := range []string{"400 voix sur 1 000", "Vos voix : 100 / 250", "Vos voix : 400 / 1 000", "Dupont Zoé"} {
		if !strings.Contains(text, want) {
			t.Errorf("Dupont's pack lacks %q", want)
		}
	}
	if strings.Contains(text, "Martin") {
		t.Error("Dupont's pack holds Martin's pages")
	}
	combined := ledgertest.Flat(ledgertest.PDFFile(t, out.Combined))
	if strings.Count(combined, "Formulaire de vote par correspondance") < 3 {
		t.Error("the combined file lacks packs")
	}

	// Convened: the agenda is fixed.
	err = assembly.SaveResolution(r, &ledger.Resolution{Assembly: a.ID, Title: "Questions diverses"})
	if ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("resolution added after the convocation: %v", err)
	}
}

func TestAttendanceApp(t *testing.T) {
	r := apptest.Open(t, ledgertest.Tests(t))
	a := ledger.Assembly{Day: ledger.Date(2026, 6, 12), Time: "18:30", Place: "Salle commune"}
	if _, err := assembly.Save(r, &a); err != nil {
		t.Fatal(err)
	}
	res := ledger.Resolution{Assembly: a.ID, Title: "Budget 2027", Kind: ledger.ResolutionBudget}
	if err := assembly.SaveResolution(r, &res); err != nil {
		t.Fatal(err)
	}
	e, err := assembly.Voters(r, a.Day)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range e.Voters {
		got = append(got, v.Owner.Account+":"+v.Shares["001"].String()+"/"+v.Shares["002"].String())
	}
	// 450003 holds lots 3 and 4: 200 + 100 general.
	if strings.Join(got, " ") != "450001:400/100 450002:300/150 450003:300/0" {
		t.Errorf("voters %v", got)
	}
	for _, tc := range []struct {
		at   ledger.Attendance
		want string
	}{
		{ledger.Attendance{Owner: "450001", Status: ledger.AttendPresent}, ""},
		{ledger.Attendance{Owner: "450002", Status: ledger.AttendRepresented, ProxyOwner: "450001"}, ""},
		{ledger.Attendance{Owner: "450003", Status: ledger.AttendPostal, FormReceived: ledger.Date(2026, 6, 9)}, ""},
		{ledger.Attendance{Owner: "450099", Status: ledger.AttendPresent}, "n'est pas celui d'un copropriétaire possédant un lot le 12/06/2026"},
		{ledger.Attendance{Owner: "450003", Status: ledger.AttendRepresented, ProxyOwner: "450077"}, "Mandataire : le compte 450077"},
	} {
		tc.at.Assembly = a.ID
		err := assembly.SetAttendance(r, tc.at)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: %v", tc.at, err)
		case tc.want != "" && (err == nil || !strings.Contains(ledger.Message(err), tc.want)):
			t.Errorf("%+v: got %v, want %q", tc.at, err, tc.want)
		}
	}
	if err := assembly.SetVote(r, ledger.Vote{Resolution: res.ID, Owner: "450002", Choice: ledger.VoteAgainst}); err != nil {
		t.Error(err)
	}
	if err := assembly.SetAttendance(r, ledger.Attendance{Assembly: a.ID, Owner: "450001", Status: ledger.AttendAbsent}); err != nil {
		t.Fatal(err)
	}
	if err := assembly.SetVote(r, ledger.Vote{Resolution: res.ID, Owner: "450001", Choice: ledger.VoteFor}); err == nil {
		t.Error("an absent owner voted")
	}
	d, err := assembly.Load(r, a.ID)
	if err != nil || len(d.Attendance) != 3 || len(d.Votes) != 1 {
		t.Errorf("detail %+v, %v", d, err)
	}
}
