package reports

import (
	"fmt"
	"time"
)

// Decompte is one owner's décompte individuel (owner statement) of a closed exercise:
// per section (current charges, each finished works campaign) and key, his
// shares, the key's total and net charges, his part and the provisions
// called from him; then the régularisation and his balance. Figures come
// formatted ("1 234,56 €").
type Decompte struct {
	Letter
	Title    string // "Décompte individuel de charges – exercice 2025"
	Subtitle string
	Preview  string // non-empty for a closing not posted yet: printed in red
	Opening  string // paragraphs
	Sections []DecompteSection
	Notes    []string // under the sections: sales, provisions typed by hand
	Summary  [][2]string
	// Result is the last, emphasised line: what he pays or is owed.
	ResultLabel string
	Result      string
	Bank        *BankDetails // how to pay, when he owes something
}

// DecompteSection is one part of a décompte.
type DecompteSection struct {
	Title string
	Rows  []DecompteRow
	Total DecompteRow
}

// DecompteRow is an owner's part of a section on one key.
type DecompteRow struct {
	Key        string
	Label      string
	Shares     string
	KeyTotal   string
	KeyNet     string // the key's net charges
	Part       string // his part of them
	Provisions string // provisions called from him on the key
}

var decompteColumns = []Column{
	{Title: "Clé", Width: 10},
	{Title: "Répartition"},
	{Title: "Tantièmes", Width: 20, Right: true},
	{Title: "Total clé", Width: 19, Right: true},
	{Title: "Charges nettes", Width: 28, Right: true},
	{Title: "Quote-part", Width: 24, Right: true},
	{Title: "Provisions", Width: 24, Right: true},
}

// Decomptes renders décomptes into one document for printing, and
// cuts it into one document per owner (in the same order).
func Decomptes(list []Decompte, printed time.Time) (Letters, error) {
	lw := newLetterWriter("Décomptes individuels de charges", printed)
	for i := range list {
		if err := lw.decompte(&list[i]); err != nil {
			return Letters{}, fmt.Errorf("décompte n° %d : %w", i+1, err)
		}
	}
	return lw.finish()
}

func (lw *letterWriter) decompte(s *Decompte) error {
	lw.begin(s.FootNote, s.Fingerprint)
	lw.head(&s.Letter)
	f := lw.d.pdf
	lw.title(s.Title, s.Subtitle)
	if s.Preview != "" {
		f.SetFont(family, "B", 9)
		f.SetTextColor(192, 0, 0)
		f.SetX(marginX)
		f.MultiCell(lw.d.Width(), 4.5, s.Preview, "", "L", false)
		f.SetTextColor(0, 0, 0)
		f.Ln(1)
	}
	if s.Opening != "" {
		lw.paragraphs(s.Opening, 9.5)
	}
	for _, sec := range s.Sections {
		lw.need(6 + 6 + 4.6*float64(len(sec.Rows)+1))
		f.SetX(marginX)
		f.SetFont(family, "B", 10)
		f.CellFormat(lw.d.Width(), 6, lw.d.fit(sec.Title, lw.d.Width()), "", 1, "L", false, 0, "")
		rows := make([]Row, 0, len(sec.Rows)+1)
		for _, r := range sec.Rows {
			rows = append(rows, Row{Cells: []string{r.Key, r.Label, r.Shares, r.KeyTotal, r.KeyNet, r.Part, r.Provisions}})
		}
		t := sec.Total
		rows = append(rows, Row{Cells: []string{t.Key, t.Label, t.Shares, t.KeyTotal, t.KeyNet, t.Part, t.Provisions}, Strong: true})
		lw.d.TableRows(decompteColumns, rows, 4.6)
	}
	if len(s.Notes) > 0 {
		f.SetFont(family, "", 8.5)
		for _, n := range s.Notes {
			lw.need(5)
			f.SetX(marginX)
			f.MultiCell(lw.d.Width(), 4.2, n, "", "L", false)
		}
		f.Ln(2)
	}
	pairs := append([][2]string{}, s.Summary...)
	pairs = append(pairs, [2]string{s.ResultLabel, s.Result})
	lw.amountBox(pairs)
	if s.Bank != nil {
		lw.bank(*s.Bank)
	}
	return lw.closingText(&s.Letter)
}
