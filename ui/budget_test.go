package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/ledger"
)

// budgetLine reads one amount of a budget from the books.
func budgetLine(t *testing.T, s *Shell, year int, account, key string) ledger.Amount {
	t.Helper()
	var out ledger.Amount
	if err := s.res.View(func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(year)
		if err != nil {
			return err
		}
		lines, err := tx.Budget(ex.ID)
		for _, b := range lines {
			if b.Account == account && b.Key == key {
				out = b.Amount
			}
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func gridLine(t *testing.T, b *budgetScreen, key, account string) *budgetRow {
	t.Helper()
	r := b.grid.row(key, account)
	if r == nil {
		t.Fatalf("no line %s on key %s in the grid", account, key)
	}
	return r
}

func TestBudgetScreen(t *testing.T) {
	s, b := openDemoOn[*budgetScreen](t, 2026, "budget")
	text := windowText(s)
	mustContain(t, "the screen", text, "Budget prévisionnel", "2026", "2027", "Budget 2026", "Réalisé 2026", "Réalisé 2025",
		"Clé 001 — Charges générales", "Électricité", "3 286,14 €", "Total de la clé 001 (charges − produits)", "28 132,57 €",
		"Indemnités d'assurances (produit, en déduction)", "Clé 004 — Eau froide", "46 083,68 €",
		"Copier le budget de 2025…", "Partir du réalisé 2025…",
		"Fonds de travaux 2026 (compte 105, loi ALUR)",
		"Minimum légal : 5 % des charges du budget 2026 (46 083,68 €), soit 2 304,19 € par an. Le fonds de travaux 2026 (2 304,19 €) l'atteint.")
	if got := b.choice.Options; len(got) != 2 || got[0] != "2026" {
		t.Errorf("budgets offered: %q", got)
	}
	elec := gridLine(t, b, "001", "602000")
	if elec.entry.Text != "3 502,00" {
		t.Errorf("602000 on 001 shows %q", elec.entry.Text)
	}
}

// An amount typed in place is saved when the cursor leaves it, and the
// totals follow what is typed.
func TestBudgetEditInPlace(t *testing.T) {
	s, b := openDemoOn[*budgetScreen](t, 2026, "budget")
	elec := gridLine(t, b, "001", "602000")
	s.win.Canvas().Focus(elec.entry)
	elec.entry.SetText("")
	test.Type(elec.entry, "3600")
	if got := b.grid.keys[0].total[0].Text; got != "28 230,57 €" {
		t.Errorf("the key's total follows the typing: %q", got)
	}
	if got := budgetLine(t, s, 2026, "602000", "001"); got != ledger.MustAmount("3502") {
		t.Errorf("saved before leaving the cell: %s", got)
	}
	press(s, fyne.KeyReturn) // saves and goes to the next line
	if got := budgetLine(t, s, 2026, "602000", "001"); got != ledger.MustAmount("3600") {
		t.Errorf("602000 on 001 = %s after Enter", got)
	}
	if elec.entry.Text != "3 600,00" {
		t.Errorf("the cell shows %q", elec.entry.Text)
	}
	if next := gridLine(t, b, "001", "604000"); s.win.Canvas().Focused() != next.entry {
		t.Error("Enter did not go to the next line")
	}
	mustContain(t, "the status line", s.statusText.Text,
		"Budget 2026, 602000 Électricité, clé 001 : 3 600,00 € enregistrés — total de la clé 001 : 28 230,57 €, total du budget : 46 181,68 €")
	mustContain(t, "the fund", windowText(s), "Le fonds de travaux 2026 (2 304,19 €) est inférieur à 5 % du budget (46 181,68 €, soit 2 309,09 € au moins)")

	// Something unreadable is not saved and says why; Escape puts back.
	clean := gridLine(t, b, "001", "604000")
	clean.entry.SetText("douze")
	press(s, fyne.KeyReturn)
	if !b.problem.Visible() || b.problem.Importance != widget.DangerImportance {
		t.Fatal("no problem line for an unreadable amount")
	}
	mustContain(t, "the problem", b.problem.Text, "604000 clé 001 : « douze »")
	if got := budgetLine(t, s, 2026, "604000", "001"); got != ledger.MustAmount("618") {
		t.Errorf("an unreadable amount was saved: %s", got)
	}
	s.win.Canvas().Focus(clean.entry)
	press(s, fyne.KeyEscape)
	if clean.entry.Text != "618,00" || b.problem.Visible() {
		t.Errorf("Escape left %q", clean.entry.Text)
	}

	// Emptying a line removes it from the budget.
	clean.entry.SetText("")
	test.FocusNext(s.win.Canvas())
	if got := budgetLine(t, s, 2026, "604000", "001"); got != 0 {
		t.Errorf("an emptied line stays at %s", got)
	}
	mustContain(t, "the status line", s.statusText.Text, "604000 Achats produits d'entretien et petits équipements, clé 001 : ligne retirée")
}

func TestBudgetAddLine(t *testing.T) {
	s, b := openDemoOn[*budgetScreen](t, 2026, "budget")
	test.Tap(b.add)
	mustContain(t, "the form", overlayText(s), "Ajouter une ligne au budget 2026", "Compte *", "Clé de répartition *", "Montant annuel *")
	account := s.win.Canvas().Focused().(*entryBox)
	test.Type(account, "6130")
	mustContain(t, "the suggestions", overlayText(s), "613000")
	press(s, fyne.KeyReturn) // takes the account highlighted
	if account.Text != "613000 Locations mobilières" {
		t.Errorf("account box: %q", account.Text)
	}
	dialogChoice(t, s, 0).SetSelected("003 Bâtiment B")
	dialogField(t, s, "montant annuel").SetText("250")
	test.Tap(dialogButton(t, s, "Ajouter"))
	if got := budgetLine(t, s, 2026, "613000", "003"); got != ledger.MustAmount("250") {
		t.Fatalf("613000 on 003 = %s", got)
	}
	mustContain(t, "the status line", s.statusText.Text, "Ligne ajoutée au budget 2026 : 613000 Locations mobilières, clé 003, 250,00 €")
	gridLine(t, b, "003", "613000")

	// The same line twice is refused, and a charge needs a key: the works
	// and provisions accounts are not offered.
	test.Tap(b.add)
	account = s.win.Canvas().Focused().(*entryBox)
	test.Type(account, "613000")
	dialogChoice(t, s, 0).SetSelected("003 Bâtiment B")
	dialogField(t, s, "montant annuel").SetText("100")
	test.Tap(dialogButton(t, s, "Ajouter"))
	mustContain(t, "the refusal", overlayText(s), "Le compte 613000 figure déjà au budget 2026 sur la clé 003 (250,00 €)")
	account.SetText("671")
	test.Tap(dialogButton(t, s, "Ajouter"))
	mustContain(t, "the refusal", overlayText(s), "Compte « 671 » introuvable parmi les charges et les produits du budget")
}

func TestBudgetCopyAndFromActual(t *testing.T) {
	s, b := openDemoOn[*budgetScreen](t, 2025, "budget")
	b.choice.SetSelected("2027")
	if b.budgetEx().Year() != 2027 {
		t.Fatalf("the budget typed is %s", b.budgetEx().Name())
	}
	mustContain(t, "the grid", windowText(s), "Budget 2027", "Copier le budget de 2026…", "Partir du réalisé 2026…")
	test.Tap(b.copyFrom)
	mustContain(t, "the form", overlayText(s), "Copier un budget vers 2027", "Budget à copier", "Augmentation (%)",
		"Les 14 lignes actuelles du budget 2027 (47 425,92 € au total) seront remplacées.")
	pct := dialogField(t, s, "par exemple 3")
	pct.SetText("trois")
	test.Tap(dialogButton(t, s, "Remplacer le budget 2027"))
	mustContain(t, "the refusal", overlayText(s), "Augmentation : « trois » n'est pas un pourcentage")
	pct.SetText("3")
	test.Tap(dialogButton(t, s, "Remplacer le budget 2027"))
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	// 3 502,00 € × 1,03 = 3 607,06 €
	if got := budgetLine(t, s, 2027, "602000", "001"); got != ledger.MustAmount("3607,06") {
		t.Errorf("602000 on 001 in 2027 = %s", got)
	}
	mustContain(t, "the status line", s.statusText.Text, "Budget 2026 copié vers 2027, augmenté de 3 % : 14 lignes, 47 466,20 € au total")
	if gridLine(t, b, "001", "602000").entry.Text != "3 607,06" {
		t.Error("the grid does not show the copied budget")
	}

	// Starting 2026 from the actual of 2025 asks first, naming what goes.
	b.choice.SetSelected("2026")
	test.Tap(b.fromActual)
	mustContain(t, "the question", overlayText(s), "Remplacer le budget 2026 par le réalisé de l'exercice 2025",
		"Les 14 lignes actuelles du budget 2026 (46 083,68 € au total) seront remplacées.")
	test.Tap(dialogButton(t, s, "Remplacer le budget 2026"))
	if got := budgetLine(t, s, 2026, "602000", "001"); got != ledger.MustAmount("3286,14") {
		t.Errorf("602000 on 001 in 2026 = %s", got)
	}
	if got := budgetLine(t, s, 2026, "713000", "001"); got != ledger.MustAmount("1150") {
		t.Errorf("713000 on 001 in 2026 = %s", got)
	}
	mustContain(t, "the status line", s.statusText.Text, "Budget 2026 repris du réalisé 2025 : ")
}

func TestBudgetWorksFund(t *testing.T) {
	s, b := openDemoOn[*budgetScreen](t, 2026, "budget")
	b.fundAmount.SetText("1000")
	test.Tap(b.fundSave)
	st, err := s.res.WorksFund(exerciseOf(t, s, 2026))
	if err != nil || st.Fund.Amount != ledger.MustAmount("1000") || st.Fund.Key != "001" {
		t.Fatalf("fund = %+v (%v)", st, err)
	}
	mustContain(t, "the status line", s.statusText.Text,
		"Fonds de travaux 2026 : 1 000,00 € par an sur la clé 001 enregistré — attention : inférieur au minimum légal de 2 304,19 €")
	warning := texts(b.fundState)
	mustContain(t, "the warning", warning, "Le fonds de travaux 2026 (1 000,00 €) est inférieur à 5 % du budget (46 083,68 €, soit 2 304,19 € au moins)")
	var orange bool
	for _, o := range visible(b.fundState) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.WarningImportance {
			orange = true
		}
	}
	if !orange {
		t.Error("the warning is not orange")
	}
	// "Proposer le minimum" fills the law's minimum.
	test.Tap(b.fundMin)
	if b.fundAmount.Text != "2 304,19" {
		t.Errorf("minimum proposed: %q", b.fundAmount.Text)
	}
	press(s, fyne.KeyReturn)
	mustContain(t, "the state", texts(b.fundState), "Le fonds de travaux 2026 (2 304,19 €) l'atteint.")
}

// A closed exercise's budget reads only.
func TestBudgetClosedExercise(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	ex := s.working
	if err := s.res.Update(func(tx *ledger.Tx) error {
		if err := tx.SetBudgetLine(ex.ID, ledger.BudgetLine{Account: "602000", Key: "001", Amount: ledger.MustAmount("4000")}); err != nil {
			return err
		}
		return tx.CloseExercise(ex.ID)
	}); err != nil {
		t.Fatal(err)
	}
	s.changed()
	s.setExercise(exerciseOf(t, s, 2025))
	s.showScreen("budget")
	b := s.currentScreen().(*budgetScreen)
	for name, w := range map[string]fyne.Disableable{"Ajouter": b.add, "Copier": b.copyFrom, "Réalisé": b.fromActual,
		"fonds": b.fundSave, "montant du fonds": b.fundAmount, "ligne 602000": gridLine(t, b, "001", "602000").entry} {
		if !w.Disabled() {
			t.Errorf("%s is on in a closed exercise", name)
		}
	}
	b.create()
	if s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("Ctrl+N opened a dialog:\n%s", overlayText(s))
	}
}
