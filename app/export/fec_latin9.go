package export

import (
	"strings"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// typewriter writes the typographic characters the books use with those
// of ISO 8859-15 a typewriter would use.
var typewriter = map[rune]string{
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-",
	'‘': "'", '’': "'", '‚': "'", '′': "'", '‹': "<", '›': ">",
	'“': `"`, '”': `"`, '„': `"`, '″': `"`,
	'…': "...", '•': "-",
	'\u2002': " ", '\u2003': " ", '\u2007': " ", '\u2009': " ", '\u202f': " ", '\u200b': "",
	'™': "(TM)", '≤': "<=", '≥': ">=", '≠': "<>",
}

// latin9 rewrites s in the characters of ISO 8859-15 (the FEC's, see
// FEC): typographic characters as a typewriter would write them, a
// letter with an accent ISO 8859-15 lacks without it, and anything else
// as "?".
func latin9(s string) string {
	if isLatin9(s) {
		return s
	}
	// Composed first: « e » and a combining acute accent is « é ».
	s = norm.NFC.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue // an accent on a letter that has no composed form
		}
		if _, ok := charmap.ISO8859_15.EncodeRune(r); ok {
			b.WriteRune(r)
			continue
		}
		if t, ok := typewriter[r]; ok {
			b.WriteString(t)
			continue
		}
		// « ő » is « o » and a combining accent: the letter is kept.
		kept := false
		for _, d := range norm.NFD.String(string(r)) {
			if _, ok := charmap.ISO8859_15.EncodeRune(d); ok && !unicode.Is(unicode.Mn, d) {
				b.WriteRune(d)
				kept = true
			}
		}
		if !kept {
			b.WriteByte('?')
		}
	}
	return b.String()
}

func isLatin9(s string) bool {
	for _, r := range s {
		if _, ok := charmap.ISO8859_15.EncodeRune(r); !ok {
			return false
		}
	}
	return true
}
