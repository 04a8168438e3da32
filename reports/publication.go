package reports

import "time"

// The documents a publication adds to the owners' spaces (issue 19, seed
// 000's options): the residence's contact and bank details, and the list
// of the exercise's expenses.

// ResidenceContact is the one-page « Coordonnées de la résidence »: who the
// syndic is and where to pay.
type ResidenceContact struct {
	Residence string
	Address   []string // the residence's postal lines
	Syndic    []string // name, address lines, phone, e-mail
	Banks     []ContactBank
	Printed   time.Time
}

// ContactBank is an account owners pay into.
type ContactBank struct {
	Label, Holder, IBAN, BIC string
}

// ResidenceContactPDF prints the residence's contact sheet.
func ResidenceContactPDF(c ResidenceContact) ([]byte, error) {
	d := NewDoc(Page{Title: "Coordonnées de la résidence", Residence: c.Residence, Printed: c.Printed})
	d.AddPage()
	d.Heading(c.Residence)
	for _, l := range c.Address {
		d.Paragraph(l)
	}
	d.pdf.Ln(3)
	d.Heading("Syndic")
	for _, l := range c.Syndic {
		d.Paragraph(l)
	}
	d.pdf.Ln(3)
	d.Heading("Pour vos paiements")
	if len(c.Banks) == 0 {
		d.Paragraph("Aucun compte bancaire n'est indiqué : demandez au syndic comment payer.")
	}
	for _, b := range c.Banks {
		d.Paragraph(b.Label)
		d.Paragraph("Titulaire : " + b.Holder)
		d.Paragraph("IBAN : " + b.IBAN)
		if b.BIC != "" {
			d.Paragraph("BIC : " + b.BIC)
		}
		d.pdf.Ln(2)
	}
	d.Paragraph("Indiquez votre nom et votre numéro de compte copropriétaire dans le libellé de chaque virement.")
	return d.Bytes()
}

// ExpenseList is the exercise's expenses, account by account (seed 000:
// « Envoyer la liste des dépenses »), for the council's control (loi du
// 10 juillet 1965 art. 21) and, if the syndic chooses, every owner.
type ExpenseList struct {
	BookHead
	Accounts []ExpenseAccount
	Total    string
}

// ExpenseAccount is one charge account's lines and total.
type ExpenseAccount struct {
	Account, Label string
	Lines          []ExpenseLine
	Total          string
}

// ExpenseLine is one expense as booked.
type ExpenseLine struct {
	Date, Piece, Label, Supplier, Amount string
}

var expenseColumns = []Column{
	{Title: "Date", Width: 22, Whole: true},
	{Title: "Pièce", Width: 32, Whole: true},
	{Title: "Libellé"},
	{Title: "Fournisseur", Width: 42},
	{Title: "Montant", Width: 24, Right: true},
}

// ExpensesPDF prints the list of expenses.
func ExpensesPDF(l ExpenseList) ([]byte, error) {
	d := NewDoc(l.page("Liste des dépenses", false))
	d.AddPage()
	if len(l.Accounts) == 0 {
		d.Paragraph("Aucune dépense enregistrée sur la période.")
		return d.Bytes()
	}
	for _, a := range l.Accounts {
		d.Heading(a.Account + " – " + a.Label)
		rows := make([]Row, 0, len(a.Lines)+1)
		for _, x := range a.Lines {
			rows = append(rows, Row{Cells: []string{x.Date, x.Piece, x.Label, x.Supplier, x.Amount}})
		}
		rows = append(rows, Row{Cells: []string{"", "", "Total " + a.Account, "", a.Total}, Strong: true})
		d.Table(expenseColumns, rows)
	}
	d.Table(expenseColumns, []Row{{Cells: []string{"", "", "Total des dépenses", "", l.Total}, Strong: true}})
	return d.Bytes()
}
