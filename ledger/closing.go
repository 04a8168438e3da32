package ledger

import (
	"database/sql"
	"sort"
	"time"

	"github.com/shopspring/decimal"
)

// ExceptionalSection is the section code of a closing's exceptional
// operations outside any works campaign (677, 678, 702000… lines).
const ExceptionalSection = "*"

// ClosingKey is what one section of a closing distributed on one key.
type ClosingKey struct {
	Section     string // "" current operations, a campaign code, or ExceptionalSection
	Key         string
	TotalShares decimal.Decimal
	Charges     Amount
	Income      Amount
}

// Net is the key's net charges: charges − income.
func (k ClosingKey) Net() Amount { return k.Charges - k.Income }

// ClosingPart is an owner's part of a section on a key.
type ClosingPart struct {
	Section string
	Owner   string
	Key     string // "" for provisions whose key is unknown
	Shares  decimal.Decimal
	Part    Amount // his part of the key's net charges
	Called  Amount // provisions called from him on the key
	Moved   Amount // provisions taken over from a seller (+) or passed to a buyer (−)
}

// Provisions is what the closing credits back to the owner on the key.
func (p ClosingPart) Provisions() Amount { return p.Called + p.Moved }

// ClosingRecord is how a closing was computed: written with its entries,
// it lets owner statements be printed again as they were.
type ClosingRecord struct {
	ExerciseID int64
	OwnersAt   time.Time
	PostedAt   time.Time
	Keys       []ClosingKey  // by section then key
	Parts      []ClosingPart // by section, owner, key
}

// validate checks that every key's parts add up to its net charges.
func (r *ClosingRecord) validate() error {
	if r.OwnersAt.IsZero() {
		return Errorf(Invalid, "Clôture : la date d'attribution des régularisations est obligatoire")
	}
	nets := map[[2]string]Amount{}
	for _, k := range r.Keys {
		id := [2]string{k.Section, k.Key}
		if _, dup := nets[id]; dup {
			return Errorf(Invalid, "Clôture : la clé %s figure deux fois dans la même section", k.Key)
		}
		nets[id] = k.Net()
	}
	sums := map[[2]string]Amount{}
	for _, p := range r.Parts {
		id := [2]string{p.Section, p.Key}
		if _, ok := nets[id]; !ok && p.Part != 0 {
			return Errorf(Invalid, "Clôture : la part de %s porte sur la clé %s, qui n'est pas répartie", p.Owner, p.Key)
		}
		sums[id] += p.Part
	}
	for id, net := range nets {
		if sums[id] != net {
			return Errorf(Invalid, "Clôture : les parts de la clé %s font %s au lieu de %s", id[1], sums[id], net)
		}
	}
	return nil
}

// RecordClosing writes how the closing of an exercise was computed. It is
// called by the closing workflow with its entries, before CloseExercise:
// once the exercise is locked the record no longer changes.
func (tx *Tx) RecordClosing(r ClosingRecord) error {
	if err := r.validate(); err != nil {
		return err
	}
	if _, err := tx.exec("enregistrement de la clôture", `INSERT INTO closings (exercise_id, owners_at, posted_at) VALUES (?, ?, ?)`,
		r.ExerciseID, ISO(r.OwnersAt), Now().UTC().Format(time.RFC3339)); err != nil {
		if KindOf(err) == Conflict {
			return Errorf(Conflict, "La clôture de cet exercice est déjà enregistrée")
		}
		return err
	}
	insKey, err := tx.stmt(`INSERT INTO closing_keys (exercise_id, section, key, total_shares, charges, income) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	for _, k := range r.Keys {
		if _, err := insKey.Exec(r.ExerciseID, k.Section, k.Key, k.TotalShares.String(), int64(k.Charges), int64(k.Income)); err != nil {
			return sqlError(err, "enregistrement de la clôture, clé "+k.Key)
		}
	}
	insPart, err := tx.stmt(`INSERT INTO closing_parts (exercise_id, section, owner, key, shares, part, called, moved) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	for _, p := range r.Parts {
		if _, err := insPart.Exec(r.ExerciseID, p.Section, p.Owner, p.Key, p.Shares.String(), int64(p.Part), int64(p.Called), int64(p.Moved)); err != nil {
			return sqlError(err, "enregistrement de la clôture, part de "+p.Owner)
		}
	}
	return nil
}

// ClosingRecordOf returns the record of an exercise's closing; ok is false
// when the exercise was not closed by the closing workflow.
func (tx *Tx) ClosingRecordOf(exerciseID int64) (r ClosingRecord, ok bool, err error) {
	r.ExerciseID = exerciseID
	var owners, posted string
	err = tx.queryRow(`SELECT owners_at, posted_at FROM closings WHERE exercise_id = ?`, exerciseID).Scan(&owners, &posted)
	if err == sql.ErrNoRows {
		return r, false, nil
	}
	if err != nil {
		return r, false, sqlError(err, "lecture de la clôture")
	}
	r.OwnersAt = parseStored(owners)
	r.PostedAt, _ = time.Parse(time.RFC3339, posted)
	r.Keys, err = collect(tx, "lecture de la clôture", `SELECT section, key, total_shares, charges, income FROM closing_keys
		WHERE exercise_id = ? ORDER BY section, key`, []any{exerciseID}, func(rows *sql.Rows) (ClosingKey, error) {
		var k ClosingKey
		var total string
		if err := rows.Scan(&k.Section, &k.Key, &total, &k.Charges, &k.Income); err != nil {
			return k, err
		}
		var err error
		k.TotalShares, err = decimal.NewFromString(total)
		return k, err
	})
	if err != nil {
		return r, false, err
	}
	r.Parts, err = collect(tx, "lecture de la clôture", `SELECT section, owner, key, shares, part, called, moved FROM closing_parts
		WHERE exercise_id = ? ORDER BY section, owner, key`, []any{exerciseID}, func(rows *sql.Rows) (ClosingPart, error) {
		var p ClosingPart
		var shares string
		if err := rows.Scan(&p.Section, &p.Owner, &p.Key, &shares, &p.Part, &p.Called, &p.Moved); err != nil {
			return p, err
		}
		var err error
		p.Shares, err = decimal.NewFromString(shares)
		return p, err
	})
	return r, err == nil, err
}

// ClosedSections maps each section code to the end of the latest exercise
// whose closing distributed it: a works campaign distributed then counts
// only its later calls when it is distributed again (late invoices).
func (tx *Tx) ClosedSections() (map[string]time.Time, error) {
	type row struct {
		section string
		end     string
	}
	rows, err := collect(tx, "lecture des clôtures", `SELECT DISTINCT k.section, x.end FROM
		(SELECT exercise_id, section FROM closing_keys UNION SELECT exercise_id, section FROM closing_parts) k
		JOIN exercises x ON x.id = k.exercise_id WHERE x.closed = 1`, nil, func(r *sql.Rows) (row, error) {
		var x row
		return x, r.Scan(&x.section, &x.end)
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].end < rows[j].end })
	out := map[string]time.Time{}
	for _, x := range rows {
		out[x.section] = parseStored(x.end)
	}
	return out, nil
}

// UnreconciledLines counts the lines of a bank account dated up to day to
// that no bank statement ticks, leaving out the opening balances carried
// from a closed exercise (they are not movements of the bank): the closing
// warns when a bank account is not reconciled at the year end. A count,
// not the lines, so that a large residence's closing stays quick.
func (tx *Tx) UnreconciledLines(account string, to time.Time) (int, error) {
	first, err := tx.firstDay()
	if err != nil {
		return 0, err
	}
	var n int
	err = tx.queryRow(`SELECT count(*) FROM lines l JOIN entries e ON e.id = l.entry_id
		WHERE l.account = ? AND e.posted = 1 AND e.date <= ? AND l.reconciled = ''
		AND NOT (e.journal = 'AN' AND e.date > ?)`, account, ISO(to), ISO(first)).Scan(&n)
	return n, sqlError(err, "contrôle du rapprochement bancaire")
}
