package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// oneOffForm asks for a one-off call (« Appel ponctuel… »: an AG decision
// outside the budget and the works campaigns) or an advance call (« Appel
// d'avance… »: fonds de roulement on 103): key, amount, due date, label and
// the account credited, then previews each owner's share like the budget's
// calls before anything is posted.
func (c *callsScreen) oneOffForm(advance bool) {
	s := c.s
	if s.readOnly() {
		return
	}
	ex := s.exercise
	keys, err := s.res.Keys()
	if err != nil {
		s.showError(err)
		return
	}
	accounts, err := s.res.OneOffAccounts(advance)
	if err != nil {
		s.showError(err)
		return
	}
	generalKey, err := s.res.GeneralKey()
	if err != nil {
		s.showError(err)
		return
	}
	var keyOptions, accountOptions []string
	keyCode := map[string]string{}
	for _, k := range keys {
		o := k.Code + " – " + k.Label
		keyOptions = append(keyOptions, o)
		keyCode[o] = k.Code
	}
	accountCode := map[string]string{}
	wanted := ledger.DefaultOneOffAccount
	if advance {
		wanted = ledger.DefaultAdvanceAccount
	}
	chosenAccount := ""
	for _, a := range accounts {
		o := a.Code + " – " + a.Label
		accountOptions = append(accountOptions, o)
		accountCode[o] = a.Code
		if a.Code == wanted || chosenAccount == "" {
			chosenAccount = o
		}
	}
	general := ""
	for _, o := range keyOptions {
		if keyCode[o] == generalKey {
			general = o
		}
	}
	key := newChoiceField(keyOptions, general, nil)
	account := newChoiceField(accountOptions, chosenAccount, nil)
	amount := widgets.NewField("", "par exemple 1 200,00")
	day := s.now()
	if !ex.Contains(day) {
		day = ex.Start
	}
	date := widgets.NewField(ledger.FrenchDate(day), "JJ/MM/AAAA")
	label := widgets.NewField("", "par exemple Remplacement de l'interphone (AG du 12/03/2026)")
	title, what := "Appel ponctuel", "l'appel ponctuel"
	help := "Un appel ponctuel demande aux copropriétaires un montant décidé par l'assemblée générale hors budget et hors campagne de travaux : " +
		"un appel exceptionnel du budget (compte 701), une opération exceptionnelle (702000), des annuités d'emprunt (704000) ou une provision pour travaux décidés (102000)."
	if advance {
		title, what = "Appel d'avance (fonds de roulement)", "l'appel d'avance"
		label.SetText("Fonds de roulement")
		help = "Une avance (fonds de roulement, avance de trésorerie : compte 103) reste l'argent de chaque copropriétaire : elle lui est rendue " +
			"à la vente de ses lots ou sur décision de l'assemblée générale (bouton « Rembourser l'avance… » de sa fiche). L'avance de trésorerie (1031) " +
			"ne dépasse pas le sixième du budget (décret du 17 mars 1967, art. 35)."
	}
	f := s.newForm(title+" — exercice "+ex.Name(), "Voir l'aperçu", key, amount, date, label, account)
	f.width = 720
	f.submit = func() error {
		a, err := ledger.ParseAmount(amount.Text)
		if err != nil {
			s.win.Canvas().Focus(amount)
			return ledger.Wrap(ledger.Invalid, err, "Montant : %s", ledger.Message(err))
		}
		d, err := ledger.ParseDate(date.Text)
		if err != nil {
			s.win.Canvas().Focus(date)
			return ledger.Wrap(ledger.Invalid, err, "Échéance : %s", ledger.Message(err))
		}
		if !ex.Contains(d) {
			s.win.Canvas().Focus(date)
			return ledger.Errorf(ledger.Invalid, "Échéance : le %s n'est pas dans l'exercice %s (du %s au %s)", ledger.FrenchDate(d), ex.Name(),
				ledger.FrenchDate(ex.Start), ledger.FrenchDate(ex.End))
		}
		if strings.TrimSpace(label.Text) == "" {
			s.win.Canvas().Focus(label)
			return ledger.Errorf(ledger.Invalid, "Libellé : indiquez la décision de l'assemblée générale que cet appel applique")
		}
		plan, err := s.res.PlanOneOffCall(app.OneOffRequest{Key: keyCode[key.Selected], Amount: a, Due: d, Label: label.Text, Account: accountCode[account.Selected]})
		if err != nil {
			return err
		}
		f.close()
		s.previewCalls(fmt.Sprintf("Aperçu de %s du %s", what, ledger.FrenchDate(d)), plan, func([]ledger.Call) { c.selected = nil })
		return errStay
	}
	form := widget.NewForm(
		widget.NewFormItem("Clé de répartition", key), widget.NewFormItem("Montant", amount),
		widget.NewFormItem("Échéance", date), widget.NewFormItem("Libellé", label), widget.NewFormItem("Compte crédité", account))
	f.show(container.NewVBox(widgets.Note(help), form,
		widgets.Note("Le montant est réparti au centime près entre les copropriétaires de la clé à l'échéance, au prorata de leurs tantièmes. "+
			"Rien n'est comptabilisé à cette étape : l'aperçu montre la part de chacun avant que vous ne décidiez de générer l'appel.")), amount)
	refit(f)
}
