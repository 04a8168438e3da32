package app_test

import (
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/sheet"
)

// FuzzMeterRow feeds the row parser any cells: it must not panic, and a row
// it accepts must be a reading the books take (numbers not negative, a
// consumption that is forced or not below zero).
func FuzzMeterRow(f *testing.F) {
	for _, s := range []string{"1|1000|1300||280|", "2|2000|1900|||", "3|||150||oui", "4|-1|x|1e9|||", "|||||", "5|1,5|2,25|0,75|1|non",
		"6|0|99999999999999|||", "7|0,0000001|1|||", "8|1 000|2 000||| x "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, row string) {
		parts := strings.Split(row, "|")
		var cols app.MeterColumns
		for i := range cols {
			cols[i] = i + 1
		}
		cell := func(col int) sheet.Cell {
			if col > len(parts) {
				return sheet.Cell{}
			}
			return sheet.Cell{Kind: sheet.CellText, Value: parts[col-1]}
		}
		mr, problems := app.ParseMeterRow(2, cols, cell)
		for _, p := range problems {
			if p.Row != 2 || p.Col < 1 || p.Msg == "" {
				t.Fatalf("problem without its place: %+v", p)
			}
		}
		if len(problems) > 0 {
			return
		}
		r := mr.Reading
		if r.Lot == "" || r.Old.IsNegative() || r.New.IsNegative() || r.Estimate.IsNegative() || r.ForcedValue.IsNegative() {
			t.Fatalf("accepted %q as %+v", row, r)
		}
		if r.Consumption().IsNegative() {
			t.Fatalf("accepted %q with a negative consumption %s", row, r.Consumption())
		}
		if r.Forced && r.Reason == "" {
			t.Fatalf("accepted %q forced without a reason", row)
		}
	})
}
