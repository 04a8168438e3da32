package camt

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tantieme/bankfile"
)

// clean makes a text from the file fit to show and keep: control characters
// dropped, runs of white space made one space, trimmed, at most
// bankfile.MaxText characters.
func clean(s string) string {
	var b strings.Builder
	n, space := 0, false
	for _, r := range s {
		if r == utf8.RuneError || (unicode.IsControl(r) && !unicode.IsSpace(r)) ||
			unicode.Is(unicode.Cf, r) {
			continue
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if n >= bankfile.MaxText {
			break
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
			if n >= bankfile.MaxText {
				break
			}
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// compact is an identifier (IBAN, BIC) without spaces, upper case.
func compact(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(clean(s)), ""))
}

// readAmount reads an ISO 20022 amount (xs:decimal, no sign, a dot before
// at most five fraction digits) into cents; the sign comes from CdtDbtInd.
func readAmount(v string) (int64, string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, "montant absent"
	}
	for _, r := range v {
		if (r < '0' || r > '9') && r != '.' {
			return 0, "montant illisible : « " + clean(v) + " »"
		}
	}
	c, err := bankfile.ParseDecimal(v)
	if err != nil {
		return 0, err.Error()
	}
	return c, ""
}

// sign applies the credit/debit indicator (CreditDebitCode: CRDT, DBIT).
func sign(cents int64, ind string) (int64, string) {
	switch strings.TrimSpace(ind) {
	case "CRDT":
		return cents, ""
	case "DBIT":
		return -cents, ""
	case "":
		return 0, "indicateur crédit/débit (CdtDbtInd) absent"
	}
	return 0, "indicateur crédit/débit « " + clean(ind) + " » inconnu (CRDT ou DBIT attendu)"
}

// readDate reads an ISODate ("2014-12-31", maybe followed by a time zone)
// or the date part of an ISODateTime ("2007-10-18T13:15:00+01:00"): the
// day as the bank wrote it, without moving it to another time zone.
func readDate(s string) (time.Time, string) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return time.Time{}, "date illisible : « " + clean(s) + " »"
	}
	d, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		if looksLikeDate(s[:10]) {
			return time.Time{}, "la date « " + s[:10] + " » n'existe pas"
		}
		return time.Time{}, "date illisible : « " + clean(s) + " »"
	}
	return d, ""
}

// date is the date of a DateAndDateTimeChoice (Dt or DtTm), zero when the
// element is absent.
func (c *dateChoice) date() (time.Time, string) {
	if c == nil {
		return time.Time{}, ""
	}
	if strings.TrimSpace(c.Dt) != "" {
		return readDate(c.Dt)
	}
	if strings.TrimSpace(c.DtTm) != "" {
		return readDate(c.DtTm)
	}
	return time.Time{}, "date absente"
}

// looksLikeDate says whether s is written YYYY-MM-DD, whatever the digits.
func looksLikeDate(s string) bool {
	for i, r := range s {
		if (i == 4 || i == 7) != (r == '-') || (r != '-' && (r < '0' || r > '9')) {
			return false
		}
	}
	return len(s) == 10
}
