package sepa

import "time"

// Party is one side of a payment: the residence's account, a supplier, an
// owner. IBAN and BIC are given as typed (spaces and case do not matter);
// BIC may be empty, SEPA allows IBAN-only payments (EPC rulebooks since
// 2016).
type Party struct {
	Name    string
	IBAN    string
	BIC     string
	Address Address
}

// Address is a postal address. Since November 2026 SEPA refuses addresses
// given only as free-text lines: Town and Country are then mandatory, and
// at most two Lines may complete them (the "hybrid" address of the EPC
// guidance). An address left entirely empty is simply not written.
type Address struct {
	Street   string // StrtNm
	Building string // BldgNb: « 12 », « 12 bis »
	PostCode string // PstCd
	Town     string // TwnNm
	Country  string // Ctry, ISO 3166 alpha-2: « FR »
	Lines    []string
}

// CreditTransfer is a SEPA credit-transfer file: one debtor account, one
// execution date, one or more payments (a pain.001 with one PmtInf).
type CreditTransfer struct {
	MsgID         string    // unique per file sent to the bank (GrpHdr/MsgId)
	Created       time.Time // GrpHdr/CreDtTm
	Initiator     string    // who sends the file (InitgPty/Nm); the debtor's name when empty
	Debtor        Party
	ExecutionDate time.Time // ReqdExctnDt, a day
	Payments      []Payment
}

// Payment is one transfer to one creditor.
type Payment struct {
	EndToEnd   string // given back on both statements; NOTPROVIDED when empty
	Amount     int64  // cents, > 0
	Creditor   Party
	Remittance string // Ustrd, what the creditor reads
}

// DirectDebit is a SEPA Core direct-debit file: the residence collects from
// owners who signed a mandate. Debits are grouped in one PmtInf per
// sequence type and collection date.
type DirectDebit struct {
	MsgID          string
	Created        time.Time
	Initiator      string // the creditor's name when empty
	Creditor       Party
	CreditorID     string    // ICS, identifiant créancier SEPA (CdtrSchmeId)
	CollectionDate time.Time // ReqdColltnDt of every debit that gives none
	Debits         []Debit
}

// Debit is one collection from one debtor under one mandate.
type Debit struct {
	EndToEnd       string
	Amount         int64     // cents, > 0
	MandateID      string    // RUM, référence unique du mandat
	MandateSigned  time.Time // DtOfSgntr
	Sequence       Sequence
	CollectionDate time.Time // zero: the file's CollectionDate
	Debtor         Party
	Remittance     string
}

// Sequence is the place of a debit in its mandate's life (SeqTp).
type Sequence string

// The sequence types a SEPA Core debit may carry (EPC SDD Core rulebook;
// RPRE, a re-presentation, is not for a customer's file).
const (
	First     Sequence = "FRST"
	Recurrent Sequence = "RCUR"
	OneOff    Sequence = "OOFF"
	Final     Sequence = "FNAL"
)

// Version is the ISO 20022 message version written.
type Version string

// The versions written. The zero Version means the newest of the family.
const (
	Pain001v09 Version = "pain.001.001.09" // credit transfer, 2019 (EPC default since November 2023)
	Pain001v03 Version = "pain.001.001.03" // credit transfer, 2009, for banks that still want it
	Pain008v08 Version = "pain.008.001.08" // direct debit, 2019
	Pain008v02 Version = "pain.008.001.02" // direct debit, 2009
)

// Limits of a file.
const (
	// MaxAmount is the largest amount of one SEPA payment, 999 999 999,99 €
	// (EPC SCT and SDD rulebooks, attribute AT-04 / AT-06).
	MaxAmount int64 = 99_999_999_999
	// MaxTransactions bounds one file; it also keeps every control sum far
	// below what int64 cents and the XSD's 18 digits can hold.
	MaxTransactions = 100_000
)
