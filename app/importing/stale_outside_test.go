package importing

import (
	"bytes"
	"database/sql"
	"testing"

	_ "modernc.org/sqlite"

	"tantieme/ledger"
)

// The preview is reused by Apply only when nothing was committed to the
// file since: a change made by another program (the sqlite3 shell) between
// the preview and the import is seen as well as one of Tantième's. Here it
// adds the account the sheet would create (601100), so that the import
// would write something else: nothing is written.
func TestImportStaleAfterOutsideChange(t *testing.T) {
	r := impWithOwners(t)
	p, err := Prepare(r, impOpen(t, "ecritures.xlsx"), Options{Kind: Entries})
	impMust(t, err)
	impMust(t, p.Err())
	other, err := sql.Open("sqlite", r.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Exec(`INSERT INTO accounts (code, label) VALUES ('601100', 'Eau chaude')`); err != nil {
		t.Fatal(err)
	}
	before := impFileBytes(t, r.Path())
	_, err = Apply(r, p)
	if ledger.KindOf(err) != ledger.Conflict || ledger.Message(err) != "Les comptes ont changé depuis l'aperçu de l'import : refaites l'aperçu avant d'importer" {
		t.Errorf("stale plan: %v", err)
	}
	if !bytes.Equal(before, impFileBytes(t, r.Path())) {
		t.Error("a refused import changed the residence")
	}
}
