package camt

import (
	"strings"
	"testing"

	"tantieme/bankfile"
)

// stmt08 is a camt.053.001.08 statement in the 2019 shapes: Sts/Cd,
// TxDtls/Amt with its own CdtDbtInd, Party40Choice (Dbtr/Pty/Nm), BICFI.
// Checked with xmllint against camt.053.001.08.xsd when written: valid but
// for the debtor's IBAN, written with spaces and in lower case on purpose.
const stmt08 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2025-03-31T00:00:00</CreDtTm></GrpHdr>
<Stmt>
<Id>S8</Id>
<CreDtTm>2025-03-31T00:00:00</CreDtTm>
<Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy><Svcr><FinInstnId><BICFI>AGRIFRPP882</BICFI></FinInstnId></Svcr></Acct>
<Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2025-02-28</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">80.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-31</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">180.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><DtTm>2025-03-03T23:30:00-05:00</DtTm></BookgDt>
<AcctSvcrRef>R1</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
<NtryDtls>
<TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><Amt Ccy="EUR">200.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
<RltdPties><Dbtr><Pty><Nm>SCI LES ÉRABLES</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>fr14 2004 1010 0505 0001 3m02 606</IBAN></Id></DbtrAcct></RltdPties>
<RltdAgts><DbtrAgt><FinInstnId><BICFI>PSSTFRPPPAR</BICFI></FinInstnId></DbtrAgt></RltdAgts>
<RmtInf><Ustrd>LOTS 4 ET 5</Ustrd></RmtInf></TxDtls>
<TxDtls><Amt Ccy="EUR">20.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
<RltdPties><Cdtr><Pty><Nm>BANQUE</Nm></Pty></Cdtr></RltdPties><AddtlTxInf>FRAIS SUR VIREMENT</AddtlTxInf></TxDtls>
</NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts><BkTxCd/></Ntry>
</Stmt>
</BkToCstmrStmt>
</Document>
`

func TestVersion08(t *testing.T) {
	st, skipped, err := ParseAll("v8.xml", []byte(stmt08))
	if err != nil {
		t.Fatal(err)
	}
	s := st[0]
	// PRCD (previous closing) is the opening when there is no OPBD:
	// −100,00 + 200,00 − 20,00 = 80,00.
	if s.Format != "CAMT.053.001.08" || s.Account.BIC != "AGRIFRPP882" || skipped != 1 || len(s.Lines) != 2 ||
		s.Opening.Amount != -10000 || s.CheckBalances("v8.xml") != nil {
		t.Fatalf("%+v skipped %d", s, skipped)
	}
	a, b := s.Lines[0], s.Lines[1]
	// The booking day as the bank wrote it, not moved to UTC.
	if !a.Date.Equal(day("2025-03-03")) || a.Amount != 20000 || a.EndToEnd != "" || a.Reference != "R1" || a.Code != "PMNT/RCDT/ESCT" ||
		a.Counterparty != (bankfile.Party{Name: "SCI LES ÉRABLES", IBAN: "FR1420041010050500013M02606", BIC: "PSSTFRPPPAR"}) || a.Label != "LOTS 4 ET 5" {
		t.Errorf("%+v", a)
	}
	if b.Amount != -2000 || b.Counterparty.Name != "BANQUE" || b.Label != "FRAIS SUR VIREMENT" || b.Details != nil {
		t.Errorf("%+v", b)
	}
	if !Sniff([]byte(stmt08)) {
		t.Error("Sniff")
	}
	// The same statement with no namespace at all reads alike.
	st, err = Parse("v.xml", []byte(strings.Replace(stmt08, ` xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"`, "", 1)))
	if err != nil || st[0].Format != "CAMT.053" || len(st[0].Lines) != 2 {
		t.Errorf("no namespace: %v %+v", err, st)
	}
}
