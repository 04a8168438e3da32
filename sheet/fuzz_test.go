package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"tantieme/ledger"
	"tantieme/sheet/sheettest"
)

// FuzzReadWorkbook feeds random bytes to the reader, as .xlsx and as .csv:
// it may refuse them, never panic, and every cell it returns reads.
func FuzzReadWorkbook(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("Compte;Débit\n512001;1 234,56 €\n"))
	for _, seed := range sizeAmplifyingSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		for _, name := range []string{"f.xlsx", "f.csv"} {
			wb, err := ReadWorkbook(name, data)
			if err != nil {
				checkReadError(t, name, err)
				continue
			}
			for _, s := range wb.SheetNames() {
				sh, err := wb.Sheet(s)
				if err != nil {
					checkReadError(t, name, err)
					continue
				}
				if sh.RowCount() > MaxRows {
					t.Fatalf("%s: %d rows read", name, sh.RowCount())
				}
				cells := 0
				for r := 1; r <= sh.RowCount(); r++ {
					cells += len(sh.rows[r-1])
					for c := 1; c <= len(sh.rows[r-1]); c++ {
						cell := sh.Shown(r, c)
						if n := utf8.RuneCountInString(cell.Value); n > MaxCellChars {
							t.Fatalf("%s: cell %s%d of %d characters", name, ColumnLetter(c), r, n)
						}
						cell.Text()
						ReadAmount(cell)
						ReadDate(cell)
						ReadDecimal(cell)
					}
				}
				if cells > MaxCells {
					t.Fatalf("%s: %d cells read", name, cells)
				}
			}
		}
		// Whatever the input, reading it allocates a bounded amount (this
		// bounds the peak too): before the limits, one 1 MB workbook made
		// the reader allocate more than 8 GB.
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if n := after.TotalAlloc - before.TotalAlloc; n > 1<<30 {
			t.Fatalf("%d MB allocated for %d bytes of input", n>>20, len(data))
		}
	})
}

// checkReadError: a refusal is of kind Invalid and names the file.
func checkReadError(t *testing.T, name string, err error) {
	t.Helper()
	if k := ledger.KindOf(err); k != ledger.Invalid {
		t.Fatalf("%s: error of kind %d: %v", name, k, err)
	}
	if msg := ledger.Message(err); !strings.Contains(msg, name) {
		t.Fatalf("%s: message without the file's name: %s", name, msg)
	}
}

// sizeAmplifyingSeeds are small inputs that read as much more: zip bombs
// within the limits, deep nesting, huge repeat counts.
func sizeAmplifyingSeeds(tb testing.TB) [][]byte {
	var bomb bytes.Buffer // a 16 MB cell in 16 KB
	sheettest.BigPart(tb, &bomb, "xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`, "a", 16<<20, `</t></is></c></row></sheetData></worksheet>`)
	var sharedBomb bytes.Buffer
	sheettest.BigPart(tb, &sharedBomb, "xl/sharedStrings.xml", `<sst><si><t>`, "b", 8<<20, `</t></si></sst>`)
	var spaces bytes.Buffer // 32 MB of one text run between two rows
	sheettest.BigPart(tb, &spaces, "xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`, " ", 32<<20, `</sheetData></worksheet>`)
	deep := strings.Repeat("<a>", 100_000) + strings.Repeat("</a>", 100_000)
	rows := strings.Repeat(`<row><c><v>1</v></c><c t="s"><v>0</v></c></row>`, 100_000)
	merges := `<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells>` + strings.Repeat(`<mergeCell ref="A1:XFD1048576"/>`, 1000) + `</mergeCells><sheetData>`
	return [][]byte{
		bomb.Bytes(), sharedBomb.Bytes(), spaces.Bytes(),
		sheettest.Zip(tb, sheettest.OneSheetParts(deep)),
		sheettest.Zip(tb, sheettest.OneSheetParts(rows, "Dupont")),
		sheettest.Zip(tb, sheettest.OneSheetParts(merges)),
		sheettest.Zip(tb, sheettest.OneSheetParts(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`)),
		sheettest.Zip(tb, sheettest.OneSheetParts(`<row r="1"><c r="A1" t="s"><v>`+strings.Repeat("9", 100_000)+`</v></c></row>`, "a")),
		[]byte("Nom;Ville\n" + strings.Repeat("\n", 300_000) + "Dupont;Lyon\n"),
		[]byte("Nom;Ville\nDupont;\"" + strings.Repeat("a;\n", 200_000)),
		[]byte("Nom;Ville\n" + strings.Repeat(";;;;;;;;;;;;;;;;;;;;\n", 50_000) + strings.Repeat("x;", 20_000) + "\n"),
	}
}
