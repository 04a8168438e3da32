package ledger

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Line is one line of an entry: an account debited or credited.
type Line struct {
	ID         int64
	Account    string
	Key        string // répartition key; required on class-6 lines
	Label      string
	Debit      Amount
	Credit     Amount
	Letter     string // matching letter (lettrage), "" when unmatched
	Reconciled string // bank statement reference/date it was ticked on, "" if not
	// VAT is the part of a charge line's amount that is VAT (the books are
	// TTC: a syndicat is not VAT-registered); VAT-registered owners see
	// their share of it on their décompte. Migration 019.
	VAT Amount
	// Recoverable is the percent of a charge line a landlord may recover
	// from his tenant (décret n° 87-713): 0 none, 100 all. Migration 019.
	Recoverable int
}

// Balance is debit − credit of the line.
func (l Line) Balance() Amount { return l.Debit - l.Credit }

// Side puts an amount on l's debit side when positive, on its credit side
// when negative (a net income given back to the owners).
func Side(l Line, debit Amount) Line {
	if debit >= 0 {
		l.Debit = debit
	} else {
		l.Credit = -debit
	}
	return l
}

// Entry is a balanced set of lines in a journal at a date.
type Entry struct {
	ID      int64
	Journal string
	Date    time.Time
	Piece   string // piece number (invoice number, call number A0001…)
	Label   string
	Origin  string // which workflow wrote it ("call:…", "closing:…"); "" when typed
	Lines   []Line
}

// Totals returns the entry's total debit and total credit.
func (e *Entry) Totals() (debit, credit Amount) {
	for _, l := range e.Lines {
		debit += l.Debit
		credit += l.Credit
	}
	return debit, credit
}

// Validate checks what can be checked without the file: at least two lines,
// no negative amount, one side per line, debits equal credits, a key on
// every charge line.
func (e *Entry) Validate() error {
	if err := e.cleanTexts(); err != nil {
		return err
	}
	where := e.describe()
	if e.Date.IsZero() {
		return Errorf(Invalid, "%s : la date est obligatoire", where)
	}
	if strings.TrimSpace(e.Journal) == "" {
		return Errorf(Invalid, "%s : le journal est obligatoire", where)
	}
	if len(e.Lines) < 2 {
		return Errorf(Invalid, "%s : une écriture a au moins deux lignes", where)
	}
	for i, l := range e.Lines {
		n := i + 1
		switch {
		case l.Account == "":
			return Errorf(Invalid, "%s, ligne %d : le compte est obligatoire", where, n)
		case l.Debit < 0 || l.Credit < 0:
			return Errorf(Invalid, "%s, ligne %d : un montant ne peut pas être négatif (passez-le dans l'autre colonne)", where, n)
		case l.Debit != 0 && l.Credit != 0:
			return Errorf(Invalid, "%s, ligne %d : une ligne est soit au débit, soit au crédit, pas les deux", where, n)
		case l.Debit == 0 && l.Credit == 0:
			return Errorf(Invalid, "%s, ligne %d : le montant est nul", where, n)
		case AccountClass(l.Account) == 6 && l.Key == "":
			return Errorf(Invalid, "%s, ligne %d : la charge %s doit porter une clé de répartition", where, n, l.Account)
		case l.VAT < 0:
			return Errorf(Invalid, "%s, ligne %d : la TVA ne peut pas être négative", where, n)
		case l.VAT > l.Debit+l.Credit:
			return Errorf(Invalid, "%s, ligne %d : la TVA (%s) dépasse le montant TTC de la ligne (%s)", where, n, l.VAT, l.Debit+l.Credit)
		case l.Recoverable < 0 || l.Recoverable > 100:
			return Errorf(Invalid, "%s, ligne %d : la part récupérable va de 0 à 100 %%", where, n)
		case (l.VAT != 0 || l.Recoverable != 0) && AccountClass(l.Account) != 6:
			return Errorf(Invalid, "%s, ligne %d : la TVA et la part récupérable ne se portent que sur une charge (classe 6), pas sur le compte %s", where, n, l.Account)
		}
	}
	d, c := e.Totals()
	if d != c {
		return Errorf(Invalid, "%s : écriture déséquilibrée, débit %s, crédit %s (écart %s)", where, d, c, (d - c).Abs())
	}
	return nil
}

// cleanTexts checks and cleans the entry's texts (CleanText); the piece
// first, since the other messages name the entry by it.
func (e *Entry) cleanTexts() error {
	what := "écriture"
	if !e.Date.IsZero() {
		what += " du " + FrenchDate(e.Date)
	}
	if err := cleanTexts(textField{&e.Piece, "pièce de l'" + what, ShortText}); err != nil {
		return err
	}
	what = lowerFirst(e.describe())
	if err := cleanTexts(
		textField{&e.Journal, "journal de l'" + what, ShortText},
		textField{&e.Label, "libellé de l'" + what, LabelText},
		textField{&e.Origin, "origine de l'" + what, LabelText},
	); err != nil {
		return err
	}
	for i := range e.Lines {
		l := &e.Lines[i]
		if textOK(l.Account, ShortText) && textOK(l.Key, ShortText) && textOK(l.Label, LabelText) &&
			textOK(l.Letter, ShortText) && textOK(l.Reconciled, ShortText) {
			continue // the common case, without building the names below
		}
		n := fmt.Sprintf("de l'%s, ligne %d", what, i+1)
		if err := cleanTexts(
			textField{&l.Account, "compte " + n, ShortText},
			textField{&l.Key, "clé " + n, ShortText},
			textField{&l.Label, "libellé " + n, LabelText},
			textField{&l.Letter, "lettrage " + n, ShortText},
			textField{&l.Reconciled, "pointage " + n, ShortText},
		); err != nil {
			return err
		}
	}
	return nil
}

func (e *Entry) describe() string {
	s := "Écriture"
	if e.Piece != "" {
		s += " " + e.Piece
	}
	if !e.Date.IsZero() {
		s += " du " + FrenchDate(e.Date)
	}
	return s
}

// lookups caches the sets a batch of entries is checked against.
type lookups struct {
	accounts map[string]bool
	keys     map[string]bool
	journals map[string]bool
}

func (tx *Tx) lookups() (*lookups, error) {
	if v, ok := tx.cache["lookups"]; ok {
		return v.(*lookups), nil
	}
	lk := &lookups{accounts: map[string]bool{}, keys: map[string]bool{}, journals: map[string]bool{}}
	for _, q := range []struct {
		sql string
		set map[string]bool
	}{{`SELECT code FROM accounts`, lk.accounts}, {`SELECT code FROM keys`, lk.keys}, {`SELECT code FROM journals`, lk.journals}} {
		codes, err := collect(tx, "lecture du plan comptable", q.sql, nil, func(r *sql.Rows) (string, error) {
			var s string
			return s, r.Scan(&s)
		})
		if err != nil {
			return nil, err
		}
		for _, c := range codes {
			q.set[c] = true
		}
	}
	tx.remember("lookups", lk)
	return lk, nil
}

// stmt returns a prepared statement kept for the transaction: workflows post
// thousands of entries in one go.
func (tx *Tx) stmt(query string) (*sql.Stmt, error) {
	if st := tx.prepared(query); st != nil {
		return st, nil
	}
	s, err := tx.tx.Prepare(query)
	if err != nil {
		return nil, sqlError(err, "préparation")
	}
	return s, nil
}

// PostEntry checks e against the books and writes it; e.ID is set.
func (tx *Tx) PostEntry(e *Entry) error { return tx.postEntry(e, 0, OpPost) }

// checkEntry checks e before it is written (PostEntry, PostEntries): its
// own rules (Validate), then against the books: an open exercise, a known
// journal, accounts and keys. It returns e's exercise.
func (tx *Tx) checkEntry(e *Entry) (Exercise, error) {
	if err := e.Validate(); err != nil {
		return Exercise{}, err
	}
	where := e.describe()
	ex, err := tx.ExerciseAt(e.Date)
	if err != nil {
		return ex, Errorf(Invalid, "%s : la date n'appartient à aucun exercice de la résidence", where)
	}
	if ex.Closed {
		return ex, Errorf(Locked, "%s : l'exercice %s est clos, aucune écriture ne peut y être ajoutée ou modifiée ; passez une écriture de correction dans l'exercice ouvert", where, ex.Name())
	}
	lk, err := tx.lookups()
	if err != nil {
		return ex, err
	}
	if !lk.journals[e.Journal] {
		return ex, Errorf(Invalid, "%s : le journal %s n'existe pas", where, e.Journal)
	}
	for i, l := range e.Lines {
		if !lk.accounts[l.Account] {
			return ex, Errorf(Invalid, "%s, ligne %d : le compte %s n'existe pas dans le plan comptable", where, i+1, l.Account)
		}
		if l.Key != "" && !lk.keys[l.Key] {
			return ex, Errorf(Invalid, "%s, ligne %d : la clé %s n'existe pas", where, i+1, l.Key)
		}
	}
	return ex, nil
}

// postEntry writes e under number id, or the next free number when id is 0,
// and appends op (a post, or a replace) to the entries' chain.
func (tx *Tx) postEntry(e *Entry, id int64, op string) error {
	ex, err := tx.checkEntry(e)
	if err != nil {
		return err
	}
	where := e.describe()
	ins, err := tx.stmt(`INSERT INTO entries (id, journal, date, piece, label, origin, validated) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	var forced any
	if id != 0 {
		forced = id
	}
	// The day it is validated (migration 008_entry_validated.sql).
	res, err := ins.Exec(forced, e.Journal, ISO(e.Date), e.Piece, e.Label, e.Origin, ISO(Now()))
	if err != nil {
		return sqlError(err, where)
	}
	id, _ = res.LastInsertId()
	// VAT and share go in only when the file has them (see hasColumn).
	withVAT := tx.linesHaveVAT()
	q := `INSERT INTO lines (entry_id, account, key, label, debit, credit, letter, reconciled, vat, recoverable)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	if !withVAT {
		q = `INSERT INTO lines (entry_id, account, key, label, debit, credit, letter, reconciled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	}
	line, err := tx.stmt(q)
	if err != nil {
		return err
	}
	for i := range e.Lines {
		l := &e.Lines[i]
		var key any
		if l.Key != "" {
			key = l.Key
		}
		args := []any{id, l.Account, key, l.Label, int64(l.Debit), int64(l.Credit), l.Letter, l.Reconciled}
		if withVAT {
			args = append(args, int64(l.VAT), l.Recoverable)
		}
		r, err := line.Exec(args...)
		if err != nil {
			return sqlError(err, fmt.Sprintf("%s, ligne %d", where, i+1))
		}
		l.ID, _ = r.LastInsertId()
	}
	post, err := tx.stmt(`UPDATE entries SET posted = 1 WHERE id = ?`)
	if err != nil {
		return err
	}
	if _, err := post.Exec(id); err != nil {
		return sqlError(err, where)
	}
	e.ID = id
	return tx.chainEntry(op, e, ex)
}

// DeleteEntry removes an entry of an open exercise. A matching group
// (lettrage) that loses one of its lines no longer balances: it is unmatched
// whole.
func (tx *Tx) DeleteEntry(id int64) error {
	e, err := tx.Entry(id)
	if err != nil {
		return err
	}
	ex, err := tx.deleteEntry(e)
	if err != nil {
		return err
	}
	if err := tx.chainEntry(OpDelete, &e, ex); err != nil {
		return err
	}
	// A receipt's details go with its entry. Not by a trigger: ReplaceEntry
	// deletes and reinserts an entry under its number, and a corrected
	// receipt keeps its details.
	if _, err := tx.exec(e.describe(), `DELETE FROM receipts WHERE entry_id = ?`, e.ID); err != nil {
		return err
	}
	return tx.unmatch(brokenGroups(e.Lines, nil))
}

// deleteEntry removes e from the books, keeping its text for its history;
// it returns e's exercise.
func (tx *Tx) deleteEntry(e Entry) (Exercise, error) {
	ex, err := tx.ExerciseAt(e.Date)
	if err == nil && ex.Closed {
		return ex, Errorf(Locked, "%s : l'exercice %s est clos, ses écritures ne peuvent pas être supprimées", e.describe(), ex.Name())
	}
	if err := tx.keepSupersededVersion(&e); err != nil {
		return ex, err
	}
	_, err = tx.exec(e.describe(), `DELETE FROM entries WHERE id = ?`, e.ID)
	return ex, err
}

// ReplaceEntry changes an entry of an open exercise, keeping its number:
// the old lines are removed and e's are posted in their place in the same
// transaction (e.ID is set to id). A line keeps its matching letter and bank
// tick only when the caller copies them onto a line of the same account and
// amounts; a matching group that loses a line is unmatched whole.
func (tx *Tx) ReplaceEntry(id int64, e *Entry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	old, err := tx.Entry(id)
	if err != nil {
		return err
	}
	if _, err := tx.deleteEntry(old); err != nil {
		return err
	}
	if err := tx.postEntry(e, id, OpReplace); err != nil {
		return err
	}
	return tx.unmatch(brokenGroups(old.Lines, e.Lines))
}

// matchGroup is a matching letter on an account.
type matchGroup struct{ account, letter string }

// brokenGroups lists the matching groups of the old lines that the new lines
// do not carry on unchanged (same account, amounts and letter).
func brokenGroups(old, new []Line) []matchGroup {
	kept := map[Line]int{}
	for _, l := range new {
		if l.Letter != "" {
			kept[Line{Account: l.Account, Debit: l.Debit, Credit: l.Credit, Letter: l.Letter}]++
		}
	}
	seen := map[matchGroup]bool{}
	var out []matchGroup
	for _, l := range old {
		if l.Letter == "" {
			continue
		}
		k := Line{Account: l.Account, Debit: l.Debit, Credit: l.Credit, Letter: l.Letter}
		if kept[k] > 0 {
			kept[k]--
			continue
		}
		g := matchGroup{l.Account, l.Letter}
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

// unmatch clears the letters of the groups on lines of open exercises (a
// closed exercise's lines cannot change; their letters stay as printed).
func (tx *Tx) unmatch(groups []matchGroup) error {
	for _, g := range groups {
		if _, err := tx.exec("lettrage", `UPDATE lines SET letter = '' WHERE account = ? AND letter = ?
			AND entry_id IN (SELECT e.id FROM entries e WHERE NOT EXISTS
				(SELECT 1 FROM exercises x WHERE x.closed = 1 AND e.date BETWEEN x.start AND x.end))`,
			g.account, g.letter); err != nil {
			return err
		}
	}
	return nil
}

// EntryFilter selects entries; zero fields select everything.
type EntryFilter struct {
	Journal string
	From    time.Time
	To      time.Time
	Account string // entries with at least one line on this account
	Origin  string // entries whose origin starts with this
}

// Entries lists posted entries with their lines, by date then number.
func (tx *Tx) Entries(f EntryFilter) ([]Entry, error) {
	q := `SELECT e.id, e.journal, e.date, e.piece, e.label, e.origin,
		l.id, l.account, coalesce(l.key, ''), l.label, l.debit, l.credit, l.letter, l.reconciled, ` + tx.lineVAT("l.") + `
		FROM entries e JOIN lines l ON l.entry_id = e.id WHERE e.posted = 1`
	var args []any
	if f.Journal != "" {
		q += ` AND e.journal = ?`
		args = append(args, f.Journal)
	}
	if !f.From.IsZero() {
		q += ` AND e.date >= ?`
		args = append(args, ISO(f.From))
	}
	if !f.To.IsZero() {
		q += ` AND e.date <= ?`
		args = append(args, ISO(f.To))
	}
	if f.Account != "" {
		q += ` AND e.id IN (SELECT entry_id FROM lines WHERE account = ?)`
		args = append(args, f.Account)
	}
	if f.Origin != "" {
		q += ` AND e.origin GLOB ?`
		args = append(args, globEscape(f.Origin)+"*")
	}
	q += ` ORDER BY e.date, e.id, l.id`
	type row struct {
		e Entry
		l Line
	}
	rows, err := collect(tx, "lecture des écritures", q, args, func(r *sql.Rows) (row, error) {
		var x row
		var date string
		err := r.Scan(&x.e.ID, &x.e.Journal, &date, &x.e.Piece, &x.e.Label, &x.e.Origin,
			&x.l.ID, &x.l.Account, &x.l.Key, &x.l.Label, &x.l.Debit, &x.l.Credit, &x.l.Letter, &x.l.Reconciled, &x.l.VAT, &x.l.Recoverable)
		x.e.Date = parseStored(date)
		return x, err
	})
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, x := range rows {
		if len(out) == 0 || out[len(out)-1].ID != x.e.ID {
			out = append(out, x.e)
		}
		last := &out[len(out)-1]
		last.Lines = append(last.Lines, x.l)
	}
	return out, nil
}

func globEscape(s string) string {
	r := strings.NewReplacer("*", "[*]", "?", "[?]", "[", "[[]")
	return r.Replace(s)
}

// Entry returns one posted entry.
func (tx *Tx) Entry(id int64) (Entry, error) {
	list, err := collect(tx, "lecture de l'écriture", `SELECT journal, date, piece, label, origin FROM entries WHERE id = ? AND posted = 1`,
		[]any{id}, func(r *sql.Rows) (Entry, error) {
			e := Entry{ID: id}
			var date string
			err := r.Scan(&e.Journal, &date, &e.Piece, &e.Label, &e.Origin)
			e.Date = parseStored(date)
			return e, err
		})
	if err != nil {
		return Entry{}, err
	}
	if len(list) == 0 {
		return Entry{}, Errorf(NotFound, "L'écriture n° %d n'existe pas", id)
	}
	e := list[0]
	e.Lines, err = collect(tx, "lecture de l'écriture", `SELECT id, account, coalesce(key, ''), label, debit, credit, letter, reconciled, `+tx.lineVAT("")+`
		FROM lines WHERE entry_id = ? ORDER BY id`, []any{id}, func(r *sql.Rows) (Line, error) {
		var l Line
		return l, r.Scan(&l.ID, &l.Account, &l.Key, &l.Label, &l.Debit, &l.Credit, &l.Letter, &l.Reconciled, &l.VAT, &l.Recoverable)
	})
	return e, err
}

// LastEntryDate is the date of the latest posted entry (zero if none).
func (tx *Tx) LastEntryDate() (time.Time, error) {
	var d sql.NullString
	if err := tx.queryRow(`SELECT max(date) FROM entries WHERE posted = 1`).Scan(&d); err != nil {
		return time.Time{}, sqlError(err, "lecture des écritures")
	}
	return parseStored(d.String), nil
}

// RecentAccounts lists the accounts of the latest posted entries, the most
// recent first, at most n of them: pickers offer them before the others,
// since a syndic books the same few expenses month after month. Accounts of
// the same entry come in the order of their codes.
//
// The entries are read from the latest back, and the reading stops once n
// accounts are found: grouping every line by account took a second on a
// 200,000-line residence, each time the Saisie screen or an invoice form
// was shown (issue 22); a few entries are read now.
func (tx *Tx) RecentAccounts(n int) ([]string, error) {
	const what = "lecture des comptes récents"
	if n <= 0 {
		return nil, nil
	}
	query := `SELECT e.id, l.account FROM entries e JOIN lines l ON l.entry_id = e.id WHERE e.posted = 1 ORDER BY e.id DESC`
	var rows *sql.Rows
	var err error
	if st := tx.prepared(query); st != nil {
		rows, err = st.Query()
	} else {
		rows, err = tx.tx.Query(query)
	}
	if err != nil {
		return nil, sqlError(err, what)
	}
	defer rows.Close()
	var out, entry []string
	seen := map[string]bool{}
	current := int64(-1)
	flush := func() {
		slices.Sort(entry)
		for _, a := range entry {
			if !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
		entry = entry[:0]
	}
	for rows.Next() {
		var id int64
		var account string
		if err := rows.Scan(&id, &account); err != nil {
			return nil, sqlError(err, what)
		}
		if id != current {
			flush()
			if len(out) >= n {
				break // every account of a later entry is in
			}
			current = id
		}
		entry = append(entry, account)
	}
	if err := rows.Err(); err != nil {
		return nil, sqlError(err, what)
	}
	flush()
	return out[:min(len(out), n)], nil
}
