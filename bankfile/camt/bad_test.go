package camt

import (
	"bytes"
	"strings"
	"testing"
)

// small is a one-entry camt.053.001.02 statement, mutated by each test.
const small = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2025-03-31T00:00:00</CreDtTm></GrpHdr>
<Stmt>
<Id>S1</Id>
<Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-31</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2025-03-03</Dt></BookgDt><BkTxCd/></Ntry>
</Stmt>
</BkToCstmrStmt>
</Document>
`

func TestSmallParses(t *testing.T) {
	st, err := Parse("r.xml", []byte(small))
	if err != nil || len(st) != 1 || len(st[0].Lines) != 1 || st[0].Lines[0].Amount != 5000 || st[0].CheckBalances("r.xml") != nil {
		t.Fatalf("%+v %v", st, err)
	}
}

func TestRefusals(t *testing.T) {
	cfonb := "0130002    00443EUR2 0000000000000011200125         0000000000002501                                                \n"
	for _, tc := range []struct {
		name, old, new string // small with old replaced by new ("" old: the whole file is new)
		want           string
	}{
		{"truncated", "", small[:len(small)/2],
			"« r.xml », ligne 8 : le fichier s'arrête au milieu du XML : il est tronqué"},
		{"not xml", "", cfonb,
			"« r.xml » : ce fichier ne contient aucun élément XML : ce n'est pas un relevé CAMT.053 ni un avis CAMT.054"},
		{"ill-formed", "</Id>\n<Acct>", "</Idx>\n<Acct>",
			"« r.xml », ligne 6 : XML mal formé (element <Id> closed by </Idx>)"},
		{"other message", "camt.053.001.02", "pain.001.001.03",
			"« r.xml » : ce fichier XML n'est pas un relevé CAMT.053 ni un avis CAMT.054 : son élément racine est Document d'un message pain.001.001.03"},
		{"other root", "", "<html><body>relevé</body></html>",
			"« r.xml » : ce fichier XML n'est pas un relevé CAMT.053 ni un avis CAMT.054 : son élément racine est html"},
		{"other version", "camt.053.001.02", "camt.053.001.04",
			"« r.xml » : message camt.053.001.04 : seules les versions .001.02 et .001.08 des relevés camt.053 et des avis camt.054 sont lues"},
		{"body of the other message", "BkToCstmrStmt>", "BkToCstmrDbtCdtNtfctn>",
			"« r.xml » : le message camt.053 devrait contenir l'élément BkToCstmrStmt, il contient BkToCstmrDbtCdtNtfctn"},
		{"no statement", "", strings.NewReplacer("<Stmt>", "<Rpt>", "</Stmt>", "</Rpt>").Replace(small),
			"« r.xml » : le fichier ne contient aucun élément Stmt : ce n'est pas un relevé"},
		{"empty document", "", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>`,
			"« r.xml » : l'élément Document est vide : ce n'est pas un relevé"},
		{"account in dollars", "<Ccy>EUR</Ccy>", "<Ccy>USD</Ccy>",
			"« r.xml », élément Stmt n° 1 : le compte FR7630006000011234567890189 est tenu en USD (Acct/Ccy) : seuls les comptes en euros sont lus"},
		{"balance in dollars", `<Amt Ccy="EUR">150.00</Amt>`, `<Amt Ccy="USD">150.00</Amt>`,
			"« r.xml », élément Bal n° 2 : montant en USD (Bal/Amt Ccy=\"USD\") : seuls les montants en euros sont lus"},
		{"entry in dollars", `<Amt Ccy="EUR">50.00</Amt>`, `<Amt Ccy="USD">50.00</Amt>`,
			"« r.xml », élément Ntry n° 1 : montant en USD (Ntry/Amt Ccy=\"USD\") : seuls les montants en euros sont lus"},
		{"amount with a comma", `>50.00<`, `>50,00<`,
			"« r.xml », élément Ntry n° 1 : montant illisible : « 50,00 »"},
		{"amount beyond the cent", `>50.00<`, `>50.005<`,
			"« r.xml », élément Ntry n° 1 : montant au-delà du centime : « 50.005 »"},
		{"negative amount", `>50.00<`, `>-50.00<`,
			"« r.xml », élément Ntry n° 1 : montant illisible : « -50.00 »"},
		{"no amount", `<Amt Ccy="EUR">50.00</Amt>`, ``,
			"« r.xml », élément Ntry n° 1 : mouvement sans montant (Amt)"},
		{"bad direction", `<Amt Ccy="EUR">50.00</Amt><CdtDbtInd>CRDT`, `<Amt Ccy="EUR">50.00</Amt><CdtDbtInd>CRED`,
			"« r.xml », élément Ntry n° 1 : indicateur crédit/débit « CRED » inconnu (CRDT ou DBIT attendu)"},
		{"balance without direction", `150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>`, `150.00</Amt>`,
			"« r.xml », élément Bal n° 2 : solde CLBD : indicateur crédit/débit (CdtDbtInd) absent"},
		{"date that does not exist", "<BookgDt><Dt>2025-03-03", "<BookgDt><Dt>2025-02-30",
			"« r.xml », élément Ntry n° 1 : date de comptabilisation (BookgDt) : la date « 2025-02-30 » n'existe pas"},
		{"date that does not read", "<BookgDt><Dt>2025-03-03", "<BookgDt><Dt>03/03/2025",
			"« r.xml », élément Ntry n° 1 : date de comptabilisation (BookgDt) : date illisible : « 03/03/2025 »"},
		{"no date", "<BookgDt><Dt>2025-03-03</Dt></BookgDt>", "",
			"« r.xml », élément Ntry n° 1 : mouvement sans date de comptabilisation (BookgDt) ni date de valeur (ValDt)"},
		{"balance without date", "<Dt><Dt>2025-03-01</Dt></Dt>", "",
			"« r.xml », élément Bal n° 1 : solde OPBD sans date (Dt)"},
		{"unknown status", "<Sts>BOOK</Sts>", "<Sts>DONE</Sts>",
			"« r.xml », élément Ntry n° 1 : statut du mouvement « DONE » inconnu (BOOK, PDNG, INFO ou FUTR attendu)"},
		{"no status", "<Sts>BOOK</Sts>", "",
			"« r.xml », élément Ntry n° 1 : statut du mouvement (Sts) absent"},
		{"no account", "<Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>", "",
			"« r.xml », élément Stmt n° 1 : le compte du relevé (Acct) n'est pas indiqué"},
		{"account without id", "<IBAN>FR7630006000011234567890189</IBAN>", "",
			"« r.xml », élément Stmt n° 1 : le compte du relevé (Acct/Id) n'a ni IBAN ni autre identifiant"},
		{"unknown encoding", `encoding="UTF-8"`, `encoding="EBCDIC"`,
			"« r.xml », ligne 1 : encodage « EBCDIC » non pris en charge (UTF-8 attendu)"},
		{"batch that does not add up", "<BkTxCd/>", `<BkTxCd/><NtryDtls>
<TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">20.00</Amt></TxAmt></AmtDtls></TxDtls>
<TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">20.00</Amt></TxAmt></AmtDtls></TxDtls></NtryDtls>`,
			"« r.xml », élément Ntry n° 1 : les 2 transactions du lot (TxDtls) totalisent 40,00 €, mais le mouvement annonce 50,00 €"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.new
			if tc.old != "" {
				if !strings.Contains(small, tc.old) {
					t.Fatalf("%q not in the sample", tc.old)
				}
				data = strings.Replace(small, tc.old, tc.new, 1)
			}
			st, err := Parse("r.xml", []byte(data))
			if err == nil || err.Error() != tc.want {
				t.Errorf("got  %v\nwant %s\n(%d statements)", err, tc.want, len(st))
			}
		})
	}
}

// A batch whose transactions are in another currency than the account's
// stays one line: the entry's amount in euros.
func TestBatchInDollars(t *testing.T) {
	data := strings.Replace(small, "<BkTxCd/>", `<BkTxCd/><NtryDtls>
<TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">20.00</Amt></TxAmt></AmtDtls><RmtInf><Ustrd>UN</Ustrd></RmtInf></TxDtls>
<TxDtls><AmtDtls><TxAmt><Amt Ccy="USD">33.00</Amt></TxAmt></AmtDtls><RmtInf><Ustrd>DEUX</Ustrd></RmtInf></TxDtls></NtryDtls>`, 1)
	st, err := Parse("r.xml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if l := st[0].Lines; len(l) != 1 || l[0].Amount != 5000 || strings.Join(l[0].Details, "|") != "UN|DEUX" {
		t.Errorf("%+v", l)
	}
}

// A batch whose transactions add up becomes one line each; pending entries
// are left out and counted.
func TestBatchAndPending(t *testing.T) {
	data := strings.Replace(small, "<BkTxCd/>", `<BkTxCd/><NtryDtls>
<TxDtls><Refs><EndToEndId>A</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">20.00</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm> Mme  DURAND&#9;Anne </Nm></Dbtr></RltdPties><RmtInf><Ustrd>LOT 3</Ustrd></RmtInf></TxDtls>
<TxDtls><Refs><EndToEndId>B</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">30.00</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm>M. MARTIN</Nm></Dbtr></RltdPties></TxDtls></NtryDtls>`, 1)
	data = strings.Replace(data, "</Stmt>", `<Ntry><Amt Ccy="EUR">9.99</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts><BkTxCd/></Ntry>
<Ntry><Amt Ccy="EUR">9.99</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>INFO</Cd></Sts><BkTxCd/></Ntry></Stmt>`, 1)
	st, skipped, err := ParseAll("r.xml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if skipped != 2 || len(st[0].Lines) != 2 || st[0].CheckBalances("r.xml") != nil {
		t.Fatalf("skipped %d, %+v", skipped, st[0].Lines)
	}
	a, b := st[0].Lines[0], st[0].Lines[1]
	if a.Amount != 2000 || a.Counterparty.Name != "Mme DURAND Anne" || a.EndToEnd != "A" || a.Label != "LOT 3" ||
		b.Amount != 3000 || b.Counterparty.Name != "M. MARTIN" || b.Label != "M. MARTIN" || b.Where != "élément Ntry n° 1, TxDtls n° 2" {
		t.Errorf("%+v\n%+v", a, b)
	}
}

func TestSniff(t *testing.T) {
	yes := map[string]string{
		"camt.053": small,
		"camt.054.001.08": strings.NewReplacer("camt.053.001.02", "camt.054.001.08", "BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn",
			"Stmt>", "Ntfctn>").Replace(small),
		"a version not read, for Parse to name": strings.Replace(small, "001.02", "001.04", 1),
		"no namespace":                          strings.Replace(small, ` xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"`, "", 1),
		"the body as root":                      "<BkToCstmrStmt><GrpHdr/></BkToCstmrStmt>",
		"a byte-order mark":                     "\ufeff" + small,
	}
	for name, data := range yes {
		if !Sniff([]byte(data)) {
			t.Errorf("%s: not recognised", name)
		}
	}
	no := map[string]string{
		"pain.001":  strings.Replace(small, "camt.053.001.02", "pain.001.001.03", 1),
		"camt.052":  strings.Replace(small, "camt.053.001.02", "camt.052.001.02", 1),
		"CFONB":     "0130002    00443EUR2 0000000000000011200125\n",
		"OFX 1":     "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><SIGNONMSGSRSV1>",
		"OFX 2":     `<?xml version="1.0"?><?OFX OFXHEADER="200"?><OFX><SIGNONMSGSRSV1/></OFX>`,
		"empty":     "",
		"html":      "<html><body/></html>",
		"truncated": "<Docu",
	}
	for name, data := range no {
		if Sniff([]byte(data)) {
			t.Errorf("%s: recognised", name)
		}
	}
	if _, err := Parse("bom.xml", []byte("\ufeff"+small)); err != nil {
		t.Errorf("a byte-order mark: %v", err)
	}
}

// A bank export declaring latin-1 or Windows-1252 is read as such.
func TestLatin1(t *testing.T) {
	data := strings.Replace(small, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1)
	data = strings.Replace(data, "<BkTxCd/>", "<BkTxCd/><AddtlNtryInf>VIR CHARGES \xc9T\xc9 \x80</AddtlNtryInf>", 1)
	st, err := Parse("l.xml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if l := st[0].Lines[0].Label; l != "VIR CHARGES ÉTÉ €" {
		t.Errorf("%q", l)
	}
}

func TestTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte(" "), 64<<20+1)
	if _, err := Parse("gros.xml", big); err == nil || !strings.Contains(err.Error(), "trop volumineux") {
		t.Errorf("%v", err)
	}
}
