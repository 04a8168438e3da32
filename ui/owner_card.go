package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/desktop"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// ownerCard is an owner's card: his details, his lots and shares, his
// account statement and notes, with the actions on him.
type ownerCard struct {
	o       *owners
	account string
	data    app.OwnerCard

	title     *widget.Label
	situation *widget.Label
	edit, del *widget.Button
	receive   *widget.Button // Encaisser un règlement…
	file      *widget.Button // Fiche complète (PDF) (owner_file.go)
	letter    *widget.Button // Écrire une lettre… (card_letters.go)
	tabs      *container.AppTabs
	info      *fyne.Container
	lots      *fyne.Container
	statement *fyne.Container
	receipts  *fyne.Container // Règlements: his receipts, a bounce from one
	mandate   *fyne.Container // Prélèvement SEPA: his mandate (owner_mandate.go)
	documents *fyne.Container // Documents: his lines of the register (owner_documents.go)
	consent   *fyne.Container // E-mail: his consent to e-mail notification (owner_consent.go)
	advances  *fyne.Container // Avances: his advances and their repayment (owner_advances.go)
	recovery  *fyne.Container // Recouvrement: the recovery of his unpaid charges (owner_recovery.go)
	notes     *widget.Label
	editNotes *widget.Button
	etatDate  *widget.Button // the sale of his lots (etat_date.go)
	root      fyne.CanvasObject
}

func newOwnerCard(o *owners, account string) *ownerCard {
	c := &ownerCard{o: o, account: account}
	c.title = widgets.Title("")
	c.situation = widget.NewLabel("")
	c.situation.TextStyle.Bold = true
	back := widget.NewButtonWithIcon("Retour à la liste", theme.NavigateBackIcon(), func() { o.back() })
	c.edit = widget.NewButtonWithIcon("Modifier…", theme.DocumentCreateIcon(), c.editOwner)
	c.del = widget.NewButtonWithIcon("Supprimer…", theme.DeleteIcon(), c.deleteOwner)
	c.receive = widget.NewButtonWithIcon("Encaisser un règlement…", theme.ContentAddIcon(), func() { o.s.receiptForm(c.account, nil) })
	c.receive.Importance = widget.HighImportance
	c.file = widget.NewButtonWithIcon("Fiche complète (PDF)", theme.DocumentPrintIcon(), c.printFile)
	c.etatDate = widget.NewButtonWithIcon("État daté…", theme.DocumentPrintIcon(), func() { o.s.etatDateForm(c.data.Owner, "") })
	c.letter = widget.NewButtonWithIcon("Écrire une lettre…", theme.MailComposeIcon(), func() { o.s.cardLetterForm(ownerLetterCard(c.account)) })
	c.info = container.NewGridWithColumns(2)
	c.lots = container.NewStack()
	c.statement = container.NewStack()
	c.receipts = container.NewStack()
	c.mandate = container.NewStack()
	c.documents = container.NewStack()
	c.consent = container.NewStack()
	c.advances = container.NewStack()
	c.recovery = container.NewStack()
	c.notes = widgets.Note("")
	c.editNotes = widget.NewButtonWithIcon("Modifier les notes…", theme.DocumentCreateIcon(), c.editOwnerNotes)
	c.tabs = container.NewAppTabs(
		container.NewTabItem("Informations", container.NewVScroll(c.info)),
		container.NewTabItem("Lots et tantièmes", c.lots),
		container.NewTabItem("Relevé de compte", c.statement),
		container.NewTabItem("Notes", container.NewBorder(nil, container.NewHBox(c.editNotes), nil, nil, container.NewVScroll(c.notes))),
		container.NewTabItem("Règlements", c.receipts),
		container.NewTabItem(recoveryTabName, c.recovery),
		container.NewTabItem("Avances", c.advances),
		container.NewTabItem("Prélèvement SEPA", c.mandate),
		container.NewTabItem("Documents", c.documents),
		container.NewTabItem("E-mail", c.consent),
	)
	top := container.NewVBox(
		container.NewHBox(back, layout.NewSpacer(), c.file, c.letter),
		widgets.Bar(c.title, c.receive, c.edit, c.del),
		c.situation)
	c.root = container.NewBorder(top, nil, nil, nil, c.tabs)
	return c
}

func (c *ownerCard) reload() {
	s := c.o.s
	data, err := s.res.OwnerCard(c.account, s.exercise, s.situation())
	if err != nil {
		s.showError(err)
		c.o.back()
		return
	}
	c.data = data
	ow := data.Owner
	c.title.SetText(ow.Account + " — " + ow.DisplayName())
	bal := data.Statement.Closing
	mandate, warning := c.mandateView()
	c.situation.SetText(fmt.Sprintf("Solde au %s : %s — %s", ledger.FrenchDate(data.At), bal.String(), balanceWord(bal)))
	c.situation.Importance = widget.MediumImportance
	if bal > 0 {
		c.situation.Importance = widget.DangerImportance
	}
	if warning != "" {
		c.situation.SetText(c.situation.Text + " — ⚠ " + warning)
		c.situation.Importance = widget.WarningImportance
		if bal > 0 {
			c.situation.Importance = widget.DangerImportance
		}
	}
	c.situation.Refresh()

	ro := s.readOnly()
	widgets.SetEnabled(c.edit, !ro)
	widgets.SetEnabled(c.editNotes, !ro)
	widgets.SetEnabled(c.del, !ro)
	widgets.SetEnabled(c.receive, !ro)
	widgets.SetEnabled(c.etatDate, !ro && len(data.Lots) > 0)

	council := "Non"
	if ow.Council {
		council = "Membre"
	}
	c.info.Objects = []fyne.CanvasObject{
		details([2]string{"Compte", ow.Account}, [2]string{"Civilité", ow.Civility}, [2]string{"Nom", ow.Name},
			[2]string{"Adresse", ow.Address}, [2]string{"Code postal", ow.Zip}, [2]string{"Ville", ow.City}, [2]string{"Pays", ow.Country},
			[2]string{"TVA, location", ownerFlagsText(ow)}),
		details([2]string{"Courriel", ow.Email}, [2]string{"Téléphone", ow.Phone}, [2]string{"Portable", ow.Mobile},
			[2]string{"Banque", ow.BankName}, [2]string{"Date d'entrée", ledger.FrenchDate(ow.EntryDate)},
			[2]string{"Date de sortie", ledger.FrenchDate(ow.ExitDate)}, [2]string{"Conseil syndical", council}),
	}
	c.info.Refresh()

	c.lots.Objects = []fyne.CanvasObject{c.lotsView()}
	c.lots.Refresh()
	c.statement.Objects = []fyne.CanvasObject{c.statementView()}
	c.statement.Refresh()
	c.receipts.Objects = []fyne.CanvasObject{container.NewBorder(nil, c.chequesBar(), nil, nil, s.ownerReceiptsView(ow))}
	c.receipts.Refresh()
	c.mandate.Objects = []fyne.CanvasObject{mandate}
	c.mandate.Refresh()
	c.documents.Objects = []fyne.CanvasObject{c.documentsView()}
	c.documents.Refresh()
	c.consent.Objects = []fyne.CanvasObject{c.consentView()}
	c.consent.Refresh()
	advances, held := c.advancesView()
	c.advances.Objects = []fyne.CanvasObject{advances}
	c.advances.Refresh()
	if held > 0 {
		c.situation.SetText(c.situation.Text + " — avances (fonds de roulement) : " + held.String())
	}
	c.recovery.Objects = []fyne.CanvasObject{c.recoveryView()}
	c.recovery.Refresh()

	if ow.Notes == "" {
		c.notes.SetText("Aucune note.")
	} else {
		c.notes.SetText(ow.Notes)
	}
}

// details shows name–value pairs read-only, "—" for what is not known.
func details(pairs ...[2]string) fyne.CanvasObject {
	box := container.New(layout.NewFormLayout())
	for _, kv := range pairs {
		v := kv[1]
		if v == "" {
			v = "—"
		}
		value := widget.NewLabel(v)
		value.Wrapping = fyne.TextWrapWord
		box.Add(widget.NewLabelWithStyle(kv[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		box.Add(value)
	}
	return box
}

// lotsView lists his lots with their shares per key (read-only), the totals,
// and his part of each key.
func (c *ownerCard) lotsView() fyne.CanvasObject {
	d := c.data
	cols := []widgets.Column[app.OwnedLot]{
		{Title: "Lot", Width: 70, Text: func(l app.OwnedLot) string { return l.Number }},
		{Title: "Désignation", Width: 180, Stretch: true, Text: func(l app.OwnedLot) string {
			return joinNonEmpty(" — ", l.Label, prefixed("bâtiment ", l.Building), prefixed("escalier ", l.Staircase), l.Floor)
		}},
		{Title: "Depuis", Width: 110, Text: func(l app.OwnedLot) string {
			if l.Since.IsZero() {
				return "l'origine"
			}
			return ledger.FrenchDate(l.Since)
		}},
	}
	for _, k := range d.Keys {
		code := k.Code
		// The key's label is in the lines under the table: a column per key
		// must stay narrow, residences have up to a dozen keys.
		cols = append(cols, widgets.Column[app.OwnedLot]{Title: "Clé " + k.Code, Width: 110, Align: fyne.TextAlignTrailing,
			Text: func(l app.OwnedLot) string { return fr.Shares(l.Shares[code]) }})
	}
	t := &widgets.Table[app.OwnedLot]{
		Cols:  cols,
		Empty: fmt.Sprintf("Aucun lot au %s.", ledger.FrenchDate(d.At)),
		Totals: func(rows []app.OwnedLot) []string {
			out := []string{"Total", fmt.Sprintf("%d lot%s", len(rows), fr.S(len(rows))), ""}
			for _, k := range d.Keys {
				out = append(out, fr.Shares(d.Totals[k.Code]))
			}
			return out
		},
	}
	view := t.Build()
	t.SetRows(d.Lots)
	parts := container.NewVBox()
	for _, k := range d.Keys {
		total := k.DeclaredTotal
		if total.IsZero() {
			total = k.SumOfShares
		}
		parts.Add(widgets.Note(fmt.Sprintf("Clé %s %s : %s tantièmes sur %s%s", k.Code, k.Label,
			fr.Shares(d.Totals[k.Code]), fr.Shares(total), percent(d.Totals[k.Code], total))))
	}
	// The sale of his lots starts here: the notary's état daté.
	parts.Add(container.NewHBox(c.etatDate))
	return container.NewBorder(nil, parts, nil, nil, view)
}

func percent(part, total decimal.Decimal) string {
	if total.IsZero() {
		return ""
	}
	return " (" + fr.Shares(part.Mul(decimal.NewFromInt(100)).Div(total).Round(2)) + " %)"
}

// statementView is his account over the exercise with the running
// balance (an advance, a credit balance, in blue as on any statement).
func (c *ownerCard) statementView() fyne.CanvasObject { return statementTable(c.data.Statement) }

func (c *ownerCard) editOwner() {
	s := c.o.s
	ow := c.data.Owner
	s.ownerForm(&ow, func(ledger.Owner) { s.changed() })
}

func (c *ownerCard) editOwnerNotes() {
	s := c.o.s
	ow := c.data.Owner
	notes := widgets.NewTextArea(ow.Notes, 8)
	f := s.newForm("Notes sur "+ow.DisplayName(), "Enregistrer", notes)
	f.submit = func() error {
		ow.Notes = notes.Text
		if err := s.res.SaveOwner(&ow, false); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Notes du copropriétaire %s enregistrées", ow.Account))
		s.changed()
		return nil
	}
	f.show(container.NewBorder(nil, widgets.Note("Touche Entrée : nouvelle ligne. "+desktop.Shortcut("Entrée")+" : enregistrer. Échap : annuler."), nil, nil, notes), notes)
}

func (c *ownerCard) deleteOwner() {
	s := c.o.s
	ow := c.data.Owner
	if c.data.EverOwned {
		s.inform("Suppression impossible", theme.InfoIcon(), fmt.Sprintf("%s %s possède ou a possédé des lots : il ne peut pas être supprimé, "+
			"pour que son historique reste. S'il a vendu tous ses lots, indiquez plutôt sa date de sortie (bouton « Modifier… »).", ow.Account, ow.DisplayName()))
		return
	}
	s.confirm("Supprimer un copropriétaire",
		fmt.Sprintf("Supprimer le copropriétaire %s %s ? Son compte %s reste dans le plan comptable, avec ses écritures.", ow.Account, ow.DisplayName(), ow.Account),
		"Supprimer", "Annuler", func() {
			if err := s.res.DeleteOwner(ow.Account); err != nil {
				s.showError(err)
				return
			}
			c.o.back()
			s.say(fmt.Sprintf("Copropriétaire %s %s supprimé", ow.Account, ow.DisplayName()))
			s.changed()
		})
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
