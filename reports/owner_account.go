package reports

// AccountRow is one line of an owner's account on a décompte or a
// reminder: the balance brought forward, a call, a payment, a balance.
// Strong rows (balances the owner checks) print bold on a light background.
type AccountRow struct {
	Date, Piece, Label, Debit, Credit, Balance string
	Strong                                     bool
}

// The figures' columns are as narrow as « -99 999,99 » allows and the
// piece's as wide as « A2025-0001 » needs, so that a piece and a receipt's
// label (« Virement M. et Mme Bernard Jean-Luc et Françoise ») each keep to
// one line: every wrapped line pushes the result to a second page.
var accountColumns = []Column{
	{Title: "Date", Width: 21}, {Title: "Pièce", Width: 21}, {Title: "Libellé"},
	{Title: "Débit", Width: 18, Right: true}, {Title: "Crédit", Width: 18, Right: true}, {Title: "Solde", Width: 20, Right: true},
}

// accountTable prints an owner's account under a heading, its notes
// under it; every text wraps in its column. Its last keepLast rows (the
// balances) stay on one page with the notes.
func (lw *letterWriter) accountTable(title string, rows []AccountRow, notes []string, keepLast int) {
	if len(rows) == 0 {
		return
	}
	f := lw.d.pdf
	// The heading, the table's header and two rows stay together.
	lw.need(7 + 6 + 2*4.4)
	f.Ln(1)
	f.SetX(marginX)
	f.SetFont(family, "B", 10)
	f.MultiCell(lw.d.Width(), 6, title, "", "L", false)
	table := make([]Row, len(rows))
	for i, r := range rows {
		table[i] = Row{Cells: []string{r.Date, r.Piece, r.Label, r.Debit, r.Credit, r.Balance}, Strong: r.Strong}
	}
	lw.rowsWrapped(accountColumns, table, 4.2, keepLast, lw.notesHeight(notes))
	lw.notes(notes)
}

// statementRows turns a Statement into account rows, its closing balance
// strong.
func statementRows(s *Statement) []AccountRow {
	var out []AccountRow
	row := func(l StatementLine, strong bool) AccountRow {
		return AccountRow{Date: l.Date, Piece: l.Piece, Label: l.Label, Debit: l.Debit, Credit: l.Credit, Balance: l.Balance, Strong: strong}
	}
	if s.Opening.Label != "" {
		out = append(out, row(s.Opening, false))
	}
	for _, l := range s.Lines {
		out = append(out, row(l, false))
	}
	if s.Closing.Label != "" {
		out = append(out, row(s.Closing, true))
	}
	return out
}

func (lw *letterWriter) notesHeight(notes []string) float64 {
	lw.d.pdf.SetFont(family, "", 8.5)
	h := 0.0
	for _, n := range notes {
		h += 4.2 * float64(len(lw.d.wrap(n, lw.d.Width()-2)))
	}
	return h
}

// notes prints small paragraphs, each kept whole on a page.
func (lw *letterWriter) notes(notes []string) {
	if len(notes) == 0 {
		return
	}
	f := lw.d.pdf
	f.SetFont(family, "", 8.5)
	for _, n := range notes {
		lw.need(lw.notesHeight([]string{n}) + 0.5)
		f.SetX(marginX)
		f.MultiCell(lw.d.Width(), 4.2, n, "", "L", false)
	}
	f.Ln(2)
}

// rowsWrapped prints a table like Doc.TableRows, but a text too wide for
// its column wraps onto more lines of the row instead of being cut: an
// owner must read every label of his account whole. A row is never split
// across pages; the header is repeated on each page. The last keepLast
// rows and tail millimetres printed after the table (its notes) start on
// the same page, so that a total never sits alone away from its table.
func (lw *letterWriter) rowsWrapped(cols []Column, rows []Row, rowH float64, keepLast int, tail float64) {
	d := lw.d
	f := d.pdf
	widths := d.columnWidths(cols)
	_, pageH := f.GetPageSize()
	_, _, _, bottom := f.GetMargins()
	cells := make([][][]string, len(rows))
	heights := make([]float64, len(rows))
	for k, r := range rows {
		cells[k], heights[k] = lw.wrapRow(cols, widths, r, rowH)
	}
	d.tableHeader(cols, widths)
	for k, r := range rows {
		h := heights[k]
		if k == len(rows)-keepLast {
			for _, x := range heights[k+1:] {
				h += x
			}
			h += tail
		}
		if f.GetY()+h > pageH-bottom {
			f.AddPage()
			d.tableHeader(cols, widths)
		}
		lw.printRow(cols, widths, cells[k], heights[k], r.Strong, rowH)
	}
	f.SetFont(family, "", 9)
	f.Ln(2)
}

// wrapRow splits a row's texts into the lines of their columns.
func (lw *letterWriter) wrapRow(cols []Column, widths []float64, r Row, rowH float64) ([][]string, float64) {
	style := ""
	if r.Strong {
		style = "B"
	}
	lw.d.pdf.SetFont(family, style, 8.5)
	cells := make([][]string, len(cols))
	n := 1
	for i := range cols {
		if i < len(r.Cells) && r.Cells[i] != "" {
			cells[i] = lw.d.wrap(r.Cells[i], widths[i]-2)
		}
		n = max(n, len(cells[i]))
	}
	return cells, float64(n) * rowH
}

func (lw *letterWriter) printRow(cols []Column, widths []float64, cells [][]string, h float64, strong bool, rowH float64) {
	d := lw.d
	f := d.pdf
	style := ""
	if strong {
		style = "B"
	}
	f.SetFont(family, style, 8.5)
	x, y := marginX, f.GetY()
	if strong {
		f.SetFillColor(235, 235, 235)
		f.Rect(x, y, d.Width(), h, "F")
	}
	for i, c := range cols {
		align := "L"
		if c.Right {
			align = "R"
		}
		for j, line := range cells[i] {
			f.SetXY(x, y+float64(j)*rowH)
			f.CellFormat(widths[i], rowH, line, "", 0, align, false, 0, "")
		}
		x += widths[i]
	}
	f.SetDrawColor(0, 0, 0)
	f.Line(marginX, y+h, marginX+d.Width(), y+h)
	f.SetXY(marginX, y+h)
}
