package reports

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestDocTablePagesAndUnicode(t *testing.T) {
	d := NewDoc(Page{Title: "Balance générale", Subtitle: "Exercice 2025", Residence: "Résidence Les Tilleuls",
		Printed: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	d.AddPage()
	d.Paragraph("Œuvre : « Zoé Garçon » doit 1 234,56 € ; déjà réglé.")
	cols := []Column{{Title: "Compte", Width: 20}, {Title: "Libellé"}, {Title: "Débit", Width: 30, Right: true}, {Title: "Crédit", Width: 30, Right: true}}
	var rows []Row
	for i := 1; i <= 150; i++ {
		rows = append(rows, Row{Cells: []string{fmt.Sprintf("450%03d", i), fmt.Sprintf("Copropriétaire n° %d", i), "1 234,56", ""}})
	}
	rows = append(rows, Row{Cells: []string{"", "Un libellé beaucoup trop long pour tenir dans sa colonne sans déborder sur les montants voisins de la ligne", "0,01", ""}})
	rows = append(rows, Row{Cells: []string{"Total", "", "185 184,01", ""}, Strong: true})
	d.Table(cols, rows)
	pdf, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	ps := pages(text)
	if len(ps) < 3 {
		t.Fatalf("%d pages for 152 rows", len(ps))
	}
	for i, p := range ps {
		for _, want := range []string{"Résidence Les Tilleuls", "Balance générale", "Compte", "Débit", fmt.Sprintf("Page %d / %d", i+1, len(ps)), "Imprimé le 22/11/2026"} {
			if !strings.Contains(p, want) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
	}
	for _, want := range []string{"« Zoé Garçon » doit 1 234,56 €", "Œuvre", "450150", "185 184,01", "…"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Contains(text, "voisins de la ligne") {
		t.Error("a too-long cell was printed whole instead of shortened")
	}
}
