package widgets

import (
	"fmt"
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/internal/fr"
)

// Column is one column of a Table.
type Column[T any] struct {
	Title   string
	Width   float32 // least width; the stretch column also takes what is left
	Stretch bool
	Align   fyne.TextAlign
	Text    func(T) string
	Ink     func(T) widget.Importance // text colour of a cell; nil: normal
	Less    func(a, b T) bool         // nil: the column does not sort
}

// Table is a list of records shown as a table: sticky header whose
// titles sort the rows (tap again to reverse), a search, optional row tints,
// a totals row at the bottom and an empty-state sentence. Tapping a row, or
// Space on it, opens it.
type Table[T any] struct {
	Cols    []Column[T]
	Match   func(row T, folded string) bool // search; nil: no search
	Keep    func(T) bool                    // other filter; nil: keep all
	Tint    func(T) color.Color             // row background; nil: none
	Totals  func(rows []T) []string         // nil: no totals row
	Empty   string                          // said when there are no records at all
	NoMatch string                          // said when the search finds nothing; %s is the search
	OnOpen  func(T)

	SortCol int  // the column the rows are sorted on; the user's taps change it
	Desc    bool // sorted in reverse

	all, rows []T
	query     string

	table     *HoverTable
	footer    []*widget.Label
	footerRow *fyne.Container
	message   *widget.Label
	widths    []float32 // by column shown
	view      fyne.CanvasObject
	hidden    []bool // by column of Cols: hidden by the user (HideColumn)
	shown     []int  // the columns of Cols shown, in order
}

// Build makes the table; SetRows fills it.
func (d *Table[T]) Build() fyne.CanvasObject {
	d.showColumns()
	d.table = newHoverTable(
		func() (int, int) { return len(d.rows), len(d.shown) },
		d.updateCell,
		func() *fyne.Container {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(color.Transparent), l)
		})
	d.table.ShowHeaderRow = true
	d.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.IconPlacement = widget.ButtonIconTrailingText
		return b
	}
	d.table.UpdateHeader = d.updateHeader
	d.table.OnSelected = func(id widget.TableCellID) {
		d.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(d.rows) && d.OnOpen != nil {
			// Opened once the tap is over: the table still takes the focus
			// after selecting, and opening may take it off the window.
			row := d.rows[id.Row]
			fyne.Do(func() { d.OnOpen(row) })
		}
	}
	d.message = widget.NewLabel("")
	d.message.Alignment = fyne.TextAlignCenter
	d.message.Wrapping = fyne.TextWrapWord
	d.message.Hide()
	var footer fyne.CanvasObject = container.NewWithoutLayout()
	if d.Totals != nil {
		d.footer = make([]*widget.Label, len(d.Cols))
		for i, c := range d.Cols {
			l := widget.NewLabel("")
			l.TextStyle.Bold = true
			l.Alignment = c.Align
			l.Truncation = fyne.TextTruncateEllipsis
			d.footer[i] = l
		}
		d.footerRow = container.New(&columnsLayout{widths: &d.widths})
		d.footerCells()
		footer = container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground)), d.footerRow)
	}
	d.view = container.New(&tableLayout{d: d.fit}, d.table, footer, container.NewPadded(d.message))
	return d.view
}

// narrowest is the part of its width a column keeps at least when the table
// is too narrow for all of them (a 1024-px screen), unless its title needs
// more: under it, the table scrolls sideways.
const narrowest = 0.6

// fit gives the columns their widths for a table width w: the stretch column
// takes what the others leave; when there is not enough, every column gives
// way in proportion to what it can give (its cells ellipsize; its title
// stays whole), so that the last columns — a balance, a situation — stay in
// sight.
func (d *Table[T]) fit(w float32) {
	pad := theme.Padding()
	cols := d.shownCols()
	room := w - theme.ScrollBarSize() - pad*float32(len(cols)-1)
	floors := make([]float32, len(cols))
	sum, sumFloor := float32(0), float32(0)
	nominal := make([]float32, len(cols))
	for i, c := range cols {
		// A column is at least as wide as its title (and sorting arrow) at
		// the text size chosen: at « Très grand » the titles grow, and a
		// title drawn wider than its column runs over the next one.
		title := d.titleWidth(c)
		nominal[i] = max(c.Width, title)
		// Short of room it gives way like the others, its title shortened.
		floors[i] = min(nominal[i], max(c.Width*narrowest, min(title, c.Width)))
		sum += nominal[i]
		sumFloor += floors[i]
	}
	free, give := room-sum, float32(0) // give: the part of their slack the columns give
	if free < 0 && sum > sumFloor {
		give = min(1, (sum-room)/(sum-sumFloor))
	}
	changed := false
	for i, c := range cols {
		width := float32(int(nominal[i] - (nominal[i]-floors[i])*give))
		if c.Stretch && free > 0 {
			width += free
		}
		if d.widths[i] != width {
			d.widths[i] = width
			d.table.SetColumnWidth(i, width)
			changed = true
		}
	}
	if changed {
		d.table.Refresh() // the titles are shortened to their new widths
	}
}

func (d *Table[T]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(d.rows) || id.Col >= len(d.shown) {
		return
	}
	row, col := d.rows[id.Row], d.Cols[d.shown[id.Col]]
	stack := o.(*fyne.Container)
	bg, l := stack.Objects[0].(*canvas.Rectangle), stack.Objects[1].(*widget.Label)
	var fill color.Color = color.Transparent
	if d.Tint != nil {
		if c := d.Tint(row); c != nil {
			fill = c
		}
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	l.Alignment = col.Align
	l.Importance = widget.MediumImportance
	if col.Ink != nil {
		l.Importance = col.Ink(row)
	}
	l.SetText(col.Text(row))
}

func (d *Table[T]) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(d.shown) {
		b.SetText("")
		return
	}
	c := d.Cols[d.shown[id.Col]]
	b.Alignment = widget.ButtonAlignLeading
	if c.Align == fyne.TextAlignTrailing {
		b.Alignment = widget.ButtonAlignTrailing
	}
	b.Icon = nil
	if d.shown[id.Col] == d.SortCol && c.Less != nil {
		b.Icon = theme.MenuDropDownIcon()
		if d.Desc {
			b.Icon = theme.MenuDropUpIcon()
		}
	}
	col := id.Col
	b.OnTapped = func() { d.sortBy(d.shown[col]) }
	// A title wider than its column is shortened: a button draws its whole
	// text, over the next column's title. That happens when the column gave
	// way, and with large text even at the column's own width.
	title := c.Title
	room := d.widths[col] - 2*theme.InnerPadding()
	if b.Icon != nil {
		room -= theme.IconInlineSize() + theme.Padding()
	}
	title = Shorten(title, room, fyne.TextStyle{Bold: true})
	b.SetText(title)
}

// titleWidth is the width a column's title needs whole, its sorting arrow
// included.
func (d *Table[T]) titleWidth(c Column[T]) float32 {
	w := fyne.MeasureText(c.Title, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding() + 2
	if c.Less != nil {
		w += theme.IconInlineSize() + theme.Padding()
	}
	return w
}

// sortBy sorts on column col, reversing the order when it already sorts on it.
func (d *Table[T]) sortBy(col int) {
	if d.Cols[col].Less == nil {
		return
	}
	if d.SortCol == col {
		d.Desc = !d.Desc
	} else {
		d.SortCol, d.Desc = col, false
	}
	d.Apply()
	d.table.ScrollToTop()
}

// SetRows replaces the records, keeping the search and the order.
func (d *Table[T]) SetRows(all []T) {
	d.all = all
	d.Apply()
}

// Search shows the records that answer query (folded for Match).
func (d *Table[T]) Search(query string) {
	d.query = query
	d.Apply()
	d.table.ScrollToTop()
}

// Apply filters and sorts the records into the rows shown.
func (d *Table[T]) Apply() {
	q := fr.Fold(d.query)
	d.rows = d.rows[:0]
	for _, r := range d.all {
		if d.Keep != nil && !d.Keep(r) {
			continue
		}
		if q != "" && d.Match != nil && !d.Match(r, q) {
			continue
		}
		d.rows = append(d.rows, r)
	}
	if less := d.Cols[d.SortCol].Less; less != nil {
		sort.SliceStable(d.rows, func(i, j int) bool {
			if d.Desc {
				return less(d.rows[j], d.rows[i])
			}
			return less(d.rows[i], d.rows[j])
		})
	}
	switch {
	case len(d.all) == 0:
		d.message.SetText(d.Empty)
		d.message.Show()
	case len(d.rows) == 0:
		d.message.SetText(fmt.Sprintf(d.NoMatch, d.query))
		d.message.Show()
	default:
		d.message.Hide()
	}
	if d.Totals != nil {
		for i, t := range d.Totals(d.rows) {
			d.footer[i].SetText(t)
		}
	}
	d.table.Refresh()
}

// All are the records, shown or not.
func (d *Table[T]) All() []T { return d.all }

// Rows are the records shown, filtered and sorted.
func (d *Table[T]) Rows() []T { return d.rows }

// Widget is the Fyne table, to scroll or select in it.
func (d *Table[T]) Widget() *HoverTable { return d.table }

// HoverAt does what the pointer resting at the absolute position p does
// (the headless tests have no pointer).
func (d *Table[T]) HoverAt(p fyne.Position) { d.table.hover(p) }

// TipText is the text of the bubble shown over a cut cell, "" when none.
func (d *Table[T]) TipText() string { return d.table.TipText() }

// tableLayout puts the table above its totals row, and the empty-state
// message over the table; it sizes the columns to the width.
type tableLayout struct {
	d func(width float32)
}

func (l *tableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.d(size.Width)
	table, footer, message := objs[0], objs[1], objs[2]
	fh := footer.MinSize().Height
	table.Move(fyne.NewPos(0, 0))
	table.Resize(fyne.NewSize(size.Width, size.Height-fh))
	footer.Move(fyne.NewPos(0, size.Height-fh))
	footer.Resize(fyne.NewSize(size.Width, fh))
	mh := message.MinSize().Height
	message.Move(fyne.NewPos(0, (size.Height-fh)/3))
	message.Resize(fyne.NewSize(size.Width, mh))
}

func (l *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(200, objs[0].MinSize().Height+objs[1].MinSize().Height)
}

// columnsLayout lays cells out at the table's column positions.
type columnsLayout struct {
	widths *[]float32
}

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objs {
		if i >= len(*l.widths) {
			break
		}
		w := (*l.widths)[i]
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + theme.Padding()
	}
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(0, h)
}
