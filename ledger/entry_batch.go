package ledger

import (
	"fmt"
	"strings"
)

// postBatch is how many entries PostEntries writes per round of
// statements.
const postBatch = 256

// PostEntries posts es in order, exactly as PostEntry called on each in
// turn would: the same numbers, lines, day totals and chain records, every
// entry checked the same way first (checkEntry), every row still going
// through the schema's triggers (locked years, balance at posting, day
// totals, text checks, chain order). Only the statements are grouped: many
// rows per INSERT and one UPDATE posting a run of entries, because an
// import of 100,000 lines spent most of its time in the per-statement
// cost of SQLite (issue 22). Entries are checked a round of 256 at a time,
// so on an error earlier rounds may be written already: the caller gives up
// the transaction, as after a PostEntry refused in a loop.
func (tx *Tx) PostEntries(es []*Entry) error {
	for start := 0; start < len(es); start += postBatch {
		if err := tx.postRound(es[start:min(len(es), start+postBatch)]); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) postRound(es []*Entry) error {
	if len(es) == 0 {
		return nil
	}
	exs := make([]Exercise, len(es))
	nLines := 0
	for i, e := range es {
		ex, err := tx.checkEntry(e)
		if err != nil {
			return err
		}
		exs[i] = ex
		nLines += len(e.Lines)
	}
	// The numbers AUTOINCREMENT would give, one after the other: above the
	// largest ever used (sqlite_sequence) and the largest present. Written
	// explicitly so that each entry and line knows its own.
	firstEntry, err := tx.nextID("entries")
	if err != nil {
		return err
	}
	firstLine, err := tx.nextID("lines")
	if err != nil {
		return err
	}
	validated := ISO(Now()) // the day it is validated (migration 008_entry_validated.sql)
	entryRows := make([]batchRow, len(es))
	lineRows := make([]batchRow, 0, nLines)
	withVAT := tx.linesHaveVAT()
	lineID := firstLine
	for i, e := range es {
		e.ID = firstEntry + int64(i)
		entryRows[i] = batchRow{entry: e, args: []any{e.ID, e.Journal, ISO(e.Date), e.Piece, e.Label, e.Origin, validated}}
		for j := range e.Lines {
			l := &e.Lines[j]
			l.ID = lineID
			lineID++
			var key any
			if l.Key != "" {
				key = l.Key
			}
			args := []any{l.ID, e.ID, l.Account, key, l.Label, int64(l.Debit), int64(l.Credit), l.Letter, l.Reconciled}
			if withVAT {
				args = append(args, int64(l.VAT), l.Recoverable)
			}
			lineRows = append(lineRows, batchRow{entry: e, line: j + 1, args: args})
		}
	}
	if err := tx.insertRows(`INSERT INTO entries (id, journal, date, piece, label, origin, validated) VALUES `, 7, entryRows); err != nil {
		return err
	}
	lineHead := `INSERT INTO lines (id, entry_id, account, key, label, debit, credit, letter, reconciled, vat, recoverable) VALUES `
	lineWidth := 11
	if !withVAT {
		lineHead = `INSERT INTO lines (id, entry_id, account, key, label, debit, credit, letter, reconciled) VALUES `
		lineWidth = 9
	}
	if err := tx.insertRows(lineHead, lineWidth, lineRows); err != nil {
		return err
	}
	if err := tx.postRange(es); err != nil {
		return err
	}
	return tx.chainPosted(es, exs)
}

// nextID is the number AUTOINCREMENT would give the next row of table.
func (tx *Tx) nextID(table string) (int64, error) {
	var id int64
	err := tx.queryRow(`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), coalesce((SELECT max(id) FROM `+table+`), 0)) + 1`, table).Scan(&id)
	if err != nil {
		return 0, sqlError(err, "numérotation des écritures")
	}
	return id, nil
}

// postRange posts the entries just inserted (consecutive numbers), which
// fires the balance check and the day totals for each of them. An entry
// refused is then found by posting them one by one, for its message.
func (tx *Tx) postRange(es []*Entry) error {
	first, last := es[0].ID, es[len(es)-1].ID
	st, err := tx.stmt(`UPDATE entries SET posted = 1 WHERE id BETWEEN ? AND ? AND posted = 0`)
	if err != nil {
		return err
	}
	res, err := st.Exec(first, last)
	if err == nil {
		if n, _ := res.RowsAffected(); n != int64(len(es)) {
			return Errorf(Internal, "Écritures %d à %d : %d validées au lieu de %d", first, last, n, len(es))
		}
		return nil
	}
	one, perr := tx.stmt(`UPDATE entries SET posted = 1 WHERE id = ?`)
	if perr != nil {
		return perr
	}
	for _, e := range es {
		if _, err := one.Exec(e.ID); err != nil {
			return sqlError(err, e.describe())
		}
	}
	return sqlError(err, fmt.Sprintf("écritures %d à %d", first, last))
}

// batchRow is one row of a grouped INSERT: its values, and the entry (and
// line number) that a message about it names.
type batchRow struct {
	entry *Entry
	line  int // 1-based; 0 for the entry itself
	args  []any
}

// where names the row in a message, as PostEntry does; built only then.
func (r batchRow) where() string {
	switch {
	case r.entry == nil:
		return "chaîne des écritures"
	case r.line > 0:
		return fmt.Sprintf("%s, ligne %d", r.entry.describe(), r.line)
	}
	return r.entry.describe()
}

// insertSizes are the rows per statement insertRows uses, largest first:
// few statements, and few distinct ones to keep prepared.
var insertSizes = []int{64, 8, 1}

// insertRows runs head ("INSERT INTO t (a, b) VALUES ") for rows of width
// values each, in statements of up to 64 rows. A statement refused (a
// trigger's check) is run again row by row, so that the message names the
// row as a one-row INSERT would; the rows it kept are lost with the
// transaction the caller gives up.
func (tx *Tx) insertRows(head string, width int, rows []batchRow) error {
	return tx.insertSized(head, width, rows, insertSizes)
}

func (tx *Tx) insertSized(head string, width int, rows []batchRow, sizes []int) error {
	args := make([]any, 0, sizes[0]*width) // reused: Exec keeps nothing of it
	for len(rows) > 0 {
		n := 1
		for _, s := range sizes {
			if s <= len(rows) {
				n = s
				break
			}
		}
		st, err := tx.stmt(head + rowPlaceholders(n, width))
		if err != nil {
			return err
		}
		args = args[:0]
		for _, r := range rows[:n] {
			args = append(args, r.args...)
		}
		if _, err := st.Exec(args...); err != nil {
			if n > 1 {
				if rerr := tx.insertSized(head, width, rows[:n], []int{1}); rerr != nil {
					return rerr
				}
			}
			return sqlError(err, rows[0].where())
		}
		rows = rows[n:]
	}
	return nil
}

// rowPlaceholders is "(?, ?), (?, ?)" for n rows of width values.
func rowPlaceholders(n, width int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}
