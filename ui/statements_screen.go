package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/banking"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// stmtScreenID is the « Relevés » screen's id in the navigation.
const stmtScreenID = "statements"

// stmtScreen is the « Relevés » screen: the lines of the imported
// statements still waiting (banking.Pending; they live in the residence
// file, so closing the window lost nothing), each to give to an owner, a
// supplier or any account, or to set aside.
type stmtScreen struct {
	s       *Shell
	table   *widgets.Table[banking.PendingLine]
	search  *widgets.Field
	current int64
	what    *widget.Label
	actions *fyne.Container
	count   *widget.Label
	importB *widget.Button
	root    fyne.CanvasObject
}

func newStmtScreen(s *Shell) screen {
	p := &stmtScreen{s: s}
	money := func(l banking.PendingLine) string { return l.Amount.String() }
	p.table = &widgets.Table[banking.PendingLine]{
		Cols: []widgets.Column[banking.PendingLine]{
			{Title: "Date", Width: 100, Text: func(l banking.PendingLine) string { return ledger.FrenchDate(l.Date) },
				Less: func(a, b banking.PendingLine) bool { return a.Date.Before(b.Date) }},
			{Title: "Compte", Width: 75, Text: func(l banking.PendingLine) string { return l.BankAccount }},
			{Title: "Montant", Width: 110, Align: fyne.TextAlignTrailing, Text: money,
				Ink: func(l banking.PendingLine) widget.Importance {
					if l.Amount < 0 {
						return widget.DangerImportance
					}
					return widget.MediumImportance
				}, Less: func(a, b banking.PendingLine) bool { return a.Amount < b.Amount }},
			{Title: "Libellé", Width: 150, Stretch: true, Text: func(l banking.PendingLine) string { return l.Text() },
				Less: func(a, b banking.PendingLine) bool { return fr.Fold(a.Label) < fr.Fold(b.Label) }},
			{Title: "Contrepartie", Width: 130, Text: func(l banking.PendingLine) string { return l.CounterpartyName }},
			{Title: "Suggestions", Width: 160, Text: pendingSuggestions},
		},
		Match: func(l banking.PendingLine, q string) bool {
			text := fr.Fold(strings.Join([]string{l.Text(), l.CounterpartyName, l.Amount.String(), ledger.FrenchDate(l.Date), pendingSuggestions(l)}, " "))
			for _, w := range strings.Fields(q) {
				if !strings.Contains(text, w) {
					return false
				}
			}
			return true
		},
		Tint: func(l banking.PendingLine) color.Color {
			if l.ID == p.current {
				return theme.Color(theme.ColorNameSelection)
			}
			return nil
		},
		Empty: "Aucune ligne de relevé en attente : tout ce qui a été importé est comptabilisé. " +
			"Pour lire le relevé de votre banque, cliquez sur « Importer un relevé… » ci-dessus (ou menu Banque).",
		NoMatch: "Aucune ligne en attente ne répond à « %s ».",
		OnOpen:  p.open,
	}
	view := p.table.Build()
	p.search = widgets.SearchBox("Libellé, nom, montant…", p.table.Search, nil)
	p.importB = widget.NewButtonWithIcon("Importer un relevé…", theme.DownloadIcon(), s.importStatement)
	p.importB.Importance = widget.HighImportance
	p.count = widget.NewLabel("")
	p.what = widget.NewLabel("")
	p.what.Wrapping = fyne.TextWrapWord
	p.actions = container.NewHBox()
	top := container.NewVBox(
		widgets.Bar(widgets.Heading("Relevés en attente"), p.importB),
		widgets.Note("Les lignes des relevés importés que Tantième n'a pas pu attribuer avec certitude. Cliquez sur une ligne, puis choisissez à qui elle va."),
		widgets.ListTools(p.search, p.count))
	bottom := container.NewVBox(widget.NewSeparator(), widgets.Reserve(p.what, 2),
		container.New(&sizedAtLeast{fyne.NewSize(0, widget.NewButton("Rechercher…", nil).MinSize().Height+theme.ScrollBarSize())}, container.NewHScroll(p.actions)))
	p.root = container.NewBorder(top, bottom, nil, nil, view)
	return p
}

func (p *stmtScreen) view() fyne.CanvasObject { return p.root }

func (p *stmtScreen) focusSearch() { p.s.win.Canvas().Focus(p.search) }

// pendingSuggestions are a line's suggestions on one line.
func pendingSuggestions(l banking.PendingLine) string {
	var out []string
	for _, s := range l.Suggestions {
		out = append(out, s.Name+" ("+s.Reason+")")
	}
	return strings.Join(out, " ; ")
}

// reload reads the pending lines again.
func (p *stmtScreen) reload() {
	s := p.s
	widgets.SetEnabled(p.importB, !s.res.ReadOnly())
	list, err := banking.Pending(s.res)
	if err != nil {
		s.showError(err)
		return
	}
	p.table.SetRows(list)
	var total ledger.Amount
	for _, l := range list {
		total += l.Amount
	}
	if len(list) == 0 {
		p.count.SetText("Aucune ligne en attente")
	} else {
		p.count.SetText(fmt.Sprintf("%s, %s", importCount(len(list), "ligne en attente", "lignes en attente"), total))
	}
	p.showCurrent()
}

func (p *stmtScreen) open(l banking.PendingLine) {
	p.current = l.ID
	p.table.Apply()
	p.showCurrent()
}

// line is the pending line shown, false when there is none.
func (p *stmtScreen) line() (banking.PendingLine, bool) {
	for _, l := range p.table.All() {
		if l.ID == p.current {
			return l, true
		}
	}
	return banking.PendingLine{}, false
}

// showCurrent writes the line chosen and its actions.
func (p *stmtScreen) showCurrent() {
	p.actions.Objects = nil
	l, ok := p.line()
	if !ok {
		p.current = 0
		p.what.SetText("")
		if len(p.table.All()) > 0 {
			p.what.SetText("Cliquez sur une ligne pour l'affecter à un copropriétaire, un fournisseur ou un autre compte, ou pour l'ignorer.")
		}
		p.actions.Refresh()
		return
	}
	text := lineText(ledger.FrenchDate(l.Date), l.Amount, l.Text())
	p.what.SetText(text + (map[bool]string{true: " — " + l.Reason, false: ""}[l.Reason != ""]))
	if p.s.res.ReadOnly() {
		p.actions.Refresh()
		return
	}
	for _, sg := range l.Suggestions {
		sg := sg
		p.actions.Add(widget.NewButtonWithIcon("Affecter à "+sg.Name, theme.ConfirmIcon(), func() {
			if sg.Entry != 0 || sg.Return != "" { // a SEPA payment of ours: tied, not posted again
				p.post(l, sg.Choice(), sg.Name)
				return
			}
			p.assignTo(l, sg.Account, sg.Name)
		}))
	}
	p.actions.Add(widget.NewButtonWithIcon("Rechercher…", theme.SearchIcon(), func() {
		p.s.pickParty(text, l.Amount > 0, func(account, name string) { p.assignTo(l, account, name) })
	}))
	p.actions.Add(widget.NewButtonWithIcon("Autre compte…", theme.ListIcon(), func() {
		p.s.pickAccount(text, l.Label, func(c banking.Choice, name string) { p.post(l, c, name) })
	}))
	p.actions.Add(widget.NewButtonWithIcon("Ignorer…", theme.DeleteIcon(), func() { p.ignore(l) }))
	p.actions.Refresh()
}

// assignTo posts a line to an owner or a supplier: an owner's payment
// through the detail of its allocation, a supplier's after a question.
func (p *stmtScreen) assignTo(l banking.PendingLine, account, name string) {
	s := p.s
	if ledger.IsOwnerAccount(account) && l.Amount > 0 {
		c, err := banking.Allocate(s.res, account, l.Amount)
		if err != nil {
			s.showError(err)
			return
		}
		p.detail(l, c, name)
		return
	}
	s.ask("Comptabiliser la ligne ?", theme.QuestionIcon(),
		fmt.Sprintf("%s sera comptabilisée au journal de banque sur le compte %s %s.", lineText(ledger.FrenchDate(l.Date), l.Amount, l.Text()), account, name),
		"Comptabiliser", "Annuler", func() { p.post(l, banking.Choice{Account: account}, name) })
}

// detail shows the allocation of an owner's payment (the assistant's step
// 3 widget) and posts it once validated.
func (p *stmtScreen) detail(l banking.PendingLine, c banking.Choice, name string) {
	s := p.s
	f := s.newForm("Détail de l'affectation", "Comptabiliser")
	f.width = 1000
	e := newAllocEditor(c, l.Amount, func(ok bool) {
		if f.ok != nil {
			widgets.SetEnabled(f.ok, ok)
		}
	})
	f.submit = func() error {
		e.grid.CommitAll()
		if !e.ok() {
			return ledger.Errorf(ledger.Invalid, "%s", e.problem.Text)
		}
		f.close()
		p.post(l, e.result(), name)
		return errStay
	}
	head := widgets.Note(fmt.Sprintf("Règlement de %s : %s le %s (« %s ») — sa dette : %s", name, l.Amount, ledger.FrenchDate(l.Date), l.Text(), c.Owed))
	head.TextStyle.Bold = true
	f.show(container.NewBorder(head, nil, nil, nil, s.room(fyne.NewSize(940, 260), e.root)), nil)
	widgets.SetEnabled(f.ok, e.ok())
}

// post writes the choice for a line and says what was done.
func (p *stmtScreen) post(l banking.PendingLine, c banking.Choice, name string) {
	s := p.s
	if _, err := banking.AssignChoice(s.res, l.ID, c); err != nil {
		s.showError(err)
		return
	}
	p.current = 0
	s.changed()
	s.say(fmt.Sprintf("Ligne du %s comptabilisée : %s, %s", ledger.FrenchDate(l.Date), name, l.Amount))
}

// ignore sets a line aside after a question saying nothing is posted.
func (p *stmtScreen) ignore(l banking.PendingLine) {
	s := p.s
	s.confirm("Ignorer la ligne ?",
		lineText(ledger.FrenchDate(l.Date), l.Amount, l.Text())+" sera retirée de la liste sans rien comptabiliser "+
			"(un virement entre vos propres comptes déjà saisi, une ligne saisie à la main). Elle ne sera pas importée de nouveau.",
		"Ignorer la ligne", "Garder la ligne", func() {
			if err := banking.Ignore(s.res, l.ID); err != nil {
				s.showError(err)
				return
			}
			p.current = 0
			s.changed()
			s.say(fmt.Sprintf("Ligne du %s (%s) ignorée : rien n'est comptabilisé", ledger.FrenchDate(l.Date), l.Amount))
		})
}
