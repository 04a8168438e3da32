package camt

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"tantieme/bankfile"
)

// A month of a residence's current account, as the test year
// writes them: credits from owners, a debit to a supplier, a fee.
func sample() []bankfile.Statement {
	return []bankfile.Statement{{
		Format: "CAMT.053.001.02", Currency: "EUR", ID: "2025-03",
		Account: bankfile.Account{IBAN: "FR7630006000011234567890189", BIC: "AGRIFRPP882", Name: "SDC 12 RUE DES LILAS"},
		From:    day("2025-03-01"), To: day("2025-03-31"),
		Opening: bal("2025-02-28", 123456), Closing: bal("2025-03-31", 123456+45000+45000-31299-850),
		Where: "élément Stmt n° 1",
		Lines: []bankfile.Line{
			{Date: day("2025-03-03"), ValueDate: day("2025-03-03"), Amount: 45000, Label: "VIR SEPA M OU MME DUPONT JEAN",
				Details: []string{"APPEL T2 LOT 12", "COPRO 0042"}, Reference: "ABC123", EndToEnd: "E2E-0001",
				Counterparty: bankfile.Party{Name: "M OU MME DUPONT JEAN", IBAN: "FR1420041010050500013M02606", BIC: "PSSTFRPPPAR"},
				Code:         "PMNT/RCDT/ESCT", Where: "élément Ntry n° 1"},
			// The same payment twice on one day: two lines, not one.
			{Date: day("2025-03-03"), Amount: 45000, Label: "VIR SEPA M OU MME DUPONT JEAN", Details: []string{"APPEL T2 LOT 12"},
				Counterparty: bankfile.Party{Name: "M OU MME DUPONT JEAN"}, Code: "PMNT/RCDT/ESCT", Where: "élément Ntry n° 2"},
			{Date: day("2025-03-10"), Amount: -31299, Label: "PRLV SEPA EDF", Details: []string{"FACTURE 1234 & 5678 <mars>"},
				Counterparty: bankfile.Party{Name: "EDF", IBAN: "FR7630004000031234567890143"}, Code: "PMNT/IDDT/ESDD",
				Reference: "PRLV0310", Where: "élément Ntry n° 3"},
			{Date: day("2025-03-31"), Amount: -850, Label: "FRAIS TENUE DE COMPTE", Code: "AG", Check: "", Where: "élément Ntry n° 4"},
			{Date: day("2025-03-31"), Amount: 0, Label: "CHEQUE 0000123", Check: "0000123", Code: "PMNT/ICHQ/CCHQ", Where: "élément Ntry n° 5"},
		},
	}}
}

func TestWriteRoundTrip(t *testing.T) {
	in := sample()
	var b bytes.Buffer
	if err := Write(&b, in); err != nil {
		t.Fatal(err)
	}
	if !Sniff(b.Bytes()) {
		t.Error("Sniff does not recognise what Write writes")
	}
	out, err := Parse("ecrit.xml", b.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if !reflect.DeepEqual(out, in) {
		t.Errorf("round trip:\n got %+v\nwant %+v", out, in)
	}
	if err := out[0].CheckBalances("ecrit.xml"); err != nil {
		t.Error(err)
	}
}

// What Write writes is a valid camt.053.001.02, by the ISO 20022 schema.
func TestWriteSchemaValid(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint missing (apt package libxml2-utils)")
	}
	long := strings.Repeat("ÉCHÉANCE ", 80)
	sts := append(sample(), bankfile.Statement{Currency: "EUR",
		Account: bankfile.Account{Bank: "30006", Branch: "00001", Number: "12345678901"},
		Closing: &bankfile.Balance{Amount: -1000},
		Lines: []bankfile.Line{{Date: day("2025-04-01"), Amount: -1000, Label: long, Details: []string{long},
			Reference: long, EndToEnd: long, Code: "une opération très longue au code propriétaire",
			Counterparty: bankfile.Party{Name: long, IBAN: "pas un IBAN", BIC: "?"}}}})
	for _, in := range [][]bankfile.Statement{sample(), sts} {
		var b bytes.Buffer
		if err := Write(&b, in); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(t.TempDir(), "releve.xml")
		if err := os.WriteFile(f, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("xmllint", "--noout", "--schema", filepath.Join("testdata", "camt.053.001.02.xsd"), f)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("xmllint: %v\n%s\n%s", err, out, b.String())
		}
		if _, err := Parse("releve.xml", b.Bytes()); err != nil {
			t.Error(err)
		}
	}
}

func TestWriteRefuses(t *testing.T) {
	s := sample()
	s[0].Currency = "USD"
	if err := Write(&bytes.Buffer{}, s); err == nil || !strings.Contains(err.Error(), "USD") {
		t.Errorf("another currency: %v", err)
	}
	s = sample()
	s[0].Opening, s[0].Closing = nil, nil
	if err := Write(&bytes.Buffer{}, s); err == nil || !strings.Contains(err.Error(), "aucun solde") {
		t.Errorf("no balance: %v", err)
	}
	if err := Write(&bytes.Buffer{}, nil); err == nil {
		t.Error("nothing to write")
	}
}

// Reading a month of a large residence's bank: 5,000 lines.
func BenchmarkParse5000(b *testing.B) {
	s := sample()[0]
	base := s.Lines[0]
	s.Lines = nil
	for i := 0; i < 5000; i++ {
		s.Lines = append(s.Lines, base)
	}
	s.Closing = &bankfile.Balance{Date: s.To, Amount: s.Opening.Amount + 5000*base.Amount}
	var buf bytes.Buffer
	if err := Write(&buf, []bankfile.Statement{s}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		st, err := Parse("b.xml", buf.Bytes())
		if err != nil || len(st[0].Lines) != 5000 {
			b.Fatal(err)
		}
	}
}
