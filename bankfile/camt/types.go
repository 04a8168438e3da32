package camt

// The elements read, as encoding/xml structures. Tags carry no namespace, so
// they match the local names of every message version; where .02 and .08
// differ both shapes are listed. Everything else in the messages is skipped.

type amount struct {
	Value string `xml:",chardata"`
	Ccy   string `xml:"Ccy,attr"`
}

// dateChoice is DateAndDateTimeChoice (.02) / DateAndDateTime2Choice (.08).
type dateChoice struct {
	Dt   string `xml:"Dt"`
	DtTm string `xml:"DtTm"`
}

type accountID struct {
	IBAN string `xml:"IBAN"`
	Othr struct {
		ID string `xml:"Id"`
	} `xml:"Othr"`
}

type agent struct {
	FinInstnID struct {
		BIC   string `xml:"BIC"`   // .02
		BICFI string `xml:"BICFI"` // .08
	} `xml:"FinInstnId"`
}

func (a agent) bic() string {
	if a.FinInstnID.BICFI != "" {
		return a.FinInstnID.BICFI
	}
	return a.FinInstnID.BIC
}

// stmtAccount is Stmt/Acct or Ntfctn/Acct (CashAccount20 / CashAccount36).
type stmtAccount struct {
	ID   accountID `xml:"Id"`
	Ccy  string    `xml:"Ccy"`
	Ownr struct {
		Nm string `xml:"Nm"`
	} `xml:"Ownr"`
	Svcr agent `xml:"Svcr"`
}

type period struct {
	FrDtTm string `xml:"FrDtTm"`
	ToDtTm string `xml:"ToDtTm"`
}

// balance is Bal (CashBalance3 / CashBalance8).
type balance struct {
	Tp struct {
		CdOrPrtry struct {
			Cd string `xml:"Cd"`
		} `xml:"CdOrPrtry"`
	} `xml:"Tp"`
	Amt       *amount     `xml:"Amt"`
	CdtDbtInd string      `xml:"CdtDbtInd"`
	Dt        *dateChoice `xml:"Dt"`
}

type txCode struct {
	Domn struct {
		Cd   string `xml:"Cd"`
		Fmly struct {
			Cd        string `xml:"Cd"`
			SubFmlyCd string `xml:"SubFmlyCd"`
		} `xml:"Fmly"`
	} `xml:"Domn"`
	Prtry struct {
		Cd string `xml:"Cd"`
	} `xml:"Prtry"`
}

// code is the ISO domain/family/sub-family ("PMNT/RCDT/ESCT") when given,
// else the bank's proprietary code.
func (c txCode) code() string {
	d := c.Domn
	if d.Cd != "" {
		return clean(d.Cd + "/" + d.Fmly.Cd + "/" + d.Fmly.SubFmlyCd)
	}
	return clean(c.Prtry.Cd)
}

// party is PartyIdentification32 (.02: Nm) or Party40Choice (.08: Pty/Nm).
type party struct {
	Nm  string `xml:"Nm"`
	Pty struct {
		Nm string `xml:"Nm"`
	} `xml:"Pty"`
}

func (p party) name() string {
	if p.Nm != "" {
		return clean(p.Nm)
	}
	return clean(p.Pty.Nm)
}

type cashAccount struct {
	ID accountID `xml:"Id"`
}

// txDetails is NtryDtls/TxDtls (EntryTransaction2 / EntryTransaction10).
type txDetails struct {
	Refs struct {
		AcctSvcrRef string `xml:"AcctSvcrRef"`
		EndToEndID  string `xml:"EndToEndId"`
		ChqNb       string `xml:"ChqNb"`
	} `xml:"Refs"`
	Amt       *amount `xml:"Amt"`       // .08 only
	CdtDbtInd string  `xml:"CdtDbtInd"` // .08 only
	AmtDtls   struct {
		TxAmt struct {
			Amt *amount `xml:"Amt"`
		} `xml:"TxAmt"`
	} `xml:"AmtDtls"`
	BkTxCd    txCode `xml:"BkTxCd"`
	RltdPties struct {
		Dbtr     party       `xml:"Dbtr"`
		DbtrAcct cashAccount `xml:"DbtrAcct"`
		Cdtr     party       `xml:"Cdtr"`
		CdtrAcct cashAccount `xml:"CdtrAcct"`
	} `xml:"RltdPties"`
	RltdAgts struct {
		DbtrAgt agent `xml:"DbtrAgt"`
		CdtrAgt agent `xml:"CdtrAgt"`
	} `xml:"RltdAgts"`
	RmtInf struct {
		Ustrd []string `xml:"Ustrd"`
		Strd  []struct {
			CdtrRefInf struct {
				Ref string `xml:"Ref"`
			} `xml:"CdtrRefInf"`
			AddtlRmtInf []string `xml:"AddtlRmtInf"`
		} `xml:"Strd"`
	} `xml:"RmtInf"`
	RtrInf     returnInfo `xml:"RtrInf"`
	AddtlTxInf string     `xml:"AddtlTxInf"`
}

// returnInfo is RtrInf (ReturnReasonInformation10 / PaymentReturnReason5):
// why a payment was sent back.
type returnInfo struct {
	Rsn struct {
		Cd    string `xml:"Cd"`
		Prtry string `xml:"Prtry"`
	} `xml:"Rsn"`
	AddtlInf []string `xml:"AddtlInf"`
}

// entry is Ntry (ReportEntry2 / ReportEntry10).
type entry struct {
	Amt       *amount `xml:"Amt"`
	CdtDbtInd string  `xml:"CdtDbtInd"`
	Sts       struct {
		Text  string `xml:",chardata"` // .02: the code itself
		Cd    string `xml:"Cd"`        // .08: EntryStatus1Choice
		Prtry string `xml:"Prtry"`
	} `xml:"Sts"`
	BookgDt     *dateChoice `xml:"BookgDt"`
	ValDt       *dateChoice `xml:"ValDt"`
	AcctSvcrRef string      `xml:"AcctSvcrRef"`
	BkTxCd      txCode      `xml:"BkTxCd"`
	NtryDtls    []struct {
		TxDtls []txDetails `xml:"TxDtls"`
	} `xml:"NtryDtls"`
	AddtlNtryInf string `xml:"AddtlNtryInf"`
}

func (e *entry) status() string {
	if s := clean(e.Sts.Cd); s != "" {
		return s
	}
	if s := clean(e.Sts.Prtry); s != "" {
		return s
	}
	return clean(e.Sts.Text)
}
