// Package app holds the workflows users run on a residence: creating one,
// the demo, summaries for screens and the CLI, imports, calls, closing,
// exports. It depends on ledger and reports, never on Fyne.
package app

import (
	"path/filepath"
	"strings"

	"tantieme/ledger"
)

// Residence is an open residence file. Its books are private: the window
// and the CLI read and write them through named methods (records.go and
// the workflows), never in a transaction of their own.
type Residence struct {
	db *ledger.DB
}

// View reads the books in one transaction. It is for app's own
// subpackages (closing, importing, export) and for tests; the window and
// the CLI call named methods (layers_test.go checks it).
func (r *Residence) View(fn func(tx *ledger.Tx) error) error { return r.db.View(fn) }

// Update writes the books in one transaction, all or nothing; same
// audience as View.
func (r *Residence) Update(fn func(tx *ledger.Tx) error) error { return r.db.Update(fn) }

// Close closes the file.
func (r *Residence) Close() error { return r.db.Close() }

// Path is the residence file's path.
func (r *Residence) Path() string { return r.db.Path() }

// ReadOnly says whether the file was opened without the right to write.
func (r *Residence) ReadOnly() bool { return r.db.ReadOnly() }

// Changed says whether the books were written since the file was opened.
func (r *Residence) Changed() bool { return r.db.Changed() }

// Check runs the integrity check; full adds the slow checks of the whole
// file.
func (r *Residence) Check(full bool) ([]ledger.Problem, error) { return r.db.Check(full) }

// MigrationNotes are what bringing the file up to date did, for the user.
func (r *Residence) MigrationNotes() []string { return r.db.MigrationNotes() }

// Crashed names the program that held the file when it stopped without
// closing it, nil when none did.
func (r *Residence) Crashed() *ledger.Holder { return r.db.Crashed() }

// QuickCheckSkipped says whether the opening skipped SQLite's quick check
// because the file was exactly as when it last passed it.
func (r *Residence) QuickCheckSkipped() bool { return r.db.QuickCheckSkipped() }

// Damage lists what the integrity check at opening found wrong (a file
// opened for inspection only).
func (r *Residence) Damage() []string { return r.db.Damage() }

// Open opens a residence for reading and writing. What bringing an older
// file up to date did that the user should know is passed to
// OnMigrationNote (the CLI prints it, the window shows it). SQLite's quick
// check is skipped for a file exactly as it was when it last passed it
// (verified.go).
func Open(file string) (*Residence, error) {
	db, err := openOptions().Open(file)
	if err != nil {
		return nil, pointToBackup(file, err)
	}
	if OnMigrationNote != nil {
		for _, n := range db.MigrationNotes() {
			OnMigrationNote(file, n)
		}
	}
	return &Residence{db: db}, nil
}

// OnMigrationNote, when set, is told what a migration did at opening.
var OnMigrationNote func(file, note string)

// OpenReadOnly opens a residence without ever writing to it (its state
// is remembered outside it, as Open's).
func OpenReadOnly(file string) (*Residence, error) {
	db, err := openOptions().OpenReadOnly(file)
	if err != nil {
		return nil, pointToBackup(file, err)
	}
	return &Residence{db: db}, nil
}

// OpenInspect opens a residence read-only even when it is damaged, for
// the integrity check to say what is wrong: always checked in full.
func OpenInspect(file string) (*Residence, error) {
	db, err := ledger.OpenInspect(file)
	if err != nil {
		return nil, pointToBackup(file, err)
	}
	return &Residence{db: db}, nil
}

// pointToBackup adds to a damaged file's message the backup to restore.
func pointToBackup(file string, err error) error {
	if _, damaged := ledger.Damage(err); !damaged {
		return err
	}
	found := LatestBackups(file)
	if len(found) == 0 {
		return ledger.Wrap(ledger.Damaged, err, "%s. Aucune sauvegarde de ce fichier n'a été trouvée sur cet ordinateur : cherchez sur votre clé USB un fichier %s", ledger.Message(err), ledger.ArchiveExt)
	}
	m := found[0].Manifest
	return ledger.Wrap(ledger.Damaged, err, "%s : la plus récente est « %s » du %s à %s", ledger.Message(err), found[0].Path,
		m.Created.Local().Format("02/01/2006"), m.Created.Local().Format("15:04"))
}

// Create writes a new residence: official chart, journals AC/BQ/OD/AN, key
// 001 and three exercises.
func Create(file string, setup ledger.Setup) (*Residence, error) {
	db, err := ledger.Create(file, setup)
	if err != nil {
		return nil, err
	}
	return &Residence{db: db}, nil
}

// FileName proposes a file name for a residence: "Les Tilleuls.copro".
func FileName(dir, name string) string {
	clean := strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|':
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if clean == "" {
		clean = "Résidence"
	}
	return filepath.Join(dir, clean+".copro")
}
