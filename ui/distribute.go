package ui

import (
	"fmt"
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

// distributeForm is the calculator of Outils › Répartir un montant… (the
// manual's « Recherche et répartition »): an amount split over the owners
// of a key at a date, to the cent; printed, or charged to the owners in one
// entry once confirmed.
func (s *Shell) distributeForm() {
	keys, err := s.res.Keys()
	if err != nil {
		s.showError(err)
		return
	}
	var keyOptions []string
	keyCode := map[string]string{}
	general := ""
	for _, k := range keys {
		o := k.Code + " – " + k.Label
		keyOptions = append(keyOptions, o)
		keyCode[o] = k.Code
		if k.Code == ledger.GeneralKey {
			general = o
		}
	}
	key := newChoiceField(keyOptions, general, nil)
	amount := widgets.NewField("", "par exemple 1 000,00")
	date := widgets.NewField(ledger.FrenchDate(s.situation()), "JJ/MM/AAAA")

	var result *app.Distribution
	table := &widgets.Table[app.DistributionRow]{
		Cols: []widgets.Column[app.DistributionRow]{
			{Title: "Compte", Width: 90, Text: func(r app.DistributionRow) string { return r.Account },
				Less: func(a, b app.DistributionRow) bool { return a.Account < b.Account }},
			{Title: "Copropriétaire", Width: 240, Stretch: true, Text: func(r app.DistributionRow) string { return r.Name },
				Less: func(a, b app.DistributionRow) bool { return fr.Fold(a.Name) < fr.Fold(b.Name) }},
			{Title: "Lots", Width: 110, Text: func(r app.DistributionRow) string { return strings.Join(r.Lots, ", ") }},
			{Title: "Tantièmes", Width: 110, Align: fyne.TextAlignTrailing, Text: func(r app.DistributionRow) string { return fr.Shares(r.Shares) },
				Less: func(a, b app.DistributionRow) bool { return a.Shares.LessThan(b.Shares) }},
			{Title: "Part", Width: 120, Align: fyne.TextAlignTrailing, Text: func(r app.DistributionRow) string { return r.Part.String() },
				Less: func(a, b app.DistributionRow) bool { return a.Part < b.Part }},
		},
		Totals: func(rows []app.DistributionRow) []string {
			if result == nil {
				return []string{"Total", "", "", "", ""}
			}
			return []string{"Total", fr.Count(len(rows), "copropriétaire", "copropriétaires"), "", fr.Shares(result.TotalShares), result.Total().String()}
		},
		Empty: "Choisissez la clé, le montant et la date, puis « Calculer ».",
	}
	view := table.Build()
	table.SetRows(nil)
	head := widget.NewLabel("")
	head.TextStyle.Bold = true
	head.Wrapping = fyne.TextWrapWord

	f := s.newForm("Répartir un montant", "Calculer", key, amount, date)
	f.width = 860
	print := widgets.NewButton("Imprimer", theme.DocumentPrintIcon(), widget.MediumImportance, func() {
		if result != nil {
			s.printDistribution(*result)
		}
	})
	post := widgets.NewButton("Comptabiliser…", theme.DocumentCreateIcon(), widget.MediumImportance, func() {
		if result != nil {
			s.postDistributionForm(*result)
		}
	})
	print.Keys, post.Keys = f.keys, f.keys
	print.Disable()
	post.Disable()
	f.extra = []fyne.CanvasObject{print, post}
	f.submit = func() error {
		a, err := ledger.ParseAmount(amount.Text)
		if err != nil {
			s.win.Canvas().Focus(amount)
			return ledger.Wrap(ledger.Invalid, err, "Montant : %s", ledger.Message(err))
		}
		d, err := ledger.ParseDate(date.Text)
		if err != nil {
			s.win.Canvas().Focus(date)
			return ledger.Wrap(ledger.Invalid, err, "Date : %s", ledger.Message(err))
		}
		dist, err := s.res.Distribute(keyCode[key.Selected], a, d)
		if err != nil {
			return err
		}
		result = &dist
		table.SetRows(dist.Rows)
		head.SetText(fmt.Sprintf("%s sur la clé %s « %s » entre %s au %s.", dist.Amount,
			dist.Key.Code, dist.Key.Label, fr.Count(len(dist.Rows), "copropriétaire", "copropriétaires"), ledger.FrenchDate(dist.At)))
		print.Enable()
		widgets.SetEnabled(post, !s.res.ReadOnly() && dist.Amount > 0)
		return errStay
	}
	form := widget.NewForm(widget.NewFormItem("Clé de répartition", key), widget.NewFormItem("Montant", amount), widget.NewFormItem("Date", date))
	help := widgets.Note("Réparti au centime près entre les copropriétaires de la clé à la date choisie, au prorata de leurs tantièmes, comme les appels de fonds. " +
		"Rien n'est comptabilisé sans « Comptabiliser… ».")
	// As many rows as the window leaves room for, the totals row in sight.
	rows := 6
	if s.win.Canvas().Size().Height < 740 {
		rows = 3
	}
	tablePart := container.New(&fixedHeight{tableHeight(rows)}, view)
	f.show(container.NewVBox(help, form, head, tablePart), amount)
	refit(f)
}

// printDistribution writes a distribution's PDF into the tools' folder,
// registered in the council's binder.
func (s *Shell) printDistribution(d app.Distribution) {
	dir, err := s.res.DocumentsSubfolder(app.FolderTools)
	if err != nil {
		s.showError(err)
		return
	}
	meta := s.res.DistributionProduced(dir, d)
	printed := s.now()
	s.runLong("Impression de la répartition…", func() error {
		pdf, err := s.res.DistributionPDF(d, printed)
		if err != nil {
			return err
		}
		return s.res.WriteDocument(pdf, meta)
	}, func() {
		s.say("Répartition imprimée : " + meta.Path)
		s.showWritten("Répartition imprimée", "Tantième a mis la répartition en page dans le fichier "+meta.Path+".", meta.Path, dir, nil)
	})
}

// postDistributionForm asks for the account credited and the label, then
// confirms, naming the total and the account, before charging the owners.
func (s *Shell) postDistributionForm(d app.Distribution) {
	accounts, err := s.res.DistributionAccounts()
	if err != nil {
		s.showError(err)
		return
	}
	var options []string
	code := map[string]string{}
	for _, a := range accounts {
		if a.Hidden {
			continue
		}
		o := a.Code + " – " + a.Label
		options = append(options, o)
		code[o] = a.Code
	}
	account := newChoiceField(options, "", nil)
	label := widgets.NewField("", "par exemple Remise en état du portail (AG du 12/03/2026)")
	f := s.newForm("Comptabiliser la répartition", "Comptabiliser…", account, label)
	f.width = 720
	f.submit = func() error {
		acc := code[account.Selected]
		if acc == "" {
			return ledger.Errorf(ledger.Invalid, "Compte : choisissez le compte crédité en contrepartie des copropriétaires")
		}
		if strings.TrimSpace(label.Text) == "" {
			s.win.Canvas().Focus(label)
			return ledger.Errorf(ledger.Invalid, "Libellé : indiquez ce que les copropriétaires paient")
		}
		f.close()
		s.confirm("Imputer "+d.Total().String()+" aux copropriétaires ?",
			fmt.Sprintf("Une écriture du %s débitera %s de leur part (%s au total, clé %s) et créditera le compte %s. Elle pourra être corrigée dans les écritures tant que l'exercice est ouvert.",
				ledger.FrenchDate(d.At), fr.Count(len(d.Rows), "copropriétaire", "copropriétaires"), d.Total(), d.Key.Code, account.Selected),
			"Comptabiliser", "Revenir", func() {
				e, err := s.res.PostDistribution(d, acc, label.Text)
				if err != nil {
					s.showError(err)
					return
				}
				s.changed()
				s.say(fmt.Sprintf("Écriture %s passée : %s imputés à %s", e.Piece, d.Total(), fr.Count(len(d.Rows), "copropriétaire", "copropriétaires")))
				s.inform("Répartition comptabilisée", theme.NewSuccessThemedResource(theme.ConfirmIcon()),
					fmt.Sprintf("✓ Écriture %s du %s : %s imputés à %s, en contrepartie du compte %s.", e.Piece, ledger.FrenchDate(e.Date), d.Total(),
						fr.Count(len(d.Rows), "copropriétaire", "copropriétaires"), acc))
			})
		return errStay
	}
	form := widget.NewForm(widget.NewFormItem("Compte crédité", account), widget.NewFormItem("Libellé", label))
	f.show(container.NewVBox(widgets.Note(fmt.Sprintf("%s sur la clé %s au %s : chaque copropriétaire est débité de sa part, le compte choisi est crédité du total.",
		d.Total(), d.Key.Code, ledger.FrenchDate(d.At))), form), label)
	refit(f)
}
