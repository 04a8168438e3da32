package ledger

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// BumpVersionForTest marks a file as written by a newer schema.
func BumpVersionForTest(file string) error {
	d, err := connect(file, false)
	if err != nil {
		return err
	}
	defer d.sql.Close()
	_, err = d.sql.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1))
	return err
}

// TamperedArchiveForTest writes into dir a well-formed backup archive (right
// hash, size and counts) of the residence at file after running the raw SQL
// statements on a copy of it: what a malicious or hand-edited backup is.
func TamperedArchiveForTest(file, dir string, statements ...string) (string, error) {
	d, err := connect(file, true) // any version, as a backup of an older file
	if err != nil {
		return "", err
	}
	snap := filepath.Join(dir, "altered.copro")
	err = d.Snapshot(snap)
	d.sql.Close()
	if err != nil {
		return "", err
	}
	defer os.Remove(snap)
	raw, err := connect(snap, false)
	if err != nil {
		return "", err
	}
	for _, q := range statements {
		if _, err := raw.sql.Exec(q); err != nil {
			raw.sql.Close()
			return "", fmt.Errorf("%s: %w", q, err)
		}
	}
	var version int
	raw.sql.QueryRow("PRAGMA user_version").Scan(&version)
	m := Manifest{Format: archiveFormat, FormatVersion: archiveFormatV, Residence: "Altérée", File: filepath.Base(file),
		Created: time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC), SchemaVersion: version}
	for _, c := range []struct {
		n *int
		q string
	}{{&m.Owners, "SELECT count(*) FROM owners"}, {&m.Lots, "SELECT count(*) FROM lots"}, {&m.Entries, "SELECT count(*) FROM entries"}} {
		if err := raw.sql.QueryRow(c.q).Scan(c.n); err != nil {
			raw.sql.Close()
			return "", err
		}
	}
	raw.sql.Close()
	if m.SHA256, m.Size, err = hashFile(snap); err != nil {
		return "", err
	}
	dest := filepath.Join(dir, "Alteree_20260101-100000.copro.zip")
	return dest, writeZip(dest, snap, "", nil, &m)
}

// OldSchemaFileForTest writes a new residence at file whose schema stops at
// version (migrations 1..version), with a first exercise and one owner.
func OldSchemaFileForTest(file string, version int) error {
	d, err := connect(file, false)
	if err != nil {
		return err
	}
	defer d.sql.Close()
	if _, err := d.sql.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return err
	}
	if err := d.migrateTo(0, version); err != nil {
		return err
	}
	return d.Update(func(tx *Tx) error {
		if err := tx.initialize(Setup{Residence: Residence{Name: "Ancienne"}, FirstStart: Date(2024, 1, 1), FirstEnd: Date(2024, 12, 31)}); err != nil {
			return err
		}
		// By hand: AddOwner writes today's columns, which an old schema
		// may not have yet (019's flags).
		if err := tx.ensureAccount("450001", "Durand Léa"); err != nil {
			return err
		}
		_, err := tx.exec("copropriétaire", `INSERT INTO owners (account, name) VALUES ('450001', 'Durand Léa')`)
		return err
	})
}

// RechainForTest recomputes the whole chain of file from its entries as
// they are now, with the protections lifted and put back: what someone who
// read the documented encoding could do with sqlite3 and a script.
func RechainForTest(file string) error {
	d, err := connect(file, false)
	if err != nil {
		return err
	}
	defer d.sql.Close()
	triggers := []string{"chain_no_update", "chain_no_delete", "chain_versions_no_update", "chain_versions_no_delete", "seals_no_update", "seals_no_delete"}
	saved := map[string]string{}
	for _, n := range triggers {
		var s string
		if err := d.sql.QueryRow(`SELECT sql FROM sqlite_master WHERE name = ?`, n).Scan(&s); err != nil {
			return err
		}
		saved[n] = s
		if _, err := d.sql.Exec(`DROP TRIGGER ` + n); err != nil {
			return err
		}
	}
	err = d.Update(func(tx *Tx) error {
		for _, q := range []string{`DELETE FROM seals`, `DELETE FROM chain_versions`, `DELETE FROM chain`} {
			if _, err := tx.exec("test", q); err != nil {
				return err
			}
		}
		_, err := chainExisting(tx)
		return err
	})
	if err != nil {
		return err
	}
	for _, n := range triggers {
		if _, err := d.sql.Exec(saved[n]); err != nil {
			return err
		}
	}
	return nil
}

// SchemaLikeCurrentForTest says whether a file of the given version has the
// current version's schema exactly (a migration that only changes data, as
// 010 does, leaves the two alike): such a file passes for that version.
func SchemaLikeCurrentForTest(version int64) bool {
	if version < 1 || version > int64(SchemaVersion()) {
		return false
	}
	return len(schemaFindings(int(version), expectedSchemas[SchemaVersion()])) == 0
}
