package ledger_test

import (
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
)

func assemblyDay() ledger.Assembly {
	return ledger.Assembly{Day: ledger.Date(2026, 6, 12), Time: "18h30", Place: "Salle commune, rez-de-chaussée"}
}

func TestAssemblyValidation(t *testing.T) {
	db := mustCreate(t)
	for _, tc := range []struct {
		name string
		edit func(a *ledger.Assembly)
		want string // "" when accepted
	}{
		{"plain", func(a *ledger.Assembly) {}, ""},
		{"no day", func(a *ledger.Assembly) { a.Day = time.Time{} }, "Indiquez la date"},
		{"bad time", func(a *ledger.Assembly) { a.Time = "25:00" }, "Heure de l'assemblée"},
		{"no place", func(a *ledger.Assembly) { a.Place = "  " }, "Indiquez le lieu"},
		{"control char", func(a *ledger.Assembly) { a.Place = "Salle\x07" }, "Lieu de l'assemblée"},
		{"kind", func(a *ledger.Assembly) { a.Kind = "annuelle" }, "Genre d'assemblée"},
		{"consult half", func(a *ledger.Assembly) { a.ConsultFrom = ledger.Date(2026, 5, 20) }, "la première et la dernière date"},
		{"consult on the day", func(a *ledger.Assembly) {
			a.ConsultFrom, a.ConsultTo = ledger.Date(2026, 5, 20), ledger.Date(2026, 6, 12)
		}, "art. 18-1"},
		{"consult reversed", func(a *ledger.Assembly) {
			a.ConsultFrom, a.ConsultTo = ledger.Date(2026, 6, 2), ledger.Date(2026, 5, 20)
		}, "est avant"},
		{"consult ok", func(a *ledger.Assembly) {
			a.ConsultFrom, a.ConsultTo = ledger.Date(2026, 5, 20), ledger.Date(2026, 6, 10)
		}, ""},
		{"convened after", func(a *ledger.Assembly) { a.ConvenedOn = ledger.Date(2026, 6, 13) }, "après l'assemblée"},
		{"convened without date", func(a *ledger.Assembly) { a.Status = ledger.AssemblyConvened }, "date d'envoi"},
		{"unknown exercise", func(a *ledger.Assembly) { a.Exercise = 99 }, "L'exercice n° 99"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := assemblyDay()
			tc.edit(&a)
			err := db.Update(func(tx *ledger.Tx) error { return tx.SaveAssembly(&a) })
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if a.ID == 0 || a.Time != "18:30" || a.Kind != ledger.AssemblyOrdinary || a.Status != ledger.AssemblyDraft {
					t.Errorf("saved %+v", a)
				}
				return
			}
			if err == nil || !strings.Contains(ledger.Message(err), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
	// The schema says the same for raw SQL: the consultation ends before the day.
	err := db.Exec(`INSERT INTO assemblies (day, time, place, consult_from, consult_to) VALUES ('2026-06-12', '18:30', 'X', '2026-06-01', '2026-06-12')`)
	if err == nil {
		t.Error("the schema took a consultation ending on the assembly's day")
	}
}

func TestAssemblyAgenda(t *testing.T) {
	db := mustCreate(t)
	a := assemblyDay()
	var ids []int64
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.SaveAssembly(&a); err != nil {
			return err
		}
		for _, r := range []ledger.Resolution{
			{Title: "Approbation des comptes 2025", Kind: ledger.ResolutionAccounts, Exercise: 1},
			{Title: "Budget 2027", Kind: ledger.ResolutionBudget, Exercise: 3},
			{Title: "Ravalement", Kind: ledger.ResolutionWorks, Article: ledger.Article25},
			{Title: "Remplacement de l'ascenseur", Article: ledger.Article24, Key: "002"},
		} {
			r.Assembly = a.ID
			if err := tx.SaveResolution(&r); err != nil {
				return err
			}
			ids = append(ids, r.ID)
		}
		return nil
	})
	order := func() string {
		var out []string
		mustView(t, db, func(tx *ledger.Tx) error {
			list, err := tx.Resolutions(a.ID)
			for _, r := range list {
				out = append(out, r.Title[:4]+":"+string(rune('0'+r.Number)))
			}
			return err
		})
		return strings.Join(out, " ")
	}
	if got := order(); got != "Appr:1 Budg:2 Rava:3 Remp:4" {
		t.Fatalf("agenda %s", got)
	}
	// A key without shares, voted on: it stays.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.AddKey(ledger.Key{Code: "009", Label: "Parkings"}); err != nil {
			return err
		}
		return tx.SaveResolution(&ledger.Resolution{Assembly: a.ID, Title: "Portail des parkings", Key: "009"})
	})
	err := db.Update(func(tx *ledger.Tx) error { return tx.DeleteKey("009") })
	if ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), "résolution d'assemblée générale") {
		t.Errorf("deleting a key voted on: %v", err)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.MoveResolution(ids[2], -1) })
	if got := order(); got != "Appr:1 Rava:2 Budg:3 Remp:4 Port:5" {
		t.Errorf("after moving up: %s", got)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.MoveResolution(ids[0], -1) }) // the first stays
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.DeleteResolution(ids[0]) })
	if got := order(); got != "Rava:1 Budg:2 Remp:3 Port:4" {
		t.Errorf("after deleting the first: %s", got)
	}

	for _, tc := range []struct {
		r    ledger.Resolution
		want string
	}{
		{ledger.Resolution{Title: ""}, "Donnez un titre"},
		{ledger.Resolution{Title: "X", Article: "27"}, "Majorité « 27 » inconnue"},
		{ledger.Resolution{Title: "X", Kind: "vote"}, "Genre de résolution"},
		{ledger.Resolution{Title: "X", Key: "999"}, "La clé 999"},
		{ledger.Resolution{Title: "X", Exercise: 1}, "Seules les résolutions du budget"},
		{ledger.Resolution{Title: "X", Fingerprint: "3F2A-91BC-0D44-7E10"}, "Seule l'approbation des comptes"},
		{ledger.Resolution{Title: "X", Text: strings.Repeat("a", 10001)}, "Texte de la résolution"},
	} {
		tc.r.Assembly = a.ID
		err := db.Update(func(tx *ledger.Tx) error { return tx.SaveResolution(&tc.r) })
		if err == nil || !strings.Contains(ledger.Message(err), tc.want) {
			t.Errorf("%.40s: got %v, want %q", tc.r.Title+tc.r.Text, err, tc.want)
		}
	}

	// Convened: the agenda is fixed, the outcome is still recorded.
	a.ConvenedOn, a.Status = ledger.Date(2026, 5, 15), ledger.AssemblyConvened
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.SaveAssembly(&a) })
	err = db.Update(func(tx *ledger.Tx) error { return tx.DeleteResolution(ids[1]) })
	if ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), "ne change plus") {
		t.Errorf("deleting from a convened agenda: %v", err)
	}
	err = db.Update(func(tx *ledger.Tx) error { return tx.DeleteAssembly(a.ID) })
	if ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("deleting a convened assembly: %v", err)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.SetResolutionOutcome(ids[1], ledger.OutcomeAdopted, "") })
	err = db.Update(func(tx *ledger.Tx) error { return tx.SetResolutionOutcome(ids[1], "votee", "") })
	if err == nil {
		t.Error("an unknown outcome was taken")
	}
}

func TestResolutionFingerprint(t *testing.T) {
	db := mustCreate(t)
	a := assemblyDay()
	r := ledger.Resolution{Title: "Approbation des comptes", Kind: ledger.ResolutionAccounts, Exercise: 1}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.SaveAssembly(&a); err != nil {
			return err
		}
		r.Assembly = a.ID
		if err := tx.SaveResolution(&r); err != nil {
			return err
		}
		return tx.SetResolutionOutcome(r.ID, ledger.OutcomeAdopted, "3f2a 91bc 0d44 7e10")
	})
	mustView(t, db, func(tx *ledger.Tx) error {
		got, err := tx.Resolution(r.ID)
		if got.Fingerprint != "3F2A-91BC-0D44-7E10" || got.Outcome != ledger.OutcomeAdopted || got.Exercise != 1 {
			t.Errorf("stored %+v", got)
		}
		return err
	})
}

func TestParseArticle(t *testing.T) {
	for in, want := range map[string]string{"24": "24", "art. 25": "25", "Article 26": "26", "unanimité": "unanimite", "UNANIMITE": "unanimite"} {
		if got, err := ledger.ParseArticle(in); err != nil || got != want {
			t.Errorf("%q: %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "25-1", "art.", "27"} {
		if _, err := ledger.ParseArticle(in); err == nil {
			t.Errorf("%q taken", in)
		}
	}
}

func TestAttendanceAndVotes(t *testing.T) {
	db := mustCreate(t)
	a := assemblyDay()
	r := ledger.Resolution{Title: "Budget", Kind: ledger.ResolutionBudget}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.SaveAssembly(&a); err != nil {
			return err
		}
		r.Assembly = a.ID
		return tx.SaveResolution(&r)
	})
	received := ledger.Date(2026, 6, 5)
	for _, tc := range []struct {
		at   ledger.Attendance
		want string
	}{
		{ledger.Attendance{Owner: "450001", Status: ledger.AttendPresent}, ""},
		{ledger.Attendance{Owner: "450002", Status: ledger.AttendRepresented, ProxyOwner: "450001"}, ""},
		{ledger.Attendance{Owner: "450003", Status: ledger.AttendPostal, FormReceived: received}, ""},
		{ledger.Attendance{Owner: "450009", Status: ledger.AttendPresent}, "le copropriétaire 450009 n'existe pas"},
		{ledger.Attendance{Owner: "450003", Status: "excusé"}, "Présence « excusé » inconnue"},
		{ledger.Attendance{Owner: "450003", Status: ledger.AttendRepresented}, "indiquez son mandataire"},
		{ledger.Attendance{Owner: "450003", Status: ledger.AttendPresent, ProxyName: "M. Roux"}, "seul un copropriétaire représenté"},
		{ledger.Attendance{Owner: "450003", Status: ledger.AttendRepresented, ProxyOwner: "450003"}, "son propre mandataire"},
		{ledger.Attendance{Owner: "450003", Status: ledger.AttendRepresented, ProxyOwner: "450008"}, "Mandataire : le copropriétaire 450008"},
		{ledger.Attendance{Owner: "450003", Status: ledger.AttendRepresented, ProxyOwner: "450001", ProxyName: "M. Roux"}, "pas les deux"},
		{ledger.Attendance{Owner: "450003", Status: ledger.AttendPostal}, "indiquez le jour où son formulaire est arrivé"},
		{ledger.Attendance{Owner: "450003", Status: ledger.AttendAbsent, FormReceived: received}, "seul un vote par correspondance"},
		{ledger.Attendance{Owner: "450003", Status: ledger.AttendRepresented, ProxyName: "M. Roux\x1b"}, "Nom du mandataire"},
	} {
		tc.at.Assembly = a.ID
		err := db.Update(func(tx *ledger.Tx) error { return tx.SetAttendance(tc.at) })
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: %v", tc.at, err)
		case tc.want != "" && (err == nil || !strings.Contains(ledger.Message(err), tc.want)):
			t.Errorf("%+v: got %v, want %q", tc.at, err, tc.want)
		}
	}
	mustView(t, db, func(tx *ledger.Tx) error {
		list, err := tx.Attendances(a.ID)
		if len(list) != 3 || list[1].ProxyOwner != "450001" || !list[2].FormReceived.Equal(received) || list[2].Status != ledger.AttendPostal {
			t.Errorf("attendances %+v", list)
		}
		return err
	})

	// Votes: the three who took part vote; an absent owner or one not on
	// the sheet does not.
	for _, tc := range []struct {
		v    ledger.Vote
		want string
	}{
		{ledger.Vote{Owner: "450001", Choice: ledger.VoteFor}, ""},
		{ledger.Vote{Owner: "450002", Choice: ledger.VoteAgainst}, ""},
		{ledger.Vote{Owner: "450003", Choice: ledger.VoteAbstain}, ""},
		{ledger.Vote{Owner: "450003", Choice: ledger.VoteFor, Round: 2}, ""},
		{ledger.Vote{Owner: "450001", Choice: "oui"}, "Vote « oui » inconnu"},
		{ledger.Vote{Owner: "450001", Choice: ledger.VoteFor, Round: 3}, "Tour de vote 3"},
		{ledger.Vote{Owner: "450007", Choice: ledger.VoteFor}, "le copropriétaire 450007 n'existe pas"},
	} {
		tc.v.Resolution = r.ID
		err := db.Update(func(tx *ledger.Tx) error { return tx.SetVote(tc.v) })
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: %v", tc.v, err)
		case tc.want != "" && (err == nil || !strings.Contains(ledger.Message(err), tc.want)):
			t.Errorf("%+v: got %v, want %q", tc.v, err, tc.want)
		}
	}
	// The same vote twice changes it.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		return tx.SetVote(ledger.Vote{Resolution: r.ID, Owner: "450002", Round: 1, Choice: ledger.VoteFor})
	})
	mustView(t, db, func(tx *ledger.Tx) error {
		votes, err := tx.Votes(a.ID)
		var got []string
		for _, v := range votes {
			got = append(got, v.Owner+string(rune('0'+v.Round))+v.Choice)
		}
		if strings.Join(got, " ") != "4500011pour 4500021pour 4500031abstention 4500032pour" {
			t.Errorf("votes %v", got)
		}
		return err
	})
	// Made absent after voting: refused; his votes go first.
	err := db.Update(func(tx *ledger.Tx) error {
		return tx.SetAttendance(ledger.Attendance{Assembly: a.ID, Owner: "450001", Status: ledger.AttendAbsent})
	})
	if ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("absent after voting: %v", err)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.DeleteVote(r.ID, "450001", 1); err != nil {
			return err
		}
		return tx.SetAttendance(ledger.Attendance{Assembly: a.ID, Owner: "450001", Status: ledger.AttendAbsent})
	})
	err = db.Update(func(tx *ledger.Tx) error {
		return tx.SetVote(ledger.Vote{Resolution: r.ID, Owner: "450001", Choice: ledger.VoteFor})
	})
	if err == nil || !strings.Contains(ledger.Message(err), "450001 est absent") {
		t.Errorf("vote of an absent owner: %v", err)
	}
	// Raw SQL meets the trigger.
	if err := db.Exec(`INSERT INTO votes (resolution_id, owner, round, choice) VALUES (?, '450001', 1, 'pour')`, r.ID); err == nil {
		t.Error("the schema took the vote of an absent owner")
	}
	// A draft assembly is deleted with everything it holds.
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.DeleteAssembly(a.ID) })
	mustView(t, db, func(tx *ledger.Tx) error {
		list, err := tx.Assemblies()
		if len(list) != 0 {
			t.Errorf("left %+v", list)
		}
		return err
	})
}
