package importing

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/sheet"
)

// The import assistant works in four steps, each backed by this API:
//
//  1. sheet.OpenWorkbook (or sheet.ReadWorkbook) reads the file; SheetNames lists its
//     sheets. Options.HeaderRow says whether a row holds headers.
//  2. Fields lists the fields of a kind; Prepare pre-fills
//     Plan.Mapping from the headers, and Plan.Columns gives the
//     choices of each drop-down ("D — Tantièmes"). A changed choice goes in
//     Options.Mapping and Prepare is called again.
//  3. The plan is the preview: Plan.Rows holds each row as it will be
//     read, with its problems; Plan.Problems every problem, located;
//     Plan.Report what the import will create and skip.
//  4. Apply writes it all in one transaction, or nothing when any
//     blocking problem remains, and returns the report.

// NoHeader, as Options.HeaderRow, says the file has no header row.
const NoHeader = -1

// BalanceAt says where imported balances go.
type BalanceAt string

const (
	// BalanceOpening posts them as opening balances: journal AN, first day of exercise N.
	BalanceOpening BalanceAt = "opening"
	// BalanceClosing posts them in journal OD on the last day of exercise N-1.
	BalanceClosing BalanceAt = "closing"
)

// Options say what to import and how to read the file.
type Options struct {
	Kind      Kind
	Sheet     string            // "" for the first sheet
	HeaderRow int               // 0: found from the headers it names; NoHeader; n: row n
	Mapping   map[string]string // field name → column letter ("D") or header text; "" leaves the field out
	Year      int               // budget: exercise starting in that year (required); balance: exercise N (0: the working one)
	At        BalanceAt         // balance: BalanceOpening (default) or BalanceClosing
	Label     string            // balance: label of the entry (default "Reprise de la balance")
}

// Column is a column of the sheet, as the mapping drop-downs offer it.
type Column struct {
	Number int    // 1-based
	Letter string // "D"
	Header string // its header text, "" without header row
}

// String is how a drop-down shows the column: "D — Tantièmes" or "D".
func (c Column) String() string {
	if c.Header == "" {
		return "Colonne " + c.Letter
	}
	return c.Letter + " — " + c.Header
}

// PlanRow is a row of the sheet as the import reads it.
type PlanRow struct {
	Row      int      // 1-based, as Excel shows it
	Values   []string // one per field of the plan (Fields order), normalised: what will be written
	Skipped  string   // why the row is left out; "" when it is imported
	Problems []*Problem
}

// SkippedRow is a row left out of the import, with the reason.
type SkippedRow struct {
	Row    int
	Reason string
}

// Report says what an import created (or, in a plan, will create) and
// what it skipped.
type Report struct {
	Kind        Kind
	File        string
	Sheet       string
	Rows        int    // rows read and imported
	Owners      int    // created
	Lots        int    // created
	Shares      int    // lot × key shares written
	Keys        int    // created
	KeysUpdated int    // keys whose declared total changed
	Accounts    int    // accounts added to the chart
	Entries     int    // entries posted
	Lines       int    // their lines
	SafetyCopy  string // the archive of the residence taken just before
	BudgetLines int    // budget lines written
	Notes       []string
	Skipped     []SkippedRow
	Warnings    []*Problem
}

// Plan is a file read for import against the residence as it is: the
// preview of step 3. Nothing is written until Apply.
type Plan struct {
	Kind      Kind
	File      string
	Sheet     string
	HeaderRow int // 0 when the sheet has none
	Columns   []Column
	Fields    []Field
	Mapping   map[string]int // field name → column number; 0 when the field is not read
	Rows      []PlanRow
	Problems  []*Problem   // every problem (errors and warnings), located, in row order, sheet-wide ones first
	Summary   app.Problems // the same as one sentence each: what blocks the import, what to read
	Report    Report       // what Apply will do

	wb       *sheet.Workbook
	sh       *sheet.Sheet
	opts     Options
	imp      importer
	fieldIdx map[string]int
	totals   []int  // rows skipped as total rows
	data     any    // what the kind's apply writes
	digest   string // of what it would write (digest.go)
}

// Blocking says whether a problem stops the import.
func (p *Plan) Blocking() bool { return p.Summary.Blocked() }

// Err is nil when the plan can be applied, else the first blocking problem
// as a *ledger.Error of kind Invalid (with the count of the others).
func (p *Plan) Err() error { return blockingError(p.Problems) }

// importer is what each kind of file implements.
type importer interface {
	// identity lists the fields that make a row a row of data: a row
	// without any of them at the bottom of the sheet is a total row.
	identity() []string
	// plan reads the data rows into p: values and problems of each row,
	// sheet-wide problems, p.Report, and in p.data what apply writes.
	plan(tx *ledger.Tx, p *Plan) error
	apply(tx *ledger.Tx, p *Plan) error
	// digest sums up in d what apply would write.
	digest(d *app.PlanDigest, p *Plan)
}

func importerFor(kind Kind) (importer, error) {
	switch kind {
	case Owners:
		return ownersImport{}, nil
	case Shares:
		return sharesImport{}, nil
	case Balance:
		return balanceImport{}, nil
	case Entries:
		return entriesImport{}, nil
	case Budget:
		return budgetImport{}, nil
	}
	return nil, ledger.Errorf(ledger.Invalid, "Type d'import inconnu « %s » (types : owners, shares, balance, entries, budget)", kind)
}

// Prepare reads the chosen sheet of wb as opts say, against the
// residence as it is now, and returns the preview. An error is returned for
// options that cannot be followed (unknown sheet, field or column, exercise
// that does not exist); problems of the file's content are in the plan.
func Prepare(r *app.Residence, wb *sheet.Workbook, opts Options) (*Plan, error) {
	var p *Plan
	err := r.View(func(tx *ledger.Tx) (err error) {
		p, err = planImport(tx, wb, opts)
		return err
	})
	return p, err
}

// Apply writes a plan in one transaction. The file is read again
// against the residence inside that transaction, so what is written is what
// the checks saw; if any blocking problem remains, nothing is written and
// the error says the first one. If the books changed since the preview so
// that the import would write something else, nothing is written either:
// the preview must be made again.
func Apply(r *app.Residence, p *Plan) (*Report, error) {
	if err := p.Err(); err != nil {
		return nil, err
	}
	copyPath, err := r.MakeRoom(len(p.Rows), ledger.ReasonImport)
	if err != nil {
		return nil, err
	}
	var rep *Report
	err = r.Update(func(tx *ledger.Tx) error {
		fresh, err := planImport(tx, p.wb, p.opts)
		if err != nil {
			return err
		}
		if err := fresh.Err(); err != nil {
			return err
		}
		if err := app.CheckFresh(p.digest, fresh.digest, "Les comptes ont changé depuis l'aperçu de l'import : refaites l'aperçu avant d'importer"); err != nil {
			return err
		}
		if err := fresh.imp.apply(tx, fresh); err != nil {
			return err
		}
		rep = &fresh.Report
		rep.SafetyCopy = copyPath
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// Run prepares and applies in one go (the CLI's way).
func Run(r *app.Residence, wb *sheet.Workbook, opts Options) (*Report, error) {
	p, err := Prepare(r, wb, opts)
	if err != nil {
		return nil, err
	}
	return Apply(r, p)
}

func planImport(tx *ledger.Tx, wb *sheet.Workbook, opts Options) (*Plan, error) {
	imp, err := importerFor(opts.Kind)
	if err != nil {
		return nil, err
	}
	sh, err := wb.Sheet(opts.Sheet)
	if err != nil {
		return nil, err
	}
	p := &Plan{Kind: opts.Kind, File: wb.Name, Sheet: sh.Name, Fields: Fields(opts.Kind),
		wb: wb, sh: sh, opts: opts, imp: imp, fieldIdx: map[string]int{}}
	p.Report = Report{Kind: opts.Kind, File: wb.Name, Sheet: sh.Name}
	for i, f := range p.Fields {
		p.fieldIdx[f.Name] = i
	}
	if err := p.setupColumns(); err != nil {
		return nil, err
	}
	mapping := p.Problems
	if err := imp.plan(tx, p); err != nil {
		return nil, err
	}
	if hasBlocking(mapping) {
		// Until every required field has its column, the rows' problems
		// would only repeat that one: the preview keeps the values read.
		p.Problems = mapping
		for i := range p.Rows {
			p.Rows[i].Problems = nil
		}
	}
	sort.SliceStable(p.Problems, func(i, j int) bool { return p.Problems[i].Row < p.Problems[j].Row })
	p.Summary = nil
	for _, e := range p.Problems {
		p.summarize(e)
		if e.Warning {
			p.Report.Warnings = append(p.Report.Warnings, e)
		}
	}
	for _, r := range p.Rows {
		if r.Skipped != "" {
			p.Report.Skipped = append(p.Report.Skipped, SkippedRow{Row: r.Row, Reason: r.Skipped})
		} else {
			p.Report.Rows++
		}
	}
	p.digest = planDigest(p)
	return p, nil
}

// fixedOrder says whether the kind's columns have a documented order that
// holds when headers are missing or not recognised.
func (p *Plan) fixedOrder() bool {
	return p.Kind == Balance || p.Kind == Entries || p.Kind == Budget || p.Kind == Shares
}

// setupColumns finds the header row, lists the columns and maps the fields.
func (p *Plan) setupColumns() error {
	sh, opts := p.sh, p.opts
	switch {
	case opts.HeaderRow > 0:
		if opts.HeaderRow > sh.RowCount() {
			return ledger.Errorf(ledger.Invalid, "%s : la ligne d'en-têtes %d est après la fin des données (ligne %d)", p.where(), opts.HeaderRow, sh.RowCount())
		}
		p.HeaderRow = opts.HeaderRow
	case opts.HeaderRow == NoHeader:
	case opts.HeaderRow < 0:
		return ledger.Errorf(ledger.Invalid, "Ligne d'en-têtes %d invalide", opts.HeaderRow)
	default:
		if d, ok := p.imp.(interface{ detectHeader(*Plan) int }); ok {
			p.HeaderRow = d.detectHeader(p)
		} else {
			p.HeaderRow = p.detectHeader()
		}
	}
	ncol := sh.ColCount()
	for _, f := range p.Fields {
		ncol = max(ncol, f.Position)
	}
	norms := make([]string, ncol)
	for c := 1; c <= ncol; c++ {
		col := Column{Number: c, Letter: sheet.ColumnLetter(c)}
		if p.HeaderRow > 0 {
			col.Header = sheet.CleanText(sh.Shown(p.HeaderRow, c).Text())
			norms[c-1] = normHeaderCell(col.Header)
		}
		p.Columns = append(p.Columns, col)
	}
	p.Mapping = map[string]int{}
	for _, f := range p.Fields {
		p.Mapping[f.Name] = 0
	}
	if p.HeaderRow > 0 {
		for name, c := range mapHeaders(p.Fields, norms) {
			p.Mapping[name] = c
		}
		if p.fixedOrder() {
			// A required field whose header was not recognised is read from
			// its documented place when that column is free and its header
			// names nothing else; the plan says so.
			used := map[int]bool{}
			for _, c := range p.Mapping {
				used[c] = true
			}
			for _, f := range p.Fields {
				if !f.Required || p.Mapping[f.Name] != 0 || f.Position == 0 || used[f.Position] || f.Position > sh.ColCount() {
					continue
				}
				if h := norms[f.Position-1]; h != "" && anyFieldMatches(p.Fields, h) {
					continue
				}
				p.Mapping[f.Name] = f.Position
				used[f.Position] = true
				if h := p.Columns[f.Position-1].Header; h != "" {
					p.warnSheet("la colonne %s (« %s ») est lue comme « %s » d'après sa place", sheet.ColumnLetter(f.Position), h, f.Label)
				} else {
					p.warnSheet("la colonne %s, sans en-tête, est lue comme « %s » d'après sa place", sheet.ColumnLetter(f.Position), f.Label)
				}
			}
		}
	} else {
		for _, f := range p.Fields {
			p.Mapping[f.Name] = f.Position
		}
	}
	for name, spec := range opts.Mapping {
		if _, ok := p.fieldIdx[name]; !ok {
			names := make([]string, len(p.Fields))
			for i, f := range p.Fields {
				names[i] = f.Name
			}
			return ledger.Errorf(ledger.Invalid, "Champ « %s » inconnu pour l'import %s (champs : %s)", name, p.Kind, strings.Join(names, ", "))
		}
		spec = strings.TrimSpace(spec)
		if spec == "" || spec == "-" {
			p.Mapping[name] = 0
			continue
		}
		c := p.resolveColumn(spec)
		if c == 0 {
			return ledger.Errorf(ledger.Invalid, "%s : colonne « %s » introuvable pour le champ %s (ni un en-tête de la feuille, ni une lettre de colonne)", p.where(), spec, name)
		}
		p.Mapping[name] = c
	}
	byCol := map[int]string{}
	for _, f := range p.Fields {
		c := p.Mapping[f.Name]
		if c == 0 {
			if f.Required {
				p.failSheet("aucune colonne n'a été reconnue pour le champ « %s » (%s) : associez-lui la colonne qui le contient", f.Label, f.Name)
			}
			continue
		}
		if other, dup := byCol[c]; dup {
			p.failSheet("la colonne %s est associée à deux champs, « %s » et « %s »", sheet.ColumnLetter(c), p.label(other), f.Label)
		}
		byCol[c] = f.Name
	}
	return nil
}

func anyFieldMatches(fields []Field, h string) bool {
	for _, f := range fields {
		if matchTier(f, h) > 0 {
			return true
		}
	}
	return false
}

// mapHeaders maps fields to columns from normalised headers: every exact
// match first, then matches without small words, then by first words; a
// column serves one field, the leftmost wins.
func mapHeaders(fields []Field, headers []string) map[string]int {
	out := map[string]int{}
	taken := map[int]bool{}
	for tier := 1; tier <= 3; tier++ {
		for _, f := range fields {
			if _, done := out[f.Name]; done {
				continue
			}
			for i, h := range headers {
				if !taken[i+1] && matchTier(f, h) == tier {
					out[f.Name] = i + 1
					taken[i+1] = true
					break
				}
			}
		}
	}
	return out
}

// detectHeader finds the header row among the first rows: the one naming
// the most fields (at least two, or the only one a kind has). Titles above
// it ("Liste des copropriétaires") are then skipped. Without such a row,
// kinds with a documented column order read from the first row, unless its
// amount columns hold words (headers, then); the others take their first
// row as headers (NoHeader says otherwise).
func (p *Plan) detectHeader() int {
	need := min(2, len(p.Fields))
	best, bestScore := 0, 0
	for r := 1; r <= min(20, p.sh.RowCount()); r++ {
		var norms []string
		for c := 1; c <= len(p.sh.Row(r)); c++ {
			norms = append(norms, normHeaderCell(p.sh.Shown(r, c).Text()))
		}
		if s := len(mapHeaders(p.Fields, norms)); s > bestScore {
			best, bestScore = r, s
		}
	}
	if bestScore >= need {
		return best
	}
	if !p.fixedOrder() {
		// Without a documented order to fall back on, a file whose headers
		// name one field or none still has its headers on top: the
		// unrecognised fields are then reported, never read from a guess.
		if bestScore > 0 {
			return best
		}
		for r := 1; r <= p.sh.RowCount(); r++ {
			if !p.rowEmpty(r) {
				return r
			}
		}
		return 0
	}
	{
		first := 0
		for r := 1; r <= p.sh.RowCount(); r++ {
			if !p.rowEmpty(r) {
				first = r
				break
			}
		}
		if first == 0 {
			return 0
		}
		words := 0
		for _, f := range p.Fields {
			if f.Name != fDebit && f.Name != fCredit && f.Name != fAmount || f.Position == 0 {
				continue
			}
			c := p.sh.Cell(first, f.Position)
			if c.IsEmpty() {
				continue
			}
			if _, _, msg := sheet.ReadAmount(c); msg == "" {
				return 0
			}
			words++
		}
		if words > 0 {
			return first
		}
	}
	return 0
}

func (p *Plan) resolveColumn(spec string) int {
	if p.HeaderRow > 0 {
		n := sheet.NormHeader(spec)
		for _, c := range p.Columns {
			if n != "" && sheet.NormHeader(c.Header) == n {
				return c.Number
			}
		}
	}
	if c := sheet.ColumnOfLetter(spec); c > 0 {
		return c
	}
	return 0
}

func (p *Plan) label(field string) string {
	if i, ok := p.fieldIdx[field]; ok {
		return p.Fields[i].Label
	}
	return field
}

// where locates the sheet in messages: "f.xlsx, feuille « S »".
func (p *Plan) where() string {
	e := Problem{File: p.File, Sheet: p.Sheet}
	return e.Where()
}

func (p *Plan) add(e *Problem) {
	e.File, e.Sheet = p.File, p.Sheet
	p.Problems = append(p.Problems, e)
	p.summarize(e)
}

// summarize adds a located problem to the plan's summary, one sentence
// for one problem as the located list has them (Problems.Add, which
// compares each sentence with all the others, would be too slow for a
// sheet of 50,000 rows).
func (p *Plan) summarize(e *Problem) {
	p.Summary = append(p.Summary, app.PlanProblem{Text: e.Error(), Blocking: !e.Warning})
}

func (p *Plan) failSheet(format string, args ...any) {
	p.add(&Problem{Msg: fmt.Sprintf(format, args...)})
}

func (p *Plan) warnSheet(format string, args ...any) {
	p.add(&Problem{Msg: fmt.Sprintf(format, args...), Warning: true})
}

func (p *Plan) note(format string, args ...any) {
	p.Report.Notes = append(p.Report.Notes, fr.Sentence(fmt.Sprintf(format, args...)))
}

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

// String writes the report in French, as the CLI prints it.
func (r *Report) String() string {
	var b strings.Builder
	src := r.File
	if r.Sheet != "" {
		src += ", feuille « " + r.Sheet + " »"
	}
	fmt.Fprintf(&b, "Import %s depuis %s : %s.\n", kindWhat(r.Kind), src, pluralFR(r.Rows, "ligne lue", "lignes lues"))
	var made []string
	for _, c := range []struct {
		n          int
		one, other string
	}{
		{r.Owners, "copropriétaire créé", "copropriétaires créés"},
		{r.Lots, "lot créé", "lots créés"},
		{r.Keys, "clé créée", "clés créées"},
		{r.Shares, "tantième enregistré", "tantièmes enregistrés"},
		{r.KeysUpdated, "total de clé mis à jour", "totaux de clés mis à jour"},
		{r.Accounts, "compte ajouté au plan comptable", "comptes ajoutés au plan comptable"},
		{r.Entries, "écriture passée", "écritures passées"},
		{r.Lines, "ligne d'écriture", "lignes d'écritures"},
		{r.BudgetLines, "ligne de budget enregistrée", "lignes de budget enregistrées"},
	} {
		if c.n > 0 {
			made = append(made, pluralFR(c.n, c.one, c.other))
		}
	}
	if len(made) == 0 {
		made = []string{"rien à créer"}
	}
	fmt.Fprintf(&b, "Créé : %s.\n", strings.Join(made, ", "))
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "%s\n", n)
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "Lignes ignorées :\n")
		for _, s := range compressSkipped(r.Skipped) {
			fmt.Fprintf(&b, "  %s\n", s)
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(&b, "Avertissements :\n")
		for _, w := range r.Warnings {
			fmt.Fprintf(&b, "  %s\n", w.Error())
		}
	}
	return b.String()
}

func kindWhat(k Kind) string {
	switch k {
	case Owners:
		return "des copropriétaires"
	case Shares:
		return "de la grille des tantièmes"
	case Balance:
		return "de la balance"
	case Entries:
		return "des écritures"
	case Budget:
		return "du budget"
	}
	return string(k)
}

func pluralFR(n int, one, other string) string {
	if n == 1 || n == 0 && strings.HasPrefix(one, "ligne") {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, other)
}

// compressSkipped writes consecutive rows skipped for the same reason as
// one range: "lignes 30 à 45 : ligne vide".
func compressSkipped(list []SkippedRow) []string {
	var out []string
	for i := 0; i < len(list); {
		j := i
		for j+1 < len(list) && list[j+1].Reason == list[i].Reason && list[j+1].Row == list[j].Row+1 {
			j++
		}
		if j == i {
			out = append(out, fmt.Sprintf("ligne %d : %s", list[i].Row, list[i].Reason))
		} else {
			out = append(out, fmt.Sprintf("lignes %d à %d : %s", list[i].Row, list[j].Row, list[i].Reason))
		}
		i = j + 1
	}
	return out
}
