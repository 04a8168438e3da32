package reports

// EtatDate is an état daté or a pre-sale information sheet (décret 1967
// art. 5; loi 1965 art. 46), as the app laid it out: who and what is sold,
// the three totals, then each part, and the syndic's signature block.
type EtatDate struct {
	Page     Page
	Head     []string    // seller, lots, date: one paragraph each
	Summary  [][2]string // the parts' totals, label and amount
	Sections []ListSection
	Closing  []string // the certification and the signature line
}

// EtatDatePDF renders an état daté.
func EtatDatePDF(e EtatDate) ([]byte, error) {
	d := NewDoc(e.Page)
	d.AddPage()
	for _, p := range e.Head {
		d.Paragraph(p)
	}
	if len(e.Summary) > 0 {
		d.pdf.Ln(1)
		d.figures(e.Summary, -1)
		d.pdf.Ln(2)
	}
	for i, s := range e.Sections {
		if i > 0 {
			d.pdf.Ln(2)
		}
		if s.Heading != "" {
			d.needRoom(20)
			d.Heading(s.Heading)
		}
		for _, line := range s.Intro {
			d.Paragraph(line)
		}
		if len(s.Columns) > 0 && len(s.Rows) > 0 {
			d.Table(s.Columns, s.Rows)
		}
	}
	if len(e.Closing) > 0 {
		d.pdf.Ln(4)
		d.needRoom(30)
		for _, p := range e.Closing {
			d.Paragraph(p)
		}
	}
	return d.Bytes()
}

// needRoom starts a new page when less than h millimetres are left, so a
// heading never stands alone at the foot of a page.
func (d *Doc) needRoom(h float64) {
	_, ph := d.pdf.GetPageSize()
	if d.pdf.GetY()+h > ph-footerH-10 {
		d.AddPage()
	}
}
