package reports

import "time"

// MandateForm is a SEPA Core direct-debit mandate pre-filled for an owner
// to sign: the mandatory content of the EPC SDD Core rulebook (annex VII,
// "mandate"): the creditor's name, identifier (ICS) and address, the RUM,
// the debtor's name, address, IBAN and BIC, the type of payment, the
// authorisation text, the date, place and signature.
type MandateForm struct {
	Residence string // page header
	Creditor  string // « Syndicat des copropriétaires de la résidence … »
	ICS       string
	Address   []string // the creditor's address lines
	RUM       string
	Debtor    string
	DebtorAdr []string
	IBAN      string // grouped by four for reading
	BIC       string
	Printed   time.Time
}

// MandateAuthorisation is the authorisation text of the French SEPA Core
// mandate, as the banks' model forms give it (CFONB, « mandat de
// prélèvement SEPA »).
const MandateAuthorisation = "En signant ce formulaire de mandat, vous autorisez le créancier ci-dessus à envoyer des instructions à votre banque " +
	"pour débiter votre compte, et votre banque à débiter votre compte conformément aux instructions du créancier. " +
	"Vous bénéficiez du droit d'être remboursé par votre banque selon les conditions décrites dans la convention que vous avez passée avec elle. " +
	"Une demande de remboursement doit être présentée dans les 8 semaines suivant la date de débit de votre compte pour un prélèvement autorisé, " +
	"et sans tarder et au plus tard dans les 13 mois en cas de prélèvement non autorisé. " +
	"Vos droits concernant le présent mandat sont expliqués dans un document que vous pouvez obtenir auprès de votre banque."

// MandatePDF prints the mandate form, one page.
func MandatePDF(m MandateForm) ([]byte, error) {
	d := NewDoc(Page{Title: "Mandat de prélèvement SEPA", Subtitle: "Prélèvement SEPA Core – paiement récurrent", Residence: m.Residence, Printed: m.Printed})
	d.AddPage()
	f := d.pdf
	row := func(k, v string) {
		f.SetFont(family, "", 9)
		f.SetTextColor(90, 90, 90)
		f.SetX(marginX + 2)
		f.CellFormat(60, lineH+1, k, "", 0, "L", false, 0, "")
		f.SetTextColor(0, 0, 0)
		f.SetFont(family, "B", 10)
		f.CellFormat(d.Width()-64, lineH+1, d.fit(v, d.Width()-66), "", 1, "L", false, 0, "")
	}
	box := func(title string, rows func()) {
		f.Ln(2)
		f.SetFont(family, "B", 10.5)
		f.SetX(marginX)
		f.CellFormat(d.Width(), 6, title, "B", 1, "L", false, 0, "")
		f.Ln(1)
		rows()
	}
	row("Référence unique du mandat (RUM)", m.RUM)
	f.SetFont(family, "", 8)
	f.SetX(marginX + 2)
	f.CellFormat(d.Width(), lineH, "Type de paiement : récurrent / répétitif (appels de charges de copropriété)", "", 1, "L", false, 0, "")
	box("Créancier", func() {
		row("Nom", m.Creditor)
		row("Identifiant créancier SEPA (ICS)", m.ICS)
		for i, l := range m.Address {
			row(map[bool]string{true: "Adresse", false: ""}[i == 0], l)
		}
	})
	box("Débiteur (titulaire du compte à débiter)", func() {
		row("Nom", m.Debtor)
		for i, l := range m.DebtorAdr {
			row(map[bool]string{true: "Adresse", false: ""}[i == 0], l)
		}
		if len(m.DebtorAdr) == 0 {
			row("Adresse", "")
		}
		row("IBAN", m.IBAN)
		row("BIC", m.BIC)
	})
	f.Ln(4)
	f.SetFont(family, "", 9)
	f.SetX(marginX)
	f.MultiCell(d.Width(), 4.4, MandateAuthorisation, "", "J", false)
	f.Ln(4)
	w := d.Width()/2 - 3
	y := f.GetY()
	f.SetFont(family, "", 9.5)
	f.SetXY(marginX, y)
	f.CellFormat(w, 8, "Fait à : ______________________", "", 0, "L", false, 0, "")
	f.CellFormat(w, 8, "Le : ____ / ____ / ________", "", 1, "L", false, 0, "")
	y = f.GetY() + 2
	f.Rect(marginX, y, d.Width(), 32, "D")
	f.SetXY(marginX+2, y+2)
	f.CellFormat(d.Width()-4, lineH, "Signature du débiteur", "", 1, "L", false, 0, "")
	f.SetY(y + 36)
	f.SetFont(family, "", 8)
	f.SetTextColor(60, 60, 60)
	f.SetX(marginX)
	f.MultiCell(d.Width(), 3.8, "Joignez un relevé d'identité bancaire (RIB) et rendez ce mandat signé au syndic. "+
		"Avant chaque prélèvement, l'avis d'appel de fonds vous indique son montant et sa date. "+
		"Un mandat qui n'a servi à aucun prélèvement pendant 36 mois devient caduc.", "", "L", false)
	f.SetTextColor(0, 0, 0)
	return d.Bytes()
}
