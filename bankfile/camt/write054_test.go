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

// What Write054 writes reads back as the same movements: cents, dates,
// texts, counterparties, references; the balances, which a notification
// cannot carry, come back nil.
func TestWrite054RoundTrip(t *testing.T) {
	in := sample()
	var b bytes.Buffer
	if err := Write054(&b, in); err != nil {
		t.Fatal(err)
	}
	if !Sniff(b.Bytes()) {
		t.Error("Sniff does not recognise what Write054 writes")
	}
	if strings.Contains(b.String(), "<Bal>") {
		t.Error("a notification with a balance")
	}
	out, err := Parse("avis.xml", b.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	want := sample()
	want[0].Format, want[0].Where = "CAMT.054.001.02", "élément Ntfctn n° 1"
	want[0].Opening, want[0].Closing = nil, nil
	if !reflect.DeepEqual(out, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", out, want)
	}
	// Several notifications, one without any movement.
	two := append(sample(), bankfile.Statement{Currency: "EUR", Account: bankfile.Account{IBAN: "FR7630004000031234567890143"}})
	b.Reset()
	if err := Write054(&b, two); err != nil {
		t.Fatal(err)
	}
	if out, err = Parse("avis.xml", b.Bytes()); err != nil || len(out) != 2 || len(out[1].Lines) != 0 || out[1].Account.IBAN != "FR7630004000031234567890143" {
		t.Errorf("two notifications: %v %+v", err, out)
	}
}

// What Write054 writes is a valid camt.054.001.02 by the ISO 20022 schema,
// texts too long for it cut, malformed IBANs and BICs left out.
func TestWrite054SchemaValid(t *testing.T) {
	long := strings.Repeat("ÉCHÉANCE ", 80)
	odd := bankfile.Statement{Currency: "EUR",
		Account: bankfile.Account{Bank: "30006", Branch: "00001", Number: "12345678901"},
		Lines: []bankfile.Line{{Date: day("2025-04-01"), Amount: -1000, Label: long, Details: []string{long},
			Reference: long, EndToEnd: long, Code: "une opération très longue au code propriétaire",
			Counterparty: bankfile.Party{Name: long, IBAN: "pas un IBAN", BIC: "?"}}}}
	for _, in := range [][]bankfile.Statement{sample(), append(sample(), odd), {odd}} {
		var b bytes.Buffer
		if err := Write054(&b, in); err != nil {
			t.Fatal(err)
		}
		schemaValid(t, "camt.054.001.02.xsd", b.Bytes())
		if _, err := Parse("avis.xml", b.Bytes()); err != nil {
			t.Error(err)
		}
	}
}

func TestWrite054Refuses(t *testing.T) {
	s := sample()
	s[0].Currency = "USD"
	if err := Write054(&bytes.Buffer{}, s); err == nil || !strings.Contains(err.Error(), "USD") || !strings.Contains(err.Error(), "camt.054") {
		t.Errorf("another currency: %v", err)
	}
	if err := Write054(&bytes.Buffer{}, nil); err == nil || !strings.Contains(err.Error(), "aucun relevé") {
		t.Errorf("nothing to write: %v", err)
	}
}

// schemaValid checks data against testdata/xsd with xmllint; the test is
// skipped only when xmllint is missing.
func schemaValid(t *testing.T, xsd string, data []byte) {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint missing (apt package libxml2-utils)")
	}
	f := filepath.Join(t.TempDir(), "message.xml")
	if err := os.WriteFile(f, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("xmllint", "--noout", "--schema", filepath.Join("testdata", xsd), f)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s\n%s", err, out, data)
	}
}
