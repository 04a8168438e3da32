package ledger

import (
	"database/sql"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// CallKind says what a call for funds asks for.
type CallKind string

const (
	BudgetCall CallKind = "budget" // provisions of the budget, credited to 701
	WorksCall  CallKind = "works"  // a works campaign, credited to 102xxx or 702xxx
	FundCall   CallKind = "fund"   // the works fund, credited to 105
	// DirectCall is a one-off call (« appel direct ») of an amount on a key
	// for an AG decision that is not a works campaign (IsOneOffCallAccount).
	DirectCall CallKind = "direct"
	// AdvanceCall asks the owners for an advance (fonds de roulement,
	// avance de trésorerie), credited to 103x and owed back to them.
	AdvanceCall CallKind = "advance"
)

// Label is the kind in French, as the screens name it.
func (k CallKind) Label() string {
	switch k {
	case BudgetCall:
		return "budget prévisionnel"
	case WorksCall:
		return "travaux"
	case FundCall:
		return "fonds de travaux"
	case DirectCall:
		return "appel ponctuel"
	case AdvanceCall:
		return "avance"
	}
	return string(k)
}

// CallKey is one key of a call: the amount called on it and the key's total
// shares on the due date.
type CallKey struct {
	Key         string
	TotalShares decimal.Decimal
	Amount      Amount
}

// CallPart is what a call asks of one owner on one key: the sum of his lots'
// shares on the key at the due date and his part of the key's amount.
type CallPart struct {
	Owner  string
	Key    string
	Shares decimal.Decimal
	Amount Amount
}

// Call is a call for funds as posted: its entry, and what it asked of each
// owner on each key. It is never changed; CancelCall reverses it.
type Call struct {
	ID          int64
	Kind        CallKind
	ExerciseID  int64
	Works       string // campaign code of a works call
	Number      int    // rank in its series (1 for the first quarter…)
	Count       int    // calls in its series
	Due         time.Time
	PeriodStart time.Time
	PeriodEnd   time.Time
	Label       string
	Account     string // the account credited: 701000, 105000, 102xxx or 702xxx
	Level       string // accounting level the entry was written at
	Piece       string
	EntryID     int64
	// CancelEntryID is the reversing entry once the call is cancelled.
	CancelEntryID int64
	Keys          []CallKey
	Parts         []CallPart // by owner then key; loaded by Call, not Calls
}

// Cancelled says whether the call was reversed.
func (c Call) Cancelled() bool { return c.CancelEntryID != 0 }

// Total is the amount called, over every key.
func (c Call) Total() Amount {
	var t Amount
	for _, k := range c.Keys {
		t += k.Amount
	}
	return t
}

// OwnerTotals sums the parts per owner.
func (c Call) OwnerTotals() map[string]Amount {
	out := map[string]Amount{}
	for _, p := range c.Parts {
		out[p.Owner] += p.Amount
	}
	return out
}

// describe names the call in messages: "Appel A0003 du 01/07/2025".
func (c Call) describe() string {
	s := "Appel"
	if c.Piece != "" {
		s += " " + c.Piece
	}
	if !c.Due.IsZero() {
		s += " du " + FrenchDate(c.Due)
	}
	return s
}

// validate checks that the call is whole and that its parts add up: per
// key to the key's amount (the exact rounding of DOMAIN §4, no 470 gap).
func (c *Call) validate() error {
	if err := cleanTexts(textField{&c.Piece, "pièce de l'appel de fonds", ShortText}); err != nil {
		return err
	}
	where := c.describe()
	if err := cleanTexts(
		textField{&c.Label, "libellé de l'" + lowerFirst(where), LabelText},
		textField{&c.Level, "niveau de l'" + lowerFirst(where), ShortText},
	); err != nil {
		return err
	}
	switch c.Kind {
	case BudgetCall, FundCall, DirectCall, AdvanceCall:
		if c.Works != "" {
			return Errorf(Invalid, "%s : seul un appel de travaux porte un code de travaux", where)
		}
		if err := checkOneOffAccount(c.Kind, c.Account, where); err != nil {
			return err
		}
	case WorksCall:
		if c.Works == "" {
			return Errorf(Invalid, "%s : un appel de travaux doit indiquer sa campagne", where)
		}
	default:
		return Errorf(Invalid, "%s : type d'appel « %s » inconnu", where, c.Kind)
	}
	switch {
	case c.Due.IsZero():
		return Errorf(Invalid, "Appel de fonds : la date d'échéance est obligatoire")
	case c.Piece == "":
		return Errorf(Invalid, "%s : le numéro de pièce est obligatoire", where)
	case strings.TrimSpace(c.Label) == "":
		return Errorf(Invalid, "%s : le libellé est obligatoire", where)
	case c.Number < 1 || c.Count < c.Number:
		return Errorf(Invalid, "%s : rang %d sur %d impossible", where, c.Number, c.Count)
	case c.PeriodStart.IsZero() || c.PeriodEnd.IsZero() || c.Due.Before(c.PeriodStart) || c.Due.After(c.PeriodEnd):
		return Errorf(Invalid, "%s : l'échéance doit tomber dans la période appelée (du %s au %s)", where, FrenchDate(c.PeriodStart), FrenchDate(c.PeriodEnd))
	case len(c.Keys) == 0:
		return Errorf(Invalid, "%s : aucune clé n'est appelée", where)
	}
	amounts := map[string]Amount{}
	for _, k := range c.Keys {
		if _, dup := amounts[k.Key]; dup {
			return Errorf(Invalid, "%s : la clé %s figure deux fois", where, k.Key)
		}
		if k.Amount == 0 {
			return Errorf(Invalid, "%s : le montant appelé sur la clé %s est nul", where, k.Key)
		}
		if !k.TotalShares.IsPositive() {
			return Errorf(Invalid, "%s : la clé %s n'a aucun tantième", where, k.Key)
		}
		amounts[k.Key] = k.Amount
	}
	seen := map[[2]string]bool{}
	sums := map[string]Amount{}
	for _, p := range c.Parts {
		if _, ok := amounts[p.Key]; !ok {
			return Errorf(Invalid, "%s : la part de %s porte sur la clé %s, qui n'est pas appelée", where, p.Owner, p.Key)
		}
		if seen[[2]string{p.Owner, p.Key}] {
			return Errorf(Invalid, "%s : %s a deux parts sur la clé %s", where, p.Owner, p.Key)
		}
		if p.Shares.IsNegative() || p.Shares.GreaterThan(keyTotalShares(c.Keys, p.Key)) {
			return Errorf(Invalid, "%s : les tantièmes de %s sur la clé %s ne conviennent pas", where, p.Owner, p.Key)
		}
		seen[[2]string{p.Owner, p.Key}] = true
		sums[p.Key] += p.Amount
	}
	for _, k := range c.Keys {
		if sums[k.Key] != k.Amount {
			return Errorf(Invalid, "%s : les parts des copropriétaires sur la clé %s font %s au lieu de %s", where, k.Key, sums[k.Key], k.Amount)
		}
	}
	return nil
}

func keyTotalShares(keys []CallKey, key string) decimal.Decimal {
	for _, k := range keys {
		if k.Key == key {
			return k.TotalShares
		}
	}
	return decimal.Zero
}

// PostCall writes a call: its entry e (dated on the due date, carrying the
// call's piece) and the record of its keys and parts. The entry must move
// each owner's account by exactly his parts and credit the call's account
// by its total, whatever its accounting level; c.ID, c.EntryID and e.ID are
// set.
func (tx *Tx) PostCall(c *Call, e *Entry) error {
	if err := c.validate(); err != nil {
		return err
	}
	where := c.describe()
	ex, err := tx.ExerciseAt(c.Due)
	if err != nil {
		return Errorf(Invalid, "%s : la date n'appartient à aucun exercice de la résidence", where)
	}
	if c.ExerciseID == 0 {
		c.ExerciseID = ex.ID
	}
	if c.ExerciseID != ex.ID {
		return Errorf(Invalid, "%s : l'échéance n'appartient pas à l'exercice de l'appel", where)
	}
	if ex.Closed {
		return Errorf(Locked, "%s : l'exercice %s est clos, aucun appel ne peut y être passé", where, ex.Name())
	}
	if !e.Date.Equal(c.Due) || e.Piece != c.Piece {
		return Errorf(Invalid, "%s : l'écriture doit être datée du jour de l'échéance et porter la pièce de l'appel", where)
	}
	if c.Kind == WorksCall {
		var n int
		if err := tx.queryRow(`SELECT count(*) FROM works WHERE code = ?`, c.Works).Scan(&n); err != nil {
			return sqlError(err, where)
		}
		if n == 0 {
			return Errorf(NotFound, "%s : la campagne de travaux %s n'existe pas", where, c.Works)
		}
	}
	// The entry must say what the parts say, owner by owner, and credit
	// nothing but the call's account.
	want := c.OwnerTotals()
	got := map[string]Amount{}
	var credited Amount
	for _, l := range e.Lines {
		switch {
		case IsOwnerAccount(l.Account):
			got[l.Account] += l.Debit - l.Credit
		case l.Account == c.Account:
			credited += l.Credit - l.Debit
		default:
			return Errorf(Invalid, "%s : l'écriture mouvemente le compte %s, qui n'est ni un compte de copropriétaire ni le compte %s de l'appel", where, l.Account, c.Account)
		}
	}
	// In account order, so that the same mistake is always reported on the
	// same owner.
	for _, owner := range sortedKeys(want) {
		if a := want[owner]; got[owner] != a {
			return Errorf(Invalid, "%s : l'écriture porte %s au compte %s, ses parts font %s", where, got[owner], owner, a)
		}
	}
	for _, owner := range sortedKeys(got) {
		if _, ok := want[owner]; !ok && got[owner] != 0 {
			return Errorf(Invalid, "%s : l'écriture mouvemente le compte %s, qui n'a aucune part de l'appel", where, owner)
		}
	}
	if credited != c.Total() {
		return Errorf(Invalid, "%s : l'écriture crédite %s de %s au lieu de %s", where, c.Account, credited, c.Total())
	}
	if err := tx.PostEntry(e); err != nil {
		return err
	}
	res, err := tx.exec(where, `INSERT INTO calls (kind, exercise_id, works, number, count, due_date, period_start, period_end,
		label, account, level, piece, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		string(c.Kind), c.ExerciseID, c.Works, c.Number, c.Count, ISO(c.Due), ISO(c.PeriodStart), ISO(c.PeriodEnd),
		strings.TrimSpace(c.Label), c.Account, c.Level, c.Piece, e.ID)
	if err != nil {
		return err
	}
	c.ID, _ = res.LastInsertId()
	c.EntryID = e.ID
	insKey, err := tx.stmt(`INSERT INTO call_keys (call_id, key, total_shares, amount) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	for _, k := range c.Keys {
		if _, err := insKey.Exec(c.ID, k.Key, k.TotalShares.String(), int64(k.Amount)); err != nil {
			return sqlError(err, where+", clé "+k.Key)
		}
	}
	insPart, err := tx.stmt(`INSERT INTO call_parts (call_id, owner, key, shares, amount) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	for _, p := range c.Parts {
		if _, err := insPart.Exec(c.ID, p.Owner, p.Key, p.Shares.String(), int64(p.Amount)); err != nil {
			return sqlError(err, where+", part de "+p.Owner)
		}
	}
	return nil
}

// CancelCall reverses a call: an entry with every line of the call's entry
// on the other side, dated on day d (the due date when d is zero), which
// must fall in the call's exercise, on or after its due date, while that
// exercise is open. The call stays, marked cancelled; its notices can be
// printed again but it no longer counts.
func (tx *Tx) CancelCall(id int64, d time.Time) (Entry, error) {
	c, err := tx.callHead(id)
	if err != nil {
		return Entry{}, err
	}
	where := c.describe()
	if c.Cancelled() {
		return Entry{}, Errorf(Conflict, "%s : cet appel est déjà annulé", where)
	}
	exs, err := tx.Exercises()
	if err != nil {
		return Entry{}, err
	}
	var ex Exercise
	for _, x := range exs {
		if x.ID == c.ExerciseID {
			ex = x
		}
	}
	if ex.Closed {
		return Entry{}, Errorf(Locked, "%s : l'exercice %s est clos, ses appels ne peuvent plus être annulés", where, ex.Name())
	}
	if d.IsZero() {
		d = c.Due
	}
	if d.Before(c.Due) || !ex.Contains(d) {
		return Entry{}, Errorf(Invalid, "%s : l'annulation doit être datée entre le %s et le %s, dans l'exercice de l'appel", where, FrenchDate(c.Due), FrenchDate(ex.End))
	}
	if c.Kind == AdvanceCall {
		if err := tx.checkAdvanceCancel(c); err != nil {
			return Entry{}, err
		}
	}
	orig, err := tx.Entry(c.EntryID)
	if err != nil {
		return Entry{}, err
	}
	rev := Entry{Journal: orig.Journal, Date: d, Piece: orig.Piece, Label: "Annulation : " + orig.Label, Origin: "cancel:" + orig.Origin}
	for _, l := range orig.Lines {
		rev.Lines = append(rev.Lines, Line{Account: l.Account, Key: l.Key, Label: l.Label, Debit: l.Credit, Credit: l.Debit})
	}
	if err := tx.PostEntry(&rev); err != nil {
		return Entry{}, err
	}
	if _, err := tx.exec(where, `UPDATE calls SET cancel_entry_id = ? WHERE id = ?`, rev.ID, id); err != nil {
		return Entry{}, err
	}
	return rev, nil
}

// CallFilter selects calls; zero fields select everything.
type CallFilter struct {
	ExerciseID int64
	Kind       CallKind
	Works      string
	Due        time.Time // calls due on that day
	Piece      string
	Live       bool // leave cancelled calls out
}

const callColumns = `id, kind, exercise_id, works, number, count, due_date, period_start, period_end, label, account,
	level, piece, entry_id, coalesce(cancel_entry_id, 0)`

func scanCall(r interface{ Scan(...any) error }) (Call, error) {
	var c Call
	var kind, due, from, to string
	err := r.Scan(&c.ID, &kind, &c.ExerciseID, &c.Works, &c.Number, &c.Count, &due, &from, &to, &c.Label, &c.Account,
		&c.Level, &c.Piece, &c.EntryID, &c.CancelEntryID)
	c.Kind = CallKind(kind)
	c.Due, c.PeriodStart, c.PeriodEnd = parseStored(due), parseStored(from), parseStored(to)
	return c, err
}

// Calls lists calls by due date then number, with their keys (not their
// parts: see Call and CallParts).
func (tx *Tx) Calls(f CallFilter) ([]Call, error) {
	q := `SELECT ` + callColumns + ` FROM calls WHERE 1 = 1`
	var args []any
	if f.ExerciseID != 0 {
		q += ` AND exercise_id = ?`
		args = append(args, f.ExerciseID)
	}
	if f.Kind != "" {
		q += ` AND kind = ?`
		args = append(args, string(f.Kind))
	}
	if f.Works != "" {
		q += ` AND works = ?`
		args = append(args, f.Works)
	}
	if !f.Due.IsZero() {
		q += ` AND due_date = ?`
		args = append(args, ISO(f.Due))
	}
	if f.Piece != "" {
		q += ` AND piece = ?`
		args = append(args, f.Piece)
	}
	if f.Live {
		q += ` AND cancel_entry_id IS NULL`
	}
	q += ` ORDER BY due_date, id`
	calls, err := collect(tx, "lecture des appels de fonds", q, args, func(r *sql.Rows) (Call, error) { return scanCall(r) })
	if err != nil {
		return nil, err
	}
	return calls, tx.loadCallKeys(calls)
}

// loadCallKeys fills the keys of the calls.
func (tx *Tx) loadCallKeys(calls []Call) error {
	if len(calls) == 0 {
		return nil
	}
	byID := map[int64]int{}
	for i, c := range calls {
		byID[c.ID] = i
	}
	type keyRow struct {
		call int64
		k    CallKey
	}
	q := `SELECT call_id, key, total_shares, amount FROM call_keys`
	var args []any
	if len(calls) < 500 {
		q += ` WHERE call_id IN (` + strings.TrimSuffix(strings.Repeat("?, ", len(calls)), ", ") + `)`
		for _, c := range calls {
			args = append(args, c.ID)
		}
	}
	rows, err := collect(tx, "lecture des appels de fonds", q+` ORDER BY call_id, key`, args, func(r *sql.Rows) (keyRow, error) {
		var x keyRow
		var total string
		if err := r.Scan(&x.call, &x.k.Key, &total, &x.k.Amount); err != nil {
			return x, err
		}
		var err error
		x.k.TotalShares, err = decimal.NewFromString(total)
		return x, err
	})
	if err != nil {
		return err
	}
	for _, x := range rows {
		if i, ok := byID[x.call]; ok {
			calls[i].Keys = append(calls[i].Keys, x.k)
		}
	}
	return nil
}

func (tx *Tx) callHead(id int64) (Call, error) {
	c, err := scanCall(tx.queryRow(`SELECT `+callColumns+` FROM calls WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return c, Errorf(NotFound, "L'appel de fonds n° %d n'existe pas", id)
	}
	return c, sqlError(err, "lecture de l'appel de fonds")
}

// Call returns one call with its keys and parts.
func (tx *Tx) Call(id int64) (Call, error) {
	c, err := tx.callHead(id)
	if err != nil {
		return c, err
	}
	one := []Call{c}
	if err := tx.loadCallKeys(one); err != nil {
		return c, err
	}
	c = one[0]
	parts, err := tx.CallParts(id)
	if err != nil {
		return c, err
	}
	c.Parts = parts[id]
	return c, nil
}

// CallParts returns the parts of the given calls, by call, each by owner
// then key.
func (tx *Tx) CallParts(ids ...int64) (map[int64][]CallPart, error) {
	out := map[int64][]CallPart{}
	if len(ids) == 0 {
		return out, nil
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	type partRow struct {
		call int64
		p    CallPart
	}
	// Chunks keep the statement under SQLite's limit of bound variables.
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := collect(tx, "lecture des parts des appels", `SELECT call_id, owner, key, shares, amount FROM call_parts
			WHERE call_id IN (`+strings.TrimSuffix(strings.Repeat("?, ", len(chunk)), ", ")+`) ORDER BY call_id, owner, key`,
			args, func(r *sql.Rows) (partRow, error) {
				var x partRow
				var shares string
				if err := r.Scan(&x.call, &x.p.Owner, &x.p.Key, &shares, &x.p.Amount); err != nil {
					return x, err
				}
				var err error
				x.p.Shares, err = decimal.NewFromString(shares)
				return x, err
			})
		if err != nil {
			return nil, err
		}
		for _, x := range rows {
			out[x.call] = append(out[x.call], x.p)
		}
	}
	return out, nil
}
