package ledger

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"

	sqlite "modernc.org/sqlite"
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

// pageCopy writes a consistent copy of the residence into dest (which must
// not exist) with SQLite's online backup API: the pages are copied as they
// are, in one step, under the residence connection's read lock (so no
// other program commits meanwhile, and no workflow of this program either:
// it is the only connection). It is several times faster than VACUUM INTO,
// which rebuilds every table and index. The copy is made through SQLite,
// never by reading the file ourselves: closing a descriptor of the
// residence file would drop SQLite's POSIX locks on it, and a hot journal
// must be rolled back first. The destination is written with
// synchronous=FULL: when this returns the copy is on the disk.
func (d *DB) pageCopy(dest string) error {
	c, err := d.conn()
	if err != nil {
		return err
	}
	defer c.Close()
	q := url.Values{}
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "journal_mode(DELETE)")
	dsn := "file:" + (&url.URL{Path: dest}).EscapedPath() + "?" + q.Encode()
	err = c.Raw(func(dc any) error {
		b, ok := dc.(interface {
			NewBackup(string) (*sqlite.Backup, error)
		})
		if !ok {
			return Errorf(Internal, "le pilote SQLite ne sait pas copier une base")
		}
		bk, err := b.NewBackup(dsn)
		if err != nil {
			return err
		}
		for {
			more, err := bk.Step(-1)
			if err != nil {
				bk.Finish()
				return err
			}
			if !more {
				break
			}
		}
		return bk.Finish()
	})
	if err != nil {
		os.Remove(dest)
		os.Remove(dest + "-journal")
		if isDiskFull(err) {
			return writeFailed(filepath.Dir(dest), "la copie de « "+filepath.Base(d.path)+" »", err)
		}
		return Wrap(Internal, err, "La copie de « %s » vers « %s » a échoué (disque plein ou en lecture seule ?)", filepath.Base(d.path), dest)
	}
	return nil
}

// quickCheckCopy checks a page copy just written: a SQLite file (header),
// a Tantième residence (application_id) and SQLite's quick_check (every
// page, every record well formed, the page accounting right; it does not
// compare the indexes' content with their tables, which the full check of
// the archive made from the copy does).
// It returns the residence's name.
func quickCheckCopy(file string) (string, error) {
	if err := checkHeader(file); err != nil {
		return "", err
	}
	d, err := connect(file, true)
	if err != nil {
		return "", err
	}
	defer d.sql.Close()
	var appID int64
	if err := d.sql.QueryRow("PRAGMA application_id").Scan(&appID); err != nil || appID != ApplicationID {
		return "", Errorf(Invalid, "la copie n'est pas une résidence Tantième")
	}
	var res string
	if err := d.sql.QueryRow("PRAGMA quick_check(1)").Scan(&res); err != nil || res != "ok" {
		return "", Errorf(Damaged, "la copie de la résidence est endommagée (%s)", res)
	}
	var name string
	if err := d.sql.QueryRow("SELECT name FROM residence").Scan(&name); err != nil && err != sql.ErrNoRows {
		return "", Wrap(Damaged, err, "la copie de la résidence est illisible")
	}
	return name, nil
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
	if full {
		if err := integrityCheck(file); err != nil {
			return info, err
		}
	}
	err = d.View(func(tx *Tx) error {
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

// integrityCheck runs SQLite's full integrity check (PRAGMA
// integrity_check) of a copy: the longest part of a backup (2.3 s of the
// 95 MB benchmark residence, nearly all of it comparing the four indexes of
// lines with the table). Splitting it between two connections (quick_check
// once, integrity_check(TABLE) for each table) was measured no faster: the
// lines table alone is most of it.
//
// The file is one of ours that nothing writes nor truncates (a copy made for
// an archive, a residence extracted from one), so it is read through a
// memory map: the index lookups of the check cost no system call (a fifth
// less time on the benchmark residence).
func integrityCheck(file string) error {
	d, err := connect(file, true)
	if err != nil {
		return err
	}
	defer d.sql.Close()
	d.sql.Exec("PRAGMA mmap_size = 1099511627776") // SQLite caps it at its compiled maximum
	var res string
	if err := d.sql.QueryRow("PRAGMA integrity_check(1)").Scan(&res); err != nil || res != "ok" {
		if err != nil && res == "" {
			res = err.Error()
		}
		return Errorf(Damaged, "la copie de la résidence est endommagée (%s)", res)
	}
	return nil
}
