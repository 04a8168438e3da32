package sheet

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"tantieme/ledger"
)

// ooxml is an opened .xlsx package: the parts the import needs.
type ooxml struct {
	name      string
	files     map[string]*zip.File // by lower-case part name
	shared    []string
	sharedOK  bool
	sharedErr error // kept: a sheet read after a failure must not see a partial table
	sharedP   string
	stylesP   string
	xfDate    []bool  // per cell format: its number format shows a date
	xfZeros   []uint8 // per cell format: digits of a "000" format (0 when none)
	stylesOK  bool
	stylesErr error
}

func readZipWorkbook(name string, r io.ReaderAt, size int64) (*Workbook, error) {
	if n, ok := zipEntries(r, size); ok && n > maxZipEntries {
		return nil, ledger.Errorf(ledger.Invalid, "« %s » contient plus de %s fichiers internes, la limite de Tantième : ce n'est pas un classeur de copropriété ; %s", name, thousands(maxZipEntries), saveAsAdvice)
	}
	zr, err := zip.NewReader(r, size)
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
	main, err := x.mainPart()
	if err != nil {
		return nil, locate(err, name, "")
	}
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
		return nil, locate(err, name, "")
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
		return nil, damagef(0, 0, "la partie %s est absente", part)
	}
	rc, err := openPart(f)
	if err != nil {
		return nil, (&xmlPart{name: part}).readError(err)
	}
	return rc, nil
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

// part streams a part's XML (see xmlPart). RawToken is used throughout: it
// skips namespace resolution, which the import does not need (elements are
// matched by local name, so "x:c" and "c" are the same).
func (x *ooxml) part(name string) (*xmlPart, error) {
	rc, err := x.open(name)
	if err != nil {
		return nil, err
	}
	g := &tokenGuard{r: bufio.NewReaderSize(rc, 1<<16), limit: maxTokenBytes}
	return &xmlPart{name: name, dec: xml.NewDecoder(g), g: g, c: rc}, nil
}

func xmlAttr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relationships reads a .rels part: Id → (target part, type). A package
// without the part has none; a damaged part is an error.
func (x *ooxml) relationships(part, base string) (map[string][2]string, error) {
	out := map[string][2]string{}
	if x.files[strings.ToLower(part)] == nil {
		return out, nil
	}
	p, err := x.part(part)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	for {
		tok, err := p.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			if strings.EqualFold(xmlAttr(se, "TargetMode"), "External") {
				continue
			}
			if len(xmlAttr(se, "Id")) > maxRelationAttr || len(xmlAttr(se, "Target")) > maxRelationAttr || len(xmlAttr(se, "Type")) > maxRelationAttr {
				continue // no real relationship is that long; kept, they would add up
			}
			if len(out) >= maxRelations {
				return nil, limitf(0, 0, "la partie %s a plus de %s relations, la limite de Tantième", part, thousands(maxRelations))
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
func (x *ooxml) mainPart() (string, error) {
	rels, err := x.relationships("_rels/.rels", "")
	if err != nil {
		return "", err
	}
	for _, r := range rels {
		if strings.HasSuffix(r[1], "/officeDocument") {
			return r[0], nil
		}
	}
	return "xl/workbook.xml", nil
}

func (x *ooxml) readWorkbook(main string, wb *Workbook) error {
	dir := path.Dir(main)
	rels, err := x.relationships(path.Join(dir, "_rels", path.Base(main)+".rels"), dir)
	if err != nil {
		return err
	}
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
	p, err := x.part(main)
	if err != nil {
		return err
	}
	defer p.Close()
	date1904 := false
	n := 0
	for {
		tok, err := p.next()
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
			name := xmlAttr(se, "name")
			switch {
			case len(wb.sheets) >= maxSheets:
				return limitf(0, 0, "le classeur a plus de %s feuilles, la limite de Tantième", thousands(maxSheets))
			case len(name) > maxSheetName:
				return limitf(0, 0, "le nom de la feuille n° %d a plus de %s caractères (Excel en permet 31)", n, thousands(maxSheetName))
			}
			st := xmlAttr(se, "state")
			wb.sheets = append(wb.sheets, &Sheet{Name: name, Hidden: st == "hidden" || st == "veryHidden", part: part})
		}
	}
	for _, s := range wb.sheets {
		s.date1904 = date1904
	}
	return nil
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

// ColumnOfLetter reads a column letter ("D", "aa"); 0 when s is not one.
func ColumnOfLetter(s string) int {
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
