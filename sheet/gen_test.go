package sheet

import (
	"archive/zip"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"tantieme/sheet/sheettest"
)

// The files of app/importing/testdata are written by TestGenerateTestdata,
// run with
//
//	go test ./sheet -run TestGenerateTestdata -update-testdata
//
// and committed. They hold what real spreadsheets do to an import: titles
// above the headers, merged cells, amounts and dates typed as text, serial
// dates, numbers stored as text or as numbers (001 and 1), trailing
// spaces, empty rows, total rows, CSV in Windows-1252, and files that are
// not .xlsx at all.
var updateTestdata = flag.Bool("update-testdata", false, "rewrite the files of testdata/")

// Cell values for the generator.
type (
	genFormula struct { // a formula with the value Excel computed
		f string
		v float64
	}
	genDate   time.Time // a date cell (serial with a date format)
	genSerial int       // a serial number without date format
	genFmt    struct {  // a number with a custom number format
		v   float64
		fmt string
	}
)

type genSheet struct {
	name   string
	rows   [][]any // from row 1
	merges [][2]string
}

func writeGenXLSX(tb testing.TB, path string, sheets ...genSheet) {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		tb.Fatal(err)
	}
	styles := map[string]int{}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				tb.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			tb.Fatal(err)
		}
		sw, err := f.NewStreamWriter(s.name)
		if err != nil {
			tb.Fatal(err)
		}
		for r, row := range s.rows {
			vals := make([]any, len(row))
			for c, v := range row {
				switch v := v.(type) {
				case genFormula:
					vals[c] = excelize.Cell{Formula: v.f, Value: v.v}
				case genDate:
					vals[c] = excelize.Cell{StyleID: dateStyle, Value: time.Time(v)}
				case genSerial:
					vals[c] = int(v)
				case genFmt:
					id, ok := styles[v.fmt]
					if !ok {
						code := v.fmt
						if id, err = f.NewStyle(&excelize.Style{CustomNumFmt: &code}); err != nil {
							tb.Fatal(err)
						}
						styles[v.fmt] = id
					}
					vals[c] = excelize.Cell{StyleID: id, Value: v.v}
				case string:
					if v != "" {
						vals[c] = v
					}
				default:
					vals[c] = v
				}
			}
			ref, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(ref, vals); err != nil {
				tb.Fatal(err)
			}
		}
		for _, m := range s.merges {
			if err := sw.MergeCell(m[0], m[1]); err != nil {
				tb.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			tb.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
}

func genDay(y int, m time.Month, day int) genDate {
	return genDate(time.Date(y, m, day, 0, 0, 0, 0, time.UTC))
}

func TestGenerateTestdata(t *testing.T) {
	if !*updateTestdata {
		t.Skip("run with -update-testdata to rewrite testdata/")
	}
	dir := fixtures
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := func(name string) string { return filepath.Join(dir, name) }

	// Owners: a title merged above the headers, owner name and account merged
	// over two lot rows, account with a space, an invalid account, a zip code
	// stored as a number, shares as text with a comma, lot 1 beside lot 001,
	// a row without name nor account, an empty row and a total row.
	writeGenXLSX(t, p("proprietaires.xlsx"), genSheet{name: "Lots",
		rows: [][]any{
			{"Liste des copropriétaires — Résidence Les Érables"},
			{},
			{"N° compte", "Nom ", "Adresse", "CP", "Ville", "Courriel", "Tél.", "Lot", "Désignation", "Tantièmes"},
			{450001, "DUPONT Zoé", "3 rue des Lilas", "69003", "Lyon", "zoe.dupont@example.org", "06 12 34 56 78", "001", "Appartement T3", 125},
			{nil, nil, "", "", "", "", "", "002", "Cave", "12,5"},
			{"450 002", "Garçon  Loïc", "8 quai Perrache", 69002, "Lyon", "", "", 3, "Appartement T2", "250 "},
			{"4503", "Martin Anaïs", "1 place Bellecour", "69002", "Lyon", "anais.martin", "", "004", "Parking", 200},
			{},
			{"", "Martin Anaïs ", "", "", "", "", "04 78 00 00 00", "005", "Appartement T4", 100.0},
			{"", "Petit Jean", "", "", "", "", "", 1, "Commerce", 300},
			{"", "", "", "", "", "", "", "006", "Cave", 12.5},
			{"TOTAL", "", "", "", "", "", "", "", "", genFormula{"SUM(J4:J11)", 1000}},
		},
		merges: [][2]string{{"A1", "J1"}, {"A4", "A5"}, {"B4", "B5"}},
	})

	// Owners with mistakes, one of each, for the exact messages.
	writeGenXLSX(t, p("proprietaires_erreurs.xlsx"), genSheet{name: "Lots",
		rows: [][]any{
			{"N° lot", "Nom", "N° compte", "Tantièmes"},
			{"1", "Durand", 450001, 100},
			{"2", "Durand", 450001, 50},
			{"3", "Leroy", 450002, "-5"},
			{"2", "Morel", "", 10},
			{"123456", "Morel", "", 10},
			{"7", "Blanc", 450001, 10},
			{"", "", "", 25},
			{"9", "Petit", "", "abc"},
			{"10", "Roux", "", ""},
			{"11", "Roux", "", 20},
			{"12", "Faure", "", "12,5x"},
			{"", "Vidal", "", ""},
		},
	})

	// Shares grid: a title, lots as numbers (2 for lot 002) and as text with
	// a trailing space, a key header as a number, a label column and a row
	// total column to ignore, an empty row and a total row that agrees.
	writeGenXLSX(t, p("grille.xlsx"), genSheet{name: "Grille",
		rows: [][]any{
			{"Répartition des tantièmes"},
			{"N° lot", "001 - Charges générales", "002 – Ascenseur", 3, "Désignation", "Total"},
			{"001", 125, nil, 10, "Appartement T3", 135},
			{2, 12.5, nil, nil, "Cave", 12.5},
			{3, 250, 300, 20, "Appartement T2", 570},
			{"004", 200, nil, 15, "Parking", 215},
			{},
			{"005", 100, 200, 5, "Appartement T4", 305},
			{1, 300, 500, 50, "Commerce", 850},
			{"006 ", "12,5", "", "", "Cave", 12.5},
			{"Total", genFormula{"SUM(B3:B10)", 1000}, genFormula{"SUM(C3:C10)", 1000}, genFormula{"SUM(D3:D10)", 100}, "", 2100},
		},
		merges: [][2]string{{"A1", "F1"}},
	})

	writeGenXLSX(t, p("grille_erreurs.xlsx"), genSheet{name: "Grille",
		rows: [][]any{
			{"Lot", "001", "Ascenseur", ""},
			{"001", "abc", 5, 7},
			{"999", 10, nil, nil},
			{"Total", 999, nil, nil},
		},
	})

	// Trial balance: a two-row header with merged cells, accounts with spaces,
	// as numbers, too long, amounts as text with € and spaces, in
	// parentheses, as numbers; a zero row, an empty row, a total row.
	writeGenXLSX(t, p("balance.xlsx"), genSheet{name: "Balance au 31-12-2024",
		rows: [][]any{
			{"Compte", "Intitulé", "Soldes"},
			{nil, nil, "Débit", "Crédit"},
			{"512 001", "Banque ", "12 345,67 €", ""},
			{401, "Fournisseurs", "", 2345.67},
			{"4010001", "Fournisseur Durand", "", "1 000,00"},
			{"1031", "Avances de trésorerie", "", "10 000"},
			{"105", "", "", "(500,00)"},
			{"6150", "Entretien", 1500.5, ""},
			{"1033", "Autres avances", "", "2 000,50"},
			{},
			{512002, "Livret", "1 000,00", ""},
			{"471", "Attente", "", ""},
			{"TOTAL GÉNÉRAL", "", "15 346,17 €", "15 346,17 €"},
		},
		merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "D1"}},
	})

	// Entries without header: dates as text, as dates and as bare serials,
	// a key typed as the number 1, charges and income without key, rows
	// without journal, a VAT amount, an empty row and a row of sums.
	writeGenXLSX(t, p("ecritures.xlsx"), genSheet{name: "Export",
		rows: [][]any{
			{"", "6011", "Eau froide", "AC", "15/01/2025", "Facture eau janvier  ", "120,50 €", "", "20,08"},
			{"", 401001, "Eaux de Lyon", "AC", "15/01/2025", "Facture eau janvier", "", 120.5},
			{1, "615", "", "", genDay(2025, 2, 1), "Entretien", 300, "", ""},
			{"", "512 001", "", "", genSerial(45689), "Entretien", "", 300},
			{},
			{"", "450001", "Dupont", "BQ", "2025-03-01", "Règlement", "", "1 000,00"},
			{"", "512001", "", "BQ", "01/03/2025", "Règlement", "1 000,00", ""},
			{"", "701", "", "OD", "01/04/2025", "Appel T2", "", "500"},
			{"", "450001", "", "OD", "01/04/2025", "Appel T2", "500", ""},
			{"", "", "", "", "", "", genFormula{"SUM(G1:G9)", 1920.5}, genFormula{"SUM(H1:H9)", 1920.5}},
		},
	})

	writeGenXLSX(t, p("ecritures_erreurs.xlsx"), genSheet{name: "Écritures",
		rows: [][]any{
			{"Clé", "Compte", "Intitulé", "Journal", "Date", "Libellé", "Débit", "Crédit", "TVA"},
			{"", "601000", "", "AC", "15/01/2025", "Eau", "100,00", ""},
			{"", "401000", "", "AC", "15/01/2025", "Eau", "", "90,00"},
			{"", "2154", "", "OD", "01/02/2025", "x", "50", ""},
			{"", "512001", "", "OD", "01/02/2025", "x", "", "50"},
			{"", "512001", "", "XX", "01/02/2025", "y", "10", ""},
			{"", "512001", "", "BQ", "15/03/2023", "z", "10", ""},
			{"9", "601000", "", "AC", "20/01/2025", "w", "10", ""},
			{"", "401000", "", "AC", "20/01/2025", "w", "10", "5"},
			{"", "601000", "", "AC", "32/01/2025", "v", "12.345", ""},
			{"", "601000", "", "AC", "31/01/2025", "u", "", ""},
		},
	})

	writeGenXLSX(t, p("budget.xlsx"), genSheet{name: "Budget 2026",
		rows: [][]any{
			{"Compte", "Clé", "Montant"},
			{"601", "001", "1 200,00 €"},
			{"615000", "", 800},
			{"601", "001", "300"},
			{"614", 2, "2 400"},
			{"Total", "", "4 700"},
		},
	})

	// The same entries as ecritures.xlsx (without the sums), as a CSV saved
	// in UTF-8 with a byte-order mark, commas, English headers.
	csvText := "\ufeffKey,Account,Account label,Journal,Date,Label,Debit,Credit,VAT\r\n" +
		",6011,Eau froide,AC,15/01/2025,Facture eau janvier,120.50,,20.08\r\n" +
		",401001,Eaux de Lyon,AC,15/01/2025,Facture eau janvier,,120.50,\r\n" +
		"1,615,,,01/02/2025,Entretien,300,,\r\n" +
		",512 001,,,45689,Entretien,,300,\r\n" +
		",,,,,,,,\r\n" +
		",450001,Dupont,BQ,2025-03-01,Règlement,,1000,\r\n" +
		",512001,,BQ,01/03/2025,Règlement,1000,,\r\n" +
		",701,,OD,01/04/2025,Appel T2,,500,\r\n" +
		",450001,,OD,01/04/2025,Appel T2,500,,\r\n"
	genWriteFile(t, p("ecritures.csv"), []byte(csvText))

	// An unbalanced balance in CSV, Windows-1252, semicolons, French amounts.
	cp, err := charmap.Windows1252.NewEncoder().String("Compte;Intitulé;Débit;Crédit\r\n512001;Banque;1 000,00;\r\n401000;Fournisseurs;;990,00\r\n")
	if err != nil {
		t.Fatal(err)
	}
	genWriteFile(t, p("balance_desequilibree.csv"), []byte(cp))

	// Files that are not .xlsx.
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	genWriteFile(t, p("ancien.xls"), ole)
	genWriteFile(t, p("deguise.xlsx"), ole)
	genWriteFile(t, p("page.xls"), []byte("<html><body><table><tr><td>Compte</td><td>Solde</td></tr></table></body></html>\n"))
	genWriteFile(t, p("notes.pdf"), append([]byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), make([]byte, 64)...))
	var ods bytes.Buffer
	zw := zip.NewWriter(&ods)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><office:document-content/>`))
	zw.Close()
	genWriteFile(t, p("classeur.ods"), ods.Bytes())

	// A workbook written by hand, as other programs write them: no cell
	// references, an "x:" namespace prefix, rich and phonetic text, inline
	// strings with Excel's _x000D_ escapes, a "000" number format, a custom
	// date format, dates counted from 1904, a formula error, a boolean, a
	// chart sheet to leave out and a hidden sheet.
	genWriteFile(t, p("minimal.xlsx"), sheettest.MinimalXLSX(t))
}

func genWriteFile(tb testing.TB, path string, data []byte) {
	tb.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}
