package importing

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
	"tantieme/sheet"
)

// rowEmpty says whether a row holds nothing but blanks (merged cells
// covering it do not count: they show another row's value).
func (p *Plan) rowEmpty(r int) bool {
	if r < 1 || r > p.sh.RowCount() {
		return true
	}
	for _, c := range p.sh.Row(r) {
		if !c.IsEmpty() || c.Formula {
			return false
		}
	}
	return true
}

var totalRowWords = []string{"total", "totaux", "sous total", "total general", "somme", "sommes"}

func isTotalText(s string) bool {
	// Every word above starts with s or t: most cells are ruled out
	// without normalising them.
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if r != 't' && r != 'T' && r != 's' && r != 'S' {
				return false
			}
			break
		}
	}
	n := sheet.NormHeader(s)
	for _, w := range totalRowWords {
		if n == w || strings.HasPrefix(n, w+" ") {
			return true
		}
	}
	return false
}

// rowCtx reads the fields of one data row.
type rowCtx struct {
	p   *Plan
	row int
	idx int      // index of the row in p.Rows, for values settled after the walk
	pr  *PlanRow // valid during the walk only (p.Rows grows)
}

// walk calls fn for each data row below the header. Empty rows, total rows
// ("Total", "TOTAL GÉNÉRAL", "Sous-total" in their first filled cell, or
// rows at the bottom with no identity field, only sums) are kept in the
// plan as skipped rows.
func (p *Plan) walk(fn func(rc *rowCtx)) {
	identity := p.imp.identity()
	start := p.HeaderRow + 1
	n := p.sh.RowCount()
	kind := make([]byte, n+1) // 'e' empty, 't' total, 'd' data, 's' sums without identity
	hasIdentity := func(r int) bool {
		for _, f := range identity {
			if c := p.Mapping[f]; c > 0 && !p.sh.Shown(r, c).IsEmpty() && !isTotalText(p.sh.Shown(r, c).Text()) {
				return true
			}
		}
		return false
	}
	lastData := 0
	for r := start; r <= n; r++ {
		switch {
		case p.rowEmpty(r):
			kind[r] = 'e'
		case p.firstTextIsTotal(r) && !hasIdentity(r):
			kind[r] = 't'
		case hasIdentity(r):
			kind[r] = 'd'
			lastData = r
		default:
			kind[r] = 's'
		}
	}
	// Room for every row at once: growing p.Rows row by row copied it
	// over and over on a sheet of 100,000 rows (issue 22).
	p.Rows = slices.Grow(p.Rows, max(0, n-start+1))
	for r := start; r <= n; r++ {
		pr := PlanRow{Row: r, Values: make([]string, len(p.Fields))}
		switch kind[r] {
		case 'e':
			pr.Skipped = "ligne vide"
		case 't':
			pr.Skipped = "ligne de total (« " + p.firstText(r) + " »)"
			p.totals = append(p.totals, r)
		case 's':
			if r > lastData {
				pr.Skipped = "ligne de totaux en bas du tableau"
				p.totals = append(p.totals, r)
			}
		}
		p.Rows = append(p.Rows, pr)
		if pr.Skipped != "" {
			continue
		}
		fn(&rowCtx{p: p, row: r, idx: len(p.Rows) - 1, pr: &p.Rows[len(p.Rows)-1]})
	}
}

func (p *Plan) firstText(r int) string {
	if r < 1 || r > p.sh.RowCount() {
		return ""
	}
	for c := range p.sh.Row(r) {
		if cell := p.sh.Shown(r, c+1); !cell.IsEmpty() {
			return sheet.CleanText(cell.Text())
		}
	}
	return ""
}

func (p *Plan) firstTextIsTotal(r int) bool { return isTotalText(p.firstText(r)) }

// col is the column a field is read from (0 when not mapped).
func (rc *rowCtx) col(field string) int { return rc.p.Mapping[field] }

// raw is the field's cell as stored; merged cells do not repeat their value
// (an amount merged over two rows counts once).
func (rc *rowCtx) raw(field string) sheet.Cell {
	if c := rc.col(field); c > 0 {
		return rc.p.sh.Cell(rc.row, c)
	}
	return sheet.Cell{}
}

// shown is the field's cell as the user sees it: a name merged over the
// rows of an owner's lots belongs to each of them.
func (rc *rowCtx) shown(field string) sheet.Cell {
	if c := rc.col(field); c > 0 {
		return rc.p.sh.Shown(rc.row, c)
	}
	return sheet.Cell{}
}

func (rc *rowCtx) problem(field string, warning bool, format string, args ...any) {
	e := &Problem{Row: rc.row, Col: rc.col(field), Msg: fmt.Sprintf(format, args...), Warning: warning}
	if !warning && e.Col > 0 {
		// One blocking problem per cell: a cell refused for its text is
		// then read as empty, and "the name is required" would only
		// repeat the cause.
		for _, other := range rc.pr.Problems {
			if !other.Warning && other.Col == e.Col {
				return
			}
		}
	}
	if e.Col > 0 {
		e.Field = rc.p.label(field)
	}
	rc.p.add(e)
	rc.pr.Problems = append(rc.pr.Problems, e)
}

// fail records a blocking problem at the field's column (the row when the
// field is "").
func (rc *rowCtx) fail(field, format string, args ...any) { rc.problem(field, false, format, args...) }

func (rc *rowCtx) warn(field, format string, args ...any) { rc.problem(field, true, format, args...) }

// setRow records a value settled after the walk (an inferred journal, an
// account given by sequence) in row idx of the preview.
func (p *Plan) setRow(idx int, field, v string) {
	if i, ok := p.fieldIdx[field]; ok {
		p.Rows[idx].Values[i] = v
	}
}

// set records the value the import will use for field, for the preview.
func (rc *rowCtx) set(field, v string) {
	if i, ok := rc.p.fieldIdx[field]; ok {
		rc.pr.Values[i] = v
	}
}

// uncomputed reports a formula cell whose result was never saved (files
// written by programs that do not calculate).
func (rc *rowCtx) uncomputed(field string, c sheet.Cell) bool {
	if c.Kind == sheet.CellEmpty && c.Formula {
		rc.fail(field, "la formule de cette cellule n'a pas de valeur calculée : ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le")
		return true
	}
	return false
}

// text reads a free-text field: trimmed, inner runs of spaces folded.
func (rc *rowCtx) text(field string) string {
	c := rc.shown(field)
	if rc.uncomputed(field, c) {
		return ""
	}
	if c.Kind == sheet.CellError {
		rc.fail(field, "la cellule contient une erreur de formule (%s)", c.Value)
		return ""
	}
	v := rc.checkText(field, sheet.CleanText(c.Text()))
	rc.set(field, v)
	return v
}

// code reads a code (account, lot, key, journal) as the cell shows it:
// "001" typed as text stays 001, the number 1 is "1".
func (rc *rowCtx) code(field string) string {
	c := rc.shown(field)
	if rc.uncomputed(field, c) {
		return ""
	}
	if c.Kind == sheet.CellError {
		rc.fail(field, "la cellule contient une erreur de formule (%s)", c.Value)
		return ""
	}
	v := strings.Join(strings.Fields(c.Text()), "")
	if c.Kind == sheet.CellText {
		v = strings.TrimSpace(strings.Trim(c.Value, " \t\r\n\u00a0\u202f"))
	}
	v = rc.checkText(field, v)
	rc.set(field, v)
	return v
}

// amount reads an amount; ok is false when the cell holds something else
// (the problem is recorded). An empty cell is 0.
func (rc *rowCtx) amount(field string) (a ledger.Amount, ok bool) {
	c := rc.raw(field)
	if rc.uncomputed(field, c) {
		return 0, false
	}
	a, empty, msg := sheet.ReadAmount(c)
	if msg != "" {
		rc.fail(field, "%s", msg)
		return 0, false
	}
	if !empty {
		rc.set(field, a.Format())
	}
	return a, true
}

// date reads a date; a zero time with ok true means the cell is empty.
func (rc *rowCtx) date(field string) (t time.Time, ok bool) {
	c := rc.shown(field)
	if rc.uncomputed(field, c) {
		return t, false
	}
	t, empty, msg := sheet.ReadDate(c)
	if msg != "" {
		rc.fail(field, "%s", msg)
		return t, false
	}
	if !empty {
		rc.set(field, ledger.FrenchDate(t))
	}
	return t, true
}

// decimal reads a number of shares; empty cells are zero.
func (rc *rowCtx) decimal(field string) (d decimal.Decimal, empty, ok bool) {
	c := rc.raw(field)
	if rc.uncomputed(field, c) {
		return d, false, false
	}
	d, empty, msg := sheet.ReadDecimal(c)
	if msg != "" {
		rc.fail(field, "%s", msg)
		return d, false, false
	}
	if !empty {
		rc.set(field, strings.Replace(d.String(), ".", ",", 1))
	}
	return d, empty, true
}
