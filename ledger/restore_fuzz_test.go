package ledger_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger"
)

// schemaMutation turns the fuzzer's choice into SQL that changes a copy of
// the residence's schema the way a hand edit or a malicious backup would.
func schemaMutation(op, pick uint8, text string, version int64) []string {
	tables := []string{"owners", "lots", "entries", "lines", "receipts", "suppliers", "accounts", "chain", "exercises", "day_totals"}
	triggers := []string{"entries_lock_update", "lines_lock_update", "lines_frozen_update", "entries_post_check", "chain_no_update", "seals_no_delete"}
	table := tables[int(pick)%len(tables)]
	trigger := triggers[int(pick)%len(triggers)]
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, strings.ToLower(text))
	if len(name) > 20 {
		name = name[:20]
	}
	name = "x" + name
	literal := strings.ReplaceAll(text, "'", "''")
	switch op % 8 {
	case 0:
		return []string{fmt.Sprintf(`CREATE TRIGGER %s AFTER INSERT ON %s BEGIN UPDATE owners SET email = '%s'; END`, name, table, literal)}
	case 1:
		return []string{`DROP TRIGGER ` + trigger}
	case 2:
		return []string{`DROP TRIGGER ` + trigger, fmt.Sprintf(`CREATE TRIGGER %s BEFORE UPDATE ON %s BEGIN SELECT '%s'; END`, trigger, table, literal)}
	case 3:
		return []string{fmt.Sprintf(`PRAGMA user_version = %d`, version)}
	case 4:
		return []string{`PRAGMA foreign_keys = OFF`, fmt.Sprintf(`ALTER TABLE %s RENAME TO %s_old`, table, name), fmt.Sprintf(`CREATE VIEW %s AS SELECT * FROM %s_old`, table, name)}
	case 5:
		return []string{fmt.Sprintf(`CREATE INDEX %s ON %s (rowid)`, name, table)}
	case 6:
		return []string{fmt.Sprintf(`CREATE TABLE %s (v TEXT DEFAULT '%s')`, name, literal)}
	}
	return nil // the control: an untouched copy restores
}

// FuzzRestoreSchema restores archives whose residence had its schema
// changed: whatever is accepted opens and passes check; whatever is
// refused is refused with a user's message and leaves the target as it was.
func FuzzRestoreSchema(f *testing.F) {
	db := mustCreate(f)
	postPayments(f, db, 0, 5)
	src := db.Path()
	db.Close()
	for op := range uint8(8) {
		f.Add(op, op*3, "pirate@example.com", int64(ledger.SchemaVersion()-int(op%3)))
	}
	f.Add(uint8(3), uint8(0), "", int64(-1))
	f.Add(uint8(3), uint8(0), "", int64(1<<40))
	f.Fuzz(func(t *testing.T, op, pick uint8, text string, version int64) {
		dir := t.TempDir()
		archive, err := ledger.TamperedArchiveForTest(src, dir, schemaMutation(op, pick, text, version)...)
		if err != nil {
			t.Skip("the mutation is not valid SQL here:", err)
		}
		target := filepath.Join(dir, "cible.copro")
		if err := os.WriteFile(target, []byte("ancienne résidence"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = ledger.Restore(archive, target, ledger.RestoreOptions{})
		if err != nil {
			if ledger.KindOf(err) == ledger.Internal {
				t.Fatalf("not a user's message: %v", err)
			}
			if after, _ := os.ReadFile(target); !bytes.Equal(after, []byte("ancienne résidence")) {
				t.Fatal("a refused restore changed the target")
			}
			return
		}
		// A file that says an older version is right when that version's
		// schema is the current one (a migration of data only, like 010):
		// it is migrated again, which such a migration allows.
		if op%8 != 7 && !(op%8 == 3 && ledger.SchemaLikeCurrentForTest(version)) {
			t.Fatalf("mutation %d accepted: %v", op%8, schemaMutation(op, pick, text, version))
		}
		d, err := ledger.Open(target)
		if err != nil {
			t.Fatalf("restored file does not open: %v", err)
		}
		defer d.Close()
		if p, err := d.Check(false); err != nil || len(p) != 0 {
			t.Fatalf("restored file fails check: %v %v", p, err)
		}
	})
}
