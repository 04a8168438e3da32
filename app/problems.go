package app

import (
	"fmt"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// PlanProblem is something a plan found (calls, closing): a blocking
// problem prevents posting the plan; the others are warnings to read.
type PlanProblem struct {
	Text     string
	Blocking bool
}

// Problems are a plan's problems in the order found, each said once.
type Problems []PlanProblem

// Add records a problem unless the same sentence is already there.
func (ps *Problems) Add(blocking bool, format string, args ...any) {
	text := fmt.Sprintf(format, args...)
	for _, p := range *ps {
		if p.Text == text {
			return
		}
	}
	*ps = append(*ps, PlanProblem{Text: text, Blocking: blocking})
}

// Blocked says whether a problem prevents posting the plan.
func (ps Problems) Blocked() bool {
	for _, p := range ps {
		if p.Blocking {
			return true
		}
	}
	return false
}

// Warnings lists the problems that do not block.
func (ps Problems) Warnings() []string {
	var out []string
	for _, p := range ps {
		if !p.Blocking {
			out = append(out, p.Text)
		}
	}
	return out
}

// Err is the blocking problems as one French sentence after what, nil
// when none: « Appels impossibles : … (et 2 autres problèmes) ».
func (ps Problems) Err(what string) error {
	var block []string
	for _, p := range ps {
		if p.Blocking {
			block = append(block, p.Text)
		}
	}
	switch len(block) {
	case 0:
		return nil
	case 1:
		return ledger.Errorf(ledger.Invalid, "%s : %s", what, fr.LowerFirst(block[0]))
	}
	return ledger.Errorf(ledger.Invalid, "%s : %s (et %d autres problèmes)", what, fr.LowerFirst(block[0]), len(block)-1)
}
