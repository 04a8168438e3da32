package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// quotePartRow is one line of the quote-parts table: an owner's share on
// one key.
type quotePartRow struct {
	account, name string
	part          closing.QuotePart
}

// quotePartsForm shows Outils › Détail des répartitions… for the exercise
// shown: per owner and key, his share of the budget voted and of the
// actual (the closing's distribution, « provisoire » until it is closed).
func (s *Shell) quotePartsForm() {
	ex := s.exercise
	var q *closing.QuoteParts
	s.runLong("Calcul des répartitions…", func() error {
		var err error
		q, err = closing.QuotePartsOf(s.res, ex)
		return err
	}, func() { s.showQuoteParts(q) })
}

func (s *Shell) showQuoteParts(q *closing.QuoteParts) {
	var all []quotePartRow
	options := []string{"Tous les copropriétaires"}
	accountOf := map[string]string{}
	for _, o := range q.Owners {
		opt := o.Account + " – " + o.Name
		options = append(options, opt)
		accountOf[opt] = o.Account
		for _, pt := range o.Parts {
			all = append(all, quotePartRow{account: o.Account, name: o.Name, part: pt})
		}
	}
	chosen := ""
	money := func(title string, v func(r quotePartRow) ledger.Amount) widgets.Column[quotePartRow] {
		return widgets.Column[quotePartRow]{Title: title, Width: 120, Align: fyne.TextAlignTrailing, Text: func(r quotePartRow) string { return v(r).String() }}
	}
	table := &widgets.Table[quotePartRow]{
		Cols: []widgets.Column[quotePartRow]{
			{Title: "Compte", Width: 80, Text: func(r quotePartRow) string { return r.account }},
			{Title: "Copropriétaire", Width: 200, Stretch: true, Text: func(r quotePartRow) string { return r.name }},
			{Title: "Clé", Width: 170, Text: func(r quotePartRow) string { return r.part.Key + " " + r.part.Label }},
			{Title: "Tantièmes", Width: 110, Align: fyne.TextAlignTrailing, Text: func(r quotePartRow) string {
				return fr.Shares(r.part.Shares) + " / " + fr.Shares(r.part.TotalShares)
			}},
			money("Budget voté", func(r quotePartRow) ledger.Amount { return r.part.Budget }),
			money("Réel", func(r quotePartRow) ledger.Amount { return r.part.Actual }),
			money("Écart", func(r quotePartRow) ledger.Amount { return r.part.Actual - r.part.Budget }),
		},
		Keep: func(r quotePartRow) bool { return chosen == "" || r.account == chosen },
		Totals: func(rows []quotePartRow) []string {
			var b, a ledger.Amount
			for _, r := range rows {
				b, a = b+r.part.Budget, a+r.part.Actual
			}
			return []string{"Total", "", "", "", b.String(), a.String(), (a - b).String()}
		},
		Empty: "Ni budget ni charges à répartir dans cet exercice.",
	}
	view := table.Build()
	table.SetRows(all)
	owner := newChoiceField(options, options[0], func(v string) {
		chosen = accountOf[v]
		table.Apply()
	})
	title := "Détail des répartitions — exercice " + q.Exercise.Name()
	note := fmt.Sprintf("Charges courantes réparties entre les copropriétaires au %s : la part de chacun du budget voté et du réel, clé par clé.", ledger.FrenchDate(q.OwnersAt))
	if q.Provisional {
		title += " (provisoire)"
		note += " L'exercice n'est pas clos : le réel est une projection des comptes à ce jour, qui changera avec les écritures à venir."
	} else {
		note += " Le réel est la répartition de la clôture."
	}
	f := s.newForm(title, "Fermer")
	owner.SetKeys(f.keys) // not a field to save: closing never asks
	f.cancel.Hide()
	f.ok.Importance = widget.MediumImportance
	f.width = 980
	print := widgets.NewButton("Imprimer", theme.DocumentPrintIcon(), widget.HighImportance, func() { s.printQuoteParts(q, chosen) })
	print.Keys = f.keys
	f.extra = []fyne.CanvasObject{print}
	top := container.NewVBox(widgets.Note(note), container.NewBorder(nil, nil, widget.NewLabel("Copropriétaire :"), nil, owner))
	rows := 9
	if s.win.Canvas().Size().Height < 780 {
		rows = 5
	}
	f.show(container.NewBorder(top, nil, nil, nil, container.New(&fixedHeight{tableHeight(rows)}, view)), nil)
	refit(f)
}

// printQuoteParts writes the quote-parts (of one owner when account is
// given) into the tools' folder, registered.
func (s *Shell) printQuoteParts(q *closing.QuoteParts, account string) {
	dir, err := s.res.DocumentsSubfolder(app.FolderTools)
	if err != nil {
		s.showError(err)
		return
	}
	printed := s.now()
	meta := closing.QuotePartsProduced(s.res, dir, q, account, printed)
	s.runLong("Impression du détail des répartitions…", func() error {
		pdf, err := closing.QuotePartsPDF(s.res, q, account, printed)
		if err != nil {
			return err
		}
		return s.res.WriteDocument(pdf, meta)
	}, func() {
		s.say("Détail des répartitions imprimé : " + meta.Path)
		s.showWritten("Détail des répartitions", "Tantième a mis le détail des répartitions en page dans le fichier "+meta.Path+".", meta.Path, dir, nil)
	})
}
