package assembly_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/assembly"
	"tantieme/app/closing"
	"tantieme/app/registry"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

func acc(n int) string { return "4500" + strconv.Itoa(n/10) + strconv.Itoa(n%10) }

// agDay is Friday 5 June 2026; the postal forms must arrive by Monday 1
// June (2, 3 and 4 are the three clear days).
var agDay = ledger.Date(2026, 6, 5)

// tenOwners is the residence of ledger/assembly_majority_test.go: ten
// owners 450001…450010 (« Propriétaire 001 »…), one lot each, of 50, 80,
// 90, 100, 100, 110, 120, 130, 100 and 120 general tantièmes (1 000); key
// 002 (lift) held by lots 1, 5 and 10, 100 each (300). A call of 1 000 €
// in 2025 gives the books a fingerprint; 2027 has a budget of 1 500 € of
// charges less 100 € of income = 1 400 €.
func tenOwners(t *testing.T) (*app.Residence, int64) {
	t.Helper()
	ledgertest.Isolate(t)
	// The AG is over: « today » is 20 June 2026.
	t.Setenv("SOURCE_DATE_EPOCH", strconv.FormatInt(time.Date(2026, 6, 20, 12, 0, 0, 0, time.UTC).Unix(), 10))
	var lots []apptest.Lot
	for i, v := range []int{50, 80, 90, 100, 100, 110, 120, 130, 100, 120} {
		l := apptest.Lot{Number: strconv.Itoa(i + 1), Owner: acc(i + 1), Shares: map[string]string{"001": strconv.Itoa(v)}}
		if i == 0 || i == 4 || i == 9 {
			l.Shares["002"] = "100"
		}
		lots = append(lots, l)
	}
	r := apptest.Calls(t, lots)
	ex25, ex27 := apptest.Year(t, r, 2025), apptest.Year(t, r, 2027)
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		e := ledger.Entry{Journal: ledger.JournalMisc, Date: ledger.Date(2025, 1, 1), Piece: "A1", Label: "Appel 2025", Lines: []ledger.Line{
			{Account: "450001", Debit: ledger.MustAmount("1000")},
			{Account: "701000", Key: "001", Credit: ledger.MustAmount("1000")}}}
		if err := tx.PostEntry(&e); err != nil {
			return err
		}
		for _, b := range []ledger.BudgetLine{apptest.Budget("601000", "001", "1000.00"), apptest.Budget("614000", "002", "500.00"),
			apptest.Budget("716000", "001", "100.00")} {
			if err := tx.SetBudgetLine(ex27.ID, b); err != nil {
				return err
			}
		}
		return nil
	})
	a := ledger.Assembly{Day: agDay, Time: "18:30", Place: "Salle commune", Exercise: ex25.ID}
	if _, err := assembly.Save(r, &a); err != nil {
		t.Fatal(err)
	}
	for _, res := range []ledger.Resolution{
		{Title: "Approbation des comptes 2025", Kind: ledger.ResolutionAccounts, Exercise: ex25.ID},
		{Title: "Budget 2027", Kind: ledger.ResolutionBudget, Exercise: ex27.ID},
		{Title: "Ravalement", Article: ledger.Article25, Kind: ledger.ResolutionWorks},
		{Title: "Ascenseur : contrat d'entretien", Key: "002"},
	} {
		res.Assembly = a.ID
		if err := assembly.SaveResolution(r, &res); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := assembly.WriteConvocations(r, a.ID, assembly.ConvocationOptions{Dir: t.TempDir(), Sent: ledger.Date(2026, 5, 1)}); err != nil {
		t.Fatal(err)
	}
	// Present 450001, 450005, 450010; postal 450003 (in time, 1 June)
	// and 450004 (2 June: late); 450006…450009 give their proxies to
	// 450005 in that order: 100 + 110 + 120 + 130 = 460 is over 10 %
	// of 1 000 after three, so the fourth (450009) is refused; 450002 is
	// absent (no record).
	for _, at := range []ledger.Attendance{
		{Owner: acc(1), Status: ledger.AttendPresent}, {Owner: acc(5), Status: ledger.AttendPresent}, {Owner: acc(10), Status: ledger.AttendPresent},
		{Owner: acc(3), Status: ledger.AttendPostal, FormReceived: ledger.Date(2026, 6, 1)},
		{Owner: acc(4), Status: ledger.AttendPostal, FormReceived: ledger.Date(2026, 6, 2)},
		{Owner: acc(6), Status: ledger.AttendRepresented, ProxyOwner: acc(5), ProxyRank: 1},
		{Owner: acc(7), Status: ledger.AttendRepresented, ProxyOwner: acc(5), ProxyRank: 2},
		{Owner: acc(8), Status: ledger.AttendRepresented, ProxyOwner: acc(5), ProxyRank: 3},
		{Owner: acc(9), Status: ledger.AttendRepresented, ProxyOwner: acc(5), ProxyRank: 4},
	} {
		at.Assembly = a.ID
		if err := assembly.SetAttendance(r, at); err != nil {
			t.Fatal(err)
		}
	}
	return r, a.ID
}

func voteAll(t *testing.T, r *app.Residence, id int64, number, round int, choice string, except map[string]string, want int) {
	t.Helper()
	n, err := assembly.VoteAll(r, id, number, round, choice, except)
	if err != nil {
		t.Fatalf("resolution %d round %d: %v", number, round, err)
	}
	if n != want {
		t.Errorf("resolution %d round %d: %d votes recorded, want %d", number, round, n, want)
	}
}

func mustVote(t *testing.T, r *app.Residence, id int64, number, round int, owner, choice string) {
	t.Helper()
	if err := assembly.Vote(r, id, number, round, []assembly.Ballot{{Owner: owner, Choice: choice}}); err != nil {
		t.Fatalf("%s on %d: %v", owner, number, err)
	}
}

func TestVotesTenOwners(t *testing.T) {
	r, id := tenOwners(t)
	roll, err := assembly.Roll(r, id)
	if err != nil {
		t.Fatal(err)
	}
	var defaulting []string
	for _, m := range roll.Members {
		if m.Defaulting() {
			defaulting = append(defaulting, m.Account)
		}
	}
	if strings.Join(defaulting, " ") != "450002 450004 450009" || roll.Total.String() != "1000" {
		t.Fatalf("défaillants %v, total %s", defaulting, roll.Total)
	}

	// Resolution 1, accounts, art. 24: « tous pour sauf 450010 contre et
	// 450008 abstention »: the six present or represented (450001, 450005,
	// 450006, 450007, 450008, 450010), the postal voter by his form.
	voteAll(t, r, id, 1, 1, "pour", map[string]string{acc(10): "contre", acc(8): "abstention"}, 6)
	// Before the form is entered the count waits for nobody: a postal
	// voter without an answer votes against (loi art. 17-1 A).
	mustVote(t, r, id, 1, 1, acc(3), "pour")
	for _, tc := range []struct {
		number, round int
		owner, want   string
	}{
		{1, 1, acc(9), "défaillant (pouvoir refusé"},
		{1, 1, acc(2), "défaillant (absent)"},
		{1, 1, acc(4), "hors délai"},
		{1, 2, acc(1), "n'appelle pas de second vote"},
		{4, 1, acc(6), "pas de tantièmes sur la clé de la résolution 4"},
		{9, 1, acc(1), "pas de résolution n° 9"},
		{1, 1, "450099", "n'est pas celui d'un copropriétaire"},
	} {
		err := assembly.Vote(r, id, tc.number, tc.round, []assembly.Ballot{{Owner: tc.owner, Choice: "pour"}})
		if err == nil || !strings.Contains(ledger.Message(err), tc.want) {
			t.Errorf("%s on %d round %d: %v, want %q", tc.owner, tc.number, tc.round, err, tc.want)
		}
	}
	// Resolution 2, budget: all for; the postal form left it blank.
	voteAll(t, r, id, 2, 1, "pour", nil, 6)
	// Resolution 3, art. 25 (the « art. 25-1 second vote » case):
	// 5+ 6+ 8+ 1- 10- 7-, the form blank.
	voteAll(t, r, id, 3, 1, "contre", map[string]string{acc(5): "pour", acc(6): "pour", acc(8): "pour"}, 6)
	// Resolution 4, key 002 (450001, 450005, 450010: 100 each): only
	// they vote; 450001 for, the others against.
	voteAll(t, r, id, 4, 1, "contre", map[string]string{acc(1): "pour"}, 3)

	if _, err := assembly.Hold(r, id, agDay); err == nil || !strings.Contains(ledger.Message(err), "second vote") {
		t.Errorf("held with a second vote to do: %v", err)
	}
	if err := assembly.Vote(r, id, 3, 2, []assembly.Ballot{{Owner: acc(3), Choice: "pour"}}); err == nil ||
		!strings.Contains(ledger.Message(err), "formulaire répond aussi au second vote") {
		t.Errorf("a postal voter in round 2: %v", err)
	}
	// Second vote at art. 24: 1+ 5+ 6+ 8+ 10= 7-.
	voteAll(t, r, id, 3, 2, "pour", map[string]string{acc(10): "abstention", acc(7): "contre"}, 6)

	results, err := assembly.Results(r, id)
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ forV, against, abstain, defaulting string }
	for i, w := range []struct {
		first    tally
		adopted  bool
		second   ledger.Majority
		final    *tally
		finalAdo bool
		opposed  string
	}{
		// pour 50 + 100 + 110 + 120 + 90 = 470; contre 120; abstention
		// 130; défaillants 80 + 100 + 100 = 280. 470 > 120.
		{first: tally{"470", "120", "130", "280"}, adopted: true, finalAdo: true, opposed: "450010"},
		// pour 50 + 100 + 110 + 120 + 130 + 120 = 630; the blank form
		// against: 90.
		{first: tally{"630", "90", "0", "280"}, adopted: true, finalAdo: true, opposed: "450003"},
		// Round 1: pour 100 + 110 + 130 = 340 ≤ 500, 340 × 3 ≥ 1 000:
		// second vote at art. 24; contre 50 + 120 + 120 + 90 = 380.
		// Round 2: pour 390, contre 120 + 90 = 210, abstention 120.
		{first: tally{"340", "380", "0", "280"}, second: ledger.Art24, final: &tally{"390", "210", "120", "280"}, finalAdo: true,
			opposed: "450001 450003 450007 450010"},
		// Key 002: pour 100, contre 100 + 100 = 200 of 300.
		{first: tally{"100", "200", "0", "0"}, adopted: false, finalAdo: false, opposed: "450005 450010"},
	} {
		rc := results[i]
		if !rc.Decided() {
			t.Errorf("resolution %d not decided: missing %v", i+1, rc.Missing)
			continue
		}
		check := func(what string, res ledger.Result, w tally) {
			for _, c := range [][2]string{{res.For.Votes.String(), w.forV}, {res.Against.Votes.String(), w.against},
				{res.Abstain.Votes.String(), w.abstain}, {res.Defaulting.Votes.String(), w.defaulting}} {
				if c[0] != c[1] {
					t.Errorf("resolution %d %s: pour %s contre %s abstention %s défaillants %s; want %+v", i+1, what,
						res.For.Votes, res.Against.Votes, res.Abstain.Votes, res.Defaulting.Votes, w)
					break
				}
			}
		}
		check("round 1", rc.Result, w.first)
		if rc.Result.Adopted != w.adopted || rc.Result.SecondDue != w.second {
			t.Errorf("resolution %d: adopted %v second %v", i+1, rc.Result.Adopted, rc.Result.SecondDue)
		}
		if w.final != nil {
			check("round 2", rc.Final(), *w.final)
		}
		if rc.Final().Adopted != w.finalAdo {
			t.Errorf("resolution %d: final adopted %v", i+1, rc.Final().Adopted)
		}
		var opposed []string
		for _, o := range rc.Result.Opposed {
			opposed = append(opposed, o.Account)
		}
		if got := strings.Join(opposed, " "); got != w.opposed {
			t.Errorf("resolution %d: opposed %q, want %q", i+1, got, w.opposed)
		}
	}

	// The draft minutes, before the assembly is held.
	pdf, _, err := assembly.MinutesPDF(r, id, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	text := ledgertest.Flat(ledgertest.PDF(t, pdf))
	for _, want := range []string{"Procès-verbal (projet)", "Résolution n° 3 – Ravalement", "Second vote", "Propriétaire 009",
		"Se sont opposés (1 copropriétaire, 120 tantièmes) : M. Propriétaire 010 (120)"} {
		if !strings.Contains(text, want) {
			t.Errorf("draft minutes lack %q", want)
		}
	}

	fp := results[0].Resolution.Fingerprint
	if fp == "" {
		t.Fatal("the approval of the accounts has no fingerprint after the convocations")
	}
	if _, err := assembly.Hold(r, id, agDay.AddDate(0, 0, 1)); err == nil {
		t.Error("held on another day than convened")
	}
	h, err := assembly.Hold(r, id, agDay)
	if err != nil {
		t.Fatal(err)
	}
	// Budget 2027: 1 000 + 500 − 100 = 1 400 €.
	if h.Adopted != 3 || h.Rejected != 1 || h.Budgets[2027].Total != ledger.MustAmount("1400") || h.Approved[2025] != fp {
		t.Errorf("held: %+v", h)
	}
	if v, err := r.BudgetVoted(2027); err != nil || !v.Day.Equal(agDay) || v.Total != ledger.MustAmount("1400") ||
		v.Text() != "Budget voté par l'AG du 05/06/2026 : 1 400,00 €" {
		t.Errorf("budget vote %+v %q, %v", v, v.Text(), err)
	}
	if d, err := registry.AccountsApproved(r, 2025); err != nil || !d.Equal(agDay) {
		t.Errorf("accounts approved %s, %v", ledger.ISO(d), err)
	}
	d, err := assembly.Load(r, id)
	if err != nil {
		t.Fatal(err)
	}
	var outcomes []string
	for _, res := range d.Resolutions {
		outcomes = append(outcomes, res.Outcome)
	}
	if d.Assembly.Status != ledger.AssemblyHeld || strings.Join(outcomes, " ") != "adoptee adoptee adoptee rejetee" {
		t.Errorf("status %s, outcomes %v", d.Assembly.Status, outcomes)
	}
	if err := assembly.Vote(r, id, 1, 1, []assembly.Ballot{{Owner: acc(1), Choice: "contre"}}); ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("voted after the assembly was held: %v", err)
	}

	// The closing of 2025 passes: the books are those approved; the
	// régularisation goes to the owners of the AG's day.
	plan, err := closing.Prepare(r, apptest.Year(t, r, 2025), closing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !plan.OwnersAt.Equal(agDay) {
		t.Errorf("owners at %s, want the approval day", ledger.ISO(plan.OwnersAt))
	}

	// Minutes of the held assembly and the attendance sheet from its records.
	dir := t.TempDir()
	path, err := assembly.WriteMinutes(r, id, dir+"/pv.pdf")
	if err != nil {
		t.Fatal(err)
	}
	text = ledgertest.Flat(ledgertest.PDFFile(t, path))
	if strings.Contains(text, "(projet)") || !strings.Contains(text, "Procès-verbal de l'assemblée générale") {
		t.Errorf("held minutes: %.200s", text)
	}
	sheet, _, err := assembly.WriteAttendance(r, id, dir+"/feuille.pdf")
	if err != nil {
		t.Fatal(err)
	}
	text = ledgertest.Flat(ledgertest.PDFFile(t, sheet))
	for _, want := range []string{"Feuille de présence", "reçu le 02/06/2026, hors délai", "Propriétaire 005"} {
		if !strings.Contains(text, want) {
			t.Errorf("attendance sheet lacks %q", want)
		}
	}
	apptest.View(t, r, func(tx *ledger.Tx) error {
		for kind, n := range map[string]int{"ag_minutes": 1, "attendance": 1} {
			docs, err := tx.Documents(ledger.DocumentFilter{Kind: kind})
			if err != nil {
				return err
			}
			if len(docs) != n || len(docs[0].Owners) != 0 || docs[0].Binder != "ag" {
				t.Errorf("%s registered: %+v", kind, docs)
			}
		}
		return nil
	})
}

// An entry of 2025 changed after the AG approved the accounts: the closing
// of 2025 is refused, naming the change.
func TestClosingRefusedAfterApprovedBooksChanged(t *testing.T) {
	r, id := tenOwners(t)
	for n := 1; n <= 4; n++ {
		voteAll(t, r, id, n, 1, "pour", nil, map[int]int{4: 3}[n]+map[bool]int{true: 6}[n != 4])
	}
	if _, err := assembly.Hold(r, id, agDay); err != nil {
		t.Fatal(err)
	}
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		e := ledger.Entry{Journal: ledger.JournalMisc, Date: ledger.Date(2025, 1, 1), Piece: "A1", Label: "Appel 2025 corrigé", Lines: []ledger.Line{
			{Account: "450001", Debit: ledger.MustAmount("900")},
			{Account: "701000", Key: "001", Credit: ledger.MustAmount("900")}}}
		return tx.ReplaceEntry(1, &e)
	})
	_, err := closing.Prepare(r, apptest.Year(t, r, 2025), closing.Options{})
	if err == nil || !strings.Contains(ledger.Message(err), "Clôture de l'exercice 2025 refusée : les comptes ont changé depuis leur approbation par l'assemblée générale du 05/06/2026") ||
		!strings.Contains(ledger.Message(err), "écriture n° 1 modifiée") {
		t.Errorf("closing after a change: %v", err)
	}
}

// A proxy found to be refused after its holder voted (given to the
// syndic's employee): the vote stays recorded but is not counted; the
// owner is défaillant with the reason, and the fourth proxy of 450005,
// within three again, counts.
func TestVoteOfAProxyRefusedLater(t *testing.T) {
	r, id := tenOwners(t)
	// Pour 50 + 100 + 110 + 120 + 130 + 120 = 630; the form blank: contre 90.
	voteAll(t, r, id, 1, 1, "pour", nil, 6)
	if err := assembly.SetAttendance(r, ledger.Attendance{Assembly: id, Owner: acc(6), Status: ledger.AttendRepresented, ProxyName: "M. Léon Petit",
		ProxyTie: ledger.ProxyTieEmployee}); err != nil {
		t.Fatal(err)
	}
	// 450005 now holds two proxies before 450009's, which counts: his
	// vote is missing.
	results, err := assembly.Results(r, id)
	if err != nil {
		t.Fatal(err)
	}
	if rc := results[0]; rc.Complete || len(rc.Missing) != 1 || rc.Missing[0].Account != acc(9) {
		t.Fatalf("missing %+v", rc.Missing)
	}
	mustVote(t, r, id, 1, 1, acc(9), "pour")
	if results, err = assembly.Results(r, id); err != nil {
		t.Fatal(err)
	}
	// 450006's 110 move from pour to défaillants, 450009's 100 the other
	// way: pour 630 − 110 + 100 = 620; défaillants 80 + 100 + 110 = 290.
	res := results[0].Result
	if !results[0].Complete || res.For.Votes.String() != "620" || res.Against.Votes.String() != "90" || res.Defaulting.Votes.String() != "290" {
		t.Fatalf("count: pour %s contre %s défaillants %s", res.For.Votes, res.Against.Votes, res.Defaulting.Votes)
	}
	found := false
	for _, d := range res.Defaulters {
		found = found || (d.Account == acc(6) && strings.Contains(d.Reason, "préposé du syndic"))
	}
	if !found {
		t.Errorf("défaillants %+v", res.Defaulters)
	}
}
