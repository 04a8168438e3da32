package banking

import (
	"strings"
	"unicode"

	"tantieme/internal/fr"
)

// noise are the words a bank or a payer puts around a name that say
// nothing of who it is: civilities (« M OU MME », « MR ET MME »), the
// words linking two names, and the particles, dropped on both sides so that
// « DE LA FONTAINE JEAN » and « Jean de La Fontaine » compare alike.
var noise = map[string]bool{
	"m": true, "mr": true, "mme": true, "mmes": true, "mlle": true, "melle": true, "mrs": true, "ms": true,
	"monsieur": true, "madame": true, "mademoiselle": true, "messieurs": true, "mesdames": true,
	"ou": true, "et": true, "epoux": true, "vve": true, "veuve": true, "dr": true, "docteur": true, "me": true,
	"de": true, "du": true, "des": true, "la": true, "le": true, "les": true, "d": true, "l": true,
}

// words cuts a text into folded words: accents and case aside, every
// character but letters and digits a separator (apostrophes, hyphens,
// slashes…), noise words dropped.
func words(s string) []string {
	f := fr.Fold(s)
	parts := strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := parts[:0]
	for _, p := range parts {
		if !noise[p] {
			out = append(out, p)
		}
	}
	return out
}

// foldedText is the text folded for looking up codes in it (pieces).
func foldedText(s string) string { return fr.Fold(s) }
