package reports

import (
	"strings"
	"unicode"

	"tantieme/internal/fr"
)

// wrap splits text into lines that print within w millimetres in the
// current font, breaking between words, then after a hyphen of a word too
// long for the line ("Wolfgang-" / "Maximilien"), and inside a word only
// when a piece of it alone is wider than w (an e-mail address). Explicit
// line breaks are kept. An amount is one word: never « 12 » at the end of a
// line and « 650,34 € » on the next (fr.KeepTogether). Text is never cut
// off: callers that must hold a number of lines choose a smaller font
// instead.
func (d *Doc) wrap(text string, w float64) []string {
	lines := d.wrapWords(fr.KeepTogether(text), w)
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, string(fr.NoBreak), " ")
	}
	return lines
}

// breakable is a space a line may break at: any but the no-break ones.
func breakable(r rune) bool {
	return unicode.IsSpace(r) && r != fr.NoBreak && r != '\u202f' && r != '\u2007'
}

func (d *Doc) wrapWords(text string, w float64) []string {
	fits := func(s string) bool { return d.pdf.GetStringWidth(strings.ReplaceAll(s, string(fr.NoBreak), " ")) <= w }
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		join := func(word string) string {
			if line == "" {
				return word
			}
			return line + " " + word
		}
		for _, word := range strings.FieldsFunc(para, breakable) {
			for word != "" {
				if fits(join(word)) {
					line, word = join(word), ""
					break
				}
				// The longest part of the word up to a hyphen that fits.
				if head, tail := hyphenCut(word, func(h string) bool { return fits(join(h)) }); head != "" {
					out = append(out, join(head))
					line, word = "", tail
					continue
				}
				if line != "" {
					out = append(out, line)
					line = ""
					continue
				}
				// Alone on its line and too wide even cut at a hyphen: cut
				// it where it stops fitting.
				r := []rune(word)
				n := len(r) - 1
				for n > 1 && !fits(string(r[:n])) {
					n--
				}
				out = append(out, string(r[:n]))
				word = string(r[n:])
			}
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// hyphenCut splits word after its last hyphen whose head passes ok:
// ("Wolfgang-", "Maximilien"); ("", "") when none does.
func hyphenCut(word string, ok func(head string) bool) (string, string) {
	for i := len(word) - 1; i > 0; i-- {
		if word[i] == '-' && i < len(word)-1 && ok(word[:i+1]) {
			return word[:i+1], word[i+1:]
		}
	}
	return "", ""
}

// fitSize is the largest font size from max down to min (by half points)
// at which text prints within w millimetres on one line; min when none.
func (d *Doc) fitSize(text, style string, max, min, w float64) float64 {
	for size := max; size > min; size -= 0.5 {
		d.pdf.SetFont(family, style, size)
		if d.pdf.GetStringWidth(text) <= w {
			return size
		}
	}
	d.pdf.SetFont(family, style, min)
	return min
}

// moneyBlank is money, empty for zero: debit and credit columns leave the
// other side blank, as ledgers are written by hand.
func moneyBlank(cents int64) string {
	if cents == 0 {
		return ""
	}
	return fr.Money(cents)
}

// balanceDC writes a balance with its side, as accountants read it:
// "1 234,56 D" (debit), "80,00 C" (credit), "0,00".
func balanceDC(cents int64) string {
	switch {
	case cents > 0:
		return fr.Money(cents) + " D"
	case cents < 0:
		return fr.Money(-cents) + " C"
	}
	return "0,00"
}
