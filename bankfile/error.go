package bankfile

import (
	"strconv"
	"strings"
)

// Error is a statement file refused: the file, where in it (a line, an XML
// element) and what is wrong, in French, for the syndic to read.
type Error struct {
	File  string // the file's name as the user chose it
	Where string // "ligne 12", "élément Ntry n° 3", "" for the whole file
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("« " + e.File + " »")
	if e.Where != "" {
		b.WriteString(", " + e.Where)
	}
	b.WriteString(" : " + e.Msg)
	return b.String()
}

// Money writes signed cents the French way for messages: "-1 234,56 €".
// (bankfile depends on nothing of ours; the books' own format is the same.)
func Money(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	units := strconv.FormatInt(cents/100, 10)
	var b strings.Builder
	for i, r := range units {
		if i > 0 && (len(units)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	c := cents % 100
	return sign + b.String() + "," + string(rune('0'+c/10)) + string(rune('0'+c%10)) + " €"
}
