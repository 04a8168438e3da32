package bankfile

import (
	"errors"
	"strings"
)

// ParseDecimal reads an unsigned decimal amount written with a dot or a
// comma ("1234.5", "0,07", "12") into cents, exactly: never through a float.
// More than two decimals are refused unless they are zeros.
func ParseDecimal(s string) (int64, error) {
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	whole, frac, _ := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	if whole == "" && frac == "" {
		return 0, errors.New("montant vide")
	}
	if len(frac) > 2 {
		if strings.Trim(frac[2:], "0") != "" {
			return 0, errors.New("montant au-delà du centime : « " + s + " »")
		}
		frac = frac[:2]
	}
	for len(frac) < 2 {
		frac += "0"
	}
	if len(whole) > 15 {
		return 0, errors.New("montant trop grand : « " + s + " »")
	}
	var v int64
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, errors.New("montant illisible : « " + s + " »")
		}
		v = v*10 + int64(r-'0')
	}
	if neg {
		v = -v
	}
	return v, nil
}
