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
	var produced []app.Produced
	for n := 1; n <= 5; n++ {
		pdf, err := RenderAnnexes(d, []int{n}, printed)
		if err != nil {
			return af, err
		}
		af.Each[n-1] = filepath.Join(dir, fmt.Sprintf("%sANNEXE%d_%d.pdf", prefix, n, ex.Year()))
		if err := ledger.WriteOutputBytes(af.Each[n-1], pdf); err != nil {
			return af, err
		}
		produced = append(produced, annexProduced(af.Each[n-1], ex, d, n))
	}
	pdf, err := RenderAnnexes(d, nil, printed)
	if err != nil {
		return af, err
	}
	af.Combined = filepath.Join(dir, fmt.Sprintf("%sANNEXES_%d.pdf", prefix, ex.Year()))
	if err := ledger.WriteOutputBytes(af.Combined, pdf); err != nil {
		return af, err
	}
	return af, r.RegisterWritten(append(produced, annexProduced(af.Combined, ex, d, 0))...)
}

// WriteAnnex writes annexe n (1 to 5) of exercise ex alone into dir,
// registered, and returns its path and the data (its checks to show).
func WriteAnnex(r *app.Residence, dir string, ex ledger.Exercise, n int, printed time.Time) (string, *AnnexesData, error) {
	pdf, d, err := AnnexesPDF(r, ex, []int{n}, printed)
	if err != nil {
		return "", nil, err
	}
	prefix := ""
	if d.Provisional {
		prefix = "PROJET_"
	}
	path := filepath.Join(dir, fmt.Sprintf("%sANNEXE%d_%d.pdf", prefix, n, ex.Year()))
	return path, d, r.WriteDocument(pdf, annexProduced(path, ex, d, n))
}

// annexProduced is the register's line of annexe n (0: the five in one
// file), dated the exercise's end; a draft's title says « projet ».
func annexProduced(path string, ex ledger.Exercise, d *AnnexesData, n int) app.Produced {
	title := fmt.Sprintf("Annexe %d de l'exercice %s", n, ex.Name())
	if n == 0 {
		title = fmt.Sprintf("Annexes comptables 1 à 5 de l'exercice %s", ex.Name())
	}
	if d.Provisional {
		title += " (projet)"
	}
	return app.Produced{Path: path, Kind: "annex", Date: ex.End, Exercise: ex.ID, Title: title}
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
