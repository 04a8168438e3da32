package ledger_test

import (
	"database/sql"
	"errors"
	"testing"

	"tantieme/ledger"
)

// BooksVersion moves with every commit, by this opening or another program
// on the same file, and stays without one.
func TestBooksVersion(t *testing.T) {
	db := mustCreate(t)
	version := func(db *ledger.DB) ledger.BooksVersion {
		var v ledger.BooksVersion
		mustView(t, db, func(tx *ledger.Tx) error { v = tx.BooksVersion(); return nil })
		return v
	}
	post := func(db *ledger.DB, piece string) error {
		return db.Update(func(tx *ledger.Tx) error {
			return tx.PostEntry(entry("2025-03-01", "AC", piece, dr("601000", "001", "10"), cr("401000", "", "10")))
		})
	}
	v0 := version(db)
	if !v0.Same(version(db)) {
		t.Fatal("two reads without a commit differ")
	}
	if (ledger.BooksVersion{}).Same(ledger.BooksVersion{}) {
		t.Error("unknown versions are the same")
	}
	// Read in a write transaction before it writes: the same state.
	var inUpdate ledger.BooksVersion
	mustUpdate(t, db, func(tx *ledger.Tx) error { inUpdate = tx.BooksVersion(); return nil })
	if !v0.Same(inUpdate) {
		t.Error("a write transaction's version differs before it writes")
	}
	// A write given up commits nothing, but moves the version all the same
	// (total_changes counts it): the plan is then only read again.
	failed := db.Update(func(tx *ledger.Tx) error {
		if err := tx.PostEntry(entry("2025-03-01", "AC", "X", dr("601000", "001", "10"), cr("401000", "", "10"))); err != nil {
			return err
		}
		return errors.New("given up")
	})
	if failed == nil {
		t.Fatal("the write was not given up")
	}
	v0 = version(db)
	if err := post(db, "A1"); err != nil {
		t.Fatal(err)
	}
	v1 := version(db)
	if v1.Same(v0) {
		t.Error("a commit of this opening left the version")
	}
	// Another program (the sqlite3 shell) commits while this opening is
	// idle.
	other, err := sql.Open("sqlite", db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Exec(`UPDATE accounts SET label = 'Fournisseur modifié' WHERE code = '401000'`); err != nil {
		t.Fatal(err)
	}
	if version(db).Same(v1) {
		t.Error("a commit of another connection left the version")
	}
}
