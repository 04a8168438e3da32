package ledger

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Issue 22: the integrity check of an archive's copy (through a memory map,
// beside the compression or after it) still finds what only the full check
// finds: an index whose content does not match its table. Made here by changing an index's definition behind
// SQLite's back (x becomes upper(x)): quick_check passes, the full check
// finds the rows missing from the index.
func TestIntegrityCheckFindsIndexMismatch(t *testing.T) {
	file := filepath.Join(t.TempDir(), "r.copro")
	db, err := Create(file, Setup{Residence: Residence{Name: "R"}, FirstStart: Date(2025, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := connect(file, false)
	if err != nil {
		t.Fatal(err)
	}
	// A table of its own, with rows and an index (a new residence has no
	// rows in the tables that have indexes); the check does not care.
	index := "extra_x"
	for _, q := range []string{"CREATE TABLE extra (x TEXT)", "CREATE INDEX extra_x ON extra (x)", "INSERT INTO extra VALUES ('a'), ('b'), ('c')"} {
		if _, err := raw.sql.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	for _, q := range []string{"PRAGMA writable_schema = ON", "UPDATE sqlite_schema SET sql = 'CREATE INDEX extra_x ON extra (upper(x))' WHERE name = '" + index + "'", "PRAGMA writable_schema = OFF"} {
		if _, err := raw.sql.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	raw.sql.Close()
	// The premise: only the full check sees it.
	if err := integrityQuickForTest(file); err != nil {
		t.Fatalf("quick_check already fails: %v", err)
	}
	if err := integrityCheck(file); err == nil || KindOf(err) != Damaged {
		t.Errorf("index %s altered, check: %v", index, err)
	}
	for _, parallel := range []bool{true, false} {
		dir := t.TempDir()
		if p, _, err := archiveCopy(file, dir, "", "r.copro", "", "", time.Now(), parallel); err == nil {
			t.Errorf("parallel %v: archive %s written of a damaged copy", parallel, p)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("parallel %v: files left: %v", parallel, left)
		}
	}
}

func integrityQuickForTest(file string) error {
	d, err := connect(file, true)
	if err != nil {
		return err
	}
	defer d.sql.Close()
	var res string
	if err := d.sql.QueryRow("PRAGMA quick_check(1)").Scan(&res); err != nil || res != "ok" {
		return Errorf(Damaged, "%s %v", res, err)
	}
	return nil
}
