package ledger

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A safety copy is taken before every risky step (a closing, an import, a
// restore, a migration), so it must be quick: the step waits for it. It is
// made in two times.
//
//  1. Before SafetyCopy returns: a page copy of the residence (SQLite's
//     backup API, synced), checked (header, application_id, quick_check),
//     renamed to its plain name RESIDENCE_YYYYMMDD-HHMMSS_reason.copro in
//     the safety folder and the folder synced. From then on a crash leaves
//     a complete, checked copy: ListArchives lists it, OpenArchive, Restore
//     (CLI restore, the restore dialog) and Open read it as it is.
//  2. In the background, on one core (the step runs on the other): the
//     archive of that copy (manifest, compression, full integrity check,
//     read back), written as .partial and renamed
//     RESIDENCE_…_reason.copro.zip only once verified; then the plain copy
//     is deleted. DB.Close waits for it, so the program's exit does too.
//
// A plain copy left by a crash (or by an archive that failed) stays
// restorable; the next safety copy of the residence zips it in the
// background when it is more than an hour old (younger, another program
// might be zipping it). A plain copy beside its archive is deleted by
// PruneArchives.

// PlainCopyExt ends the name of a safety copy not zipped yet.
const PlainCopyExt = ".copro"

// plainAge is the age after which a plain copy is taken for a crash's
// leftover and zipped by the next safety copy.
const plainAge = time.Hour

// PlainCopyPath is the name of the plain copy of archive (….copro.zip).
func PlainCopyPath(archive string) string { return strings.TrimSuffix(archive, ".zip") }

// SafetyCopy writes a checked copy of the residence into its safety folder
// before a risky step (reason: ReasonImport…), keeping the last SafetyKeep.
// If it cannot be written, the step must not run. It returns the path the
// archive will have; until it is written (in the background, a few seconds)
// OpenArchive of that path reads the plain copy.
func (d *DB) SafetyCopy(reason string) (string, error) {
	dir := SafetyDir(d.path)
	p, err := d.safetyCopy(dir, reason)
	if err != nil {
		return "", Wrap(KindOf(err), err, "La copie de sécurité (%s) n'a pas pu être écrite dans « %s » : rien n'a été fait. %s", reason, dir, Message(err))
	}
	return p, nil
}

func (d *DB) safetyCopy(dir, reason string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", Wrap(Invalid, err, "Le dossier « %s » ne peut pas être créé", dir)
	}
	// Room for the plain copy and its archive (the archive is read back
	// without a temporary copy, but the check stays as for a backup).
	if err := d.ensureArchiveSpace(dir, ""); err != nil {
		return "", err
	}
	now := time.Now()
	tmp, err := d.copyInto(dir)
	if err != nil {
		return "", err
	}
	residence, err := quickCheckCopy(tmp)
	if err != nil {
		os.Remove(tmp)
		return "", Wrap(Internal, err, "La copie de la résidence est incohérente : %s", Message(err))
	}
	archive := archivePath(dir, residence, reason, now)
	plain := PlainCopyPath(archive)
	if err := os.Rename(tmp, plain); err != nil {
		os.Remove(tmp)
		return "", Wrap(Internal, err, "La copie de sécurité « %s » ne peut pas être nommée", plain)
	}
	syncDir(dir)
	PruneArchives(dir, residence, SafetyKeep)
	file := filepath.Base(d.path)
	d.zipping.Add(1)
	go func() {
		defer d.zipping.Done()
		backgroundThread()
		zipPlainCopy(plain, archive, file, reason, now)
		for _, a := range ListArchives(dir, residence) {
			if a.Plain && a.Path != plain {
				if st, err := os.Stat(a.Path); err == nil && time.Since(st.ModTime()) > plainAge {
					zipPlainCopy(a.Path, a.Path+".zip", file, a.Reason, a.Time)
				}
			}
		}
	}()
	return archive, nil
}

// zipPlainCopy writes and verifies the archive of a plain safety copy, then
// deletes the copy. On failure the plain copy stays, restorable as it is.
func zipPlainCopy(plain, archive, file, reason string, when time.Time) {
	dir := filepath.Dir(plain)
	if _, _, err := archiveCopy(plain, dir, archive, file, reason, "", when, false); err != nil {
		return
	}
	os.Remove(plain)
	syncDir(dir)
}
