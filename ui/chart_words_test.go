package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// « ascenseur » finds the lift's contract and upkeep (614, 615) in the
// budget's account box, by the chart's everyday words.
func TestBudgetAccountByEverydayWord(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	s.showScreen("budget")
	b := s.currentScreen().(*budgetScreen)
	b.lineForm()
	box, ok := s.win.Canvas().Focused().(*entryBox)
	if !ok {
		t.Fatalf("focus on %T, want the account box", s.win.Canvas().Focused())
	}
	test.Type(box, "ascenseur")
	mustContain(t, "the list of accounts", overlayText(s), "614000   Contrats de maintenance", "615000   Entretien et petites réparations")
	mustNotContain(t, "the list of accounts", overlayText(s), "Aucun compte ne correspond")
}

// The invoice's « Type de dépense » is searched like the other account
// boxes: « Ascenseur » finds 614 and 615, and a click takes one.
func TestInvoiceExpenseByEverydayWord(t *testing.T) {
	s, _ := openSupplierCard(t)
	form := s.invoiceForm("401001")
	test.Type(form.expense, "Ascenseur")
	mustContain(t, "the list of expenses", overlayText(s), "614000   Contrats de maintenance", "615000   Entretien et petites réparations")
	var lift *accountSuggestion
	for _, o := range form.picker.rows.Objects {
		if sg, ok := o.(*accountSuggestion); ok && sg.a.Code == "615000" {
			lift = sg
		}
	}
	if lift == nil {
		t.Fatal("615000 is not in the list")
	}
	test.Tap(lift)
	if a, ok := form.expenseAccount(); !ok || a.Code != "615000" {
		t.Errorf("the expense chosen is %q (%v), want 615000", a.Code, ok)
	}
}

// The Plan comptable's search finds accounts by everyday words too.
func TestAccountsSearchByEverydayWord(t *testing.T) {
	_, a := openScreen[*accounts](t, "accounts")
	test.Type(a.search, "ascenseur")
	var got []string
	for _, r := range a.table.Rows() {
		got = append(got, r.Code)
	}
	if strings.Join(got, " ") != "614000 615000" {
		t.Errorf("« ascenseur » finds %v, want 614000 615000", got)
	}
}
