package ledger

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text limits, in characters (Unicode code points, as SQLite's length()
// counts them). Each text column of the residence has one of these kinds;
// the schema's triggers (the migration named …_text_limits.sql) enforce the same
// numbers for writes that do not go through this package, and a test checks
// that they agree. A limit is generous for the field's purpose and bounds
// what one value can cost: a 100 MB owner name made the residence unusable
// (issue 12, item 9).
const (
	MaxShortText    = 50     // codes and numbers: zip, phones, civility, IBAN, BIC, piece, cheque and invoice numbers, lot details
	MaxNameText     = 255    // names and one-line labels; e-mail addresses (RFC 5321: 254)
	MaxLabelText    = 500    // entry, line, account and call labels, which may embed a name ("Frais d'impayé – M. …")
	MaxAddressText  = 1000   // postal addresses, which may span lines
	MaxOptionText   = 4096   // option values (a folder may be PATH_MAX long)
	MaxNotesText    = 10000  // free notes
	MaxTemplateText = 100000 // letter templates
)

// TextKind is the kind of a text field: its limit, and whether it may hold
// line breaks.
type TextKind struct {
	Max       int
	Multiline bool
}

// The kinds of text fields.
var (
	ShortText    = TextKind{Max: MaxShortText}
	NameText     = TextKind{Max: MaxNameText}
	LabelText    = TextKind{Max: MaxLabelText}
	OptionText   = TextKind{Max: MaxOptionText}
	AddressText  = TextKind{Max: MaxAddressText, Multiline: true}
	NotesText    = TextKind{Max: MaxNotesText, Multiline: true}
	TemplateText = TextKind{Max: MaxTemplateText, Multiline: true}
)

// TextError says what is wrong with a text field. It is the cause of the
// *Error CleanText returns; imports use Problem alone, placed after the
// cell's location.
type TextError struct {
	Field   string // French, as the message names it: "nom du copropriétaire"
	Problem string // French, without the field: "texte trop long (…)"
}

func (e *TextError) Error() string { return upperFirst(e.Field) + " : " + e.Problem }

// CleanText checks and cleans a text field before it is stored: it is the
// one gate every text of the books goes through (Go side; the schema's
// triggers repeat the checks). The policy:
//
//   - A one-line field gets a space for each TAB, line break (LF, CR, CR LF)
//     and Unicode line or paragraph separator (U+2028, U+2029): text pasted
//     from a spreadsheet or a PDF often carries them, and they mean a space.
//   - A multi-line field (an address, notes, a letter template) keeps its
//     line breaks as LF (CR LF and CR become LF); a TAB becomes a space.
//   - Refused, with a message naming the field: invalid UTF-8, NUL and the
//     other C0 control characters, DEL, the C1 controls (U+0080–U+009F), and
//     the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069). Nobody types them; they come from damaged or hostile
//     files, they cut a FEC line or an XML cell, and the bidi ones make a
//     printed label read differently from what is stored.
//   - Refused: more than kind.Max characters.
//
// Leading and trailing spaces are left to the caller (some fields trim).
func CleanText(field, s string, kind TextKind) (string, error) {
	fail := func(format string, args ...any) (string, error) {
		te := &TextError{Field: field, Problem: fmt.Sprintf(format, args...)}
		return s, &Error{Kind: Invalid, Msg: te.Error(), Err: te}
	}
	if plainASCII(s) {
		if len(s) > kind.Max {
			return fail("texte trop long (%s caractères ; %s au plus)", groupInt(len(s)), groupInt(kind.Max))
		}
		return s, nil
	}
	// Counted before anything is copied (a 100 MB cell): each character
	// stays one, but CR LF becomes one.
	if n := utf8.RuneCountInString(s) - strings.Count(s, "\r\n"); n > kind.Max {
		return fail("texte trop long (%s caractères ; %s au plus)", groupInt(n), groupInt(kind.Max))
	}
	var b strings.Builder
	b.Grow(len(s))
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return fail("texte illisible (octet 0x%02X en position %d : le fichier n'est pas en UTF-8 ?)", s[i], n+1)
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			size = 2
			fallthrough
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			if kind.Multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			b.WriteByte(' ')
		case forbiddenRune(r):
			return fail("caractère invisible interdit %s en position %d : retapez ce texte", runeName(r), n+1)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
		n++
	}
	return b.String(), nil
}

// plainASCII says whether s holds printable ASCII only (the common case,
// kept cheap: every entry of a 10,000-entry import passes here).
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// textOK says whether CleanText would keep s as it is, cheaply, for the
// common case only: false may still be fine.
func textOK(s string, kind TextKind) bool { return len(s) <= kind.Max && plainASCII(s) }

// forbiddenRune says whether r is refused in any stored text (see CleanText).
func forbiddenRune(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

func runeName(r rune) string {
	switch r {
	case 0:
		return "NUL (U+0000)"
	case 0x7f:
		return "DEL (U+007F)"
	}
	return fmt.Sprintf("U+%04X", r)
}

// SafeText makes a stored text safe to write into an export (FEC, hledger
// journal, workbook), whatever the file holds: a residence written before
// the limits, or edited with raw SQL, may still contain what CleanText
// refuses. Line breaks and TABs become a space (kept as LF when multiline),
// every other character CleanText refuses becomes U+FFFD (the replacement
// character: visible, so the reader sees something was there).
func SafeText(s string, multiline bool) string {
	if plainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			size = 2
			fallthrough
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			b.WriteByte(' ')
		case r == utf8.RuneError && size <= 1, forbiddenRune(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// lowerFirst lowers the first letter of a message's subject ("Règlement
// R12 du …" inside a sentence).
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// groupInt writes n with French thousands separators: 1 048 576.
func groupInt(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// textField is one field a validation cleans: where its value is, how the
// message names it, its kind.
type textField struct {
	p    *string
	name string
	kind TextKind
}

// cleanTexts runs CleanText over fields in order and writes the cleaned
// values back; the first refusal is returned.
func cleanTexts(fields ...textField) error {
	for _, f := range fields {
		v, err := CleanText(f.name, *f.p, f.kind)
		if err != nil {
			return err
		}
		*f.p = v
	}
	return nil
}
