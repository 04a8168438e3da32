package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/ledger"
)

// Paramètres › Comptabilité: choosing key 002 makes it the general key;
// the loans typed for 2025 are stored for annexe 1; a journal is added,
// renamed, and BQ offers no deletion.
func TestSettingsBooksTab(t *testing.T) {
	s, p := openScreen[*settings](t, string(app.TopicSettings))
	p.tabs.SelectIndex(5)
	mustContain(t, "the tab", windowText(s), "Clé générale", "001 – Charges générales", "Exercice 2025, au 31/12/2025 :", "Journaux", "À nouveaux")
	for o := range p.books.keyCodes {
		if p.books.keyCodes[o] == "002" {
			p.books.general.SetSelected(o)
		}
	}
	if k, err := s.res.GeneralKey(); err != nil || k != "002" {
		t.Fatalf("general key %q, %v", k, err)
	}
	mustContain(t, "the status line", s.statusText.Text, "Clé générale : 002")

	p.books.loanFields[2025].SetText("15 000,5")
	p.books.loanLabels[2025].SetText("Crédit Foncier, ravalement")
	test.Tap(findButton(t, p.books.loans.Objects[0], "Enregistrer"))
	if a, err := closing.LoansRemaining(s.res, 2025); err != nil || a != ledger.MustAmount("15000,50") {
		t.Fatalf("loans 2025: %s, %v", a, err)
	}
	mustContain(t, "the status line", s.statusText.Text, "15 000,50 € — Crédit Foncier, ravalement")
	p.books.loanFields[2026].SetText("douze")
	test.Tap(findButton(t, p.books.loans.Objects[1], "Enregistrer"))
	mustContain(t, "the error", overlayText(s), "« douze » n'est pas un montant")
	test.Tap(dialogButton(t, s, "Fermer"))

	test.Tap(p.books.addJournal)
	focusField(t, s, "").SetText("cai")
	dialogField(t, s, "Banque postale").SetText("Caisse")
	test.Tap(dialogButton(t, s, "Ajouter"))
	mustContain(t, "the list", texts(p.books.journals), "CAI", "Caisse")
	last := p.books.journals.Objects[len(p.books.journals.Objects)-1]
	test.Tap(findButton(t, last, "Renommer…"))
	focusField(t, s, "Caisse").SetText("Petite caisse")
	test.Tap(dialogButton(t, s, "Enregistrer"))
	mustContain(t, "the list", texts(p.books.journals), "Petite caisse")
	mustNotContain(t, "BQ's row", texts(p.books.journals.Objects[1]), "Supprimer…")
}

// Plan comptable: a sub-account never used is deleted from its form,
// after a confirmation naming it; one in a budget is refused in the same
// dialog, which says why; an official account offers no deletion.
func TestAccountsDelete(t *testing.T) {
	s, a := openScreen[*accounts](t, "accounts")
	err := s.res.Update(func(tx *ledger.Tx) error {
		for _, code := range []string{"622010", "615010"} {
			if err := tx.AddAccount(ledger.Account{Code: code, Label: "Sous-compte " + code}); err != nil {
				return err
			}
		}
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		return tx.SetBudgetLine(ex.ID, ledger.BudgetLine{Account: "615010", Key: "001", Amount: ledger.MustAmount("100")})
	})
	if err != nil {
		t.Fatal(err)
	}
	a.reload()
	row := func(code string) app.ChartAccount {
		for _, r := range a.table.Rows() {
			if r.Code == code {
				return r
			}
		}
		t.Fatalf("no account %s", code)
		return app.ChartAccount{}
	}
	a.showClass(0)
	a.edit(row("701000"))
	mustNotContain(t, "an official account's form", overlayText(s), "Supprimer le compte…")
	press(s, "Escape")
	a.edit(row("615010"))
	test.Tap(dialogButton(t, s, "Supprimer le compte…"))
	mustContain(t, "the question", overlayText(s), "Supprimer le compte 615010")
	test.Tap(dialogButton(t, s, "Supprimer"))
	mustContain(t, "the refusal", overlayText(s), "Le compte 615010 ne peut pas être supprimé : il figure dans un budget")
	press(s, "Escape")
	a.edit(row("622010"))
	test.Tap(dialogButton(t, s, "Supprimer le compte…"))
	test.Tap(dialogButton(t, s, "Supprimer"))
	mustContain(t, "the status line", s.statusText.Text, "Compte 622010")
	for _, r := range a.table.Rows() {
		if r.Code == "622010" {
			t.Fatal("622010 still listed")
		}
	}
}
