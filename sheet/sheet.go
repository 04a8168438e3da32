package sheet

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// loadSheet reads a worksheet's cells and merged ranges. Every size is
// bounded (see xlsx_limits.go) and the part must be whole: a sheet cut
// between two rows is an error, never a shorter sheet.
func (x *ooxml) loadSheet(s *Sheet) error {
	s.rows, s.merged, s.mergeOf = nil, nil, nil // a failed read may have left some
	if err := x.loadShared(); err != nil {
		return err
	}
	if err := x.loadStyles(); err != nil {
		return err
	}
	p, err := x.part(s.part)
	if err != nil {
		return err
	}
	defer p.Close()
	var (
		row, col    int // the current cell (col 0 between cells)
		inData      bool
		inCell      bool
		typ         string
		style       int
		inV, inT    bool
		inIS, inRPh bool
		hasF        bool
		vbuf, tbuf  []byte
		cells, text int
	)
	// The cells of the current row gather in cur, then are copied to a
	// slice of their exact size: growing each row's slice cell by cell
	// would hold half as much again in spare capacity.
	var cur []Cell
	curRow := 0
	flush := func() {
		if curRow > 0 {
			s.rows[curRow-1] = append([]Cell(nil), cur...)
		}
	}
	tooLong := func() error {
		return limitf(row, col, "la cellule contient plus de %s caractères, la limite d'Excel", thousands(MaxCellChars))
	}
	for {
		tok, err := p.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if (inV || inT) && errors.Is(err, errTokenTooBig) {
				return tooLong()
			}
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
				typ, style = "", 0
				vbuf, tbuf = vbuf[:0], tbuf[:0]
				ref := ""
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
				if ref != "" {
					r, c, ok := parseRef(ref)
					if !ok {
						return damagef(row, 0, "la référence de cellule « %s » est invalide ou au-delà de la dernière cellule d'Excel (XFD1048576)", clip(ref))
					}
					row, col = r, c
				} else {
					col++
					row = max(row, 1)
				}
				if row > maxSheetRows || col > maxSheetCols {
					return damagef(row, col, "la cellule est au-delà de la dernière cellule d'Excel (ligne %s, colonne XFD)", thousands(maxSheetRows))
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
					if len(s.merged) >= maxMerges {
						return limitf(0, 0, "la feuille a plus de %s plages de cellules fusionnées, la limite de Tantième", thousands(maxMerges))
					}
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
				cell, err := x.cell(typ, style, vbuf, tbuf, hasF, s.date1904)
				if err != nil {
					err.Row, err.Col = row, col
					return err
				}
				if cell.Kind == CellEmpty && !cell.Formula {
					continue
				}
				if typ != "s" && cell.Value != "" {
					if utf8.RuneCountInString(cell.Value) > MaxCellChars {
						return tooLong()
					}
					if text += len(cell.Value); text > maxSheetText {
						return limitf(row, col, "le texte des cellules de la feuille dépasse %d Mo, la limite de Tantième pour un import : partagez-la en plusieurs fichiers", maxSheetText>>20)
					}
				}
				if row > MaxRows {
					return limitf(row, 0, "la feuille a plus de %s lignes, la limite de Tantième pour un import : partagez-la en plusieurs fichiers", thousands(MaxRows))
				}
				if row != curRow {
					flush()
					curRow = row
					for len(s.rows) < row {
						s.rows = append(s.rows, nil)
					}
					cur = append(cur[:0], s.rows[row-1]...) // a row met again (cells out of order)
				}
				if grow := col - len(cur); grow > 0 {
					if cells += grow; cells > MaxCells {
						return limitf(row, col, "la feuille a plus de %s cellules, la limite de Tantième pour un import : partagez-la en plusieurs fichiers", thousands(MaxCells))
					}
					cur = append(cur, make([]Cell, grow)...)
				}
				cur[col-1] = cell
			}
		case xml.CharData:
			switch {
			case inV:
				if len(vbuf)+len(t) > maxCellBytes {
					return tooLong()
				}
				vbuf = append(vbuf, t...)
			case inT:
				if len(tbuf)+len(t) > maxCellBytes {
					return tooLong()
				}
				tbuf = append(tbuf, t...)
			}
		}
	}
	flush()
	// Rows whose cells were all empty leave no trace at the end.
	for len(s.rows) > 0 && len(s.rows[len(s.rows)-1]) == 0 {
		s.rows = s.rows[:len(s.rows)-1]
	}
	s.indexMerges()
	return nil
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	if len(s) <= 20 {
		return s
	}
	i := 20
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// cell builds a Cell from the XML of a <c> element. A problem comes without
// its location, which the caller knows.
func (x *ooxml) cell(typ string, style int, v, inline []byte, formula, d1904 bool) (Cell, *readProblem) {
	c := Cell{Formula: formula, d1904: d1904}
	switch typ {
	case "s":
		if len(v) == 0 {
			return c, nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(string(v)))
		if err != nil || i < 0 || i >= len(x.shared) {
			return c, damagef(0, 0, "le texte partagé n° %s est introuvable (le classeur en compte %s)", clip(strings.TrimSpace(string(v))), thousands(len(x.shared)))
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
