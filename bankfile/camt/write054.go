package camt

import (
	"io"

	"tantieme/bankfile"
)

var msg054 = kindOut{name: "camt.054", ns: "camt.054.001.02", body: ntfBody, item: "Ntfctn"}

// Write054 writes statements as one camt.054.001.02 message
// (BkToCstmrDbtCdtNtfctn), valid against the ISO 20022 schema: one Ntfctn
// per statement, one booked Ntry per line written as Write writes them.
// A notification carries movements only: AccountNotification2 has no Bal
// element, so the statements' balances are not written (and the reader
// gives none back). It serves the tests that need a bank's notification
// file, as the test year does.
func Write054(w io.Writer, st []bankfile.Statement) error {
	return writeMessage(w, msg054, st)
}
