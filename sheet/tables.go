package sheet

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The workbook-wide tables a sheet refers to: shared strings and cell
// formats. Each is read once, whole or not at all: a failure is kept, so
// that a sheet read later never sees half a table.

// maxCellBytes bounds the XML text gathered for one cell or shared string:
// 32 767 characters, each written as an escape of up to 10 bytes (&#x10FFFF;).
const maxCellBytes = 10 * MaxCellChars

// loadShared reads the shared strings table once.
func (x *ooxml) loadShared() error {
	if x.sharedOK {
		return x.sharedErr
	}
	x.sharedOK = true
	x.sharedErr = x.readShared()
	if x.sharedErr != nil {
		x.shared = nil
	}
	return x.sharedErr
}

func (x *ooxml) readShared() error {
	if x.files[strings.ToLower(x.sharedP)] == nil {
		return nil // a workbook without text, or with inline strings only
	}
	p, err := x.part(x.sharedP)
	if err != nil {
		return err
	}
	defer p.Close()
	var buf []byte
	inSI, inT, inRPh := false, false, false
	total := 0
	tooLong := func() error {
		return limitf(0, 0, "le texte partagé n° %d (partie %s) contient plus de %s caractères, la limite d'Excel", len(x.shared), x.sharedP, thousands(MaxCellChars))
	}
	for {
		tok, err := p.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if inT && errors.Is(err, errTokenTooBig) {
				return tooLong()
			}
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
				if len(x.shared) >= MaxCells {
					return limitf(0, 0, "la partie %s a plus de %s textes partagés, la limite de Tantième", x.sharedP, thousands(MaxCells))
				}
				s := unescapeOOXML(string(buf))
				if utf8.RuneCountInString(s) > MaxCellChars {
					return tooLong()
				}
				if total += len(s); total > maxSheetText {
					return limitf(0, 0, "les textes partagés (partie %s) dépassent %d Mo, la limite de Tantième", x.sharedP, maxSheetText>>20)
				}
				x.shared = append(x.shared, s)
				inSI = false
			case "t":
				inT = false
			case "rPh":
				inRPh = false
			}
		case xml.CharData:
			if inT {
				if len(buf)+len(t) > maxCellBytes {
					return tooLong()
				}
				buf = append(buf, t...)
			}
		}
	}
}

// loadStyles reads which cell formats show dates or pad numbers with zeros.
func (x *ooxml) loadStyles() error {
	if x.stylesOK {
		return x.stylesErr
	}
	x.stylesOK = true
	x.stylesErr = x.readStyles()
	if x.stylesErr != nil {
		x.xfDate, x.xfZeros = nil, nil
	}
	return x.stylesErr
}

// numFmt is what the import needs of a custom number format.
type numFmt struct {
	date  bool
	zeros uint8
}

func (x *ooxml) readStyles() error {
	if x.files[strings.ToLower(x.stylesP)] == nil {
		return nil
	}
	p, err := x.part(x.stylesP)
	if err != nil {
		return err
	}
	defer p.Close()
	// Formats beyond the limits read as General: a date then shows as its
	// serial, which date fields still read.
	fmts := map[int]numFmt{}
	var ids []int
	inXfs := false
	for {
		tok, err := p.next()
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
				code := xmlAttr(t, "formatCode")
				if id, err := strconv.Atoi(xmlAttr(t, "numFmtId")); err == nil && len(fmts) < maxNumFmts && utf8.RuneCountInString(code) <= maxFormatCode {
					fmts[id] = numFmt{date: isDateFormat(id, code, true), zeros: zeroPadding(code)}
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs && len(ids) < maxStyles {
					id, _ := strconv.Atoi(xmlAttr(t, "numFmtId"))
					ids = append(ids, id)
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
		if f, custom := fmts[id]; custom {
			x.xfDate[i], x.xfZeros[i] = f.date, f.zeros
		} else {
			x.xfDate[i] = isDateFormat(id, "", false)
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
