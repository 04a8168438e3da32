package reports

import (
	"fmt"
	"time"
)

// Notice is one owner's avis d'appel de fonds for a due date: every call
// due that day (budget, works fund, works) with its detail per key, the
// previous balance and what to pay. Figures come formatted ("1 234,56 €").
type Notice struct {
	Letter
	Title    string // "Avis d'appel de fonds"
	Subtitle string // "Appel du 01/01/2025 – 1er trimestre 2025, du 01/01/2025 au 31/03/2025"
	Preview  bool   // a call not posted yet: printed as such
	Opening  string // paragraphs
	Sections []NoticeSection
	Total    string // all sections
	Previous string // the balance before the call, signed the owner's way
	// PreviousLabel says what Previous is ("Solde antérieur (à payer)" or
	// "(en votre faveur)").
	PreviousLabel string
	// PreviousNote says what the previous balance covers ("solde au
	// 01/01/2026, avant les appels de ce lot"), under the amounts.
	PreviousNote string
	DueLabel     string // "Montant à payer avant le 01/01/2025" or "Solde en votre faveur"
	Due          string
	Bank         BankDetails
	// Debit pre-notifies an owner with a SEPA mandate (« Montant prélevé
	// le 01/04/2026 : 312,50 € »); "" for the others.
	Debit     string
	Statement *Statement
}

// NoticeSection is one call of the notice: its rows per key.
type NoticeSection struct {
	Title string // "Budget prévisionnel – provisions sur charges courantes"
	Note  string // under the title: the AG decision of a works call
	Rows  []NoticeRow
	Total string
}

// NoticeRow is an owner's part on one key.
type NoticeRow struct {
	Key      string
	Label    string
	Shares   string // the owner's shares on the key
	KeyTotal string // the key's total shares
	Amount   string
}

var noticeColumns = []Column{
	{Title: "Clé", Width: 13},
	{Title: "Répartition"},
	{Title: "Vos tantièmes", Width: 27, Right: true},
	{Title: "Total de la clé", Width: 29, Right: true},
	{Title: "Montant", Width: 29, Right: true},
}

// Notices renders notices into one document for printing, and cuts it
// into one document per notice (in the same order).
func Notices(list []Notice, printed time.Time) (Letters, error) {
	lw := newLetterWriter("Avis d'appel de fonds", printed)
	for i := range list {
		if err := lw.notice(&list[i]); err != nil {
			return Letters{}, fmt.Errorf("avis n° %d : %w", i+1, err)
		}
	}
	return lw.finish()
}

func (lw *letterWriter) notice(n *Notice) error {
	lw.begin(n.FootNote, n.Fingerprint)
	lw.head(&n.Letter)
	f := lw.d.pdf
	lw.title(n.Title, n.Subtitle)
	if n.Preview {
		f.SetFont(family, "B", 9)
		f.SetTextColor(192, 0, 0)
		f.SetX(marginX)
		f.CellFormat(lw.d.Width(), 5, "APERÇU : cet appel n'est pas encore comptabilisé", "", 1, "L", false, 0, "")
		f.SetTextColor(0, 0, 0)
		f.Ln(1)
	}
	if n.Opening != "" {
		lw.paragraphs(n.Opening, 9.5)
	}
	for _, s := range n.Sections {
		lw.need(6 + 6 + 5*float64(len(s.Rows)+1))
		f.SetX(marginX)
		f.SetFont(family, "B", 10)
		f.CellFormat(lw.d.Width(), 6, lw.d.fit(s.Title, lw.d.Width()), "", 1, "L", false, 0, "")
		if s.Note != "" {
			lw.smallNote(s.Note)
		}
		rows := make([]Row, 0, len(s.Rows)+1)
		for _, r := range s.Rows {
			rows = append(rows, Row{Cells: []string{r.Key, r.Label, r.Shares, r.KeyTotal, r.Amount}})
		}
		if len(s.Rows) > 1 && s.Total != "" {
			rows = append(rows, Row{Cells: []string{"", "Total", "", "", s.Total}, Strong: true})
		}
		lw.d.TableRows(noticeColumns, rows, 4.6)
	}
	var pairs [][2]string
	if len(n.Sections) > 1 || n.Previous != "" {
		pairs = append(pairs, [2]string{"Total de l'appel", n.Total})
	}
	if n.Previous != "" {
		pairs = append(pairs, [2]string{n.PreviousLabel, n.Previous})
	}
	pairs = append(pairs, [2]string{n.DueLabel, n.Due})
	lw.amountBox(pairs)
	if n.PreviousNote != "" {
		lw.smallNote(n.PreviousNote)
		f.Ln(1.5)
	}
	bank := n.Bank
	if n.Debit != "" {
		// Paid by direct debit: the box says so instead of asking for a
		// transfer or a cheque.
		bank.Debit = n.Debit
	}
	lw.bank(bank)
	if err := lw.closingText(&n.Letter); err != nil {
		return err
	}
	lw.statement(n.Statement)
	return nil
}

// smallNote prints a small explanatory text across the page, wrapped.
func (lw *letterWriter) smallNote(text string) {
	f := lw.d.pdf
	f.SetFont(family, "", 8)
	f.SetTextColor(60, 60, 60)
	f.SetX(marginX)
	f.MultiCell(lw.d.Width(), 3.8, text, "", "L", false)
	f.SetTextColor(0, 0, 0)
	f.Ln(0.8)
}
