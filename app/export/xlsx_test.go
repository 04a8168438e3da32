package export_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tantieme/app/apptest"
	"tantieme/app/export"
	"tantieme/ledger"
	"tantieme/sheet"
)

// TestExportXLSXFormats opens the exported workbook with excelize and with
// the import's reader: sheets, frozen headers, column widths, amounts as
// numbers with the euro format (to the cent), dates as dates.
func TestExportXLSXFormats(t *testing.T) {
	src, data := apptest.DemoWorkbook(t)
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := strings.Join(x.GetSheetList(), "|"); got != "Copropriétaires|Tantièmes|Écritures|Balance|Grand livre" {
		t.Fatalf("sheets %s", got)
	}
	for _, s := range x.GetSheetList() {
		panes, err := x.GetPanes(s)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: header not frozen: %+v %v", s, panes, err)
		}
		if w, _ := x.GetColWidth(s, "B"); w <= 9 {
			t.Errorf("%s: column B not sized (%v)", s, w)
		}
	}
	styleOf := func(sheet, cell string) *excelize.Style {
		id, err := x.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := x.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	// Écritures: columns G/H are amounts, E dates.
	if st := styleOf(export.SheetEntries, "E2"); st.CustomNumFmt == nil || *st.CustomNumFmt != export.DateFormat {
		t.Errorf("date cell format %+v", st)
	}
	wb, err := sheet.ReadWorkbook("export.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	sh, _ := wb.Sheet(export.SheetEntries)
	var entries []ledger.Entry
	src.View(func(tx *ledger.Tx) (err error) { entries, err = tx.Entries(ledger.EntryFilter{}); return err })
	row := 2
	amounts := 0
	for _, e := range entries {
		for _, l := range e.Lines {
			if c := sh.Cell(row, 5); c.Kind != sheet.CellDate || c.Text() != ledger.FrenchDate(e.Date) {
				t.Fatalf("row %d: date cell %+v, want %s", row, c, ledger.FrenchDate(e.Date))
			}
			for col, want := range map[int]ledger.Amount{7: l.Debit, 8: l.Credit} {
				c := sh.Cell(row, col)
				if want == 0 {
					if !c.IsEmpty() {
						t.Errorf("row %d col %d: %+v for zero", row, col, c)
					}
					continue
				}
				got, _, msg := sheet.ReadAmount(c)
				if c.Kind != sheet.CellNumber || msg != "" || got != want {
					t.Fatalf("row %d col %d: %+v (%v %s), want the number %s", row, col, c, got, msg, want.Plain())
				}
				ref, _ := excelize.CoordinatesToCellName(col, row)
				if st := styleOf(export.SheetEntries, ref); st.CustomNumFmt == nil || *st.CustomNumFmt != export.MoneyFormat {
					t.Fatalf("%s: amount format %+v", ref, st.CustomNumFmt)
				}
				amounts++
			}
			row++
		}
	}
	if amounts < 300 {
		t.Errorf("only %d amounts checked", amounts)
	}
	// Balance and owners: amounts as numbers too.
	for _, ref := range []string{"C2", "D2"} {
		if st := styleOf(export.SheetBalance, ref); st.CustomNumFmt == nil || *st.CustomNumFmt != export.MoneyFormat {
			t.Errorf("balance %s format %+v", ref, st.CustomNumFmt)
		}
	}
	if typ, _ := x.GetCellType(export.SheetOwners, "L2"); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Errorf("owner balance written as text")
	}
	// Lot numbers stay text: 001 is not 1.
	osh, _ := wb.Sheet(export.SheetOwners)
	if c := osh.Cell(2, 8); c.Kind != sheet.CellText {
		t.Errorf("lot number cell %+v", c)
	}
}

// TestExportXLSXTextNeverFormula: text starting with =, +, - or @ is
// written as text, as typed.
func TestExportXLSXTextNeverFormula(t *testing.T) {
	r := apptest.Empty(t)
	texts := []string{"=SUM(A1:A9)", "+33 6 12 34 56 78", "-5 % de remise", "@cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")"}
	err := r.Update(func(tx *ledger.Tx) error {
		o := ledger.Owner{Account: "450001", Name: texts[0], Address: texts[1]}
		if err := tx.AddOwner(&o); err != nil {
			return err
		}
		if err := tx.AddLot(ledger.Lot{Number: "1", Label: texts[2], Owner: "450001"}); err != nil {
			return err
		}
		return tx.PostEntry(&ledger.Entry{Journal: "OD", Date: ledger.Date(2025, 3, 1), Piece: texts[4], Label: texts[3], Lines: []ledger.Line{
			{Account: "450001", Debit: 100, Label: texts[3]}, {Account: "701000", Key: "001", Credit: 100, Label: texts[1]},
		}})
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.XLSX(r, &buf, apptest.Year(t, r, 2025)); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	found := map[string]bool{}
	for _, s := range x.GetSheetList() {
		rows, _ := x.GetRows(s)
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if f, _ := x.GetCellFormula(s, ref); f != "" {
					t.Errorf("%s!%s holds the formula %q", s, ref, f)
				}
				for _, want := range texts {
					if v == want {
						found[want] = true
						if typ, _ := x.GetCellType(s, ref); typ != excelize.CellTypeInlineString {
							t.Errorf("%s!%s %q has type %v", s, ref, v, typ)
						}
					}
				}
			}
		}
	}
	for _, want := range texts {
		if !found[want] {
			t.Errorf("%q not found as typed", want)
		}
	}
}
