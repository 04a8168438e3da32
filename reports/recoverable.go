package reports

import (
	"fmt"
	"time"
)

// Recoverable is a landlord's statement of recoverable charges, as a
// letter: per lot and per key, his lot's share of each charge he may
// recover from his tenant.
type Recoverable struct {
	Letter
	Title, Subtitle string
	Opening         string // paragraphs
	Lots            []RecoverableLot
	Notes           []string
	Total           string
}

// RecoverableLot is one lot of the statement.
type RecoverableLot struct {
	Lot   string
	Title string // « Lot 1 – Appartement »
	Keys  []RecoverableKey
	Total string
}

// RecoverableKey is the lot's part of one key.
type RecoverableKey struct {
	Title string // « Clé 001 Charges générales : 400 / 1 000 tantièmes »
	Rows  []RecoverableRow
	Total string
}

// RecoverableRow is one charge line.
type RecoverableRow struct {
	Date, Label, Amount, Percent, Recoverable, Part string
}

// The label wraps; the figures keep to their columns, as narrow as
// « -99 999,99 » allows.
var recoverableColumns = []Column{
	{Title: "Date", Width: 20}, {Title: "Dépense"},
	{Title: "TTC", Width: 22, Right: true}, {Title: "Taux", Width: 14, Right: true},
	{Title: "Récupérable", Width: 27, Right: true}, {Title: "Part du lot", Width: 25, Right: true},
}

// RecoverableStatements renders statements into one document for
// printing, and cuts it into one document per landlord (in order).
func RecoverableStatements(list []Recoverable, printed time.Time) (Letters, error) {
	lw := newLetterWriter("Relevés des charges récupérables", printed)
	for i := range list {
		if err := lw.recoverable(&list[i]); err != nil {
			return Letters{}, fmt.Errorf("relevé n° %d : %w", i+1, err)
		}
	}
	return lw.finish()
}

func (lw *letterWriter) recoverable(s *Recoverable) error {
	lw.begin(s.FootNote, s.Fingerprint)
	lw.head(&s.Letter)
	f := lw.d.pdf
	lw.title(s.Title, s.Subtitle)
	if s.Opening != "" {
		lw.paragraphs(s.Opening, 9.5)
	}
	for _, lot := range s.Lots {
		lw.need(7 + 6 + 6 + 3*4.4)
		f.SetX(marginX)
		f.SetFont(family, "B", 10.5)
		f.MultiCell(lw.d.Width(), 7, lot.Title, "", "L", false)
		for _, k := range lot.Keys {
			lw.need(6 + 6 + 2*4.4)
			f.SetX(marginX)
			f.SetFont(family, "B", 9)
			f.MultiCell(lw.d.Width(), 6, k.Title, "", "L", false)
			rows := make([]Row, 0, len(k.Rows)+1)
			for _, r := range k.Rows {
				rows = append(rows, Row{Cells: []string{r.Date, r.Label, r.Amount, r.Percent, r.Recoverable, r.Part}})
			}
			rows = append(rows, Row{Cells: []string{"", "Total de la clé", "", "", "", k.Total}, Strong: true})
			lw.rowsWrapped(recoverableColumns, rows, 4.4, 1, 0)
		}
		lw.amountBox([][2]string{{"Lot " + lot.Lot + " : charges récupérables", lot.Total}})
	}
	lw.notes(s.Notes)
	lw.amountBox([][2]string{{"Total de la période", s.Total}})
	return lw.closingText(&s.Letter)
}
