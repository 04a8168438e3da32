package bankfile

import "strings"

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
