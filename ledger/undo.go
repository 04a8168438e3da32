package ledger

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
)

// journalHeader opens a rollback journal once SQLite has synced it: from
// then on the database file may hold pages of the unfinished transaction,
// and only playing the journal back restores it. A journal whose header is
// still zero is ignored by SQLite.
var journalHeader = []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}

// journalHot says whether file has a rollback journal that SQLite would
// play back: a copy of file alone would then be a damaged residence.
func journalHot(file string) bool {
	f, err := os.Open(file + "-journal")
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(journalHeader))
	n, _ := io.ReadFull(f, head)
	return n == len(head) && bytes.Equal(head, journalHeader)
}

// execQuerier is a connection, or the pool of one connection.
type execQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// undoFailedWrite runs after a write transaction failed and was rolled
// back, on the same connection, and makes sure the residence is as it was
// before returning: a user who copies the file right after must get the
// whole residence. On a full disk SQLite may already have written pages of
// the transaction into the file (its cache spills when a workflow is big);
// its pager then stays in an error state, the rollback is not done and the
// journal is left hot until the next read plays it back. So: end the
// transaction if a failed COMMIT left it open, read (which plays the journal
// back), then verify — no hot journal and SQLite's quick check passes. When
// that cannot be done, the error says so; the next opening finishes the
// rollback from the journal (open does it through SQLite).
func (d *DB) undoFailedWrite(c execQuerier, cause error) error {
	full := isDiskFull(cause)
	if !full && !journalHot(d.path) {
		return cause // an ordinary refusal: SQLite rolled back in memory
	}
	ctx := context.Background()
	// COMMIT failing with SQLITE_FULL leaves the transaction active
	// (sqlite.org/lang_transaction.html) although database/sql counts it
	// done; with none active this fails harmlessly.
	c.ExecContext(ctx, "ROLLBACK")
	var res string
	qerr := c.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&res)
	unfinished := journalHot(d.path) || qerr != nil || res != "ok"
	switch {
	case full:
		e := failedOnFullDisk(filepath.Dir(d.path), d.path, cause)
		e.Unfinished = unfinished
		return e.asError()
	case unfinished:
		name := filepath.Base(d.path)
		return Wrap(Internal, cause, "%s L'écriture dans « %s » n'a pas pu être entièrement annulée : ne copiez pas « %s » seul pour l'instant ; rouvrez la résidence, Tantième terminera d'annuler l'écriture interrompue.", sentence(Message(cause)), name, name)
	}
	return cause
}

// sentence ends s with a full stop.
func sentence(s string) string {
	if s == "" || bytes.ContainsAny([]byte{s[len(s)-1]}, ".!?") {
		return s
	}
	return s + "."
}
