package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// chequesBar is the line under the owner's receipts: how many cheques he
// handed in advance are still kept, and « Chèques remis d'avance… ».
func (c *ownerCard) chequesBar() fyne.CanvasObject {
	s := c.o.s
	list, err := s.res.ExpectedCheques(ledger.ExpectedChequeFilter{Owner: c.data.Owner.Account, Waiting: true})
	if err != nil {
		return widgets.Note(s.message(err))
	}
	var sum ledger.Amount
	for _, x := range list {
		sum += x.Amount
	}
	text := "Aucun chèque remis d'avance en attente."
	if len(list) > 0 {
		text = fmt.Sprintf("%d chèque%s remis d'avance en attente (%s).", len(list), fr.S(len(list)), sum.String())
	}
	open := widget.NewButtonWithIcon("Chèques remis d'avance…", theme.ListIcon(), c.chequesDialog)
	return container.NewBorder(nil, nil, nil, open, widget.NewLabel(text))
}

// chequesDialog lists the cheques the owner handed in advance (seed 003
// « séries de chèques ») with their state; a click on one changes or
// deletes it while it is not deposited; « Nouvelle série… » types a
// series. The list stays open under those forms and follows them.
func (c *ownerCard) chequesDialog() {
	s := c.o.s
	ow := c.data.Owner
	day := s.situation()
	state := func(x app.ExpectedCheque) string {
		switch {
		case x.Received():
			return "Encaissé (remis en banque)"
		case x.Date.After(day):
			return "Gardé jusqu'à sa date"
		}
		return "À remettre en banque"
	}
	t := &widgets.Table[app.ExpectedCheque]{
		Cols: []widgets.Column[app.ExpectedCheque]{
			{Title: "Date", Width: 110, Text: func(x app.ExpectedCheque) string { return ledger.FrenchDate(x.Date) },
				Less: func(a, b app.ExpectedCheque) bool { return a.Date.Before(b.Date) }},
			{Title: "N° de chèque", Width: 130, Text: func(x app.ExpectedCheque) string { return orDash(x.Number) }},
			{Title: "État", Width: 200, Stretch: true, Text: state, Ink: func(x app.ExpectedCheque) widget.Importance {
				if !x.Received() && !x.Date.After(day) {
					return widget.WarningImportance
				}
				return widget.MediumImportance
			}},
			{Title: "Montant", Width: 120, Align: fyne.TextAlignTrailing, Text: func(x app.ExpectedCheque) string { return x.Amount.String() }},
		},
		Empty: "Aucun chèque remis d'avance — bouton « Nouvelle série… » ci-dessous.",
		Totals: func(rows []app.ExpectedCheque) []string {
			var sum ledger.Amount
			n := 0
			for _, x := range rows {
				if !x.Received() {
					sum += x.Amount
					n++
				}
			}
			return []string{"Total", "", fmt.Sprintf("%d non encaissé%s", n, fr.S(n)), sum.String()}
		},
	}
	fill := func() {
		list, err := s.res.ExpectedCheques(ledger.ExpectedChequeFilter{Owner: ow.Account})
		if err != nil {
			s.showError(err)
			return
		}
		t.SetRows(list)
	}
	t.OnOpen = func(x app.ExpectedCheque) { c.editExpectedCheque(x, fill) }
	view := t.Build()
	fill()
	f := s.newForm("Chèques remis d'avance par "+ow.DisplayName(), "Fermer")
	f.cancel.Hide()
	add := widgets.NewButton("Nouvelle série…", theme.ContentAddIcon(), widget.MediumImportance, func() { c.addChequeSeries(fill) })
	add.Keys = f.keys
	widgets.SetEnabled(add, !s.readOnly())
	f.extra = []fyne.CanvasObject{add}
	f.width = 720
	note := widgets.Note("Les chèques confiés d'avance sont proposés dans la remise de chèques (écran Banque) à partir de leur date, " +
		"et encaissés sur le compte de " + ow.DisplayName() + " à la date de la remise. Cliquez sur un chèque pour corriger sa date, son numéro ou son montant, ou le supprimer.")
	f.show(container.NewBorder(note, nil, nil, nil, widgets.Reserve(view, 13)), nil)
}

// addChequeSeries types a series: the amount of each cheque, the date and
// number of the first, how many (seed 003 #1–4).
func (c *ownerCard) addChequeSeries(then func()) {
	s := c.o.s
	ow := c.data.Owner
	amount := widgets.NewField("", "0,00")
	first := widgets.NewField(ledger.FrenchDate(s.situation()), "JJ/MM/AAAA")
	number := widgets.NewField("", "0 s'il est inconnu")
	count := widgets.NewField("", "12")
	f := s.newForm("Chèques remis d'avance par "+ow.DisplayName(), "Enregistrer la série", amount, first, number, count)
	f.submit = func() error {
		a, err := ledger.ParseAmount(amount.Text)
		if err != nil {
			return ledger.Wrap(ledger.Invalid, err, "Montant du chèque : %s", ledger.Message(err))
		}
		d, err := ledger.ParseDate(strings.TrimSpace(first.Text))
		if err != nil {
			return ledger.Wrap(ledger.Invalid, err, "Date du premier chèque : %s", ledger.Message(err))
		}
		n, err := strconv.Atoi(strings.TrimSpace(count.Text))
		if err != nil {
			return ledger.Errorf(ledger.Invalid, "Nombre de chèques : tapez un nombre entier (« %s » n'en est pas un)", strings.TrimSpace(count.Text))
		}
		list, err := s.res.AddChequeSeries(ledger.ChequeSeries{Owner: ow.Account, Amount: a, First: d, Number: number.Text, Count: n})
		if err != nil {
			return err
		}
		s.say(fmt.Sprintf("%d chèque%s de %s remis d'avance par %s enregistré%s, du %s au %s", len(list), fr.S(len(list)), a.String(),
			ow.DisplayName(), fr.S(len(list)), ledger.FrenchDate(list[0].Date), ledger.FrenchDate(list[len(list)-1].Date)))
		s.changed()
		then()
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Montant de chaque chèque (€)", amount), widget.NewFormItem("Date du 1er chèque", first),
		widget.NewFormItem("N° du 1er chèque", number), widget.NewFormItem("Nombre de chèques", count))
	f.show(container.NewVBox(widgets.Note("Les chèques suivants sont datés du même jour des mois suivants et numérotés à la suite. "+
		"Un chèque différent des autres se corrige ensuite dans la liste."), form), amount)
}

// editExpectedCheque corrects one cheque of a series, or deletes it
// (given back to the owner), while it is not deposited.
func (c *ownerCard) editExpectedCheque(x app.ExpectedCheque, then func()) {
	s := c.o.s
	ow := c.data.Owner
	if x.Received() {
		s.inform("Chèque déjà encaissé", theme.InfoIcon(), fmt.Sprintf("Le %s a été encaissé sur le compte de %s lors d'une remise en banque : "+
			"corrigez-le dans l'onglet Règlements (annulez d'abord la remise s'il le faut).", x.Name(), ow.DisplayName()))
		return
	}
	date := widgets.NewField(ledger.FrenchDate(x.Date), "JJ/MM/AAAA")
	number := widgets.NewField(x.Number, "0 s'il est inconnu")
	amount := widgets.NewField(x.Amount.Format(), "0,00")
	f := s.newForm("Chèque remis d'avance par "+ow.DisplayName(), "Enregistrer", date, number, amount)
	f.submit = func() error {
		d, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			return ledger.Wrap(ledger.Invalid, err, "Date du chèque : %s", ledger.Message(err))
		}
		a, err := ledger.ParseAmount(amount.Text)
		if err != nil {
			return ledger.Wrap(ledger.Invalid, err, "Montant du chèque : %s", ledger.Message(err))
		}
		y := x.ExpectedCheque
		y.Date, y.Number, y.Amount = d, number.Text, a
		if err := s.res.UpdateExpectedCheque(y); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Chèque remis d'avance par %s corrigé : %s", ow.DisplayName(), y.Name()))
		s.changed()
		then()
		return nil
	}
	del := widgets.NewButton("Supprimer…", theme.DeleteIcon(), widget.MediumImportance, func() {
		f.close()
		s.confirmAction("Supprimer un chèque remis d'avance",
			fmt.Sprintf("Supprimer le %s remis d'avance par %s ? Faites-le s'il lui a été rendu ; il ne sera plus proposé dans les remises.", x.Name(), ow.DisplayName()),
			"Supprimer", func() error {
				if err := s.res.DeleteExpectedCheque(x.ID); err != nil {
					return err
				}
				s.say(fmt.Sprintf("Chèque remis d'avance par %s supprimé : %s", ow.DisplayName(), x.Name()))
				s.changed()
				then()
				return nil
			})
	})
	del.Keys = f.keys
	widgets.SetEnabled(del, !s.readOnly())
	f.extra = []fyne.CanvasObject{del}
	form := widget.NewForm(widget.NewFormItem("Date", date), widget.NewFormItem("N° de chèque", number), widget.NewFormItem("Montant (€)", amount))
	f.show(container.NewVBox(widgets.Note(fmt.Sprintf("Série n° %d. Le chèque n'est pas encore encaissé : sa date, son numéro et son montant peuvent changer.", x.Series)), form), date)
}
