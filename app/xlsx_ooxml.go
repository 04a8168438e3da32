package app

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"tantieme/ledger"
)

// Limits that keep a damaged or hostile file from exhausting memory: they
// are far above any copropriété's spreadsheet (Excel itself stops at
// 1 048 576 rows and 16 384 columns).
const (
	maxPartBytes  = 1 << 30 // uncompressed size of one part of the package
	maxSheetCells = 5_000_000
	maxSheetRows  = 1 << 20
	maxSheetCols  = 1 << 14
)

// ooxml is an opened .xlsx package: the parts the import needs.
type ooxml struct {
	name     string
	files    map[string]*zip.File // by lower-case part name
	shared   []string
	sharedOK bool
	sharedP  string
	stylesP  string
	xfDate   []bool  // per cell format: its number format shows a date
	xfZeros  []uint8 // per cell format: digits of a "000" format (0 when none)
	stylesOK bool
}

func readZipWorkbook(name string, data []byte) (*Workbook, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ledger.Wrap(ledger.Invalid, err, "« %s » est endommagé ou n'est pas un classeur Excel : ouvrez-le dans Excel ou LibreOffice et %s", name, saveAsAdvice)
	}
	x := &ooxml{name: name, files: map[string]*zip.File{}}
	for _, f := range zr.File {
		x.files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	if f := x.files["mimetype"]; f != nil {
		mt, _ := x.readSmall("mimetype")
		if strings.Contains(mt, "opendocument.spreadsheet") {
			return nil, ledger.Errorf(ledger.Invalid, "« %s » est un classeur OpenDocument (.ods, LibreOffice), que Tantième ne sait pas lire : dans LibreOffice, %s", name, saveAsAdvice)
		}
		return nil, ledger.Errorf(ledger.Invalid, "« %s » est un document OpenDocument et non un classeur Excel : %s", name, saveAsAdvice)
	}
	main := x.mainPart()
	if x.files[strings.ToLower(main)] == nil {
		what := "n'est pas un classeur Excel"
		switch {
		case x.files["word/document.xml"] != nil:
			what = "est un document Word et non un classeur Excel"
		case x.files["ppt/presentation.xml"] != nil:
			what = "est une présentation PowerPoint et non un classeur Excel"
		}
		return nil, ledger.Errorf(ledger.Invalid, "« %s » %s : %s", name, what, saveAsAdvice)
	}
	wb := &Workbook{Name: name, Format: "xlsx", x: x}
	if err := x.readWorkbook(main, wb); err != nil {
		return nil, ledger.Wrap(ledger.Invalid, err, "« %s » est endommagé (liste des feuilles illisible) : ouvrez-le dans Excel ou LibreOffice et %s", name, saveAsAdvice)
	}
	if len(wb.sheets) == 0 {
		return nil, ledger.Errorf(ledger.Invalid, "« %s » ne contient aucune feuille de calcul", name)
	}
	return wb, nil
}

// open returns a reader of a part, bounded so that a zip bomb stops early.
func (x *ooxml) open(part string) (io.ReadCloser, error) {
	f := x.files[strings.ToLower(part)]
	if f == nil {
		return nil, fmt.Errorf("partie %s absente", part)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, maxPartBytes), rc}, nil
}

func (x *ooxml) readSmall(part string) (string, error) {
	rc, err := x.open(part)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, 1<<16))
	return string(b), err
}

// decoder streams a part's XML. RawToken is used throughout: it skips
// namespace resolution, which the import does not need (elements are
// matched by local name, so "x:c" and "c" are the same).
func (x *ooxml) decoder(part string) (*xml.Decoder, io.Closer, error) {
	rc, err := x.open(part)
	if err != nil {
		return nil, nil, err
	}
	return xml.NewDecoder(bufio.NewReaderSize(rc, 1<<16)), rc, nil
}

func xmlAttr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relationships reads a .rels part: Id → (target part, type).
func (x *ooxml) relationships(part, base string) map[string][2]string {
	out := map[string][2]string{}
	dec, c, err := x.decoder(part)
	if err != nil {
		return out
	}
	defer c.Close()
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return out
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			if strings.EqualFold(xmlAttr(se, "TargetMode"), "External") {
				continue
			}
			target := strings.ReplaceAll(xmlAttr(se, "Target"), "\\", "/")
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join(base, target)
			}
			out[xmlAttr(se, "Id")] = [2]string{path.Clean(target), xmlAttr(se, "Type")}
		}
	}
}

// mainPart is the workbook part named by the package's relationships.
func (x *ooxml) mainPart() string {
	for _, r := range x.relationships("_rels/.rels", "") {
		if strings.HasSuffix(r[1], "/officeDocument") {
			return r[0]
		}
	}
	return "xl/workbook.xml"
}

func (x *ooxml) readWorkbook(main string, wb *Workbook) error {
	dir := path.Dir(main)
	rels := x.relationships(path.Join(dir, "_rels", path.Base(main)+".rels"), dir)
	for _, r := range rels {
		switch {
		case strings.HasSuffix(r[1], "/sharedStrings"):
			x.sharedP = r[0]
		case strings.HasSuffix(r[1], "/styles"):
			x.stylesP = r[0]
		}
	}
	if x.sharedP == "" {
		x.sharedP = path.Join(dir, "sharedStrings.xml")
	}
	if x.stylesP == "" {
		x.stylesP = path.Join(dir, "styles.xml")
	}
	dec, c, err := x.decoder(main)
	if err != nil {
		return err
	}
	defer c.Close()
	date1904 := false
	n := 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "workbookPr":
			v := strings.ToLower(xmlAttr(se, "date1904"))
			date1904 = v == "1" || v == "true"
		case "sheet":
			n++
			r, ok := rels[xmlAttr(se, "id")]
			part := r[0]
			if !ok {
				part = path.Join(dir, "worksheets", fmt.Sprintf("sheet%d.xml", n))
			}
			if strings.HasSuffix(r[1], "/chartsheet") || strings.HasSuffix(r[1], "/dialogsheet") {
				continue // no cells to import
			}
			st := xmlAttr(se, "state")
			wb.sheets = append(wb.sheets, &Sheet{Name: xmlAttr(se, "name"), Hidden: st == "hidden" || st == "veryHidden", part: part})
		}
	}
	for _, s := range wb.sheets {
		s.date1904 = date1904
	}
	return nil
}

// loadShared reads the shared strings table once.
func (x *ooxml) loadShared() error {
	if x.sharedOK {
		return nil
	}
	x.sharedOK = true
	if x.files[strings.ToLower(x.sharedP)] == nil {
		return nil // a workbook without text, or with inline strings only
	}
	dec, c, err := x.decoder(x.sharedP)
	if err != nil {
		return err
	}
	defer c.Close()
	var buf []byte
	inSI, inT, inRPh := false, false, false
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI, buf = true, buf[:0]
			case "t":
				inT = inSI && !inRPh
			case "rPh": // phonetic reading of East Asian text: not part of the value
				inRPh = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if len(x.shared) >= maxSheetCells {
					return errors.New("trop de textes partagés")
				}
				x.shared = append(x.shared, unescapeOOXML(string(buf)))
				inSI = false
			case "t":
				inT = false
			case "rPh":
				inRPh = false
			}
		case xml.CharData:
			if inT {
				buf = append(buf, t...)
			}
		}
	}
}

// loadStyles reads which cell formats show dates or pad numbers with zeros.
func (x *ooxml) loadStyles() error {
	if x.stylesOK {
		return nil
	}
	x.stylesOK = true
	if x.files[strings.ToLower(x.stylesP)] == nil {
		return nil
	}
	dec, c, err := x.decoder(x.stylesP)
	if err != nil {
		return err
	}
	defer c.Close()
	codes := map[int]string{}
	var ids []int
	inXfs := false
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				if id, err := strconv.Atoi(xmlAttr(t, "numFmtId")); err == nil {
					codes[id] = xmlAttr(t, "formatCode")
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := strconv.Atoi(xmlAttr(t, "numFmtId"))
					if len(ids) < maxSheetCells {
						ids = append(ids, id)
					}
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
	x.xfDate = make([]bool, len(ids))
	x.xfZeros = make([]uint8, len(ids))
	for i, id := range ids {
		code, custom := codes[id]
		x.xfDate[i] = isDateFormat(id, code, custom)
		if custom {
			x.xfZeros[i] = zeroPadding(code)
		}
	}
	return nil
}

// isDateFormat says whether number format id (with its code when custom)
// shows a date: Excel's built-in date formats, or a code with day, month or
// year letters outside quoted text and brackets.
func isDateFormat(id int, code string, custom bool) bool {
	if !custom {
		return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
	}
	section := formatSection(code)
	return strings.ContainsAny(strings.ToLower(section), "ymdhs")
}

// formatSection is the first section of a number format with its literal
// parts removed ("..." strings, \x escapes, _x spacing, *x fills, [..]
// colours and locales).
func formatSection(code string) string {
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch ch := code[i]; ch {
		case ';':
			return b.String()
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return b.String()
			}
			i += j + 1
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return b.String()
			}
			i += j
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// zeroPadding returns n for a format made of n zeros ("000"), with which
// Excel shows the number 1 as 001: lot numbers typed as 001 often end up so.
func zeroPadding(code string) uint8 {
	s := formatSection(code)
	if s == "" || len(s) > 20 || strings.Trim(s, "0") != "" {
		return 0
	}
	return uint8(len(s))
}

// loadSheet reads a worksheet's cells and merged ranges.
func (x *ooxml) loadSheet(s *Sheet) error {
	if err := x.loadShared(); err != nil {
		return err
	}
	if err := x.loadStyles(); err != nil {
		return err
	}
	dec, c, err := x.decoder(s.part)
	if err != nil {
		return err
	}
	defer c.Close()
	var (
		row, col    int
		inData      bool
		inCell      bool
		ref, typ    string
		style       int
		inV, inT    bool
		inIS, inRPh bool
		hasF        bool
		vbuf, tbuf  []byte
		cells       int
	)
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sheetData":
				inData = true
			case "row":
				if !inData {
					continue
				}
				if r, err := strconv.Atoi(xmlAttr(t, "r")); err == nil && r > 0 {
					row = r
				} else {
					row++
				}
				col = 0
			case "c":
				if !inData {
					continue
				}
				inCell, hasF = true, false
				ref, typ = "", ""
				style = 0
				vbuf, tbuf = vbuf[:0], tbuf[:0]
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "r":
						ref = a.Value
					case "t":
						typ = a.Value
					case "s":
						style, _ = strconv.Atoi(a.Value)
					}
				}
			case "v":
				inV = inCell
			case "f":
				hasF = hasF || inCell
			case "is":
				inIS = inCell
			case "t":
				inT = inIS && !inRPh
			case "rPh":
				inRPh = inIS
			case "mergeCell":
				if m, ok := parseRange(xmlAttr(t, "ref")); ok {
					s.merged = append(s.merged, m)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "sheetData":
				inData = false
			case "v":
				inV = false
			case "t":
				inT = false
			case "is":
				inIS = false
			case "rPh":
				inRPh = false
			case "c":
				if !inCell {
					continue
				}
				inCell = false
				if ref != "" {
					r, c, ok := parseRef(ref)
					if !ok {
						return fmt.Errorf("référence de cellule « %s » invalide", ref)
					}
					row, col = r, c
				} else {
					col++
					row = max(row, 1)
				}
				if row > maxSheetRows || col > maxSheetCols {
					return fmt.Errorf("cellule hors des limites d'Excel (ligne %d, colonne %d)", row, col)
				}
				cell, err := x.cell(typ, style, vbuf, tbuf, hasF, s.date1904)
				if err != nil {
					return err
				}
				if cell.Kind == CellEmpty && !cell.Formula {
					continue
				}
				for len(s.rows) < row {
					s.rows = append(s.rows, nil)
				}
				r := s.rows[row-1]
				if grow := col - len(r); grow > 0 {
					if cells += grow; cells > maxSheetCells {
						return fmt.Errorf("feuille trop grande (plus de %d cellules)", maxSheetCells)
					}
					r = append(r, make([]Cell, grow)...)
				}
				r[col-1] = cell
				s.rows[row-1] = r
			}
		case xml.CharData:
			switch {
			case inV:
				vbuf = append(vbuf, t...)
			case inT:
				tbuf = append(tbuf, t...)
			}
		}
	}
	// Rows whose cells were all empty leave no trace at the end.
	for len(s.rows) > 0 && len(s.rows[len(s.rows)-1]) == 0 {
		s.rows = s.rows[:len(s.rows)-1]
	}
	s.indexMerges()
	return nil
}

// cell builds a Cell from the XML of a <c> element.
func (x *ooxml) cell(typ string, style int, v, inline []byte, formula, d1904 bool) (Cell, error) {
	c := Cell{Formula: formula, d1904: d1904}
	switch typ {
	case "s":
		if len(v) == 0 {
			return c, nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(string(v)))
		if err != nil || i < 0 || i >= len(x.shared) {
			return c, fmt.Errorf("texte partagé n° %q introuvable", v)
		}
		c.Value, c.Kind = x.shared[i], CellText
	case "inlineStr":
		c.Value, c.Kind = unescapeOOXML(string(inline)), CellText
		if c.Value == "" && len(v) > 0 {
			c.Value = unescapeOOXML(string(v))
		}
	case "str":
		c.Value, c.Kind = unescapeOOXML(string(v)), CellText
	case "b":
		c.Value, c.Kind = strings.TrimSpace(string(v)), CellBool
	case "e":
		c.Value, c.Kind = strings.TrimSpace(string(v)), CellError
	case "d":
		c.Value, c.Kind = strings.TrimSpace(string(v)), CellDate
	default:
		val := strings.TrimSpace(string(v))
		if val == "" {
			return c, nil
		}
		if _, err := strconv.ParseFloat(val, 64); err != nil {
			c.Value, c.Kind = val, CellText // not a number after all: keep what it says
			return c, nil
		}
		c.Value, c.Kind = val, CellNumber
		if style > 0 && style < len(x.xfDate) {
			if x.xfDate[style] {
				c.Kind = CellDate
			}
			c.Zeros = x.xfZeros[style]
		}
	}
	if c.Kind == CellText && c.Value == "" {
		c.Kind = CellEmpty
	}
	return c, nil
}

// unescapeOOXML decodes Excel's _xHHHH_ escapes of characters XML cannot
// hold ("_x000D_" is a carriage return; "_x005F_" a literal underscore).
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(n))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// parseRef reads a cell reference ("B12", "$B$12") into row and column.
func parseRef(ref string) (row, col int, ok bool) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	for i < len(ref) {
		ch := ref[i] | 0x20 // lower case
		if ch < 'a' || ch > 'z' {
			break
		}
		col = col*26 + int(ch-'a') + 1
		if col > maxSheetCols {
			return 0, 0, false
		}
		i++
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	if col == 0 || i == len(ref) {
		return 0, 0, false
	}
	for ; i < len(ref); i++ {
		if ref[i] < '0' || ref[i] > '9' {
			return 0, 0, false
		}
		row = row*10 + int(ref[i]-'0')
		if row > maxSheetRows {
			return 0, 0, false
		}
	}
	return row, col, row > 0
}

func parseRange(ref string) (cellRange, bool) {
	a, b, found := strings.Cut(ref, ":")
	r1, c1, ok1 := parseRef(a)
	if !found {
		return cellRange{r1, c1, r1, c1}, ok1
	}
	r2, c2, ok2 := parseRef(b)
	if !ok1 || !ok2 {
		return cellRange{}, false
	}
	return cellRange{min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)}, true
}

// ColumnLetter names column n (1-based) as Excel does: 1 → A, 27 → AA.
func ColumnLetter(n int) string {
	if n < 1 {
		return ""
	}
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// columnOfLetter reads a column letter ("D", "aa"); 0 when s is not one.
func columnOfLetter(s string) int {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 3 {
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		ch := s[i] | 0x20
		if ch < 'a' || ch > 'z' {
			return 0
		}
		n = n*26 + int(ch-'a') + 1
	}
	if n > maxSheetCols {
		return 0
	}
	return n
}
