package importing

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/sheet"
)

// impFuzzTemplate is a residence with owners, lots and a key, copied for each
// input so that every import starts from the same books.
func impFuzzTemplate(f *testing.F) []byte {
	r := apptest.Empty(f)
	impMustImport(f, r, impOpen(f, "proprietaires.xlsx"), Options{Kind: Owners})
	path := r.Path()
	r.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// impFuzzWorkbook turns a grid (rows split by newlines, cells by tabs or ;) into
// a real .xlsx: cells that read as numbers become numbers, "d:N" a date
// serial with a date format, "f:X" a formula without value, "m:" merges the
// cell with the one below.
func impFuzzWorkbook(t *testing.T, grid string) []byte {
	x := excelize.NewFile()
	defer x.Close()
	dateStyle, _ := x.NewStyle(&excelize.Style{NumFmt: 14})
	sheet := "Feuille"
	x.SetSheetName("Sheet1", sheet)
	rows := strings.Split(grid, "\n")
	if len(rows) > 200 {
		rows = rows[:200]
	}
	for r, line := range rows {
		cells := strings.FieldsFunc(line, func(c rune) bool { return c == '\t' || c == ';' })
		if len(cells) > 30 {
			cells = cells[:30]
		}
		for c, v := range cells {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			switch {
			case strings.HasPrefix(v, "d:"):
				if n, err := strconv.Atoi(v[2:]); err == nil {
					x.SetCellInt(sheet, ref, int64(n))
					x.SetCellStyle(sheet, ref, ref, dateStyle)
				}
			case strings.HasPrefix(v, "f:"):
				x.SetCellFormula(sheet, ref, v[2:])
			case strings.HasPrefix(v, "m:"):
				x.SetCellStr(sheet, ref, v[2:])
				below, _ := excelize.CoordinatesToCellName(c+1, r+2)
				x.MergeCell(sheet, ref, below)
			default:
				if n, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "nN") {
					x.SetCellFloat(sheet, ref, n, -1, 64)
				} else {
					x.SetCellStr(sheet, ref, v)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Skip("excelize refuses this grid")
	}
	return buf.Bytes()
}

// FuzzImport feeds random workbooks to every import: no panic; a refused
// import leaves the residence byte for byte as it was; an accepted one
// leaves books that pass the residence's own check.
func FuzzImport(f *testing.F) {
	template := impFuzzTemplate(f)
	// One residence per fuzzing process, put back to the template after an
	// import that changed it: opening a file for each input would make the
	// fuzzer ten times slower.
	path := filepath.Join(f.TempDir(), "r.copro")
	var r *app.Residence
	reset := func(t *testing.T) {
		if r != nil {
			r.Close()
		}
		if err := os.WriteFile(path, template, 0o644); err != nil {
			t.Fatal(err)
		}
		var err error
		if r, err = app.Open(path); err != nil {
			t.Fatal(err)
		}
	}
	f.Cleanup(func() {
		if r != nil {
			r.Close()
		}
	})
	for _, seed := range []struct {
		kind uint8
		grid string
		csv  bool
	}{
		{0, "Nom\tLot\tTantièmes\nDurand\t20\t12,5\nTotal\t\t12,5", false},
		{0, "N° compte;Nom;Lot\n450009;m:Roy;21\n;;22\n", false},
		{1, "Lot\t001 - Charges générales\t002\n001\t100\t5\n1\t900\t5\nTotal\t1000\t10", false},
		{2, "Compte\tIntitulé\tDébit\tCrédit\n512001\tBanque\t1 000,00 €\t\n401\tF\t\t1000", false},
		{3, "\t601\t\tAC\td:45689\tEau\t10\t\n\t401000\t\tAC\t01/02/2025\tEau\t\t10", false},
		{3, ";601;;AC;15/01/2025;Eau;10,5;\n;512001;;;15/01/2025;Eau;;10,5\n", true},
		{4, "Compte;Clé;Montant\n601;001;1 200\n615;;f:A1*2\n", false},
		{2, "Compte;Intitulé;Débit;Crédit\n512001;Banque;12.345;\n", true},
		// Size-amplifying: blank lines by the thousand, past the row limit,
		// a cell past Excel's limit, an unclosed quote.
		{0, "Nom;Lot\n" + strings.Repeat("\n", 20_000) + "Durand;20\n" + strings.Repeat(";;;\n", 20_000), true},
		{0, "Nom;Lot\n" + strings.Repeat("\n", sheet.MaxRows) + "Durand;20\n", true},
		{0, "Nom;Lot\nDurand;" + strings.Repeat("2", sheet.MaxCellChars+1) + "\n", true},
		{3, ";601;;AC;15/01/2025;\"Eau" + strings.Repeat(";\n", 10_000), true},
	} {
		f.Add(seed.kind, seed.grid, seed.csv)
	}
	f.Fuzz(func(t *testing.T, kind uint8, grid string, asCSV bool) {
		var data []byte
		name := "f.xlsx"
		if asCSV {
			data, name = []byte(grid), "f.csv"
		} else {
			data = impFuzzWorkbook(t, grid)
		}
		wb, err := sheet.ReadWorkbook(name, data)
		if err != nil {
			return
		}
		if r == nil {
			reset(t)
		}
		opts := Options{Kind: Kinds[int(kind)%len(Kinds)], Year: 2026}
		if kind&8 != 0 {
			opts.HeaderRow = NoHeader
		}
		if kind&16 != 0 && opts.Kind == Balance {
			opts.At, opts.Year = BalanceClosing, 2026
		}
		_, err = Run(r, wb, opts)
		if err != nil {
			if k := ledger.KindOf(err); k == ledger.Internal {
				t.Fatalf("internal error: %v", err)
			}
			after, rerr := os.ReadFile(path)
			if rerr != nil {
				t.Fatal(rerr)
			}
			if !bytes.Equal(after, template) {
				t.Fatalf("refused import (%v) changed the residence", err)
			}
			return
		}
		defer reset(t)
		problems, err := r.Check(false)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			if p.Severity == "erreur" {
				t.Errorf("after import %s: %s", opts.Kind, p)
			}
		}
	})
}

// BenchmarkImportEntries50k times reading, checking and posting a sheet of
// 50 000 entry rows (25 000 two-line entries) into a new residence.
func BenchmarkImportEntries50k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "ecritures-50k.xlsx")
	writeEntries50k(b, path)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		r := apptest.Empty(b)
		b.StartTimer()
		wb, err := sheet.OpenWorkbook(path)
		if err != nil {
			b.Fatal(err)
		}
		rep, err := Run(r, wb, Options{Kind: Entries})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if rep.Lines != 50000 {
			b.Fatalf("%d lines", rep.Lines)
		}
		r.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(50000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func writeEntries50k(tb testing.TB, path string) {
	x := excelize.NewFile()
	defer x.Close()
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	dateStyle, _ := x.NewStyle(&excelize.Style{NumFmt: 14})
	sw.SetRow("A1", []any{"Clé", "Compte", "Intitulé", "Journal", "Date", "Libellé", "Débit", "Crédit", "TVA", "Pièce"})
	charges := []string{"601000", "602000", "611000", "614000", "615000"}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 25000; i++ {
		day := excelize.Cell{StyleID: dateStyle, Value: start.AddDate(0, 0, i%365)}
		piece := "F" + strconv.Itoa(i+1)
		amount := float64(1000+i%99000) / 100
		label := "Facture " + piece
		r1, _ := excelize.CoordinatesToCellName(1, 2*i+2)
		r2, _ := excelize.CoordinatesToCellName(1, 2*i+3)
		if err := sw.SetRow(r1, []any{"001", charges[i%len(charges)], "", "AC", day, label, amount, nil, nil, piece}); err != nil {
			tb.Fatal(err)
		}
		if err := sw.SetRow(r2, []any{nil, "401001", "Fournisseur", "AC", day, label, nil, amount, nil, piece}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := x.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
}
