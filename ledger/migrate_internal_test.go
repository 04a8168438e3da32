package ledger

import (
	"fmt"
	"path/filepath"
	"testing"
)

// A residence written by schema 1 (before the calls) opens with the
// calls' tables added, its books untouched.
func TestMigrateSchema1File(t *testing.T) {
	file := filepath.Join(t.TempDir(), "ancienne.copro")
	d, err := connect(file, false)
	if err != nil {
		t.Fatal(err)
	}
	body, err := migrations.ReadFile("migrations/001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{fmt.Sprintf("PRAGMA application_id = %d", ApplicationID), string(body), "PRAGMA user_version = 1"} {
		if _, err := d.sql.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	err = d.Update(func(tx *Tx) error {
		return tx.initialize(Setup{Residence: Residence{Name: "Ancienne"}, FirstStart: Date(2024, 1, 1), FirstEnd: Date(2024, 12, 31)})
	})
	if err != nil {
		t.Fatal(err)
	}
	// Written by schema 1: no calls table yet.
	var n int
	d.sql.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'calls'`).Scan(&n)
	d.Close()
	if n != 0 {
		t.Fatal("the schema-1 file already has the calls table")
	}

	if _, err := OpenReadOnly(file); KindOf(err) != Locked {
		t.Errorf("read-only open of an old file: %v", err)
	}
	db, err := Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	copies := ListArchives(SafetyDir(file), "Ancienne")
	if len(copies) != 1 || copies[0].Reason != ReasonMigration {
		t.Errorf("safety copy before migrating: %+v", copies)
	} else if a, err := OpenArchive(copies[0].Path); err != nil || a.Manifest.SchemaVersion != 1 || a.Verify() != nil {
		t.Errorf("safety copy of the schema-1 file: %v", err)
	}
	if v, _ := db.userVersion(); v != SchemaVersion() || SchemaVersion() < 2 {
		t.Errorf("user_version %d, schema %d", v, SchemaVersion())
	}
	problems, err := db.Check(true)
	if err != nil || len(problems) != 0 {
		t.Errorf("check after migrating: %v %v", problems, err)
	}
	err = db.Update(func(tx *Tx) error {
		ex, err := tx.ExerciseOfYear(2024)
		if err != nil {
			return err
		}
		return tx.SetWorksFund(WorksFund{ExerciseID: ex.ID, Amount: 1000, Key: "001"})
	})
	if err != nil {
		t.Errorf("the new tables are not usable: %v", err)
	}
}
