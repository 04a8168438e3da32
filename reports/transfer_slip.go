package reports

import (
	"fmt"
	"time"
)

// TransferSlip is a bordereau de virement (seed 001, step 2): the order the
// syndic signs for each transfer between two accounts of the residence,
// kept with the books and handed to the bank when it wants paper. Figures
// come formatted.
type TransferSlip struct {
	Residence string // printed in the page header
	Holder    string // « Syndicat des copropriétaires de la … »
	Address   string // the residence's address, one line
	Syndic    string // who signs for the syndicat
	Transfers []SlipTransfer
	Printed   time.Time
}

// SlipTransfer is one transfer of a slip.
type SlipTransfer struct {
	From   SlipAccount // the account debited
	To     SlipAccount // the account credited
	Amount string      // « 1 234,56 € »
	Date   string      // requested execution date, « 15/02/2025 »
	Reason string      // what the bank statements will read
	File   string      // the SEPA file's name, when already made
}

// SlipAccount is one side of a transfer.
type SlipAccount struct {
	Label   string
	Account string // ledger account, 512001
	IBAN    string // formatted by four
	BIC     string
}

// TransferSlipPDF prints the slip, one transfer per page: each is an order
// of its own, signed and filed on its own.
func TransferSlipPDF(s TransferSlip) ([]byte, error) {
	if len(s.Transfers) == 0 {
		return nil, fmt.Errorf("aucun virement")
	}
	d := NewDoc(Page{Title: "Bordereau de virement", Residence: s.Residence, Printed: s.Printed})
	for i, t := range s.Transfers {
		d.page.Subtitle = fmt.Sprintf("Virement %d / %d du %s", i+1, len(s.Transfers), t.Date)
		d.AddPage()
		d.transferSlip(s, t)
	}
	return d.Bytes()
}

func (d *Doc) transferSlip(s TransferSlip, t SlipTransfer) {
	f := d.pdf
	label := func(k, v string, bold bool) {
		if v == "" {
			return
		}
		f.SetFont(family, "", 9)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(45, lineH+0.5, k, "", 0, "L", false, 0, "")
		f.SetTextColor(0, 0, 0)
		style := ""
		if bold {
			style = "B"
		}
		f.SetFont(family, style, 9.5)
		f.CellFormat(d.Width()-45, lineH+0.5, d.fit(v, d.Width()-47), "", 1, "L", false, 0, "")
	}
	label("Titulaire des comptes", s.Holder, true)
	label("Adresse", s.Address, false)
	f.Ln(3)
	side := func(title string, a SlipAccount) {
		d.Heading(title)
		name := a.Label
		if a.Account != "" {
			name += " (compte " + a.Account + ")"
		}
		label("Compte", name, true)
		label("IBAN", a.IBAN, true)
		label("BIC", a.BIC, false)
		f.Ln(2)
	}
	side("Compte à débiter", t.From)
	side("Compte à créditer", t.To)
	d.Heading("Virement")
	label("Montant", t.Amount, true)
	label("Date d'exécution", t.Date, false)
	label("Motif", t.Reason, false)
	label("Fichier SEPA", t.File, false)
	f.Ln(6)

	// The signature box, on the right as on a letter.
	w := d.Width() / 2
	x, y := marginX+w, f.GetY()
	f.SetFont(family, "", 9)
	f.Rect(x, y, w, 32, "D")
	f.SetXY(x+2, y+2)
	f.CellFormat(w-4, lineH, "Pour le syndicat, le syndic", "", 2, "L", false, 0, "")
	f.SetX(x + 2)
	f.SetFont(family, "B", 9)
	f.CellFormat(w-4, lineH, d.fit(s.Syndic, w-4), "", 2, "L", false, 0, "")
	f.SetFont(family, "", 8)
	f.SetXY(x+2, y+26)
	f.CellFormat(w-4, lineH, "Date et signature", "", 0, "L", false, 0, "")
	f.SetY(y + 34)
}
