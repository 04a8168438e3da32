package ledger

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CompareLots orders lot numbers as a résidence numbers them, and as a
// syndic reads them down a list: runs of digits by their value ("2" before
// "10", "001" beside "1", "A2" before "A12"), other characters
// alphabetically, capitals or not. Two numbers of the same value ("1" and
// "001") go shorter first, so that the order is total. Ordering by length
// then text gave « 1, 3, 001, 002 » (issue 16, item 11). Every list of lots
// (the books' reads, app, the window's tables) sorts with this one
// function.
func CompareLots(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			na, nb := strings.TrimLeft(a[si:i], "0"), strings.TrimLeft(b[sj:j], "0")
			if len(na) != len(nb) {
				return cmp.Compare(len(na), len(nb))
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			continue
		}
		ra, wa := utf8.DecodeRuneInString(a[i:])
		rb, wb := utf8.DecodeRuneInString(b[j:])
		if c := cmp.Compare(unicode.ToLower(ra), unicode.ToLower(rb)); c != 0 {
			return c
		}
		i, j = i+wa, j+wb
	}
	if c := cmp.Compare(len(a)-i, len(b)-j); c != 0 {
		return c // one is the start of the other: the shorter first
	}
	if c := cmp.Compare(len(a), len(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// LotLess is CompareLots as a less function.
func LotLess(a, b string) bool { return CompareLots(a, b) < 0 }

// SortLots sorts lot numbers in place (CompareLots).
func SortLots(lots []string) { slices.SortFunc(lots, CompareLots) }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
