package reports

import "time"

// FactSheet is a one- or two-page sheet of facts, section by section, each
// a list of labelled values: the fiche synthétique de la copropriété (loi
// 1965 art. 8-2) and the annual update of the national register (CCH
// R.711-5) print this way.
type FactSheet struct {
	Residence   string
	Title       string
	Subtitle    string // « Établie le 07/12/2026 »
	Intro       []string
	Sections    []FactSection
	Notes       []string // printed small under the sections
	Printed     time.Time
	Fingerprint string // the books' fingerprint the figures come from
}

// FactSection is one heading and its lines.
type FactSection struct {
	Heading string
	Rows    []Fact
}

// Fact is one labelled value; Strong prints the line bold (a date due, a
// total).
type Fact struct {
	Label, Value string
	Strong       bool
}

// FicheSynthetiquePDF prints the fiche synthétique de la copropriété.
func FicheSynthetiquePDF(s FactSheet) ([]byte, error) { return factSheetPDF(s) }

func factSheetPDF(s FactSheet) ([]byte, error) {
	d := NewDoc(Page{Title: s.Title, Subtitle: s.Subtitle, Residence: s.Residence, Printed: s.Printed, Fingerprint: s.Fingerprint})
	// The running head shares its line with the subtitle: a long name is
	// shortened there, printed whole under « Nom d'usage ».
	d.pdf.SetFont(family, "", 9)
	subW := d.pdf.GetStringWidth(s.Subtitle) + 4
	d.pdf.SetFont(family, "B", 9)
	d.page.Residence = d.fit(s.Residence, d.Width()-subW)
	d.AddPage()
	for _, p := range s.Intro {
		d.Paragraph(p)
	}
	for _, sec := range s.Sections {
		d.factSection(sec)
	}
	if len(s.Notes) > 0 {
		d.pdf.Ln(2)
		for _, n := range s.Notes {
			d.pdf.SetFont(family, "", 7.5)
			d.pdf.SetTextColor(70, 70, 70)
			d.pdf.MultiCell(d.Width(), 3.6, n, "", "L", false)
			d.pdf.Ln(0.8)
		}
		d.pdf.SetTextColor(0, 0, 0)
	}
	return d.Bytes()
}

// factSection prints a heading and its lines: the label on the left, the
// value on the right, both wrapping (a residence's name or an address is
// never cut); a section is not split from its first line.
func (d *Doc) factSection(sec FactSection) {
	f := d.pdf
	const size, lh, pad = 9.0, 4.0, 0.6
	w := d.Width()
	labelW := w * 0.52
	valueW := w - labelW
	_, pageH := f.GetPageSize()
	_, _, _, bottom := f.GetMargins()
	limit := pageH - bottom
	if f.GetY()+8+lh+2*pad > limit {
		f.AddPage()
	}
	f.Ln(1.5)
	f.SetFont(family, "B", 10.5)
	f.SetFillColor(232, 236, 242)
	f.CellFormat(w, 6.2, " "+sec.Heading, "", 1, "L", true, 0, "")
	for _, r := range sec.Rows {
		style := ""
		if r.Strong {
			style = "B"
		}
		f.SetFont(family, style, size)
		labels := d.wrap(r.Label, labelW-2*pad)
		values := d.wrap(r.Value, valueW-2*pad)
		n := max(len(labels), len(values), 1)
		h := lh*float64(n) + 2*pad
		if f.GetY()+h > limit {
			f.AddPage()
		}
		x0, y0 := marginX, f.GetY()
		for i, l := range labels {
			f.SetXY(x0+pad, y0+pad+lh*float64(i))
			f.CellFormat(labelW-2*pad, lh, l, "", 0, "L", false, 0, "")
		}
		for i, v := range values {
			f.SetXY(x0+labelW+pad, y0+pad+lh*float64(i))
			f.CellFormat(valueW-2*pad, lh, v, "", 0, "L", false, 0, "")
		}
		f.SetDrawColor(200, 200, 200)
		f.Line(x0, y0+h, x0+w, y0+h)
		f.SetDrawColor(0, 0, 0)
		f.SetXY(x0, y0+h)
	}
	f.SetFont(family, "", 9)
	f.Ln(1)
}
