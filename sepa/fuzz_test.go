package sepa

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strings"
	"testing"
)

// FuzzWrite: random texts, ids and amounts give either a French *Error
// with nothing written, or a file that encoding/xml reads back with the
// same cents, consistent control sums, and only SEPA characters within
// the XSD lengths.
func FuzzWrite(f *testing.F) {
	f.Add("Zoé L’Œuvre", "Rue de l'Église", "Paris", "FR", "Appel n° 1", "E2E-1", "RUM-1", "FRST", "FR7630006000011234567890189", "AGRIFRPP", int64(45678), int64(1))
	f.Add("Dupont & Fils", "", "", "", "100 €", "", "", "RCUR", "", "", int64(0), int64(-5))
	f.Add("", "x", "", "FR", "", "a b", "/x", "RPRE", "FR76", "GEB1BEBB", int64(MaxAmount), int64(MaxAmount+1))
	f.Add(strings.Repeat("é", 200), strings.Repeat("a", 100), strings.Repeat("b", 40), "fr", strings.Repeat("ü", 300), strings.Repeat("9", 35), "a//b", "ooff", "de89 3704 0044 0532 0130 00", "cobadeffxxx", int64(99), int64(100))
	f.Fuzz(func(t *testing.T, name, street, town, country, remit, e2e, rum, seq, iban, bic string, a1, a2 int64) {
		party := Party{Name: name, IBAN: iban, BIC: bic, Address: Address{Street: street, Town: town, Country: country}}
		ct := sampleCT()
		ct.Payments[0].Creditor = party
		ct.Payments[0].Remittance, ct.Payments[0].EndToEnd, ct.Payments[0].Amount = remit, e2e, a1
		ct.Payments[1].Amount = a2
		dd := sampleDD()
		dd.Debits[0].Debtor = party
		dd.Debits[0].Remittance, dd.Debits[0].EndToEnd, dd.Debits[0].Amount = remit, e2e, a1
		dd.Debits[0].MandateID, dd.Debits[0].Sequence = rum, Sequence(seq)
		dd.Debits[1].Amount = a2
		ctWant := []int64{a1, a2, ct.Payments[2].Amount}
		var ddWant int64
		for _, d := range dd.Debits {
			ddWant += d.Amount
		}
		for _, v := range []Version{Pain001v09, Pain001v03, Pain008v08, Pain008v02} {
			var b bytes.Buffer
			var err error
			if strings.HasPrefix(string(v), "pain.001") {
				err = WriteCreditTransfer(&b, ct, v)
			} else {
				err = WriteDirectDebit(&b, dd, v)
			}
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || e.Msg == "" || b.Len() != 0 {
					t.Fatalf("%s: %v (%T), %d bytes written", v, err, err, b.Len())
				}
				continue
			}
			got := checkTotals(t, b.Bytes())
			if strings.HasPrefix(string(v), "pain.001") {
				if len(got) != 3 || got[0] != ctWant[0] || got[1] != ctWant[1] || got[2] != ctWant[2] {
					t.Fatalf("%s: amounts %v, want %v", v, got, ctWant)
				}
			} else if cents(t, read(t, b.Bytes()).GrpHdr.CtrlSum) != ddWant {
				t.Fatalf("%s: CtrlSum %s, want %d cents", v, read(t, b.Bytes()).GrpHdr.CtrlSum, ddWant)
			}
			checkTexts(t, b.Bytes())
		}
	})
}

// checkTexts: every text of the file is in the SEPA set, not blank, and
// within its XSD length.
func checkTexts(t *testing.T, b []byte) {
	limits := map[string]int{"Nm": 70, "Ustrd": 140, "TwnNm": 35, "AdrLine": 70, "StrtNm": 70, "BldgNb": 16, "PstCd": 16,
		"MsgId": 35, "PmtInfId": 35, "EndToEndId": 35, "MndtId": 35, "Id": 35, "IBAN": 34, "BIC": 11, "BICFI": 11, "Ctry": 2}
	d := xml.NewDecoder(bytes.NewReader(b))
	var name string
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			name = e.Name.Local
			text.Reset()
		case xml.CharData:
			text.Write(e)
		case xml.EndElement:
			s := text.String()
			text.Reset()
			if e.Name.Local != name {
				continue // the end of a parent: its text is indentation
			}
			if max, ok := limits[name]; ok && (len(s) == 0 || len(s) > max) {
				t.Fatalf("%s: %q, %d characters (1 to %d)", name, s, len(s), max)
			}
			if s != strings.TrimSpace(s) {
				t.Fatalf("%s: %q not trimmed", name, s)
			}
			for _, r := range s {
				if !sepaChar(r) {
					t.Fatalf("%s: %q has %q outside the SEPA set", name, s, r)
				}
			}
		}
	}
}
