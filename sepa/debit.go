package sepa

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// WriteDirectDebit writes dd as a SEPA Core direct-debit initiation,
// pain.008.001.08 (the default, v == "") or pain.008.001.02. Everything is
// checked first: on any error (a French *Error naming the debit, the party
// and the field) nothing is written to w.
//
// Debits are grouped in one PmtInf per collection date and sequence type
// (the XSD puts SeqTp and ReqdColltnDt at PmtInf level), in date order,
// then FRST, RCUR, FNAL, OOFF; each PmtInf has its NbOfTxs and CtrlSum,
// LclInstrm CORE, ChrgBr SLEV and the creditor identifier (ICS) in
// CdtrSchmeId/Id/PrvtId/Othr with SchmeNm/Prtry « SEPA » (EPC SDD Core
// Implementation Guidelines, AT-02). BtchBookg is false: one line per
// owner on the statement, for the statement import to match.
func WriteDirectDebit(w io.Writer, dd DirectDebit, v Version) error {
	switch v {
	case "":
		v = Pain008v08
	case Pain008v08, Pain008v02:
	default:
		return &Error{Msg: fmt.Sprintf("version « %s » inconnue pour un prélèvement (pain.008.001.08 ou pain.008.001.02)", show(string(v)))}
	}
	c := &checker{v2019: v == Pain008v08}
	h, err := checkHeader(c, dd.MsgID, dd.Created, dd.Initiator, len(dd.Debits), "prélèvement")
	if err != nil {
		return err
	}
	c.where = partyWhere("Créancier", dd.Creditor.Name)
	cdtr, err := c.party(dd.Creditor)
	if err != nil {
		return err
	}
	if h.initiator == "" {
		h.initiator = cdtr.name
	}
	ics, err := c.id("ICS (identifiant créancier SEPA)", dd.CreditorID)
	if err != nil {
		return err
	}
	groups := map[batchKey]*batch{}
	for i, d := range dd.Debits {
		c.where = fmt.Sprintf("Prélèvement n° %d", i+1)
		if d.Debtor.Name != "" {
			c.where += ", " + partyWhere("débiteur", d.Debtor.Name)
		}
		key, tx, err := debitTx(c, d, dd)
		if err != nil {
			return err
		}
		g := groups[key]
		if g == nil {
			g = &batch{key: key}
			groups[key] = g
		}
		g.txs = append(g.txs, tx)
		g.sum += d.Amount
	}
	var order []*batch
	for _, g := range groups {
		order = append(order, g)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i].key, order[j].key
		if a.date != b.date {
			return a.date < b.date
		}
		return seqRank[a.seq] < seqRank[b.seq]
	})
	root := el("CstmrDrctDbtInitn", nil)
	var sum int64
	for k, g := range order {
		pmt := el("PmtInf", leaf("PmtInfId", pmtInfID(h.msgID, k+1)), leaf("PmtMtd", "DD"), leaf("BtchBookg", "false"),
			leaf("NbOfTxs", itoa(len(g.txs))), leaf("CtrlSum", money(g.sum)),
			el("PmtTpInf", el("SvcLvl", leaf("Cd", "SEPA")), el("LclInstrm", leaf("Cd", "CORE")), leaf("SeqTp", string(g.key.seq))),
			leaf("ReqdColltnDt", g.key.date), partyNode("Cdtr", cdtr), accountNode("CdtrAcct", cdtr.iban),
			agentNode("CdtrAgt", cdtr.bic, c.v2019, true), leaf("ChrgBr", "SLEV"),
			el("CdtrSchmeId", el("Id", el("PrvtId", el("Othr", leaf("Id", ics), el("SchmeNm", leaf("Prtry", "SEPA")))))))
		pmt.kids = append(pmt.kids, g.txs...)
		root.kids = append(root.kids, pmt)
		sum += g.sum
	}
	root.kids = append([]*node{groupHeader(h.msgID, h.created, len(dd.Debits), sum, h.initiator)}, root.kids...)
	return writeDocument(w, v, root)
}

// batchKey is what a PmtInf of debits shares.
type batchKey struct {
	date string // ReqdColltnDt, 2006-01-02 (sorts as dates)
	seq  Sequence
}

type batch struct {
	key batchKey
	txs []*node
	sum int64
}

// seqRank orders the PmtInf of one day: first debits first, as a
// mandate's life goes.
var seqRank = map[Sequence]int{First: 0, Recurrent: 1, Final: 2, OneOff: 3}

// debitTx checks one debit and builds its DrctDbtTxInf.
func debitTx(c *checker, d Debit, dd DirectDebit) (batchKey, *node, error) {
	var key batchKey
	e2e, err := c.endToEnd(d.EndToEnd)
	if err != nil {
		return key, nil, err
	}
	if err := c.amount(d.Amount); err != nil {
		return key, nil, err
	}
	rum, err := c.id("RUM (référence unique du mandat)", d.MandateID)
	if err != nil {
		return key, nil, err
	}
	signed, err := c.date("date de signature du mandat", d.MandateSigned)
	if err != nil {
		return key, nil, err
	}
	key.seq = Sequence(strings.ToUpper(strings.TrimSpace(string(d.Sequence))))
	if _, ok := seqRank[key.seq]; !ok {
		if key.seq == "" {
			return key, nil, c.fail("type de séquence", "manquant (FRST, RCUR, FNAL ou OOFF)")
		}
		return key, nil, c.fail("type de séquence", "« %s » n'est pas admis (FRST, RCUR, FNAL ou OOFF)", show(string(d.Sequence)))
	}
	when := d.CollectionDate
	if when.IsZero() {
		when = dd.CollectionDate
	}
	if key.date, err = c.date("date de prélèvement", when); err != nil {
		return key, nil, err
	}
	if signed > key.date {
		return key, nil, c.fail("date de signature du mandat", "le %s, après la date de prélèvement (%s)", frDate(signed), frDate(key.date))
	}
	dbtr, err := c.party(d.Debtor)
	if err != nil {
		return key, nil, err
	}
	ustrd, err := c.text("libellé", d.Remittance, maxUstrd)
	if err != nil {
		return key, nil, err
	}
	return key, el("DrctDbtTxInf", el("PmtId", leaf("EndToEndId", e2e)), amountNode("InstdAmt", d.Amount),
		el("DrctDbtTx", el("MndtRltdInf", leaf("MndtId", rum), leaf("DtOfSgntr", signed))),
		agentNode("DbtrAgt", dbtr.bic, c.v2019, true), partyNode("Dbtr", dbtr),
		accountNode("DbtrAcct", dbtr.iban), remittanceNode(ustrd)), nil
}
