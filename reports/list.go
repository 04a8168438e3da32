package reports

// ListSection is one part of a printed list: a heading, sentences that
// say what the table holds, and the table.
type ListSection struct {
	Heading string
	Intro   []string
	Columns []Column
	Rows    []Row
}

// List prints a list document (the manual's printed lists, the
// distribution calculator, the quote-parts): its sections one under the
// other, each table's header repeated on every page it runs onto. A list
// wider than portrait's room asks for Page.Landscape.
func List(p Page, sections []ListSection) ([]byte, error) {
	d := NewDoc(p)
	d.AddPage()
	for i, s := range sections {
		if i > 0 {
			d.pdf.Ln(2)
		}
		if s.Heading != "" {
			d.Heading(s.Heading)
		}
		for _, line := range s.Intro {
			d.Paragraph(line)
		}
		if len(s.Columns) > 0 {
			d.Table(s.Columns, s.Rows)
		}
	}
	return d.Bytes()
}
