package reports

import (
	"fmt"
	"time"
)

// FormalNotices renders mises en demeure (loi 1965 art. 19-2): a reminder's
// layout, with the registered letter's number under the title.
func FormalNotices(list []Reminder, printed time.Time) (Letters, error) {
	lw := newLetterWriter("Mises en demeure", printed)
	for i := range list {
		if err := lw.reminder(&list[i]); err != nil {
			return Letters{}, fmt.Errorf("mise en demeure n° %d : %w", i+1, err)
		}
	}
	return lw.finish()
}

// RecoveryDossier is the file handed to the court for an injonction de
// payer (code de procédure civile art. 1405 s.): a cover page listing the
// pieces, then each piece.
type RecoveryDossier struct {
	Letter             // the cover's header and the debtor as addressee
	Title     string   // « Dossier de recouvrement – requête en injonction de payer »
	Summary   []string // paragraphs under the title: who owes what, since when
	Pieces    []string // the pieces' titles, numbered on the cover
	Statement *Statement
	Calls     []DossierCall
	CallsNote string
	Approvals []string // the AG's approvals as the books know them, one paragraph each
	Notices   []Reminder
	Service   []string // each mise en demeure's sending and receipt, one paragraph each
	Steps     []Row    // date, step, amount: the history of the recovery
}

// DossierCall is a call of funds made to the debtor.
type DossierCall struct{ Due, Piece, Label, Amount string }

// RecoveryDossiers renders a dossier as one document.
func RecoveryDossiers(d *RecoveryDossier, printed time.Time) ([]byte, error) {
	lw := newLetterWriter(d.Title, printed)
	lw.begin(d.FootNote, "")
	lw.head(&d.Letter)
	lw.title(d.Title, "")
	lw.paragraphs(joinParagraphs(d.Summary), 9.5)
	rows := make([]Row, len(d.Pieces))
	for i, p := range d.Pieces {
		rows[i] = Row{Cells: []string{fmt.Sprintf("Pièce n° %d", i+1), p}}
	}
	lw.d.TableRows([]Column{{Title: "Pièce", Width: 28}, {Title: "Contenu"}}, rows, 5)
	if len(d.Steps) > 0 {
		lw.need(20)
		lw.subheading("Historique du recouvrement")
		lw.d.TableRows([]Column{{Title: "Date", Width: 24}, {Title: "Étape"}, {Title: "Montant", Width: 28, Right: true}}, d.Steps, 4.6)
	}
	n := 0
	piece := func() string { n++; return fmt.Sprintf("Pièce n° %d – %s", n, d.Pieces[n-1]) }
	if d.Statement != nil {
		lw.begin(d.FootNote, "")
		lw.title(piece(), "")
		lw.accountTable(d.Statement.Title, statementRows(d.Statement), nil, 1)
	}
	if len(d.Calls) > 0 {
		lw.begin(d.FootNote, "")
		lw.title(piece(), "")
		crows := make([]Row, len(d.Calls))
		for i, c := range d.Calls {
			crows[i] = Row{Cells: []string{c.Due, c.Piece, c.Label, c.Amount}}
		}
		lw.d.TableRows([]Column{{Title: "Échéance", Width: 22}, {Title: "Pièce", Width: 24}, {Title: "Appel"}, {Title: "Montant", Width: 26, Right: true}}, crows, 4.6)
		if d.CallsNote != "" {
			lw.paragraphs(d.CallsNote, 8.5)
		}
	}
	if len(d.Approvals) > 0 {
		lw.begin(d.FootNote, "")
		lw.title(piece(), "")
		lw.paragraphs(joinParagraphs(d.Approvals), 9.5)
	}
	if len(d.Notices) > 0 {
		// The piece's first page says how each letter was sent and served;
		// the letters follow, each as it was printed.
		lw.begin(d.FootNote, "")
		lw.title(piece(), "")
		lw.paragraphs(joinParagraphs(d.Service), 9.5)
		for i := range d.Notices {
			if err := lw.reminder(&d.Notices[i]); err != nil {
				return nil, err
			}
		}
	}
	letters, err := lw.finish()
	if err != nil {
		return nil, err
	}
	return letters.Combined, nil
}

func (lw *letterWriter) subheading(s string) {
	f := lw.d.pdf
	f.SetX(marginX)
	f.SetFont(family, "B", 10)
	f.MultiCell(lw.d.Width(), 6, s, "", "L", false)
}

func joinParagraphs(ps []string) string {
	out := ""
	for i, p := range ps {
		if i > 0 {
			out += "\n\n"
		}
		out += p
	}
	return out
}
