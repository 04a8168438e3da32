package ofx

import (
	"strings"
	"testing"

	"tantieme/bankfile"
)

func parseOne(t *testing.T, in string) bankfile.Statement {
	t.Helper()
	sts, err := Parse("r.ofx", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 1 {
		t.Fatalf("%d statements", len(sts))
	}
	return sts[0]
}

func TestCharsets(t *testing.T) {
	// « PRLV ÉLECTRICITÉ 5 € » in Windows-1252 (É = C9, € = 80), in
	// ISO-8859-1 (no €: the byte A4 is ¤), and in UTF-8 under a 1252 label.
	for _, tc := range []struct{ name, header, text, want string }{
		{"1252", "CHARSET:1252", "PRLV \xC9LECTRICIT\xC9 5 \x80", "PRLV ÉLECTRICITÉ 5 €"},
		{"8859-1", "CHARSET:ISO-8859-1", "PRLV \xC9LECTRICIT\xC9 5 \xA4", "PRLV ÉLECTRICITÉ 5 ¤"},
		{"utf-8 mal étiqueté", "CHARSET:1252", "PRLV ÉLECTRICITÉ 5 €", "PRLV ÉLECTRICITÉ 5 €"},
		{"utf-8", "ENCODING:UTF-8\nCHARSET:NONE", "PRLV ÉLECTRICITÉ 5 €", "PRLV ÉLECTRICITÉ 5 €"},
	} {
		in := strings.Replace(sgml(eur, rib, strings.Replace(goodT, "VIR M DUPONT", tc.text, 1)), "CHARSET:1252", tc.header, 1)
		if got := parseOne(t, in).Lines[0].Label; got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	x := strings.Replace(string(usdToEur(t)), `encoding="US-ASCII"`, `encoding="windows-1252"`, 1)
	x = strings.Replace(x, "<NAME>DEPOSIT", "<NAME>D\xC9P\xD4T", 1)
	if got := parseOne(t, strings.Replace(x, "automatic deposit", "d&eacute;p&ocirc;t &amp; co", 1)).Lines[0]; got.Label != "DÉPÔT" || got.Details[0] != "dépôt & co" {
		t.Errorf("XML in windows-1252: %+v", got)
	}
}

// The header on one line, a byte-order mark and CRLF, a bare <OFX> body,
// closed and unclosed leaves mixed: all read the same.
func TestHeaderShapes(t *testing.T) {
	base := sgml(eur, rib, goodT)
	oneLine := strings.Replace(base, "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n", "OFXHEADER:100 DATA:OFXSGML VERSION:102 CHARSET:1252 ", 1)
	bare := base[strings.Index(base, "<OFX>"):]
	closed := strings.Replace(strings.Replace(base, "<TRNAMT>50.00", "<TRNAMT>50.00</TRNAMT>", 1), "<NAME>VIR M DUPONT", "<NAME>VIR M DUPONT</NAME>", 1)
	for name, in := range map[string]string{
		"base": base, "une ligne": oneLine, "BOM CRLF": "\xEF\xBB\xBF\r\n" + strings.ReplaceAll(base, "\n", "\r\n"),
		"sans en-tête": bare, "balises fermées": closed,
		"version 1.6": strings.Replace(base, "VERSION:102", "VERSION:160", 1),
	} {
		st := parseOne(t, in)
		if l := st.Lines[0]; l.Amount != 5000 || l.Label != "VIR M DUPONT" || l.Reference != "A1" {
			t.Errorf("%s: %+v", name, l)
		}
		if name == "version 1.6" && st.Format != "OFX 1.6" {
			t.Errorf("format %q", st.Format)
		}
	}
}

func TestFields(t *testing.T) {
	for _, tc := range []struct {
		name, acct, trn string
		check           func(bankfile.Statement) bool
	}{
		{"RIB sans clé", rib, goodT, func(s bankfile.Statement) bool {
			return s.Account == bankfile.Account{Bank: "20041", Branch: "01005", Number: "0500013M026"}
		}},
		// RIB 20041 01005 0500013M026 key 06 (computed by hand from the
		// RIB formula, and the key of the IBAN below).
		{"RIB avec sa clé", "<BANKID>20041\n<BRANCHID>01005\n<ACCTID>0500013M02606", goodT, func(s bankfile.Statement) bool {
			return s.Account == bankfile.Account{Bank: "20041", Branch: "01005", Number: "0500013M026"}
		}},
		{"clé fausse gardée", "<BANKID>20041\n<BRANCHID>01005\n<ACCTID>0500013M02607", goodT, func(s bankfile.Statement) bool {
			return s.Account.Number == "0500013M02607"
		}},
		{"IBAN", "<BANKID>20041\n<ACCTID>FR14 2004 1010 0505 0001 3M02 606", goodT, func(s bankfile.Statement) bool {
			return s.Account == bankfile.Account{IBAN: "FR1420041010050500013M02606", Bank: "20041", Branch: "01005", Number: "0500013M026"}
		}},
		{"IBAN étranger", "<BANKID>X\n<ACCTID>DE89370400440532013000", goodT, func(s bankfile.Statement) bool {
			return s.Account == bankfile.Account{IBAN: "DE89370400440532013000", Bank: "X"}
		}},
		{"virgule", rib, strings.Replace(goodT, "50.00", "-1234,5", 1), func(s bankfile.Statement) bool { return s.Lines[0].Amount == -123450 }},
		{"signe plus", rib, strings.Replace(goodT, "50.00", "+7", 1), func(s bankfile.Statement) bool { return s.Lines[0].Amount == 700 }},
		{"fuseau sans décalage du jour", rib, strings.Replace(goodT, "20250115", "20250115000000.000[+2:CEST]", 1), func(s bankfile.Statement) bool {
			return s.Lines[0].Date.Equal(day8("20250115"))
		}},
		{"fuseau négatif", rib, strings.Replace(goodT, "20250115", "20250115233000[-8:PST]", 1), func(s bankfile.Statement) bool {
			return s.Lines[0].Date.Equal(day8("20250115"))
		}},
		{"date de valeur DTAVAIL avant DTUSER", rib, goodT + "\n<DTUSER>20250114\n<DTAVAIL>20250116", func(s bankfile.Statement) bool {
			return s.Lines[0].ValueDate.Equal(day8("20250116"))
		}},
		{"entités et & nu", rib, strings.Replace(goodT, "VIR M DUPONT", "M &amp; MME DUPONT &lt;SCI&gt; & FILS &#233;", 1), func(s bankfile.Statement) bool {
			return s.Lines[0].Label == "M & MME DUPONT <SCI> & FILS é"
		}},
		{"< dans un texte", rib, strings.Replace(goodT, "VIR M DUPONT", "LOYER <3 PIECES", 1), func(s bankfile.Statement) bool {
			return s.Lines[0].Label == "LOYER <3 PIECES"
		}},
		{"caractères de contrôle", rib, strings.Replace(goodT, "VIR M DUPONT", "\x01VIR\tM\x7f DUPONT\x00  ", 1), func(s bankfile.Statement) bool {
			return s.Lines[0].Label == "VIR M DUPONT"
		}},
		{"texte coupé", rib, strings.Replace(goodT, "VIR M DUPONT", strings.Repeat("é", 2*bankfile.MaxText), 1), func(s bankfile.Statement) bool {
			return s.Lines[0].Label == strings.Repeat("é", bankfile.MaxText)
		}},
		{"feuille inconnue vide", rib, "<XFOO>\n" + goodT + "\n<INTU.BID>1234", func(s bankfile.Statement) bool {
			return len(s.Lines) == 1 && s.Lines[0].Amount == 5000 && s.Lines[0].Label == "VIR M DUPONT"
		}},
		{"bénéficiaire", rib, "<TRNTYPE>DEBIT\n<DTPOSTED>20250115\n<TRNAMT>-80\n<PAYEE>\n<NAME>PLOMBERIE MARTIN\n<ADDR1>1 RUE\n</PAYEE>\n<BANKACCTTO>\n<BANKID>20041\n<ACCTID>FR1420041010050500013M02606\n<ACCTTYPE>CHECKING\n</BANKACCTTO>\n<MEMO>FACTURE 12", func(s bankfile.Statement) bool {
			l := s.Lines[0]
			return l.Label == "PLOMBERIE MARTIN" && l.Counterparty.Name == "PLOMBERIE MARTIN" && l.Counterparty.IBAN == "FR1420041010050500013M02606" && l.Details[0] == "FACTURE 12"
		}},
		{"devise d'origine", rib, goodT + "\n<ORIGCURRENCY>\n<CURRATE>1.1\n<CURSYM>USD\n</ORIGCURRENCY>", func(s bankfile.Statement) bool { return s.Lines[0].Amount == 5000 }},
	} {
		if s := parseOne(t, sgml(eur, tc.acct, tc.trn)); !tc.check(s) {
			t.Errorf("%s: %+v", tc.name, s)
		}
	}
}

func TestSeveralStatementsAndCards(t *testing.T) {
	one := sgml(eur, rib, goodT)
	stmt := one[strings.Index(one, "<STMTTRNRS>"):strings.Index(one, "</BANKMSGSRSV1>")]
	two := strings.Replace(one, "</BANKMSGSRSV1>", strings.Replace(stmt, "<TRNAMT>50.00", "<TRNAMT>-20.00", 1)+"</BANKMSGSRSV1>", 1)
	card := "\n<CREDITCARDMSGSRSV1>\n<CCSTMTTRNRS>\n<CCSTMTRS>\n<CURDEF>EUR\n<CCACCTFROM>\n<ACCTID>4970123412341234\n</CCACCTFROM>\n" +
		"<BANKTRANLIST>\n<STMTTRN>\n<TRNTYPE>POS\n<DTPOSTED>20250120\n<TRNAMT>-9.99\n<NAME>CB\n</STMTTRN>\n</BANKTRANLIST>\n</CCSTMTRS>\n</CCSTMTTRNRS>\n</CREDITCARDMSGSRSV1>\n"
	three := strings.Replace(two, "</BANKMSGSRSV1>", "</BANKMSGSRSV1>"+card, 1)
	sts, err := Parse("r.ofx", []byte(three))
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 3 || sts[0].Total() != 5000 || sts[1].Total() != -2000 || sts[2].Total() != -999 ||
		sts[2].Account.Number != "4970123412341234" || sts[2].Closing != nil || sts[1].Where == sts[0].Where {
		t.Errorf("%+v", sts)
	}
}
