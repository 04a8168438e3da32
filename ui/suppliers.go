package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// suppliers is the Fournisseurs screen: the list, and a supplier's card in
// its place when one is opened.
type suppliers struct {
	listScreen[app.SupplierSummary]
	card *supplierCard // the open card, nil on the list
}

// owed is what the residence owes a supplier: the credit balance of his
// account (invoices booked, not paid yet).
func owed(r app.SupplierSummary) ledger.Amount { return -r.Balance }

// supplierSituation says in words what a supplier's balance means.
func supplierSituation(balance ledger.Amount) string {
	switch {
	case balance < 0:
		return "À payer"
	case balance > 0:
		return "Avance versée"
	}
	return "Soldé"
}

func newSuppliers(s *Shell) screen {
	p := &suppliers{}
	table := &widgets.Table[app.SupplierSummary]{
		Cols: []widgets.Column[app.SupplierSummary]{
			{Title: "Compte", Width: 100, Text: func(r app.SupplierSummary) string { return r.Account },
				Less: func(a, b app.SupplierSummary) bool { return a.Account < b.Account }},
			{Title: "Nom", Width: 220, Stretch: true, Text: func(r app.SupplierSummary) string { return r.Name },
				Less: func(a, b app.SupplierSummary) bool { return fr.Fold(a.Name) < fr.Fold(b.Name) }},
			{Title: "Ville", Width: 140, Text: func(r app.SupplierSummary) string { return r.City },
				Less: func(a, b app.SupplierSummary) bool { return fr.Fold(a.City) < fr.Fold(b.City) }},
			{Title: "Téléphone", Width: 150, Text: func(r app.SupplierSummary) string { return r.Phone }},
			{Title: "Reste à payer", Width: 150, Align: fyne.TextAlignTrailing, Text: func(r app.SupplierSummary) string { return owed(r).String() },
				Ink:  func(r app.SupplierSummary) widget.Importance { return creditInk(owed(r)) },
				Less: func(a, b app.SupplierSummary) bool { return owed(a) < owed(b) }},
			{Title: "Situation", Width: 130, Text: func(r app.SupplierSummary) string { return supplierSituation(r.Balance) },
				Less: func(a, b app.SupplierSummary) bool { return owed(a) < owed(b) }},
		},
		Match: func(r app.SupplierSummary, q string) bool {
			return strings.Contains(fr.Fold(strings.Join([]string{r.Account, r.Name, r.City, r.Contact, r.Phone, r.Email}, " ")), q)
		},
		Totals: func(rows []app.SupplierSummary) []string {
			var total ledger.Amount
			due := 0
			for _, r := range rows {
				total += owed(r)
				if r.Balance < 0 {
					due++
				}
			}
			return []string{"Total", fmt.Sprintf("%d fournisseur%s", len(rows), fr.S(len(rows))), "", "", total.String(),
				fmt.Sprintf("%d à payer", due)}
		},
		Empty:   "Aucun fournisseur — créez-en un avec « Nouveau fournisseur… » (EDF, l'assureur, l'entreprise de nettoyage…).",
		NoMatch: "Aucun fournisseur ne correspond à « %s ».",
		OnOpen:  func(r app.SupplierSummary) { p.openCard(r.Account) },
	}
	tableView := p.build(s, table, "Fournisseurs", "Nom, compte, ville, contact…", "Nouveau fournisseur…",
		func(r app.SupplierSummary) { p.openCard(r.Account) }, p.create)
	p.layout(p.standardTop("Fournisseurs"), tableView)
	return p
}

func (p *suppliers) reload() {
	if _, ok := p.load(p.s.res.SupplierSummaries); !ok {
		return
	}
	p.summary.SetText("Soldes au " + ledger.FrenchDate(p.at))
	if p.card != nil {
		p.card.reload()
	}
}

// create opens the form for a new supplier (Ctrl+N).
func (p *suppliers) create() {
	if p.s.readOnly() {
		return
	}
	p.s.supplierForm(nil, func(w ledger.Supplier) {
		p.s.changed()
		p.openCard(w.Account)
	})
}

func (p *suppliers) focusSearch() {
	p.back()
	p.s.win.Canvas().Focus(p.search)
}

func (p *suppliers) openCard(account string) {
	p.card = newSupplierCard(p, account)
	p.card.reload()
	if p.card == nil {
		return
	}
	p.showCard(p.card.root)
}

func (p *suppliers) back() bool {
	if p.card == nil {
		return false
	}
	p.card = nil
	p.showList()
	return true
}

// supplierCard is a supplier's card: his details and his account statement.
type supplierCard struct {
	p       *suppliers
	account string
	data    app.SupplierCard

	title     *widget.Label
	situation *widget.Label
	edit      *widget.Button
	invoice   *widget.Button // Saisir une facture…
	pay       *widget.Button // Payer…
	tabs      *container.AppTabs
	info      *fyne.Container
	statement *fyne.Container
	root      fyne.CanvasObject
}

func newSupplierCard(p *suppliers, account string) *supplierCard {
	c := &supplierCard{p: p, account: account}
	c.title = widgets.Title("")
	c.situation = widget.NewLabel("")
	c.situation.TextStyle.Bold = true
	back := widget.NewButtonWithIcon("Retour à la liste", theme.NavigateBackIcon(), func() { p.back() })
	c.edit = widget.NewButtonWithIcon("Modifier…", theme.DocumentCreateIcon(), c.editSupplier)
	c.invoice = widget.NewButtonWithIcon("Saisir une facture…", theme.ContentAddIcon(), func() { _ = p.s.invoiceForm(c.account) })
	c.invoice.Importance = widget.HighImportance
	c.pay = widget.NewButtonWithIcon("Payer…", theme.ConfirmIcon(), func() { p.s.supplierPaymentForm(c.account) })
	c.info = newInfoRows()
	c.statement = container.NewStack()
	c.tabs = container.NewAppTabs(
		container.NewTabItem("Informations", container.NewVScroll(c.info)),
		container.NewTabItem("Relevé de compte", c.statement),
	)
	letter := widget.NewButtonWithIcon("Écrire une lettre…", theme.MailComposeIcon(), func() { p.s.cardLetterForm(supplierLetterCard(account)) })
	top := container.NewVBox(container.NewHBox(back, layout.NewSpacer(), letter), widgets.Bar(c.title, c.invoice, c.pay, c.edit), c.situation)
	c.root = container.NewBorder(top, nil, nil, nil, c.tabs)
	return c
}

func (c *supplierCard) reload() {
	s := c.p.s
	data, err := s.res.SupplierCard(c.account, s.exercise, c.p.at)
	if err != nil {
		s.showError(err)
		c.p.back()
		return
	}
	c.data = data
	sp := data.Supplier
	c.title.SetText(sp.Account + " — " + sp.Name)
	bal := data.Statement.Closing
	text := fmt.Sprintf("Solde au %s : %s — %s", ledger.FrenchDate(data.At), bal.String(), supplierSituation(bal))
	if bal < 0 {
		text = fmt.Sprintf("Solde au %s : %s — reste à payer %s", ledger.FrenchDate(data.At), bal.String(), (-bal).String())
	}
	c.situation.SetText(text)
	widgets.SetEnabled(c.edit, !s.readOnly())
	widgets.SetEnabled(c.invoice, !s.readOnly())
	widgets.SetEnabled(c.pay, !s.readOnly())
	infoRows(c.info, [][2]string{
		{"Compte", sp.Account}, {"Nom", sp.Name}, {"Adresse", sp.Address}, {"Code postal", sp.Zip}, {"Ville", sp.City},
		{"Contact", sp.Contact}, {"Téléphone", sp.Phone}, {"Courriel", sp.Email},
		{"IBAN", fr.IBAN(sp.IBAN)}, {"BIC", sp.BIC}, {"Notes", sp.Notes},
	})
	c.statement.Objects = []fyne.CanvasObject{container.NewBorder(nil,
		widgets.Note("Un solde négatif (créditeur) est ce que la résidence doit au fournisseur."), nil, nil, statementTable(data.Statement))}
	c.statement.Refresh()
}

func (c *supplierCard) editSupplier() {
	s := c.p.s
	sp := c.data.Supplier
	s.supplierForm(&sp, func(ledger.Supplier) { s.changed() })
}
