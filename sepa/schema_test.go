package sepa

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// xmllint validates b against one of testdata's XSDs.
func xmllint(t *testing.T, b []byte, v Version) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "sepa.xml")
	if err := os.WriteFile(f, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("xmllint", "--noout", "--schema", filepath.Join("testdata", string(v)+".xsd"), f).CombinedOutput()
	if err != nil {
		t.Errorf("%s: xmllint: %v\n%s\n%s", v, err, out, b)
	}
}

func needXmllint(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint missing (apt package libxml2-utils)")
	}
}

// Every file written, in both versions of each message, with and without
// addresses and BICs, is valid by the ISO 20022 schema.
func TestSchemaValid(t *testing.T) {
	needXmllint(t)
	bare := func(p Party) Party { p.BIC, p.Address = "", Address{}; return p }
	ctBare := sampleCT()
	ctBare.Debtor = bare(ctBare.Debtor)
	for i := range ctBare.Payments {
		ctBare.Payments[i].Creditor = bare(ctBare.Payments[i].Creditor)
		ctBare.Payments[i].Remittance = ""
	}
	ddBare := sampleDD()
	ddBare.Creditor = bare(ddBare.Creditor)
	for i := range ddBare.Debits {
		ddBare.Debits[i].Debtor = bare(ddBare.Debits[i].Debtor)
	}
	for _, v := range []Version{Pain001v09, Pain001v03} {
		for _, ct := range []CreditTransfer{sampleCT(), ctBare} {
			var b bytes.Buffer
			if err := WriteCreditTransfer(&b, ct, v); err != nil {
				t.Fatal(err)
			}
			xmllint(t, b.Bytes(), v)
		}
	}
	for _, v := range []Version{Pain008v08, Pain008v02} {
		for _, dd := range []DirectDebit{sampleDD(), ddBare} {
			var b bytes.Buffer
			if err := WriteDirectDebit(&b, dd, v); err != nil {
				t.Fatal(err)
			}
			xmllint(t, b.Bytes(), v)
		}
	}
}

// The zero Version is the 2019 one of each message.
func TestDefaultVersion(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteCreditTransfer(&a, sampleCT(), ""); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(a.Bytes(), []byte(`xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"`)) {
		t.Errorf("default credit transfer:\n%s", a.Bytes())
	}
	if err := WriteDirectDebit(&b, sampleDD(), ""); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte(`xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"`)) {
		t.Errorf("default direct debit:\n%s", b.Bytes())
	}
}
