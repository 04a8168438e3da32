package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ui/widgets"
)

// shareGrid is a table of shares typed in place, like a spreadsheet column:
// read-only cells around one column of entries (widgets.EditGrid, as the
// budget grid). The header stays above the rows and sorts them, the totals
// row stays below; totals follow what is typed, a value is saved when the
// cursor leaves its cell and Escape puts back the saved value.
type shareGrid struct {
	cols     []widgets.GridColumn
	edit     int                               // the column of the entries
	text     func(r *shareRow, col int) string // read-only cells, from the row's current value
	ink      func(r *shareRow, col int) widget.Importance
	totals   func() []string                            // nil: no totals
	onEdit   func(r *shareRow)                          // something was typed (valid or not)
	onCommit func(r *shareRow, v decimal.Decimal) error // save a changed value
	focus    func(fyne.Focusable)                       // puts the cursor in a cell

	rows    []*shareRow
	shown   []*shareRow
	stamp   int // changes whenever a row's value may have: keeps what is computed from all rows (keysScreen.liveKey) from going stale
	query   string
	limit   int // the lines shown at most (shareGridPage, more with « Afficher plus »)
	more    *widget.Button
	sortCol int
	desc    bool

	grid  *widgets.EditGrid[decimal.Decimal]
	heads []fyne.CanvasObject // the sort buttons
	view  fyne.CanvasObject
}

// shareRow is a line of the grid: a lot (shares by key) or a key (shares by
// lot).
type shareRow struct {
	id       string                             // lot number or key code
	search   string                             // folded text the search looks in
	stored   decimal.Decimal                    // as read, until the line is made
	readOnly bool                               // its entry is disabled
	entry    *widgets.EditCell[decimal.Decimal] // the shares: Stored as saved, Err when the text does not read; nil until the line is first shown
	labels   []*widget.Label                    // by column; nil at the entry's column
	obj      *fyne.Container
}

// The line's widgets are made when it is first shown (apply): a line never
// shown was never typed in, so its value is still the one read.

// saved is the line's value as saved.
func (r *shareRow) saved() decimal.Decimal {
	if r.entry == nil {
		return r.stored
	}
	return r.entry.Stored
}

// value is the line's value as typed (the saved one when it does not read).
func (r *shareRow) value() decimal.Decimal {
	if r.entry == nil {
		return r.stored
	}
	return r.entry.Value()
}

// err is why what is typed does not read, nil when it does.
func (r *shareRow) err() error {
	if r.entry == nil {
		return nil
	}
	return r.entry.Err
}

func (g *shareGrid) build(empty string) fyne.CanvasObject {
	g.grid = &widgets.EditGrid[decimal.Decimal]{
		Cols:   g.cols,
		Parse:  app.ParseShares,
		Format: sharesText,
		Equal:  decimal.Decimal.Equal,
		Focus:  func(f fyne.Focusable) { g.focus(f) },
	}
	g.heads = make([]fyne.CanvasObject, len(g.cols))
	for i, c := range g.cols {
		col := i
		b := widget.NewButton(c.Title, func() { g.sortBy(col) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		if c.Align == fyne.TextAlignTrailing {
			b.Alignment = widget.ButtonAlignTrailing
		}
		b.IconPlacement = widget.ButtonIconTrailingText
		g.heads[i] = b
	}
	g.view = g.grid.Build(g.heads, empty)
	g.updateHeader()
	return g.view
}

// addRow appends a line; its widgets are made when it is first shown.
func (g *shareGrid) addRow(id, search string, stored decimal.Decimal, readOnly bool) *shareRow {
	r := &shareRow{id: id, search: fr.Fold(search), stored: stored, readOnly: readOnly}
	g.rows = append(g.rows, r)
	g.stamp++
	return r
}

// make makes a line's widgets, the first time it is shown: the 1,000 lots
// of a big residence were 5,000 widgets made before the screen showed
// (issue 22). The cells' texts are written by refreshRow.
func (g *shareGrid) make(r *shareRow) {
	if r.entry != nil {
		return
	}
	r.entry = g.grid.NewCell(r.stored, r.readOnly)
	r.entry.Save = func(v decimal.Decimal) error {
		if g.onCommit == nil {
			return nil
		}
		return g.onCommit(r, v)
	}
	r.entry.OnEdit = func() { g.edited(r) }
	cells := make([]fyne.CanvasObject, len(g.cols))
	r.labels = make([]*widget.Label, len(g.cols))
	for i, c := range g.cols {
		if i == g.edit {
			cells[i] = r.entry
			continue
		}
		l := widget.NewLabel("")
		l.Alignment = c.Align
		l.Truncation = fyne.TextTruncateEllipsis
		r.labels[i], cells[i] = l, l
	}
	r.obj = g.grid.Line(r.entry, cells...)
}

// done shows the rows once they are all added; refresh writes their cells.
func (g *shareGrid) done() {
	g.apply()
}

func (g *shareGrid) refreshRow(r *shareRow) {
	for i, l := range r.labels {
		if l == nil {
			continue
		}
		imp := widget.MediumImportance
		if g.ink != nil {
			imp = g.ink(r, i)
		}
		text := g.text(r, i)
		if l.Text == text && l.Importance == imp {
			// Unchanged: a label refreshed shapes its text again, and a
			// keystroke refreshes every row (the part of each lot follows
			// the key's live total).
			continue
		}
		l.Importance = imp
		l.SetText(text) // refreshes the label
	}
}

// refresh recomputes the read-only cells of the lines shown and the
// totals; a line's cells are written when apply shows it.
func (g *shareGrid) refresh() {
	g.stamp++
	for _, r := range g.page() {
		g.refreshRow(r)
	}
	g.refreshTotals()
}

// shareGridPage is how many lines a grid shows before « Afficher plus »: a
// line is five widgets whose texts are shaped when shown, and the 1,000
// lots of a big residence took seconds to show (issue 22); the search finds
// any lot, and the totals count every line, shown or not.
var shareGridPage = 30 // a variable for the tests only

// page is the lines shown: the first of those the search keeps.
func (g *shareGrid) page() []*shareRow {
	if g.limit <= 0 {
		g.limit = shareGridPage
	}
	return g.shown[:min(len(g.shown), g.limit)]
}

// showMore shows the next page of lines.
func (g *shareGrid) showMore() {
	g.limit = max(g.limit, shareGridPage) + shareGridPage
	g.apply()
}

func (g *shareGrid) refreshTotals() {
	if g.totals == nil {
		return
	}
	for i, t := range g.totals() {
		g.grid.Footer[i].SetText(t)
	}
}

// edited follows what is typed or saved: the row's own cells, then the
// totals.
func (g *shareGrid) edited(r *shareRow) {
	g.stamp++
	g.refreshRow(r)
	g.refreshTotals()
	if g.onEdit != nil {
		g.onEdit(r)
	}
}

// commitAll saves what is still typed before the grid is read again.
func (g *shareGrid) commitAll() { g.grid.CommitAll() }

func (g *shareGrid) search(q string) {
	if q != g.query {
		g.limit = shareGridPage // a new search starts at its first page
	}
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
	for i, o := range g.heads {
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
	page := g.page()
	objs := make([]fyne.CanvasObject, len(page), len(page)+1)
	order := make([]*widgets.EditCell[decimal.Decimal], len(page))
	for i, r := range page {
		g.make(r)
		g.refreshRow(r) // its cells may not have been written yet
		objs[i], order[i] = r.obj, r.entry
	}
	if rest := len(g.shown) - len(page); rest > 0 {
		if g.more == nil {
			g.more = widget.NewButtonWithIcon("", theme.MoveDownIcon(), g.showMore)
			g.more.Importance = widget.LowImportance
		}
		g.more.SetText(fmt.Sprintf("Afficher plus — %d ligne%s affichée%s sur %s, la recherche trouve les autres", len(page), fr.S(len(page)), fr.S(len(page)), fr.Shares(decimal.NewFromInt(int64(len(g.shown))))))
		objs = append(objs, g.more)
	}
	g.grid.Body.Objects = objs
	g.grid.Body.Refresh()
	g.grid.SetOrder(order)
	msg := g.grid.Message
	if len(g.rows) == 0 {
		msg.Show()
	} else if len(g.shown) == 0 {
		msg.SetText("Aucune ligne ne correspond à « " + g.query + " ».")
		msg.Show()
	} else {
		msg.Hide()
	}
	g.refreshTotals()
}
