package reports

import (
	"fmt"
	"strings"
	"testing"
)

// Labels fill sheets of 2 or 3 columns by 7 rows; every word stays inside
// its label, a 40-character name and a long address included, and nothing
// else (header, page number) is printed on the sheets.
func TestLabelsFitTheirSheet(t *testing.T) {
	var labels []Label
	for i := 1; i <= 25; i++ {
		l := Label{Name: fmt.Sprintf("Mme Copropriétaire%02d", i), Lines: []string{fmt.Sprintf("%d rue des Tilleuls, bât. A, 4e étage", i), "69003 Lyon"}}
		switch i {
		case 2:
			l.Name = longName
		case 4:
			l.Lines = []string{"Résidence du Grand Parc des Coteaux de la Saône, bâtiment C, escalier 4, appartement 1203", "69100 Villeurbanne", "ALLEMAGNE"}
		}
		labels = append(labels, l)
	}
	for _, cols := range []int{2, 3} {
		t.Run(fmt.Sprint(cols), func(t *testing.T) {
			g, _ := geometry(cols)
			pdf, err := LabelsPDF(LabelSheet{Columns: cols, Labels: labels, Printed: printedDay})
			if err != nil {
				t.Fatal(err)
			}
			words := pdfWords(t, pdf)
			perSheet := LabelsPerSheet(cols)
			if last := words[len(words)-1].page; last != (len(labels)+perSheet-1)/perSheet {
				t.Errorf("%d sheets for %d labels of %d per sheet", last, len(labels), perSheet)
			}
			found := map[int][]string{} // label index → its words
			for _, w := range words {
				col := int((w.xMin - g.left) / g.pitchX)
				row := int((w.yMin - g.top) / g.h)
				if col < 0 || col >= cols || row < 0 || row >= labelRows {
					t.Errorf("page %d: %q at (%.1f, %.1f) mm is on no label", w.page, w.text, w.xMin, w.yMin)
					continue
				}
				x, y := g.left+float64(col)*g.pitchX, g.top+float64(row)*g.h
				if w.xMax > x+g.width-1 || w.yMax > y+g.h-1 {
					t.Errorf("page %d: %q runs out of its label (%.1f > %.1f or %.1f > %.1f)", w.page, w.text, w.xMax, x+g.width-1, w.yMax, y+g.h-1)
				}
				n := (w.page-1)*perSheet + row*cols + col
				found[n] = append(found[n], w.text)
			}
			for i, l := range labels {
				text := strings.Join(found[i], " ")
				for _, part := range strings.FieldsFunc(l.Name+" "+strings.Join(l.Lines, " "), func(r rune) bool { return r == ' ' || r == '-' }) {
					if !strings.Contains(text, part) {
						t.Errorf("label %d lacks %q: %q", i+1, part, text)
					}
				}
			}
		})
	}
	if _, err := LabelsPDF(LabelSheet{Columns: 4}); err == nil {
		t.Error("4 columns accepted")
	}
}

// The council list wraps long names and addresses rather than cutting
// them.
func TestCouncilList(t *testing.T) {
	pdf, err := CouncilPDF(CouncilList{Residence: "Résidence Les Tilleuls", Date: "au 12/06/2025", Printed: printedDay, Members: []CouncilMember{
		{Account: "450001", Name: longName, Address: []string{"14 rue des Tilleuls, bâtiment A, 4e étage", "69003 Lyon"},
			Phones: "04 65 71 20 14 – 06 39 98 20 14", Email: "wolfgang-maximilien.dupre-wery@example.org", Lots: "001, 016"},
		{Account: "450002", Name: "Mme Lefèvre Hélène", Address: []string{"69003 Lyon"}, Email: "h.lefevre@example.org", Lots: "003"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"Membres du conseil syndical", "au 12/06/2025", "Wolfgang-", "Maximilien", "Dupré-Wéry", "450001", "04 65 71 20 14",
		"06 39 98 20 14", "Mme Lefèvre Hélène", "2 membres du conseil syndical"} {
		if !strings.Contains(text, want) {
			t.Errorf("council list lacks %q", want)
		}
	}
	if strings.Contains(text, "…") {
		t.Error("a cell was shortened")
	}
	for _, w := range pdfWords(t, pdf) {
		if w.xMax > marginX+180+0.2 {
			t.Errorf("%q runs past the right margin", w.text)
		}
	}
}
