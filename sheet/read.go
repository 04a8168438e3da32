package sheet

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"tantieme/ledger"
)

// Workbook is a spreadsheet opened for import. Its sheets are read when
// first asked for (Sheet), so choosing a sheet in a large workbook does not
// read the others. It is not safe for concurrent use: a screen plans its
// imports one at a time.
type Workbook struct {
	Name   string // base name of the file, as messages show it
	Format string // "xlsx" or "csv"
	sheets []*Sheet
	x      *ooxml // nil for CSV
}

// SheetNames lists the sheets in workbook order (one unnamed sheet for CSV).
func (w *Workbook) SheetNames() []string {
	out := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		out[i] = s.Name
	}
	return out
}

// Sheet returns the named sheet, read on first use; "" is the first sheet.
// The name is matched exactly, then ignoring case and surrounding spaces.
func (w *Workbook) Sheet(name string) (*Sheet, error) {
	if len(w.sheets) == 0 {
		return nil, ledger.Errorf(ledger.Invalid, "« %s » ne contient aucune feuille", w.Name)
	}
	var s *Sheet
	if name == "" {
		s = w.sheets[0]
	} else {
		for _, c := range w.sheets {
			if c.Name == name {
				s = c
				break
			}
		}
		if s == nil {
			for _, c := range w.sheets {
				if strings.EqualFold(strings.TrimSpace(c.Name), strings.TrimSpace(name)) {
					s = c
					break
				}
			}
		}
	}
	if s == nil {
		return nil, ledger.Errorf(ledger.Invalid, "« %s » n'a pas de feuille « %s » (feuilles : %s)", w.Name, name, quoteNames(w.SheetNames()))
	}
	if !s.loaded {
		if err := w.x.loadSheet(s); err != nil {
			// The message says the real cause: damage (with the advice to
			// save the file again) or a limit, with its location.
			if located := locate(err, w.Name, s.Name); located != err {
				return nil, located
			}
			return nil, ledger.Wrap(ledger.Invalid, err, "« %s », feuille « %s » : %s", w.Name, s.Name, damagedAdvice)
		}
		s.loaded = true
	}
	return s, nil
}

func quoteNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "« " + n + " »"
	}
	return strings.Join(q, ", ")
}

// Sheet is one sheet's cells. Row and column numbers are 1-based, as Excel
// shows them.
type Sheet struct {
	Name     string // "" for a CSV file
	Hidden   bool
	rows     [][]Cell // rows[i] holds row i+1, without trailing empty cells
	merged   []cellRange
	mergeOf  map[[2]int]int // (row, col) → index in merged, for covered cells only
	date1904 bool
	loaded   bool
	part     string // worksheet part in the package
}

type cellRange struct{ r1, c1, r2, c2 int }

// RowCount is the number of the last row holding a cell.
func (s *Sheet) RowCount() int { return len(s.rows) }

// Row is row r's cells as stored (1-based; nil beyond the last row), for
// the callers that walk every cell of a row; the slice is the sheet's own,
// not to be changed.
func (s *Sheet) Row(r int) []Cell {
	if r < 1 || r > len(s.rows) {
		return nil
	}
	return s.rows[r-1]
}

// ColCount is the number of the last column holding a cell in any row.
func (s *Sheet) ColCount() int {
	n := 0
	for _, r := range s.rows {
		if len(r) > n {
			n = len(r)
		}
	}
	return n
}

// Cell returns the cell at row, col as stored: a cell covered by a merged
// range (other than its top-left one) is empty.
func (s *Sheet) Cell(row, col int) Cell {
	if row < 1 || row > len(s.rows) || col < 1 || col > len(s.rows[row-1]) {
		return Cell{}
	}
	return s.rows[row-1][col-1]
}

// Shown returns the cell as the user sees it: a cell covered by a merged
// range shows the value of the range's top-left cell.
func (s *Sheet) Shown(row, col int) Cell {
	if c := s.Cell(row, col); c.Kind != CellEmpty || s.mergeOf == nil {
		return c
	}
	if i, ok := s.mergeOf[[2]int{row, col}]; ok {
		m := s.merged[i]
		return s.Cell(m.r1, m.c1)
	}
	return Cell{}
}

// indexMerges records which cells merged ranges cover, within the sheet's
// extent: a range reaching past the data (a whole column merged) only covers
// the rows that exist.
func (s *Sheet) indexMerges() {
	if len(s.merged) == 0 {
		return
	}
	s.mergeOf = map[[2]int]int{}
	maxCol := s.ColCount()
	budget := 1 << 20 // covered cells indexed at most; beyond, merges are ignored
	for i, m := range s.merged {
		r2, c2 := min(m.r2, len(s.rows)), min(m.c2, maxCol)
		for r := m.r1; r <= r2; r++ {
			for c := m.c1; c <= c2; c++ {
				if r == m.r1 && c == m.c1 {
					continue
				}
				if budget == 0 {
					return
				}
				budget--
				s.mergeOf[[2]int{r, c}] = i
			}
		}
	}
}

// OpenWorkbook reads a spreadsheet file: an Excel workbook (.xlsx, .xlsm) or
// a CSV file. Other formats are refused with a message saying how to save
// the file so that it can be read. A CSV file is read as a stream; a workbook
// is kept in memory (its sheets are read when asked for, and the file must
// not stay open meanwhile): both within MaxFileBytes.
func OpenWorkbook(path string) (*Workbook, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, ledger.Errorf(ledger.NotFound, "Le fichier « %s » n'existe pas", path)
		}
		return nil, ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", path)
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return nil, ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", path)
	case st.IsDir():
		return nil, ledger.Errorf(ledger.Invalid, "« %s » est un dossier, pas un classeur", path)
	case !st.Mode().IsRegular():
		return nil, ledger.Errorf(ledger.Invalid, "« %s » n'est pas un fichier ordinaire", path)
	case st.Size() > MaxFileBytes:
		return nil, tooBig(name)
	}
	src := io.NewSectionReader(f, 0, st.Size())
	if isZip(head(src)) {
		data, err := io.ReadAll(src)
		if err != nil {
			return nil, ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", path)
		}
		src = io.NewSectionReader(bytes.NewReader(data), 0, int64(len(data)))
	}
	wb, err := readWorkbook(name, src)
	if err != nil && ledger.KindOf(err) == ledger.Internal {
		return nil, ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", path)
	}
	return wb, err
}

func tooBig(name string) error {
	return ledger.Errorf(ledger.Invalid, "« %s » est trop volumineux pour être importé (plus de %d Mo)", name, MaxFileBytes>>20)
}

// head is the start of a file, from which its format is told.
func head(src *io.SectionReader) []byte {
	b := make([]byte, min(src.Size(), 8192))
	n, _ := src.ReadAt(b, 0)
	return b[:n]
}

func isZip(head []byte) bool {
	return bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06"))
}

// saveAsAdvice is the advice every refused format ends with.
const saveAsAdvice = "enregistrez-le au format « Classeur Excel (.xlsx) » ou CSV (séparateur point-virgule), puis importez ce fichier"

// ReadWorkbook reads a spreadsheet held in memory; name is the file's name,
// used in messages and, when the content says nothing, to tell CSV apart.
// The content decides the format, not the extension, so a workbook saved as
// .xls but named .xlsx gets the right advice.
func ReadWorkbook(name string, data []byte) (*Workbook, error) {
	if len(data) > MaxFileBytes {
		return nil, tooBig(name)
	}
	return readWorkbook(name, io.NewSectionReader(bytes.NewReader(data), 0, int64(len(data))))
}

func readWorkbook(name string, src *io.SectionReader) (*Workbook, error) {
	ext := strings.ToLower(filepath.Ext(name))
	data := head(src)
	switch {
	case len(data) == 0:
		return nil, ledger.Errorf(ledger.Invalid, "« %s » est vide", name)
	case isZip(data):
		return readZipWorkbook(name, src, src.Size())
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		// An OLE2 compound file: a BIFF8 .xls (what Val Compta exports) or
		// an encrypted .xlsx. It stays refused with the « save as » advice
		// (issue 20): the pure-Go .xls readers on the module proxy are not
		// maintained (github.com/extrame/xls: one tag, v0.0.1 of 2017;
		// github.com/shakinm/xlsReader: last release v0.9.12 of September
		// 2022) and neither is in the project's package list; a reader of
		// hostile files that nobody fixes any more would be ours to keep
		// safe (bounded memory, no panic on a damaged file). Excel and
		// LibreOffice both save an .xls as .xlsx in two clicks, which the
		// message says. Revisit when a maintained reader appears.
		return nil, ledger.Errorf(ledger.Invalid, "« %s » est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe, que Tantième ne sait pas lire : ouvrez-le dans Excel ou LibreOffice (en retirant le mot de passe) et %s", name, saveAsAdvice)
	case looksLikeMarkup(data):
		what := "une page web (HTML)"
		if bytes.Contains(data[:min(len(data), 4096)], []byte("urn:schemas-microsoft-com:office:spreadsheet")) {
			what = "un classeur « XML 2003 »"
		}
		return nil, ledger.Errorf(ledger.Invalid, "« %s » est %s et non un classeur Excel : ouvrez-le dans Excel ou LibreOffice et %s", name, what, saveAsAdvice)
	case ext == ".xls" || ext == ".xlsx" || ext == ".xlsm" || ext == ".ods" || ext == ".numbers" || !looksLikeText(data):
		return nil, ledger.Errorf(ledger.Invalid, "« %s » n'est pas un classeur que Tantième sait lire : %s", name, saveAsAdvice)
	}
	return readCSV(name, src)
}

func looksLikeMarkup(data []byte) bool {
	head := bytes.TrimLeft(data[:min(len(data), 512)], "\xef\xbb\xbf \t\r\n")
	lower := bytes.ToLower(head)
	return bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<table"))
}

// looksLikeText says whether data looks like text (a CSV file): no NUL bytes and
// few control characters in its first kilobytes. UTF-16 text has NULs but
// starts with a byte-order mark.
func looksLikeText(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return true
	}
	head := data[:min(len(data), 8192)]
	bad := 0
	for _, b := range head {
		switch {
		case b == 0:
			return false
		case b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f':
			bad++
		}
	}
	return bad*100 <= len(head)
}
