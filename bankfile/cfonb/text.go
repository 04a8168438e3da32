package cfonb

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tantieme/bankfile"
)

// record is one physical line of the file, decoded to runes so that
// positions count characters, not bytes: a UTF-8 « É » is one position.
// Its runes are reused for the next line: keep strings, never r.
type record struct {
	n int    // 1-based line number in the file
	r []rune // without its line ending
}

// field returns positions from..to (1-based, inclusive, as the brochures
// write them) as they stand, blanks included.
func (rec record) field(from, to int) string {
	if from < 1 || to > len(rec.r) || from > to {
		return ""
	}
	return string(rec.r[from-1 : to])
}

// text returns positions from..to cleaned for display: control characters
// removed, runs of blanks folded, trimmed, at most bankfile.MaxText.
func (rec record) text(from, to int) string { return clean(rec.field(from, to)) }

func (rec record) where() string { return "ligne " + strconv.Itoa(rec.n) }

// eachRecord cuts the file into lines (LF or CRLF; a lone CR too, as old
// Mac tools write) and calls f on each line that is not blank, with its
// line number counted as an editor shows it, blank lines included. A line
// is decoded only when it is read, so that memory stays that of the file.
// A file that is not UTF-8 is read as Latin-1, which is what French banks'
// fixed-width files use.
func eachRecord(name string, data []byte, f func(record) error) error {
	if len(data) > bankfile.MaxFileBytes {
		return &bankfile.Error{File: name, Msg: "fichier trop volumineux pour un relevé bancaire"}
	}
	latin1 := !utf8.Valid(data)
	if !latin1 {
		data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) // a UTF-8 byte order mark
	}
	var r []rune
	for n := 1; len(data) > 0; n++ {
		i := bytes.IndexAny(data, "\r\n")
		var line []byte
		if i < 0 {
			line, data = data, nil
		} else {
			line = data[:i]
			if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			data = data[i+1:]
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		r = r[:0]
		if latin1 {
			for _, b := range line {
				r = append(r, rune(b))
			}
		} else {
			for _, c := range string(line) {
				r = append(r, c)
			}
		}
		if err := f(record{n: n, r: r}); err != nil {
			return err
		}
	}
	return nil
}

// clean removes control characters, folds blanks and trims: the input is
// hostile, and what it says ends up on screen and in the books.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	if utf8.RuneCountInString(out) > bankfile.MaxText {
		out = string([]rune(out)[:bankfile.MaxText])
	}
	return out
}

// date reads a DDMMYY date. Years 00-79 are 20xx, 80-99 19xx: the CFONB
// formats date from the 1980s and carry two-digit years. Blank is the zero
// time when allowed.
func date(s string, blankOK bool) (time.Time, bool) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, blankOK
	}
	if len(s) != 6 || !digits(s) {
		return time.Time{}, false
	}
	d, _ := strconv.Atoi(s[0:2])
	m, _ := strconv.Atoi(s[2:4])
	y, _ := strconv.Atoi(s[4:6])
	if y < 80 {
		y += 2000
	} else {
		y += 1900
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return time.Time{}, false // 310219, 000000: a date that does not exist
	}
	return t, true
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// toCents scales an unsigned integer amount written with dec decimals to
// cents, refusing what is finer than a cent (1,234 € would have to be
// rounded, and a statement must add up exactly).
func toCents(v int64, dec int) (int64, bool) {
	switch {
	case dec < 0 || dec > 9:
		return 0, false
	case dec <= 2:
		for ; dec < 2; dec++ {
			v *= 10
		}
		return v, true
	}
	div := int64(1)
	for ; dec > 2; dec-- {
		div *= 10
	}
	if v%div != 0 {
		return 0, false
	}
	return v / div, true
}

// dateText writes a date as in messages: 02/05/2019.
func dateText(t time.Time) string { return t.Format("02/01/2006") }
