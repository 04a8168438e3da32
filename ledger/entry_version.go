package ledger

import "encoding/binary"

// BooksVersion identifies the committed state of the residence that a
// transaction reads, so that work planned in one transaction (an import's
// preview) can be written in a later one without being planned again when
// nothing was committed in between. Two versions are the same only when
// both were read and neither of these moved:
//   - the file change counter of the header (bytes 24–27), which SQLite
//     increments at every commit in rollback-journal mode, the mode of
//     every writable opening (connect), by this connection or any other;
//   - PRAGMA data_version, which moves when another connection commits
//     (whatever the journal mode).
type BooksVersion struct {
	counter uint32
	data    int64
	ok      bool
}

// Same says whether v and w are the same committed state. A version that
// could not be read is never the same as another.
func (v BooksVersion) Same(w BooksVersion) bool { return v.ok && w.ok && v == w }

// BooksVersion reads the version of the books as tx sees them. Called in a
// write transaction, it must come before tx writes anything (the counter is
// read through SQLite's page cache, where a write changes page 1). An error
// leaves the version unknown: the caller then plans again.
func (tx *Tx) BooksVersion() BooksVersion {
	var page1 []byte
	if err := tx.queryRow(`SELECT substr(data, 25, 4) FROM sqlite_dbpage WHERE pgno = 1`).Scan(&page1); err != nil || len(page1) != 4 {
		return BooksVersion{}
	}
	var data int64
	if err := tx.queryRow(`PRAGMA data_version`).Scan(&data); err != nil {
		return BooksVersion{}
	}
	return BooksVersion{counter: binary.BigEndian.Uint32(page1), data: data, ok: true}
}
