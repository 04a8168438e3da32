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
)

// budgetGrid is the budget of an exercise typed in place, grouped by key:
// a title line per key, its accounts with the amount voted in an entry and
// the actual of two exercises beside it, and the key's net total (charges
// less expected income); the budget's total stays below the lines. Totals
// follow what is typed; an amount is saved when the cursor leaves its cell
// (Tab, Enter, the arrows, a click elsewhere) and Escape puts back the saved
// one, as in the shares grid.
type budgetGrid struct {
	cols     []gridCol
	onCommit func(r *budgetRow, a ledger.Amount) error
	onEdit   func() // something was typed or saved: the problem line follows
	focus    func(fyne.Focusable)
	noActual [2]bool // the actual's exercise does not exist: blank cells

	keys   []*budgetKeyPart
	rows   []*budgetRow // the account lines, in display order
	body   *fyne.Container
	scroll *container.Scroll
	footer []*widget.Label
	view   fyne.CanvasObject
	layout *gridLayout
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
	stored       ledger.Amount
	actual, prev ledger.Amount
	entry        *budgetEntry
	bg           *canvas.Rectangle
	obj          fyne.CanvasObject
	err          error
}

// value is what the row counts for: what is typed when it reads, else
// what is saved.
func (r *budgetRow) value() ledger.Amount {
	if a, err := parseBudgetAmount(r.entry.Text); err == nil {
		return a
	}
	return r.stored
}

func (r *budgetRow) changed() bool {
	a, err := parseBudgetAmount(r.entry.Text)
	return err != nil || a != r.stored
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
	g.layout = &gridLayout{cols: g.cols}
	heads := make([]fyne.CanvasObject, len(g.cols))
	for i, c := range g.cols {
		l := widget.NewLabel(c.title)
		l.TextStyle.Bold = true
		l.Alignment = c.align
		l.Truncation = fyne.TextTruncateEllipsis
		heads[i] = l
	}
	head := container.NewStack(canvas.NewRectangle(headerTint), container.New(g.layout, heads...))
	g.body = container.NewVBox()
	for _, k := range v.Keys {
		part := &budgetKeyPart{code: k.Key, label: k.Label, actual: k.Total.Actual, prev: k.Total.PrevActual}
		title := widget.NewLabel(fmt.Sprintf("Clé %s — %s", k.Key, k.Label))
		title.TextStyle.Bold = true
		g.body.Add(container.NewStack(canvas.NewRectangle(keyTitleTint), title))
		for _, br := range k.Rows {
			r := &budgetRow{key: br.Key, account: br.Account, accountLabel: br.AccountLabel, income: br.Income,
				stored: br.Budget[budget], actual: br.Actual, prev: br.PrevActual}
			g.addRow(r, readOnly)
			part.rows = append(part.rows, r)
			g.body.Add(r.obj)
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
		g.body.Add(container.NewStack(canvas.NewRectangle(surface), container.New(g.layout, cells...)))
		g.body.Add(widget.NewSeparator())
		g.keys = append(g.keys, part)
	}
	g.scroll = container.NewVScroll(g.body)
	cells := make([]fyne.CanvasObject, len(g.cols))
	g.footer = make([]*widget.Label, len(g.cols))
	for i, c := range g.cols {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		l.Alignment = c.align
		l.Truncation = fyne.TextTruncateEllipsis
		g.footer[i], cells[i] = l, l
	}
	footer := container.NewStack(canvas.NewRectangle(headerTint), container.New(g.layout, cells...))
	var center fyne.CanvasObject = g.scroll
	if len(g.rows) == 0 {
		msg := widget.NewLabel(empty)
		msg.Alignment = fyne.TextAlignCenter
		msg.Wrapping = fyne.TextWrapWord
		center = container.NewVBox(container.NewPadded(msg))
	}
	g.view = container.NewBorder(head, footer, nil, nil, center)
	g.refresh()
	return g.view
}

// addRow makes the cells of an account line.
func (g *budgetGrid) addRow(r *budgetRow, readOnly bool) {
	r.entry = newBudgetEntry(g, r)
	r.entry.SetText(budgetText(r.stored))
	if readOnly {
		r.entry.Disable()
	}
	r.entry.OnChanged = func(string) { g.edited(r) }
	code := widget.NewLabel(r.account)
	label := widget.NewLabel(r.accountLabel)
	if r.income {
		label.SetText(r.accountLabel + " (produit, en déduction)")
	}
	label.Truncation = fyne.TextTruncateEllipsis
	actual := amountCell(r.actual, g.noActual[0])
	prev := amountCell(r.prev, g.noActual[1])
	r.bg = canvas.NewRectangle(color.Transparent)
	r.obj = container.NewStack(r.bg, container.New(g.layout, code, label, r.entry, actual, prev))
	g.rows = append(g.rows, r)
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
		v := r.value()
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
			t += r.net(r.value())
		}
		setAmount(k.total[0], t, false)
		setAmount(k.total[1], k.actual, g.noActual[0])
		setAmount(k.total[2], k.prev, g.noActual[1])
		actual += k.actual
		prev += k.prev
	}
	net, charges, income := g.totals()
	g.footer[0].SetText("Total")
	lines := 0
	for _, r := range g.rows {
		if r.value() != 0 {
			lines++
		}
	}
	words := fmt.Sprintf("%d ligne%s · charges %s", lines, fr.S(lines), charges.String())
	if income != 0 {
		words += " − produits " + income.String()
	}
	g.footer[1].SetText(words)
	setAmount(g.footer[2], net, false)
	setAmount(g.footer[3], actual, g.noActual[0])
	setAmount(g.footer[4], prev, g.noActual[1])
}

// edited follows what is typed: the row's tint, then the totals.
func (g *budgetGrid) edited(r *budgetRow) {
	_, r.err = parseBudgetAmount(r.entry.Text)
	g.paint(r)
	g.refresh()
	if g.onEdit != nil {
		g.onEdit()
	}
}

func (g *budgetGrid) paint(r *budgetRow) {
	var fill color.Color = color.Transparent
	if r.err != nil {
		fill = attentionTint
	}
	if r.bg.FillColor != fill {
		r.bg.FillColor = fill
		r.bg.Refresh()
	}
}

// commit saves a row whose amount was changed; an unreadable amount stays
// in its cell, on red, with the reason said by onEdit's line.
func (g *budgetGrid) commit(r *budgetRow) {
	if r.entry.Disabled() || !r.changed() {
		return
	}
	a, err := parseBudgetAmount(r.entry.Text)
	r.err = err
	if err == nil && g.onCommit != nil {
		if err = g.onCommit(r, a); err == nil {
			r.stored = a
			r.entry.SetText(budgetText(a)) // written the French way
		}
		r.err = err
	}
	g.paint(r)
	g.refresh()
	if g.onEdit != nil {
		g.onEdit()
	}
}

// commitAll saves what is still typed before the grid is read again.
func (g *budgetGrid) commitAll() {
	for _, r := range g.rows {
		g.commit(r)
	}
}

func (g *budgetGrid) revert(r *budgetRow) {
	r.entry.SetText(budgetText(r.stored))
	r.err = nil
	g.edited(r)
}

// move puts the cursor in the amount of the line step lines away, and
// scrolls to it.
func (g *budgetGrid) move(r *budgetRow, step int) {
	for i, x := range g.rows {
		if x == r {
			j := i + step
			if j >= 0 && j < len(g.rows) {
				g.reveal(g.rows[j])
				if g.focus != nil {
					g.focus(g.rows[j].entry)
				}
			}
			return
		}
	}
}

// reveal scrolls the grid so that a line is in sight.
func (g *budgetGrid) reveal(r *budgetRow) {
	top, h := r.obj.Position().Y, r.obj.Size().Height
	view := g.scroll.Size().Height
	switch {
	case top < g.scroll.Offset.Y:
		g.scroll.ScrollToOffset(fyne.NewPos(0, top))
	case top+h > g.scroll.Offset.Y+view:
		g.scroll.ScrollToOffset(fyne.NewPos(0, top+h-view))
	}
}

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
			t += r.net(r.value())
		}
	}
	return t
}

// budgetEntry is the amount cell of a line.
type budgetEntry struct {
	widget.Entry
	g *budgetGrid
	r *budgetRow
}

func newBudgetEntry(g *budgetGrid, r *budgetRow) *budgetEntry {
	e := &budgetEntry{g: g, r: r}
	e.Wrapping = fyne.TextWrapOff
	e.ExtendBaseWidget(e)
	return e
}

func (e *budgetEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyDown:
		e.g.commit(e.r)
		e.g.move(e.r, 1)
	case fyne.KeyUp:
		e.g.commit(e.r)
		e.g.move(e.r, -1)
	case fyne.KeyEscape:
		e.g.revert(e.r)
	default:
		e.Entry.TypedKey(ev)
	}
}

func (e *budgetEntry) FocusGained() {
	e.Entry.FocusGained()
	e.g.reveal(e.r)
}

func (e *budgetEntry) FocusLost() {
	e.Entry.FocusLost()
	e.g.commit(e.r)
}
