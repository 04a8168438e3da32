package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// advancesView is the Avances tab of an owner's card: what he advanced
// (fonds de roulement, avances de trésorerie: the advance calls), what was
// paid back to him, what the syndicat still holds, and « Rembourser
// l'avance… ».
func (c *ownerCard) advancesView() (fyne.CanvasObject, ledger.Amount) {
	s := c.o.s
	list, err := s.res.Advances(c.account, time.Time{})
	if err != nil {
		s.showError(err)
	}
	var held ledger.Amount
	for _, b := range list {
		held += b.Balance()
	}
	t := &widgets.Table[app.OwnerAdvance]{
		Cols: []widgets.Column[app.OwnerAdvance]{
			{Title: "Compte", Width: 90, Text: func(b app.OwnerAdvance) string { return b.Account }},
			{Title: "Avance", Width: 200, Stretch: true, Text: func(b app.OwnerAdvance) string { return advanceWord(b.Account) }},
			{Title: "Appelé", Width: 130, Align: fyne.TextAlignTrailing, Text: func(b app.OwnerAdvance) string { return b.Called.String() }},
			{Title: "Remboursé", Width: 130, Align: fyne.TextAlignTrailing, Text: func(b app.OwnerAdvance) string { return b.Repaid.String() }},
			{Title: "Solde", Width: 130, Align: fyne.TextAlignTrailing, Text: func(b app.OwnerAdvance) string { return b.Balance().String() }},
		},
		Totals: func(rows []app.OwnerAdvance) []string {
			var called, repaid ledger.Amount
			for _, b := range rows {
				called, repaid = called+b.Called, repaid+b.Repaid
			}
			return []string{"Total", "", called.String(), repaid.String(), held.String()}
		},
		Empty: "Aucune avance : les appels d'avance (fonds de roulement) se font dans l'écran Appels de fonds, bouton « Appel d'avance… ».",
	}
	view := t.Build()
	t.SetRows(list)
	repay := widget.NewButtonWithIcon("Rembourser l'avance…", theme.ContentUndoIcon(), func() { c.repayAdvanceForm(list) })
	widgets.SetEnabled(repay, !s.readOnly() && held > 0)
	note := widgets.Note(fmt.Sprintf("Ses avances au syndicat (appelées, non remboursées) : %s. Une avance reste son argent : elle lui est rendue à la vente de ses lots "+
		"ou sur décision de l'assemblée générale.", held.String()))
	return container.NewBorder(nil, container.NewVBox(note, container.NewHBox(repay)), nil, nil, view), held
}

// advanceWord names an advance account in everyday words.
func advanceWord(account string) string {
	if ledger.IsTreasuryAdvance(account) {
		return "Avance de trésorerie (fonds de roulement)"
	}
	return "Autre avance"
}

// repayAdvanceForm pays back the owner's advance: debit 103x, credit his
// account, after saying what it will do.
func (c *ownerCard) repayAdvanceForm(list []app.OwnerAdvance) {
	s := c.o.s
	ow := c.data.Owner
	var options []string
	byOption := map[string]app.OwnerAdvance{}
	for _, b := range list {
		if b.Balance() > 0 {
			o := fmt.Sprintf("%s – %s (%s)", b.Account, advanceWord(b.Account), b.Balance().String())
			options = append(options, o)
			byOption[o] = b
		}
	}
	if len(options) == 0 {
		return
	}
	amount := widgets.NewField(byOption[options[0]].Balance().Format(), "par exemple 150,00")
	account := newChoiceField(options, options[0], func(v string) { amount.SetText(byOption[v].Balance().Format()) })
	date := widgets.NewField(ledger.FrenchDate(s.situation()), "JJ/MM/AAAA")
	f := s.newForm("Rembourser l'avance de "+ow.DisplayName(), "Rembourser", account, amount, date)
	f.width = 680
	f.submit = func() error {
		a, err := ledger.ParseAmount(amount.Text)
		if err != nil {
			s.win.Canvas().Focus(amount)
			return ledger.Wrap(ledger.Invalid, err, "Montant : %s", ledger.Message(err))
		}
		if a <= 0 {
			s.win.Canvas().Focus(amount)
			return ledger.Errorf(ledger.Invalid, "Montant : le remboursement doit être positif")
		}
		d, err := ledger.ParseDate(date.Text)
		if err != nil {
			s.win.Canvas().Focus(date)
			return ledger.Wrap(ledger.Invalid, err, "Date : %s", ledger.Message(err))
		}
		e, err := s.res.RepayAdvance(ow.Account, byOption[account.Selected].Account, d, a)
		if err != nil {
			return err
		}
		s.say(fmt.Sprintf("Avance de %s remboursée : %s au %s (pièce %s) — son compte %s est crédité d'autant", ow.DisplayName(), a.String(),
			ledger.FrenchDate(e.Date), e.Piece, ow.Account))
		s.changed()
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Avance", account), widget.NewFormItem("Montant", amount), widget.NewFormItem("Date", date))
	f.show(container.NewVBox(form,
		widgets.Note(fmt.Sprintf("Le compte d'avances est débité et le compte %s de %s crédité du montant, au journal OD : cette somme vient en déduction de ce qu'il doit, "+
			"ou lui est due (à lui verser par virement). Pas plus que son avance.", ow.Account, ow.DisplayName()))), amount)
	refit(f)
}
