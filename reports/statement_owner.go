package reports

import (
	"fmt"
	"strings"
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
	// Account is the owner's account over the exercise, from the balance
	// brought forward through each call and payment to the balance before
	// the distribution, the régularisation and the balance after it: what
	// lets him go from what he was asked to what he owes.
	AccountTitle string
	Account      []AccountRow
	AccountNotes []string
	Summary      [][2]string
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
		f.MultiCell(lw.d.Width(), 6, sec.Title, "", "L", false)
		rows := make([]Row, 0, len(sec.Rows)+1)
		for _, r := range sec.Rows {
			rows = append(rows, Row{Cells: []string{r.Key, r.Label, r.Shares, r.KeyTotal, r.KeyNet, r.Part, r.Provisions}})
		}
		t := sec.Total
		rows = append(rows, Row{Cells: []string{t.Key, t.Label, t.Shares, t.KeyTotal, t.KeyNet, t.Part, t.Provisions}, Strong: true})
		lw.rowsWrapped(decompteColumns, rows, 4.6, 2, 0)
	}
	lw.notes(s.Notes)
	// The balance before the distribution, the régularisation and the
	// balance after it stay together, with the notes.
	lw.accountTable(s.AccountTitle, s.Account, s.AccountNotes, 3)
	pairs := append([][2]string{}, s.Summary...)
	pairs = append(pairs, [2]string{s.ResultLabel, s.Result})
	// The result, how to pay and the closing words go together: a page
	// holding only the closing words would read as a letter of its own.
	lw.need(lw.decompteTail(len(pairs), s.Bank != nil, &s.Letter))
	lw.amountBox(pairs)
	if s.Bank != nil {
		lw.bank(*s.Bank)
	}
	return lw.closingText(&s.Letter)
}

// decompteTail is the height of the end of a décompte: the summary box of
// n lines, the bank details, the closing words and the signature (the
// sizes amountBox, bank, closingText and signature print them at).
func (lw *letterWriter) decompteTail(n int, bank bool, l *Letter) float64 {
	h := 5.5*float64(n-1) + 7 + 3 + 4
	if bank {
		h += 6 + 4.4*4 + 4
	}
	if c := strings.TrimSpace(l.Closing); c != "" {
		lw.d.pdf.SetFont(family, "", 9)
		for _, p := range strings.Split(c, "\n\n") {
			h += 9*0.45*float64(len(lw.d.wrap(strings.TrimSpace(p), lw.d.Width()))) + 1.8
		}
		h += 2
	}
	if len(l.Signature) > 0 {
		h += 22
	}
	return h
}
