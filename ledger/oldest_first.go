package ledger

// CoverOldestFirst spreads a sum paid over amounts owed, oldest first:
// each is covered in full before the next gets anything (the rule
// AutoMatch letters by, and the one the owner is told). It returns what
// each amount gets; what is left over is an advance.
func CoverOldestFirst(owed []Amount, paid Amount) []Amount {
	out := make([]Amount, len(owed))
	for i, o := range owed {
		if o <= 0 || paid <= 0 {
			continue
		}
		out[i] = min(paid, o)
		paid -= out[i]
	}
	return out
}

// SettledInFull counts the amounts owed a payment covers in full, oldest
// first: the calls a receipt settles.
func SettledInFull(owed []Amount, paid Amount) int {
	n := 0
	for i, c := range CoverOldestFirst(owed, paid) {
		if owed[i] > 0 && c == owed[i] {
			n++
		} else if owed[i] > 0 {
			break
		}
	}
	return n
}
