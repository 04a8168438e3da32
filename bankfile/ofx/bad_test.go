package ofx

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"tantieme/bankfile"
)

// sgml is a small OFX 1.0.2 file around the given STMTTRN body, for the
// bad-input tests. With rib (three lines) as the account, line 20 is the
// STMTTRN tag and 21 its first element.
func sgml(curdef, acct, trn string) string {
	return "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n" + // 1-5
		"<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<TRNUID>1\n<STMTRS>\n" + // 6-10
		curdef + "\n" + // 11
		"<BANKACCTFROM>\n" + acct + "\n<ACCTTYPE>CHECKING\n</BANKACCTFROM>\n" + // 12-17 with rib
		"<BANKTRANLIST>\n<DTSTART>20250101\n" + // 18-19
		"<STMTTRN>\n" + trn + "\n</STMTTRN>\n" +
		"</BANKTRANLIST>\n<LEDGERBAL>\n<BALAMT>100.00\n<DTASOF>20250131\n</LEDGERBAL>\n" +
		"</STMTRS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n"
}

const (
	eur   = "<CURDEF>EUR"
	rib   = "<BANKID>20041\n<BRANCHID>01005\n<ACCTID>0500013M026"
	goodT = "<TRNTYPE>CREDIT\n<DTPOSTED>20250115\n<TRNAMT>50.00\n<FITID>A1\n<NAME>VIR M DUPONT"
)

func TestSmallFileParses(t *testing.T) {
	sts, err := Parse("r.ofx", []byte(sgml(eur, rib, goodT)))
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 1 || len(sts[0].Lines) != 1 || sts[0].Lines[0].Amount != 5000 || sts[0].Lines[0].Where != "ligne 20" {
		t.Fatalf("%+v", sts)
	}
}

// Every refusal names the file, where, and what is wrong, in French.
func TestBadInput(t *testing.T) {
	bp := string(fixture(t, "ofx102_banquepopulaire_fr.ofx"))
	eurXML := string(usdToEur(t))
	deep := "OFXHEADER:100\n" + strings.Repeat("<OFX>", 100)
	many := strings.Repeat("<STMTTRN>\n"+goodT+"\n</STMTTRN>\n", bankfile.MaxLines+1)
	for _, tc := range []struct {
		name, in, where, msg string
	}{
		{"pas OFX", "Date;Libellé;Montant\n", "", "ce n'est pas un fichier OFX"},
		{"vide", "", "", "ce n'est pas un fichier OFX"},
		{"sans OFX", "OFXHEADER:100\n<FOO>bar\n", "", "l'élément <OFX> manque"},
		{"tronqué", strings.Join(strings.SplitAfter(bp, "\n")[:60], ""), "ligne 59", "fichier tronqué : l'élément <STMTTRN> n'est jamais refermé"},
		{"tronqué au milieu", bp[:1500], "ligne 87", "fichier tronqué au milieu d'une balise"},
		{"tronqué dans une balise", bp[:strings.Index(bp, "<MEMO>")+3], "ligne 48", "fichier tronqué au milieu d'une balise"},
		{"XML tronqué", eurXML[:1200], "ligne 37", "fichier tronqué : le XML s'arrête avant la fin"},
		{"XML mal formé", strings.Replace(eurXML, "</NAME>", "</NOM>", 1), "ligne 42", "XML mal formé : l'élément <NAME> est refermé par </NOM>"},
		{"XML fermante orpheline", strings.Replace(eurXML, "</OFX>", "</OFX></FOO>", 1), "ligne 75", "XML mal formé : balise fermante </FOO> sans balise ouvrante"},
		{"XML entité inconnue", strings.Replace(eurXML, "DEPOSIT", "D&zzz;POSIT", 1), "ligne 42", "XML mal formé : « invalid character entity &zzz; »"},
		{"montant illisible", strings.Replace(bp, "-13.50", "-13.5O", 1), "ligne 44", "montant illisible : « 13.5O » (élément <TRNAMT>)"},
		{"montant au-delà du centime", sgml(eur, rib, strings.Replace(goodT, "50.00", "50.005", 1)), "ligne 23", "montant au-delà du centime"},
		{"montant vide", sgml(eur, rib, strings.Replace(goodT, "50.00", "", 1)), "ligne 23", "le montant (élément <TRNAMT>) est vide"},
		{"montant absent", sgml(eur, rib, "<TRNTYPE>CREDIT\n<DTPOSTED>20250115"), "ligne 20", "le montant (élément <TRNAMT>) manque"},
		{"date inexistante", strings.Replace(bp, "<DTPOSTED>20160429", "<DTPOSTED>20160230", 1), "ligne 43", "la date « 20160230 » n'existe pas (élément <DTPOSTED>)"},
		{"date illisible", sgml(eur, rib, strings.Replace(goodT, "20250115", "15/01/2025", 1)), "ligne 22", "date illisible « 15/01/2025 »"},
		{"heure inexistante", sgml(eur, rib, strings.Replace(goodT, "20250115", "20250115256000", 1)), "ligne 22", "l'heure de « 20250115256000 » n'existe pas"},
		{"date de début", strings.Replace(bp, "<DTSTART>20160421", "<DTSTART>2016042", 1), "ligne 39", "(élément <DTSTART>)"},
		{"sans date", sgml(eur, rib, "<TRNTYPE>CREDIT\n<TRNAMT>50.00"), "ligne 20", "l'opération n'a pas de date (élément <DTPOSTED>)"},
		{"autre devise", string(fixture(t, "ofx200_xml.ofx")), "ligne 27", "le relevé est en « USD » : seuls les relevés en euros (EUR) sont acceptés"},
		{"opération en devise", sgml(eur, rib, goodT+"\n<CURRENCY>\n<CURRATE>1.1\n<CURSYM>USD\n</CURRENCY>"), "ligne 26", "l'opération est en « USD »"},
		{"sans devise", sgml("", rib, goodT), "ligne 10", "la devise du relevé (élément <CURDEF>) n'est pas indiquée"},
		{"sans compte", strings.Replace(sgml(eur, rib, goodT), "BANKACCTFROM", "BANKACCTX", 2), "ligne 10", "élément <BANKACCTFROM> absent"},
		{"compte vide", sgml(eur, "<BANKID>20041\n<ACCTID>", goodT), "ligne 12", "le numéro du compte (élément <ACCTID>) est vide"},
		{"balise fermante orpheline", sgml(eur, rib, goodT+"\n</BANKACCTFROM>"), "ligne 26", "balise fermante </BANKACCTFROM> sans balise ouvrante"},
		{"balise illisible", sgml(eur, rib, goodT+"\n<NAME x=1>"), "ligne 26", "balise illisible : « <NAME x=1> »"},
		{"trop imbriqué", deep, "ligne 2", "éléments imbriqués sur plus de 32 niveaux"},
		{"pas de relevé", "OFXHEADER:100\n<OFX>\n<SIGNONMSGSRSV1>\n<SONRS>\n<STATUS>\n<CODE>0\n</STATUS>\n</SONRS>\n</SIGNONMSGSRSV1>\n</OFX>\n", "ligne 2", "ce fichier OFX ne contient aucun relevé de compte"},
		{"erreur de la banque", "OFXHEADER:100\n<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<TRNUID>1\n<STATUS>\n<CODE>2000\n<SEVERITY>ERROR\n<MESSAGE>Compte inconnu\n</STATUS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n", "ligne 6", "la banque a répondu par une erreur (code 2000 : Compte inconnu) et le fichier ne contient aucun relevé"},
		{"trop d'opérations", strings.Replace(sgml(eur, rib, goodT), "<STMTTRN>\n"+goodT+"\n</STMTTRN>\n", many, 1), fmt.Sprintf("ligne %d", 20+7*bankfile.MaxLines), fmt.Sprintf("plus de %d opérations", bankfile.MaxLines)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("releve.ofx", []byte(tc.in))
			var be *bankfile.Error
			if !errors.As(err, &be) {
				t.Fatalf("want a *bankfile.Error, got %v", err)
			}
			if be.File != "releve.ofx" || be.Where != tc.where || !strings.Contains(be.Msg, tc.msg) {
				t.Errorf("got  %q at %q\nwant %q at %q", be.Msg, be.Where, tc.msg, tc.where)
			}
		})
	}
	big := make([]byte, bankfile.MaxFileBytes+1)
	copy(big, "OFXHEADER:100\n")
	if _, err := Parse("gros.ofx", big); err == nil || !strings.Contains(err.Error(), "« gros.ofx » : fichier trop gros") {
		t.Errorf("a file too big: %v", err)
	}
	if !bytes.Equal(fixture(t, "ofx102_banquepopulaire_fr.ofx")[:len(bp)], []byte(bp)) {
		t.Error("the fixture was changed")
	}
}
