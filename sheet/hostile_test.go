package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"tantieme/ledger"
	"tantieme/sheet/sheettest"
)

const damagedTail = " ; le classeur est endommagé : ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau au format « Classeur Excel (.xlsx) »"

// readFirstSheet reads a workbook and its first sheet; the message of the
// first error, "" when both read.
func readFirstSheet(name string, data []byte) (*Sheet, string) {
	wb, err := ReadWorkbook(name, data)
	if err != nil {
		return nil, ledger.Message(err)
	}
	s, err := wb.Sheet("")
	if err != nil {
		return nil, ledger.Message(err)
	}
	return s, ""
}

// TestDamagedParts (issue 12, item 5): a part cut in the middle, or
// otherwise not whole, is refused as damaged, naming the file, the sheet
// and the part; never read as a shorter sheet.
func TestDamagedParts(t *testing.T) {
	base := sheettest.MinimalXLSX(t)
	sheet := "minimal.xlsx, feuille « Données & co » : "
	for _, c := range []struct {
		name, part string
		fn         func(string) string
		msg        string
	}{
		{"sheet cut between two rows", "xl/feuilles/f1.xml", func(s string) string { return sheettest.CutAfter(s, "</x:row>", 2) },
			sheet + "la partie xl/feuilles/f1.xml s'arrête avant sa fin (élément « x:sheetData » jamais fermé)"},
		{"sheet cut inside a tag", "xl/feuilles/f1.xml", func(s string) string { return sheettest.CutAfter(s, "</x:row>", 2) + "<x:row><x:c t=" },
			sheet + "la partie xl/feuilles/f1.xml s'arrête avant sa fin (ligne 2)"},
		{"sheet cut after its data", "xl/feuilles/f1.xml", func(s string) string { return sheettest.CutAfter(s, "</x:sheetData>", 1) },
			sheet + "la partie xl/feuilles/f1.xml s'arrête avant sa fin (élément « x:worksheet » jamais fermé)"},
		{"sheet empty", "xl/feuilles/f1.xml", func(string) string { return "" },
			sheet + "la partie xl/feuilles/f1.xml est vide"},
		{"elements crossed", "xl/feuilles/f1.xml", func(s string) string { return strings.Replace(s, "</x:v></x:c>", "</x:c></x:v>", 1) },
			sheet + "la partie xl/feuilles/f1.xml n'est pas du XML valide (« x:c » fermé sans avoir été ouvert)"},
		{"content after the end", "xl/feuilles/f1.xml", func(s string) string { return s + "<x:row/>" },
			sheet + "la partie xl/feuilles/f1.xml a du contenu après la fin de son document"},
		{"shared strings cut", "xl/textes.xml", func(s string) string { return sheettest.CutAfter(s, "</si>", 1) },
			sheet + "la partie xl/textes.xml s'arrête avant sa fin (élément « sst » jamais fermé)"},
		{"styles cut", "xl/styles.xml", func(s string) string { return sheettest.CutAfter(s, "<xf numFmtId=\"0\"/>", 1) },
			sheet + "la partie xl/styles.xml s'arrête avant sa fin (élément « cellXfs » jamais fermé)"},
		{"workbook cut", "xl/classeur.xml", func(s string) string { return sheettest.CutAfter(s, "/>", 2) },
			"minimal.xlsx : la partie xl/classeur.xml s'arrête avant sa fin (élément « x:sheets » jamais fermé)"},
		{"workbook relationships cut", "xl/_rels/classeur.xml.rels", func(s string) string { return sheettest.CutAfter(s, "/>", 2) },
			"minimal.xlsx : la partie xl/_rels/classeur.xml.rels s'arrête avant sa fin (élément « Relationships » jamais fermé)"},
		{"package relationships cut", "_rels/.rels", func(s string) string { return sheettest.CutAfter(s, "<Relationships", 1) },
			"minimal.xlsx : la partie _rels/.rels s'arrête avant sa fin (ligne 1)"},
	} {
		_, got := readFirstSheet("minimal.xlsx", sheettest.WithPart(t, base, c.part, c.fn))
		if want := c.msg + damagedTail; got != want {
			t.Errorf("%s:\n got  %s\n want %s", c.name, got, want)
		}
	}

	// A part whose checksum is wrong: the zip's own guard against damage.
	parts := sheettest.Parts(t, base)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		if name == "xl/feuilles/f1.xml" {
			w, _ := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, CRC32: 1234,
				CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body))})
			w.Write([]byte(body))
			continue
		}
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	_, got := readFirstSheet("minimal.xlsx", buf.Bytes())
	if want := sheet + "la partie xl/feuilles/f1.xml est abîmée (somme de contrôle incorrecte)" + damagedTail; got != want {
		t.Errorf("bad checksum:\n got  %s\n want %s", got, want)
	}
}

// TestCutSheetIsLocated is item 5 as found: a list of owners cut
// between two rows (checksums valid) planned two owners of three. Reading
// the sheet now fails, located, so nothing can be planned from it.
func TestCutSheetIsLocated(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtures, "proprietaires.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	cut := sheettest.WithPart(t, data, "xl/worksheets/sheet1.xml", func(s string) string { return sheettest.CutAfter(s, "</row>", 4) })
	wb, err := ReadWorkbook("proprietaires.xlsx", cut)
	if err != nil {
		t.Fatal(err)
	}
	_, err = wb.Sheet("")
	want := "proprietaires.xlsx, feuille « Lots » : la partie xl/worksheets/sheet1.xml s'arrête avant sa fin (élément « sheetData » jamais fermé)" + damagedTail
	if err == nil {
		t.Fatal("a cut sheet was read")
	}
	if got := ledger.Message(err); got != want {
		t.Errorf("\n got  %s\n want %s", got, want)
	}
	var ie *Problem
	if !errors.As(err, &ie) || ie.Sheet != "Lots" || ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("not located: %#v", err)
	}
}

// TestSheetLimitMessages (items 8 and 12): a sheet beyond a limit says which
// limit and where, and is not called damaged; real damage says what it is.
func TestSheetLimitMessages(t *testing.T) {
	long := strings.Repeat("é", MaxCellChars)
	var wide strings.Builder // 123 rows reaching column XFD: more than 2 000 000 cells
	for r := 1; r <= 123; r++ {
		wide.WriteString(`<row r="` + strconv.Itoa(r) + `"><c r="XFD` + strconv.Itoa(r) + `"><v>1</v></c></row>`)
	}
	for _, c := range []struct {
		name, body string
		shared     []string
		msg        string // "" when the sheet reads
	}{
		{"cell of 32 767 characters", `<row r="2"><c r="B2" t="inlineStr"><is><t>` + long + `</t></is></c></row>`, nil, ""},
		{"inline cell of 32 768 characters", `<row r="2"><c r="B2" t="inlineStr"><is><t>` + long + `e</t></is></c></row>`, nil,
			"f.xlsx, feuille « Feuil1 », ligne 2, colonne B : la cellule contient plus de 32 767 caractères, la limite d'Excel"},
		{"formula text of 32 768 characters", `<row r="3"><c r="C3" t="str"><f>A1</f><v>` + long + `_x0041_</v></c></row>`, nil,
			"f.xlsx, feuille « Feuil1 », ligne 3, colonne C : la cellule contient plus de 32 767 caractères, la limite d'Excel"},
		{"cell of 2 MB", `<row r="2"><c r="D2" t="inlineStr"><is><t>` + strings.Repeat("a", 2<<20) + `</t></is></c></row>`, nil,
			"f.xlsx, feuille « Feuil1 », ligne 2, colonne D : la cellule contient plus de 32 767 caractères, la limite d'Excel"},
		{"shared string of 32 768 characters", `<row r="1"><c r="A1" t="s"><v>1</v></c></row>`, []string{"Nom", long + "x"},
			"f.xlsx, feuille « Feuil1 » : le texte partagé n° 1 (partie xl/sharedStrings.xml) contient plus de 32 767 caractères, la limite d'Excel"},
		{"missing shared string", `<row r="4"><c r="B4" t="s"><v>57</v></c></row>`, []string{"Nom", "Prénom", "Ville"},
			"f.xlsx, feuille « Feuil1 », ligne 4, colonne B : le texte partagé n° 57 est introuvable (le classeur en compte 3)" + damagedTail},
		{"row beyond Excel", `<row r="1048577"><c><v>1</v></c></row>`, nil,
			"f.xlsx, feuille « Feuil1 », ligne 1048577, colonne A : la cellule est au-delà de la dernière cellule d'Excel (ligne 1 048 576, colonne XFD)" + damagedTail},
		{"reference beyond Excel", `<row r="1"><c r="XFE1"><v>1</v></c></row>`, nil,
			"f.xlsx, feuille « Feuil1 », ligne 1 : la référence de cellule « XFE1 » est invalide ou au-delà de la dernière cellule d'Excel (XFD1048576)" + damagedTail},
		{"row beyond the import's limit", `<row r="1"><c r="A1"><v>1</v></c></row><row r="200001"><c r="A200001"><v>1</v></c></row>`, nil,
			"f.xlsx, feuille « Feuil1 », ligne 200001 : la feuille a plus de 200 000 lignes, la limite de Tantième pour un import : partagez-la en plusieurs fichiers"},
		{"empty formatted cells far below", `<row r="1"><c r="A1"><v>1</v></c></row><row r="900000"><c r="A900000" s="1"/></row>`, nil, ""},
		{"element name of 300 bytes", `<row r="1"><` + strings.Repeat("x", 300) + `/></row>`, nil,
			"f.xlsx, feuille « Feuil1 » : la partie xl/worksheets/sheet1.xml a un nom d'élément XML de plus de 256 caractères, la limite de Tantième"},
		{"elements nested 300 deep", strings.Repeat("<a>", 300) + strings.Repeat("</a>", 300), nil,
			"f.xlsx, feuille « Feuil1 » : la partie xl/worksheets/sheet1.xml imbrique plus de 256 éléments XML, la limite de Tantième"},
		{"attribute of 2 MB", `<row r="1" spans="` + strings.Repeat("1", 2<<20) + `"/>`, nil,
			"f.xlsx, feuille « Feuil1 » : la partie xl/worksheets/sheet1.xml contient un élément XML de plus de 1 Mo, la limite de Tantième"},
		{"too many cells", wide.String(), nil,
			"f.xlsx, feuille « Feuil1 », ligne 123, colonne XFD : la feuille a plus de 2 000 000 cellules, la limite de Tantième pour un import : partagez-la en plusieurs fichiers"},
	} {
		s, got := readFirstSheet("f.xlsx", sheettest.Zip(t, sheettest.OneSheetParts(c.body, c.shared...)))
		if got != c.msg {
			t.Errorf("%s:\n got  %s\n want %s", c.name, got, c.msg)
		}
		if c.msg == "" && s == nil {
			t.Errorf("%s: no sheet", c.name)
		}
	}
}

// TestCSVHostile: binary content anywhere, cells and records beyond the
// limits, blank lines by the million.
func TestCSVHostile(t *testing.T) {
	pad := strings.Repeat("Dupont;Lyon\n", 1000) // 12 000 bytes: past the 8 KB the format is told from
	for _, c := range []struct {
		name, data string
		msg        string
		rows       int
	}{
		{"NUL after the first 8 KB", "Nom;Ville\n" + pad + "Martin;Ly\x00on\n", "f.csv, ligne 1002, colonne B : la cellule contient un caractère de contrôle (U+0000) : ce n'est pas un fichier texte ; " + saveAsAdvice, 0},
		{"escape in a quoted field on its second line", "Nom;Ville\n" + pad + "\"a\nb\x1b\";c\n", "f.csv, ligne 1003, colonne A : la cellule contient un caractère de contrôle (U+001B) : ce n'est pas un fichier texte ; " + saveAsAdvice, 0},
		{"cell of 32 768 characters", "Nom;Ville\nDupont;" + strings.Repeat("é", MaxCellChars+1) + "\n", "f.csv, ligne 2, colonne B : la cellule contient plus de 32 767 caractères, la limite d'Excel", 0},
		{"cell of 32 767 characters", "Nom;Ville\nDupont;" + strings.Repeat("é", MaxCellChars) + "\n", "", 2},
		{"quote never closed", "Nom;Ville\nDupont;\"" + strings.Repeat("a;b\n", 2<<20), "f.csv, ligne 2 : la ligne fait plus de 4 Mo, la limite de Tantième (un guillemet jamais fermé ?)", 0},
		{"blank lines before data beyond the limit", "Nom;Ville\n" + strings.Repeat("\n", 300_000) + "Dupont;Lyon\n", "f.csv, ligne 300002 : le fichier a plus de 200 000 lignes, la limite de Tantième pour un import : partagez-le en plusieurs fichiers", 0},
		{"separators only, by the million, after the data", "Nom;Ville\nDupont;Lyon\n" + strings.Repeat(";;;;\r\n", 1_000_000), "", 2},
		{"a stray quote (inches) in an unquoted field, then 5 MB of rows", "Nom;Ville\nLot 5\" écran;Lyon\n" + strings.Repeat("Dupont Jean-Pierre et Marie-Claude;Villeurbanne\n", 110_000), "", 110_002},
		{"escaped quotes and blank lines inside a quoted field", "Nom;Ville\n\"Dupont \"\"Jean\"\"\n\n\";Lyon\n\nMartin;\"Ly\"on\n", "", 6},
		{"gaps kept before a row", "Nom;Ville\n;;\n\nDupont;Lyon\n", "", 4},
		{"too many cells", "A;B;C;D;E;F;G;H;I;J;K\n" + strings.Repeat("1;2;3;4;5;6;7;8;9;10;11\n", 190_000), "f.csv, ligne 181819 : le fichier a plus de 2 000 000 cellules, la limite de Tantième pour un import : partagez-le en plusieurs fichiers", 0},
	} {
		s, got := readFirstSheet("f.csv", []byte(c.data))
		if got != c.msg {
			t.Errorf("%s:\n got  %s\n want %s", c.name, got, c.msg)
			continue
		}
		if c.msg == "" && s.RowCount() != c.rows {
			t.Errorf("%s: %d rows, want %d", c.name, s.RowCount(), c.rows)
		}
	}
}

// TestCSVEncodingStreamed: the encoding is told from the whole file, read as
// a stream: a character cut by the reader's chunks stays UTF-8, and one
// Windows-1252 byte far down makes the file Windows-1252.
func TestCSVEncodingStreamed(t *testing.T) {
	for _, c := range []struct {
		name, data, want string
	}{
		// 4 + 6552×10 = 65 524 bytes, then 11 or 10 bytes: the rune starts 1 or 2 bytes before 64 KiB.
		{"utf-8 across chunks", "Nom\n" + strings.Repeat("abcdefghi\n", 6552) + "abcdefghiZoé\n", "abcdefghiZoé"},
		{"utf-8 4-byte rune across chunks", "Nom\n" + strings.Repeat("abcdefghi\n", 6552) + "abcdefghiZ😀\n", "abcdefghiZ😀"},
		{"windows-1252 after 1 MB", "Nom\n" + strings.Repeat("abcdefghi\n", 110_000) + "Besan\xe7on\n", "Besançon"},
	} {
		s, msg := readFirstSheet("f.csv", []byte(c.data))
		if msg != "" {
			t.Fatalf("%s: %s", c.name, msg)
		}
		if got := s.Cell(s.RowCount(), 1).Value; got != c.want {
			t.Errorf("%s: last cell %q, want %q", c.name, got, c.want)
		}
	}
}

// TestPackageLimits: a package of too many files or sheets is refused before
// it is read, saying the limit.
func TestPackageLimits(t *testing.T) {
	many := sheettest.OneSheetParts("")
	for i := 0; i < maxZipEntries; i++ {
		many["xl/media/image"+strconv.Itoa(i)+".png"] = ""
	}
	var sheets strings.Builder
	for i := 0; i <= maxSheets; i++ {
		sheets.WriteString(`<sheet name="F` + strconv.Itoa(i) + `" sheetId="1" r:id="rId1"/>`)
	}
	manySheets := sheettest.OneSheetParts("")
	manySheets["xl/workbook.xml"] = strings.Replace(manySheets["xl/workbook.xml"], `<sheet name="Feuil1" sheetId="1" r:id="rId1"/>`, sheets.String(), 1)
	longName := sheettest.OneSheetParts("")
	longName["xl/workbook.xml"] = strings.Replace(longName["xl/workbook.xml"], `name="Feuil1"`, `name="`+strings.Repeat("n", maxSheetName+1)+`"`, 1)
	for _, c := range []struct {
		name  string
		parts map[string]string
		msg   string
	}{
		{"10 001 files", many, "« f.xlsx » contient plus de 10 000 fichiers internes, la limite de Tantième : ce n'est pas un classeur de copropriété ; " + saveAsAdvice},
		{"4 097 sheets", manySheets, "f.xlsx : le classeur a plus de 4 096 feuilles, la limite de Tantième"},
		{"sheet name of 1 025 bytes", longName, "f.xlsx : le nom de la feuille n° 1 a plus de 1 024 caractères (Excel en permet 31)"},
	} {
		if _, got := readFirstSheet("f.xlsx", sheettest.Zip(t, c.parts)); got != c.msg {
			t.Errorf("%s:\n got  %s\n want %s", c.name, got, c.msg)
		}
	}
}
