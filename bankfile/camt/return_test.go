package camt

import (
	"bytes"
	"strings"
	"testing"

	"tantieme/bankfile"
)

// TestReturnInfo: a returned direct debit (R-transaction) keeps its reason
// code, the bank's text and the original end-to-end id through Write and
// Parse, and what Write writes is valid against the schema; a bank's own
// code (Prtry) is read too.
func TestReturnInfo(t *testing.T) {
	in := sample()
	ret := bankfile.Line{Date: day("2025-03-12"), Amount: -45000, Label: "IMPAYE PRLV SEPA DUPONT", EndToEnd: "TILLEULS-P000003-2",
		Code: "PMNT/RDDT/UPDD", Return: bankfile.Return{Reason: "AM04", Info: "PROVISION INSUFFISANTE"}, Where: "élément Ntry n° 6"}
	in[0].Lines = append(in[0].Lines, ret)
	in[0].Closing.Amount -= 45000
	var b bytes.Buffer
	if err := Write(&b, in); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.ReplaceAll(b.String(), "\n", ""), "<RtrInf><Rsn><Cd>AM04</Cd></Rsn><AddtlInf>PROVISION INSUFFISANTE</AddtlInf></RtrInf>") {
		t.Errorf("RtrInf not written:\n%s", b.String())
	}
	schemaValid(t, "camt.053.001.02.xsd", b.Bytes())
	out, err := Parse("retour.xml", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got := out[0].Lines[len(out[0].Lines)-1]
	if got.Return != ret.Return || got.EndToEnd != ret.EndToEnd {
		t.Errorf("return read as %+v (end-to-end %q), want %+v", got.Return, got.EndToEnd, ret.Return)
	}
	if out[0].Lines[0].Return != (bankfile.Return{}) {
		t.Errorf("a plain line got return information %+v", out[0].Lines[0].Return)
	}
	prtry := strings.Replace(b.String(), "<Cd>AM04</Cd>", "<Prtry>rej12</Prtry>", 1)
	out, err = Parse("retour.xml", []byte(prtry))
	if err != nil {
		t.Fatal(err)
	}
	if r := out[0].Lines[len(out[0].Lines)-1].Return; r.Reason != "REJ12" {
		t.Errorf("proprietary reason read as %+v", r)
	}
}
