package ledger

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// DamagedError says a residence file failed its integrity check at opening:
// it is not opened for writing, and the user is pointed to a backup.
type DamagedError struct {
	File     string
	Findings []string
}

func (e *DamagedError) Error() string { return damagedMessage(e.File, e.Findings) }

// Damage returns the findings when err says a file is damaged.
func Damage(err error) (*DamagedError, bool) {
	var e *DamagedError
	ok := errors.As(err, &e)
	return e, ok
}

func damagedMessage(file string, findings []string) string {
	first := ""
	if len(findings) > 0 {
		first = " (" + findings[0] + ")"
	}
	return fmt.Sprintf("Le fichier « %s » est endommagé%s : Tantième n'y écrira rien. Restaurez la dernière sauvegarde (Fichier › Restaurer…)", filepath.Base(file), first)
}

// integrity is the check made at every opening: SQLite's quick check of the
// file's structure, the books balanced as a whole, and the schema exactly
// the one of the file's version (so the protections of the books, the
// triggers that lock closed exercises and keep entries balanced, are in
// place and do what they say). Findings
// are in French; none means the file may be used. Without full, SQLite's
// quick check and the books' balance are left out: only for a file exactly
// as it was when it last passed them (verified.go). The balance is a sum
// over every day total (20 ms on the 200,000-entry residence, as much as
// the trial balance it comes before); a byte-identical file gives the same
// sum, and the only writes made to a file since its last check that can
// leave it remembered are this program's, through the triggers that keep
// each entry balanced and the day totals equal to its lines.
func (d *DB) integrity(full bool) ([]string, error) {
	version, err := d.userVersion()
	if err != nil {
		return []string{"version illisible"}, nil
	}
	var out []string
	err = d.View(func(tx *Tx) error {
		if full {
			msgs, err := collect(tx, "contrôle d'intégrité", "PRAGMA quick_check", nil, func(r *sql.Rows) (string, error) {
				var s string
				return s, r.Scan(&s)
			})
			if err != nil {
				out = append(out, "structure illisible")
				return nil
			}
			if len(msgs) != 1 || msgs[0] != "ok" {
				for _, m := range msgs {
					out = append(out, "structure : "+m)
				}
				return nil
			}
		}
		// The books as a whole balance: every posted line is counted in
		// day_totals by the schema's triggers.
		if full {
			var gap int64
			if err := tx.queryRow("SELECT coalesce(sum(debit), 0) - coalesce(sum(credit), 0) FROM day_totals").Scan(&gap); err != nil {
				out = append(out, "totaux des comptes illisibles")
				return nil
			}
			if gap != 0 {
				out = append(out, fmt.Sprintf("les comptes ne sont plus équilibrés (écart de %s entre débits et crédits)", Amount(gap)))
			}
		}
		// Exactly the schema of its version: no trigger, view or index
		// added, changed or removed outside Tantième (schema.go).
		findings, err := tx.checkSchema(version)
		if err != nil {
			return err
		}
		out = append(out, findings...)
		return nil
	})
	return out, err
}

// recoverHotJournal undoes the unfinished work a crashed writer left in the
// rollback journal, so that a read-only opening sees the last committed
// state (SQLite can only roll back through a writable connection). It is
// done only while holding the writer lock, so never under a live writer,
// whose journal is not hot. It returns the crashed holder, if any.
func recoverHotJournal(file string) (*Holder, error) {
	st, err := os.Stat(file + "-journal")
	if err != nil || st.Size() == 0 {
		return nil, nil
	}
	lock, err := acquireWriterLock(file)
	if err != nil {
		if _, busy := Busy(err); busy {
			return nil, nil // a live writer: its journal is its own business
		}
		return nil, err
	}
	defer lock.release()
	d, err := connect(file, false)
	if err != nil {
		return nil, err
	}
	defer d.sql.Close()
	var n int
	if err := d.sql.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		if strings.Contains(err.Error(), "readonly") {
			return nil, Wrap(Locked, err, "« %s » a été laissé en cours d'écriture et doit être réparé, ce qui est impossible dans un dossier en lecture seule : copiez-le ailleurs", filepath.Base(file))
		}
		return nil, sqlError(err, "réparation après un arrêt brutal")
	}
	return lock.stale, nil
}

// isCorrupt says whether SQLite found the file's structure broken.
func isCorrupt(err error) bool {
	s := err.Error()
	return strings.Contains(s, "malformed") || strings.Contains(s, "not a database") || strings.Contains(s, "(11)") || strings.Contains(s, "(26)")
}
