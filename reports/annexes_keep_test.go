package reports

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestAnnexesKeepTotalsWithRows: whatever the length of a table, its
// footer (Footer rows) prints on the page of at least two of its body rows,
// a heading is never the last line of a page, and the notes and the checks
// print on the page of the table's last rows (issue 13 item 7).
func TestAnnexesKeepTotalsWithRows(t *testing.T) {
	cols := []Column{{Title: "Compte", Width: 15}, {Title: "Libellé"}, {Title: "Exercice clos\n2025", Width: 32, Right: true}}
	bodyRow := regexp.MustCompile(`Ligne n° \d+`)
	// 28 to 36 body rows walk the table's end across the bottom of the
	// first page.
	for n := 28; n <= 36; n++ {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var rows []AnnexRow
			for i := 1; i <= n; i++ {
				if i == n-1 {
					rows = append(rows, AnnexRow{Cells: []string{"004", "Clé dernière"}, Style: StyleHeading})
				}
				rows = append(rows, AnnexRow{Cells: []string{fmt.Sprintf("6%05d", i), fmt.Sprintf("Ligne n° %d", i), "1,00"}})
			}
			rows = append(rows,
				AnnexRow{Cells: []string{"", "TOTAL CHARGES NETTES", fmt.Sprintf("%d,00", n)}, Style: StyleTotal},
				AnnexRow{Cells: []string{"", "Provisions copropriétaires", "50,00"}},
				AnnexRow{Cells: []string{"", "SOLDE final", "9,00"}, Style: StyleTotal})
			doc := AnnexesDoc{Syndicat: "Syndicat des copropriétaires Test", Period: "Exercice du 01/01/2025 au 31/12/2025",
				Printed: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC),
				Annexes: []Annex{{Number: 3, Title: "COMPTE DE GESTION POUR OPÉRATIONS COURANTES",
					Parts: []AnnexPart{{Table: &AnnexTable{Columns: cols, Rows: rows, Footer: 3},
						Notes: []string{"Note de bas de tableau : montants avant répartition."}}},
					Checks: []AnnexCheckLine{{Text: "Contrôle un", Detail: "1,00 = 1,00", OK: true}, {Text: "Contrôle deux", Detail: "2,00 = 2,00", OK: true}}}}}
			pdf, err := AnnexesPDF(doc)
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range pages(pdfText(t, pdf)) {
				lines := strings.Split(strings.TrimRight(p, "\n "), "\n")
				var body []string
				for _, l := range lines {
					if strings.TrimSpace(l) != "" && !strings.Contains(l, "Imprimé le") && !strings.Contains(l, "Empreinte") {
						body = append(body, l)
					}
				}
				if last := body[len(body)-1]; strings.Contains(last, "Clé dernière") {
					t.Errorf("page %d ends on a heading", i+1)
				}
				if !strings.Contains(p, "SOLDE final") {
					continue
				}
				if got := len(bodyRow.FindAllString(p, -1)); got < 2 {
					t.Errorf("page %d: the footer with %d body rows:\n%s", i+1, got, p)
				}
				for _, want := range []string{"TOTAL CHARGES NETTES", "Provisions copropriétaires", "Note de bas de tableau", "Contrôle deux", fmt.Sprintf("Ligne n° %d", n)} {
					if !strings.Contains(p, want) {
						t.Errorf("page %d: the SOLDE without %q", i+1, want)
					}
				}
			}
		})
	}
}

// TestAnnexesKeepWithNext: two parts that fit on one page together (the
// charges and income of annexe 2's block II) are never split between two
// pages, wherever the part above them ends.
func TestAnnexesKeepWithNext(t *testing.T) {
	cols := []Column{{Title: "Compte", Width: 15}, {Title: "Libellé"}, {Title: "Exercice clos\n2025", Width: 32, Right: true}}
	small := func(name string) *AnnexTable {
		var rows []AnnexRow
		for i := 1; i <= 4; i++ {
			rows = append(rows, AnnexRow{Cells: []string{"67", fmt.Sprintf("%s %d", name, i), "1,00"}})
		}
		return &AnnexTable{Columns: cols, Rows: append(rows, AnnexRow{Cells: []string{"", "Total " + name, "4,00"}, Style: StyleTotal})}
	}
	for n := 14; n <= 30; n++ {
		var filler []AnnexRow
		for i := 1; i <= n; i++ {
			filler = append(filler, AnnexRow{Cells: []string{"60", fmt.Sprintf("Ligne n° %d", i), "1,00"}})
		}
		doc := AnnexesDoc{Syndicat: "Syndicat des copropriétaires Test", Period: "Exercice du 01/01/2025 au 31/12/2025",
			Printed: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC),
			Annexes: []Annex{{Number: 2, Title: "COMPTE DE GESTION GÉNÉRAL", Parts: []AnnexPart{
				{Heading: "I. BLOC COURANT", Table: &AnnexTable{Columns: cols, Rows: filler}},
				{Heading: "II. CHARGES DU BLOC", Table: small("Charge"), KeepWithNext: true},
				{Heading: "II. PRODUITS DU BLOC", Table: small("Produit")},
			}}}}
		pdf, err := AnnexesPDF(doc)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range pages(pdfText(t, pdf)) {
			if strings.Contains(p, "II. CHARGES DU BLOC") != strings.Contains(p, "II. PRODUITS DU BLOC") {
				t.Errorf("%d rows above: page %d holds one of the two parts kept together", n, i+1)
			}
		}
	}
}
