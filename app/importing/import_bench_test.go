package importing

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/sheet"
)

// bench100kRows is the size of issue 22's import row: 100,000 entry lines,
// 50,000 two-line entries.
const bench100kRows = 100000

// TestWriteBenchWorkbook writes the 100k-line entries workbook where
// TANTIEME_BENCH_XLSX says, for timing the whole CLI process
// (`tantieme-cli import entries demo.copro FILE`). Skipped otherwise.
func TestWriteBenchWorkbook(t *testing.T) {
	path := os.Getenv("TANTIEME_BENCH_XLSX")
	if path == "" {
		t.Skip("TANTIEME_BENCH_XLSX not set")
	}
	writeEntries100k(t, path)
}

// BenchmarkImportEntries100k times reading, checking and posting the 100k
// lines into a fresh copy of the demo residence (safety copy included, as
// the CLI does it).
func BenchmarkImportEntries100k(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "ecritures-100k.xlsx")
	writeEntries100k(b, path)
	demo := filepath.Join(dir, "demo.copro")
	r, err := app.WriteDemo(demo)
	if err != nil {
		b.Fatal(err)
	}
	r.Close()
	template, err := os.ReadFile(demo)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		file := filepath.Join(dir, "run"+strconv.Itoa(i)+".copro")
		if err := os.WriteFile(file, template, 0o600); err != nil {
			b.Fatal(err)
		}
		r, err := app.Open(file)
		if err != nil {
			b.Fatal(err)
		}
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
		if rep.Lines != bench100kRows || rep.Entries != bench100kRows/2 {
			b.Fatalf("%d entries, %d lines", rep.Entries, rep.Lines)
		}
		r.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(bench100kRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// writeEntries100k writes 50,000 balanced two-line entries of 2026 (an open
// exercise of the demo) with the demo's accounts, keys and journals: even
// entries are invoices (a charge with a key, 1 in 4 with VAT, against a
// supplier; journal AC), odd ones their payment (supplier against the bank;
// journal BQ). Every entry has its own piece, so each balances alone.
func writeEntries100k(tb testing.TB, path string) {
	x := excelize.NewFile()
	defer x.Close()
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	dateStyle, err := x.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		tb.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"Clé", "Compte", "Intitulé", "Journal", "Date", "Libellé", "Débit", "Crédit", "TVA", "Pièce"}); err != nil {
		tb.Fatal(err)
	}
	charges := []string{"601000", "602000", "611000", "614000", "615000", "616000"}
	keys := []string{"001", "002", "003", "004"}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < bench100kRows/2; i++ {
		day := excelize.Cell{StyleID: dateStyle, Value: start.AddDate(0, 0, i%365)}
		piece := "P" + strconv.Itoa(i+1)
		supplier := "40100" + strconv.Itoa(1+i%8)
		cents := 1000 + (i*37)%99000
		// Written as the text "123,45" one row in three (a French sheet
		// typed by hand), else as a number.
		var amount any = float64(cents) / 100
		if i%3 == 0 {
			amount = strconv.Itoa(cents/100) + "," + strconv.Itoa(100 + cents%100)[1:]
		}
		var first, second []any
		if i%2 == 0 {
			var vat any
			if i%4 == 0 {
				vat = float64(cents/6) / 100
			}
			label := "Facture " + piece
			first = []any{keys[i%len(keys)], charges[i%len(charges)], "", "AC", day, label, amount, nil, vat, piece}
			second = []any{nil, supplier, "", "AC", day, label, nil, amount, nil, piece}
		} else {
			label := "Règlement " + piece
			first = []any{nil, supplier, "", "BQ", day, label, amount, nil, nil, piece}
			second = []any{nil, "512001", "", "BQ", day, label, nil, amount, nil, piece}
		}
		r1, _ := excelize.CoordinatesToCellName(1, 2*i+2)
		r2, _ := excelize.CoordinatesToCellName(1, 2*i+3)
		if err := sw.SetRow(r1, first); err != nil {
			tb.Fatal(err)
		}
		if err := sw.SetRow(r2, second); err != nil {
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

// BenchmarkSafetyCopyBig times the safety copy an import takes before it
// writes (MakeRoom), on the residence TANTIEME_BENCH_COPRO names (a copy of
// the big generated one: it is opened for writing). Skipped otherwise.
func BenchmarkSafetyCopyBig(b *testing.B) {
	file := os.Getenv("TANTIEME_BENCH_COPRO")
	if file == "" {
		b.Skip("TANTIEME_BENCH_COPRO not set")
	}
	r, err := app.Open(file)
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.MakeRoom(bench100kRows, ledger.ReasonImport); err != nil {
			b.Fatal(err)
		}
	}
}
