package ledger

import (
	"fmt"
	"strings"
)

// The entries a closing posts say so in their origin, so that the budget
// screen, the books and the annexes can tell them from the year's own.

// ClosingOriginPrefix starts the origin of every entry a closing posts on
// N's last day or N+1's first (not the reversals, N+1's own entries).
const ClosingOriginPrefix = "closing:"

// ClosingPiecePrefix starts the pieces of the closing's entries in OD
// (CL0001…); its entries in AN are numbered as AN's.
const ClosingPiecePrefix = "CL"

// IsClosingOrigin says whether an entry was posted by a closing: its
// entries and the reversal of an unfinished campaign's transfer alike.
func IsClosingOrigin(origin string) bool {
	return strings.HasPrefix(origin, ClosingOriginPrefix) || strings.HasPrefix(origin, closingReversalPrefix)
}

const closingReversalPrefix = "closing-reversal:"

// ClosingOrigin prefixes the origin of every entry a closing posts on N's
// last day or N+1's first; BudgetView and the annexes recognise them.
func ClosingOrigin(ex Exercise) string { return fmt.Sprintf("%s%d:", ClosingOriginPrefix, ex.Year()) }

// DistributionOrigin prefixes the distribution entries proper: the annexes
// read classes 6 and 7 before them, but after the works transfers.
func DistributionOrigin(ex Exercise) string { return ClosingOrigin(ex) + "dist:" }

// ClosingReversalOrigin marks the reversal, on N+1's first day, of an
// unfinished campaign's transfer to 120: it is an entry of N+1 like any
// other, which its budget screen and annexes must count.
func ClosingReversalOrigin(ex Exercise, code string) string {
	return fmt.Sprintf("%s%d:%s", closingReversalPrefix, ex.Year(), code)
}
