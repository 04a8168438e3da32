package ledger

import (
	"database/sql"
	"time"
)

// StatementByQueryForTest is the account statement as it was read before
// issue 22, kept as the reference the faster reading must agree with: all
// the account's lines through the index on account, sorted by SQLite, one
// statement per call.
func (tx *Tx) StatementByQueryForTest(account string, from, to time.Time) (Statement, error) {
	acc, err := tx.Account(account)
	if err != nil {
		return Statement{}, err
	}
	st := Statement{Account: account, Label: acc.Label, From: from, To: to}
	start, err := tx.statementStart(account, from)
	if err != nil {
		return st, err
	}
	if start.Before(from) {
		err = tx.queryRow(`SELECT coalesce(sum(debit) - sum(credit), 0) FROM day_totals
			WHERE account = ?1 AND date >= ?2 AND date < ?3 AND NOT (opening AND date > ?2)`, account, ISO(start), ISO(from)).Scan(&st.Opening)
		if err != nil {
			return st, err
		}
	}
	st.Lines, err = collect(tx, "lecture du compte", `SELECT e.id, l.id, e.date, e.journal, e.piece,
		CASE WHEN l.label <> '' THEN l.label ELSE e.label END, coalesce(l.key, ''), l.debit, l.credit, l.letter, `+tx.lineVATOnly()+`
		FROM lines l JOIN entries e ON e.id = l.entry_id
		WHERE l.account = ?1 AND e.posted = 1 AND e.date BETWEEN ?2 AND ?3 AND NOT (e.journal = 'AN' AND e.date > ?4)
		ORDER BY e.date, e.id, l.id`, []any{account, ISO(from), ISO(to), ISO(start)},
		func(r *sql.Rows) (StatementLine, error) {
			var s StatementLine
			var date string
			err := r.Scan(&s.EntryID, &s.LineID, &date, &s.Journal, &s.Piece, &s.Label, &s.Key, &s.Debit, &s.Credit, &s.Letter, &s.VAT)
			s.Date = parseStored(date)
			return s, err
		})
	if err != nil {
		return st, err
	}
	run := st.Opening
	for i := range st.Lines {
		l := &st.Lines[i]
		run += l.Debit - l.Credit
		l.Balance = run
		st.TotalDebit += l.Debit
		st.TotalCredit += l.Credit
	}
	st.Closing = run
	return st, nil
}
