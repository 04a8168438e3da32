package cfonb

import (
	"fmt"
	"strconv"
	"strings"

	"tantieme/bankfile"
	"tantieme/internal/fr"
)

const format240 = "CFONB 240"

// parser240 follows the sequences of a CFONB 240 file: a 31 (header) names
// the customer's account, 34 (details) are its operations, a 39 (total)
// closes the sequence with the sum of the details' amounts. One Statement
// per sequence; the format has no balances.
type parser240 struct {
	name   string
	out    []bankfile.Statement
	cur    *bankfile.Statement
	open   int    // line of the 31
	number string // the customer's account number (32-42 of the 31)
	dec    int    // decimals of the sequence's amounts: 2 for euros
	sum    int64  // unsigned sum of the details' amounts, in cents
	lines  int
}

func parse240(name string, data []byte) ([]bankfile.Statement, error) {
	p := &parser240{name: name}
	if err := eachRecord(name, data, p.record); err != nil {
		return nil, err
	}
	if p.cur != nil {
		return nil, p.fail(p.cur.Where, "fichier tronqué : la séquence ouverte à cette ligne (en-tête, 31) n'est pas close par un total (39)")
	}
	if len(p.out) == 0 {
		return nil, p.fail("", "le fichier ne contient aucune séquence CFONB 240")
	}
	return p.out, nil
}

func (p *parser240) fail(where, msg string) error {
	return &bankfile.Error{File: p.name, Where: where, Msg: msg}
}

func (p *parser240) record(rec record) error {
	if n := len(rec.r); n != 240 {
		if n < 240 {
			return p.fail(rec.where(), fmt.Sprintf("enregistrement tronqué : %d caractères au lieu de 240", n))
		}
		return p.fail(rec.where(), fmt.Sprintf("enregistrement de %d caractères au lieu de 240", n))
	}
	code := rec.field(1, 2)
	switch code {
	case "31", "34", "39":
	default:
		return p.fail(rec.where(), "code d'enregistrement « "+clean(code)+" » inconnu (attendu 31, 34 ou 39)")
	}
	if !digits(rec.field(3, 8)) {
		return p.fail(rec.where(), "numéro séquentiel « "+clean(rec.field(3, 8))+" » illisible (six chiffres attendus en positions 3 à 8)")
	}
	if code == "31" {
		return p.header(rec)
	}
	if p.cur == nil {
		what := map[string]string{"34": "une opération (34)", "39": "un total (39)"}[code]
		return p.fail(rec.where(), what+" hors d'une séquence : il manque l'en-tête (31) qui l'ouvre")
	}
	if code == "34" {
		return p.detail(rec)
	}
	return p.total(rec)
}

// currency reads the currency index (17: « E » for euro) or, when it is
// blank, the currency zone 18-21 (one digit of decimals and an ISO code),
// as §2 of the brochure allows. Only euros are accepted.
func currency(rec record) (int, string) {
	switch idx := rec.field(17, 17); idx {
	case "E":
		return 2, ""
	case " ":
		z := rec.field(18, 21)
		if z[1:] != "EUR" {
			return 0, "opérations en « " + clean(z[1:]) + " » : seuls les comptes en euros (EUR) sont acceptés"
		}
		if !digits(z[:1]) {
			return 0, "nombre de décimales « " + clean(z[:1]) + " » illisible en position 18"
		}
		return int(z[0] - '0'), ""
	default:
		return 0, "indice monnaie « " + clean(idx) + " » : seuls les comptes en euros (« E ») sont acceptés"
	}
}

// header reads a 31: customer's bank 22-26, branch 27-31, account 32-42,
// name 43-66.
func (p *parser240) header(rec record) error {
	if p.cur != nil {
		return p.fail(rec.where(), fmt.Sprintf("nouvel en-tête (31) alors que la séquence ouverte ligne %d n'est pas close par un total (39)", p.open))
	}
	dec, msg := currency(rec)
	if msg != "" {
		return p.fail(rec.where(), msg)
	}
	acct := bankfile.Account{Bank: clean(rec.field(22, 26)), Branch: clean(rec.field(27, 31)),
		Number: clean(rec.field(32, 42)), Name: clean(rec.field(43, 66))}
	if acct.Number == "" {
		return p.fail(rec.where(), "numéro de compte absent (positions 32 à 42)")
	}
	p.cur = &bankfile.Statement{Format: format240, Account: acct, Currency: "EUR", Where: rec.where()}
	p.open, p.number, p.dec, p.sum = rec.n, rec.field(32, 42), dec, 0
	return nil
}

// amount240 reads an unsigned amount at 229-240, in the sequence's
// decimals (cents for euros).
func amount240(rec record, dec int) (int64, string) {
	z := rec.field(229, 240)
	if !digits(z) {
		return 0, "montant « " + clean(z) + " » illisible (12 chiffres attendus en positions 229 à 240)"
	}
	v, _ := strconv.ParseInt(z, 10, 64)
	v, ok := toCents(v, dec)
	if !ok {
		return 0, "montant « " + z + " » plus fin que le centime"
	}
	if v > maxAmount {
		return 0, "montant « " + z + " » démesuré pour un compte de copropriété"
	}
	return v, ""
}

// detail reads a 34 by the layout its operation code gives it.
func (p *parser240) detail(rec record) error {
	code := rec.field(9, 10)
	op, ok := ops240[code]
	if !ok {
		return p.fail(rec.where(), "code opération « "+clean(code)+" » inconnu")
	}
	if p.lines >= bankfile.MaxLines {
		return p.fail(rec.where(), "trop d'opérations dans un seul fichier (plus de "+strconv.Itoa(bankfile.MaxLines)+")")
	}
	p.lines++
	d, ok := date(rec.field(11, 16), false)
	if !ok {
		return p.fail(rec.where(), "date de règlement « "+clean(rec.field(11, 16))+" » inexistante ou illisible (JJMMAA attendu en positions 11 à 16)")
	}
	dec := p.dec
	if op.layout == layoutTransfer || op.layout == layoutReject {
		// A detail may state its own currency (§2); the cheques' layouts
		// have other data at 17-21 and use the header's.
		var msg string
		if dec, msg = currency(rec); msg != "" {
			return p.fail(rec.where(), msg)
		}
	}
	amt, msg := amount240(rec, dec)
	if msg != "" {
		return p.fail(rec.where(), msg)
	}
	p.sum += amt
	l := bankfile.Line{Date: d, Amount: int64(op.sign) * amt, Code: code, Where: rec.where()}
	var mine string // the customer's account number as this layout states it
	switch op.layout {
	case layoutCheque:
		mine = rec.field(28, 38)
		l.Check, l.Reference = clean(rec.field(63, 69)), clean(rec.field(70, 93))
		l.Label = op.name
		if l.Check != "" {
			l.Label += " n° " + l.Check
		}
		if s := clean(rec.field(94, 147)); s != "" {
			l.Details = append(l.Details, s)
		}
	case layoutChequeReject:
		mine = rec.field(32, 42)
		l.Check, l.Reference = clean(rec.field(64, 70)), clean(rec.field(95, 118))
		l.Label = op.name
		if l.Check != "" {
			l.Label += " n° " + l.Check
		}
		if s := clean(rec.field(150, 180)); s != "" {
			l.Details = append(l.Details, "Référence de paiement : "+s)
		}
	default:
		// The customer is the side whose account is the header's; the
		// other side is the counterparty.
		other := 78
		if rec.field(32, 42) != p.number {
			mine, other = rec.field(88, 98), 22
		} else {
			mine = rec.field(32, 42)
		}
		l.Counterparty.Name = clean(rec.field(other+21, other+44))
		l.Counterparty.IBAN = ribIBAN(rec.field(other, other+4), rec.field(other+5, other+9), rec.field(other+10, other+20))
		if rib := clean(rec.field(other, other+20)); rib != "" {
			// A part of the RIB may be blank: the parts present, one
			// space apart, never a trailing one.
			parts := strings.Fields(clean(rec.field(other, other+4)) + " " + clean(rec.field(other+5, other+9)) + " " + clean(rec.field(other+10, other+20)))
			l.Details = append(l.Details, "RIB de la contrepartie : "+strings.Join(parts, " "))
		}
		l.Reference = clean(rec.field(123, 128))
		l1, l2 := rec.field(153, 184), rec.field(185, 216)
		if op.layout == layoutReject {
			l1, l2 = rec.field(153, 183), rec.field(184, 214)
		}
		l.Label = clean(l1)
		if l.Label == "" {
			l.Label = op.name
		}
		if s := clean(l2); s != "" {
			l.Details = append(l.Details, s)
		}
	}
	if mine != p.number {
		return p.fail(rec.where(), fmt.Sprintf("l'opération ne porte pas sur le compte n° %s de la séquence ouverte ligne %d", clean(p.number), p.open))
	}
	if op.sign == 0 {
		return nil // a notice (amount zero by the brochure): no money moves
	}
	p.cur.Lines = append(p.cur.Lines, l)
	if p.cur.From.IsZero() || d.Before(p.cur.From) {
		p.cur.From = d
	}
	if d.After(p.cur.To) {
		p.cur.To = d
	}
	return nil
}

// total reads a 39 and checks its amount (229-240) against the details:
// the brochure (§2) makes it the arithmetic sum of the details' amounts, so
// a difference means an operation is missing or was misread.
func (p *parser240) total(rec record) error {
	if rec.field(32, 42) != p.number {
		return p.fail(rec.where(), fmt.Sprintf("le total porte sur le compte n° %s et non sur le compte n° %s de la séquence ouverte ligne %d",
			clean(rec.field(32, 42)), clean(p.number), p.open))
	}
	amt, msg := amount240(rec, p.dec)
	if msg != "" {
		return p.fail(rec.where(), msg)
	}
	if amt != p.sum {
		return p.fail(rec.where(), fmt.Sprintf("le total de la séquence annonce %s mais les opérations de la séquence ouverte ligne %d font %s (écart de %s) : une opération manque ou est mal lue",
			fr.Euros(amt), p.open, fr.Euros(p.sum), fr.Euros(amt-p.sum)))
	}
	p.out = append(p.out, *p.cur)
	p.cur = nil
	return nil
}
