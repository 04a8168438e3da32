// Package camt reads ISO 20022 bank-to-customer cash management messages:
// the account statement camt.053 (BkToCstmrStmt/Stmt) and the debit/credit
// notification camt.054 (BkToCstmrDbtCdtNtfctn/Ntfctn), message versions
// 001.02 (2009) and 001.08 (2019), into bankfile statements; and writes
// camt.053.001.02 (Write) and camt.054.001.02 (Write054), which the tests use to build statements.
//
// It is written on encoding/xml with a streaming decoder: the file is read
// element by element (one Bal, one Ntry at a time), never unmarshalled
// whole, so that memory follows what is kept, not what the file claims.
//
// Choices the ISO 20022 message definitions leave open:
//   - Balances. Opening is OPBD (opening booked), else PRCD (previous closing
//     booked, which is by definition the opening of this statement), else
//     OPAV (opening available); closing is CLBD (closing booked), else CLAV
//     (closing available). Booked balances come first because only booked
//     entries are read: they are what booked balances are made of. The
//     available pair is the fallback some banks send alone (the Lithuanian
//     sample): it is still checked, and a gap is reported, not hidden.
//   - Status. Only booked entries (Sts BOOK in .02, Sts/Cd BOOK in .08)
//     become lines; pending (PDNG), information (INFO) and future (FUTR)
//     entries are skipped and counted (ParseAll).
//   - Batches. An entry whose NtryDtls hold several TxDtls, each with its
//     own amount (TxDtls/Amt in .08, AmtDtls/TxAmt/Amt in both), gives one
//     line per TxDtls, and those lines must add up to the entry's amount; an
//     entry whose TxDtls carry no amounts gives one line, their texts joined.
//   - Direction. CdtDbtInd CRDT is a credit (positive), DBIT a debit. A
//     reversal (RvslInd true) already carries the direction of the booking
//     itself (ISO 20022 definition of ReversalIndicator), so it needs no
//     special case.
//   - Counterparty. For a credit it is the debtor (Dbtr, DbtrAcct, DbtrAgt),
//     for a debit the creditor (Cdtr, CdtrAcct, CdtrAgt); in .08 the party
//     is a Party40Choice, whose name is Pty/Nm.
package camt
