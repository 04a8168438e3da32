package closing

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// AnnexFiles says where the annexes were written.
type AnnexFiles struct {
	Each     [5]string // ANNEXE1_2025.pdf … ANNEXE5_2025.pdf
	Combined string    // ANNEXES_2025.pdf, the five together
	Data     *AnnexesData
}

// AnnexesPDF renders the annexes of exercise ex listed in which (1 to 5;
// none: all five) into one PDF. The data comes back too: its Failed
// checks are printed in the PDF and must be shown to the user as well.
func AnnexesPDF(r *app.Residence, ex ledger.Exercise, which []int, printed time.Time) ([]byte, *AnnexesData, error) {
	d, err := Annexes(r, ex)
	if err != nil {
		return nil, nil, err
	}
	pdf, err := RenderAnnexes(d, which, printed)
	if err == nil {
		r.NoteFingerprint(ex, annexesWhat(d))
	}
	return pdf, d, err
}

// annexesWhat names annexes in the fingerprints remembered.
func annexesWhat(d *AnnexesData) string {
	if d.Provisional {
		return "annexes (projet pour l'AG)"
	}
	return "annexes"
}

// WriteAnnexes writes each annexe of exercise ex in its own file and the
// five in one, into dir.
func WriteAnnexes(r *app.Residence, dir string, ex ledger.Exercise, printed time.Time) (AnnexFiles, error) {
	var af AnnexFiles
	d, err := Annexes(r, ex)
	if err != nil {
		return af, err
	}
	af.Data = d
	defer r.NoteFingerprint(ex, annexesWhat(d))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return af, ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé", dir)
	}
	prefix := ""
	if d.Provisional {
		prefix = "PROJET_"
	}
	for n := 1; n <= 5; n++ {
		pdf, err := RenderAnnexes(d, []int{n}, printed)
		if err != nil {
			return af, err
		}
		af.Each[n-1] = filepath.Join(dir, fmt.Sprintf("%sANNEXE%d_%d.pdf", prefix, n, ex.Year()))
		if err := ledger.WriteOutputBytes(af.Each[n-1], pdf); err != nil {
			return af, err
		}
	}
	pdf, err := RenderAnnexes(d, nil, printed)
	if err != nil {
		return af, err
	}
	af.Combined = filepath.Join(dir, fmt.Sprintf("%sANNEXES_%d.pdf", prefix, ex.Year()))
	return af, ledger.WriteOutputBytes(af.Combined, pdf)
}

// RenderAnnexes lays the annexes listed in which (none: all five) out as
// one PDF.
func RenderAnnexes(d *AnnexesData, which []int, printed time.Time) ([]byte, error) {
	if len(which) == 0 {
		which = []int{1, 2, 3, 4, 5}
	}
	if printed.IsZero() {
		printed = ledger.Now()
	}
	ex := d.Exercise
	res := d.Residence
	doc := reports.AnnexesDoc{
		Syndicat: "Syndicat des copropriétaires " + res.Name,
		Address:  strings.Join(fr.NonEmpty(res.Address, strings.TrimSpace(res.Zip+" "+res.City)), ", "),
		Period:   fmt.Sprintf("Exercice du %s au %s", ledger.FrenchDate(ex.Start), ledger.FrenchDate(ex.End)),
		Printed:  printed,
		// The fingerprint of the books these annexes present, for the AG's
		// projet as well as the final ones.
		Fingerprint: d.Fingerprint,
	}
	if d.Provisional {
		doc.Draft = fmt.Sprintf("PROJET — l'exercice %s n'est pas clôturé : les chiffres après répartition sont ceux de l'aperçu de la clôture (régularisations attribuées aux propriétaires du %s). Rien n'est encore enregistré.",
			ex.Name(), ledger.FrenchDate(d.OwnersAt))
	}
	ar := annexRenderer{d: d}
	for _, n := range which {
		var a reports.Annex
		switch n {
		case 1:
			a = ar.annexe1()
		case 2:
			a = ar.annexe2()
		case 3:
			a = ar.annexe3()
		case 4:
			a = ar.annexe4()
		case 5:
			a = ar.annexe5()
		default:
			return nil, ledger.Errorf(ledger.Invalid, "L'annexe n° %d n'existe pas (1 à 5)", n)
		}
		a.Number = n
		for _, c := range d.Checks {
			if c.Annexe == n {
				a.Checks = append(a.Checks, checkLine(c))
			}
		}
		doc.Annexes = append(doc.Annexes, a)
	}
	pdf, err := reports.AnnexesPDF(doc)
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "Les annexes n'ont pas pu être mises en page")
	}
	return pdf, nil
}

func checkLine(c AnnexCheck) reports.AnnexCheckLine {
	l := reports.AnnexCheckLine{Text: c.Text, OK: c.OK(), Warning: c.Warning}
	if c.OK() {
		l.Detail = c.Left.Format() + " = " + c.Right.Format()
	} else {
		l.Detail = fmt.Sprintf("%s ≠ %s (écart %s)", c.Left.Format(), c.Right.Format(), (c.Left - c.Right).Abs().Format())
	}
	return l
}

type annexRenderer struct{ d *AnnexesData }

// columnTitle is a column header with its year on a second line.
func (ar annexRenderer) columnTitle(i int) string {
	c := ar.d.Columns[i]
	if c.Exercise.ID == 0 && !c.Missing {
		return c.Title
	}
	return c.Title + "\n" + c.Name
}

// value prints a figure of column i; columns without an exercise, budgets
// not entered, and the budget columns of part II, stay blank.
func (ar annexRenderer) value(v AnnexValues, i int, budgeted bool) string {
	c := ar.d.Columns[i]
	if c.Exercise.ID == 0 || c.Missing || (!budgeted && !c.Actual) {
		return ""
	}
	return v[i].Format()
}

// notEntered marks the totals of a budget column whose budget was never
// entered: a blank there must not read as a budget of nothing.
const notEntered = "non saisi"

// missingBudgets says, under a table with budget columns, which budgets
// were not entered (their columns are blank).
func (ar annexRenderer) missingBudgets() []string {
	var out []string
	for _, i := range []int{ColBudget, ColNextBudget, ColNext2Budget} {
		c := ar.d.Columns[i]
		if !c.Missing {
			continue
		}
		if i == ColBudget {
			out = append(out, fmt.Sprintf("Budget %s non saisi : colonne « %s » laissée vide (saisissez le budget voté dans Budget).", c.Name, c.Title))
		} else {
			out = append(out, fmt.Sprintf("Budget %s non saisi : à voter par l'AG (colonne « %s » laissée vide).", c.Name, c.Title))
		}
	}
	return out
}

func styleOf(s LineStyle) reports.AnnexStyle {
	switch s {
	case LineHeading:
		return reports.StyleHeading
	case LineDetail:
		return reports.StyleDetail
	case LineSubtotal:
		return reports.StyleSubtotal
	case LineTotal:
		return reports.StyleTotal
	}
	return reports.StyleNormal
}

// annexe1 prints the two halves side by side, as the model does.
func (ar annexRenderer) annexe1() reports.Annex {
	d, a := ar.d, ar.d.A1
	a1 := reports.Annex{Title: "ÉTAT FINANCIER APRÈS RÉPARTITION AU " + ledger.FrenchDate(d.Exercise.End)}
	prev := "Exercice précédent approuvé"
	if d.Previous.ID != 0 {
		prev += "\n" + d.Previous.Name()
	}
	closed := "Exercice clos\n" + d.Exercise.Name()
	cols := []reports.Column{{Title: "", Width: 12}, {Title: ""}, {Title: prev, Width: 24, Right: true}, {Title: closed, Width: 24, Right: true},
		{Title: "", Width: 12}, {Title: ""}, {Title: prev, Width: 24, Right: true}, {Title: closed, Width: 24, Right: true}}
	half := func(l AnnexLine) ([]string, reports.AnnexStyle) {
		if l.Style == LineHeading {
			return []string{"", l.Label, "", ""}, reports.StyleHeading
		}
		n1 := ""
		if d.Previous.ID != 0 {
			n1 = l.Values[0].Format()
		}
		return []string{l.Code, l.Label, n1, l.Values[1].Format()}, styleOf(l.Style)
	}
	pair := func(left, right []AnnexLine, totals int) []reports.AnnexRow {
		var rows []reports.AnnexRow
		add := func(l, r *AnnexLine) {
			var cells []string
			var styles []reports.AnnexStyle
			for _, side := range []*AnnexLine{l, r} {
				if side == nil {
					cells = append(cells, "", "", "", "")
					styles = append(styles, reports.StyleEmpty, reports.StyleEmpty, reports.StyleEmpty, reports.StyleEmpty)
					continue
				}
				c, st := half(*side)
				cells = append(cells, c...)
				styles = append(styles, st, st, st, st)
			}
			rows = append(rows, reports.AnnexRow{Cells: cells, Styles: styles})
		}
		add(&left[0], &right[0])
		li, ri := left[1:len(left)-totals], right[1:len(right)-totals]
		for i := 0; i < max(len(li), len(ri)); i++ {
			var l, r *AnnexLine
			if i < len(li) {
				l = &li[i]
			}
			if i < len(ri) {
				r = &ri[i]
			}
			add(l, r)
		}
		for i := totals; i > 0; i-- {
			add(&left[len(left)-i], &right[len(right)-i])
		}
		return rows
	}
	cut := func(lines []AnnexLine) ([]AnnexLine, []AnnexLine) {
		for i, l := range lines {
			if l.Style == LineSubtotal {
				return lines[:i+1], lines[i+1:]
			}
		}
		return lines, nil
	}
	l1, l2 := cut(a.Left)
	r1, r2 := cut(a.Right)
	a1.Parts = append(a1.Parts,
		reports.AnnexPart{Heading: "I. SITUATION FINANCIÈRE ET TRÉSORERIE", Table: &reports.AnnexTable{Columns: cols, Rows: pair(l1, r1, 1)}},
		reports.AnnexPart{Heading: "II. ÉTAT DES DETTES ET DES CRÉANCES", Table: &reports.AnnexTable{Columns: cols, Rows: pair(l2, r2, 2), Footer: 3}})
	// The loans' remaining annuities print under the totals, outside them
	// (off the books): one more row of part II, its right half empty.
	loans := []string{"", "Emprunts : montant restant dû (hors comptabilité, hors totaux)", "", a.Loans[1].Format(), "", "", "", ""}
	if d.Previous.ID != 0 {
		loans[2] = a.Loans[0].Format()
	}
	part2 := a1.Parts[1].Table
	part2.Rows = append(part2.Rows, reports.AnnexRow{Cells: loans, Styles: []reports.AnnexStyle{reports.StyleNormal, reports.StyleNormal,
		reports.StyleNormal, reports.StyleNormal, reports.StyleEmpty, reports.StyleEmpty, reports.StyleEmpty, reports.StyleEmpty}})
	a1.Parts[1].Notes = []string{
		"(1) Une somme précédée du signe « - » indique un découvert bancaire (dette du syndicat).",
		"(2) La liste individualisée des copropriétaires (nom et montant) est jointe ci-après.",
	}

	owners := []reports.Column{{Title: "Compte", Width: 17}, {Title: "Copropriétaire"},
		{Title: "Solde avant répartition", Width: 34, Right: true}, {Title: "Répartition (régularisation)", Width: 34, Right: true},
		{Title: "Solde après répartition débiteur", Width: 34, Right: true}, {Title: "Solde après répartition créditeur", Width: 34, Right: true}}
	var rows []reports.AnnexRow
	var before, moved ledger.Amount
	for _, o := range a.Owners {
		deb, cred := "", ""
		if o.After > 0 {
			deb = o.After.Format()
		} else if o.After < 0 {
			cred = (-o.After).Format()
		}
		rows = append(rows, reports.AnnexRow{Cells: []string{o.Account, o.Name, o.Before.Format(), o.Distribution.Format(), deb, cred}})
		before += o.Before
		moved += o.Distribution
	}
	rows = append(rows, reports.AnnexRow{Cells: []string{"", fmt.Sprintf("Total (%d copropriétaires)", len(a.Owners)), before.Format(), moved.Format(),
		a.OwnersDebit.Format(), a.OwnersCredit.Format()}, Style: reports.StyleTotal})
	a1.Parts = append(a1.Parts, reports.AnnexPart{NewPage: true,
		Heading: "Liste des soldes des copropriétaires au " + ledger.FrenchDate(d.Exercise.End) + " (jointe à l'annexe n° 1, renvoi 2)",
		Table:   &reports.AnnexTable{Columns: owners, Rows: rows},
		Notes:   []string{"Soldes : débiteur, somme due par le copropriétaire ; créditeur, somme en sa faveur. « Répartition » est la régularisation de l'exercice (quote-part des charges moins provisions appelées) portée à son compte par la clôture."},
	})
	return a1
}

// fiveColumns are the columns of annexes 2 and 3 under their groups.
func (ar annexRenderer) fiveColumns(first string) ([]reports.AnnexGroup, []reports.Column) {
	groups := []reports.AnnexGroup{{Span: 2}, {Title: "Pour approbation des comptes", Span: 3}, {Title: "Pour le vote du budget prévisionnel", Span: 2}}
	cols := []reports.Column{{Title: "Compte", Width: 15}, {Title: first}}
	for i := 0; i < 5; i++ {
		cols = append(cols, reports.Column{Title: ar.columnTitle(i), Width: 32, Right: true})
	}
	return groups, cols
}

func (ar annexRenderer) lineRow(l AnnexLine, budgeted bool) reports.AnnexRow {
	row := reports.AnnexRow{Cells: []string{l.Code, l.Label}, Style: styleOf(l.Style)}
	for i := 0; i < 5; i++ {
		if l.Style == LineHeading {
			row.Cells = append(row.Cells, "")
			continue
		}
		row.Cells = append(row.Cells, ar.value(l.Values, i, budgeted))
	}
	return row
}

func (ar annexRenderer) valuesRow(label string, v AnnexValues, style reports.AnnexStyle, budgeted bool, positiveOnly bool) reports.AnnexRow {
	row := reports.AnnexRow{Cells: []string{"", label}, Style: style}
	for i := 0; i < 5; i++ {
		s := ar.value(v, i, budgeted)
		if positiveOnly && v[i] <= 0 {
			s = ""
		}
		if budgeted && ar.d.Columns[i].Missing && style != reports.StyleNormal {
			s = notEntered
		}
		row.Cells = append(row.Cells, s)
	}
	return row
}

// block prints one part of annexe 2: its charges, then its income.
func (ar annexRenderer) block(b AnnexBlock, roman, chargesTitle, incomeTitle string) []reports.AnnexPart {
	groups, cols := ar.fiveColumns("Charges")
	var charges []reports.AnnexRow
	for _, l := range b.Charges {
		charges = append(charges, ar.lineRow(l, b.Budgeted))
	}
	if len(b.Charges) == 0 {
		charges = append(charges, reports.AnnexRow{Cells: []string{"", "Aucune charge"}})
	}
	charges = append(charges,
		ar.valuesRow("Sous-total charges", b.ChargesTotal, reports.StyleSubtotal, b.Budgeted, false),
		ar.valuesRow("Solde (excédent) affecté aux copropriétaires", b.Excess, reports.StyleNormal, b.Budgeted, true),
		ar.valuesRow("Total "+roman, b.Total, reports.StyleTotal, b.Budgeted, false))
	_, icols := ar.fiveColumns("Produits")
	var income []reports.AnnexRow
	for _, l := range b.Income {
		income = append(income, ar.lineRow(l, b.Budgeted))
	}
	if len(b.Income) == 0 {
		income = append(income, reports.AnnexRow{Cells: []string{"", "Aucun produit"}})
	}
	income = append(income,
		ar.valuesRow("Sous-total produits", b.IncomeTotal, reports.StyleSubtotal, b.Budgeted, false),
		ar.valuesRow("Solde (insuffisance) affecté aux copropriétaires", b.Shortfall, reports.StyleNormal, b.Budgeted, true),
		ar.valuesRow("Total "+roman, b.Total, reports.StyleTotal, b.Budgeted, false))
	// Sous-total, solde and total stay with the last lines they add up;
	// a block's charges and income share a page when they can.
	return []reports.AnnexPart{
		{Heading: chargesTitle, Table: &reports.AnnexTable{Groups: groups, Columns: cols, Rows: charges, Footer: 3}, KeepWithNext: true},
		{Heading: incomeTitle, Table: &reports.AnnexTable{Groups: groups, Columns: icols, Rows: income, Footer: 3}},
	}
}

func (ar annexRenderer) annexe2() reports.Annex {
	a := reports.Annex{Title: "COMPTE DE GESTION GÉNÉRAL DE L'EXERCICE CLOS RÉALISÉ ET BUDGET PRÉVISIONNEL"}
	current := ar.block(ar.d.A2.Current, "I", "I. CHARGES POUR OPÉRATIONS COURANTES", "I. PRODUITS POUR OPÉRATIONS COURANTES")
	for i := range current {
		current[i].Notes = ar.missingBudgets()
	}
	a.Parts = append(a.Parts, current...)
	works := ar.block(ar.d.A2.Works, "II", "II. CHARGES POUR TRAVAUX DE L'ARTICLE 14-2 ET OPÉRATIONS EXCEPTIONNELLES",
		"II. PRODUITS POUR TRAVAUX DE L'ARTICLE 14-2 ET OPÉRATIONS EXCEPTIONNELLES")
	works[1].Notes = []string{
		"Partie II : travaux et opérations exceptionnelles clos dans l'exercice (détail à l'annexe n° 4) ; ceux qui ne sont pas terminés sont au compte 12 (annexe n° 5). Votés hors budget, ils n'ont pas de colonnes budgétaires.",
		"Montants avant répartition aux copropriétaires. Le budget voté est appelé au compte 701 : la ligne 701 des colonnes budgétaires en est le total (charges moins produits prévus).",
	}
	a.Parts = append(a.Parts, works...)
	return a
}

func (ar annexRenderer) annexe3() reports.Annex {
	a3 := ar.d.A3
	a := reports.Annex{Title: "COMPTE DE GESTION POUR OPÉRATIONS COURANTES DE L'EXERCICE CLOS RÉALISÉ ET BUDGET PRÉVISIONNEL"}
	groups, cols := ar.fiveColumns("Clé de répartition et charges")
	var rows []reports.AnnexRow
	for _, k := range a3.Keys {
		rows = append(rows, reports.AnnexRow{Cells: []string{k.Key, k.Label}, Style: reports.StyleHeading})
		for _, l := range k.Charges {
			rows = append(rows, ar.lineRow(l, true))
		}
		if len(k.Income) > 0 {
			rows = append(rows, ar.valuesRow("Charges", k.ChargesTotal, reports.StyleNormal, true, false))
			for _, l := range k.Income {
				// Deducted from the key's charges: printed negative.
				l.Label = "Produits affectés : " + l.Label
				l.Style = LineDetail
				for i := range l.Values {
					l.Values[i] = -l.Values[i]
				}
				rows = append(rows, ar.lineRow(l, true))
			}
		}
		rows = append(rows, ar.valuesRow("Total net pour la clé "+k.Key, k.Net, reports.StyleSubtotal, true, false))
	}
	rows = append(rows,
		ar.valuesRow("Total des charges de toutes les clés (avant produits affectés)", a3.ChargesTotal, reports.StyleNormal, true, false),
		ar.valuesRow("TOTAL CHARGES NETTES", a3.NetTotal, reports.StyleTotal, true, false),
		ar.valuesRow("Provisions copropriétaires (701)", a3.Provisions, reports.StyleNormal, true, false),
		ar.valuesRow("SOLDE (excédent + / insuffisance −) affecté aux copropriétaires", a3.Solde, reports.StyleTotal, true, false))
	// The SOLDE is the result the AG approves: it stays on the page of the
	// charges, provisions and last key's lines it comes from.
	a.Parts = []reports.AnnexPart{{Table: &reports.AnnexTable{Groups: groups, Columns: cols, Rows: rows, Footer: 4},
		Notes: append(ar.missingBudgets(), "Montants avant répartition aux copropriétaires. Les produits affectés à une clé viennent en déduction de ses charges ; le solde est réparti entre les copropriétaires par la clôture.")}}
	return a
}

func (ar annexRenderer) annexe4() reports.Annex {
	a4 := ar.d.A4
	a := reports.Annex{Title: "COMPTE DE GESTION POUR TRAVAUX DE L'ARTICLE 14-2 ET OPÉRATIONS EXCEPTIONNELLES HORS BUDGET PRÉVISIONNEL DE L'EXERCICE CLOS RÉALISÉ"}
	groups := []reports.AnnexGroup{{Span: 2}, {Title: "Exercice clos", Span: 1}, {Title: "Exercice clos réalisé à approuver " + ar.d.Exercise.Name(), Span: 2}, {Span: 1}}
	cols := []reports.Column{{Title: "Travaux ou opération (1) (2)"}, {Title: "Clé de répartition (3)", Width: 48},
		{Title: "Dépenses votées", Width: 34, Right: true}, {Title: "Dépenses réalisées", Width: 34, Right: true},
		{Title: "Provisions appelées, emprunts et subventions reçus, affectation du fonds de travaux", Width: 46, Right: true},
		{Title: "Solde (excédent + / insuffisance −)", Width: 34, Right: true}}
	figures := func(f WorksFigures) []string {
		return []string{f.Voted.Format(), f.Spent.Format(), f.Provisions.Format(), f.Solde().Format()}
	}
	var rows []reports.AnnexRow
	ops := func(title string, list []Annexe4Operation, total WorksFigures, totalLabel string) {
		rows = append(rows, reports.AnnexRow{Cells: []string{title}, Style: reports.StyleHeading})
		if len(list) == 0 {
			rows = append(rows, reports.AnnexRow{Cells: []string{"Aucune opération close dans l'exercice"}})
		}
		for _, op := range list {
			name := op.Label
			if op.Code != "" {
				name = op.Code + " " + op.Label
			}
			if !op.AGDate.IsZero() {
				name += " (AG du " + ledger.FrenchDate(op.AGDate) + ")"
			}
			for i, k := range op.Keys {
				label := name
				style := reports.StyleNormal
				if i > 0 {
					label, style = "", reports.StyleDetail
				}
				rows = append(rows, reports.AnnexRow{Cells: append([]string{label, strings.TrimSpace(k.Key + " " + k.Label)}, figures(k.WorksFigures)...), Style: style})
			}
			if len(op.Keys) != 1 {
				rows = append(rows, reports.AnnexRow{Cells: append([]string{"Total " + name, ""}, figures(op.Total)...), Style: reports.StyleSubtotal})
			}
		}
		rows = append(rows, reports.AnnexRow{Cells: append([]string{totalLabel, ""}, figures(total)...), Style: reports.StyleSubtotal})
	}
	ops("TRAVAUX DE L'ARTICLE 14-2", a4.Works, a4.TotalWorks, "TOTAL TRAVAUX ARTICLE 14-2")
	ops("OPÉRATIONS EXCEPTIONNELLES", a4.Exceptional, a4.TotalExceptional, "TOTAL OPÉRATIONS EXCEPTIONNELLES")
	rows = append(rows, reports.AnnexRow{Cells: append([]string{"TOTAL TRAVAUX DE L'ART. 14-2 ET OPÉRATIONS EXCEPTIONNELLES", ""}, figures(a4.Total)...), Style: reports.StyleTotal})
	a.Parts = []reports.AnnexPart{{Table: &reports.AnnexTable{Groups: groups, Columns: cols, Rows: rows}, Notes: []string{
		"(1) Détail par poste ou imputation ; les numéros de compte sont facultatifs. (2) Par marché de travaux ou opération exceptionnelle. (3) Sur toutes les clés de répartition concernées.",
		"Dépenses et provisions cumulées depuis le début de l'opération, avant répartition aux copropriétaires ; la répartition du solde figure sur le décompte de chacun.",
	}}}
	return a
}

func (ar annexRenderer) annexe5() reports.Annex {
	a5 := ar.d.A5
	a := reports.Annex{Title: "ÉTAT DES TRAVAUX DE L'ARTICLE 14-2 ET OPÉRATIONS EXCEPTIONNELLES VOTÉS NON ENCORE CLÔTURÉS À LA FIN DE L'EXERCICE"}
	groups := []reports.AnnexGroup{{Span: 2}, {Title: "A – Travaux votés", Span: 2}, {Title: "B – Travaux payés", Span: 2},
		{Title: "C – Travaux réalisés", Span: 2}, {Title: "D – Provisions appelées, emprunts et subventions reçus, affectation du fonds de travaux", Span: 2},
		{Title: "E = D − C", Span: 1}, {Title: "F – Subventions et emprunts à recevoir", Span: 2}}
	money := func(t string) reports.Column { return reports.Column{Title: t, Width: 19.5, Right: true} }
	date := reports.Column{Title: "Date", Width: 17, Right: true}
	cols := []reports.Column{{Title: "Travaux ou opération"}, {Title: "Clé", Width: 20}, money("Montant"), date, money("Montant"), date,
		money("Montant"), date, money("Montant"), date, money("Solde en attente sur travaux"), money("Montant"), date}
	d := func(t time.Time) string { return ledger.FrenchDate(t) }
	var rows []reports.AnnexRow
	for _, op := range a5.Operations {
		name := op.Code + " " + op.Label
		rows = append(rows, reports.AnnexRow{Cells: []string{name, "Toutes clés", op.Voted.Format(), d(op.AGDate), op.Paid.Format(), d(op.PaidDate),
			op.Done.Format(), d(op.DoneDate), op.Called.Format(), d(op.CalledDate), op.Pending().Format(), op.ToReceive.Format(), d(op.ToReceiveDate)},
			Style: reports.StyleSubtotal})
		for _, k := range op.Keys {
			rows = append(rows, reports.AnnexRow{Cells: []string{"", strings.TrimSpace(k.Key + " " + k.Label), k.Voted.Format(), "", "", "",
				k.Done.Format(), "", k.Called.Format(), "", (k.Called - k.Done).Format(), "", ""}, Style: reports.StyleDetail})
		}
	}
	if len(a5.Operations) == 0 {
		rows = append(rows, reports.AnnexRow{Cells: []string{"Aucun travaux voté en attente à la fin de l'exercice"}})
	}
	t := a5.Total
	rows = append(rows, reports.AnnexRow{Cells: []string{"TOTAL", "", t.Voted.Format(), "", t.Paid.Format(), "", t.Done.Format(), "",
		t.Called.Format(), "", t.Pending().Format(), t.ToReceive.Format(), ""}, Style: reports.StyleTotal})
	a.Parts = []reports.AnnexPart{{Table: &reports.AnnexTable{Groups: groups, Columns: cols, Rows: rows}, Notes: []string{
		"Détail par marché de travaux ou opération exceptionnelle et par clé de répartition ; montants cumulés depuis le début de l'opération, dates des dernières opérations.",
		"B : règlements au fournisseur de l'opération (débits de son compte 401) ; C : factures (comptes 67) ; D : crédits des comptes de produits de l'opération ; F : subventions et emprunts notifiés non reçus (compte 131).",
		"E : ce solde correspond au solde du compte 12 dans l'annexe n° 1.",
	}}}
	return a
}
