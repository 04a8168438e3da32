package sheet

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"

	"tantieme/ledger"
)

// TestReadMinimalXLSX reads a workbook written by hand the way other
// programs than Excel write them (see minimalXLSX).
func TestReadMinimalXLSX(t *testing.T) {
	wb := openFixture(t, "minimal.xlsx")
	if got := strings.Join(wb.SheetNames(), "|"); got != "Données & co|Cachée" {
		t.Fatalf("sheets %q: the chart sheet must be left out", got)
	}
	s, err := wb.Sheet("")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ref         string
		kind        CellKind
		value, text string
		shown       string
		formula     bool
	}{
		{"A1", CellText, "Compte", "Compte", "Compte", false},
		{"B1", CellText, "Dupont Zoé", "Dupont Zoé", "Dupont Zoé", false}, // rich text runs, phonetic reading left out
		{"C1", CellText, "漢字", "漢字", "漢字", false},
		{"A2", CellNumber, "7", "007", "007", false}, // format "000"
		{"B2", CellText, "ligne\r\nsuite _x", "ligne\r\nsuite _x", "ligne\r\nsuite _x", false},
		{"C2", CellDate, "44927", "02/01/2027", "02/01/2027", false}, // 1904 date system
		{"D2", CellNumber, "1234.5600000000001", "1234,56", "1234,56", false},
		{"C3", CellEmpty, "", "", "02/01/2027", false}, // covered by the merge C2:C3
		{"B5", CellError, "#REF!", "#REF!", "#REF!", false},
		{"D5", CellBool, "1", "VRAI", "VRAI", false},
		{"E5", CellEmpty, "", "", "", true}, // formula never calculated
		{"A4", CellEmpty, "", "", "", false},
	} {
		row, col, _ := parseRef(c.ref)
		got := s.Cell(row, col)
		if got.Kind != c.kind || got.Value != c.value || got.Text() != c.text || s.Shown(row, col).Text() != c.shown || got.Formula != c.formula {
			t.Errorf("%s: got %+v text %q shown %q, want kind %d value %q text %q shown %q formula %v",
				c.ref, got, got.Text(), s.Shown(row, col).Text(), c.kind, c.value, c.text, c.shown, c.formula)
		}
	}
	hidden, err := wb.Sheet("cachée ")
	if err != nil {
		t.Fatal(err)
	}
	if !hidden.Hidden || hidden.Cell(1, 1).Value != "ab" || !hidden.Cell(1, 1).Formula {
		t.Errorf("hidden sheet: %+v %+v", hidden, hidden.Cell(1, 1))
	}
	if _, err := wb.Sheet("Graphique"); err == nil || ledger.Message(err) != "« minimal.xlsx » n'a pas de feuille « Graphique » (feuilles : « Données & co », « Cachée »)" {
		t.Errorf("unknown sheet: %v", err)
	}
}

// TestReaderAgreesWithExcelize reads every generated workbook with both
// readers: every cell's value must be what excelize reads raw.
func TestReaderAgreesWithExcelize(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.xlsx"))
	for _, path := range files {
		if strings.Contains(path, "deguise") || strings.Contains(path, "minimal") {
			continue
		}
		wb := openFixture(t, filepath.Base(path))
		x, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range x.GetSheetList() {
			rows, err := x.GetRows(name, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			s, err := wb.Sheet(name)
			if err != nil {
				t.Fatal(err)
			}
			if s.RowCount() != len(rows) {
				t.Errorf("%s/%s: %d rows, excelize %d", path, name, s.RowCount(), len(rows))
			}
			for r, row := range rows {
				for c, v := range row {
					if got := s.Cell(r+1, c+1).Value; got != v {
						t.Errorf("%s/%s %s%d: %q, excelize %q", path, name, ColumnLetter(c+1), r+1, got, v)
					}
				}
			}
		}
		x.Close()
	}
	if len(files) < 8 {
		t.Fatalf("only %d workbooks in testdata", len(files))
	}
}

func TestRefusedFormats(t *testing.T) {
	advice := "enregistrez-le au format « Classeur Excel (.xlsx) » ou CSV (séparateur point-virgule), puis importez ce fichier"
	for _, c := range []struct{ file, msg string }{
		{"ancien.xls", "« ancien.xls » est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe, que Tantième ne sait pas lire : ouvrez-le dans Excel ou LibreOffice (en retirant le mot de passe) et " + advice},
		{"deguise.xlsx", "« deguise.xlsx » est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe, que Tantième ne sait pas lire : ouvrez-le dans Excel ou LibreOffice (en retirant le mot de passe) et " + advice},
		{"classeur.ods", "« classeur.ods » est un classeur OpenDocument (.ods, LibreOffice), que Tantième ne sait pas lire : dans LibreOffice, " + advice},
		{"page.xls", "« page.xls » est une page web (HTML) et non un classeur Excel : ouvrez-le dans Excel ou LibreOffice et " + advice},
		{"notes.pdf", "« notes.pdf » n'est pas un classeur que Tantième sait lire : " + advice},
		{"absent.xlsx", "Le fichier « " + filepath.Join(fixtures, "absent.xlsx") + " » n'existe pas"},
	} {
		_, err := OpenWorkbook(filepath.Join(fixtures, c.file))
		if err == nil {
			t.Errorf("%s: read without error", c.file)
			continue
		}
		if got := ledger.Message(err); got != c.msg {
			t.Errorf("%s:\n got  %s\n want %s", c.file, got, c.msg)
		}
		if k := ledger.KindOf(err); k != ledger.Invalid && k != ledger.NotFound {
			t.Errorf("%s: kind %d", c.file, k)
		}
	}
	for _, c := range []struct {
		name string
		data string
		msg  string
	}{
		{"vide.xlsx", "", "« vide.xlsx » est vide"},
		{"zip.xlsx", "PK\x03\x04 tronqué", "« zip.xlsx » est endommagé ou n'est pas un classeur Excel : ouvrez-le dans Excel ou LibreOffice et " + advice},
		{"xml2003.xls", `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`, "« xml2003.xls » est un classeur « XML 2003 » et non un classeur Excel : ouvrez-le dans Excel ou LibreOffice et " + advice},
	} {
		_, err := ReadWorkbook(c.name, []byte(c.data))
		if got := ledger.Message(err); got != c.msg {
			t.Errorf("%s:\n got  %s\n want %s", c.name, got, c.msg)
		}
	}
}

// TestReadCSV: separators and encodings are found, not asked for.
func TestReadCSV(t *testing.T) {
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("Nom\tMontant\nÉlodie\t1 234,56\n")
	for _, c := range []struct {
		name, data string
		want       [][]string
	}{
		{"semicolon", "Nom;Montant\nDupont;1 234,56\n", [][]string{{"Nom", "Montant"}, {"Dupont", "1 234,56"}}},
		{"comma with quoted decimals", "Nom,Montant\nDupont,\"1 234,56\"\n", [][]string{{"Nom", "Montant"}, {"Dupont", "1 234,56"}}},
		{"semicolon beats commas inside amounts", "Nom;Débit;Crédit\nA;1,5;\nB;;2,25\n", [][]string{{"Nom", "Débit", "Crédit"}, {"A", "1,5"}, {"B", "", "2,25"}}},
		{"tab", "Nom\tMontant\nDupont\t12\n", [][]string{{"Nom", "Montant"}, {"Dupont", "12"}}},
		{"utf-8 bom", "\xef\xbb\xbfNom;Ville\nZoé;Lyon\n", [][]string{{"Nom", "Ville"}, {"Zoé", "Lyon"}}},
		{"windows-1252", "Nom;Ville\nZo\xe9;Besan\xe7on\n", [][]string{{"Nom", "Ville"}, {"Zoé", "Besançon"}}},
		{"utf-16 with bom", utf16, [][]string{{"Nom", "Montant"}, {"Élodie", "1 234,56"}}},
		{"empty lines keep their numbers", "A;B\n\n\nC;D\n", [][]string{{"A", "B"}, nil, nil, {"C", "D"}}},
		{"quoted line break", "\"a\nb\";c\nd;e\n", [][]string{{"a\nb", "c"}, nil, {"d", "e"}}},
	} {
		wb, err := ReadWorkbook("f.csv", []byte(c.data))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		s, _ := wb.Sheet("")
		var got [][]string
		for r := 1; r <= s.RowCount(); r++ {
			var row []string
			for col := 1; col <= len(s.rows[r-1]); col++ {
				row = append(row, s.Cell(r, col).Value)
			}
			got = append(got, row)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
			continue
		}
		for i := range got {
			if strings.Join(got[i], "|") != strings.Join(c.want[i], "|") {
				t.Errorf("%s: row %d %q, want %q", c.name, i+1, got[i], c.want[i])
			}
		}
	}
}

func TestCellAmount(t *testing.T) {
	for _, c := range []struct {
		cell  Cell
		cents int64
		empty bool
		msg   string
	}{
		{Cell{Kind: CellText, Value: "1 234,56 €"}, 123456, false, ""},
		{Cell{Kind: CellText, Value: " 1\u00a0234,56€ "}, 123456, false, ""},
		{Cell{Kind: CellText, Value: "(1 234,56)"}, -123456, false, ""},
		{Cell{Kind: CellText, Value: "-"}, 0, true, ""},
		{Cell{Kind: CellText, Value: " - € "}, 0, true, ""},
		{Cell{Kind: CellText, Value: "12.345"}, 0, false, "« 12.345 » n'est pas un montant valide (exemples : 1234,56 ou 1 234,56 €)"},
		{Cell{Kind: CellText, Value: "12,5x"}, 0, false, "« 12,5x » n'est pas un montant valide (exemples : 1234,56 ou 1 234,56 €)"},
		{Cell{Kind: CellNumber, Value: "1234.56"}, 123456, false, ""},
		{Cell{Kind: CellNumber, Value: "1234.5600000000001"}, 123456, false, ""},
		{Cell{Kind: CellNumber, Value: "0.30000000000000004"}, 30, false, ""},
		{Cell{Kind: CellNumber, Value: "1.5E3"}, 150000, false, ""},
		{Cell{Kind: CellNumber, Value: "12.345"}, 0, false, "« 12,345 » a plus de deux décimales"},
		{Cell{Kind: CellNumber, Value: "2000000000"}, 0, false, "« 2000000000 » est un montant trop grand"},
		{Cell{Kind: CellText, Value: "2 000 000 000,00"}, 0, false, "« 2 000 000 000,00 » est un montant trop grand"},
		{Cell{Kind: CellError, Value: "#DIV/0!"}, 0, false, "la cellule contient une erreur de formule (#DIV/0!)"},
		{Cell{}, 0, true, ""},
	} {
		a, empty, msg := ReadAmount(c.cell)
		if int64(a) != c.cents || empty != c.empty || msg != c.msg {
			t.Errorf("%+v: %d %v %q, want %d %v %q", c.cell, a, empty, msg, c.cents, c.empty, c.msg)
		}
	}
}

func TestCellDate(t *testing.T) {
	for _, c := range []struct {
		cell Cell
		want string
		msg  string
	}{
		{Cell{Kind: CellText, Value: "01/02/2025"}, "2025-02-01", ""},
		{Cell{Kind: CellText, Value: "1/2/2025"}, "2025-02-01", ""},
		{Cell{Kind: CellText, Value: "01/02/25"}, "2025-02-01", ""},
		{Cell{Kind: CellText, Value: "2025-02-01"}, "2025-02-01", ""},
		{Cell{Kind: CellText, Value: "2025-02-01 00:00:00"}, "2025-02-01", ""},
		{Cell{Kind: CellText, Value: "01/02/2025 14:30"}, "2025-02-01", ""},
		{Cell{Kind: CellText, Value: "01.02.2025"}, "2025-02-01", ""},
		{Cell{Kind: CellText, Value: "20250201"}, "2025-02-01", ""},
		{Cell{Kind: CellText, Value: "45689"}, "2025-02-01", ""},
		{Cell{Kind: CellDate, Value: "45689"}, "2025-02-01", ""},
		{Cell{Kind: CellNumber, Value: "45689.75"}, "2025-02-01", ""},
		{Cell{Kind: CellDate, Value: "44227", d1904: true}, "2025-02-01", ""},
		{Cell{Kind: CellDate, Value: "59"}, "1900-02-28", ""},
		{Cell{Kind: CellDate, Value: "61"}, "1900-03-01", ""},
		{Cell{Kind: CellDate, Value: "2025-02-01T00:00:00Z"}, "2025-02-01", ""},
		{Cell{Kind: CellText, Value: "32/01/2025"}, "", "« 32/01/2025 » n'est pas une date (attendu : JJ/MM/AAAA)"},
		{Cell{Kind: CellText, Value: "février"}, "", "« février » n'est pas une date (attendu : JJ/MM/AAAA)"},
		{Cell{Kind: CellNumber, Value: "-3"}, "", "« -3 » n'est pas une date"},
		{Cell{Kind: CellNumber, Value: "9999999"}, "", "« 9999999 » n'est pas une date"},
	} {
		d, _, msg := ReadDate(c.cell)
		if ledger.ISO(d) != c.want || msg != c.msg {
			t.Errorf("%+v: %s %q, want %s %q", c.cell, ledger.ISO(d), msg, c.want, c.msg)
		}
	}
}

func TestCellDecimal(t *testing.T) {
	for _, c := range []struct {
		cell Cell
		want string
		msg  string
	}{
		{Cell{Kind: CellText, Value: "12,5"}, "12.5", ""},
		{Cell{Kind: CellText, Value: " 1 000 "}, "1000", ""},
		{Cell{Kind: CellNumber, Value: "33.333333333333336"}, "33.3333333333333", ""},
		{Cell{Kind: CellText, Value: "12,5x"}, "0", "« 12,5x » n'est pas un nombre"},
		{Cell{Kind: CellText, Value: "1,2,3"}, "0", "« 1,2,3 » n'est pas un nombre"},
		{Cell{Kind: CellText, Value: "1e9"}, "0", "« 1e9 » n'est pas un nombre"},
	} {
		d, _, msg := ReadDecimal(c.cell)
		if d.String() != c.want || msg != c.msg {
			t.Errorf("%+v: %s %q, want %s %q", c.cell, d, msg, c.want, c.msg)
		}
	}
}

func TestWorkbookLimits(t *testing.T) {
	// A merged range over a whole sheet only covers the cells that exist.
	s := &Sheet{rows: [][]Cell{{{Value: "a", Kind: CellText}}, {{}, {Value: "b", Kind: CellText}}},
		merged: []cellRange{{1, 1, maxSheetRows, maxSheetCols}}}
	s.indexMerges()
	if len(s.mergeOf) != 3 || s.Shown(2, 1).Value != "a" {
		t.Errorf("merge index %v", s.mergeOf)
	}
	if _, _, ok := parseRef("XFE1"); ok {
		t.Error("column XFE accepted")
	}
	if _, _, ok := parseRef("A1048577"); ok {
		t.Error("row 1048577 accepted")
	}
	if ColumnLetter(16384) != "XFD" || ColumnOfLetter("xfd") != 16384 || ColumnLetter(27) != "AA" {
		t.Error("column letters")
	}
	var e *ledger.Error
	_, err := OpenWorkbook(t.TempDir())
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "est un dossier") {
		t.Errorf("directory: %v", err)
	}
	big := filepath.Join(t.TempDir(), "gros.csv")
	if f, err := os.Create(big); err == nil {
		f.Truncate(MaxFileBytes + 1)
		f.Close()
	}
	if _, err := OpenWorkbook(big); ledger.Message(err) != "« gros.csv » est trop volumineux pour être importé (plus de 64 Mo)" {
		t.Errorf("big file: %v", err)
	}
}
