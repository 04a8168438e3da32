package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// budgetGrid is the budget of an exercise typed in place, grouped by key:
// a title line per key, its accounts with the amount voted in an entry and
// the actual of two exercises beside it, and the key's net total (charges
// less expected income); the budget's total stays below the lines. Totals
// follow what is typed; an amount is saved when the cursor leaves its cell
// and Escape puts back the saved one (widgets.EditGrid, as the shares grid).
type budgetGrid struct {
	cols     []widgets.GridColumn
	onCommit func(r *budgetRow, a ledger.Amount) error
	onEdit   func() // something was typed or saved: the problem line follows
	focus    func(fyne.Focusable)
	noActual [2]bool // the actual's exercise does not exist: blank cells

	grid *widgets.EditGrid[ledger.Amount]
	keys []*budgetKeyPart
	rows []*budgetRow // the account lines, in display order
}

// budgetKeyPart is the lines of one key and its total line.
type budgetKeyPart struct {
	code, label string
	rows        []*budgetRow
	actual      ledger.Amount // net actual of N
	prev        ledger.Amount // net actual of N-1
	total       [3]*widget.Label
}

// budgetRow is an account on a key.
type budgetRow struct {
	key          string
	account      string
	accountLabel string
	income       bool
	actual, prev ledger.Amount
	entry        *widgets.EditCell[ledger.Amount] // the amount voted: Stored as saved, Err when it does not read
}

// net is the row's amount as the key's total counts it: income lowers it.
func (r *budgetRow) net(a ledger.Amount) ledger.Amount {
	if r.income {
		return -a
	}
	return a
}

// parseBudgetAmount reads an amount typed in the grid; empty is zero.
func parseBudgetAmount(text string) (ledger.Amount, error) {
	if strings.TrimSpace(text) == "" {
		return 0, nil
	}
	return ledger.ParseAmount(text)
}

// budgetText is an amount as the grid's entries show it, "" for zero.
func budgetText(a ledger.Amount) string {
	if a == 0 {
		return ""
	}
	return a.Format()
}

var keyTitleTint = color.NRGBA{0xE4, 0xEC, 0xF5, 0xFF}

// build makes the grid from a budget view; budget is the index (0 to 2) of
// the exercise whose budget is typed, readOnly when it may not change.
func (g *budgetGrid) build(v app.BudgetView, budget int, readOnly bool, empty string) fyne.CanvasObject {
	g.grid = &widgets.EditGrid[ledger.Amount]{
		Cols:   g.cols,
		Parse:  parseBudgetAmount,
		Format: budgetText,
		Equal:  func(a, b ledger.Amount) bool { return a == b },
		Focus:  g.focus,
	}
	view := g.grid.Build(g.grid.TitleCells(), empty)
	body := g.grid.Body
	// The grid's lines are gathered, then set at once: Add lays the whole
	// body out again at each line.
	var lines []fyne.CanvasObject
	for _, k := range v.Keys {
		part := &budgetKeyPart{code: k.Key, label: k.Label, actual: k.Total.Actual, prev: k.Total.PrevActual}
		title := widget.NewLabel(fmt.Sprintf("Clé %s — %s", k.Key, k.Label))
		title.TextStyle.Bold = true
		lines = append(lines, container.NewStack(canvas.NewRectangle(keyTitleTint), title))
		for _, br := range k.Rows {
			r := &budgetRow{key: br.Key, account: br.Account, accountLabel: br.AccountLabel, income: br.Income,
				actual: br.Actual, prev: br.PrevActual}
			lines = append(lines, g.addRow(r, br.Budget[budget], readOnly))
			part.rows = append(part.rows, r)
		}
		cells := []fyne.CanvasObject{widget.NewLabel("")}
		name := widget.NewLabel(fmt.Sprintf("Total de la clé %s (charges − produits)", k.Key))
		name.TextStyle.Bold = true
		name.Truncation = fyne.TextTruncateEllipsis
		cells = append(cells, name)
		for i := range part.total {
			l := widget.NewLabel("")
			l.TextStyle.Bold = true
			l.Alignment = fyne.TextAlignTrailing
			part.total[i] = l
			cells = append(cells, l)
		}
		lines = append(lines, g.grid.Band(surface, cells...), widget.NewSeparator())
		g.keys = append(g.keys, part)
	}
	body.Objects = append(body.Objects, lines...)
	body.Refresh()
	if len(g.rows) == 0 {
		body.RemoveAll()
		g.grid.Message.Show()
	}
	g.refresh()
	return view
}

// addRow makes the cells of an account line.
func (g *budgetGrid) addRow(r *budgetRow, stored ledger.Amount, readOnly bool) fyne.CanvasObject {
	r.entry = g.grid.NewCell(stored, readOnly)
	r.entry.Save = func(a ledger.Amount) error {
		if g.onCommit == nil {
			return nil
		}
		return g.onCommit(r, a)
	}
	r.entry.OnEdit = g.edited
	code := widget.NewLabel(r.account)
	label := widget.NewLabel(r.accountLabel)
	if r.income {
		label.SetText(r.accountLabel + " (produit, en déduction)")
	}
	label.Truncation = fyne.TextTruncateEllipsis
	actual := amountCell(r.actual, g.noActual[0])
	prev := amountCell(r.prev, g.noActual[1])
	g.rows = append(g.rows, r)
	return g.grid.Line(r.entry, code, label, r.entry, actual, prev)
}

// amountCell is a read-only amount, right-aligned, blue with its minus sign
// when negative; blank when its exercise does not exist.
func amountCell(a ledger.Amount, blank bool) *widget.Label {
	l := widget.NewLabel("")
	l.Alignment = fyne.TextAlignTrailing
	l.Truncation = fyne.TextTruncateEllipsis
	setAmount(l, a, blank)
	return l
}

func setAmount(l *widget.Label, a ledger.Amount, blank bool) {
	l.Importance = creditInk(a)
	if blank {
		l.SetText("—") // no such exercise: not a zero
		return
	}
	l.SetText(a.String())
}

// totals is the net budget typed (charges − income), and its charges and
// income apart.
func (g *budgetGrid) totals() (net, charges, income ledger.Amount) {
	for _, r := range g.rows {
		v := r.entry.Value()
		if r.income {
			income += v
		} else {
			charges += v
		}
	}
	return charges - income, charges, income
}

// refresh recomputes the key totals and the budget's total.
func (g *budgetGrid) refresh() {
	var actual, prev ledger.Amount
	for _, k := range g.keys {
		var t ledger.Amount
		for _, r := range k.rows {
			t += r.net(r.entry.Value())
		}
		setAmount(k.total[0], t, false)
		setAmount(k.total[1], k.actual, g.noActual[0])
		setAmount(k.total[2], k.prev, g.noActual[1])
		actual += k.actual
		prev += k.prev
	}
	net, charges, income := g.totals()
	footer := g.grid.Footer
	footer[0].SetText("Total")
	lines := 0
	for _, r := range g.rows {
		if r.entry.Value() != 0 {
			lines++
		}
	}
	words := fmt.Sprintf("%d ligne%s · charges %s", lines, fr.S(lines), charges.String())
	if income != 0 {
		words += " − produits " + income.String()
	}
	footer[1].SetText(words)
	setAmount(footer[2], net, false)
	setAmount(footer[3], actual, g.noActual[0])
	setAmount(footer[4], prev, g.noActual[1])
}

// edited follows what is typed or saved: the totals, then the problem line.
func (g *budgetGrid) edited() {
	g.refresh()
	if g.onEdit != nil {
		g.onEdit()
	}
}

// commitAll saves what is still typed before the grid is read again.
func (g *budgetGrid) commitAll() { g.grid.CommitAll() }

// row finds the line of an account on a key.
func (g *budgetGrid) row(key, account string) *budgetRow {
	for _, r := range g.rows {
		if r.key == key && r.account == account {
			return r
		}
	}
	return nil
}

// keyTotal is the net budget typed on a key.
func (g *budgetGrid) keyTotal(key string) ledger.Amount {
	var t ledger.Amount
	for _, r := range g.rows {
		if r.key == key {
			t += r.net(r.entry.Value())
		}
	}
	return t
}

// reveal scrolls the grid so that a line is in sight.
func (g *budgetGrid) reveal(r *budgetRow) { g.grid.Reveal(r.entry) }
