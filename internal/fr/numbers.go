package fr

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Euros formats cents with the currency sign: "1 234,56 €".
func Euros(cents int64) string { return Money(cents) + " €" }

// Money formats cents without the currency sign: "1 234,56", "-0,05".
// Thousands are separated by a normal space so that every font and
// terminal shows it; the UI and PDFs keep the figure on one line.
func Money(cents int64) string {
	neg := cents < 0
	u := uint64(cents)
	if neg {
		u = uint64(-(cents + 1)) + 1 // safe for math.MinInt64
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	group(&b, strconv.FormatUint(u/100, 10))
	c := u % 100
	b.WriteByte(',')
	b.WriteByte(byte('0' + c/10))
	b.WriteByte(byte('0' + c%10))
	return b.String()
}

// Shares formats tantièmes: "1 000", "12,5", as many decimals as they have.
func Shares(d decimal.Decimal) string {
	s := d.String()
	neg := strings.HasPrefix(s, "-")
	units, frac, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	group(&b, units)
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// group writes digits in groups of three from the right.
func group(b *strings.Builder, digits string) {
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
}

// IBAN groups an IBAN by four characters, in capitals, as a RIB prints it:
// "FR76 3000 2008 …".
func IBAN(iban string) string {
	iban = strings.ToUpper(strings.ReplaceAll(iban, " ", ""))
	var b strings.Builder
	for i, r := range iban {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
