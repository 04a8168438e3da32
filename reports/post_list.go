package reports

import "time"

// PostList is the page a syndic prints to post a document by hand to the
// owners who get no e-mail (issue 19): who, where, and which document.
type PostList struct {
	Residence string
	Document  string // its title
	File      string // where its file is, to print it after this page
	Owners    [][3]string
	Printed   time.Time
}

// PostListPDF renders the list.
func PostListPDF(l PostList) ([]byte, error) {
	d := NewDoc(Page{Title: "Courriers à poster", Subtitle: l.Document, Residence: l.Residence, Printed: l.Printed})
	d.AddPage()
	d.Paragraph("Ces copropriétaires n'ont pas accepté la notification par e-mail, ou n'ont pas d'adresse : imprimez le document « " +
		l.Document + " » et postez-le à chacun.")
	if l.File != "" {
		d.Paragraph("Fichier du document : " + l.File)
	}
	rows := make([]Row, len(l.Owners))
	for i, o := range l.Owners {
		rows[i] = Row{Cells: []string{o[0], o[1], o[2]}}
	}
	d.Table([]Column{{Title: "Compte", Width: 20}, {Title: "Copropriétaire", Width: 72}, {Title: "Adresse"}}, rows)
	return d.Bytes()
}
