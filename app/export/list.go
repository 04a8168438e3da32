package export

import (
	"io"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"tantieme/app"
	"tantieme/ledger"
)

// moneyText is an amount as the screens write it: « 1 234,56 », « -12,00 € ».
var moneyText = regexp.MustCompile(`^-?[0-9][0-9\s\x{00a0}\x{202f}]*,[0-9]{2}( €)?$`)

// ListXLSX writes a list as a screen shows it (« Exporter (Excel) ») into a one-sheet workbook: amounts as numbers
// shown as 1 234,56 €, shares as numbers, dates as dates, every other cell
// as text (never a formula); the header stays on screen when scrolling.
func ListXLSX(w io.Writer, l app.PrintedList) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return ledger.Wrap(ledger.Internal, err, "Préparation du classeur impossible")
	}
	t := &xlsxTable{headers: l.Titles}
	for _, r := range l.Rows {
		t.add(listCells(r, l.Right)...)
	}
	if l.Totals != nil {
		t.addBold(listCells(l.Totals, l.Right)...)
	}
	name := sheetName(l.Title)
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return ledger.Wrap(ledger.Internal, err, "Écriture de la feuille « %s » impossible", name)
	}
	if err := t.write(f, name, st); err != nil {
		return ledger.Wrap(ledger.Internal, err, "Écriture de la feuille « %s » impossible", name)
	}
	if err := f.Write(w); err != nil {
		return ledger.Wrap(ledger.Internal, err, "Écriture du classeur impossible")
	}
	return nil
}

// listCells types the cells of one row: a right-aligned text that reads as
// an amount, a number or a date becomes one.
func listCells(texts []string, right []bool) []any {
	out := make([]any, len(texts))
	for i, s := range texts {
		out[i] = s
		if i >= len(right) || !right[i] || strings.TrimSpace(s) == "" {
			continue
		}
		if moneyText.MatchString(strings.TrimSpace(s)) {
			if a, err := ledger.ParseAmount(s); err == nil {
				out[i] = xlMoney(a)
				continue
			}
		}
		if d, err := ledger.ParseDate(s); err == nil {
			out[i] = xlDate(d)
			continue
		}
		plain := strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\u00a0', '\u202f':
				return -1
			case ',':
				return '.'
			}
			return r
		}, s)
		if n, err := decimal.NewFromString(plain); err == nil {
			out[i] = xlNumber(n)
		}
	}
	return out
}

// sheetName makes a sheet name Excel accepts: at most 31 characters,
// none of : \ / ? * [ ].
func sheetName(title string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) || r < ' ' {
			return ' '
		}
		return r
	}, strings.TrimSpace(title))
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	if strings.TrimSpace(name) == "" {
		name = "Liste"
	}
	return name
}
