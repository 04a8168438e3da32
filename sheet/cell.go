package sheet

import (
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// CellKind says what a cell holds.
type CellKind uint8

const (
	CellEmpty  CellKind = iota
	CellText            // text, as typed (CSV cells are all text)
	CellNumber          // a number, Value in Excel's own form ("1234.56", "1E-3")
	CellDate            // a number shown with a date format (Value is the serial), or an ISO date
	CellBool            // VRAI / FAUX, Value "1" or "0"
	CellError           // a formula error such as #REF!, in Value
)

// Cell is one spreadsheet cell as stored in the file. Amounts and dates are
// read from Value, never through a float, so that 1234.56 stays 1234.56.
type Cell struct {
	Value   string
	Kind    CellKind
	Zeros   uint8 // the number format pads integers to this many digits ("000": 1 shows as 001)
	Formula bool  // the value was computed by a formula
	d1904   bool  // the workbook counts dates from 1904 (old Mac Excel)
}

// IsEmpty says whether the cell holds nothing but spaces.
func (c Cell) IsEmpty() bool {
	return c.Kind == CellEmpty || c.Kind == CellText && strings.TrimSpace(c.Value) == ""
}

// Text is the cell as the user sees it, for text fields and messages:
// numbers without float noise (12,5 with a French decimal comma; 1 shown as
// 001 when its format says so), dates as 31/01/2025, text trimmed.
func (c Cell) Text() string {
	switch c.Kind {
	case CellEmpty:
		return ""
	case CellNumber:
		d, ok := excelNumber(c.Value)
		if !ok {
			return c.Value
		}
		if d.IsInteger() {
			s := d.String()
			neg := strings.HasPrefix(s, "-")
			s = strings.TrimPrefix(s, "-")
			for len(s) < int(c.Zeros) {
				s = "0" + s
			}
			if neg {
				s = "-" + s
			}
			return s
		}
		return strings.Replace(d.String(), ".", ",", 1)
	case CellDate:
		if t, ok := c.date(); ok {
			return ledger.FrenchDate(t)
		}
		return c.Value
	case CellBool:
		if c.Value == "1" || strings.EqualFold(c.Value, "true") {
			return "VRAI"
		}
		return "FAUX"
	}
	return strings.TrimSpace(c.Value)
}

// excelNumber reads a number as Excel writes it in its files. Excel keeps
// 15 significant digits; more digits are float noise from formulas
// (0.1 + 0.2 is stored as 0.30000000000000004) and are rounded away.
func excelNumber(s string) (decimal.Decimal, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, false
	}
	exp := d.Exponent()
	if exp < -400 || exp > 400 {
		return decimal.Decimal{}, false // beyond a float64: not something Excel wrote
	}
	coef := new(big.Int).Abs(d.Coefficient())
	if n := len(coef.String()); n > 15 {
		d = d.Round(-exp - int32(n-15))
	}
	return d, true
}

// Money above this is refused: no copropriété handles a billion euros, and
// the bound keeps sums of many rows far from overflowing.
var maxImportAmount = ledger.Amount(100_000_000_000) // 1 000 000 000,00 €

// CellAmount reads an amount. empty is true for a blank cell (or "-", the
// zero of accounting formats). msg is the French problem, "" when fine.
func ReadAmount(c Cell) (a ledger.Amount, empty bool, msg string) {
	switch c.Kind {
	case CellEmpty:
		return 0, true, ""
	case CellError:
		return 0, false, "la cellule contient une erreur de formule (" + c.Value + ")"
	case CellBool:
		return 0, false, "« " + c.Text() + " » n'est pas un montant"
	case CellNumber, CellDate:
		d, ok := excelNumber(c.Value)
		if !ok {
			return 0, false, "« " + c.Value + " » n'est pas un montant"
		}
		cents := d.Shift(2)
		if !cents.IsInteger() {
			return 0, false, "« " + c.Text() + " » a plus de deux décimales"
		}
		if cents.Abs().GreaterThan(decimal.NewFromInt(int64(maxImportAmount))) {
			return 0, false, "« " + c.Text() + " » est un montant trop grand"
		}
		return ledger.Amount(cents.IntPart()), false, ""
	}
	s := strings.TrimSpace(c.Value)
	bare := strings.TrimSpace(strings.Trim(s, "€ \u00a0\u202f"))
	if bare == "" || bare == "-" {
		return 0, true, ""
	}
	// Accounting formats write negatives in parentheses: (1 234,56).
	if strings.HasPrefix(bare, "(") && strings.HasSuffix(bare, ")") {
		s = "-" + strings.TrimSpace(bare[1:len(bare)-1])
	}
	a, err := ledger.ParseAmount(s)
	if err != nil {
		return 0, false, ledger.Message(err)
	}
	if a.Abs() > maxImportAmount {
		return 0, false, "« " + strings.TrimSpace(c.Value) + " » est un montant trop grand"
	}
	return a, false, ""
}

// CellDecimal reads a number of shares (tantièmes): decimals allowed, with a
// comma or a dot, spaces grouping thousands.
func ReadDecimal(c Cell) (d decimal.Decimal, empty bool, msg string) {
	switch c.Kind {
	case CellEmpty:
		return d, true, ""
	case CellError:
		return d, false, "la cellule contient une erreur de formule (" + c.Value + ")"
	case CellNumber:
		if v, ok := excelNumber(c.Value); ok {
			return v, false, ""
		}
		return d, false, "« " + c.Value + " » n'est pas un nombre"
	case CellText:
	default:
		return d, false, "« " + c.Text() + " » n'est pas un nombre"
	}
	s := strings.TrimSpace(c.Value)
	if s == "" || s == "-" {
		return d, true, ""
	}
	t := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f':
			return -1
		case ',':
			return '.'
		}
		return r
	}, s)
	bad := len(t) > 40 || strings.Count(t, ".") > 1 || strings.ContainsAny(t, "eE")
	if !bad {
		var err error
		d, err = decimal.NewFromString(t)
		bad = err != nil
	}
	if bad {
		return decimal.Decimal{}, false, "« " + s + " » n'est pas un nombre"
	}
	return d, false, ""
}

// Excel day 0: 30/12/1899 (day 60 is the 29/02/1900 that never was, a bug
// kept from Lotus 1-2-3), or 01/01/1904 in workbooks of old Mac Excel.
var (
	excelEpoch     = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	excelEpoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

func serialDate(d decimal.Decimal, d1904 bool) (time.Time, bool) {
	n := d.Floor().IntPart()
	if n < 1 || n > 2958465 { // 31/12/9999
		return time.Time{}, false
	}
	if d1904 {
		return excelEpoch1904.AddDate(0, 0, int(n)), true
	}
	if n < 61 {
		n++ // before the phantom 29/02/1900
	}
	return excelEpoch.AddDate(0, 0, int(n)), true
}

// date reads a date cell: a serial, or an ISO date ("d" cells).
func (c Cell) date() (time.Time, bool) {
	if d, ok := excelNumber(c.Value); ok {
		return serialDate(d, c.d1904)
	}
	s := strings.TrimSpace(c.Value)
	if len(s) >= 10 {
		if t, err := time.Parse(ledger.ISODate, s[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var importDateLayouts = []string{ledger.ISODate, "02/01/2006", "2/1/2006", "02/01/06", "2/1/06", "02.01.2006", "2.1.2006",
	"02-01-2006", "2-1-2006", "2006/01/02", "20060102"}

// CellDate reads a date: an Excel date or serial, or text such as
// 31/01/2025, 2025-01-31, 31.01.2025, 31/01/25 or 20250131.
func ReadDate(c Cell) (t time.Time, empty bool, msg string) {
	switch c.Kind {
	case CellEmpty:
		return t, true, ""
	case CellError:
		return t, false, "la cellule contient une erreur de formule (" + c.Value + ")"
	case CellNumber, CellDate:
		if t, ok := c.date(); ok {
			return t, false, ""
		}
		return t, false, "« " + c.Text() + " » n'est pas une date"
	case CellBool:
		return t, false, "« " + c.Text() + " » n'est pas une date"
	}
	s := strings.TrimSpace(c.Value)
	if s == "" {
		return t, true, ""
	}
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		s = s[:10] // "2025-01-31 00:00:00"
	} else if i := strings.IndexByte(s, ' '); i >= 8 && strings.Contains(s[i:], ":") {
		s = s[:i] // "31/01/2025 00:00"
	}
	for _, layout := range importDateLayouts {
		if len(s) > 10 {
			break
		}
		if t, err := time.Parse(layout, s); err == nil {
			return t, false, ""
		}
	}
	if len(s) == 5 && AllDigits(s) { // a serial written as text (a CSV saved from Excel)
		n, _ := strconv.Atoi(s)
		if t, ok := serialDate(decimal.NewFromInt(int64(n)), false); ok {
			return t, false, ""
		}
	}
	return t, false, "« " + strings.TrimSpace(c.Value) + " » n'est pas une date (attendu : JJ/MM/AAAA)"
}

func AllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// NormHeader reduces a header to lower-case words without accents or
// punctuation: "N° de compte " → "n de compte".
func NormHeader(s string) string {
	s = fr.Fold(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// CleanText trims a text value and folds runs of spaces (a name typed with
// two spaces, or a line break inside a cell) into one.
func CleanText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
