package sepa

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The SEPA character set is the Latin subset of the EPC rulebooks
// (EPC SCT/SDD Implementation Guidelines, section 1.4 "Character set"):
//
//	a b c d e f g h i j k l m n o p q r s t u v w x y z
//	A B C D E F G H I J K L M N O P Q R S T U V W X Y Z
//	0 1 2 3 4 5 6 7 8 9
//	/ - ? : ( ) . , ' + space
//
// Banks may accept more, but only this set is sure to reach every bank
// unchanged, so texts are written in it: accented letters and ligatures
// are spelled in plain letters (the conversions of EPC217-08, "SEPA
// requirements for an extended character set", best practices), and any
// other character is refused rather than silently dropped.
func sepaChar(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune("/-?:().,'+ ", r)
}

// translit spells a letter outside the set with letters inside it. Keys
// are grouped by what they become, to be read (and checked) at a glance.
var translit = func() map[rune]string {
	m := map[rune]string{}
	for to, from := range map[string]string{
		"A": "ÀÁÂÃÄÅĀĂĄ", "a": "àáâãäåāăą",
		"C": "ÇĆĈĊČ", "c": "çćĉċč",
		"D": "ĎĐÐ", "d": "ďđð",
		"E": "ÈÉÊËĒĔĖĘĚ", "e": "èéêëēĕėęě",
		"G": "ĜĞĠĢ", "g": "ĝğġģ",
		"H": "ĤĦ", "h": "ĥħ",
		"I": "ÌÍÎÏĨĪĬĮİ", "i": "ìíîïĩīĭįı",
		"J": "Ĵ", "j": "ĵ",
		"K": "Ķ", "k": "ķ",
		"L": "ĹĻĽĿŁ", "l": "ĺļľŀł",
		"N": "ÑŃŅŇ", "n": "ñńņň",
		"O": "ÒÓÔÕÖØŌŎŐ", "o": "òóôõöøōŏő°", // ° too: « n° 3 », how French numbers a call or an invoice, is « no 3 »
		"R": "ŔŖŘ", "r": "ŕŗř",
		"S": "ŚŜŞŠȘ", "s": "śŝşšș",
		"T": "ŢŤŦȚ", "t": "ţťŧț",
		"U": "ÙÚÛÜŨŪŬŮŰŲ", "u": "ùúûüũūŭůűų",
		"W": "Ŵ", "w": "ŵ",
		"Y": "ÝŶŸ", "y": "ýÿŷ",
		"Z": "ŹŻŽ", "z": "źżž",
		"AE": "Æ", "ae": "æ", "OE": "Œ", "oe": "œ", "ss": "ß", "TH": "Þ", "th": "þ",
		// Typographic signs a word processor puts in French text: the
		// apostrophe, the dashes and the non-breaking spaces have a plain
		// twin in the set.
		"'": "’‘‛ʼ´`", "-": "‐‑‒–—−", " ": "\u00a0\u202f\u2007\u2009\t\n\r",
	} {
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}()

// charError is a character outside the SEPA set that has no spelling in
// it.
type charError struct{ r rune }

func (e charError) Error() string {
	return "le caractère " + showRune(e.r) + " n'est pas admis par SEPA"
}

// showRune names a character in a message: itself between quotes when it
// can be seen, its code point otherwise.
func showRune(r rune) string {
	if unicode.IsPrint(r) && r != utf8.RuneError {
		return "« " + string(r) + " »"
	}
	return fmt.Sprintf("U+%04X", r)
}

// show quotes what the user typed in a message: invisible characters made
// visible, and at most 70 characters (a name's length in SEPA).
func show(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == 70 {
			b.WriteString("…")
			break
		}
		if !unicode.IsPrint(r) || r == utf8.RuneError {
			r = '?'
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String())
}

// Transliterate writes s in the SEPA character set: accents and ligatures
// spelled plainly (é→e, ç→c, œ→oe, ß→ss), spaces trimmed and single. A
// character that has no such spelling (€, &, «, a control character, a
// letter of another script) is an error saying which.
func Transliterate(s string) (string, error) {
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == utf8.RuneError:
			return "", fmt.Errorf("le texte n'est pas de l'UTF-8 valide")
		case sepaChar(r):
			b.WriteRune(r)
		case translit[r] != "":
			t := translit[r]
			// A capital ligature starting a word in lower case is spelled
			// « Oeuvre », not « OEuvre ».
			if len(t) > 1 && i+1 < len(rs) && unicode.IsLower(rs[i+1]) {
				t = t[:1] + strings.ToLower(t[1:])
			}
			b.WriteString(t)
		default:
			return "", charError{r}
		}
	}
	return strings.Join(strings.Fields(b.String()), " "), nil
}

// cut shortens a text of the set (one byte a character) to n characters,
// the limit of its XSD type, without a trailing space.
func cut(s string, n int) string {
	if len(s) > n {
		s = strings.TrimRight(s[:n], " ")
	}
	return s
}

// idChar is the restricted set of the identifiers (MsgId, PmtInfId,
// EndToEndId, MndtId, the creditor identifier): the SEPA set without the
// space (EPC SDD Core Implementation Guidelines, "Mandate Identification";
// CFONB's guide to the RUM says the same).
func idChar(r rune) bool { return r != ' ' && sepaChar(r) }

// checkID refuses an identifier that the bank would: empty, longer than 35
// (Max35Text), a character outside the restricted set, or a slash at
// either end or doubled (EPC Implementation Guidelines, 1.5 "Usage rules
// for identifiers"). Identifiers are never transliterated: the bank gives
// them back on statements and returns, where they must match exactly.
func checkID(s string) error {
	if s == "" {
		return fmt.Errorf("manquant")
	}
	if n := utf8.RuneCountInString(s); n > 35 {
		return fmt.Errorf("trop long (%d caractères, 35 au plus)", n)
	}
	for _, r := range s {
		if !idChar(r) {
			if r == ' ' {
				return fmt.Errorf("« %s » contient une espace, refusée dans un identifiant SEPA", show(s))
			}
			return fmt.Errorf("« %s » contient %s, refusé dans un identifiant SEPA (lettres sans accent, chiffres et / - ? : ( ) . , ' + seulement)", show(s), showRune(r))
		}
	}
	if strings.HasPrefix(s, "/") || strings.HasSuffix(s, "/") || strings.Contains(s, "//") {
		return fmt.Errorf("« %s » commence ou finit par « / » ou contient « // », ce que SEPA refuse", show(s))
	}
	return nil
}
