package ofx

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// decode turns the file's bytes into UTF-8 text. OFX 1.x declares its
// character set in the header (ENCODING:USASCII or UTF-8, CHARSET:1252,
// ISO-8859-1 or NONE — OFX 1.0.2 §2.2.1); OFX 2.x in the XML declaration.
//
// French banks write CHARSET:1252 and mostly mean it, but some send UTF-8
// under that label. Text in Windows-1252 with accents is practically never
// valid UTF-8, so bytes that are valid UTF-8 are taken as UTF-8 whatever
// the label: that reads the mislabelled files right and changes nothing
// for pure ASCII. Only bytes that are not UTF-8 are decoded with the
// declared single-byte set, Windows-1252 by default (a superset of
// ISO-8859-1 in its printable range, and what French banks use).
//
// Newlines are single bytes in every one of these sets, so line numbers
// counted on the decoded text are the file's.
func decode(data []byte, declared string) string {
	d := strings.ToUpper(strings.TrimSpace(declared))
	if utf8.Valid(data) {
		return string(data)
	}
	switch {
	case d == "UTF-8" || d == "UTF8":
		return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
	case strings.Contains(d, "8859-15"): // before 8859-1, which it contains
		s, _ := charmap.ISO8859_15.NewDecoder().Bytes(data)
		return string(s)
	case strings.Contains(d, "8859-1") || d == "LATIN1" || d == "LATIN-1":
		s, _ := charmap.ISO8859_1.NewDecoder().Bytes(data)
		return string(s)
	default:
		s, _ := charmap.Windows1252.NewDecoder().Bytes(data)
		return string(s)
	}
}
