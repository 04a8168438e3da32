package sepa

import (
	"fmt"
	"io"
)

// WriteCreditTransfer writes ct as a SEPA credit-transfer initiation,
// pain.001.001.09 (the default, v == "") or pain.001.001.03. Everything is
// checked first: on any error (a French *Error naming the payment, the
// party and the field) nothing is written to w.
//
// The file has one PmtInf (one debtor account, one execution date) with
// NbOfTxs and CtrlSum at both levels, SvcLvl SEPA, ChrgBr SLEV (the only
// charge bearer SEPA allows) and BtchBookg false: each transfer its own
// line on the statement, so that the statement import (issue 17) matches
// each to its supplier. The shape otherwise follows the SIZ/sepa_king
// example (testdata/pain.001.001.03_sepa_king_example.xml), with these
// differences:
//   - GrpHdr/CtrlSum is written (optional; banks check it, and it is the
//     total the syndic signs for);
//   - BtchBookg is false, not true (above);
//   - a party may carry a structured or hybrid PstlAdr; the example has
//     none;
//   - without a BIC the creditor agent is left out and the debtor agent
//     says NOTPROVIDED; the example always has BICs;
//   - in pain.001.001.09 BIC is BICFI and ReqdExctnDt wraps the day in Dt,
//     as that version's XSD requires;
//   - CreDtTm is to the second with the time's own offset; the example
//     gives milliseconds in UTC.
func WriteCreditTransfer(w io.Writer, ct CreditTransfer, v Version) error {
	switch v {
	case "":
		v = Pain001v09
	case Pain001v09, Pain001v03:
	default:
		return &Error{Msg: fmt.Sprintf("version « %s » inconnue pour un virement (pain.001.001.09 ou pain.001.001.03)", show(string(v)))}
	}
	c := &checker{v2019: v == Pain001v09}
	h, err := checkHeader(c, ct.MsgID, ct.Created, ct.Initiator, len(ct.Payments), "virement")
	if err != nil {
		return err
	}
	c.where = partyWhere("Compte débité", ct.Debtor.Name)
	debtor, err := c.party(ct.Debtor)
	if err != nil {
		return err
	}
	if h.initiator == "" {
		h.initiator = debtor.name
	}
	c.where = "Fichier"
	day, err := c.date("date d'exécution", ct.ExecutionDate)
	if err != nil {
		return err
	}
	var txs []*node
	var sum int64
	for i, p := range ct.Payments {
		c.where = fmt.Sprintf("Virement n° %d", i+1)
		if p.Creditor.Name != "" {
			c.where += ", " + partyWhere("bénéficiaire", p.Creditor.Name)
		}
		tx, err := transferTx(c, p)
		if err != nil {
			return err
		}
		txs = append(txs, tx)
		sum += p.Amount
	}
	exec := leaf("ReqdExctnDt", day)
	if c.v2019 {
		exec = el("ReqdExctnDt", leaf("Dt", day))
	}
	pmt := el("PmtInf", leaf("PmtInfId", pmtInfID(h.msgID, 1)), leaf("PmtMtd", "TRF"), leaf("BtchBookg", "false"),
		leaf("NbOfTxs", itoa(len(txs))), leaf("CtrlSum", money(sum)),
		el("PmtTpInf", el("SvcLvl", leaf("Cd", "SEPA"))),
		exec, partyNode("Dbtr", debtor), accountNode("DbtrAcct", debtor.iban),
		agentNode("DbtrAgt", debtor.bic, c.v2019, true), leaf("ChrgBr", "SLEV"))
	pmt.kids = append(pmt.kids, txs...)
	return writeDocument(w, v, el("CstmrCdtTrfInitn",
		groupHeader(h.msgID, h.created, len(txs), sum, h.initiator), pmt))
}

// transferTx checks one payment and builds its CdtTrfTxInf.
func transferTx(c *checker, p Payment) (*node, error) {
	e2e, err := c.endToEnd(p.EndToEnd)
	if err != nil {
		return nil, err
	}
	if err := c.amount(p.Amount); err != nil {
		return nil, err
	}
	cdtr, err := c.party(p.Creditor)
	if err != nil {
		return nil, err
	}
	ustrd, err := c.text("libellé", p.Remittance, maxUstrd)
	if err != nil {
		return nil, err
	}
	return el("CdtTrfTxInf", el("PmtId", leaf("EndToEndId", e2e)),
		el("Amt", amountNode("InstdAmt", p.Amount)),
		agentNode("CdtrAgt", cdtr.bic, c.v2019, false), partyNode("Cdtr", cdtr),
		accountNode("CdtrAcct", cdtr.iban), remittanceNode(ustrd)), nil
}
