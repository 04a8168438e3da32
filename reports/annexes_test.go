package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestAnnexesPDFLayout(t *testing.T) {
	long := "Provisions pour travaux au titre de la délégation de pouvoirs accordée au conseil syndical en application de l'article 21-1"
	cols := []Column{{Title: "Compte", Width: 15}, {Title: "Libellé"}, {Title: "Exercice précédent approuvé\n2024", Width: 32, Right: true},
		{Title: "Exercice clos réalisé à approuver\n2025", Width: 32, Right: true}}
	var rows []AnnexRow
	rows = append(rows, AnnexRow{Cells: []string{"60", "Achats"}, Style: StyleHeading})
	for i := 1; i <= 120; i++ {
		rows = append(rows, AnnexRow{Cells: []string{fmt.Sprintf("6%05d", i), fmt.Sprintf("Charge n° %d", i), "1 234,56", "99 999 999,99"}})
	}
	rows = append(rows, AnnexRow{Cells: []string{"106", long, "0,00", "12,00"}, Style: StyleDetail},
		AnnexRow{Cells: []string{"", "Total I", "148 148,28", "12 000 000 000,00"}, Style: StyleTotal})
	doc := AnnexesDoc{Syndicat: "Syndicat des copropriétaires Résidence Les Tilleuls", Address: "14 rue des Tilleuls, 69003 Lyon",
		Period: "Exercice du 01/01/2025 au 31/12/2025", Draft: "PROJET — exercice non clôturé", Printed: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC),
		Annexes: []Annex{{Number: 2, Title: "COMPTE DE GESTION GÉNÉRAL DE L'EXERCICE CLOS RÉALISÉ ET BUDGET PRÉVISIONNEL",
			Parts: []AnnexPart{{Heading: "I. CHARGES POUR OPÉRATIONS COURANTES", Table: &AnnexTable{
				Groups: []AnnexGroup{{Span: 2}, {Title: "Pour approbation des comptes", Span: 2}}, Columns: cols, Rows: rows}}},
			Checks: []AnnexCheckLine{{Text: "Total des charges = annexe 3", Detail: "1,00 = 1,00", OK: true},
				{Text: "Annexe 1 équilibrée", Detail: "10,00 ≠ 9,00 (écart 1,00)"}}}},
	}
	pdf, err := AnnexesPDF(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 841.89 595.28]")) {
		t.Error("not A4 landscape")
	}
	text := pdfText(t, pdf)
	ps := pages(text)
	if len(ps) < 3 {
		t.Fatalf("%d pages for 122 rows", len(ps))
	}
	for i, p := range ps {
		for _, want := range []string{"ANNEXE N° 2", "COMPTE DE GESTION GÉNÉRAL", "PROJET — exercice non clôturé", "Résidence Les Tilleuls – 14 rue des Tilleuls",
			"Exercice du 01/01/2025 au 31/12/2025", fmt.Sprintf("Page %d / %d", i+1, len(ps)), "Pour approbation des comptes", "approuvé"} {
			if !strings.Contains(p, want) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
	}
	for _, want := range []string{"600120", "Charge n° 120", "99 999 999,99", "12 000 000 000,00", "Provisions pour travaux au titre de la délégation",
		"vérifié", "ÉCART", "10,00 ≠ 9,00 (écart 1,00)"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	// The long label wraps on a second line rather than run into the
	// amounts: its end is there, shortened only beyond two lines.
	if !strings.Contains(text, "accordée au conseil") {
		t.Errorf("the long label was cut on its first line")
	}
}

func TestDecomptesLetters(t *testing.T) {
	name := "de La Rochefoucauld-Montmorency Éléo 042" // 40 characters
	mk := func(account string) Decompte {
		return Decompte{
			Letter:      Letter{Header: []string{"Syndicat des copropriétaires", "Résidence Les Tilleuls"}, Recipient: []string{name, "14 rue des Tilleuls, bâtiment B, escalier 3, 4e étage porte gauche", "69003 Lyon"}, FootNote: "Les Tilleuls – décompte 2025 – " + account},
			Title:       "Décompte individuel de charges – exercice 2025",
			Sections:    []DecompteSection{{Title: "Charges courantes (budget prévisionnel)", Rows: []DecompteRow{{Key: "001", Label: "Charges générales", Shares: "125", KeyTotal: "1 000", KeyNet: "24 350,14", Part: "3 043,77", Provisions: "3 100,00"}}, Total: DecompteRow{Label: "Total", Part: "3 043,77", Provisions: "3 100,00"}}},
			Summary:     [][2]string{{"Total de vos quotes-parts", "3 043,77 €"}, {"Total de vos provisions", "3 100,00 €"}},
			ResultLabel: "Solde en votre faveur après répartition", Result: "56,23 €",
		}
	}
	letters, err := Decomptes([]Decompte{mk("450001"), mk("450002")}, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(letters.Each) != 2 {
		t.Fatalf("%d letters", len(letters.Each))
	}
	text := pdfText(t, letters.Each[1])
	for _, want := range []string{name, "Décompte individuel de charges – exercice 2025", "24 350,14", "3 043,77", "Solde en votre faveur après répartition", "56,23 €",
		"Les Tilleuls – décompte 2025 – 450002", "Page 1 / 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("décompte lacks %q", want)
		}
	}
	if strings.Contains(text, "450001") {
		t.Error("the second letter holds the first one")
	}
}
