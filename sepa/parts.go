package sepa

// Pieces common to both messages and both versions.

// notProvided stands for an identifier the sender does not have (EPC
// Implementation Guidelines: EndToEndId « NOTPROVIDED »; the agent of an
// IBAN-only payment, FinInstnId/Othr/Id « NOTPROVIDED »).
const notProvided = "NOTPROVIDED"

// partyNode is a debtor or creditor: its name and, when given, its
// structured or hybrid postal address, in the XSD's order (PostalAddress6
// and PostalAddress24 order StrtNm, BldgNb, PstCd, TwnNm, Ctry, AdrLine
// alike).
func partyNode(tag string, p party) *node {
	n := el(tag, leaf("Nm", p.name))
	if a := p.addr; a != nil {
		adr := el("PstlAdr", opt("StrtNm", a.street), opt("BldgNb", a.building), opt("PstCd", a.postCode),
			leaf("TwnNm", a.town), leaf("Ctry", a.country))
		for _, l := range a.lines {
			adr.kids = append(adr.kids, leaf("AdrLine", l))
		}
		n.kids = append(n.kids, adr)
	}
	return n
}

// accountNode is an account given by its IBAN (CashAccount16/38).
func accountNode(tag, iban string) *node {
	return el(tag, el("Id", leaf("IBAN", iban)))
}

// agentNode is a bank: its BIC (element BIC in the 2009 messages, BICFI in
// the 2019 ones) or, for an IBAN-only payment, NOTPROVIDED where the XSD
// requires the element. optional agents without a BIC are left out.
func agentNode(tag, bic string, v2019, required bool) *node {
	if bic == "" {
		if !required {
			return nil
		}
		return el(tag, el("FinInstnId", el("Othr", leaf("Id", notProvided))))
	}
	name := "BIC"
	if v2019 {
		name = "BICFI"
	}
	return el(tag, el("FinInstnId", leaf(name, bic)))
}

// amountNode is an amount in euros, the only currency of SEPA.
func amountNode(tag string, cents int64) *node {
	n := leaf(tag, money(cents))
	n.attrs = attrCcy
	return n
}

// remittanceNode is the unstructured remittance, left out when empty.
func remittanceNode(ustrd string) *node {
	if ustrd == "" {
		return nil
	}
	return el("RmtInf", leaf("Ustrd", ustrd))
}

// groupHeader is GrpHdr: the totals of the whole file.
func groupHeader(msgID, created string, count int, sum int64, initiator string) *node {
	return el("GrpHdr", leaf("MsgId", msgID), leaf("CreDtTm", created),
		leaf("NbOfTxs", itoa(count)), leaf("CtrlSum", money(sum)),
		el("InitgPty", leaf("Nm", initiator)))
}

// pmtInfID names the k-th PmtInf of a file after its message id, cut so
// that it stays a Max35Text.
func pmtInfID(msgID string, k int) string {
	suffix := "-" + itoa(k)
	if len(msgID)+len(suffix) > 35 {
		msgID = msgID[:35-len(suffix)]
	}
	return msgID + suffix
}
