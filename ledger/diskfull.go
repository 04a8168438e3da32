package ledger

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	sqlite "modernc.org/sqlite"
)

// sqliteFull is SQLite's primary result code SQLITE_FULL: "insertion failed
// because database is full" — in practice the disk (or the user's quota).
const sqliteFull = 13

// spaceMargin is added to every estimate: SQLite's temporary files, the
// file system's own blocks, and estimates that are only estimates.
const spaceMargin = 1 << 20

// DiskFullError says a disk has no room for a write: refused beforehand
// (Need > 0) or failed while writing (Need == 0).
type DiskFullError struct {
	File string // the file being written (the residence, a backup…)
	What string // what a refused write would have written, for the message; "" for File
	Dir  string // the folder on the full disk
	Free int64  // bytes left there, -1 when the system cannot tell
	Need int64  // bytes the write was estimated to need; 0 when it failed
	// Unfinished is set when a failed write could not be undone before
	// returning: the file's rollback journal is still hot, and the next
	// opening finishes the rollback.
	Unfinished bool
	Err        error // the cause, for logs
}

func (e *DiskFullError) Error() string { return e.message() }

func (e *DiskFullError) Unwrap() error { return e.Err }

// DiskFull returns the details when err says a disk is full.
func DiskFull(err error) (*DiskFullError, bool) {
	var e *DiskFullError
	ok := errors.As(err, &e)
	return e, ok
}

func (e *DiskFullError) message() string {
	name := filepath.Base(e.File)
	what := e.What
	if what == "" {
		what = "« " + name + " »"
	}
	left := ""
	if e.Free >= 0 {
		left = " (il reste " + megabytes(e.Free) + ")"
	}
	switch {
	case e.Need > 0:
		if e.What == "" && strings.HasSuffix(name, ".copro") {
			what = "dans " + what
		}
		if e.Free >= 0 {
			left = ", il en reste " + megabytes(e.Free)
		}
		return fmt.Sprintf("Le disque du dossier « %s » n'a pas assez de place pour écrire %s (il faut environ %s%s) : libérez de la place puis recommencez ; rien n'a été modifié.", e.Dir, what, megabytesRounded(e.Need, true), left)
	case e.Unfinished:
		return fmt.Sprintf("Le disque du dossier « %s » est plein%s : l'écriture dans « %s » a échoué et n'a pas pu être entièrement annulée. Ne copiez pas « %s » seul pour l'instant ; libérez de la place puis rouvrez la résidence : Tantième terminera d'annuler l'écriture interrompue.", e.Dir, left, name, name)
	case e.What == "" && strings.HasSuffix(name, ".copro"):
		return fmt.Sprintf("Le disque du dossier « %s » où se trouve « %s » est plein%s : libérez de la place puis recommencez ; la résidence n'a pas été modifiée.", e.Dir, name, left)
	}
	return fmt.Sprintf("Le disque du dossier « %s » est plein%s : impossible d'y écrire %s. Libérez de la place puis recommencez ; la résidence n'a pas été modifiée.", e.Dir, left, what)
}

// megabytes says a size the way a user reads his disk: « 0,4 Mo », « 12 Mo ».
// Sizes needed are rounded up and sizes left down, so that what is
// said to be missing is never hidden by rounding.
func megabytes(n int64) string { return megabytesRounded(n, false) }

func megabytesRounded(n int64, up bool) string {
	const mb = 1 << 20
	if n >= 10*mb {
		q := n / mb
		if up && n%mb != 0 {
			q++
		}
		return fmt.Sprintf("%d Mo", q)
	}
	tenths := n * 10 / mb
	if up && n*10%mb != 0 {
		tenths++
	}
	return fmt.Sprintf("%d,%d Mo", tenths/10, tenths%10)
}

// isDiskFull says whether err comes from a full disk: SQLite's SQLITE_FULL
// (primary code 13, whatever the extended code), or a Go file write that
// got ENOSPC (ERROR_DISK_FULL on Windows).
func isDiskFull(err error) bool {
	if err == nil {
		return false
	}
	if _, ok := DiskFull(err); ok {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqliteFull {
		return true
	}
	return isNoSpace(err)
}

// errnoIs says whether err wraps one of the system errors targets.
func errnoIs(err error, targets ...error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}

// failedOnFullDisk describes a write into file that failed on a full disk,
// with what is left there now.
func failedOnFullDisk(dir, file string, cause error) *DiskFullError {
	dir = absDir(dir)
	free, ok := FreeSpace(dir)
	if !ok {
		free = -1
	}
	return &DiskFullError{File: file, Dir: dir, Free: free, Err: cause}
}

// diskFullError is the user's error for a write into file that failed on a
// full disk: the message names the folder and what is left there.
func diskFullError(file string, cause error) error {
	return failedOnFullDisk(filepath.Dir(file), file, cause).asError()
}

// writeFailed is the error of a write into dir that failed: named as a
// full disk when it is one (what says what was being written), else err.
func writeFailed(dir, what string, err error) error {
	if !isDiskFull(err) {
		return err
	}
	e := failedOnFullDisk(dir, "", err)
	e.What = what
	return e.asError()
}

// asError is e as the books' error type, its message for the user.
func (e *DiskFullError) asError() error {
	return &Error{Kind: Internal, Msg: e.message(), Err: e}
}

// ensureSpace refuses, before anything is written, a write of about need
// bytes (margin included by the caller) into dir; what names it for the
// user ("la sauvegarde de « r.copro »"), file is the file concerned.
func ensureSpace(dir, file, what string, need int64) error {
	dir = absDir(dir)
	free, ok := FreeSpace(dir)
	if !ok || free >= need {
		return nil
	}
	return (&DiskFullError{File: file, What: what, Dir: dir, Free: free, Need: need}).asError()
}

// FileSize is the residence file's size in bytes (0 when it cannot be read).
func (d *DB) FileSize() int64 {
	st, err := os.Stat(d.path)
	if err != nil {
		return 0
	}
	return st.Size()
}

// EnsureSpace refuses a long write before it starts when the residence's
// disk cannot hold it: its rollback journal (which holds, at worst, every
// page of the file as it was), extra bytes the caller expects the write to
// add (the file's growth, a safety copy), and a margin. A write refused
// here has written nothing; one that passes may still meet a full disk
// (another program writes too), and Update then undoes it.
func (d *DB) EnsureSpace(extra int64) error {
	if d.readOnly {
		return nil
	}
	if extra < 0 {
		extra = 0
	}
	return ensureSpace(filepath.Dir(d.path), d.path, "", d.FileSize()+extra+spaceMargin)
}

// absDir names a folder in full, as the user finds it in his file manager.
func absDir(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}
