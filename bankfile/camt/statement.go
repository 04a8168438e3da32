package camt

import (
	"encoding/xml"
	"fmt"
	"strings"

	"tantieme/bankfile"
)

// statement reads one Stmt or Ntfctn, its children one at a time.
func (p *parser) statement() error {
	where := fmt.Sprintf("élément %s n° %d", p.msg.item(), p.nStmt)
	st := bankfile.Statement{Format: p.msg.format(), Currency: "EUR", Where: where}
	bals := map[string]*bankfile.Balance{}
	hasAcct := false
	for {
		t, err := p.d.Token()
		if err != nil {
			return p.xmlError(err)
		}
		if _, ok := t.(xml.EndElement); ok {
			break
		}
		start, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch start.Name.Local {
		case "Id":
			var s string
			if err := p.d.DecodeElement(&s, &start); err != nil {
				return p.xmlError(err)
			}
			st.ID = clean(s)
		case "FrToDt":
			var fr period
			if err := p.d.DecodeElement(&fr, &start); err != nil {
				return p.xmlError(err)
			}
			var msg string
			if st.From, msg = readDate(fr.FrDtTm); msg != "" {
				return p.fail(where, "début de période (FrToDt/FrDtTm) : "+msg)
			}
			if st.To, msg = readDate(fr.ToDtTm); msg != "" {
				return p.fail(where, "fin de période (FrToDt/ToDtTm) : "+msg)
			}
		case "Acct":
			var a stmtAccount
			if err := p.d.DecodeElement(&a, &start); err != nil {
				return p.xmlError(err)
			}
			hasAcct = true
			st.Account = bankfile.Account{IBAN: compact(a.ID.IBAN), Number: clean(a.ID.Othr.ID),
				BIC: compact(a.Svcr.bic()), Name: clean(a.Ownr.Nm)}
			if c := clean(a.Ccy); c != "" && c != "EUR" {
				return p.fail(where, fmt.Sprintf("le compte %s est tenu en %s (Acct/Ccy) : seuls les comptes en euros sont lus", st.Account, c))
			}
		case "Bal":
			p.nBal++
			var b balance
			if err := p.d.DecodeElement(&b, &start); err != nil {
				return p.xmlError(err)
			}
			code, bal, msg := readBalance(b)
			if msg != "" {
				return p.fail(fmt.Sprintf("élément Bal n° %d", p.nBal), msg)
			}
			if bals[code] == nil {
				bals[code] = bal
			}
		case "Ntry":
			p.nNtry++
			var e entry
			if err := p.d.DecodeElement(&e, &start); err != nil {
				return p.xmlError(err)
			}
			lines, msg := p.entryLines(&e)
			if msg != "" {
				return p.fail(fmt.Sprintf("élément Ntry n° %d", p.nNtry), msg)
			}
			if p.lines += len(lines); p.lines > bankfile.MaxLines {
				return p.fail(fmt.Sprintf("élément Ntry n° %d", p.nNtry),
					fmt.Sprintf("trop de mouvements dans un seul fichier (plus de %d)", bankfile.MaxLines))
			}
			st.Lines = append(st.Lines, lines...)
		default:
			if err := p.d.Skip(); err != nil {
				return p.xmlError(err)
			}
		}
	}
	if !hasAcct {
		return p.fail(where, "le compte du relevé (Acct) n'est pas indiqué")
	}
	if st.Account.IBAN == "" && st.Account.Number == "" {
		return p.fail(where, "le compte du relevé (Acct/Id) n'a ni IBAN ni autre identifiant")
	}
	// See the package comment for the order of preference.
	st.Opening = first(bals, "OPBD", "PRCD", "OPAV")
	st.Closing = first(bals, "CLBD", "CLAV")
	p.out = append(p.out, st)
	return nil
}

func first(bals map[string]*bankfile.Balance, codes ...string) *bankfile.Balance {
	for _, c := range codes {
		if b := bals[c]; b != nil {
			return b
		}
	}
	return nil
}

// readBalance reads one Bal: its type code, its signed amount and date.
func readBalance(b balance) (string, *bankfile.Balance, string) {
	code := strings.ToUpper(clean(b.Tp.CdOrPrtry.Cd))
	if b.Amt == nil {
		return "", nil, "solde sans montant (Amt)"
	}
	if msg := euros(b.Amt, "Bal/Amt"); msg != "" {
		return "", nil, msg
	}
	c, msg := readAmount(b.Amt.Value)
	if msg == "" {
		c, msg = sign(c, b.CdtDbtInd)
	}
	if msg != "" {
		return "", nil, "solde " + code + " : " + msg
	}
	if b.Dt == nil {
		return "", nil, "solde " + code + " sans date (Dt)"
	}
	d, msg := b.Dt.date()
	if msg != "" {
		return "", nil, "solde " + code + " : " + msg
	}
	return code, &bankfile.Balance{Date: d, Amount: c}, ""
}

// euros refuses an amount in another currency than the euro: the books are
// kept in euros and a converted amount would be a guess.
func euros(a *amount, elem string) string {
	if c := clean(a.Ccy); c != "" && c != "EUR" {
		return fmt.Sprintf("montant en %s (%s Ccy=\"%s\") : seuls les montants en euros sont lus", c, elem, c)
	}
	return ""
}
