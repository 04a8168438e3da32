package reports

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

func sampleReconciliation(unticked int) Reconciliation {
	r := Reconciliation{
		Residence: "Résidence Les Tilleuls", Account: "512001", BankLabel: "Compte courant", IBAN: "FR76 3000 2008 4700 0007 1432 586",
		Date: "28/02/2025", Previous: "31/01/2025",
		Opening: "700,00 €", TickedDebit: "500,00 €", TickedCredit: "0,00 €", TickedBalance: "1 200,00 €", Statement: "1 234,56 €", Gap: "34,56 €",
		BookBalance: "350,00 €", UntickedDebit: "0,00 €", UntickedCredit: "150,00 €", ExpectedStatement: "500,00 €",
		TickedLines: []ReconLine{
			{Date: "02/02/2025", Journal: "BQ", Piece: "B2025-0001", Label: "Règlement virement – Mme Dupont Zoé", Debit: "300,00"},
			{Date: "10/02/2025", Journal: "BQ", Piece: "B2025-0002", Label: "Règlement chèque n° 1234567 – M. Garçon Loïc", Debit: "200,00"},
		},
		Printed: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
	}
	for i := 0; i < unticked; i++ {
		r.UntickedLines = append(r.UntickedLines, ReconLine{Date: "15/02/2025", Journal: "BQ", Piece: fmt.Sprintf("B2025-%04d", 10+i),
			Label: "Paiement Électricité Œuvre – chèque n° 0000101, un libellé bien trop long pour sa colonne", Credit: "150,00"})
	}
	return r
}

func TestReconciliationPDF(t *testing.T) {
	pdf, err := ReconciliationPDF(sampleReconciliation(1))
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TANTIEME_PDF_DIR"); dir != "" {
		os.WriteFile(dir+"/rapprochement.pdf", pdf, 0o644)
	}
	text := pdfText(t, pdf)
	if ps := pages(text); len(ps) != 1 {
		t.Errorf("%d pages", len(ps))
	}
	for _, re := range []string{
		`Rapprochement bancaire au 28/02/2025`, `Compte 512001 – Compte courant`, `IBAN FR76 3000 2008 4700 0007 1432 586`,
		`Solde du relevé précédent \(31/01/2025\)\s+700,00 €`,
		`\+ Opérations pointées au débit du compte \(encaissements\)\s+500,00 €`,
		`= Solde pointé\s+1 200,00 €`,
		`Solde du relevé au 28/02/2025\s+1 234,56 €`,
		`Écart \(solde du relevé − solde pointé\)\s+34,56 €`,
		`Solde comptable au 28/02/2025\s+350,00 €`,
		`= Solde que la banque devrait afficher\s+500,00 €`,
		`Opérations pointées sur ce relevé`,
		`02/02/2025\s+BQ\s+B2025-0001\s+Règlement virement – Mme Dupont Zoé\s+300,00`,
		`Opérations non pointées au 28/02/2025`,
		`15/02/2025\s+BQ\s+B2025-0010\s+Paiement Électricité Œuvre.*…\s+150,00`,
		`Total\s+500,00 €\s+0,00 €`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("report lacks %s", re)
		}
	}
	if strings.Contains(text, "rapprochement équilibré") {
		t.Error("a report with a gap says it balances")
	}
}

func TestReconciliationPDFBalancedAndLong(t *testing.T) {
	r := sampleReconciliation(80)
	r.Previous, r.Gap, r.Balanced, r.TickedLines = "", "0,00 €", true, nil
	pdf, err := ReconciliationPDF(r)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	ps := pages(text)
	if len(ps) < 2 {
		t.Fatalf("%d pages for 80 lines", len(ps))
	}
	for _, want := range []string{"Solde de départ du rapprochement", "rapprochement équilibré", "Aucune opération pointée.", "B2025-0089"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if !strings.Contains(ps[len(ps)-1], "Libellé") || !strings.Contains(ps[len(ps)-1], "Rapprochement bancaire au 28/02/2025") {
		t.Error("the table header or the title is not repeated on the last page")
	}
}
