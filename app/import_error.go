package app

import (
	"fmt"
	"strings"

	"tantieme/ledger"
)

// ImportError is one problem found in a file being imported, located as
// Excel shows it, like encoding/csv's ParseError:
//
//	proprietaires.xlsx, feuille « Lots », ligne 12, colonne D (Tantièmes) : « 12,5x » n'est pas un nombre.
//
// A warning is reported but does not stop the import; any other problem
// does, and nothing is written.
type ImportError struct {
	File    string // base name of the file
	Sheet   string // "" for a CSV file
	Row     int    // 1-based; 0 when the problem is about the whole sheet
	Col     int    // 1-based; 0 when it is about the whole row
	Field   string // French name of the field read from that column
	Msg     string // French, without the location
	Warning bool
}

// Where is the location part of the message: "f.xlsx, feuille « S », ligne 12, colonne D (Tantièmes)".
func (e *ImportError) Where() string {
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

func (e *ImportError) Error() string {
	return sentenceFR(e.Where() + " : " + e.Msg)
}

// sentenceFR ends s with a full stop, once.
func sentenceFR(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

// blockingError turns the blocking problems of a plan into the one error
// the CLI prints and the UI shows: the first problem, and how many others
// there are. It is a *ledger.Error of kind Invalid wrapping the first
// *ImportError, so errors.As finds both.
func blockingError(problems []*ImportError) error {
	var first *ImportError
	n := 0
	for _, p := range problems {
		if p.Warning {
			continue
		}
		if first == nil {
			first = p
		}
		n++
	}
	if first == nil {
		return nil
	}
	msg := strings.TrimSuffix(first.Error(), ".")
	switch n {
	case 1:
		msg += " ; rien n'a été importé."
	case 2:
		msg += " (et 1 autre problème) ; rien n'a été importé."
	default:
		msg += fmt.Sprintf(" (et %d autres problèmes) ; rien n'a été importé.", n-1)
	}
	return &ledger.Error{Kind: ledger.Invalid, Msg: msg, Err: first}
}
