package app

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"tantieme/ledger"
)

// readCSV reads a CSV file as a workbook of one unnamed sheet. Excel saves
// CSV in the Windows code page (Windows-1252 in France) unless told "UTF-8",
// with ";" between fields in a French locale; LibreOffice asks. Both are
// detected rather than asked for.
func readCSV(name string, data []byte) (*Workbook, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, ledger.Wrap(ledger.Invalid, err, "« %s » : encodage des caractères illisible ; enregistrez-le en CSV UTF-8", name)
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = detectSeparator(text)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	s := &Sheet{loaded: true}
	cells := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, ledger.Wrap(ledger.Invalid, err, "%s, ligne %d : ligne CSV illisible (guillemets mal fermés ?)", name, pe.StartLine)
			}
			return nil, ledger.Wrap(ledger.Invalid, err, "« %s » ne peut pas être lu comme un fichier CSV", name)
		}
		line, _ := r.FieldPos(0)
		if cells += len(rec); cells > maxSheetCells {
			return nil, ledger.Errorf(ledger.Invalid, "« %s » est trop grand pour être importé (plus de %d cellules)", name, maxSheetCells)
		}
		// Records keep their file line number so that messages point at the
		// line an editor shows, even after a quoted field holding a line break.
		for len(s.rows) < line-1 {
			s.rows = append(s.rows, nil)
		}
		row := make([]Cell, len(rec))
		last := 0
		for i, v := range rec {
			if v != "" {
				row[i] = Cell{Value: v, Kind: CellText}
				last = i + 1
			}
		}
		s.rows = append(s.rows, row[:last])
	}
	for len(s.rows) > 0 && len(s.rows[len(s.rows)-1]) == 0 {
		s.rows = s.rows[:len(s.rows)-1]
	}
	return &Workbook{Name: name, Format: "csv", sheets: []*Sheet{s}}, nil
}

// decodeText returns data as UTF-8: UTF-8 with or without a byte-order mark,
// UTF-16 with one (Excel's "Texte Unicode"), or else Windows-1252.
func decodeText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
	case utf8.Valid(data):
		return data, nil
	}
	return charmap.Windows1252.NewDecoder().Bytes(data)
}

// detectSeparator picks among ";", "," and TAB the one that splits the first
// lines into the same number of fields (outside quotes). A French "1 234,56"
// in a ";" file does not fool it: its commas vary from line to line.
func detectSeparator(text []byte) rune {
	lines := bytes.SplitN(text, []byte("\n"), 51)
	if len(lines) > 50 {
		lines = lines[:50]
	}
	best, bestScore, bestTotal := ';', -1, -1
	for _, sep := range []byte{';', '\t', ','} {
		first, score, total := -1, 0, 0
		for _, l := range lines {
			if len(bytes.TrimSpace(l)) == 0 {
				continue
			}
			n, in := 0, false
			for _, ch := range l {
				switch {
				case ch == '"':
					in = !in
				case ch == sep && !in:
					n++
				}
			}
			if first < 0 {
				first = n
			}
			if n > 0 && n == first {
				score++
			}
			total += n
		}
		if score > bestScore || score == bestScore && total > bestTotal {
			best, bestScore, bestTotal = rune(sep), score, total
		}
	}
	return best
}
