package ledger

import (
	"database/sql"
	"time"
)

// EntriesValidated gives the day each posted entry dated from..to was
// validated (posted, or last replaced), by entry number. An entry posted
// before the day was recorded (migration 008_entry_validated.sql) is left
// out: the caller decides what stands for it.
func (tx *Tx) EntriesValidated(from, to time.Time) (map[int64]time.Time, error) {
	type row struct {
		id  int64
		day time.Time
	}
	rows, err := collect(tx, "lecture des dates de validation",
		`SELECT id, validated FROM entries WHERE posted = 1 AND validated IS NOT NULL AND date >= ? AND date <= ?`,
		[]any{ISO(from), ISO(to)}, func(r *sql.Rows) (row, error) {
			var x row
			var day string
			err := r.Scan(&x.id, &day)
			x.day = parseStored(day)
			return x, err
		})
	if err != nil {
		return nil, err
	}
	out := make(map[int64]time.Time, len(rows))
	for _, x := range rows {
		out[x.id] = x.day
	}
	return out, nil
}
