package app_test

import (
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/ledger"
)

// lineIDs finds the lines of account in the entries with those pieces.
func lineIDs(t *testing.T, r *app.Residence, account string, pieces ...string) []int64 {
	t.Helper()
	var ids []int64
	for _, p := range pieces {
		found := false
		for _, l := range accountLines(t, r, account) {
			if l.Piece == p {
				ids = append(ids, l.ID)
				found = true
			}
		}
		if !found {
			t.Fatalf("no line of %s in %s", account, p)
		}
	}
	return ids
}

func TestMatchAndUnmatch(t *testing.T) {
	r := daybookResidence(t)
	// Transfers do not settle anything here: they are matched by hand.
	mustOK(t, r.Update(func(tx *ledger.Tx) error {
		for _, e := range []ledger.Entry{
			{Journal: "BQ", Date: isoDay("2025-02-01"), Piece: "V1", Label: "Virement", Lines: []ledger.Line{debitLine("512001", "", "250"), creditLine("450001", "", "250")}},
			{Journal: "BQ", Date: isoDay("2025-02-15"), Piece: "V2", Label: "Virement", Lines: []ledger.Line{debitLine("512001", "", "50"), creditLine("450001", "", "50")}},
			{Journal: "BQ", Date: isoDay("2025-04-15"), Piece: "V3", Label: "Virement", Lines: []ledger.Line{debitLine("512001", "", "300"), creditLine("450001", "", "300")}},
		} {
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		return nil
	}))
	for _, tc := range []struct {
		name   string
		ids    []int64
		kind   ledger.Kind
		letter string
		msg    string
	}{
		{"one line", lineIDs(t, r, "450001", "A0001"), ledger.Invalid, "", "au moins deux lignes"},
		{"unbalanced", lineIDs(t, r, "450001", "A0001", "V1"), ledger.Invalid, "", "ne s'équilibrent pas (débit 300,00 €, crédit 250,00 €, écart 50,00 €)"},
		{"two accounts", append(lineIDs(t, r, "450001", "A0001"), lineIDs(t, r, "450002", "A0001")...), ledger.Invalid, "", "plusieurs comptes (450001, 450002)"},
		{"two debits", lineIDs(t, r, "450001", "A0001", "A0002"), ledger.Invalid, "", "écart 600,00 €"},
		{"no such line", []int64{999999, 1}, ledger.NotFound, "", "n'existe pas"},
		{"balanced", lineIDs(t, r, "450001", "A0001", "V1", "V2"), 0, "A", ""},
		{"already matched", lineIDs(t, r, "450001", "V1", "A0002"), ledger.Conflict, "", "déjà lettrée « A »"},
		{"next letter", lineIDs(t, r, "450001", "A0002", "V3"), 0, "B", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := r.Match(tc.ids)
			if tc.kind != 0 {
				if ledger.KindOf(err) != tc.kind || !strings.Contains(ledger.Message(err), tc.msg) {
					t.Errorf("got %v, want kind %d with %q", err, tc.kind, tc.msg)
				}
				return
			}
			mustOK(t, err)
			if g.Letter != tc.letter || g.Account != "450001" || len(g.Lines) != len(tc.ids) {
				t.Errorf("group %s on %s with %d lines", g.Letter, g.Account, len(g.Lines))
			}
			for _, id := range tc.ids {
				for _, l := range accountLines(t, r, "450001") {
					if l.ID == id && l.Letter != tc.letter {
						t.Errorf("line %d letter %q", id, l.Letter)
					}
				}
			}
		})
	}

	// The consultation shows the letters, filters the unmatched lines and
	// adds up a selection.
	v, err := r.AccountView("450001", isoDay("2025-01-01"), isoDay("2025-12-31"), false)
	mustOK(t, err)
	if len(v.Lines) != 6 || v.Closing != euros("200") || v.Lines[5].Balance != euros("200") {
		t.Fatalf("view: %d lines, closing %s", len(v.Lines), v.Closing)
	}
	groupA := v.Group("A")
	if len(groupA) != 3 {
		t.Errorf("group A has %d lines", len(groupA))
	}
	sel := v.Select(map[int64]bool{groupA[0]: true, groupA[1]: true, groupA[2]: true})
	if !sel.CanUnmatch() || sel.CanMatch() || sel.Gap() != 0 {
		t.Errorf("selection of group A: %+v", sel)
	}
	open, err := r.AccountView("450001", isoDay("2025-01-01"), isoDay("2025-12-31"), true)
	mustOK(t, err)
	if len(open.Lines) != 1 || open.Lines[0].Piece != "A0003" || open.Lines[0].Balance != euros("200") {
		t.Errorf("unmatched only: %+v", open.Lines)
	}
	sel = open.Select(map[int64]bool{open.Lines[0].LineID: true})
	if sel.CanMatch() || sel.Gap() != euros("200") {
		t.Errorf("one debit selected: %+v", sel)
	}
	// A free period starts from the balance before it.
	part, err := r.AccountView("450001", isoDay("2025-03-01"), isoDay("2025-06-30"), false)
	mustOK(t, err)
	if part.Opening != euros("0") || len(part.Lines) != 2 || part.Closing != euros("0") {
		t.Errorf("period: opening %s, %d lines, closing %s", part.Opening, len(part.Lines), part.Closing)
	}
	part, err = r.AccountView("450001", isoDay("2025-02-10"), isoDay("2025-06-30"), false)
	mustOK(t, err)
	if part.Opening != euros("50") {
		t.Errorf("opening at 10/02: %s", part.Opening)
	}

	// Undoing a match clears the whole group, and only it.
	mustOK(t, r.Unmatch("450001", "A"))
	for _, l := range accountLines(t, r, "450001") {
		if l.Letter == "A" {
			t.Errorf("line %s still matched A", l.Piece)
		}
	}
	if letterOf(t, r, "450001", "V3") != "B" {
		t.Error("group B was undone too")
	}
	if err := r.Unmatch("450001", "A"); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("undoing a letter that no longer exists: %v", err)
	}
	// The next letter follows the last one in use.
	g, err := r.Match(lineIDs(t, r, "450001", "A0001", "V1", "V2"))
	mustOK(t, err)
	if g.Letter != "C" {
		t.Errorf("letter %s, want C", g.Letter)
	}
}

// Lines of a closed exercise keep their letters: matching or unmatching
// them is refused as locked.
func TestMatchClosedExercise(t *testing.T) {
	r := daybookResidence(t)
	mustOK(t, r.Update(func(tx *ledger.Tx) error {
		e := ledger.Entry{Journal: "BQ", Date: isoDay("2025-02-01"), Piece: "V1", Label: "Virement", Lines: []ledger.Line{debitLine("512001", "", "300"), creditLine("450001", "", "300")}}
		if err := tx.PostEntry(&e); err != nil {
			return err
		}
		e = ledger.Entry{Journal: "BQ", Date: isoDay("2025-02-01"), Piece: "V2", Label: "Virement", Lines: []ledger.Line{debitLine("512001", "", "200"), creditLine("450002", "", "200")}}
		return tx.PostEntry(&e)
	}))
	_, err := r.Match(lineIDs(t, r, "450002", "A0001", "V2"))
	mustOK(t, err)
	mustOK(t, r.Update(func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		return tx.CloseExercise(ex.ID)
	}))
	if _, err := r.Match(lineIDs(t, r, "450001", "A0001", "V1")); ledger.KindOf(err) != ledger.Locked || !strings.Contains(ledger.Message(err), "exercice clos") {
		t.Errorf("matching in a closed exercise: %v", err)
	}
	if err := r.Unmatch("450002", "A"); ledger.KindOf(err) != ledger.Locked {
		t.Errorf("unmatching in a closed exercise: %v", err)
	}
	v, err := r.AccountView("450001", isoDay("2025-01-01"), isoDay("2025-12-31"), false)
	mustOK(t, err)
	for _, l := range v.Lines {
		if !l.Locked {
			t.Errorf("line %s of a closed exercise not marked locked", l.Piece)
		}
	}
	if sel := v.Select(map[int64]bool{v.Lines[0].LineID: true, v.Lines[1].LineID: true}); sel.CanMatch() {
		t.Error("a selection in a closed exercise may be matched")
	}
	// The automatic matching leaves them alone.
	groups, err := r.AutoMatch("450001")
	if err != nil || len(groups) != 0 {
		t.Errorf("auto-matching a closed exercise: %v %v", groups, err)
	}
	if _, err := r.AccountView("450001", isoDay("2025-12-31"), isoDay("2025-01-01"), false); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("period backwards: %v", err)
	}
}
