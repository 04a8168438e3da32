package reports

import (
	"fmt"
	"strings"
	"time"
)

// AssemblyPack is what one owner receives for a general assembly: the
// convocation letter, the agenda with the draft resolutions, the postal
// voting form (arrêté du 2 juillet 2020) and a proxy form. Texts are
// formatted by the caller; the renderer lays them out.
type AssemblyPack struct {
	Letter
	Title   string // « Assemblée générale ordinaire du 12/06/2026 »
	Meeting string // « le vendredi 12/06/2026 à 18:30 »
	Place   string
	// Consultation says when and where the supporting documents can be
	// consulted (loi 1965 art. 18-1); "" for none.
	Consultation string
	Documents    []string // the documents attached to the convocation
	Agenda       []AssemblyItem
	// The owner as the forms identify him.
	OwnerName    string
	OwnerAddress string   // one line
	Lots         []string // « Lot 1 (Appartement) : 400 tantièmes généraux »
	Votes        string   // « 400 voix sur 1 000 (clé 001 – Charges générales) »
	// Deadline is the last day a postal form may arrive (décret 1967 art.
	// 9 bis: three clear days before the assembly), « 08/06/2026 ».
	Deadline string
	Syndic   string // who receives the forms, named on them
}

// AssemblyItem is a resolution as the pack prints it.
type AssemblyItem struct {
	Number   int
	Title    string
	Text     string
	Majority string // « Majorité de l'article 24 (majorité des voix exprimées) »
	Key      string // « clé 002 – Ascenseur »; "" for the general key
	// Votes are the owner's tantièmes on the resolution's key (« 100 /
	// 300 »); "" when he has none there and does not vote on it (loi 1965
	// art. 24 II).
	Votes string
}

// AssemblyPacksPDF renders the packs into one document for printing, and
// cuts it into one document per owner.
func AssemblyPacksPDF(list []AssemblyPack, printed time.Time) (Letters, error) {
	lw := newLetterWriter("Convocation à l'assemblée générale", printed)
	for i := range list {
		p := &list[i]
		lw.begin(p.FootNote, "")
		lw.head(&p.Letter)
		if err := lw.convocation(p); err != nil {
			return Letters{}, fmt.Errorf("convocation n° %d : %w", i+1, err)
		}
		lw.d.pdf.AddPage()
		lw.agenda(p)
		lw.d.pdf.AddPage()
		lw.postalForm(p)
		lw.d.pdf.AddPage()
		lw.proxyForm(p)
	}
	return lw.finish()
}

// convocation is the letter itself (décret 1967 art. 9 and 13: the day,
// hour and place, the agenda; art. 9-1 and loi art. 18-1: where and when
// the supporting documents can be consulted).
func (lw *letterWriter) convocation(p *AssemblyPack) error {
	lw.title("Convocation", p.Title)
	lw.paragraphs(fmt.Sprintf("Vous êtes convoqué(e) à l'assemblée générale des copropriétaires de la résidence, qui se tiendra %s, au lieu suivant : %s.",
		p.Meeting, strings.ReplaceAll(p.Place, "\n", ", ")), 10)
	lw.subheading("Ordre du jour")
	f := lw.d.pdf
	f.SetFont(family, "", 9.5)
	for _, it := range p.Agenda {
		lw.need(5)
		f.SetX(marginX)
		f.MultiCell(lw.d.Width(), 4.6, fmt.Sprintf("%d. %s", it.Number, it.Title), "", "L", false)
	}
	f.Ln(2)
	lw.paragraphs("Le texte des projets de résolution et la majorité requise pour chacun figurent aux pages suivantes.", 9.5)
	if len(p.Documents) > 0 {
		lw.need(12)
		lw.subheading("Documents joints")
		f.SetFont(family, "", 9.5)
		for _, d := range p.Documents {
			f.SetX(marginX)
			f.MultiCell(lw.d.Width(), 4.6, "– "+d, "", "L", false)
		}
		f.Ln(2)
	}
	if p.Consultation != "" {
		lw.need(14)
		lw.subheading("Consultation des pièces justificatives des charges")
		lw.paragraphs(p.Consultation, 9.5)
	}
	lw.need(14)
	lw.paragraphs("Si vous ne pouvez pas y assister, vous pouvez vous faire représenter par la personne de votre choix au moyen du pouvoir joint, "+
		"ou voter par correspondance au moyen du formulaire joint, qui doit parvenir au syndic au plus tard le "+p.Deadline+".", 9.5)
	return lw.closingText(&p.Letter)
}

// agenda prints each draft resolution with its majority and key.
func (lw *letterWriter) agenda(p *AssemblyPack) {
	lw.title("Ordre du jour et projets de résolution", p.Title)
	f := lw.d.pdf
	for _, it := range p.Agenda {
		line := it.Majority
		if it.Key != "" {
			line += " – votent les seuls copropriétaires ayant des tantièmes sur la " + it.Key
		}
		// A resolution is kept on one page when it fits on one: its
		// majority never alone at the top of the next.
		heading := fmt.Sprintf("Résolution n° %d : %s", it.Number, it.Title)
		f.SetFont(family, "B", 10)
		h := 6*float64(len(f.SplitText(heading, lw.d.Width()))) + 5
		f.SetFont(family, "", 9.5)
		for _, para := range strings.Split(strings.TrimSpace(it.Text), "\n\n") {
			h += 9.5 * 0.45 * float64(len(f.SplitText(strings.TrimSpace(para), lw.d.Width())))
		}
		f.SetFont(family, "", 8.5)
		h += 4.2 * float64(len(f.SplitText(line, lw.d.Width())))
		if _, pageH := f.GetPageSize(); h < pageH-2*footerH-marginTop {
			lw.need(h)
		}
		lw.subheading(heading)
		if strings.TrimSpace(it.Text) != "" {
			lw.paragraphs(it.Text, 9.5)
		}
		f.SetFont(family, "", 8.5)
		f.SetX(marginX)
		f.MultiCell(lw.d.Width(), 4.2, line, "", "L", false)
		f.Ln(3)
	}
}

// box draws an empty tick box of side s at x, y.
func (lw *letterWriter) box(x, y, s float64) {
	lw.d.pdf.Rect(x, y, s, s, "D")
}

// identity prints who the form is for: name, address, lots and votes.
func (lw *letterWriter) identity(p *AssemblyPack) {
	f := lw.d.pdf
	rows := [][2]string{{"Copropriétaire", p.OwnerName}, {"Adresse", p.OwnerAddress}, {"Lots", strings.Join(p.Lots, " ; ")}, {"Voix", p.Votes}}
	for _, r := range rows {
		f.SetX(marginX)
		f.SetFont(family, "", 9)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(32, 4.8, r[0], "", 0, "L", false, 0, "")
		f.SetTextColor(0, 0, 0)
		f.SetFont(family, "B", 9)
		f.MultiCell(lw.d.Width()-32, 4.8, r[1], "", "L", false)
	}
	f.Ln(2)
}

// postalForm is the formulaire de vote par correspondance (loi 1965 art.
// 17-1 A, décret 1967 art. 9 bis, arrêté du 2 juillet 2020): the owner,
// his lots and tantièmes, each resolution with its three boxes.
func (lw *letterWriter) postalForm(p *AssemblyPack) {
	lw.title("Formulaire de vote par correspondance", p.Title+" – arrêté du 2 juillet 2020")
	lw.identity(p)
	f := lw.d.pdf
	w := lw.d.Width()
	colW := 21.0
	labelW := w - 3*colW
	head := func() {
		f.SetFont(family, "B", 8)
		f.SetFillColor(230, 236, 243)
		f.SetX(marginX)
		f.CellFormat(labelW, 6, "Résolution", "1", 0, "L", true, 0, "")
		for _, c := range []string{"Pour", "Contre", "Abstention"} {
			f.CellFormat(colW, 6, c, "1", 0, "C", true, 0, "")
		}
		f.Ln(6)
	}
	head()
	for _, it := range p.Agenda {
		f.SetFont(family, "", 8.5)
		label := fmt.Sprintf("%d. %s", it.Number, it.Title)
		sub := it.Majority
		if it.Key != "" {
			sub += " – " + it.Key
		}
		lines := f.SplitText(label, labelW-3)
		subLines := f.SplitText(sub, labelW-3)
		if it.Votes != "" { // on a line of its own: « 1 000 » is not cut
			subLines = append(subLines, "Vos voix : "+it.Votes)
		}
		h := 4.2*float64(len(lines)) + 3.6*float64(len(subLines)) + 2
		if _, pageH := f.GetPageSize(); f.GetY()+h > pageH-footerH-12 {
			f.AddPage()
			head()
			f.SetFont(family, "", 8.5)
		}
		x, y := marginX, f.GetY()
		f.Rect(x, y, labelW, h, "D")
		f.SetXY(x+1.5, y+1)
		for _, l := range lines {
			f.SetX(x + 1.5)
			f.CellFormat(labelW-3, 4.2, l, "", 2, "L", false, 0, "")
		}
		f.SetFont(family, "", 7)
		f.SetTextColor(70, 70, 70)
		for _, l := range subLines {
			f.SetX(x + 1.5)
			f.CellFormat(labelW-3, 3.6, l, "", 2, "L", false, 0, "")
		}
		f.SetTextColor(0, 0, 0)
		for c := 0; c < 3; c++ {
			cx := x + labelW + float64(c)*colW
			f.Rect(cx, y, colW, h, "D")
			if it.Votes == "" {
				f.SetFont(family, "", 6.5)
				f.SetXY(cx, y+h/2-2)
				if c == 1 {
					f.CellFormat(colW, 4, "ne vote pas", "", 0, "C", false, 0, "")
				}
				continue
			}
			lw.box(cx+colW/2-2, y+h/2-2, 4)
		}
		f.SetY(y + h)
	}
	f.Ln(3)
	lw.need(40)
	lw.smallNote("Cochez une seule case par résolution. Les formulaires ne donnant aucun sens précis de vote ou exprimant une abstention sont " +
		"considérés comme des votes défavorables. Si une résolution est amendée en cours d'assemblée, le vote favorable exprimé " +
		"par ce formulaire compte comme celui d'un copropriétaire défaillant pour cette résolution (loi du 10 juillet 1965, art. 17-1 A).")
	lw.smallNote("Ce formulaire doit être reçu par le syndic (" + p.Syndic + ") au plus tard trois jours francs avant la date de la réunion, " +
		"soit le " + p.Deadline + " : un formulaire reçu après cette date n'est pas pris en compte (décret du 17 mars 1967, art. 9 bis). " +
		"Il peut lui être remis par lettre recommandée, en main propre contre récépissé ou par courrier électronique. " +
		"S'il assiste à l'assemblée ou s'y fait représenter, le copropriétaire ne peut plus voter par correspondance.")
	lw.signatureLines("Signature du copropriétaire")
}

// proxyForm is the pouvoir (loi 1965 art. 22), the mandataire left blank,
// with the law's limits recalled.
func (lw *letterWriter) proxyForm(p *AssemblyPack) {
	lw.title("Pouvoir", p.Title)
	lw.paragraphs("Je soussigné(e), copropriétaire ci-dessous désigné(e) (le mandant) :", 9.5)
	lw.identity(p)
	f := lw.d.pdf
	lw.paragraphs("donne pouvoir à :", 9.5)
	for _, l := range []string{"Nom et prénom du mandataire :", "Adresse :"} {
		f.SetFont(family, "", 9.5)
		f.SetX(marginX)
		f.CellFormat(55, 8, l, "", 0, "L", false, 0, "")
		x, y := f.GetX(), f.GetY()+6.5
		f.SetDrawColor(120, 120, 120)
		f.Line(x, y, marginX+lw.d.Width(), y)
		f.SetDrawColor(0, 0, 0)
		f.Ln(9)
	}
	lw.paragraphs("de me représenter à l'assemblée générale convoquée "+p.Meeting+", de prendre part aux délibérations et de voter "+
		"en mon nom sur toutes les questions inscrites à l'ordre du jour, selon les instructions ci-après le cas échéant :", 9.5)
	f.SetDrawColor(120, 120, 120)
	for i := 0; i < 3; i++ {
		y := f.GetY() + 6
		f.Line(marginX, y, marginX+lw.d.Width(), y)
		f.SetY(y)
	}
	f.SetDrawColor(0, 0, 0)
	f.Ln(5)
	lw.smallNote("Rappel de la loi du 10 juillet 1965, art. 22 : tout copropriétaire peut déléguer son droit de vote à un mandataire, " +
		"copropriétaire ou non. Chaque mandataire ne peut, à quelque titre que ce soit, recevoir plus de trois délégations de vote, " +
		"sauf si le total des voix dont il dispose lui-même et de celles de ses mandants n'excède pas 10 % des voix du syndicat. " +
		"Ne peuvent recevoir de mandat pour représenter un copropriétaire : le syndic, son conjoint, le partenaire lié à lui par un pacte " +
		"civil de solidarité, son concubin, ses ascendants ou descendants, ses préposés, même s'ils sont copropriétaires.")
	lw.signatureLines("Signature, précédée de « Bon pour pouvoir »")
}

// signatureLines prints « Fait à …, le … » and a signature box under
// label.
func (lw *letterWriter) signatureLines(label string) {
	f := lw.d.pdf
	lw.need(34)
	f.Ln(3)
	f.SetFont(family, "", 9.5)
	f.SetX(marginX)
	f.CellFormat(lw.d.Width()/2, 6, "Fait à ………………………………, le ……/……/…………", "", 0, "L", false, 0, "")
	f.CellFormat(lw.d.Width()/2, 6, lw.d.fit(label, lw.d.Width()/2), "", 1, "L", false, 0, "")
	x := marginX + lw.d.Width()/2
	f.SetDrawColor(120, 120, 120)
	f.Rect(x, f.GetY()+1, lw.d.Width()/2, 22, "D")
	f.SetDrawColor(0, 0, 0)
	f.SetY(f.GetY() + 24)
}
