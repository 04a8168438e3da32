package ledger

import (
	"database/sql"
	"time"
)

// SEPALink is a payment of a SEPA file the program made, with what a bank
// statement line needs to be tied to it: the line of the bank that carried
// it out is already in the books (the file's entry), and must not be
// posted a second time.
type SEPALink struct {
	SEPAPayment
	Kind      SEPAKind
	MsgID     string
	FileBank  string    // the file's account: debited by a transfer, credited by a direct debit
	Execution time.Time // the file's execution (transfer) or collection (debit) date
	RUM       string    // a direct debit's mandate, "" for a transfer
}

// SEPALinks lists every payment of the residence's SEPA files, oldest
// first: what statement lines are matched against.
func (tx *Tx) SEPALinks() ([]SEPALink, error) {
	return collect(tx, "lecture des paiements SEPA", `SELECT p.end_to_end, p.entry_id, p.account, p.amount,
		coalesce(p.mandate_id, 0), p.sequence, p.returned_entry, f.kind, f.msg_id, f.bank_account, f.execution,
		coalesce(m.rum, '')
		FROM sepa_payments p JOIN sepa_files f ON f.id = p.file_id LEFT JOIN mandates m ON m.id = p.mandate_id
		ORDER BY f.id, p.rowid`, nil,
		func(r *sql.Rows) (SEPALink, error) {
			var l SEPALink
			var exec string
			err := r.Scan(&l.EndToEnd, &l.EntryID, &l.Account, &l.Amount, &l.MandateID, &l.Sequence, &l.ReturnedEntry,
				&l.Kind, &l.MsgID, &l.FileBank, &exec, &l.RUM)
			l.Execution = parseStored(exec)
			return l, err
		})
}

// BankEntry is an entry as seen on one bank account's statement.
type BankEntry struct {
	Bank  string
	Entry int64
}

// TiedBankEntries lists the entries an imported statement line is already
// tied to, per bank account: a transfer between two of the residence's
// accounts is on both statements, each line tied once on its own account.
func (tx *Tx) TiedBankEntries() (map[BankEntry]bool, error) {
	list, err := collect(tx, "lecture des lignes de relevé comptabilisées", `SELECT bank_account, entry_id FROM bank_lines
		WHERE status = ? AND entry_id <> 0`, []any{BankLinePosted},
		func(r *sql.Rows) (BankEntry, error) {
			var b BankEntry
			return b, r.Scan(&b.Bank, &b.Entry)
		})
	out := make(map[BankEntry]bool, len(list))
	for _, b := range list {
		out[b] = true
	}
	return out, err
}
