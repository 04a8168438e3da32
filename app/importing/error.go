package importing

import (
	"fmt"
	"strings"

	"tantieme/ledger"
	"tantieme/sheet"
)

// Problem is one problem of a file being imported, located as Excel
// shows it: the spreadsheet reader's own problem type (sheet.Problem), so
// that a damaged cell and a wrong value read the same way.
type Problem = sheet.Problem

// blockingError turns the blocking problems of a plan into the one error
// the CLI prints and the UI shows: the first problem, and how many others
// there are. It is a *ledger.Error of kind Invalid wrapping the first
// *Problem, so errors.As finds both.
func blockingError(problems []*Problem) error {
	var first *Problem
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
