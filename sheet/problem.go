package sheet

import (
	"fmt"
	"strings"

	"tantieme/internal/fr"
)

// Problem is one problem found in a file being read or imported, located as
// Excel shows it, like encoding/csv's ParseError:
//
//	proprietaires.xlsx, feuille « Lots », ligne 12, colonne D (Tantièmes) : « 12,5x » n'est pas un nombre.
//
// A warning is reported but does not stop the import; any other problem
// does, and nothing is written.
type Problem struct {
	File    string // base name of the file
	Sheet   string // "" for a CSV file
	Row     int    // 1-based; 0 when the problem is about the whole sheet
	Col     int    // 1-based; 0 when it is about the whole row
	Field   string // French name of the field read from that column
	Msg     string // French, without the location
	Warning bool
}

// Where is the location part of the message: "f.xlsx, feuille « S », ligne 12, colonne D (Tantièmes)".
func (e *Problem) Where() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		b.WriteString(", feuille « " + e.Sheet + " »")
	}
	if e.Row > 0 {
		fmt.Fprintf(&b, ", ligne %d", e.Row)
	}
	if e.Col > 0 {
		b.WriteString(", colonne " + ColumnLetter(e.Col))
		if e.Field != "" {
			b.WriteString(" (" + e.Field + ")")
		}
	}
	return b.String()
}

func (e *Problem) Error() string {
	return fr.Sentence(e.Where() + " : " + e.Msg)
}
