package camt

import (
	"strings"

	"tantieme/bankfile"
)

// returnOf is the return information of a line's transactions (RtrInf):
// the reason code (ISO Cd, else the bank's Prtry) and the additional
// texts. Several joined transactions giving different reasons say nothing
// of the line as a whole: none is kept.
func returnOf(txs []*txDetails) bankfile.Return {
	var out []bankfile.Return
	for _, t := range txs {
		r := bankfile.Return{Reason: strings.ToUpper(clean(t.RtrInf.Rsn.Cd))}
		if r.Reason == "" {
			r.Reason = strings.ToUpper(clean(t.RtrInf.Rsn.Prtry))
		}
		var info []string
		for _, s := range t.RtrInf.AddtlInf {
			if s = clean(s); s != "" {
				info = append(info, s)
			}
		}
		r.Info = strings.Join(info, " ")
		if !r.IsZero() {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return bankfile.Return{}
	}
	for _, r := range out[1:] {
		if r != out[0] {
			return bankfile.Return{}
		}
	}
	return out[0]
}

// writeReturn writes a line's RtrInf, after its RmtInf as both schema
// versions order TxDtls.
func (x *writer) writeReturn(r bankfile.Return) {
	if r.IsZero() {
		return
	}
	x.open("RtrInf")
	if clean(r.Reason) != "" {
		x.open("Rsn")
		if len(clean(r.Reason)) == 4 {
			x.text("Cd", 4, r.Reason)
		} else {
			x.text("Prtry", 35, r.Reason)
		}
		x.close("Rsn")
	}
	x.text("AddtlInf", 105, r.Info)
	x.close("RtrInf")
}
