package reports

import (
	"fmt"
	"strings"
	"time"
)

// AnnexesDoc is the five annexes of the décret 2005-240 (or some of them)
// as they print: figures formatted by the caller, layouts here. Every page
// is A4 landscape, which the five columns of annexes 2 and 3 and the
// twelve of annexe 5 need; one orientation keeps a combined document whole.
type AnnexesDoc struct {
	Syndicat string // "Syndicat des copropriétaires Résidence Les Tilleuls"
	Address  string // "14 rue des Tilleuls, 69003 Lyon"
	Period   string // "Exercice du 01/01/2025 au 31/12/2025"
	Draft    string // printed in red under every title when the exercise is not closed
	Printed  time.Time
	// Fingerprint of the books these annexes present (Page.Fingerprint):
	// the seal of a closed exercise, the chain's link for a projet.
	Fingerprint string
	Annexes     []Annex
}

// Annex is one annexe: its number, title and parts, then its checks.
type Annex struct {
	Number int
	Title  string // the model's title, "ÉTAT FINANCIER APRÈS RÉPARTITION AU 31/12/2025"
	Parts  []AnnexPart
	Checks []AnnexCheckLine
}

// AnnexPart is a heading, a table and notes, in that order.
type AnnexPart struct {
	NewPage bool // start on a new page (the owners' list)
	// KeepWithNext starts the part on a new page when it and the next
	// part fit on one page but not in what is left of this one (the
	// charges and income of a block of annexe 2).
	KeepWithNext bool
	Heading      string
	Table        *AnnexTable
	Notes        []string
}

// AnnexTable is a table with an optional row of column groups above its
// column titles; titles wrap on up to three lines.
type AnnexTable struct {
	Groups  []AnnexGroup
	Columns []Column
	Rows    []AnnexRow
	// Footer is how many last rows are the table's totals (0: the trailing
	// sub-total and total rows). They print on the page of the rows above
	// them, never alone.
	Footer int
}

// AnnexGroup spans Span columns of the header with one title ("" for none).
type AnnexGroup struct {
	Title string
	Span  int
}

// AnnexStyle says how a row (or one cell) prints.
type AnnexStyle int

const (
	StyleNormal   AnnexStyle = iota
	StyleHeading             // bold title, no figures
	StyleDetail              // indented label (a sub-account)
	StyleSubtotal            // bold on light grey
	StyleTotal               // bold on grey with a rule above
	StyleEmpty               // nothing (the shorter half of a two-sided table)
)

// AnnexRow is a row; Styles, when set, gives each cell its own style (the
// two halves of annexe 1 side by side), otherwise Style applies to all.
type AnnexRow struct {
	Cells  []string
	Style  AnnexStyle
	Styles []AnnexStyle
}

func (r AnnexRow) styleOf(i int) AnnexStyle {
	if i < len(r.Styles) {
		return r.Styles[i]
	}
	return r.Style
}

// AnnexCheckLine is one cross-check as printed under its annexe.
type AnnexCheckLine struct {
	Text    string
	Detail  string // "12 345,67 = 12 345,67" or "12 345,67 ≠ 12 000,00 (écart 345,67)"
	OK      bool
	Warning bool // a warning rather than a required equality
}

// annexWriter draws annexes into one document.
type annexWriter struct {
	d       *Doc
	doc     *AnnexesDoc
	current *Annex
	bodyTop float64 // where the body starts under the page header
}

const (
	annexRowH  = 4.6
	annexFont  = 7.8
	annexTitle = 10.5
)

// AnnexesPDF renders the annexes into one PDF.
func AnnexesPDF(doc AnnexesDoc) ([]byte, error) {
	if len(doc.Annexes) == 0 {
		return nil, fmt.Errorf("aucune annexe à imprimer")
	}
	title := "Annexes comptables"
	if len(doc.Annexes) == 1 {
		title = fmt.Sprintf("Annexe n° %d", doc.Annexes[0].Number)
	}
	aw := &annexWriter{doc: &doc, d: NewDoc(Page{Title: title, Residence: doc.Syndicat, Printed: doc.Printed, Landscape: true, NoHeader: true, Fingerprint: doc.Fingerprint})}
	aw.d.pdf.SetHeaderFunc(aw.header)
	for i := range doc.Annexes {
		aw.current = &doc.Annexes[i]
		aw.d.AddPage()
		for j, p := range aw.current.Parts {
			if p.KeepWithNext && j+1 < len(aw.current.Parts) && !p.NewPage {
				h := aw.partHeight(p) + aw.partHeight(aw.current.Parts[j+1])
				if h < aw.pageBody() && aw.room() < h {
					aw.d.AddPage()
				}
			}
			after := 0.0
			if j == len(aw.current.Parts)-1 {
				// The checks of an annexe follow its last table rather
				// than open a page of their own.
				after = aw.checksHeight(aw.current.Checks)
			}
			aw.part(p, after)
		}
		aw.checks(aw.current.Checks)
	}
	return aw.d.Bytes()
}

// header repeats on every page who the annexe is about and which it is.
func (aw *annexWriter) header() {
	f := aw.d.pdf
	w := aw.d.Width()
	f.SetFont(family, "B", 8.5)
	f.SetTextColor(90, 90, 90)
	left := aw.doc.Syndicat
	if aw.doc.Address != "" {
		left += " – " + aw.doc.Address
	}
	f.CellFormat(w*0.65, 4, aw.d.fit(left, w*0.65-2), "", 0, "L", false, 0, "")
	f.SetFont(family, "", 8.5)
	f.CellFormat(w*0.35, 4, aw.d.fit(aw.doc.Period, w*0.35), "", 1, "R", false, 0, "")
	f.SetTextColor(0, 0, 0)
	a := aw.current
	if a == nil {
		return
	}
	f.SetFont(family, "B", 13)
	f.CellFormat(w, 7, fmt.Sprintf("ANNEXE N° %d", a.Number), "", 1, "L", false, 0, "")
	f.SetFont(family, "B", annexTitle)
	f.MultiCell(w, 5, a.Title, "", "L", false)
	if aw.doc.Draft != "" {
		f.SetFont(family, "B", 8.5)
		f.SetTextColor(192, 0, 0)
		f.MultiCell(w, 4.2, aw.doc.Draft, "", "L", false)
		f.SetTextColor(0, 0, 0)
	}
	y := f.GetY() + 1
	f.SetDrawColor(31, 78, 121)
	f.SetLineWidth(0.4)
	f.Line(marginX, y, marginX+w, y)
	f.SetLineWidth(0.2)
	f.SetDrawColor(0, 0, 0)
	f.SetY(y + 2.5)
	aw.bodyTop = y + 2.5
}

// room is how many millimetres are left above the footer.
func (aw *annexWriter) room() float64 {
	f := aw.d.pdf
	_, pageH := f.GetPageSize()
	_, _, _, bottom := f.GetMargins()
	return pageH - bottom - f.GetY()
}

// pageBody is the height a page offers below its header.
func (aw *annexWriter) pageBody() float64 {
	f := aw.d.pdf
	_, pageH := f.GetPageSize()
	_, _, _, bottom := f.GetMargins()
	return pageH - bottom - aw.bodyTop
}

func (aw *annexWriter) need(h float64) {
	if aw.room() < h {
		aw.d.AddPage()
	}
}

// notesHeight is the height the notes of a part take.
func (aw *annexWriter) notesHeight(notes []string) float64 {
	if len(notes) == 0 {
		return 0
	}
	aw.d.pdf.SetFont(family, "", 7.5)
	h := 2.0
	for _, n := range notes {
		h += float64(len(aw.d.pdf.SplitText(n, aw.d.Width()-2))) * 3.6
	}
	return h
}

// partHeight estimates the height of a part: heading, table (one line a
// row) and notes.
func (aw *annexWriter) partHeight(p AnnexPart) float64 {
	h := aw.notesHeight(p.Notes)
	if p.Heading != "" {
		h += 7
	}
	if p.Table != nil {
		h += aw.headerHeight(p.Table, aw.d.columnWidths(p.Table.Columns)) + float64(len(p.Table.Rows))*annexRowH + 3
	}
	return h
}

// checksHeight is the height of an annexe's checks frame.
func (aw *annexWriter) checksHeight(list []AnnexCheckLine) float64 {
	if len(list) == 0 {
		return 0
	}
	return 8 + 4.6*float64(len(list))
}

// part prints a heading, a table and its notes; after is the height of
// what follows the part and must stay with its end (the annexe's checks).
func (aw *annexWriter) part(p AnnexPart, after float64) {
	f := aw.d.pdf
	if p.NewPage {
		aw.d.AddPage()
	}
	notes := aw.notesHeight(p.Notes)
	if p.Table != nil {
		// A table that fits on a page is not split: it starts on the next
		// page rather than leave its totals alone on it; with its notes,
		// and the checks when they fit too.
		h := aw.partHeight(p)
		body, room := aw.pageBody(), aw.room()
		if (h+after < body && room < h+after) || (h < body && room < h) {
			aw.d.AddPage()
		}
	}
	after += notes
	if p.Heading != "" {
		// A heading is never left alone at the bottom of a page: it keeps
		// its table's header and first rows with it.
		h := 7 + 3*annexRowH
		if p.Table != nil {
			h += aw.headerHeight(p.Table, aw.d.columnWidths(p.Table.Columns))
		}
		aw.need(h)
		f.SetFont(family, "B", 10)
		f.CellFormat(aw.d.Width(), 6.5, aw.d.fit(p.Heading, aw.d.Width()), "", 1, "L", false, 0, "")
	}
	if p.Table != nil {
		aw.table(p.Table, after)
	} else {
		aw.need(after)
	}
	if len(p.Notes) > 0 {
		f.SetFont(family, "", 7.5)
		for _, n := range p.Notes {
			aw.need(4)
			f.MultiCell(aw.d.Width(), 3.6, n, "", "L", false)
		}
		f.Ln(2)
	}
}

// wrapped splits a header title on the lines it takes in width w.
func (aw *annexWriter) wrapped(text string, w float64) []string {
	if text == "" {
		return nil
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		for _, l := range aw.d.pdf.SplitText(para, w) {
			out = append(out, l)
		}
	}
	return out
}

const headerLineH = 3.4

// headerLines is how many text lines the group row and the title row of a
// table's header take.
func (aw *annexWriter) headerLines(t *AnnexTable, widths []float64) (groupLines, titleLines int) {
	aw.d.pdf.SetFont(family, "B", 7.2)
	if len(t.Groups) > 0 {
		col := 0
		for _, g := range t.Groups {
			w := 0.0
			for i := col; i < col+g.Span && i < len(widths); i++ {
				w += widths[i]
			}
			groupLines = max(groupLines, len(aw.wrapped(g.Title, w-2)))
			col += g.Span
		}
	}
	titleLines = 1
	for i, c := range t.Columns {
		titleLines = max(titleLines, len(aw.wrapped(c.Title, widths[i]-1.5)))
	}
	return groupLines, min(titleLines, 4)
}

func (aw *annexWriter) headerHeight(t *AnnexTable, widths []float64) float64 {
	g, l := aw.headerLines(t, widths)
	h := float64(l)*headerLineH + 1
	if g > 0 {
		h += float64(g)*headerLineH + 1
	}
	return h
}

func (aw *annexWriter) tableHeader(t *AnnexTable, widths []float64) {
	f := aw.d.pdf
	const lineH = headerLineH
	groupLines, titleLines := aw.headerLines(t, widths)
	aw.need(aw.headerHeight(t, widths) + 3*annexRowH)
	f.SetFont(family, "B", 7.2)
	x0, y := marginX, f.GetY()
	f.SetFillColor(31, 78, 121)
	f.SetTextColor(255, 255, 255)
	f.SetDrawColor(255, 255, 255)
	if groupLines > 0 {
		h := float64(groupLines)*lineH + 1
		x, col := x0, 0
		for _, g := range t.Groups {
			w := 0.0
			for i := col; i < col+g.Span && i < len(widths); i++ {
				w += widths[i]
			}
			f.Rect(x, y, w, h, "FD")
			lines := aw.wrapped(g.Title, w-2)
			for j, l := range lines {
				f.SetXY(x, y+0.5+float64(j)*lineH+float64(groupLines-len(lines))*lineH/2)
				f.CellFormat(w, lineH, l, "", 0, "C", false, 0, "")
			}
			x += w
			col += g.Span
		}
		y += h
	}
	h := float64(titleLines)*lineH + 1
	x := x0
	for i, c := range t.Columns {
		f.Rect(x, y, widths[i], h, "FD")
		lines := aw.wrapped(c.Title, widths[i]-1.5)
		if len(lines) > titleLines {
			lines = lines[:titleLines]
		}
		align := "L"
		if c.Right {
			align = "R"
		}
		for j, l := range lines {
			f.SetXY(x+0.5, y+0.5+float64(j)*lineH+float64(titleLines-len(lines))*lineH)
			f.CellFormat(widths[i]-1, lineH, l, "", 0, align, false, 0, "")
		}
		x += widths[i]
	}
	f.SetTextColor(0, 0, 0)
	f.SetDrawColor(0, 0, 0)
	f.SetXY(x0, y+h)
}

// cellStyle is the font style and background of a cell style.
func cellStyle(st AnnexStyle) (style string, fill [3]int, filled bool) {
	switch st {
	case StyleHeading:
		return "B", fill, false
	case StyleSubtotal:
		return "B", [3]int{235, 235, 235}, true
	case StyleTotal:
		return "B", [3]int{215, 222, 232}, true
	}
	return "", fill, false
}

// cellLines lays a cell's text out: label columns (those sharing the free
// width) wrap on two lines when the text is too long; other cells get a
// smaller font (down to 6 pt), and only then an ellipsis.
func (aw *annexWriter) cellLines(text string, c Column, style string, avail float64) ([]string, float64) {
	f := aw.d.pdf
	f.SetFont(family, style, annexFont)
	if f.GetStringWidth(text) <= avail {
		return []string{text}, annexFont
	}
	if c.Width == 0 && !c.Right {
		lines := f.SplitText(text, avail)
		if len(lines) > 2 {
			lines = []string{lines[0], aw.d.fit(strings.Join(lines[1:], " "), avail)}
		}
		return lines, annexFont
	}
	size := annexFont
	for size > 6 && f.GetStringWidth(text) > avail {
		size -= 0.3
		f.SetFont(family, style, size)
	}
	return []string{aw.d.fit(text, avail)}, size
}

// annexCell is a cell laid out: its lines, font size, padding and style.
type annexCell struct {
	lines []string
	size  float64
	pad   float64
	style AnnexStyle
}

const wrapLineH = 3.5

// layoutRow lays a row's cells out; its height is its tallest cell's.
func (aw *annexWriter) layoutRow(t *AnnexTable, r AnnexRow, widths []float64) ([]annexCell, float64) {
	cells := make([]annexCell, len(t.Columns))
	rowH := annexRowH
	for i, c := range t.Columns {
		st := r.styleOf(i)
		text := ""
		if i < len(r.Cells) && st != StyleEmpty {
			text = r.Cells[i]
		}
		pad := 0.8
		if st == StyleDetail && c.Width == 0 {
			pad = 4 // sub-accounts are indented in the label columns
		}
		style, _, _ := cellStyle(st)
		lines, size := aw.cellLines(text, c, style, widths[i]-pad-1.2)
		cells[i] = annexCell{lines, size, pad, st}
		if len(lines) > 1 {
			rowH = max(rowH, float64(len(lines))*wrapLineH+1)
		}
	}
	return cells, rowH
}

// tailStart is the first row kept on one page with the table's end: its
// totals (Footer rows, or the trailing sub-total and total rows) and the
// keepRows rows above them, so that a total never prints alone on a page
// away from the figures it adds up.
func tailStart(t *AnnexTable) int {
	const keepRows = 2
	n := t.Footer
	if n == 0 {
		for i := len(t.Rows) - 1; i >= 0; i-- {
			st := t.Rows[i].Style
			if st != StyleSubtotal && st != StyleTotal {
				break
			}
			n++
		}
	}
	start := max(0, len(t.Rows)-n-keepRows)
	// A heading just above goes with its lines.
	for start > 0 && t.Rows[start-1].Style == StyleHeading {
		start--
	}
	return start
}

// table draws a table; after is the height of what must stay on the page
// of its last rows (its notes, the annexe's checks).
func (aw *annexWriter) table(t *AnnexTable, after float64) {
	f := aw.d.pdf
	widths := aw.d.columnWidths(t.Columns)
	aw.tableHeader(t, widths)
	cells := make([][]annexCell, len(t.Rows))
	heights := make([]float64, len(t.Rows))
	for i, r := range t.Rows {
		cells[i], heights[i] = aw.layoutRow(t, r, widths)
	}
	tail := tailStart(t)
	for ri, r := range t.Rows {
		rowH := heights[ri]
		need := rowH
		if r.Style == StyleHeading {
			need += 2 * annexRowH // a heading keeps a few of its lines with it
		}
		if ri == tail {
			// The end of the table, with its notes, goes to the next page
			// together when it does not fit here (and fits on a page).
			end := after
			for _, h := range heights[ri:] {
				end += h
			}
			if end+aw.headerHeight(t, widths) < aw.pageBody() {
				need = max(need, end)
			}
		}
		if aw.room() < need {
			aw.d.AddPage()
			aw.tableHeader(t, widths)
		}
		x, y := marginX, f.GetY()
		for i, c := range t.Columns {
			cl := cells[ri][i]
			style, fill, filled := cellStyle(cl.style)
			if filled {
				f.SetFillColor(fill[0], fill[1], fill[2])
				f.Rect(x, y, widths[i], rowH, "F")
			}
			if cl.style == StyleTotal {
				f.SetLineWidth(0.35)
				f.Line(x, y, x+widths[i], y)
				f.SetLineWidth(0.2)
			}
			align := "L"
			if c.Right {
				align = "R"
			}
			f.SetFont(family, style, cl.size)
			lineH := annexRowH
			top := y
			if len(cl.lines) > 1 {
				lineH, top = wrapLineH, y+0.5
			}
			for j, l := range cl.lines {
				f.SetXY(x+cl.pad, top+float64(j)*lineH)
				f.CellFormat(widths[i]-cl.pad-0.8, lineH, l, "", 0, align, false, 0, "")
			}
			if cl.style != StyleEmpty {
				f.SetDrawColor(200, 200, 200)
				f.Line(x, y+rowH, x+widths[i], y+rowH)
				f.SetDrawColor(0, 0, 0)
			}
			x += widths[i]
		}
		f.SetXY(marginX, y+rowH)
	}
	f.Ln(2.5)
}

// checks prints an annexe's cross-checks in a frame, each said in words
// (not by colour alone).
func (aw *annexWriter) checks(list []AnnexCheckLine) {
	if len(list) == 0 {
		return
	}
	f := aw.d.pdf
	aw.need(8 + 4.4*float64(min(len(list), 4)))
	f.SetFont(family, "B", 9)
	f.CellFormat(aw.d.Width(), 6, "Contrôles de cohérence", "", 1, "L", false, 0, "")
	for _, c := range list {
		aw.need(4.6)
		mark, status := "✓", "vérifié"
		switch {
		case !c.OK && c.Warning:
			mark, status = "!", "à vérifier"
			f.SetTextColor(176, 96, 0)
		case !c.OK:
			mark, status = "✗", "ÉCART"
			f.SetTextColor(192, 0, 0)
		default:
			f.SetTextColor(0, 110, 50)
		}
		style := ""
		if !c.OK {
			style = "B"
		}
		f.SetFont(family, style, 8)
		w := aw.d.Width()
		f.CellFormat(6, 4.4, mark, "", 0, "C", false, 0, "")
		f.CellFormat(22, 4.4, status, "", 0, "L", false, 0, "")
		detailW := min(95.0, f.GetStringWidth(c.Detail)+4)
		f.CellFormat(w-28-detailW, 4.4, aw.d.fit(c.Text, w-30-detailW), "", 0, "L", false, 0, "")
		f.CellFormat(detailW, 4.4, c.Detail, "", 1, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
	}
	f.Ln(2)
}
