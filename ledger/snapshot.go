package ledger

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
)

// Snapshot writes a consistent copy of the residence into dest (which must
// not exist) with VACUUM INTO: it runs on the residence's only connection,
// so no workflow of this program writes meanwhile, and SQLite's read lock
// holds other programs' writes until the copy is whole.
func (d *DB) Snapshot(dest string) error {
	c, err := d.conn()
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.ExecContext(context.Background(), "VACUUM INTO ?", dest); err != nil {
		os.Remove(dest)
		if isDiskFull(err) {
			return writeFailed(filepath.Dir(dest), "la copie de « "+filepath.Base(d.path)+" »", err)
		}
		return Wrap(Internal, err, "La copie de « %s » vers « %s » a échoué (disque plein ou en lecture seule ?)", filepath.Base(d.path), dest)
	}
	return nil
}

// SnapshotInfo is what a snapshot says of itself.
type SnapshotInfo struct {
	Residence     string
	Exercise      string // the working exercise, "2025"
	SchemaVersion int
	Owners        int
	Lots          int
	Entries       int
	Fingerprints  []ManifestFingerprint // each exercise's, for a file of the current schema
	ChainHead     string
}

// inspectSnapshot opens a snapshot read-only and checks it: a Tantième
// file, a schema this program can read and, when full, SQLite's full
// integrity check. It says what the snapshot holds.
func inspectSnapshot(file string, full bool) (SnapshotInfo, error) {
	var info SnapshotInfo
	if err := checkHeader(file); err != nil {
		return info, err
	}
	d, err := connect(file, true)
	if err != nil {
		return info, err
	}
	defer d.sql.Close()
	var appID int64
	if err := d.sql.QueryRow("PRAGMA application_id").Scan(&appID); err != nil || appID != ApplicationID {
		return info, Errorf(Invalid, "la copie n'est pas une résidence Tantième")
	}
	if info.SchemaVersion, err = d.userVersion(); err != nil {
		return info, err
	}
	if info.SchemaVersion > SchemaVersion() {
		return info, Errorf(Invalid, "la sauvegarde a été écrite par une version plus récente de Tantième (schéma %d, ce programme connaît le schéma %d) : mettez Tantième à jour avant de la restaurer", info.SchemaVersion, SchemaVersion())
	}
	err = d.View(func(tx *Tx) error {
		if full {
			var res string
			if err := tx.queryRow("PRAGMA integrity_check(1)").Scan(&res); err != nil || res != "ok" {
				return Errorf(Damaged, "la copie de la résidence est endommagée (%s)", res)
			}
		}
		counts := []struct {
			n *int
			q string
		}{
			{&info.Owners, "SELECT count(*) FROM owners"},
			{&info.Lots, "SELECT count(*) FROM lots"},
			{&info.Entries, "SELECT count(*) FROM entries"},
		}
		for _, c := range counts {
			if err := tx.queryRow(c.q).Scan(c.n); err != nil {
				return Wrap(Damaged, err, "la copie de la résidence est illisible")
			}
		}
		if err := tx.queryRow("SELECT name FROM residence").Scan(&info.Residence); err != nil && err != sql.ErrNoRows {
			return Wrap(Damaged, err, "la copie de la résidence est illisible")
		}
		if info.SchemaVersion == SchemaVersion() {
			if ex, err := tx.WorkingExercise(); err == nil {
				info.Exercise = ex.Name()
			}
			list, err := tx.Exercises()
			if err != nil {
				return err
			}
			for _, ex := range list {
				fp, err := tx.Fingerprint(ex)
				if err != nil {
					return err
				}
				if !fp.IsZero() {
					info.Fingerprints = append(info.Fingerprints, ManifestFingerprint{Exercise: ex.Name(), Fingerprint: fp.Fingerprint(), Sealed: ex.Closed})
				}
			}
			if head, ok, err := tx.ChainHead(); err != nil {
				return err
			} else if ok {
				info.ChainHead = head.Link.Hex()
			}
		}
		return nil
	})
	return info, err
}
