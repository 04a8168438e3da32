package importing

import (
	"fmt"
	"sort"

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
	// version is the state of the books the plan was made against
	// (Prepare); applied marks a plan Apply has used once.
	version ledger.BooksVersion
	applied bool
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
		if err == nil {
			p.version = tx.BooksVersion()
		}
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
		fresh := p
		// The file is read again against the books unless nothing at all
		// was committed to the residence since the preview (BooksVersion:
		// by this opening or any other): the same sheet against the same
		// books makes the same plan, whose checks then still hold. A plan
		// is used so once only: trying again after a failure reads again.
		if !p.version.Same(tx.BooksVersion()) || p.applied {
			var err error
			if fresh, err = planImport(tx, p.wb, p.opts); err != nil {
				return err
			}
			if err := fresh.Err(); err != nil {
				return err
			}
			if err := app.CheckFresh(p.digest, fresh.digest, "Les comptes ont changé depuis l'aperçu de l'import : refaites l'aperçu avant d'importer"); err != nil {
				return err
			}
		}
		p.applied = true
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
