package ui

import (
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
)

// shareGrid is a table of shares typed in place, like a spreadsheet column:
// read-only cells around one column of entries. The header stays above the
// rows and sorts them, the totals row stays below; totals follow what is
// typed. A value is saved when the cursor leaves its cell (Tab, Enter, the
// arrows or a click elsewhere), so nothing typed is lost by changing screen;
// Escape puts back the saved value.
type shareGrid struct {
	cols     []gridCol
	edit     int                               // the column of the entries
	text     func(r *shareRow, col int) string // read-only cells, from the row's current value
	ink      func(r *shareRow, col int) widget.Importance
	totals   func() []string                            // nil: no totals row
	onEdit   func(r *shareRow)                          // something was typed (valid or not)
	onCommit func(r *shareRow, v decimal.Decimal) error // save a changed value
	focus    func(fyne.Focusable)                       // puts the cursor in a cell

	rows    []*shareRow
	shown   []*shareRow
	query   string
	sortCol int
	desc    bool

	layout  *gridLayout
	header  *fyne.Container
	body    *fyne.Container
	scroll  *container.Scroll
	footer  []*widget.Label
	message *widget.Label
	view    fyne.CanvasObject
}

type gridCol struct {
	title   string
	width   float32
	stretch bool
	align   fyne.TextAlign
}

// shareRow is a line of the grid: a lot (shares by key) or a key (shares by
// lot).
type shareRow struct {
	id     string          // lot number or key code
	search string          // folded text the search looks in
	stored decimal.Decimal // as saved in the books
	entry  *shareEntry
	labels []*widget.Label // by column; nil at the entry's column
	bg     *canvas.Rectangle
	obj    *fyne.Container
	err    error // what is wrong with the text typed, nil when it reads
}

// value is what the row counts for in the totals: what is typed when it
// reads, else what is saved.
func (r *shareRow) value() decimal.Decimal {
	if v, err := app.ParseShares(r.entry.Text); err == nil {
		return v
	}
	return r.stored
}

func (r *shareRow) changed() bool {
	v, err := app.ParseShares(r.entry.Text)
	return err != nil || !v.Equal(r.stored)
}

func (g *shareGrid) build(empty string) fyne.CanvasObject {
	g.layout = &gridLayout{cols: g.cols}
	heads := make([]fyne.CanvasObject, len(g.cols))
	for i, c := range g.cols {
		col := i
		b := widget.NewButton(c.title, func() { g.sortBy(col) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		if c.align == fyne.TextAlignTrailing {
			b.Alignment = widget.ButtonAlignTrailing
		}
		b.IconPlacement = widget.ButtonIconTrailingText
		heads[i] = b
	}
	g.header = container.New(g.layout, heads...)
	g.body = container.NewVBox()
	g.scroll = container.NewVScroll(g.body)
	var footer fyne.CanvasObject = container.NewWithoutLayout()
	if g.totals != nil {
		cells := make([]fyne.CanvasObject, len(g.cols))
		g.footer = make([]*widget.Label, len(g.cols))
		for i, c := range g.cols {
			l := widget.NewLabel("")
			l.TextStyle.Bold = true
			l.Alignment = c.align
			l.Truncation = fyne.TextTruncateEllipsis
			g.footer[i], cells[i] = l, l
		}
		footer = container.NewStack(canvas.NewRectangle(headerTint), container.New(g.layout, cells...))
	}
	g.message = widget.NewLabel(empty)
	g.message.Alignment = fyne.TextAlignCenter
	g.message.Wrapping = fyne.TextWrapWord
	g.message.Hide()
	head := container.NewStack(canvas.NewRectangle(headerTint), g.header)
	g.view = container.NewBorder(head, footer, nil, nil, container.NewStack(g.scroll, container.NewVBox(container.NewPadded(g.message))))
	g.updateHeader()
	return g.view
}

// addRow appends a line with its read-only cells and its entry.
func (g *shareGrid) addRow(id, search string, stored decimal.Decimal, readOnly bool) *shareRow {
	r := &shareRow{id: id, search: fr.Fold(search), stored: stored}
	r.entry = newShareEntry(g, r)
	r.entry.SetText(sharesText(stored))
	if readOnly {
		r.entry.Disable()
	}
	r.entry.OnChanged = func(string) { g.edited(r) }
	cells := make([]fyne.CanvasObject, len(g.cols))
	r.labels = make([]*widget.Label, len(g.cols))
	for i, c := range g.cols {
		if i == g.edit {
			cells[i] = r.entry
			continue
		}
		l := widget.NewLabel("")
		l.Alignment = c.align
		l.Truncation = fyne.TextTruncateEllipsis
		r.labels[i], cells[i] = l, l
	}
	r.bg = canvas.NewRectangle(color.Transparent)
	r.obj = container.NewStack(r.bg, container.New(g.layout, cells...))
	g.rows = append(g.rows, r)
	g.refreshRow(r)
	return r
}

// done shows the rows once they are all added.
func (g *shareGrid) done() {
	g.apply()
}

func (g *shareGrid) refreshRow(r *shareRow) {
	for i, l := range r.labels {
		if l == nil {
			continue
		}
		l.Importance = widget.MediumImportance
		if g.ink != nil {
			l.Importance = g.ink(r, i)
		}
		l.SetText(g.text(r, i))
		l.Refresh()
	}
	var fill color.Color = color.Transparent
	if r.err != nil {
		fill = attentionTint
	}
	if r.bg.FillColor != fill {
		r.bg.FillColor = fill
		r.bg.Refresh()
	}
}

// refresh recomputes every read-only cell and the totals.
func (g *shareGrid) refresh() {
	for _, r := range g.rows {
		g.refreshRow(r)
	}
	g.refreshTotals()
}

func (g *shareGrid) refreshTotals() {
	if g.totals == nil {
		return
	}
	for i, t := range g.totals() {
		g.footer[i].SetText(t)
	}
}

// edited follows what is typed: the row's own cells, then the totals.
func (g *shareGrid) edited(r *shareRow) {
	_, r.err = app.ParseShares(r.entry.Text)
	g.refreshRow(r)
	g.refreshTotals()
	if g.onEdit != nil {
		g.onEdit(r)
	}
}

// commit saves a row whose value was changed; an unreadable value stays in
// its cell, on red, with the reason said by onEdit's line.
func (g *shareGrid) commit(r *shareRow) {
	if r.entry.Disabled() || !r.changed() {
		return
	}
	v, err := app.ParseShares(r.entry.Text)
	r.err = err
	if err == nil && g.onCommit != nil {
		if err = g.onCommit(r, v); err == nil {
			r.stored = v
			r.entry.SetText(sharesText(v)) // written the French way
		}
		r.err = err
	}
	g.refreshRow(r)
	g.refreshTotals()
	if g.onEdit != nil {
		g.onEdit(r)
	}
}

// commitAll saves what is still typed before the grid is read again.
func (g *shareGrid) commitAll() {
	for _, r := range g.rows {
		g.commit(r)
	}
}

// revert puts back the saved value of a row.
func (g *shareGrid) revert(r *shareRow) {
	r.entry.SetText(sharesText(r.stored))
	r.err = nil
	g.edited(r)
}

// move puts the cursor in the entry of the row shown step rows away.
func (g *shareGrid) move(r *shareRow, step int) {
	for i, x := range g.shown {
		if x == r {
			j := i + step
			if j >= 0 && j < len(g.shown) {
				g.focus(g.shown[j].entry)
				g.scroll.ScrollToOffset(fyne.NewPos(0, g.rowTop(j)))
			}
			return
		}
	}
}

// rowTop is the scroll offset that keeps row j in sight.
func (g *shareGrid) rowTop(j int) float32 {
	h := g.shown[j].obj.Size().Height + theme.Padding()
	top := float32(j) * h
	off := g.scroll.Offset.Y
	switch {
	case top < off:
		return top
	case top+h > off+g.scroll.Size().Height:
		return top + h - g.scroll.Size().Height
	}
	return off
}

func (g *shareGrid) search(q string) {
	g.query = q
	g.apply()
}

func (g *shareGrid) sortBy(col int) {
	if g.sortCol == col {
		g.desc = !g.desc
	} else {
		g.sortCol, g.desc = col, false
	}
	g.apply()
	g.updateHeader()
}

func (g *shareGrid) updateHeader() {
	for i, o := range g.header.Objects {
		b := o.(*widget.Button)
		b.Icon = nil
		if i == g.sortCol {
			b.Icon = theme.MenuDropDownIcon()
			if g.desc {
				b.Icon = theme.MenuDropUpIcon()
			}
		}
		b.Refresh()
	}
}

// cellValue is what a column sorts on: numbers as numbers, words without
// case or accents.
func (g *shareGrid) cellValue(r *shareRow, col int) (decimal.Decimal, string, bool) {
	if col == g.edit {
		return r.value(), "", true
	}
	t := g.text(r, col)
	if d, err := app.ParseShares(t); err == nil && t != "" {
		return d, "", true
	}
	return decimal.Zero, fr.Fold(t), false
}

// apply filters and sorts the rows into the grid.
func (g *shareGrid) apply() {
	q := fr.Fold(g.query)
	g.shown = g.shown[:0]
	for _, r := range g.rows {
		if q == "" || strings.Contains(r.search, q) {
			g.shown = append(g.shown, r)
		}
	}
	col := g.sortCol
	sort.SliceStable(g.shown, func(i, j int) bool {
		a, b := g.shown[i], g.shown[j]
		if g.desc {
			a, b = b, a
		}
		da, sa, na := g.cellValue(a, col)
		db, sb, nb := g.cellValue(b, col)
		switch {
		case na && nb:
			return da.LessThan(db)
		case na != nb:
			return na // numbers before words
		}
		return sa < sb
	})
	objs := make([]fyne.CanvasObject, len(g.shown))
	for i, r := range g.shown {
		objs[i] = r.obj
	}
	g.body.Objects = objs
	g.body.Refresh()
	if len(g.rows) == 0 {
		g.message.Show()
	} else if len(g.shown) == 0 {
		g.message.SetText("Aucune ligne ne correspond à « " + g.query + " ».")
		g.message.Show()
	} else {
		g.message.Hide()
	}
	g.refreshTotals()
}

// gridLayout puts the cells of a line at the grid's column positions: fixed
// widths, the stretch column taking what is left, room kept for the scroll
// bar so that the header, the lines and the totals stay aligned.
type gridLayout struct {
	cols []gridCol
}

func (l *gridLayout) widths(total float32) []float32 {
	pad := theme.Padding()
	free := total - theme.ScrollBarSize() - pad*float32(len(l.cols)+1)
	for _, c := range l.cols {
		free -= c.width
	}
	out := make([]float32, len(l.cols))
	for i, c := range l.cols {
		out[i] = c.width
		if c.stretch && free > 0 {
			out[i] += free
		}
	}
	return out
}

func (l *gridLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := theme.Padding()
	for i, w := range l.widths(size.Width) {
		if i >= len(objs) {
			return
		}
		h := objs[i].MinSize().Height
		if h > size.Height {
			h = size.Height
		}
		objs[i].Move(fyne.NewPos(x, (size.Height-h)/2))
		objs[i].Resize(fyne.NewSize(w, h))
		x += w + theme.Padding()
	}
}

func (l *gridLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := theme.ScrollBarSize()+theme.Padding()*float32(len(l.cols)+1), float32(0)
	for i, o := range objs {
		if i < len(l.cols) {
			w += l.cols[i].width
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

// shareEntry is a cell of the grid's typed column.
type shareEntry struct {
	widget.Entry
	g *shareGrid
	r *shareRow
}

func newShareEntry(g *shareGrid, r *shareRow) *shareEntry {
	e := &shareEntry{g: g, r: r}
	e.Wrapping = fyne.TextWrapOff
	e.ExtendBaseWidget(e)
	return e
}

func (e *shareEntry) TypedKey(ev *fyne.KeyEvent) {
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

func (e *shareEntry) FocusLost() {
	e.Entry.FocusLost()
	e.g.commit(e.r)
}
