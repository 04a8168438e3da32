package reports

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

func sampleSlip(n int) DepositSlip {
	s := DepositSlip{
		Residence: "Résidence Les Tilleuls",
		Holder:    "Syndicat des copropriétaires Résidence Les Tilleuls",
		Address:   "14 rue des Tilleuls, 69003 Lyon",
		Number:    "7",
		Date:      "31/12/2025",
		BankLabel: "Compte courant",
		Account:   "512001",
		IBAN:      "FR76 3000 2008 4700 0007 1432 586",
		BIC:       "CRLYFRPP",
		Printed:   time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC),
	}
	owners := []string{"M. et Mme Bernard Jean-Luc et Françoise", "Mme Lefèvre Hélène", "SCI Les Marronniers", "M. Nguyễn Thierry"}
	for i := 0; i < n; i++ {
		c := SlipCheque{Received: fmt.Sprintf("%02d/12/2025", 1+i%28), Owner: owners[i%len(owners)], Drawer: owners[i%len(owners)],
			Bank: "Crédit Agricole", Number: fmt.Sprintf("%07d", 4517000+i), Amount: "1 234,56"}
		if i == 1 {
			c.Drawer = "Lefèvre Œdipe"
			c.Bank = "Banque Populaire Auvergne Rhône-Alpes"
		}
		s.Cheques = append(s.Cheques, c)
	}
	s.Count = n
	s.Total = "3 703,68 €"
	return s
}

func TestDepositSlipPDF(t *testing.T) {
	pdf, err := DepositSlipPDF(sampleSlip(3))
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TANTIEME_PDF_DIR"); dir != "" {
		os.WriteFile(dir+"/bordereau.pdf", pdf, 0o644)
	}
	text := pdfText(t, pdf)
	if ps := pages(text); len(ps) != 1 {
		t.Errorf("%d pages for 3 cheques", len(ps))
	}
	for _, want := range []string{
		"Bordereau de remise de chèques", "Remise n° 7 du 31/12/2025", "Résidence Les Tilleuls",
		"Syndicat des copropriétaires Résidence Les Tilleuls", "14 rue des Tilleuls, 69003 Lyon",
		"Compte courant (compte 512001)", "FR76 3000 2008 4700 0007 1432 586", "CRLYFRPP",
		"M. et Mme Bernard Jean-Luc et Françoise", "Mme Lefèvre Hélène", "tireur : Lefèvre Œdipe", "SCI Les Marronniers",
		"Banque Populaire", "Auvergne Rhône-Alpes",
		"4517000", "4517002", "Total : 3 chèques", "3 703,68 €", "Signature du remettant", "Imprimé le 02/01/2026",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("slip lacks %q", want)
		}
	}
	// Each cheque is one line: number, amount and the rest side by side.
	if !regexp.MustCompile(`(?m)^\s*1\s+01/12/2025\s+M\. et Mme Bernard.*4517000\s+1 234,56\s*$`).MatchString(text) {
		t.Errorf("first cheque not on one line:\n%s", text)
	}
	// The owner is not repeated as drawer when he signed the cheque himself.
	if strings.Count(text, "tireur :") != 1 || strings.Contains(text, "…") {
		t.Errorf("drawers repeated or cells cut short:\n%s", text)
	}
}

func TestDepositSlipsManyPages(t *testing.T) {
	a, b := sampleSlip(70), sampleSlip(2)
	b.Number, b.Date = "8", "15/01/2026"
	pdf, err := DepositSlipsPDF([]DepositSlip{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TANTIEME_PDF_DIR"); dir != "" {
		os.WriteFile(dir+"/bordereaux.pdf", pdf, 0o644)
	}
	ps := pages(pdfText(t, pdf))
	if len(ps) < 3 {
		t.Fatalf("%d pages for 70 + 2 cheques", len(ps))
	}
	// The long slip repeats its header on its pages; the second starts
	// on a page of its own.
	if !strings.Contains(ps[1], "Remise n° 7 du 31/12/2025") || !strings.Contains(ps[1], "N° de chèque") {
		t.Errorf("second page of slip 7:\n%s", ps[1])
	}
	last := ps[len(ps)-1]
	if !strings.Contains(last, "Remise n° 8 du 15/01/2026") || !strings.Contains(last, "Total : 2 chèques") || strings.Contains(last, "Total : 70") {
		t.Errorf("last page:\n%s", last)
	}
	if _, err := DepositSlipsPDF(nil); err == nil {
		t.Error("no slip printed without error")
	}
}
