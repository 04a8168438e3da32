package ledger

import (
	"database/sql"
	"time"
)

// DebitPayment is a direct debit of an owner as a file recorded it, for the
// return of an R-transaction: the payment, its file and its receipt.
type DebitPayment struct {
	SEPAPayment
	FileID    int64
	MsgID     string
	Execution time.Time // the collection date of its file
}

const debitColumns = `p.end_to_end, p.entry_id, p.account, p.amount, coalesce(p.mandate_id, 0), p.sequence, p.returned_entry,
	f.id, f.msg_id, f.execution`

func scanDebitPayment(r interface{ Scan(...any) error }) (DebitPayment, error) {
	var d DebitPayment
	var exec string
	err := r.Scan(&d.EndToEnd, &d.EntryID, &d.Account, &d.Amount, &d.MandateID, &d.Sequence, &d.ReturnedEntry, &d.FileID, &d.MsgID, &exec)
	d.Execution = parseStored(exec)
	return d, err
}

// DebitByEndToEnd finds the debit a bank returned by the end-to-end id
// both statements give back.
func (tx *Tx) DebitByEndToEnd(e2e string) (DebitPayment, error) {
	d, err := scanDebitPayment(tx.queryRow(`SELECT `+debitColumns+` FROM sepa_payments p JOIN sepa_files f ON f.id = p.file_id
		WHERE f.kind = 'debit' AND p.end_to_end = ?`, normalizeID(e2e)))
	if err == sql.ErrNoRows {
		return d, Errorf(NotFound, "Aucun prélèvement n'a la référence de bout en bout « %s »", e2e)
	}
	return d, sqlError(err, "lecture des prélèvements")
}

// DebitsOf lists an owner's direct debits, the newest first.
func (tx *Tx) DebitsOf(owner string) ([]DebitPayment, error) {
	return collect(tx, "lecture des prélèvements", `SELECT `+debitColumns+` FROM sepa_payments p JOIN sepa_files f ON f.id = p.file_id
		WHERE f.kind = 'debit' AND p.account = ? ORDER BY f.execution DESC, p.rowid DESC`, []any{owner},
		func(r *sql.Rows) (DebitPayment, error) { return scanDebitPayment(r) })
}

// SetSEPAReturned ties a returned debit to the entry that reversed it.
func (tx *Tx) SetSEPAReturned(e2e string, entry int64) error {
	_, err := tx.exec("retour du prélèvement "+e2e, `UPDATE sepa_payments SET returned_entry = ? WHERE end_to_end = ?`, entry, e2e)
	return err
}
