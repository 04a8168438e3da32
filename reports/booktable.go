package reports

import (
	"strings"

	"tantieme/internal/fr"
)

// bookRow is a row of a book table: formatted cells, and the amounts it
// adds to the totals carried from page to page.
type bookRow struct {
	cells  []string
	sums   []int64 // one per carried column; nil: the row adds nothing (totals, openings)
	strong bool
	// keep asks that this row and the keep-1 rows after it print on one
	// page when they fit on one: an entry's lines are read together.
	keep int
	rule bool // a line under the row: the end of an entry
}

// bookTable prints the tables of the statutory books: a caption reprinted
// "(suite)" on every page the table runs onto, the column header repeated,
// and, for the columns it carries, the "À reporter" total at the foot of a
// page and the "Report" at the top of the next, as paper ledgers do.
type bookTable struct {
	d        *Doc
	cols     []Column
	widths   []float64
	carry    []int // indexes of the carried columns
	labelCol int   // the column "À reporter" and "Report" are written in
	rowH     float64
	caption  string
	totals   []int64
	started  bool
	// pending: begin was called but the caption and header wait for the
	// section's first rows, so that they go to the next page with them
	// when the first entry does not fit (never a heading alone at the foot
	// of a page over an « À reporter 0,00 »).
	pending bool
	minRows int
}

const bookFont = 8.0

func newBookTable(d *Doc, cols []Column, carry []int, labelCol int) *bookTable {
	return &bookTable{d: d, cols: cols, widths: d.columnWidths(cols), carry: carry, labelCol: labelCol, rowH: 4.6}
}

// limit is the lowest y a row may end at.
func (t *bookTable) limit() float64 {
	_, pageH := t.d.pdf.GetPageSize()
	_, _, _, bottom := t.d.pdf.GetMargins()
	return pageH - bottom
}

// begin starts a section: its caption, the header, and room for at least
// minRows rows below them (else the section starts on the next page).
func (t *bookTable) begin(caption string, minRows int) {
	t.caption = caption
	t.totals = make([]int64, len(t.carry))
	t.pending, t.minRows = true, minRows
}

// open prints the section's caption and header, on the next page when
// they and the first group (or minRows rows) would not fit on this one.
func (t *bookTable) open(first float64) {
	if !t.pending {
		return
	}
	t.pending = false
	need := 6.0 + max(t.rowH*float64(t.minRows), first) + t.carryH()
	if t.caption != "" {
		need += 7
	}
	if t.d.pdf.GetY()+need > t.limit() {
		t.d.pdf.AddPage()
	}
	t.head(false)
	t.started = true
}

func (t *bookTable) head(cont bool) {
	f := t.d.pdf
	if t.caption != "" {
		f.SetFont(family, "B", 10)
		text := t.caption
		if cont {
			text += " (suite)"
		}
		for _, l := range t.d.wrap(text, t.d.Width()) {
			f.CellFormat(t.d.Width(), 7, l, "", 1, "L", false, 0, "")
		}
	}
	t.header()
}

// header prints the column titles, in a smaller font for a title that
// would not fit its column ("Solde créditeur" over an amount).
func (t *bookTable) header() {
	f := t.d.pdf
	f.SetFillColor(31, 78, 121)
	f.SetTextColor(255, 255, 255)
	for i, c := range t.cols {
		t.d.fitSize(c.Title, "B", 8.5, 6.5, t.widths[i]-2)
		align := "L"
		if c.Right {
			align = "R"
		}
		f.CellFormat(t.widths[i], 6, t.d.fit(c.Title, t.widths[i]-2), "", 0, align, true, 0, "")
	}
	f.Ln(-1)
	f.SetTextColor(0, 0, 0)
}

// carryH is the room the "À reporter" row needs at the foot of a page.
func (t *bookTable) carryH() float64 {
	if len(t.carry) == 0 {
		return 0
	}
	return t.rowH
}

// add prints rows, breaking pages so that no row is split, groups are kept
// together when they fit on a page, and carried totals are right. Each
// row is laid out once (layout measures every cell: it was three times,
// for its own height, its group's and its printing, a third of a
// 4,000-page grand livre's time).
func (t *bookTable) add(rows []bookRow) {
	f := t.d.pdf
	_, top, _, _ := f.GetMargins()
	// The height a page offers to rows under the repeated header, caption
	// and report row: a group taller than that is split anyway.
	page := t.limit() - top - 15 - 13 - 2*t.rowH
	laid := make([]laidRow, len(rows))
	lay := func(i int) laidRow {
		if laid[i].cells == nil {
			laid[i].cells, laid[i].h = t.layout(rows[i])
		}
		return laid[i]
	}
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		need := lay(i).h
		if r.keep > 1 {
			group := 0.0
			for g := i; g < min(i+r.keep, len(rows)); g++ {
				group += lay(g).h
			}
			if group <= page {
				need = group
			}
		}
		t.open(need)
		if f.GetY()+need+t.carryH() > t.limit() {
			t.pageBreak()
		}
		t.printLaid(r, laid[i])
	}
}

// laidRow is a row's cells as layout wraps them, and its height.
type laidRow struct {
	cells []cellText
	h     float64
}

func (t *bookTable) pageBreak() {
	if len(t.carry) > 0 {
		t.print(t.carried("À reporter"))
	}
	t.d.pdf.AddPage()
	t.head(true)
	if len(t.carry) > 0 {
		t.print(t.carried("Report"))
	}
}

func (t *bookTable) carried(label string) bookRow {
	cells := make([]string, len(t.cols))
	cells[t.labelCol] = label
	for i, c := range t.carry {
		cells[c] = fr.Money(t.totals[i])
	}
	return bookRow{cells: cells, strong: true}
}

// lineStep is the distance between the lines of a wrapped cell.
const lineStep = 3.4

// minWholeFont is the smallest size a whole text (amount, piece) shrinks
// to before it wraps anyway: still legible on paper.
const minWholeFont = 6.0

// cellText is a cell as printed: its lines and font size.
type cellText struct {
	lines []string
	size  float64
}

// layout wraps each cell of r in its column: texts are never cut (the
// books are read, and kept, as evidence), the row grows instead. Amounts
// and piece references shrink to stay on one line first.
func (t *bookTable) layout(r bookRow) ([]cellText, float64) {
	style := ""
	if r.strong {
		style = "B"
	}
	out := make([]cellText, len(t.cols))
	n := 1
	// One SetFont for the row, not one per cell: fpdf writes a font
	// operator into the page at each call, measuring included, and those
	// were most of a big book's page content and of its compression.
	t.d.pdf.SetFont(family, style, bookFont)
	for i, c := range t.cols {
		text := ""
		if i < len(r.cells) {
			text = r.cells[i]
		}
		w := t.widths[i] - 2
		size := bookFont
		if (c.Right || c.Whole) && t.d.pdf.GetStringWidth(text) > w {
			size = t.d.fitSize(text, style, bookFont, minWholeFont, w)
		}
		lines := []string{text}
		if t.d.pdf.GetStringWidth(text) > w || strings.Contains(text, "\n") {
			lines = t.d.wrap(text, w)
		}
		if size != bookFont {
			t.d.pdf.SetFont(family, style, bookFont)
		}
		if len(lines) == 0 {
			lines = []string{""}
		}
		out[i] = cellText{lines: lines, size: size}
		n = max(n, len(lines))
	}
	return out, t.rowH + float64(n-1)*lineStep
}

// height is the room row r takes.
func (t *bookTable) height(r bookRow) float64 {
	_, h := t.layout(r)
	return h
}

func (t *bookTable) print(r bookRow) {
	var l laidRow
	l.cells, l.h = t.layout(r)
	t.printLaid(r, l)
}

// printLaid prints row r as layout laid it out.
func (t *bookTable) printLaid(r bookRow, laid laidRow) {
	f := t.d.pdf
	for i, v := range r.sums {
		if i < len(t.totals) {
			t.totals[i] += v
		}
	}
	cells, h := laid.cells, laid.h
	style, fill := "", false
	if r.strong {
		style, fill = "B", true
		f.SetFillColor(235, 235, 235)
	}
	border := ""
	if r.rule || r.strong {
		border = "B"
	}
	// The row's font, set once; a cell shrunk by layout sets its own size
	// and puts the row's back (a page break may have come between the
	// layout and the printing, with the header's fonts).
	f.SetFont(family, style, bookFont)
	x0, y0 := f.GetX(), f.GetY()
	x := x0
	for i, c := range t.cols {
		// The frame (fill and rule) spans the row's full height; the
		// lines are written in it from the top.
		f.SetXY(x, y0)
		f.CellFormat(t.widths[i], h, "", border, 0, "", fill, 0, "")
		align := "L"
		if c.Right {
			align = "R"
		}
		if cells[i].size != bookFont {
			f.SetFont(family, style, cells[i].size)
		}
		for k, l := range cells[i].lines {
			f.SetXY(x, y0+float64(k)*lineStep)
			f.CellFormat(t.widths[i], t.rowH, l, "", 0, align, false, 0, "")
		}
		if cells[i].size != bookFont {
			f.SetFont(family, style, bookFont)
		}
		x += t.widths[i]
	}
	f.SetXY(x0, y0+h)
}

// total prints a closing row (a grand total) under the last table, on the
// same page when it fits, without a header of its own.
func (t *bookTable) total(r bookRow) {
	if t.d.pdf.GetY()+t.height(r) > t.limit() {
		t.d.pdf.AddPage()
		t.caption = ""
		t.head(false)
	}
	t.carry, t.totals = nil, nil
	t.print(r)
	t.end()
}

// end closes a section with a little space.
func (t *bookTable) end() {
	t.open(0) // a section without rows still shows its caption and header
	t.d.pdf.SetFont(family, "", 9)
	t.d.pdf.Ln(3)
}
