package reports

import (
	"time"
)

// Reconciliation is a printed rapprochement bancaire: a bank statement
// against the books' lines of the account. Figures come formatted.
type Reconciliation struct {
	Residence string
	Account   string // 512001
	BankLabel string
	IBAN      string
	Date      string // the statement's date
	Previous  string // the previous statement's date, "" for the first
	// Opening is the bank's balance before the statement; TickedDebit and
	// TickedCredit the ticked lines (money in, money out); TickedBalance
	// their result; Statement the statement's balance; Gap the difference.
	Opening       string
	TickedDebit   string
	TickedCredit  string
	TickedBalance string
	Statement     string
	Gap           string
	Balanced      bool
	// The same seen from the books: their balance at the date, less the
	// lines not on the statement, gives the balance the bank should show.
	BookBalance       string
	UntickedDebit     string
	UntickedCredit    string
	ExpectedStatement string
	TickedLines       []ReconLine
	UntickedLines     []ReconLine
	Printed           time.Time
}

// ReconLine is a line of the bank account in the books.
type ReconLine struct {
	Date, Journal, Piece, Label, Debit, Credit string
}

var reconColumns = []Column{
	{Title: "Date", Width: 21},
	{Title: "Jnl", Width: 9},
	{Title: "Pièce", Width: 22},
	{Title: "Libellé"},
	{Title: "Débit", Width: 24, Right: true},
	{Title: "Crédit", Width: 24, Right: true},
}

// ReconciliationPDF prints a rapprochement: the balances first, then the
// lines ticked on the statement and those not on it.
func ReconciliationPDF(r Reconciliation) ([]byte, error) {
	sub := "Compte " + r.Account
	if r.BankLabel != "" {
		sub += " – " + r.BankLabel
	}
	d := NewDoc(Page{Title: "Rapprochement bancaire au " + r.Date, Subtitle: sub, Residence: r.Residence, Printed: r.Printed})
	d.AddPage()
	if r.IBAN != "" {
		d.Paragraph("IBAN " + r.IBAN)
	}

	d.Heading("Relevé de la banque")
	opening := "Solde de départ du rapprochement"
	if r.Previous != "" {
		opening = "Solde du relevé précédent (" + r.Previous + ")"
	}
	d.figures([][2]string{
		{opening, r.Opening},
		{"+ Opérations pointées au débit du compte (encaissements)", r.TickedDebit},
		{"− Opérations pointées au crédit du compte (décaissements)", r.TickedCredit},
		{"= Solde pointé", r.TickedBalance},
		{"Solde du relevé au " + r.Date, r.Statement},
	}, 3)
	gap := "Écart (solde du relevé − solde pointé)"
	if r.Balanced {
		gap += " : rapprochement équilibré"
	}
	d.figures([][2]string{{gap, r.Gap}}, 0)

	d.Heading("Vu de la comptabilité")
	d.figures([][2]string{
		{"Solde comptable au " + r.Date, r.BookBalance},
		{"− Encaissements non pointés", r.UntickedDebit},
		{"+ Décaissements non pointés", r.UntickedCredit},
		{"= Solde que la banque devrait afficher", r.ExpectedStatement},
	}, 3)

	d.Heading("Opérations pointées sur ce relevé")
	d.reconLines(r.TickedLines, r.TickedDebit, r.TickedCredit, "Aucune opération pointée.")
	d.Heading("Opérations non pointées au " + r.Date)
	d.reconLines(r.UntickedLines, r.UntickedDebit, r.UntickedCredit, "Toutes les opérations sont pointées.")
	return d.Bytes()
}

// figures prints label / amount pairs, the row at index strong in bold.
func (d *Doc) figures(rows [][2]string, strong int) {
	f := d.pdf
	w := d.Width()
	for i, r := range rows {
		style := ""
		if i == strong {
			style = "B"
		}
		f.SetFont(family, style, 9)
		f.CellFormat(w-40, lineH+0.5, d.fit(r[0], w-42), "", 0, "L", false, 0, "")
		f.CellFormat(40, lineH+0.5, r[1], "", 1, "R", false, 0, "")
	}
	f.SetFont(family, "", 9)
	f.Ln(2)
}

func (d *Doc) reconLines(lines []ReconLine, debit, credit, none string) {
	if len(lines) == 0 {
		d.Paragraph(none)
		return
	}
	rows := make([]Row, 0, len(lines)+1)
	for _, l := range lines {
		rows = append(rows, Row{Cells: []string{l.Date, l.Journal, l.Piece, l.Label, l.Debit, l.Credit}})
	}
	rows = append(rows, Row{Cells: []string{"", "", "", "Total", debit, credit}, Strong: true})
	d.Table(reconColumns, rows)
}
