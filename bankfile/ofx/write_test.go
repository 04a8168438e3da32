package ofx

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"tantieme/bankfile"
)

// clearWhere drops what a round trip may change: where things are in the
// file, and the format's name.
func clearWhere(sts []bankfile.Statement) {
	for i := range sts {
		sts[i].Where, sts[i].Format = "", ""
		for j := range sts[i].Lines {
			sts[i].Lines[j].Where = ""
			if len(sts[i].Lines[j].Details) == 0 {
				sts[i].Lines[j].Details = nil
			}
		}
	}
}

func TestWriteRoundTrip(t *testing.T) {
	d := day8
	in := []bankfile.Statement{{
		Account:  bankfile.Account{IBAN: "FR1420041010050500013M02606", Bank: "20041", Branch: "01005", Number: "0500013M026"},
		Currency: "EUR", From: d("20250101"), To: d("20250131"),
		Closing: &bankfile.Balance{Date: d("20250131"), Amount: 123456},
		Lines: []bankfile.Line{
			{Date: d("20250105"), ValueDate: d("20250104"), Amount: 15000, Label: "VIR SEPA M. ET MME DUPONT-LEFÈVRE", Details: []string{"APPEL T1 2025 LOT 12 <B> & C"}, Reference: "F1", Code: "XFER"},
			{Date: d("20250105"), Amount: 15000, Label: "VIR SEPA M. ET MME DUPONT-LEFÈVRE", Reference: "F2", Code: "CREDIT"},
			{Date: d("20250110"), Amount: -4990, Label: "CHEQUE 1234567", Check: "1234567", Reference: "F3", Code: "CHECK"},
			{Date: d("20250131"), Amount: -1, Label: "FRAIS €", Reference: "F4", Code: "SRVCHG"},
		},
	}, {
		Account:  bankfile.Account{Bank: "30002", Branch: "00550", Number: "0000157841Z"},
		Currency: "EUR",
		Lines:    []bankfile.Line{{Date: d("20250201"), Amount: 250000, Label: "INTERETS LIVRET", Code: "INT"}},
	}}
	var buf bytes.Buffer
	if err := Write(&buf, in); err != nil {
		t.Fatal(err)
	}
	file := buf.Bytes()
	for _, want := range []string{"OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\n", "CHARSET:1252\r\n", "<DTSERVER>20250201000000\r\n",
		"<TRNAMT>-49.90\r\n", "<TRNAMT>-0.01\r\n", "<MEMO>APPEL T1 2025 LOT 12 &lt;B&gt; &amp; C\r\n", "LEF\xC8VRE", "FRAIS \x80\r\n",
		"<ACCTID>FR1420041010050500013M02606\r\n", "<BANKID>30002\r\n<BRANCHID>00550\r\n<ACCTID>0000157841Z\r\n"} {
		if !bytes.Contains(file, []byte(want)) {
			t.Errorf("the file lacks %q", want)
		}
	}
	if !Sniff(file) {
		t.Error("Sniff refuses what Write wrote")
	}
	out, err := Parse("ecrit.ofx", file)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range out {
		if st.Format != "OFX 1.0.2" {
			t.Errorf("format %q", st.Format)
		}
	}
	clearWhere(out)
	if !reflect.DeepEqual(out, in) {
		t.Errorf("round trip\n got %+v\nwant %+v", out, in)
	}
}

// A bank's file read, written and read again gives the same statements.
func TestWriteFixtures(t *testing.T) {
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
		if err := Write(&buf, a); err != nil {
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

func TestWriteRefuses(t *testing.T) {
	for name, st := range map[string]bankfile.Statement{
		"devise":      {Currency: "USD", Account: bankfile.Account{Number: "1"}},
		"sans compte": {Currency: "EUR"},
		"sans date":   {Account: bankfile.Account{Number: "1"}, Lines: []bankfile.Line{{Amount: 1}}},
	} {
		if err := Write(&bytes.Buffer{}, []bankfile.Statement{st}); err == nil {
			t.Errorf("%s: written", name)
		}
	}
	if err := Write(failing{}, nil); err == nil {
		t.Error("a write error is not reported")
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disque plein") }

// FuzzParse: no input makes Parse panic; a refusal is a located
// *bankfile.Error naming the file; what parses, written back with Write
// (and with Write2) and parsed again, gives the same statements, lines and
// cents.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"ofx102_banquepopulaire_fr.ofx", "ofx102_creditmutuel_fr.ofx", "ofx200_xml.ofx"} {
		f.Add(fixture(f, name))
	}
	f.Add(usdToEur(f))
	f.Add([]byte(sgml(eur, rib, goodT)))
	f.Add([]byte(sgml(eur, "<BANKID>20041\n<ACCTID>FR1420041010050500013M02606", goodT+"\n<XFOO>\n<MEMO>a &amp; b\n<PAYEE>\n<NAME>X\n</PAYEE>")))
	f.Add([]byte("OFXHEADER:100 <OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>1</BANKACCTFROM><LEDGERBAL><BALAMT>-0,5</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Sniff(data)
		a, err := Parse("f.ofx", data)
		if err != nil {
			var be *bankfile.Error
			if !errors.As(err, &be) || be.File != "f.ofx" || be.Msg == "" {
				t.Fatalf("not a located error: %#v", err)
			}
			return
		}
		for _, w := range []struct {
			name  string
			write func(io.Writer, []bankfile.Statement) error
		}{{"Write", Write}, {"Write2", Write2}} {
			var buf bytes.Buffer
			if err := w.write(&buf, a); err != nil {
				t.Fatalf("%s: %v", w.name, err)
			}
			b, err := Parse("f.ofx", buf.Bytes())
			if err != nil {
				t.Fatalf("what %s wrote does not read: %v\n%s", w.name, err, buf.Bytes())
			}
			if len(a) != len(b) {
				t.Fatalf("%s: %d statements, then %d", w.name, len(a), len(b))
			}
			for i := range a {
				if len(a[i].Lines) != len(b[i].Lines) || (a[i].Closing == nil) != (b[i].Closing == nil) ||
					a[i].Closing != nil && a[i].Closing.Amount != b[i].Closing.Amount {
					t.Fatalf("%s: statement %d: %+v, then %+v", w.name, i, a[i], b[i])
				}
				for j := range a[i].Lines {
					if a[i].Lines[j].Amount != b[i].Lines[j].Amount || !a[i].Lines[j].Date.Equal(b[i].Lines[j].Date) {
						t.Fatalf("%s: line %d.%d: %+v, then %+v", w.name, i, j, a[i].Lines[j], b[i].Lines[j])
					}
				}
			}
		}
		if strings.Contains(string(data), "\x00") && len(a) > 0 {
			for _, l := range a[0].Lines {
				if strings.ContainsRune(l.Label, 0) {
					t.Fatal("a control character kept")
				}
			}
		}
	})
}
