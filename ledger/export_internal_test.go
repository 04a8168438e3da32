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
		return tx.AddOwner(&Owner{Account: "450001", Name: "Durand Léa"})
	})
}
