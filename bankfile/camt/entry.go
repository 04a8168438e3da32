package camt

import (
	"fmt"

	"tantieme/bankfile"
	"tantieme/internal/fr"
)

// entryLines turns one Ntry into its lines: none when it is not booked, one
// per TxDtls for a batch whose transactions carry their amounts, else one.
func (p *parser) entryLines(e *entry) ([]bankfile.Line, string) {
	switch s := e.status(); s {
	case "BOOK":
	case "PDNG", "INFO", "FUTR":
		p.skipped++
		return nil, ""
	case "":
		return nil, "statut du mouvement (Sts) absent"
	default:
		return nil, "statut du mouvement « " + s + " » inconnu (BOOK, PDNG, INFO ou FUTR attendu)"
	}
	if e.Amt == nil {
		return nil, "mouvement sans montant (Amt)"
	}
	if msg := euros(e.Amt, "Ntry/Amt"); msg != "" {
		return nil, msg
	}
	c, msg := readAmount(e.Amt.Value)
	if msg == "" {
		c, msg = sign(c, e.CdtDbtInd)
	}
	if msg != "" {
		return nil, msg
	}
	date, msg := e.BookgDt.date()
	if msg != "" {
		return nil, "date de comptabilisation (BookgDt) : " + msg
	}
	value, msg := e.ValDt.date()
	if msg != "" {
		return nil, "date de valeur (ValDt) : " + msg
	}
	if date.IsZero() {
		// BookgDt is optional in the schema; a booked entry without it is
		// dated by its value date rather than refused.
		if date = value; date.IsZero() {
			return nil, "mouvement sans date de comptabilisation (BookgDt) ni date de valeur (ValDt)"
		}
	}
	base := bankfile.Line{Date: date, ValueDate: value, Amount: c, Reference: clean(e.AcctSvcrRef),
		Code: e.BkTxCd.code(), Where: fmt.Sprintf("élément Ntry n° %d", p.nNtry)}
	var txs []*txDetails
	for i := range e.NtryDtls {
		for j := range e.NtryDtls[i].TxDtls {
			txs = append(txs, &e.NtryDtls[i].TxDtls[j])
		}
	}
	if len(txs) >= 2 && allHaveAmounts(txs) {
		return p.batch(base, txs, e)
	}
	return []bankfile.Line{single(base, txs, clean(e.AddtlNtryInf))}, ""
}

func txAmount(t *txDetails) *amount {
	if t.Amt != nil {
		return t.Amt
	}
	return t.AmtDtls.TxAmt.Amt
}

// allHaveAmounts says whether a batch can be split: every transaction has
// an amount in euros. A transaction amount in another currency is the
// amount as ordered (ISO 20022 TxAmt), not what the account booked: the
// entry's own amount, in euros, then stays one line.
func allHaveAmounts(txs []*txDetails) bool {
	for _, t := range txs {
		a := txAmount(t)
		if a == nil || euros(a, "") != "" {
			return false
		}
	}
	return true
}

// batch gives one line per transaction of a batch entry; they must add up
// to what the entry booked, or one of them was read wrong.
func (p *parser) batch(base bankfile.Line, txs []*txDetails, e *entry) ([]bankfile.Line, string) {
	lines := make([]bankfile.Line, 0, len(txs))
	var sum int64
	for i, t := range txs {
		c, msg := readAmount(txAmount(t).Value)
		if msg == "" {
			ind := t.CdtDbtInd // .08 gives each transaction its direction
			if ind == "" {
				ind = e.CdtDbtInd
			}
			c, msg = sign(c, ind)
		}
		if msg != "" {
			return nil, fmt.Sprintf("TxDtls n° %d : %s", i+1, msg)
		}
		sum += c
		l := base
		l.Amount = c
		l.Where = fmt.Sprintf("%s, TxDtls n° %d", base.Where, i+1)
		if r := clean(t.Refs.AcctSvcrRef); r != "" {
			l.Reference = r
		}
		if k := t.BkTxCd.code(); k != "" {
			l.Code = k
		}
		lines = append(lines, single(l, []*txDetails{t}, ""))
	}
	if sum != base.Amount {
		return nil, fmt.Sprintf("les %d transactions du lot (TxDtls) totalisent %s, mais le mouvement annonce %s",
			len(txs), fr.Euros(sum), fr.Euros(base.Amount))
	}
	return lines, ""
}

// single fills one line from the texts of its transactions (none, one, or
// several without amounts, whose texts are joined).
func single(l bankfile.Line, txs []*txDetails, label string) bankfile.Line {
	var e2e, chq []string
	var names []bankfile.Party
	for _, t := range txs {
		l.Details = append(l.Details, details(t)...)
		if s := clean(t.Refs.EndToEndID); s != "" && s != "NOTPROVIDED" {
			e2e = append(e2e, s)
		}
		if s := clean(t.Refs.ChqNb); s != "" {
			chq = append(chq, s)
		}
		if pt := counterparty(t, l.Amount); pt != (bankfile.Party{}) {
			names = append(names, pt)
		}
		if label == "" && len(txs) == 1 {
			label = clean(t.AddtlTxInf)
		}
	}
	// A reference or a party that differs between the joined transactions
	// says nothing of the line as a whole: it is left out.
	l.EndToEnd = agreed(e2e)
	l.Return = returnOf(txs)
	l.Check = agreed(chq)
	if len(names) > 0 {
		l.Counterparty = names[0]
		for _, n := range names[1:] {
			if n != names[0] {
				l.Counterparty = bankfile.Party{}
			}
		}
	}
	switch {
	case label != "":
	case len(l.Details) > 0:
		label = l.Details[0]
	default:
		label = l.Counterparty.Name
	}
	l.Label = label
	return l
}

func agreed(v []string) string {
	for _, s := range v[min(1, len(v)):] {
		if s != v[0] {
			return ""
		}
	}
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// details are the remittance texts of a transaction: each Ustrd, then per
// Strd the creditor reference and its additional texts.
func details(t *txDetails) []string {
	var out []string
	add := func(s string) {
		if s = clean(s); s != "" {
			out = append(out, s)
		}
	}
	for _, u := range t.RmtInf.Ustrd {
		add(u)
	}
	for _, s := range t.RmtInf.Strd {
		add(s.CdtrRefInf.Ref)
		for _, a := range s.AddtlRmtInf {
			add(a)
		}
	}
	return out
}

// counterparty is who paid (the debtor of a credit) or was paid (the
// creditor of a debit).
func counterparty(t *txDetails, amount int64) bankfile.Party {
	r := &t.RltdPties
	if amount >= 0 {
		return bankfile.Party{Name: r.Dbtr.name(), IBAN: compact(r.DbtrAcct.ID.IBAN), BIC: compact(t.RltdAgts.DbtrAgt.bic())}
	}
	return bankfile.Party{Name: r.Cdtr.name(), IBAN: compact(r.CdtrAcct.ID.IBAN), BIC: compact(t.RltdAgts.CdtrAgt.bic())}
}
