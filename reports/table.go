package reports

// Column is one column of a Table.
type Column struct {
	Title string
	Width float64 // millimetres; 0 shares what the other columns leave
	Right bool    // amounts and numbers are right-aligned
	// Whole asks that a text of the books' tables stay on one line, in a
	// smaller font if need be, rather than wrap: a piece reference split at
	// a hyphen reads as two pieces. Right-aligned columns are always whole.
	Whole bool
}

// Row is one line of a table. Strong rows (sub-totals, totals) print bold on
// a light background.
type Row struct {
	Cells  []string
	Strong bool
}

// Table prints rows under a header that is repeated at the top of every page
// the table runs onto. Text too wide for its column is shortened with "…",
// never allowed to overflow into the next one.
func (d *Doc) Table(cols []Column, rows []Row) { d.TableRows(cols, rows, lineH) }

// TableRows is Table with rows of height rowH millimetres (letters use
// tighter rows than reports, to keep a notice on one page).
func (d *Doc) TableRows(cols []Column, rows []Row, rowH float64) {
	widths := d.columnWidths(cols)
	f := d.pdf
	_, pageH := f.GetPageSize()
	_, _, _, bottom := f.GetMargins()
	limit := pageH - bottom
	d.tableHeader(cols, widths)
	for _, r := range rows {
		if f.GetY()+rowH > limit {
			f.AddPage()
			d.tableHeader(cols, widths)
		}
		style := ""
		fill := false
		if r.Strong {
			style = "B"
			fill = true
			f.SetFillColor(235, 235, 235)
		}
		f.SetFont(family, style, 8.5)
		for i, c := range cols {
			text := ""
			if i < len(r.Cells) {
				text = d.fit(r.Cells[i], widths[i]-2)
			}
			align := "L"
			if c.Right {
				align = "R"
			}
			f.CellFormat(widths[i], rowH, text, "B", 0, align, fill, 0, "")
		}
		f.Ln(-1)
	}
	f.SetFont(family, "", 9)
	f.Ln(2)
}

func (d *Doc) columnWidths(cols []Column) []float64 {
	widths := make([]float64, len(cols))
	used, flex := 0.0, 0
	for i, c := range cols {
		widths[i] = c.Width
		used += c.Width
		if c.Width == 0 {
			flex++
		}
	}
	if flex > 0 {
		share := (d.Width() - used) / float64(flex)
		for i := range widths {
			if widths[i] == 0 {
				widths[i] = share
			}
		}
	}
	return widths
}

func (d *Doc) tableHeader(cols []Column, widths []float64) {
	f := d.pdf
	f.SetFont(family, "B", 8.5)
	f.SetFillColor(31, 78, 121)
	f.SetTextColor(255, 255, 255)
	for i, c := range cols {
		align := "L"
		if c.Right {
			align = "R"
		}
		f.CellFormat(widths[i], 6, d.fit(c.Title, widths[i]-2), "", 0, align, true, 0, "")
	}
	f.Ln(-1)
	f.SetTextColor(0, 0, 0)
}

// fit shortens s with an ellipsis so that it prints within w millimetres in
// the current font.
func (d *Doc) fit(s string, w float64) string {
	if d.pdf.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && d.pdf.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
