package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"tantieme/internal/desktop"
	"tantieme/ledger"
)

// The books' fingerprint (ledger/chain.go) proves nothing while it lives
// only in the file: someone who rewrites the entries with sqlite3 can
// recompute the whole chain. The proof is the fingerprint kept outside:
// printed on the annexes, the books and the décomptes, written in every
// backup's manifest, and remembered on this computer, in the user's
// settings folder, each time a document is produced, a backup made or an
// exercise closed. `tantieme-cli check FILE --year N --seal FINGERPRINT`
// and Exercice › Vérifier l'intégrité tell whether the chain still passes
// through it.

// FingerprintText is the fingerprint documents about ex print: the seal of
// a closed exercise, the chain's last link for an open one; "" while the
// residence has no entry.
func FingerprintText(tx *ledger.Tx, ex ledger.Exercise) (string, error) {
	l, err := tx.Fingerprint(ex)
	if err != nil || l.IsZero() {
		return "", err
	}
	return l.Fingerprint(), nil
}

// FingerprintRecord is one fingerprint remembered on this computer.
type FingerprintRecord struct {
	When        time.Time `json:"when"`
	File        string    `json:"file"`
	Residence   string    `json:"residence"`
	Exercise    string    `json:"exercise"`
	Fingerprint string    `json:"fingerprint"`
	Sealed      bool      `json:"sealed,omitempty"`
	Document    string    `json:"document"` // what it was printed on or kept for
}

// maxFingerprintRecords bounds the log: the newest are kept.
const maxFingerprintRecords = 2000

// fingerprintLogPath is the log's file; "" when the system has no
// settings folder (then nothing is remembered).
func fingerprintLogPath() string { return desktop.Where().Fingerprints }

func readFingerprintLog() []FingerprintRecord {
	var out []FingerprintRecord
	if p := fingerprintLogPath(); p != "" {
		if b, err := os.ReadFile(p); err == nil && len(b) < 16<<20 {
			json.Unmarshal(b, &out)
		}
	}
	return out
}

// Fingerprints lists the fingerprints remembered on this computer for the
// residence file, newest first.
func Fingerprints(file string) []FingerprintRecord {
	logMu.Lock()
	defer logMu.Unlock()
	abs := absPath(file)
	var out []FingerprintRecord
	all := readFingerprintLog()
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].File == abs {
			out = append(out, all[i])
		}
	}
	return out
}

// rememberFingerprint adds a record to the log; failing to write it does
// not undo what was produced.
func rememberFingerprint(rec FingerprintRecord) {
	if rec.Fingerprint == "" {
		return
	}
	logMu.Lock()
	defer logMu.Unlock()
	p := fingerprintLogPath()
	if p == "" {
		return
	}
	all := readFingerprintLog()
	if n := len(all); n > 0 {
		last := all[n-1]
		if last.File == rec.File && last.Fingerprint == rec.Fingerprint && last.Document == rec.Document && last.Exercise == rec.Exercise {
			return // the same document printed again from the same books
		}
	}
	all = append(all, rec)
	if len(all) > maxFingerprintRecords {
		all = all[len(all)-maxFingerprintRecords:]
	}
	b, _ := json.MarshalIndent(all, "", "  ")
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	tmp := p + ".tmp"
	if os.WriteFile(tmp, b, 0o644) == nil {
		os.Rename(tmp, p)
	}
}

// NoteFingerprint remembers, on this computer, the fingerprint of exercise
// ex now as printed on what (a document, the seal of a closing).
func (r *Residence) NoteFingerprint(ex ledger.Exercise, what string) {
	var rec FingerprintRecord
	err := r.View(func(tx *ledger.Tx) error {
		x, err := tx.ExerciseOfYear(ex.Year())
		if err != nil {
			return err
		}
		res, err := tx.Residence()
		if err != nil {
			return err
		}
		fp, err := FingerprintText(tx, x)
		rec = FingerprintRecord{When: time.Now().Truncate(time.Second), File: absPath(r.Path()), Residence: res.Name,
			Exercise: x.Name(), Fingerprint: fp, Sealed: x.Closed, Document: what}
		return err
	})
	if err == nil {
		rememberFingerprint(rec)
	}
}

// ExerciseFingerprint is an exercise's fingerprint now.
type ExerciseFingerprint struct {
	Exercise    ledger.Exercise
	Fingerprint string // "" while the residence has no entry
	Sealed      bool   // the seal of a closed exercise
}

// CurrentFingerprints gives each exercise's fingerprint now.
func (r *Residence) CurrentFingerprints() ([]ExerciseFingerprint, error) {
	var out []ExerciseFingerprint
	err := r.View(func(tx *ledger.Tx) error {
		list, err := tx.Exercises()
		if err != nil {
			return err
		}
		for _, ex := range list {
			fp, err := FingerprintText(tx, ex)
			if err != nil {
				return err
			}
			out = append(out, ExerciseFingerprint{Exercise: ex, Fingerprint: fp, Sealed: ex.Closed})
		}
		return nil
	})
	return out, err
}

// VerifyFingerprint tells whether the chain of entries still passes through
// fingerprint, printed on a document about the exercise starting in year.
func (r *Residence) VerifyFingerprint(year int, fingerprint string) (ledger.SealVerdict, error) {
	var ex ledger.Exercise
	err := r.View(func(tx *ledger.Tx) (err error) {
		ex, err = tx.ExerciseOfYear(year)
		return err
	})
	if err != nil {
		return ledger.SealVerdict{}, err
	}
	return r.db.VerifyFingerprint(ex, fingerprint)
}
