package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"tantieme/ledger"
)

// readCSV reads a CSV file as a workbook of one unnamed sheet. Excel saves
// CSV in the Windows code page (Windows-1252 in France) unless told "UTF-8",
// with ";" between fields in a French locale; LibreOffice asks. Both are
// detected rather than asked for. The file is read as a stream, twice at
// most (once to tell UTF-8 from Windows-1252), and only the non-empty rows
// are kept: blank lines cost nothing however many there are.
func readCSV(name string, src *io.SectionReader) (*Workbook, error) {
	text, err := decodeText(src)
	if err != nil {
		return nil, ledger.Wrap(ledger.Invalid, err, "« %s » : encodage des caractères illisible ; enregistrez-le en CSV UTF-8", name)
	}
	// The first lines tell the separator, which the guard needs too.
	br := bufio.NewReaderSize(text, 256<<10)
	start, _ := br.Peek(256 << 10)
	comma := detectSeparator(start)
	guard := &recordGuard{r: br, comma: byte(comma), limit: maxCSVRecordBytes}
	r := csv.NewReader(bufio.NewReaderSize(guard, 64<<10))
	r.Comma = comma
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = true // the fields' text is new for each record; only the slice is reused
	s := &Sheet{loaded: true}
	cells, size := 0, 0
	fail := func(p *readProblem) (*Workbook, error) { return nil, locate(p, name, "") }
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			var rp *readProblem
			switch {
			case errors.As(err, &rp):
				return fail(rp)
			case errors.As(err, &pe):
				return nil, ledger.Wrap(ledger.Invalid, err, "%s, ligne %d : ligne CSV illisible (guillemets mal fermés ?)", name, pe.StartLine)
			}
			return nil, ledger.Wrap(ledger.Invalid, err, "« %s » ne peut pas être lu comme un fichier CSV", name)
		}
		line, _ := r.FieldPos(0)
		last := 0
		for i, v := range rec {
			if v == "" {
				continue
			}
			l, _ := r.FieldPos(i)
			if j := strings.IndexFunc(v, isBinaryRune); j >= 0 {
				bad, _ := utf8.DecodeRuneInString(v[j:])
				return fail(limitf(l+strings.Count(v[:j], "\n"), i+1, "la cellule contient un caractère de contrôle (%U) : ce n'est pas un fichier texte ; %s", bad, saveAsAdvice))
			}
			if utf8.RuneCountInString(v) > MaxCellChars {
				return fail(limitf(l, i+1, "la cellule contient plus de %s caractères, la limite d'Excel", thousands(MaxCellChars)))
			}
			last = i + 1
		}
		if last == 0 {
			continue // a blank line, or only separators: kept as a gap when a row follows
		}
		switch {
		case line > MaxRows:
			return fail(limitf(line, 0, "le fichier a plus de %s lignes, la limite de Tantième pour un import : partagez-le en plusieurs fichiers", thousands(MaxRows)))
		case cells+last > MaxCells:
			return fail(limitf(line, 0, "le fichier a plus de %s cellules, la limite de Tantième pour un import : partagez-le en plusieurs fichiers", thousands(MaxCells)))
		}
		cells += last
		// Records keep their file line number so that messages point at the
		// line an editor shows, even after a quoted field holding a line break.
		for len(s.rows) < line-1 {
			s.rows = append(s.rows, nil)
		}
		row := make([]Cell, last)
		for i, v := range rec[:last] {
			if v != "" {
				row[i] = Cell{Value: v, Kind: CellText}
				size += len(v)
			}
		}
		if size > maxSheetText {
			return fail(limitf(line, 0, "le texte du fichier dépasse %d Mo, la limite de Tantième pour un import : partagez-le en plusieurs fichiers", maxSheetText>>20))
		}
		s.rows = append(s.rows, row)
	}
	return &Workbook{Name: name, Format: "csv", sheets: []*Sheet{s}}, nil
}

// isBinaryRune tells the control characters no text file holds: NUL and the
// like, a sign of binary content. Tab, line breaks, form feed and the
// end-of-file mark of old DOS files (0x1A) are left to the fields' checks.
func isBinaryRune(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\v' && r != '\f' && r != 0x1A
}

// recordGuard bounds the bytes of one CSV record: encoding/csv gathers a
// whole record in memory, so that one unclosed quote would otherwise take the
// rest of the file as one field. It follows the records as encoding/csv
// reads them with LazyQuotes (a quote opens a quoted field only at the start
// of a field; inside one, "" is a quote, and a quote followed by anything but
// the separator or the end of the line is kept), so that blank lines, which
// encoding/csv skips in one go, cost nothing however many they are.
type recordGuard struct {
	r     io.Reader
	comma byte
	limit int
	state byte // one of the guard* states
	n     int  // bytes of the current record
	line  int  // current line, from 1
	start int  // line where the current record started
	err   error
}

const (
	guardFieldStart = iota
	guardUnquoted
	guardQuoted
	guardQuoteInQuoted // a quote seen inside a quoted field
)

func (g *recordGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for _, b := range p[:n] {
		if b == '\n' {
			g.line++
		}
		switch g.state {
		case guardFieldStart, guardUnquoted:
			switch {
			case b == '\n':
				g.state, g.n = guardFieldStart, 0
				continue
			case b == g.comma:
				g.state = guardFieldStart
			case b == '"' && g.state == guardFieldStart:
				g.state = guardQuoted
			default:
				g.state = guardUnquoted
			}
		case guardQuoted:
			if b == '"' {
				g.state = guardQuoteInQuoted
			}
		case guardQuoteInQuoted:
			switch b {
			case '\n':
				g.state, g.n = guardFieldStart, 0
				continue
			case g.comma:
				g.state = guardFieldStart
			case '\r': // before the line's end, which decides
			default: // "" is a quote; any other character keeps the quote as text
				g.state = guardQuoted
			}
		}
		if g.n == 0 {
			g.start = g.line + 1
		}
		if g.n++; g.n > g.limit && g.err == nil {
			g.err = limitf(g.start, 0, "la ligne fait plus de %d Mo, la limite de Tantième (un guillemet jamais fermé ?)", g.limit>>20)
		}
	}
	return n, err
}

// decodeText returns the file as UTF-8: UTF-8 with or without a byte-order
// mark, UTF-16 with one (Excel's "Texte Unicode"), or else Windows-1252.
func decodeText(src *io.SectionReader) (io.Reader, error) {
	var bom [3]byte
	n, _ := src.ReadAt(bom[:], 0)
	b := bom[:n]
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return io.NewSectionReader(src, 3, src.Size()-3), nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return transform.NewReader(io.NewSectionReader(src, 0, src.Size()), unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), nil
	}
	valid, err := validUTF8(io.NewSectionReader(src, 0, src.Size()))
	if err != nil {
		return nil, err
	}
	if valid {
		return io.NewSectionReader(src, 0, src.Size()), nil
	}
	return charmap.Windows1252.NewDecoder().Reader(io.NewSectionReader(src, 0, src.Size())), nil
}

// validUTF8 says whether a stream is UTF-8, in constant memory.
func validUTF8(r io.Reader) (bool, error) {
	const chunk = 64 << 10
	buf := make([]byte, chunk+utf8.UTFMax)
	carry := 0 // bytes of a rune cut by the previous chunk, moved to the front
	for {
		n, err := io.ReadFull(r, buf[carry:carry+chunk])
		data := buf[:carry+n]
		end := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !end {
			return false, err
		}
		cut := len(data)
		if !end {
			// Keep an incomplete rune at the end for the next chunk.
			for i := len(data) - 1; i >= 0 && i > len(data)-utf8.UTFMax; i-- {
				if utf8.RuneStart(data[i]) {
					if !utf8.FullRune(data[i:]) {
						cut = i
					}
					break
				}
			}
		}
		if !utf8.Valid(data[:cut]) {
			return false, nil
		}
		if end {
			return true, nil
		}
		carry = copy(buf, data[cut:])
	}
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
