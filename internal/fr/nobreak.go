package fr

import "strings"

// NoBreak is the no-break space KeepTogether puts inside numbers.
const NoBreak = '\u00a0'

// KeepTogether puts a no-break space in place of the spaces that belong to
// a number: between groups of thousands ("12 650,34") and before « € » or
// « % » ("650,34 €", "12,5 %"). A line broken there left « 12 » at the end
// of a line and « 650,34 € » on the next (issue 16, item 11). The amounts
// themselves keep a plain space (Money), the form every test, export and
// terminal reads; whoever wraps text calls KeepTogether and breaks only at
// the other spaces.
func KeepTogether(text string) string {
	if !strings.ContainsRune(text, ' ') {
		return text
	}
	r := []rune(text)
	digit := func(i int) bool { return i >= 0 && i < len(r) && r[i] >= '0' && r[i] <= '9' }
	for i := 1; i < len(r)-1; i++ {
		if r[i] != ' ' || !digit(i-1) {
			continue
		}
		switch {
		case r[i+1] == '€' || r[i+1] == '%':
			r[i] = NoBreak
		case digit(i+1) && digit(i+2) && digit(i+3) && !digit(i+4):
			r[i] = NoBreak
		}
	}
	return string(r)
}
