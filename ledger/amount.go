package ledger

import (
	"math"
	"strconv"
	"strings"

	"tantieme/internal/fr"
)

// Amount is a sum of money in euro cents. Money is never a float in Tantième.
type Amount int64

// Cents returns the amount as an int64 number of cents.
func (a Amount) Cents() int64 { return int64(a) }

// Abs returns |a|.
func (a Amount) Abs() Amount {
	if a < 0 {
		return -a
	}
	return a
}

// String formats the amount the French way: "1 234,56 €", "-12,00 €".
func (a Amount) String() string { return fr.Euros(int64(a)) }

// Format formats the amount without the currency sign: "1 234,56".
// Thousands are separated by a normal space so that every font and terminal
// shows it; the UI and PDFs keep the figure on one line themselves.
func (a Amount) Format() string { return fr.Money(int64(a)) }

// Plain formats the amount with a dot and two decimals, no grouping
// ("1234.56", "-0.05"): the form of the CLI's JSON and of exports.
func (a Amount) Plain() string {
	s := a.Format()
	s = strings.ReplaceAll(s, " ", "")
	return strings.Replace(s, ",", ".", 1)
}

// ParseAmount reads an amount as users and spreadsheets write it:
// "1234,56", "1 234,56 €", "1234.56", "1.234,56", "-12", "12,5". It refuses
// more than two decimals rather than round, and "1.234" (thousands or
// decimals?) as ambiguous.
func ParseAmount(s string) (Amount, error) {
	orig := s
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "€")
	s = strings.TrimSuffix(strings.TrimSpace(s), "EUR")
	s = strings.TrimPrefix(s, "€")
	s = strings.TrimSpace(s)
	// Spaces of every kind group thousands.
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\t', '\'':
			return -1
		}
		return r
	}, s)
	bad := func() (Amount, error) {
		return 0, Errorf(Invalid, "« %s » n'est pas un montant valide (exemples : 1234,56 ou 1 234,56 €)", strings.TrimSpace(orig))
	}
	if s == "" {
		return bad()
	}
	neg := false
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	// The decimal mark is the last ',' or '.'; the other one, if present
	// before it, groups thousands ("1.234,56" or "1,234.56").
	intPart, frac := s, ""
	if i := strings.LastIndexAny(s, ",."); i >= 0 {
		mark := s[i]
		other := byte('.')
		if mark == '.' {
			other = ','
		}
		head := s[:i]
		tail := s[i+1:]
		if strings.IndexByte(head, mark) >= 0 {
			// The same mark several times: it groups thousands ("1.234.567").
			if strings.IndexByte(head, other) >= 0 || !grouped(s, mark) {
				return bad()
			}
			intPart, frac = strings.ReplaceAll(s, string(mark), ""), ""
		} else {
			if strings.IndexByte(head, other) >= 0 && !grouped(head, other) {
				return bad()
			}
			intPart, frac = strings.ReplaceAll(head, string(other), ""), tail
		}
	}
	if intPart == "" && frac == "" {
		return bad()
	}
	if len(frac) > 2 {
		return bad()
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return bad()
		}
	}
	if intPart == "" {
		intPart = "0"
	}
	units, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil || units > math.MaxInt64/100-1 {
		return 0, Errorf(Invalid, "« %s » est un montant trop grand", strings.TrimSpace(orig))
	}
	for len(frac) < 2 {
		frac += "0"
	}
	cents, _ := strconv.ParseInt(frac, 10, 64)
	v := Amount(units*100 + cents)
	if neg {
		v = -v
	}
	return v, nil
}

// MustAmount parses s and panics on error; for tests and fixed data.
func MustAmount(s string) Amount {
	a, err := ParseAmount(s)
	if err != nil {
		panic(err)
	}
	return a
}

// grouped says whether s is digits in groups of three after a first group of
// one to three, separated by sep ("1.234.567"), as thousands are written.
func grouped(s string, sep byte) bool {
	groups := strings.Split(s, string(sep))
	if n := len(groups[0]); n < 1 || n > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}
