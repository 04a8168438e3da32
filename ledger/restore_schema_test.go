package ledger_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger"
)

// Issue 12, items 2 and 6: an archive whose residence has a hostile or
// broken schema, or a lying version, passes its hash and integrity checks
// but never replaces a good residence.
func TestRestoreRefusesAlteredSchema(t *testing.T) {
	db := mustCreate(t)
	postPayments(t, db, 0, 10)
	target := db.Path()
	db.Close()
	before, _ := os.ReadFile(target)
	tests := []struct {
		name string
		sql  []string
		want string
	}{
		{"hostile trigger", []string{`CREATE TRIGGER evil AFTER INSERT ON receipts BEGIN UPDATE owners SET email = 'pirate@example.com', address = 'ailleurs'; END`},
			"objet ajouté hors de Tantième : un déclencheur « evil »"},
		{"table replaced by a view", []string{`PRAGMA foreign_keys = OFF`, `ALTER TABLE suppliers RENAME TO s_old`, `CREATE VIEW suppliers AS SELECT * FROM s_old`},
			"n'est plus une table mais une vue"},
		{"lock triggers removed", []string{`DROP TRIGGER entries_lock_insert`, `DROP TRIGGER entries_lock_update`, `DROP TRIGGER entries_lock_delete`},
			"la protection « entries_lock_"},
		// Which anomalies come first depends on the migrations after 2; any of
		// them says the file was changed outside Tantième.
		{"lying version", []string{`PRAGMA user_version = 2`}, "a été modifiée ou abîmée hors de Tantième"},
		{"negative version", []string{`PRAGMA user_version = -1`}, "version de schéma -1 invalide"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			archive, err := ledger.TamperedArchiveForTest(target, dir, tc.sql...)
			if err != nil {
				t.Fatal(err)
			}
			// restore --show used to call such an archive correct.
			a, err := ledger.OpenArchive(archive)
			if err == nil {
				err = a.Verify()
				a.Close()
			}
			if err == nil {
				t.Error("Verify accepted the archive")
			}
			_, err = ledger.Restore(archive, target, ledger.RestoreOptions{})
			if err == nil {
				t.Fatal("restored")
			}
			if !strings.Contains(ledger.Message(err), tc.want) || ledger.KindOf(err) == ledger.Internal {
				t.Errorf("message: %v; want %q", err, tc.want)
			}
			if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
				t.Error("the residence was changed")
			}
			if entries, _ := os.ReadDir(filepath.Dir(target)); len(entries) != 1 {
				t.Errorf("files left beside the residence: %d", len(entries))
			}
		})
	}
}

// An archive of an older schema is checked against its own version, then
// migrated on the copy before it replaces anything.
func TestRestoreOlderSchemaMigrates(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "ancienne.copro")
	if err := ledger.OldSchemaFileForTest(old, 1); err != nil {
		t.Fatal(err)
	}
	archive, err := ledger.TamperedArchiveForTest(old, dir)
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "restaurée.copro")
	if _, err := ledger.Restore(archive, target, ledger.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	d, err := ledger.OpenReadOnly(target) // read-only cannot migrate: it must be up to date already
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if p, err := d.Check(true); err != nil || len(p) != 0 {
		t.Errorf("check: %v %v", p, err)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "Copies de sécurité")); len(entries) != 0 {
		t.Errorf("a safety copy of the candidate was made: %d files", len(entries))
	}

	// The same old archive with a trigger added is refused: checked against
	// version 1's schema.
	bad, err := ledger.TamperedArchiveForTest(old, t.TempDir(), `CREATE TRIGGER evil AFTER INSERT ON owners BEGIN DELETE FROM lots; END`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.Restore(bad, filepath.Join(dir, "autre.copro"), ledger.RestoreOptions{}); err == nil || !strings.Contains(ledger.Message(err), "« evil »") {
		t.Errorf("old archive with a trigger: %v", err)
	}
}
