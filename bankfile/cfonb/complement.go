package cfonb

import (
	"strings"

	"tantieme/bankfile"
)

// qualifiers names the 05 qualifiers of the « Évolution du relevé 120 »
// (v2.0, §4.2) in French for the syndic; LIB (free label) and the
// client-to-client texts need no name. An unknown qualifier is kept with
// its code: whatever the bank says may help to match the line.
var qualifiers = map[string]string{
	"LIB": "", "LCC": "", "LC2": "", "LCS": "",
	"NPY": "Payeur", "IPY": "Identifiant du payeur", "NBE": "Bénéficiaire", "IBE": "Identifiant du bénéficiaire",
	"NPO": "Payeur final", "IPO": "Identifiant du payeur final", "NBU": "Bénéficiaire final", "IBU": "Identifiant du bénéficiaire final",
	"RCN": "Référence client", "REF": "Référence de la remise", "MMO": "Montant d'origine",
	"CBE": "Compte du bénéficiaire", "RUM": "Mandat", "CPY": "Compte débiteur",
}

// complement adds an 05 record (qualifier 46-48, information 49-118) to
// the movement it follows. Everything is kept as a detail; NPY (payer's
// name) and NBE (beneficiary's name) also give the counterparty's name, the
// payer for a credit and the beneficiary for a debit; RCN (client-to-client
// reference, 49-83) gives the end-to-end reference; CPY/CBE (the payer's or
// beneficiary's account, 49-83) give its IBAN when it is one.
func complement(l *bankfile.Line, rec record) {
	q := strings.TrimSpace(rec.field(46, 48))
	info := clean(rec.field(49, 118))
	if info == "" {
		return // a blank complement says nothing
	}
	credit := l.Amount >= 0
	switch q {
	case "NPY", "NBE":
		if l.Counterparty.Name == "" || (q == "NPY") == credit {
			l.Counterparty.Name = info
		}
	case "RCN":
		if ref := clean(rec.field(49, 83)); ref != "NOTPROVIDED" {
			l.EndToEnd = ref
		}
	case "CPY", "CBE":
		if iban := compactIBAN(rec.field(49, 83)); iban != "" && (l.Counterparty.IBAN == "" || (q == "CPY") == credit) {
			l.Counterparty.IBAN = iban
		}
	}
	name, known := qualifiers[q]
	switch {
	case known && name == "":
	case known:
		info = name + " : " + info
	case clean(q) != "":
		info = clean(q) + " " + info
	}
	l.Details = append(l.Details, info)
}

// compactIBAN returns s without blanks, upper case, when it has the shape
// of an IBAN (two letters, two digits, up to 30 letters and digits); ""
// otherwise. The check digits are the matching's business.
func compactIBAN(s string) string {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if len(s) < 15 || len(s) > 34 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter, digit := c >= 'A' && c <= 'Z', c >= '0' && c <= '9'
		if (i < 2 && !letter) || (i >= 2 && i < 4 && !digit) || (!letter && !digit) {
			return ""
		}
	}
	return s
}
