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

// Filters of the lines at step 2.
const (
	stmtAll      = "Toutes les lignes"
	stmtToDo     = "À traiter (sans correspondance certaine)"
	stmtSelected = "Sélectionnées"
)

// stmtCheck is step 2, « Vérification des encaissements »: the new lines
// with what they were matched to, sortable and filterable; a tap on a line
// shows its actions below the table (its suggestions, a search of all
// owners and suppliers, any other account, the detail of an owner's
// payment); a tap on its box selects it for posting.
type stmtCheck struct {
	w       *stmtWizard
	table   *widgets.Table[banking.Line]
	filter  *widget.Select
	search  *widgets.Field
	count   *widget.Label
	hint    *widget.Label
	current banking.LineID
	what    *widget.Label
	actions *fyne.Container
	touched bool // a box was ticked or unticked by the syndic
	root    fyne.CanvasObject
}

func newStmtCheck(w *stmtWizard) *stmtCheck {
	c := &stmtCheck{w: w}
	date := func(l banking.Line) string { return ledger.FrenchDate(l.Src.Date) }
	c.table = &widgets.Table[banking.Line]{
		Cols: []widgets.Column[banking.Line]{
			{Title: "✓", Width: 40, Text: func(l banking.Line) string {
				if w.selected[l.ID] {
					return "☑"
				}
				return "☐"
			}, Less: func(a, b banking.Line) bool { return w.selected[a.ID] && !w.selected[b.ID] }},
			{Title: "Date", Width: 100, Text: date, Less: func(a, b banking.Line) bool { return a.Src.Date.Before(b.Src.Date) }},
			{Title: "Montant", Width: 110, Align: fyne.TextAlignTrailing, Text: func(l banking.Line) string { return ledger.Amount(l.Src.Amount).String() },
				Ink: func(l banking.Line) widget.Importance {
					if l.Src.Amount < 0 {
						return widget.DangerImportance
					}
					return widget.MediumImportance
				}, Less: func(a, b banking.Line) bool { return a.Src.Amount < b.Src.Amount }},
			{Title: "Libellé", Width: 170, Stretch: true, Text: func(l banking.Line) string { return stmtLabel(l.Src.Label, l.Src.Details) },
				Less: func(a, b banking.Line) bool { return fr.Fold(a.Src.Label) < fr.Fold(b.Src.Label) }},
			{Title: "Émetteur", Width: 150, Text: c.who, Less: func(a, b banking.Line) bool {
				// Lines without one first: the seed sorts this column to find them.
				return fr.Fold(strings.Trim(c.who(a), "—")) < fr.Fold(strings.Trim(c.who(b), "—"))
			}},
			{Title: "Motif", Width: 150, Text: c.why},
			{Title: "État", Width: 95, Text: c.status, Ink: func(l banking.Line) widget.Importance {
				switch c.status(l) {
				case "inconnu":
					return widget.DangerImportance
				case "suggestion":
					return widget.WarningImportance
				}
				return widget.SuccessImportance
			}, Less: func(a, b banking.Line) bool { return c.status(a) < c.status(b) }},
			{Title: "Dette", Width: 100, Align: fyne.TextAlignTrailing, Text: c.debt},
		},
		Match: func(l banking.Line, q string) bool {
			text := fr.Fold(strings.Join([]string{l.Src.Label, strings.Join(l.Src.Details, " "), l.Src.Counterparty.Name, c.who(l),
				ledger.Amount(l.Src.Amount).String(), ledger.FrenchDate(l.Src.Date)}, " "))
			for _, word := range strings.Fields(q) {
				if !strings.Contains(text, word) {
					return false
				}
			}
			return true
		},
		Keep: func(l banking.Line) bool {
			switch c.filter.Selected {
			case stmtToDo:
				return !l.Certain && w.choices[l.ID].Account == ""
			case stmtSelected:
				return w.selected[l.ID]
			}
			return true
		},
		Tint: func(l banking.Line) color.Color {
			switch {
			case l.ID == c.current:
				return theme.Color(theme.ColorNameSelection)
			case w.selected[l.ID]:
				return selectionTint
			}
			return nil
		},
		Empty:   "Ce relevé n'a aucune ligne nouvelle : tout a déjà été importé.",
		NoMatch: "Aucune ligne ne répond au filtre ni à « %s ».",
		OnOpen:  c.open,
	}
	view := c.table.Build()
	// A tap on the box ticks it; elsewhere on the line, the line is shown.
	hover := c.table.Widget()
	open := hover.OnSelected
	hover.OnSelected = func(id widget.TableCellID) {
		if id.Col == 0 && id.Row >= 0 && id.Row < len(c.table.Rows()) {
			hover.UnselectAll()
			l := c.table.Rows()[id.Row]
			fyne.Do(func() { c.toggle(l) })
			return
		}
		open(id)
	}
	c.filter = widget.NewSelect([]string{stmtAll, stmtToDo, stmtSelected}, func(string) { c.table.Apply(); c.refresh() })
	c.filter.Selected = stmtAll
	c.search = widgets.SearchBox("Libellé, nom, montant…", func(q string) { c.table.Search(q); c.refresh() }, nil)
	c.count = widget.NewLabel("")
	c.count.TextStyle.Bold = true
	c.hint = widget.NewLabel("")
	c.hint.Importance = widget.WarningImportance
	c.hint.Alignment = fyne.TextAlignTrailing
	c.hint.Wrapping = fyne.TextWrapWord
	c.what = widget.NewLabel("Cliquez sur une ligne pour la vérifier ou choisir à qui elle va ; cliquez sur sa case pour la comptabiliser ou non.")
	c.what.Wrapping = fyne.TextWrapWord
	c.actions = container.NewHBox()
	tools := widgets.Bar(container.NewHBox(widget.NewLabel("Afficher :"), container.New(&widgets.FixedWidth{Width: 330}, c.filter)),
		container.NewHBox(widget.NewLabel("Rechercher :"), container.New(&widgets.FixedWidth{Width: 260}, c.search)))
	bottom := container.NewVBox(
		container.NewBorder(nil, nil, c.count, nil, widgets.Reserve(c.hint, 1)),
		widget.NewSeparator(),
		widgets.Reserve(c.what, 2),
		// The row of actions keeps its room: the table does not move when
		// a line is tapped.
		container.New(&sizedAtLeast{fyne.NewSize(0, widget.NewButton("Rechercher…", nil).MinSize().Height+theme.ScrollBarSize())}, container.NewHScroll(c.actions)))
	c.root = container.NewBorder(tools, bottom, nil, nil, view)
	return c
}

// stmtLabel is a line's label and details on one line.
func stmtLabel(label string, details []string) string {
	return strings.TrimSpace(label + " " + strings.Join(details, " "))
}

// load shows the lines of the plan just read.
func (c *stmtCheck) load() {
	c.current = ""
	c.touched = false
	c.filter.SetSelected(stmtAll)
	c.search.SetText("")
	c.table.SetRows(c.w.plan.Lines)
	c.showCurrent()
	c.refresh()
}

// who is who a line goes to: the syndic's choice, else its certain match.
func (c *stmtCheck) who(l banking.Line) string {
	if n, ok := c.w.names[l.ID]; ok {
		return n
	}
	if l.Certain {
		return l.Name
	}
	return "—"
}

func (c *stmtCheck) why(l banking.Line) string {
	if _, ok := c.w.choices[l.ID]; ok {
		return "choisi par vous"
	}
	if !l.Certain && len(l.Suggestions) > 0 {
		return fmt.Sprintf("%s : %s ?", l.Reason, l.Suggestions[0].Name)
	}
	return l.Reason
}

// status is « certain », « choisi », « suggestion » or « inconnu ».
func (c *stmtCheck) status(l banking.Line) string {
	switch {
	case c.w.choices[l.ID].Account != "":
		return "choisi"
	case l.Certain:
		return "certain"
	case len(l.Suggestions) > 0:
		return "suggestion"
	}
	return "inconnu"
}

// debt is the owner's debt a payment is checked against.
func (c *stmtCheck) debt(l banking.Line) string {
	if ch, ok := c.w.choices[l.ID]; ok {
		if ledger.IsOwnerAccount(ch.Account) && l.Src.Amount > 0 {
			return ch.Owed.String()
		}
		return ""
	}
	if l.Certain && l.Kind == banking.Owner {
		return l.Owed.String()
	}
	return ""
}

// selectable says whether a line can be posted: a certain match or a choice.
func (c *stmtCheck) selectable(l banking.Line) bool {
	return l.Certain || c.w.choices[l.ID].Account != ""
}

// toggle ticks or unticks a line.
func (c *stmtCheck) toggle(l banking.Line) {
	c.current = l.ID
	if !c.selectable(l) {
		c.showCurrent()
		c.w.f.fail(ledger.Errorf(ledger.Invalid, "Cette ligne n'a pas de correspondance certaine : choisissez d'abord à qui elle va (boutons sous le tableau)"))
		c.table.Apply()
		return
	}
	c.w.selected[l.ID] = !c.w.selected[l.ID]
	c.touched = true
	c.w.f.clearError()
	c.table.Apply()
	c.showCurrent()
	c.refresh()
}

// open shows a line's actions below the table.
func (c *stmtCheck) open(l banking.Line) {
	c.current = l.ID
	c.w.f.clearError()
	c.table.Apply()
	c.showCurrent()
}

// line is the plan's line of id.
func (c *stmtCheck) line(id banking.LineID) (banking.Line, bool) {
	for _, l := range c.w.plan.Lines {
		if l.ID == id {
			return l, true
		}
	}
	return banking.Line{}, false
}

// showCurrent writes the current line and its actions below the table.
func (c *stmtCheck) showCurrent() {
	c.actions.Objects = nil
	l, ok := c.line(c.current)
	if !ok || c.current == "" {
		c.what.SetText("Cliquez sur une ligne pour la vérifier ou choisir à qui elle va ; cliquez sur sa case pour la comptabiliser ou non.")
		c.actions.Refresh()
		return
	}
	amount := ledger.Amount(l.Src.Amount)
	text := lineText(ledger.FrenchDate(l.Src.Date), amount, stmtLabel(l.Src.Label, l.Src.Details))
	if who := c.who(l); who != "—" {
		text += " → " + who + " (" + c.why(l) + ")"
	} else {
		text += " — " + l.Reason + " : choisissez à qui elle va."
	}
	c.what.SetText(text)
	w := c.w
	add := func(b *widgets.Button) {
		b.Keys = w.f.keys
		c.actions.Add(b)
	}
	for _, sg := range l.Suggestions {
		sg := sg
		add(widgets.NewButton("Affecter à "+sg.Name, theme.ConfirmIcon(), widget.MediumImportance, func() {
			if sg.Entry != 0 || sg.Return != "" { // a SEPA payment of ours: tied, not posted again
				c.setChoice(l, sg.Choice(), sg.Name)
				return
			}
			c.choose(l, sg.Account, sg.Name)
		}))
	}
	add(widgets.NewButton("Rechercher…", theme.SearchIcon(), widget.MediumImportance, func() {
		w.s.pickParty(text, amount > 0, func(account, name string) { c.choose(l, account, name) })
	}))
	add(widgets.NewButton("Autre compte…", theme.ListIcon(), widget.MediumImportance, func() {
		w.s.pickAccount(text, l.Src.Label, func(ch banking.Choice, name string) { c.setChoice(l, ch, name) })
	}))
	if c.ownerOf(l) != "" {
		add(widgets.NewButton("Détail de l'affectation…", theme.DocumentIcon(), widget.MediumImportance, func() { w.openDetail(l) }))
	}
	c.actions.Refresh()
}

// ownerOf is the owner an incoming payment goes to, "" when none.
func (c *stmtCheck) ownerOf(l banking.Line) string {
	if l.Src.Amount <= 0 {
		return ""
	}
	if ch, ok := c.w.choices[l.ID]; ok {
		if ledger.IsOwnerAccount(ch.Account) {
			return ch.Account
		}
		return ""
	}
	if l.Certain && l.Kind == banking.Owner {
		return l.Account
	}
	return ""
}

// choose gives a line to an owner or a supplier: an owner's payment gets
// his usual allocation and his debt of today.
func (c *stmtCheck) choose(l banking.Line, account, name string) {
	ch := banking.Choice{Account: account}
	if ledger.IsOwnerAccount(account) && l.Src.Amount > 0 {
		var err error
		if ch, err = banking.Allocate(c.w.s.res, account, ledger.Amount(l.Src.Amount)); err != nil {
			c.w.f.fail(err)
			return
		}
	}
	c.setChoice(l, ch, name)
}

// setChoice keeps the syndic's choice for a line, which becomes selected.
func (c *stmtCheck) setChoice(l banking.Line, ch banking.Choice, name string) {
	c.w.choices[l.ID] = ch
	c.w.names[l.ID] = name
	c.w.selected[l.ID] = true
	c.current = l.ID
	c.w.f.clearError()
	c.table.Apply()
	c.showCurrent()
	c.refresh()
}

// filtered says whether a filter or a search hides lines.
func (c *stmtCheck) filtered() bool {
	return c.filter.Selected != stmtAll || strings.TrimSpace(c.search.Text) != ""
}

// chosen are the lines selected, in file order.
func (c *stmtCheck) chosen() []banking.Line {
	var out []banking.Line
	if c.w.plan == nil {
		return nil
	}
	for _, l := range c.w.plan.Lines {
		if c.w.selected[l.ID] && c.selectable(l) {
			out = append(out, l)
		}
	}
	return out
}

// cannotValidate says why « Valider » is disabled, "" when it is not
// (seed 004 §2.4: no filter, at least one line selected).
func (c *stmtCheck) cannotValidate() string {
	switch {
	case c.w.plan == nil || len(c.w.plan.Lines) == 0:
		return "Aucune ligne nouvelle à comptabiliser."
	case c.filtered():
		return "« Valider » est grisé tant qu'un filtre est actif : affichez « " + stmtAll + " » et videz la recherche."
	case len(c.chosen()) == 0:
		return "Cochez au moins une ligne à comptabiliser."
	}
	return ""
}

// refresh writes the counter and enables « Valider ».
func (c *stmtCheck) refresh() {
	if c.w.plan == nil {
		return
	}
	n, total := len(c.chosen()), len(c.w.plan.Lines)
	c.count.SetText(fmt.Sprintf("%d %s sur %d", n, map[bool]string{true: "ligne sélectionnée", false: "lignes sélectionnées"}[n <= 1], total))
	why := c.cannotValidate()
	c.hint.SetText(why)
	if c.w.step == 1 {
		widgets.SetEnabled(c.w.f.ok, why == "")
	}
}
