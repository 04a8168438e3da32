package camt

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"time"

	"tantieme/bankfile"
)

// Write writes statements as one camt.053.001.02 message (BkToCstmrStmt),
// valid against the ISO 20022 schema: one Stmt per statement, its stated
// balances as OPBD and CLBD, one booked Ntry per line with one TxDtls for
// its references, counterparty and texts. Texts longer than the schema
// allows are cut. A statement must be in euros and state at least one
// balance (the schema asks for one Bal at least; Write does not make one
// up).
func Write(w io.Writer, st []bankfile.Statement) error {
	for i, s := range st {
		if s.Opening == nil && s.Closing == nil {
			return fmt.Errorf("camt.053 : le relevé n° %d (%s) n'a aucun solde, le format en demande au moins un", i+1, s.Account)
		}
	}
	return writeMessage(w, msg053, st)
}

// kindOut is what differs between the two messages written: the
// namespace, the body and item elements, whether balances are written.
type kindOut struct {
	name, ns, body, item string
	balances             bool
}

var msg053 = kindOut{name: "camt.053", ns: "camt.053.001.02", body: stmtBody, item: "Stmt", balances: true}

// writeMessage writes the whole message: the group header, then one item
// (Stmt or Ntfctn) per statement, whose children AccountStatement2 and
// AccountNotification2 order alike (Id, CreDtTm, FrToDt, Acct, [Bal], Ntry).
func writeMessage(w io.Writer, k kindOut, st []bankfile.Statement) error {
	if len(st) == 0 {
		return errors.New(k.name + " : aucun relevé à écrire")
	}
	for i, s := range st {
		if s.Currency != "" && s.Currency != "EUR" {
			return fmt.Errorf("%s : le relevé n° %d est en %s, seuls les relevés en euros s'écrivent", k.name, i+1, s.Currency)
		}
	}
	x := &writer{w: bufio.NewWriter(w)}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.open(`Document xmlns="` + nsPrefix + k.ns + `"`)
	x.open(k.body)
	x.open("GrpHdr")
	x.text("MsgId", 35, "TANTIEME-"+firstDay(st[len(st)-1]).Format("20060102"))
	x.text("CreDtTm", 0, dateTime(firstDay(st[len(st)-1])))
	x.close("GrpHdr")
	for i, s := range st {
		x.statement(k, i, s)
	}
	x.close(k.body)
	x.close("Document")
	if x.err != nil {
		return x.err
	}
	return x.w.Flush()
}

func (x *writer) statement(k kindOut, i int, s bankfile.Statement) {
	x.open(k.item)
	id := s.ID
	if clean(id) == "" {
		id = "RELEVE-" + strconv.Itoa(i+1)
	}
	x.text("Id", 35, id)
	x.text("CreDtTm", 0, dateTime(firstDay(s)))
	if !s.From.IsZero() && !s.To.IsZero() {
		x.open("FrToDt")
		x.text("FrDtTm", 0, s.From.Format("2006-01-02")+"T00:00:00")
		x.text("ToDtTm", 0, s.To.Format("2006-01-02")+"T23:59:59")
		x.close("FrToDt")
	}
	x.open("Acct")
	x.accountID(s.Account.IBAN, firstOf(s.Account.Number, s.Account.Bank+s.Account.Branch))
	x.text("Ccy", 0, "EUR")
	if clean(s.Account.Name) != "" {
		x.open("Ownr")
		x.text("Nm", 140, s.Account.Name)
		x.close("Ownr")
	}
	if bicRe.MatchString(s.Account.BIC) {
		x.open("Svcr")
		x.open("FinInstnId")
		x.text("BIC", 0, s.Account.BIC)
		x.close("FinInstnId")
		x.close("Svcr")
	}
	x.close("Acct")
	if k.balances {
		x.balance("OPBD", s.Opening, s)
		x.balance("CLBD", s.Closing, s)
	}
	for _, l := range s.Lines {
		x.entry(l)
	}
	x.close(k.item)
}

func (x *writer) balance(code string, b *bankfile.Balance, s bankfile.Statement) {
	if b == nil {
		return
	}
	d := b.Date
	if d.IsZero() {
		d = firstDay(s)
	}
	x.open("Bal")
	x.open("Tp")
	x.open("CdOrPrtry")
	x.text("Cd", 0, code)
	x.close("CdOrPrtry")
	x.close("Tp")
	x.amount(b.Amount)
	x.open("Dt")
	x.text("Dt", 0, d.Format("2006-01-02"))
	x.close("Dt")
	x.close("Bal")
}

func (x *writer) entry(l bankfile.Line) {
	x.open("Ntry")
	x.amount(l.Amount)
	x.text("Sts", 0, "BOOK")
	x.date("BookgDt", l.Date)
	x.date("ValDt", l.ValueDate)
	x.text("AcctSvcrRef", 35, l.Reference)
	x.open("BkTxCd")
	if m := domainRe.FindStringSubmatch(l.Code); m != nil {
		x.open("Domn")
		x.text("Cd", 0, m[1])
		x.open("Fmly")
		x.text("Cd", 0, m[2])
		x.text("SubFmlyCd", 0, m[3])
		x.close("Fmly")
		x.close("Domn")
	} else if clean(l.Code) != "" {
		x.open("Prtry")
		x.text("Cd", 35, l.Code)
		x.close("Prtry")
	}
	x.close("BkTxCd")
	x.open("NtryDtls")
	x.open("TxDtls")
	if clean(l.EndToEnd) != "" || clean(l.Check) != "" {
		x.open("Refs")
		x.text("EndToEndId", 35, l.EndToEnd)
		x.text("ChqNb", 35, l.Check)
		x.close("Refs")
	}
	// A credit was paid by the counterparty (debtor), a debit paid to it
	// (creditor): the same rule the reader follows.
	p := l.Counterparty
	role := "Dbtr"
	if l.Amount < 0 {
		role = "Cdtr"
	}
	if clean(p.Name) != "" || ibanRe.MatchString(p.IBAN) {
		x.open("RltdPties")
		if clean(p.Name) != "" {
			x.open(role)
			x.text("Nm", 140, p.Name)
			x.close(role)
		}
		if ibanRe.MatchString(p.IBAN) {
			x.open(role + "Acct")
			x.accountID(p.IBAN, "")
			x.close(role + "Acct")
		}
		x.close("RltdPties")
	}
	if bicRe.MatchString(p.BIC) {
		x.open("RltdAgts")
		x.open(role + "Agt")
		x.open("FinInstnId")
		x.text("BIC", 0, p.BIC)
		x.close("FinInstnId")
		x.close(role + "Agt")
		x.close("RltdAgts")
	}
	var ustrd []string
	for _, d := range l.Details {
		if clean(d) != "" {
			ustrd = append(ustrd, d)
		}
	}
	if len(ustrd) > 0 {
		x.open("RmtInf")
		for _, d := range ustrd {
			x.text("Ustrd", 140, d)
		}
		x.close("RmtInf")
	}
	x.writeReturn(l.Return)
	x.close("TxDtls")
	x.close("NtryDtls")
	x.text("AddtlNtryInf", 500, l.Label)
	x.close("Ntry")
}

// Patterns of the schema's IBAN2007Identifier and BICIdentifier; the
// domain code is the reader's "PMNT/RCDT/ESCT".
var (
	ibanRe   = regexp.MustCompile(`^[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}$`)
	bicRe    = regexp.MustCompile(`^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$`)
	domainRe = regexp.MustCompile(`^([A-Z]{4})/([A-Z]{4})/([A-Z]{4})$`)
)

func (x *writer) accountID(iban, other string) {
	x.open("Id")
	if ibanRe.MatchString(iban) {
		x.text("IBAN", 0, iban)
	} else {
		if clean(other) == "" {
			other = firstOf(iban, "INCONNU")
		}
		x.open("Othr")
		x.text("Id", 34, other)
		x.close("Othr")
	}
	x.close("Id")
}

func (x *writer) amount(c int64) {
	ind := "CRDT"
	if c < 0 {
		ind, c = "DBIT", -c
	}
	x.raw(fmt.Sprintf(`<Amt Ccy="EUR">%d.%02d</Amt>`, c/100, c%100))
	x.text("CdtDbtInd", 0, ind)
}

func (x *writer) date(tag string, d time.Time) {
	if d.IsZero() {
		return
	}
	x.open(tag)
	x.text("Dt", 0, d.Format("2006-01-02"))
	x.close(tag)
}

// firstDay is the date the statement is written for, when one is needed
// and the statement gives none of its own.
func firstDay(s bankfile.Statement) time.Time {
	for _, d := range []time.Time{s.To, s.From} {
		if !d.IsZero() {
			return d
		}
	}
	for _, b := range []*bankfile.Balance{s.Closing, s.Opening} {
		if b != nil && !b.Date.IsZero() {
			return b.Date
		}
	}
	if len(s.Lines) > 0 && !s.Lines[len(s.Lines)-1].Date.IsZero() {
		return s.Lines[len(s.Lines)-1].Date
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

func dateTime(d time.Time) string { return d.Format("2006-01-02") + "T00:00:00" }

func firstOf(s ...string) string {
	for _, v := range s {
		if clean(v) != "" {
			return v
		}
	}
	return ""
}

// writer writes the elements in the schema's order; the first error stays.
type writer struct {
	w   *bufio.Writer
	err error
}

func (x *writer) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

func (x *writer) open(tag string)  { x.raw("<" + tag + ">") }
func (x *writer) close(tag string) { x.raw("</" + tag + ">\n") }

// text writes <tag>s</tag>, s cleaned and cut to max characters (0: no
// limit), nothing when s is empty: the schema's texts are at least one
// character long.
func (x *writer) text(tag string, max int, s string) {
	s = clean(s)
	if s == "" {
		return
	}
	if r := []rune(s); max > 0 && len(r) > max {
		s = clean(string(r[:max]))
	}
	x.open(tag)
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
	x.close(tag)
}
