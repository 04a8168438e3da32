package reports

import (
	"fmt"
	"strings"
	"time"

	"tantieme/internal/fr"
)

// LabelSheet is a run of address labels on A4 sheets of 7 rows, in 2 or 3
// columns: the 99,1 × 38,1 mm and 63,5 × 38,1 mm labels sold everywhere
// (Avery L7163 and L7160 and their equivalents, the "96 × 38" and
// "63 × 38" of Val Compta's manual).
type LabelSheet struct {
	Columns int // 2 or 3
	Labels  []Label
	Title   string // the PDF's title ("Étiquettes des copropriétaires")
	Printed time.Time
}

// Label is one address: the name first, then the postal lines.
type Label struct {
	Name  string
	Lines []string
}

// labelGeometry is where the labels sit on the sheet, in millimetres.
type labelGeometry struct {
	cols         int
	left, top    float64
	width, h     float64
	pitchX       float64
	padX, padTop float64
}

const labelRows = 7

func geometry(cols int) (labelGeometry, error) {
	switch cols {
	case 2:
		return labelGeometry{cols: 2, left: 4.65, top: 15.15, width: 99.1, h: 38.1, pitchX: 101.6, padX: 5, padTop: 3}, nil
	case 3:
		return labelGeometry{cols: 3, left: 7.25, top: 15.15, width: 63.5, h: 38.1, pitchX: 66.04, padX: 4, padTop: 3}, nil
	}
	return labelGeometry{}, fmt.Errorf("planche de %d colonnes : 2 ou 3 colonnes seulement", cols)
}

// LabelsPerSheet is how many labels a sheet of cols columns holds.
func LabelsPerSheet(cols int) int { return cols * labelRows }

// LabelsPDF prints the labels, row by row, 7 rows per sheet. Nothing else
// is printed on the sheets (no header, no page number: the sheet is cut
// into labels). Long names and addresses are set in a smaller font, then
// wrapped, so that they are never cut.
func LabelsPDF(s LabelSheet) ([]byte, error) {
	g, err := geometry(s.Columns)
	if err != nil {
		return nil, err
	}
	title := s.Title
	if title == "" {
		title = "Étiquettes"
	}
	d := NewDoc(Page{Title: title, NoHeader: true, Printed: s.Printed})
	f := d.pdf
	f.SetFooterFunc(func() {})
	f.SetAutoPageBreak(false, 0)
	if len(s.Labels) == 0 {
		f.AddPage()
		return d.Bytes()
	}
	per := LabelsPerSheet(g.cols)
	for i, l := range s.Labels {
		if i%per == 0 {
			f.AddPage()
		}
		n := i % per
		x := g.left + float64(n%g.cols)*g.pitchX
		y := g.top + float64(n/g.cols)*g.h
		d.label(g, x, y, l)
	}
	return d.Bytes()
}

// label prints one address inside its label, centred vertically.
func (d *Doc) label(g labelGeometry, x, y float64, l Label) {
	f := d.pdf
	w := g.width - 2*g.padX
	room := g.h - 2*g.padTop
	// Sizes from the largest down until the whole address holds.
	type block struct {
		size, lineH float64
		lines       []string
	}
	var name, body block
	// Wide labels (2 columns) take a larger font. A name reads best on one
	// line: a font down to 8 pt keeps it there, a longer one wraps.
	big := 0.0
	if g.width > 90 {
		big = 1
	}
	start := 9.0 + big
	f.SetFont(family, "B", 8)
	if f.GetStringWidth(l.Name) <= w {
		start = d.fitSize(l.Name, "B", 10+big, 8, w)
	}
	// The same for the address lines, down to 7.5 pt.
	bodyStart := 8.5
	for size := 9.0 + big; size >= 7.5; size -= 0.5 {
		f.SetFont(family, "", size)
		fits := true
		for _, s := range l.Lines {
			fits = fits && f.GetStringWidth(strings.TrimSpace(s)) <= w
		}
		if fits {
			bodyStart = size
			break
		}
	}
	for step := 0; ; step++ {
		nameSize := start - 0.5*float64(step)
		bodySize := bodyStart - 0.5*float64(step)
		f.SetFont(family, "B", nameSize)
		name = block{nameSize, nameSize * 0.3528 * 1.25, d.wrap(l.Name, w)}
		f.SetFont(family, "", bodySize)
		var lines []string
		for _, s := range l.Lines {
			if strings.TrimSpace(s) != "" {
				lines = append(lines, d.wrap(s, w)...)
			}
		}
		body = block{bodySize, bodySize * 0.3528 * 1.25, lines}
		total := name.lineH*float64(len(name.lines)) + 1 + body.lineH*float64(len(body.lines))
		if total <= room || bodySize <= 6 {
			break
		}
	}
	total := name.lineH*float64(len(name.lines)) + 1 + body.lineH*float64(len(body.lines))
	cy := y + g.padTop + max(0, (room-total)/2)
	f.SetFont(family, "B", name.size)
	for _, s := range name.lines {
		f.SetXY(x+g.padX, cy)
		f.CellFormat(w, name.lineH, s, "", 0, "L", false, 0, "")
		cy += name.lineH
	}
	cy++
	f.SetFont(family, "", body.size)
	for _, s := range body.lines {
		f.SetXY(x+g.padX, cy)
		f.CellFormat(w, body.lineH, s, "", 0, "L", false, 0, "")
		cy += body.lineH
	}
}

// CouncilList is the list of the members of the conseil syndical.
type CouncilList struct {
	Residence string
	Date      string // "au 12/06/2025"
	Members   []CouncilMember
	Printed   time.Time
}

// CouncilMember is one member with how to reach him.
type CouncilMember struct {
	Account string
	Name    string
	Address []string
	Phones  string // "04 65 71 20 14 – 06 39 98 20 14"
	Email   string
	Lots    string // "001, 016"
}

var councilCols = []Column{
	{Title: "Membre", Width: 48},
	{Title: "Adresse", Width: 46},
	{Title: "Téléphone", Width: 26},
	{Title: "Courriel", Width: 44},
	{Title: "Lots", Width: 16},
}

// CouncilPDF prints the council list: every cell wraps rather than being
// shortened, since a name or an e-mail address cut off is useless.
func CouncilPDF(c CouncilList) ([]byte, error) {
	d := NewDoc(Page{Title: "Membres du conseil syndical", Subtitle: c.Date, Residence: c.Residence, Printed: c.Printed})
	d.AddPage()
	if len(c.Members) == 0 {
		d.Paragraph("Aucun copropriétaire n'est indiqué comme membre du conseil syndical (case « Conseil syndical » de la fiche).")
		return d.Bytes()
	}
	rows := make([][]string, len(c.Members))
	for i, m := range c.Members {
		rows[i] = []string{m.Name + "\n" + m.Account, strings.Join(m.Address, "\n"), strings.ReplaceAll(m.Phones, " – ", "\n"), m.Email, m.Lots}
	}
	d.wrapTable(councilCols, rows, []int{0})
	d.Paragraph(fr.Count(len(c.Members), "membre", "membres") + " du conseil syndical.")
	return d.Bytes()
}

// wrapTable prints rows whose cells wrap onto as many lines as they need;
// the first line of the columns in bold is printed bold. A row never splits
// across pages; the header is repeated on each page.
func (d *Doc) wrapTable(cols []Column, rows [][]string, bold []int) {
	f := d.pdf
	widths := d.columnWidths(cols)
	const size, lh, pad = 8.5, 4.0, 1.2
	isBold := map[int]bool{}
	for _, b := range bold {
		isBold[b] = true
	}
	_, pageH := f.GetPageSize()
	_, _, _, bottom := f.GetMargins()
	limit := pageH - bottom
	d.tableHeader(cols, widths)
	for _, r := range rows {
		cells := make([][]string, len(cols))
		styles := make([][]string, len(cols))
		height := 0.0
		for i := range cols {
			if i >= len(r) {
				continue
			}
			for j, para := range strings.Split(r[i], "\n") {
				style := ""
				if j == 0 && isBold[i] {
					style = "B"
				}
				f.SetFont(family, style, size)
				for _, l := range d.wrap(para, widths[i]-2*pad) {
					cells[i] = append(cells[i], l)
					styles[i] = append(styles[i], style)
				}
			}
			height = max(height, lh*float64(len(cells[i]))+2*pad)
		}
		if f.GetY()+height > limit {
			f.AddPage()
			d.tableHeader(cols, widths)
		}
		x0, y0 := f.GetX(), f.GetY()
		x := x0
		for i := range cols {
			for j, l := range cells[i] {
				f.SetFont(family, styles[i][j], size)
				f.SetXY(x+pad, y0+pad+lh*float64(j))
				f.CellFormat(widths[i]-2*pad, lh, l, "", 0, "L", false, 0, "")
			}
			x += widths[i]
		}
		f.Line(x0, y0+height, x, y0+height)
		f.SetXY(x0, y0+height)
	}
	f.SetFont(family, "", 9)
	f.Ln(3)
}
