package sheet

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// Limits that keep a damaged or hostile file from exhausting memory or time.
// A copropriété's workbook is well under 5 MB and a few thousand rows (ten
// years of books are about 50 000 entry lines), so each limit is far above
// what a real file needs while keeping an import within about 200 MB of
// memory whatever the input.
const (
	MaxFileBytes      = 64 << 20  // the file on disk
	maxPartBytes      = 128 << 20 // one part of an .xlsx package, decompressed: a sheet of 2 000 000 cells is about 100 MB of XML
	maxTokenBytes     = 1 << 20   // one XML token (a tag, a run of text): a cell of 32 767 characters fits, escaped
	maxXMLDepth       = 256       // nesting of XML elements; Excel's parts nest fewer than 10
	maxXMLName        = 256       // bytes of an element's name, kept while it is open
	maxRelationAttr   = 4096      // bytes of a relationship's id, type or target; longer ones are ignored
	maxZipEntries     = 10_000    // files in the package
	maxCSVRecordBytes = 4 << 20   // one CSV record (one line, or more when a quoted field holds line breaks)

	MaxRows       = 200_000   // last row holding a value
	MaxCells      = 2_000_000 // cells held by a sheet (empty ones before a value in its row included), or shared texts
	maxSheetText  = 32 << 20  // bytes of text held by a sheet, or by the shared texts
	MaxCellChars  = 32_767    // Excel's own limit of characters in a cell
	maxMerges     = 100_000   // merged ranges of a sheet
	maxSheets     = 4096      // sheets of a workbook
	maxSheetName  = 1024      // bytes of a sheet's name (Excel allows 31 characters)
	maxRelations  = 65_536    // relationships of a part
	maxStyles     = 65_536    // cell formats read (Excel allows 64 000); further ones read as General
	maxNumFmts    = 4096      // custom number formats read (Excel allows about 250)
	maxFormatCode = 255       // characters of a number format code (Excel's limit)
	maxSheetRows  = 1 << 20   // Excel's last row: 1 048 576
	maxSheetCols  = 1 << 14   // Excel's last column: XFD
)

// Advice ending the message about a damaged workbook.
const damagedAdvice = "le classeur est endommagé : ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau au format « Classeur Excel (.xlsx) »"

// readProblem is a problem met while reading a file, in French, located as
// precisely as the reader knows (row and column of the cell, or none).
// Damaged tells real damage (a truncated part, a bad checksum, a reference
// to nothing) from a file beyond a limit, so that the user is told to re-save
// the file only when that helps.
type readProblem struct {
	Row, Col int
	Msg      string
	Damaged  bool
	Err      error // the cause, for logs
}

func (p *readProblem) Error() string {
	if p.Err != nil {
		return p.Msg + " (" + p.Err.Error() + ")"
	}
	return p.Msg
}

func (p *readProblem) Unwrap() error { return p.Err }

func damagef(row, col int, format string, args ...any) *readProblem {
	return &readProblem{Row: row, Col: col, Msg: fmt.Sprintf(format, args...), Damaged: true}
}

func limitf(row, col int, format string, args ...any) *readProblem {
	return &readProblem{Row: row, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// locate turns a problem met while reading into the error shown to the user:
// a *ledger.Error of kind Invalid whose message names the file, the sheet and
// the cell, wrapping an *Problem (errors.As finds the location) that
// wraps the problem. Other errors are returned as they are.
func locate(err error, file, sheet string) error {
	var p *readProblem
	if err == nil || !errors.As(err, &p) {
		return err
	}
	msg := p.Msg
	if p.Damaged {
		msg += " ; " + damagedAdvice
	}
	ie := &Problem{File: file, Sheet: sheet, Row: p.Row, Col: p.Col, Msg: msg}
	return &ledger.Error{Kind: ledger.Invalid, Msg: ie.Where() + " : " + msg, Err: &locatedError{ie, p}}
}

// locatedError is the *Problem of a reading problem, keeping the problem
// (and its cause) in the chain.
type locatedError struct {
	*Problem
	cause *readProblem
}

func (e *locatedError) Unwrap() []error { return []error{e.Problem, e.cause} }

// thousands writes n the French way: 200 000.
func thousands(n int) string { return fr.Shares(decimal.NewFromInt(int64(n))) }
