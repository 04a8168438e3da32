package ui

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

// column is one column of a dataTable.
type column[T any] struct {
	title   string
	width   float32 // least width; the stretch column also takes what is left
	stretch bool
	align   fyne.TextAlign
	text    func(T) string
	ink     func(T) widget.Importance // text colour of a cell; nil: normal
	less    func(a, b T) bool         // nil: the column does not sort
}

// dataTable is a list of records shown as a table: sticky header whose
// titles sort the rows (tap again to reverse), a search, optional row tints,
// a totals row at the bottom and an empty-state sentence. Tapping a row, or
// Space on it, opens it.
type dataTable[T any] struct {
	cols    []column[T]
	match   func(row T, folded string) bool // search; nil: no search
	keep    func(T) bool                    // other filter; nil: keep all
	tint    func(T) color.Color             // row background; nil: none
	totals  func(rows []T) []string         // nil: no totals row
	empty   string                          // said when there are no records at all
	noMatch string                          // said when the search finds nothing; %s is the search
	onOpen  func(T)

	all, rows []T
	query     string
	sortCol   int
	desc      bool

	table   *widget.Table
	footer  []*widget.Label
	message *widget.Label
	widths  []float32
	view    fyne.CanvasObject
}

func (d *dataTable[T]) build() fyne.CanvasObject {
	d.widths = make([]float32, len(d.cols))
	d.table = widget.NewTable(
		func() (int, int) { return len(d.rows), len(d.cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(color.Transparent), l)
		},
		d.updateCell)
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
		if id.Row >= 0 && id.Row < len(d.rows) && d.onOpen != nil {
			// Opened once the tap is over: the table still takes the focus
			// after selecting, and opening may take it off the window.
			row := d.rows[id.Row]
			fyne.Do(func() { d.onOpen(row) })
		}
	}
	d.message = widget.NewLabel("")
	d.message.Alignment = fyne.TextAlignCenter
	d.message.Wrapping = fyne.TextWrapWord
	d.message.Hide()
	var footer fyne.CanvasObject = container.NewWithoutLayout()
	if d.totals != nil {
		cells := make([]fyne.CanvasObject, len(d.cols))
		d.footer = make([]*widget.Label, len(d.cols))
		for i, c := range d.cols {
			l := widget.NewLabel("")
			l.TextStyle.Bold = true
			l.Alignment = c.align
			l.Truncation = fyne.TextTruncateEllipsis
			d.footer[i], cells[i] = l, l
		}
		footer = container.NewStack(canvas.NewRectangle(headerTint), container.New(&columnsLayout{widths: &d.widths}, cells...))
	}
	d.view = container.New(&tableLayout{d: d.fit}, d.table, footer, container.NewPadded(d.message))
	return d.view
}

// fit gives the columns their widths for a table width w: the stretch column
// takes what the others leave.
func (d *dataTable[T]) fit(w float32) {
	pad := theme.Padding()
	free := w - theme.ScrollBarSize() - pad*float32(len(d.cols)-1)
	for _, c := range d.cols {
		free -= c.width
	}
	for i, c := range d.cols {
		width := c.width
		if c.stretch && free > 0 {
			width += free
		}
		if d.widths[i] != width {
			d.widths[i] = width
			d.table.SetColumnWidth(i, width)
		}
	}
}

func (d *dataTable[T]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(d.rows) || id.Col >= len(d.cols) {
		return
	}
	row, col := d.rows[id.Row], d.cols[id.Col]
	stack := o.(*fyne.Container)
	bg, l := stack.Objects[0].(*canvas.Rectangle), stack.Objects[1].(*widget.Label)
	var fill color.Color = color.Transparent
	if d.tint != nil {
		if c := d.tint(row); c != nil {
			fill = c
		}
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	l.Alignment = col.align
	l.Importance = widget.MediumImportance
	if col.ink != nil {
		l.Importance = col.ink(row)
	}
	l.SetText(col.text(row))
}

func (d *dataTable[T]) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(d.cols) {
		b.SetText("")
		return
	}
	c := d.cols[id.Col]
	b.Alignment = widget.ButtonAlignLeading
	if c.align == fyne.TextAlignTrailing {
		b.Alignment = widget.ButtonAlignTrailing
	}
	b.Icon = nil
	if id.Col == d.sortCol && c.less != nil {
		b.Icon = theme.MenuDropDownIcon()
		if d.desc {
			b.Icon = theme.MenuDropUpIcon()
		}
	}
	col := id.Col
	b.OnTapped = func() { d.sortBy(col) }
	b.SetText(c.title)
}

// sortBy sorts on column col, reversing the order when it already sorts on it.
func (d *dataTable[T]) sortBy(col int) {
	if d.cols[col].less == nil {
		return
	}
	if d.sortCol == col {
		d.desc = !d.desc
	} else {
		d.sortCol, d.desc = col, false
	}
	d.apply()
	d.table.ScrollToTop()
}

// setRows replaces the records, keeping the search and the order.
func (d *dataTable[T]) setRows(all []T) {
	d.all = all
	d.apply()
}

func (d *dataTable[T]) search(query string) {
	d.query = query
	d.apply()
	d.table.ScrollToTop()
}

// apply filters and sorts the records into the rows shown.
func (d *dataTable[T]) apply() {
	q := fr.Fold(d.query)
	d.rows = d.rows[:0]
	for _, r := range d.all {
		if d.keep != nil && !d.keep(r) {
			continue
		}
		if q != "" && d.match != nil && !d.match(r, q) {
			continue
		}
		d.rows = append(d.rows, r)
	}
	if less := d.cols[d.sortCol].less; less != nil {
		sort.SliceStable(d.rows, func(i, j int) bool {
			if d.desc {
				return less(d.rows[j], d.rows[i])
			}
			return less(d.rows[i], d.rows[j])
		})
	}
	switch {
	case len(d.all) == 0:
		d.message.SetText(d.empty)
		d.message.Show()
	case len(d.rows) == 0:
		d.message.SetText(fmt.Sprintf(d.noMatch, d.query))
		d.message.Show()
	default:
		d.message.Hide()
	}
	if d.totals != nil {
		for i, t := range d.totals(d.rows) {
			d.footer[i].SetText(t)
		}
	}
	d.table.Refresh()
}

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
