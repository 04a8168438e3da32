package ofx

import (
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"testing"

	"tantieme/bankfile"
)

func write2Input() []bankfile.Statement {
	d := day8
	return []bankfile.Statement{{
		Account:  bankfile.Account{IBAN: "FR1420041010050500013M02606", Bank: "20041", Branch: "01005", Number: "0500013M026"},
		Currency: "EUR", From: d("20250101"), To: d("20250131"),
		Closing: &bankfile.Balance{Date: d("20250131"), Amount: 123456},
		Lines: []bankfile.Line{
			{Date: d("20250105"), ValueDate: d("20250104"), Amount: 15000, Label: "VIR SEPA M. ET MME DUPONT-LEFÈVRE", Details: []string{"APPEL T1 2025 LOT 12 <B> & C"}, Reference: "F1", Code: "XFER"},
			{Date: d("20250105"), Amount: 15000, Label: "VIR SEPA M. ET MME DUPONT-LEFÈVRE", Reference: "F2", Code: "CREDIT"},
			{Date: d("20250110"), Amount: -4990, Label: "CHEQUE 1234567", Check: "1234567", Reference: "F3", Code: "CHECK"},
			{Date: d("20250131"), Amount: -1, Label: "FRAIS € ŒUVRE 日本", Reference: "F4", Code: "SRVCHG"},
		},
	}, {
		Account:  bankfile.Account{Bank: "30002", Branch: "00550", Number: "0000157841Z"},
		Currency: "EUR",
		Lines:    []bankfile.Line{{Date: d("20250201"), Amount: 250000, Label: "INTERETS LIVRET", Code: "INT"}},
	}}
}

// What Write2 writes is well-formed XML that reads back as the same
// statements, any character kept (UTF-8, where OFX 1's Windows-1252 has
// no « 日 »).
func TestWrite2RoundTrip(t *testing.T) {
	in := write2Input()
	var buf bytes.Buffer
	if err := Write2(&buf, in); err != nil {
		t.Fatal(err)
	}
	file := buf.Bytes()
	for _, want := range []string{`<?xml version="1.0" encoding="UTF-8" standalone="no"?>` + "\r\n<?OFX OFXHEADER=\"200\" VERSION=\"200\"",
		"<TRNAMT>-49.90</TRNAMT>", "<MEMO>APPEL T1 2025 LOT 12 &lt;B&gt; &amp; C</MEMO>", "LEFÈVRE", "FRAIS € ŒUVRE 日本</NAME>",
		"<ACCTID>FR1420041010050500013M02606</ACCTID>", "<BANKID>30002</BANKID>\r\n<BRANCHID>00550</BRANCHID>\r\n<ACCTID>0000157841Z</ACCTID>",
		"<BALAMT>1234.56</BALAMT>"} {
		if !bytes.Contains(file, []byte(want)) {
			t.Errorf("the file lacks %q", want)
		}
	}
	d := xml.NewDecoder(bytes.NewReader(file))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, file)
		}
	}
	if !Sniff(file) {
		t.Error("Sniff refuses what Write2 wrote")
	}
	out, err := Parse("ecrit.ofx", file)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range out {
		if st.Format != "OFX 2.0" {
			t.Errorf("format %q", st.Format)
		}
	}
	clearWhere(out)
	if !reflect.DeepEqual(out, in) {
		t.Errorf("round trip\n got %+v\nwant %+v", out, in)
	}
}

// A bank's file read, written by Write2 and read again gives the same
// statements.
func TestWrite2Fixtures(t *testing.T) {
	for name, data := range map[string][]byte{
		"ofx102_banquepopulaire_fr.ofx": fixture(t, "ofx102_banquepopulaire_fr.ofx"),
		"ofx102_creditmutuel_fr.ofx":    fixture(t, "ofx102_creditmutuel_fr.ofx"),
		"ofx200_xml.ofx (EUR)":          usdToEur(t),
	} {
		a, err := Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Write2(&buf, a); err != nil {
			t.Fatal(err)
		}
		b, err := Parse(name, buf.Bytes())
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, buf.Bytes())
		}
		clearWhere(a)
		clearWhere(b)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: round trip\n got %+v\nwant %+v", name, b, a)
		}
	}
}

func TestWrite2Refuses(t *testing.T) {
	for name, st := range map[string]bankfile.Statement{
		"devise":      {Currency: "USD", Account: bankfile.Account{Number: "1"}},
		"sans compte": {Currency: "EUR"},
		"sans date":   {Account: bankfile.Account{Number: "1"}, Lines: []bankfile.Line{{Amount: 1}}},
	} {
		if err := Write2(&bytes.Buffer{}, []bankfile.Statement{st}); err == nil {
			t.Errorf("%s: written", name)
		}
	}
	if err := Write2(failing{}, nil); err == nil {
		t.Error("a write error is not reported")
	}
}
