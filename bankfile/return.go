package bankfile

// Return is what a statement says of a payment sent back (an
// R-transaction of SEPA: a direct debit the debtor's bank rejected,
// returned or refunded). CAMT gives it in TxDtls/RtrInf; the original
// payment is named by the line's EndToEnd, which the bank gives back.
type Return struct {
	Reason string // ISO 20022 return reason code (Rsn/Cd, or the bank's Rsn/Prtry): AC04, AM04, MD01, MS02…
	Info   string // the bank's additional texts (AddtlInf), joined
}

// IsZero says the line carries no return information.
func (r Return) IsZero() bool { return r.Reason == "" && r.Info == "" }
