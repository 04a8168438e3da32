package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
)

// A budget the AG voted says so, and a change to it is confirmed: kept,
// the voted amount comes back; confirmed, it is saved.
func TestBudgetVotedAsksBeforeChange(t *testing.T) {
	s, b := openDemoOn[*budgetScreen](t, 2026, "budget")
	if err := s.res.Update(func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2026)
		if err != nil {
			return err
		}
		_, err = app.RecordBudgetVote(tx, ex, ledger.Date(2025, 12, 12))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	b.reload()
	// The demo's 2026 budget: 46 083,68 € of charges net (TestBudgetScreen).
	mustContain(t, "the screen", windowText(s), "Budget voté par l'AG du 12/12/2025 : 46 083,68 €")

	elec := gridLine(t, b, "001", "602000")
	s.win.Canvas().Focus(elec.entry)
	elec.entry.SetText("")
	test.Type(elec.entry, "3600")
	press(s, fyne.KeyReturn)
	mustContain(t, "the question", overlayText(s), "Modifier le budget 2026 voté ?", "voté par l'assemblée générale du 12/12/2025 (46 083,68 €)",
		"602000, clé 001 : 3 600,00 € au lieu de 3 502,00 €")
	test.Tap(dialogButton(t, s, "Garder le budget voté"))
	elec = gridLine(t, b, "001", "602000")
	if got := budgetLine(t, s, 2026, "602000", "001"); got != ledger.MustAmount("3502") || elec.entry.Text != "3 502,00" {
		t.Errorf("kept: %s in the books, %q shown", got, elec.entry.Text)
	}

	s.win.Canvas().Focus(elec.entry)
	elec.entry.SetText("")
	test.Type(elec.entry, "3600")
	press(s, fyne.KeyReturn)
	test.Tap(dialogButton(t, s, "Modifier le budget voté"))
	if got := budgetLine(t, s, 2026, "602000", "001"); got != ledger.MustAmount("3600") {
		t.Errorf("confirmed: %s in the books", got)
	}

	// Replacing it by a copy says it was voted.
	test.Tap(b.copyFrom)
	mustContain(t, "the copy form", overlayText(s), "Attention : ce budget a été voté par l'assemblée générale du 12/12/2025 (46 083,68 €)")
}
