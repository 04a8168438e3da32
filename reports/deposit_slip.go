package reports

import (
	"fmt"
	"strings"
	"time"
)

// DepositSlip is a bordereau de remise: the cheques, or the cash and other
// payments, handed to the bank on a day, with the account they are
// credited to. Figures come formatted ("1 234,56").
type DepositSlip struct {
	// Title heads the page: "Bordereau de remise de chèques" when empty.
	Title string
	// Payments: a slip of payments other than cheques (cash taken to the
	// bank), printed without cheque number, drawer or bank, counted in
	// « règlements ».
	Payments  bool
	Residence string // printed in the page header
	Holder    string // account holder: "Syndicat des copropriétaires …"
	Address   string // the residence's address, one line
	Number    string // the deposit's number
	Date      string // deposit date, "15/02/2025"
	BankLabel string
	Account   string // ledger account, 512001
	IBAN      string
	BIC       string
	Cheques   []SlipCheque
	Count     int
	Total     string // "1 234,56 €"
	Printed   time.Time
}

// SlipCheque is one cheque of a deposit slip.
type SlipCheque struct {
	Received string // the day it was received
	Owner    string // the copropriétaire it pays for
	Drawer   string // who signed it
	Bank     string // the drawer's bank
	Number   string
	Mode     string // "espèces", on a slip of Payments
	Amount   string // "300,00"
}

// The owner and the drawer share a column: they are the same person on most
// cheques, and a column each left both names cut short on an A4 page. A
// drawer who is not the owner, and a long bank name, go on a second line
// of the cheque's row rather than being cut.
var slipColumns = []Column{
	{Title: "N°", Width: 8, Right: true},
	{Title: "Reçu le", Width: 21},
	{Title: "Copropriétaire / tireur"},
	{Title: "Banque du tireur", Width: 36},
	{Title: "N° de chèque", Width: 26},
	{Title: "Montant", Width: 24, Right: true},
}

// paymentColumns are a slip of payments': no cheque, so no drawer, bank or
// number; the mode says how each was paid.
var paymentColumns = []Column{
	{Title: "N°", Width: 8, Right: true},
	{Title: "Reçu le", Width: 24},
	{Title: "Copropriétaire"},
	{Title: "Mode", Width: 30},
	{Title: "Montant", Width: 28, Right: true},
}

func (s DepositSlip) title() string {
	if s.Title != "" {
		return s.Title
	}
	return "Bordereau de remise de chèques"
}

// columns and rows of the slip's kind.
func (s DepositSlip) columns() []Column {
	if s.Payments {
		return paymentColumns
	}
	return slipColumns
}

func (s DepositSlip) row(i int, c SlipCheque) [][]string {
	if s.Payments {
		return [][]string{{fmt.Sprint(i + 1)}, {c.Received}, {c.Owner}, {c.Mode}, {c.Amount}}
	}
	return [][]string{{fmt.Sprint(i + 1)}, {c.Received}, {c.Owner}, {c.Bank}, {c.Number}, {c.Amount}}
}

func (s DepositSlip) count() string {
	noun := "chèque"
	if s.Payments {
		noun = "règlement"
	}
	if s.Count > 1 {
		noun += "s"
	}
	return fmt.Sprintf("%d %s", s.Count, noun)
}

// DepositSlipPDF prints one deposit slip.
func DepositSlipPDF(s DepositSlip) ([]byte, error) { return DepositSlipsPDF([]DepositSlip{s}) }

// DepositSlipsPDF prints deposit slips, each starting on its own page.
func DepositSlipsPDF(slips []DepositSlip) ([]byte, error) {
	if len(slips) == 0 {
		return nil, fmt.Errorf("aucun bordereau")
	}
	first := slips[0]
	d := NewDoc(Page{Title: first.title(), Residence: first.Residence, Printed: first.Printed})
	for _, s := range slips {
		d.page.Title = s.title()
		d.page.Subtitle = "Remise n° " + s.Number + " du " + s.Date
		d.page.Residence = s.Residence
		d.AddPage()
		d.depositSlip(s)
	}
	return d.Bytes()
}

func (d *Doc) depositSlip(s DepositSlip) {
	f := d.pdf
	label := func(k, v string) {
		if v == "" {
			return
		}
		f.SetFont(family, "", 9)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(42, lineH+0.5, k, "", 0, "L", false, 0, "")
		f.SetTextColor(0, 0, 0)
		f.SetFont(family, "B", 9.5)
		f.CellFormat(d.Width()-42, lineH+0.5, d.fit(v, d.Width()-44), "", 1, "L", false, 0, "")
	}
	label("Titulaire du compte", s.Holder)
	label("Adresse", s.Address)
	bank := s.BankLabel
	if s.Account != "" {
		if bank != "" {
			bank += " "
		}
		bank += "(compte " + s.Account + ")"
	}
	label("Compte à créditer", bank)
	label("IBAN", s.IBAN)
	label("BIC", s.BIC)
	label("Date de remise", s.Date)
	label("Remise n°", s.Number)
	f.Ln(3)

	d.slipTable(s)

	// The signature box stays whole on one page.
	_, pageH := f.GetPageSize()
	if f.GetY()+32 > pageH-footerH-4 {
		f.AddPage()
	}
	f.Ln(4)
	w := d.Width()/2 - 3
	y := f.GetY()
	f.SetFont(family, "", 9)
	f.Rect(marginX, y, w, 26, "D")
	f.Rect(marginX+w+6, y, w, 26, "D")
	f.SetXY(marginX+2, y+2)
	f.CellFormat(w-4, lineH, "Signature du remettant", "", 0, "L", false, 0, "")
	f.SetXY(marginX+w+8, y+2)
	f.CellFormat(w-4, lineH, "Cachet de la banque", "", 0, "L", false, 0, "")
	f.SetY(y + 28)
}

// slipTable prints the cheques, one row each, on two lines when the drawer
// is not the owner or the bank's name is long; the header is repeated on
// every page the list runs onto. A slip of payments has its own columns.
func (d *Doc) slipTable(s DepositSlip) {
	f := d.pdf
	cols := s.columns()
	widths := d.columnWidths(cols)
	_, pageH := f.GetPageSize()
	_, _, _, bottom := f.GetMargins()
	limit := pageH - bottom
	d.tableHeader(cols, widths)
	const small = 7.5
	for i, c := range s.Cheques {
		f.SetFont(family, "", 8.5)
		cells := s.row(i, c)
		if !s.Payments && c.Drawer != "" && !strings.EqualFold(strings.TrimSpace(c.Drawer), strings.TrimSpace(c.Owner)) {
			cells[2] = append(cells[2], "tireur : "+c.Drawer)
		}
		if bank := f.SplitText(c.Bank, widths[3]-2); !s.Payments && len(bank) > 1 {
			cells[3] = []string{bank[0], strings.Join(bank[1:], " ")}
		}
		n := 1
		for _, cell := range cells {
			n = max(n, len(cell))
		}
		h := float64(n) * lineH
		if f.GetY()+h > limit {
			f.AddPage()
			d.tableHeader(cols, widths) // leaves the header's bold font
			f.SetFont(family, "", 8.5)
		}
		x, y := f.GetX(), f.GetY()
		for k, col := range cols {
			align := "L"
			if col.Right {
				align = "R"
			}
			for j, text := range cells[k] {
				f.SetXY(x, y+float64(j)*lineH)
				if j > 0 {
					f.SetFont(family, "", small)
					f.SetTextColor(90, 90, 90)
				}
				f.CellFormat(widths[k], lineH, d.fit(text, widths[k]-2), "", 0, align, false, 0, "")
				f.SetFont(family, "", 8.5)
				f.SetTextColor(0, 0, 0)
			}
			x += widths[k]
		}
		f.Line(marginX, y+h, marginX+d.Width(), y+h)
		f.SetXY(marginX, y+h)
	}
	if f.GetY()+lineH > limit {
		f.AddPage()
		d.tableHeader(cols, widths)
	}
	f.SetFont(family, "B", 8.5)
	f.SetFillColor(235, 235, 235)
	total := make([]string, len(cols))
	total[2], total[len(cols)-1] = "Total : "+s.count(), s.Total
	for k, col := range cols {
		align := "L"
		if col.Right {
			align = "R"
		}
		f.CellFormat(widths[k], lineH, d.fit(total[k], widths[k]-2), "B", 0, align, true, 0, "")
	}
	f.Ln(-1)
	f.SetFont(family, "", 9)
	f.Ln(2)
}
