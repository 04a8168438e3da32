package ledger

import "fmt"

// The entries a closing posts say so in their origin, so that the budget
// screen, the books and the annexes can tell them from the year's own.

// ClosingOrigin prefixes the origin of every entry a closing posts on N's
// last day or N+1's first; BudgetView and the annexes recognise them.
func ClosingOrigin(ex Exercise) string { return fmt.Sprintf("closing:%d:", ex.Year()) }

// DistributionOrigin prefixes the distribution entries proper: the annexes
// read classes 6 and 7 before them, but after the works transfers.
func DistributionOrigin(ex Exercise) string { return ClosingOrigin(ex) + "dist:" }

// ClosingReversalOrigin marks the reversal, on N+1's first day, of an
// unfinished campaign's transfer to 120: it is an entry of N+1 like any
// other, which its budget screen and annexes must count.
func ClosingReversalOrigin(ex Exercise, code string) string {
	return fmt.Sprintf("closing-reversal:%d:%s", ex.Year(), code)
}
