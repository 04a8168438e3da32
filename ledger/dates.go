package ledger

import (
	"strings"
	"time"
)

// ISODate is how dates are stored and exchanged: YYYY-MM-DD.
const ISODate = "2006-01-02"

// Date builds a date (UTC midnight); the books know no time of day.
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ParseDate reads "2025-01-31" or the French "31/01/2025".
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{ISODate, "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, Errorf(Invalid, "« %s » n'est pas une date valide (format AAAA-MM-JJ ou JJ/MM/AAAA)", s)
}

// MustDate parses s and panics on error; for tests and fixed data.
func MustDate(s string) time.Time {
	t, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// ISO formats t as YYYY-MM-DD ("" for the zero time).
func ISO(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(ISODate)
}

// FrenchDate formats t as 31/01/2025 ("" for the zero time).
func FrenchDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}

// parseStored reads a date from the file; "" is the zero time.
func parseStored(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, _ := time.Parse(ISODate, s)
	return t
}
