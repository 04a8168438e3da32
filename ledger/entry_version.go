package ledger

// BooksVersion identifies the committed state of the residence that a
// transaction reads, so that work planned in one transaction (an import's
// preview) can be written in a later one without being planned again when
// nothing was committed in between. Two versions are the same only when
// both were read and neither of these moved:
//   - PRAGMA data_version, which moves when another connection (another
//     program) commits to the file;
//   - total_changes(), the rows this connection has inserted, updated or
//     deleted since it opened (triggers' included, even in a transaction
//     later rolled back): every write of Tantième goes through it.
//
// Both are the connection's own: an opening keeps its one connection for
// its whole life (connect; verified.go relies on data_version the same way).
// The file change counter of the header is not read: through the
// sqlite_dbpage table it sent every later statement journal of the write
// transaction to a temporary file (2.2 million writes for 100,000 lines).
type BooksVersion struct {
	data    int64
	changes int64
	ok      bool
}

// Same says whether v and w are the same committed state. A version that
// could not be read is never the same as another.
func (v BooksVersion) Same(w BooksVersion) bool { return v.ok && w.ok && v == w }

// BooksVersion reads the version of the books as tx sees them. Called in a
// write transaction, it must come before tx writes anything. An error
// leaves the version unknown: the caller then plans again.
func (tx *Tx) BooksVersion() BooksVersion {
	var v BooksVersion
	if err := tx.queryRow(`PRAGMA data_version`).Scan(&v.data); err != nil {
		return BooksVersion{}
	}
	if err := tx.queryRow(`SELECT total_changes()`).Scan(&v.changes); err != nil {
		return BooksVersion{}
	}
	v.ok = true
	return v
}
