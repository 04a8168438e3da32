package sepa

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// paths lists the element paths of an XML file (Document/…/Nm), once
// each, sorted.
func paths(t *testing.T, b []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var stack []string
	seen := map[string]bool{}
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
			seen[strings.Join(stack, "/")] = true
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	var out []string
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Our pain.001.001.03 against the SIZ/sepa_king reference file
// (testdata/pain.001.001.03_sepa_king_example.xml): for the same content
// (two transfers with BICs and remittances, no addresses) every element
// of the example is in ours, and ours adds only GrpHdr/CtrlSum (optional
// in the XSD; written because banks check it). The other differences are
// values, not shape: BtchBookg false (one statement line per transfer,
// for the statement import) and CreDtTm to the second with an offset —
// see WriteCreditTransfer's comment.
func TestShapeOfSepaKingExample(t *testing.T) {
	example, err := os.ReadFile(filepath.Join("testdata", "pain.001.001.03_sepa_king_example.xml"))
	if err != nil {
		t.Fatal(err)
	}
	doc := read(t, example)
	// By hand from the file: 6 543,14 + 112,72 = 6 655,86 in 2 transfers.
	if len(doc.PmtInf) != 1 || doc.PmtInf[0].NbOfTxs != "2" || doc.PmtInf[0].CtrlSum != "6655.86" ||
		cents(t, doc.PmtInf[0].CT[0].Amt.Value)+cents(t, doc.PmtInf[0].CT[1].Amt.Value) != 665586 {
		t.Errorf("example read back: %+v", doc)
	}
	ct := CreditTransfer{MsgID: "Message-ID-4711", Created: time.Date(2010, 11, 11, 9, 30, 47, 0, time.UTC),
		Initiator: "Initiator Name", ExecutionDate: day("2010-11-25"),
		Debtor: Party{Name: "Debtor Name", IBAN: "DE87200500001234567890", BIC: "BANKDEFFXXX"},
		Payments: []Payment{
			{EndToEnd: "OriginatorID1234", Amount: 654314, Remittance: "Unstructured Remittance Information",
				Creditor: Party{Name: "Creditor Name", IBAN: "DE21500500009876543210", BIC: "SPUEDE2UXXX"}},
			{EndToEnd: "OriginatorID1235", Amount: 11272, Remittance: "Unstructured Remittance Information",
				Creditor: Party{Name: "Other Creditor Name", IBAN: "DE21500500001234567897", BIC: "SPUEDE2UXXX"}},
		}}
	var b bytes.Buffer
	if err := WriteCreditTransfer(&b, ct, Pain001v03); err != nil {
		t.Fatal(err)
	}
	theirs := map[string]bool{}
	for _, p := range paths(t, example) {
		theirs[p] = true
	}
	var extra []string
	for _, p := range paths(t, b.Bytes()) {
		if !theirs[p] {
			extra = append(extra, p)
		}
		delete(theirs, p)
	}
	if len(theirs) != 0 {
		t.Errorf("elements of the example missing from ours: %v", theirs)
	}
	if want := []string{"Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum"}; !reflect.DeepEqual(extra, want) {
		t.Errorf("elements ours adds: %v, want %v", extra, want)
	}
	ours := read(t, b.Bytes())
	if ours.PmtInf[0].CtrlSum != "6655.86" || ours.GrpHdr.CtrlSum != "6655.86" {
		t.Errorf("our control sums: %+v", ours)
	}
	if _, err := exec.LookPath("xmllint"); err == nil {
		xmllint(t, example, Pain001v03)
	}
}

// Texts longer than their XSD type are cut: the name to 70 (EPC), the
// remittance to 140, the town to 35, an address line to 70; the file stays
// valid.
func TestLongTextsCut(t *testing.T) {
	ct := sampleCT()
	p := &ct.Payments[1]
	p.Creditor.Name = strings.Repeat("Société Générale d'Entretien ", 5)
	p.Remittance = strings.Repeat("Échéance ", 30)
	p.Creditor.Address.Town = strings.Repeat("Saint-Rémy-en-Bouzemont ", 3)
	p.Creditor.Address.Lines = []string{strings.Repeat("Résidence ", 10)}
	var b bytes.Buffer
	if err := WriteCreditTransfer(&b, ct, Pain001v09); err != nil {
		t.Fatal(err)
	}
	limits := map[string]int{"Nm": 70, "Ustrd": 140, "TwnNm": 35, "AdrLine": 70}
	d := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	var name string
	cutSeen := map[string]bool{}
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			name = e.Name.Local
		case xml.CharData:
			if max, ok := limits[name]; ok && strings.TrimSpace(string(e)) != "" {
				if len(e) > max {
					t.Errorf("%s: %d characters: %q", name, len(e), e)
				}
				if len(e) >= max-10 {
					cutSeen[name] = true
				}
			}
		}
	}
	if len(cutSeen) != len(limits) {
		t.Errorf("texts cut: %v, want all of %v", cutSeen, limits)
	}
	if _, err := exec.LookPath("xmllint"); err == nil {
		xmllint(t, b.Bytes(), Pain001v09)
	}
}
