package ledger

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"slices"
	"time"
)

// AccountStatement lists an account's posted lines dated from..to with a
// running balance, starting from the balance before `from`.
func (tx *Tx) AccountStatement(account string, from, to time.Time) (Statement, error) {
	acc, err := tx.Account(account)
	if err != nil {
		return Statement{}, err
	}
	list, err := tx.statements([]Account{acc}, from, to)
	if err != nil {
		return Statement{Account: account, Label: acc.Label, From: from, To: to}, err
	}
	return list[0], nil
}

// AccountStatements is AccountStatement of several accounts (the owners'
// statements of a period), in the order given, read with a few queries
// for them all rather than a few for each.
func (tx *Tx) AccountStatements(accounts []string, from, to time.Time) ([]Statement, error) {
	accs := make([]Account, len(accounts))
	for i, code := range accounts {
		a, err := tx.Account(code)
		if err != nil {
			return nil, err
		}
		accs[i] = a
	}
	return tx.statements(accs, from, to)
}

// statements reads the statements of accounts grouped by the day their
// balance is counted from (statementStart: the exercise's start for
// charges and income, the first open exercise's otherwise).
func (tx *Tx) statements(accs []Account, from, to time.Time) ([]Statement, error) {
	out := make([]Statement, len(accs))
	if len(accs) == 0 {
		return out, nil
	}
	byStart := map[time.Time][]int{}
	var starts []time.Time
	first := map[string]int{} // an account asked twice is read once
	startOf := map[bool]time.Time{}
	for i, a := range accs {
		out[i] = Statement{Account: a.Code, Label: a.Label, From: from, To: to}
		if _, dup := first[a.Code]; dup {
			continue
		}
		first[a.Code] = i
		// statementStart depends on the account's class only (charges and
		// income, or the others): asked once for each, not 600 times.
		kind := AccountClass(a.Code) == 6 || AccountClass(a.Code) == 7
		start, ok := startOf[kind]
		if !ok {
			var err error
			if start, err = tx.statementStart(a.Code, from); err != nil {
				return out, err
			}
			startOf[kind] = start
		}
		if byStart[start] == nil {
			starts = append(starts, start)
		}
		byStart[start] = append(byStart[start], i)
	}
	lo, hi, found, err := tx.entryIDs(from, to)
	if err != nil {
		return out, err
	}
	for _, start := range starts {
		idx := byStart[start]
		codes := make([]string, len(idx))
		at := make(map[string]*Statement, len(idx))
		for k, i := range idx {
			codes[k] = out[i].Account
			at[out[i].Account] = &out[i]
		}
		list, err := json.Marshal(codes)
		if err != nil {
			return out, Errorf(Internal, "Liste des comptes illisible : %v", err)
		}
		if start.Before(from) {
			if err := tx.openings(string(list), start, from, at); err != nil {
				return out, err
			}
		}
		if found {
			if err := tx.statementLines(string(list), from, to, start, lo, hi, at); err != nil {
				return out, err
			}
		}
	}
	for i := range out {
		st := &out[i]
		if j := first[st.Account]; j != i {
			*st = out[j]
			st.Lines = slices.Clone(out[j].Lines)
			continue
		}
		st.Settle()
	}
	return out, nil
}

// entryIDs are the smallest and largest ids of the entries dated
// from..to. Every line of the period belongs to an entry between them, so
// the lines are read through the index on (account, entry_id) between
// the two (migration 023) and the other exercises' lines are not read;
// the dates are still checked line by line, so an entry posted long after
// its date (a large id) only widens the range, it is never missed.
func (tx *Tx) entryIDs(from, to time.Time) (lo, hi int64, found bool, err error) {
	var l, h sql.NullInt64
	err = tx.queryRow(`SELECT min(id), max(id) FROM entries WHERE date BETWEEN ?1 AND ?2`, ISO(from), ISO(to)).Scan(&l, &h)
	if err != nil {
		return 0, 0, false, sqlError(err, "lecture des écritures de la période")
	}
	return l.Int64, h.Int64, l.Valid && h.Valid, nil
}

// openings sets the balance before `from` of the listed accounts (a JSON
// array), counted from start.
func (tx *Tx) openings(list string, start, from time.Time, at map[string]*Statement) error {
	type opening struct {
		account string
		bal     Amount
	}
	rows, err := collect(tx, "calcul du solde d'ouverture", `SELECT account, coalesce(sum(debit) - sum(credit), 0) FROM day_totals
		WHERE account IN (SELECT value FROM json_each(?1)) AND date >= ?2 AND date < ?3 AND NOT (opening AND date > ?2)
		GROUP BY account`, []any{list, ISO(start), ISO(from)},
		func(r *sql.Rows) (opening, error) {
			var o opening
			err := r.Scan(&o.account, (*int64)(&o.bal))
			return o, err
		})
	if err != nil {
		return err
	}
	for _, o := range rows {
		if st := at[o.account]; st != nil {
			st.Opening = o.bal
		}
	}
	return nil
}

// statementLines reads the period's posted lines of the listed accounts (a
// JSON array) into their statements.
func (tx *Tx) statementLines(list string, from, to, start time.Time, lo, hi int64, at map[string]*Statement) error {
	rows, err := tx.periodLines(`l.account IN (SELECT value FROM json_each(?1)) AND l.entry_id >= ?5 AND l.entry_id <= ?6 AND `,
		[]any{list, ISO(from), ISO(to), ISO(start), lo, hi})
	if err != nil {
		return err
	}
	for acc, lines := range rows {
		if st := at[acc]; st != nil {
			st.Lines = lines
		}
	}
	return nil
}

// PeriodLines are the posted lines dated from..to of every account (the
// grand livre), by account, each account's by date, entry and line, as a
// statement lists them; an AN entry dated after openingDay (the exercise's
// first day) is left out, as the books leave it out. The running balances
// are left to the caller, who knows the openings.
func (tx *Tx) PeriodLines(from, to, openingDay time.Time) (map[string][]StatementLine, error) {
	return tx.periodLines(``, []any{nil, ISO(from), ISO(to), ISO(openingDay)})
}

// periodLines reads the posted lines dated ?2..?3 matching the condition
// `where` (ending with AND, or empty), AN entries dated after ?4 left out,
// grouped by account. They are sorted here rather than by SQLite (ORDER BY
// e.date, e.id, l.id): its sorter copied every row once more and was half
// of a 37,000-line statement's time; the date is compared as stored text,
// as SQLite did. The amounts are scanned as int64, which database/sql
// assigns directly (an Amount went through strconv).
func (tx *Tx) periodLines(where string, args []any) (map[string][]StatementLine, error) {
	type line struct {
		account, date string
		StatementLine
	}
	dates := map[string]time.Time{}
	rows, err := collect(tx, "lecture des comptes", `SELECT l.account, e.id, l.id, e.date, e.journal, e.piece,
		CASE WHEN l.label <> '' THEN l.label ELSE e.label END, coalesce(l.key, ''), l.debit, l.credit, l.letter, `+tx.lineVATOnly()+`
		FROM lines l JOIN entries e ON e.id = l.entry_id
		WHERE `+where+`e.posted = 1 AND e.date BETWEEN ?2 AND ?3 AND NOT (e.journal = 'AN' AND e.date > ?4)`, args,
		func(r *sql.Rows) (line, error) {
			var s line
			err := r.Scan(&s.account, &s.EntryID, &s.LineID, &s.date, &s.Journal, &s.Piece, &s.Label, &s.Key,
				(*int64)(&s.Debit), (*int64)(&s.Credit), &s.Letter, (*int64)(&s.VAT))
			d, ok := dates[s.date]
			if !ok {
				d = parseStored(s.date)
				dates[s.date] = d
			}
			s.Date = d
			return s, err
		})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(rows, func(a, b line) int {
		return cmp.Or(cmp.Compare(a.account, b.account), cmp.Compare(a.date, b.date),
			cmp.Compare(a.EntryID, b.EntryID), cmp.Compare(a.LineID, b.LineID))
	})
	out := map[string][]StatementLine{}
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].account == rows[i].account {
			j++
		}
		lines := make([]StatementLine, j-i)
		for k := i; k < j; k++ {
			lines[k-i] = rows[k].StatementLine
		}
		out[rows[i].account] = lines
		i = j
	}
	return out, nil
}
