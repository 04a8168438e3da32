package widgets

import "fyne.io/fyne/v2"

// The user's choice of columns (« Colonnes… »): a hidden column is neither
// drawn nor exported nor printed. At least one column stays shown.

// showColumns works out the columns shown from the hidden ones.
func (d *Table[T]) showColumns() {
	if len(d.hidden) != len(d.Cols) {
		d.hidden = append(d.hidden, make([]bool, len(d.Cols)-len(d.hidden))...)
	}
	d.shown = d.shown[:0]
	for i := range d.Cols {
		if !d.hidden[i] {
			d.shown = append(d.shown, i)
		}
	}
	d.widths = make([]float32, len(d.shown))
}

// shownCols are the columns shown, in order.
func (d *Table[T]) shownCols() []Column[T] {
	out := make([]Column[T], len(d.shown))
	for i, c := range d.shown {
		out[i] = d.Cols[c]
	}
	return out
}

// footerCells puts the totals of the columns shown in the totals row.
func (d *Table[T]) footerCells() {
	if d.footerRow == nil {
		return
	}
	cells := make([]fyne.CanvasObject, len(d.shown))
	for i, c := range d.shown {
		cells[i] = d.footer[c]
	}
	d.footerRow.Objects = cells
	d.footerRow.Refresh()
}

// ColumnTitles are the titles of every column, shown or not.
func (d *Table[T]) ColumnTitles() []string {
	out := make([]string, len(d.Cols))
	for i, c := range d.Cols {
		out[i] = c.Title
	}
	return out
}

// ColumnHidden says whether column i (of Cols) is hidden.
func (d *Table[T]) ColumnHidden(i int) bool { return i < len(d.hidden) && d.hidden[i] }

// HideColumn hides or shows column i (of Cols). The last column shown
// stays: a table without columns would say nothing.
func (d *Table[T]) HideColumn(i int, hide bool) {
	if i < 0 || i >= len(d.Cols) {
		return
	}
	if len(d.hidden) != len(d.Cols) {
		d.showColumns()
	}
	if hide && len(d.shown) == 1 && d.shown[0] == i {
		return
	}
	d.hidden[i] = hide
	d.showColumns()
	if d.table == nil {
		return // not built yet: Build shows the choice
	}
	d.footerCells()
	d.table.Refresh()
	if d.view != nil {
		d.view.Refresh()
		d.fit(d.view.Size().Width)
	}
}

// Shown is what a table shows, as text: the columns shown with their
// titles and alignment, the rows in their order, the totals.
type Shown struct {
	Titles []string
	Right  []bool // amounts and numbers, right-aligned
	Rows   [][]string
	Totals []string // nil without a totals row
}

// Shown is the table as the user sees it (search, order and columns), for
// an export or a print.
func (d *Table[T]) Shown() Shown {
	if len(d.hidden) != len(d.Cols) {
		d.showColumns()
	}
	var out Shown
	for _, c := range d.shownCols() {
		out.Titles = append(out.Titles, c.Title)
		out.Right = append(out.Right, c.Align == fyne.TextAlignTrailing)
	}
	for _, r := range d.rows {
		cells := make([]string, len(d.shown))
		for i, c := range d.shown {
			cells[i] = d.Cols[c].Text(r)
		}
		out.Rows = append(out.Rows, cells)
	}
	if d.Totals != nil {
		all := d.Totals(d.rows)
		out.Totals = make([]string, len(d.shown))
		for i, c := range d.shown {
			if c < len(all) {
				out.Totals[i] = all[c]
			}
		}
	}
	return out
}
