package fr

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var foldLigatures = strings.NewReplacer("œ", "oe", "Œ", "oe", "æ", "ae", "Æ", "ae", "ß", "ss", "’", "'")

// Fold makes text comparable the way people search and type it: lower
// case, accents removed (by Unicode decomposition, golang.org/x/text),
// ligatures spelled out, the typographic apostrophe made plain, spaces
// trimmed and single. "  Zoé  L’Œuvre " and "zoe l'oeuvre" fold alike. Plain
// ASCII takes a short way: it runs on every cell of an import.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if out, _, err := transform.String(t, s); err == nil {
			s = out
		}
		s = foldLigatures.Replace(s)
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}
