package ofx

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"

	"tantieme/bankfile"
)

// Write writes statements as an OFX 1.0.2 file the way French banks do
// (the Crédit Mutuel and Banque Populaire exports): the SGML header with
// CHARSET:1252, leaf elements not closed, aggregates closed, CRLF line ends
// (OFX 1.0.2 §2.2: the header lines end with CRLF). It serves the tests
// that need a bank's file, and any tool that must hand one to a program.
//
// What OFX cannot say is lost: the opening balance (LEDGERBAL is the
// closing one), a line's counterparty and end-to-end reference, and
// Details beyond the single MEMO (they are joined with " "). Texts are
// written in Windows-1252, a character it lacks as '?'. A line without a
// Reference is written without FITID (required by the spec, but a reader
// of ours needs none); NAME is written whole although the spec gives it 32
// characters (banks write longer ones and readers keep them).
func Write(w io.Writer, sts []bankfile.Statement) error {
	return write(w, sts, false)
}

// write writes the file in OFX 1.0.2 SGML, or in OFX 2 XML when xmlForm:
// the same aggregates either way (OFX 2.1.1 §2.3 keeps the 1.x element
// set), only the syntax and the character set differ.
func write(w io.Writer, sts []bankfile.Statement, xmlForm bool) error {
	b := bufio.NewWriter(w)
	var server time.Time
	for _, st := range sts {
		if st.Currency != "" && st.Currency != "EUR" {
			return fmt.Errorf("ofx.Write : relevé en %q, seuls les relevés en euros s'écrivent", st.Currency)
		}
		for _, t := range []time.Time{st.To, st.From} {
			server = later(server, t)
		}
		if st.Closing != nil {
			server = later(server, st.Closing.Date)
		}
		if st.Account.IBAN == "" && st.Account.Number == "" {
			return fmt.Errorf("ofx.Write : un relevé sans IBAN ni numéro de compte")
		}
		for i, l := range st.Lines {
			if l.Date.IsZero() {
				return fmt.Errorf("ofx.Write : compte %s, opération %d sans date", st.Account, i+1)
			}
			server = later(server, l.Date)
		}
	}
	if server.IsZero() {
		server = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	e := &ofxWriter{w: b, xml: xmlForm}
	if xmlForm {
		e.raw(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>`,
			`<?OFX OFXHEADER="200" VERSION="200" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>`)
	} else {
		e.raw("OFXHEADER:100", "DATA:OFXSGML", "VERSION:102", "SECURITY:NONE", "ENCODING:USASCII",
			"CHARSET:1252", "COMPRESSION:NONE", "OLDFILEUID:NONE", "NEWFILEUID:NONE", "")
	}
	e.open("OFX")
	e.open("SIGNONMSGSRSV1")
	e.open("SONRS")
	e.status()
	e.leaf("DTSERVER", day(server)+"000000")
	e.leaf("LANGUAGE", "FRA")
	e.close("SONRS")
	e.close("SIGNONMSGSRSV1")
	e.open("BANKMSGSRSV1")
	for i, st := range sts {
		e.open("STMTTRNRS")
		e.leaf("TRNUID", strconv.Itoa(i+1))
		e.status()
		e.open("STMTRS")
		e.leaf("CURDEF", "EUR")
		e.account(st.Account)
		e.open("BANKTRANLIST")
		e.date("DTSTART", st.From)
		e.date("DTEND", st.To)
		for _, l := range st.Lines {
			e.line(l)
		}
		e.close("BANKTRANLIST")
		if c := st.Closing; c != nil {
			e.open("LEDGERBAL")
			e.leaf("BALAMT", decimal(c.Amount))
			e.date("DTASOF", c.Date)
			e.close("LEDGERBAL")
		}
		e.close("STMTRS")
		e.close("STMTTRNRS")
	}
	e.close("BANKMSGSRSV1")
	e.close("OFX")
	if e.err != nil {
		return e.err
	}
	return b.Flush()
}

type ofxWriter struct {
	w   *bufio.Writer
	xml bool // OFX 2 XML: leaves closed, texts in UTF-8
	err error
}

func (e *ofxWriter) raw(lines ...string) {
	for _, l := range lines {
		if e.err == nil {
			_, e.err = e.w.WriteString(l + "\r\n")
		}
	}
}

func (e *ofxWriter) open(tag string)  { e.raw("<" + tag + ">") }
func (e *ofxWriter) close(tag string) { e.raw("</" + tag + ">") }

// leaf writes an element with its value, unclosed as OFX 1.x allows,
// closed as XML requires in OFX 2; an empty value is not written (an
// empty leaf would read as an aggregate).
func (e *ofxWriter) leaf(tag, v string) {
	switch {
	case v == "":
	case e.xml:
		e.raw("<" + tag + ">" + v + "</" + tag + ">")
	default:
		e.raw("<" + tag + ">" + v)
	}
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// text writes a free text: one line, special characters escaped (OFX
// 1.0.2 §2.3.2.1), in Windows-1252 (in UTF-8 in OFX 2).
func (e *ofxWriter) text(tag, v string) {
	v = clean(v)
	v = escaper.Replace(v)
	if e.xml {
		e.leaf(tag, v)
		return
	}
	enc := charmap.Windows1252.NewEncoder()
	var b strings.Builder
	for _, r := range v {
		if s, err := enc.String(string(r)); err == nil {
			b.WriteString(s)
		} else {
			b.WriteByte('?')
		}
	}
	e.leaf(tag, b.String())
}

func (e *ofxWriter) date(tag string, t time.Time) {
	if !t.IsZero() {
		e.leaf(tag, day(t))
	}
}

func (e *ofxWriter) status() {
	e.open("STATUS")
	e.leaf("CODE", "0")
	e.leaf("SEVERITY", "INFO")
	e.close("STATUS")
}

// account writes BANKACCTFROM: the RIB when known, as French banks do (the
// account number in ACCTID), else the IBAN in ACCTID.
func (e *ofxWriter) account(a bankfile.Account) {
	e.open("BANKACCTFROM")
	id := a.Number
	if id == "" || a.IBAN != "" {
		id = a.IBAN
	}
	bank := a.Bank
	if bank == "" {
		bank = "0" // BANKID is required (§11.3.1); "0" says unknown.
	}
	e.text("BANKID", bank)
	if id != a.IBAN {
		e.text("BRANCHID", a.Branch)
	}
	e.text("ACCTID", id)
	e.leaf("ACCTTYPE", "CHECKING")
	e.close("BANKACCTFROM")
}

// trnTypes are the TRNTYPE values of OFX 1.0.2 §11.4.2.3.1.1.
var trnTypes = set("CREDIT", "DEBIT", "INT", "DIV", "FEE", "SRVCHG", "DEP", "ATM", "POS", "XFER",
	"CHECK", "PAYMENT", "CASH", "DIRECTDEP", "DIRECTDEBIT", "REPEATPMT", "OTHER")

func (e *ofxWriter) line(l bankfile.Line) {
	e.open("STMTTRN")
	code := l.Code
	if !trnTypes[code] {
		code = "CREDIT"
		if l.Amount < 0 {
			code = "DEBIT"
		}
	}
	e.leaf("TRNTYPE", code)
	e.date("DTPOSTED", l.Date)
	e.date("DTUSER", l.ValueDate)
	e.leaf("TRNAMT", decimal(l.Amount))
	e.text("FITID", l.Reference)
	e.text("CHECKNUM", l.Check)
	e.text("NAME", l.Label)
	e.text("MEMO", strings.Join(l.Details, " "))
	e.close("STMTTRN")
}

func day(t time.Time) string { return t.Format("20060102") }

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// decimal writes signed cents as OFX writes amounts: "-13.50".
func decimal(c int64) string {
	sign := ""
	u := uint64(c)
	if c < 0 {
		sign, u = "-", uint64(-c)
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}
