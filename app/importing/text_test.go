package importing

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/sheet"
)

// textXLSX is a one-sheet workbook whose cells are written as inline
// strings, exactly as given (so Excel's _xHHHH_ escapes stay escapes).
func textXLSX(tb testing.TB, rows ...[]string) []byte {
	tb.Helper()
	var sheet strings.Builder
	for _, row := range rows {
		sheet.WriteString("<row>")
		for _, v := range row {
			fmt.Fprintf(&sheet, `<c t="inlineStr"><is><t>%s</t></is></c>`, v)
		}
		sheet.WriteString("</row>")
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Lots" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheet.String() + `</sheetData></worksheet>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write([]byte(p.body))
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// A cell the books would refuse (a control character, too long) is refused
// at its cell, located, and nothing is written.
func TestImportRefusesBadText(t *testing.T) {
	// 8 KB of good rows first: the CSV sniffing looks at the start only.
	var csv strings.Builder
	csv.WriteString("Compte;Nom;Adresse;N° lot;Tantièmes\n")
	for i := 1; csv.Len() < 9000; i++ {
		fmt.Fprintf(&csv, "450%03d;Propriétaire numéro %d;%d rue des Tests;%d;10\n", i, i, i, i)
	}
	goodRows := strings.Count(csv.String(), "\n")
	nulCSV := csv.String() + "450999;Dupont\x00Zoé;1 rue Haute;999;10\n"
	longCSV := "Compte;Nom\n450001;" + strings.Repeat("é", ledger.MaxNameText+1<<20) + "\n"

	for _, c := range []struct {
		name string
		file string
		data []byte
		kind Kind
		want string
	}{
		{"xlsx _x0000_ escape", "nul.xlsx", textXLSX(t, []string{"Compte", "Nom", "N° lot", "Tantièmes"},
			[]string{"450001", "Dupont_x0000_Zoé", "1", "10"}), Owners,
			"nul.xlsx, feuille « Lots », ligne 2, colonne B (Nom) : caractère invisible interdit NUL (U+0000) en position 7 : retapez ce texte."},
		{"xlsx escape in a code", "esc.xlsx", textXLSX(t, []string{"Compte", "Nom", "N° lot", "Tantièmes"},
			[]string{"450001", "Dupont", "1_x001B_", "10"}), Owners,
			"esc.xlsx, feuille « Lots », ligne 2, colonne C (N° lot) : caractère invisible interdit U+001B en position 2 : retapez ce texte."},
		// These two are refused by the reader already, at their cell
		// (a CSV with a NUL is not text; Excel's own cell limit).
		{"CSV NUL after 8 KB", "nul.csv", []byte(nulCSV), Owners,
			fmt.Sprintf("nul.csv, ligne %d, colonne B : la cellule contient un caractère de contrôle (U+0000)", goodRows+1)},
		{"name 1 M characters over", "long.csv", []byte(longCSV), Owners,
			"long.csv, ligne 2, colonne B : la cellule contient plus de 32 767 caractères, la limite d'Excel"},
		{"name just over its limit", "long.csv", []byte("Compte;Nom\n450001;" + strings.Repeat("é", ledger.MaxNameText+1) + "\n"), Owners,
			"long.csv, ligne 2, colonne B (Nom) : texte trop long (256 caractères ; 255 au plus)."},
		{"entry label with a bidi override", "e.csv", []byte("Compte;Date;Libellé;Débit;Crédit\n606100;15/01/2025;Eau\u202efroide;10;\n401000;15/01/2025;Eau;;10\n"), Entries,
			"e.csv, ligne 2, colonne C (Libellé) : caractère invisible interdit U+202E en position 4 : retapez ce texte."},
		{"key label in the grid's header", "g.xlsx", textXLSX(t, []string{"Lot", "001 - Charges_x0007_générales", "002"}, []string{"1", "10", "5"}), Shares,
			"g.xlsx, feuille « Lots », ligne 1, colonne B (libellé de la clé) : caractère invisible interdit U+0007 en position 8 : retapez ce texte."},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := apptest.Empty(t)
			before := impFileBytes(t, r.Path())
			wb, err := sheet.ReadWorkbook(c.file, c.data)
			if err != nil {
				if !strings.HasPrefix(ledger.Message(err), c.want) || ledger.KindOf(err) != ledger.Invalid {
					t.Fatalf("read: %v\n want %q", err, c.want)
				}
				return
			}
			p, err := Prepare(r, wb, Options{Kind: c.kind})
			if err != nil {
				t.Fatal(err)
			}
			problems := impProblems(p.Problems, false)
			if len(problems) == 0 || problems[0] != c.want {
				t.Fatalf("problems:\n got  %q\n want %q first", problems, c.want)
			}
			_, err = Apply(r, p)
			var ie *Problem
			if ledger.KindOf(err) != ledger.Invalid || !errors.As(err, &ie) || ie.Error() != c.want {
				t.Errorf("apply: %v", err)
			}
			if !bytes.Equal(before, impFileBytes(t, r.Path())) {
				t.Error("a refused import changed the residence")
			}
		})
	}
}
