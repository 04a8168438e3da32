package fr

import (
	"strings"
	"unicode"
)

// FileName is a name the way Val Compta writes it in file names: capital
// ASCII letters and digits, words joined by underscores, at most 40
// characters ("Nguyễn Thị Lan-Anh" gives NGUYEN_THI_LAN_ANH).
func FileName(s string) string {
	var b strings.Builder
	under := false
	for _, r := range s {
		t, ok := asciiFold[r]
		if !ok {
			switch {
			case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				t = string(unicode.ToUpper(r))
			case r > unicode.MaxASCII && unicode.IsLetter(r):
				t = foldRune(r)
			}
		}
		if t == "" {
			under = b.Len() > 0
			continue
		}
		if under {
			b.WriteByte('_')
			under = false
		}
		b.WriteString(strings.ToUpper(t))
	}
	out := b.String()
	if len(out) > 40 {
		out = strings.TrimRight(out[:40], "_")
	}
	if out == "" {
		out = "SANS_NOM"
	}
	return out
}

// asciiFold spells letters that are not a base letter plus accents.
var asciiFold = map[rune]string{'Œ': "OE", 'œ': "OE", 'Æ': "AE", 'æ': "AE", 'ß': "SS", 'Þ': "TH", 'þ': "TH",
	'Ĳ': "IJ", 'ĳ': "IJ"}

// Base letters of Latin-1 (U+00C0–U+00FF) and Latin Extended-A
// (U+0100–U+017F) by position; '?' marks signs and the letters of asciiFold.
const (
	latin1Bases = "AAAAAA?CEEEEIIIIDNOOOOO?OUUUUY??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y"
	latinABases = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo??RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs"
)

// foldRune drops the accents of a Latin letter: those of Latin-1, Latin
// Extended-A and the Vietnamese ones of Latin Extended Additional.
func foldRune(r rune) string {
	var c byte = '?'
	switch {
	case r >= 0xC0 && r <= 0xFF:
		c = latin1Bases[r-0xC0]
	case r >= 0x100 && r <= 0x17F:
		c = latinABases[r-0x100]
	case r >= 0x1E00 && r <= 0x1EFF:
		return vietnamese(r)
	}
	if c == '?' {
		return ""
	}
	return string(c)
}

// vietnamese folds the letters of Latin Extended Additional that
// Vietnamese names use (ạ, ế, ữ…) by their range.
func vietnamese(r rune) string {
	ranges := []struct {
		from, to rune
		base     string
	}{
		{0x1EA0, 0x1EB7, "A"}, {0x1EB8, 0x1EC7, "E"}, {0x1EC8, 0x1ECB, "I"}, {0x1ECC, 0x1EE3, "O"},
		{0x1EE4, 0x1EF1, "U"}, {0x1EF2, 0x1EF9, "Y"},
	}
	for _, x := range ranges {
		if r >= x.from && r <= x.to {
			return x.base
		}
	}
	return ""
}
