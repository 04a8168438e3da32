package ledger

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// RestoreResult says what a restore did.
type RestoreResult struct {
	Manifest  Manifest
	File      string // the residence written
	Replaced  string // safety copy of the file it replaced, if there was one
	Documents int    // documents written, for a full backup restored with them
}

// RestoreOptions are the choices of one restore.
type RestoreOptions struct {
	Documents string // where to write a full backup's documents; "" not to
}

// Restore replaces (or creates) target with the residence of an archive.
// Everything is checked before target is touched: the archive's manifest,
// hash, SQLite integrity and schema (a newer schema is refused). Then, with
// target's writer lock held (a residence open elsewhere is refused), the
// current file is saved into its safety folder and the verified copy takes
// its place in one rename.
func Restore(archive, target string, opt RestoreOptions) (RestoreResult, error) {
	var res RestoreResult
	a, err := OpenArchive(archive)
	if err != nil {
		return res, err
	}
	defer a.Close()
	res.Manifest, res.File = a.Manifest, target
	dir := filepath.Dir(target)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return res, Errorf(NotFound, "Le dossier « %s » n'existe pas", dir)
	}
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		return res, Errorf(Invalid, "« %s » est un dossier : indiquez le fichier de résidence à écrire (.copro)", target)
	}
	if err := ensureRestoreSpace(a, target, opt); err != nil {
		return res, err
	}
	tmp, err := a.Extract(dir) // same folder: the final rename is atomic
	if err != nil {
		return res, err
	}
	defer os.Remove(tmp)
	for _, d := range a.Manifest.Documents {
		if err := a.copyDocument(d, io.Discard); err != nil {
			return res, err
		}
	}

	lock, err := acquireWriterLock(target)
	if err != nil {
		return res, err
	}
	defer lock.release()
	if _, err := os.Stat(target); err == nil {
		if res.Replaced, err = saveReplaced(target); err != nil {
			return res, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return res, Wrap(Internal, err, "« %s » ne peut pas être lu", target)
	}
	// A journal left by a crash belongs to the old file: applied to the
	// restored one it would damage it.
	if err := os.Remove(target + "-journal"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return res, Wrap(Internal, err, "« %s » ne peut pas être remplacé", target)
	}
	// The extracted file is private (0600): the restored residence keeps
	// the mode of the one it replaces, or gets the usual one.
	if err := os.Chmod(tmp, fileModeFor(target)); err != nil {
		return res, Wrap(Internal, err, "« %s » ne peut pas être remplacé", target)
	}
	if err := os.Rename(tmp, target); err != nil {
		return res, Wrap(Internal, err, "« %s » ne peut pas être remplacé", target)
	}
	syncDir(dir)
	if opt.Documents != "" && a.Manifest.Full() {
		if res.Documents, err = a.ExtractDocuments(opt.Documents); err != nil {
			return res, Wrap(KindOf(err), err, "La résidence est restaurée, mais pas les documents : %s", Message(err))
		}
	}
	return res, nil
}

// saveReplaced keeps the file a restore replaces in its safety folder: as an
// archive when it opens, byte for byte otherwise (a damaged file).
func saveReplaced(target string) (string, error) {
	if d, err := connectExisting(target); err == nil {
		p, err := d.SafetyCopy(ReasonRestore)
		d.zipping.Wait() // as DB.Close does: the copy is an archive before the program may exit
		d.sql.Close()
		if err == nil {
			return p, nil
		}
	}
	dir := SafetyDir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", Wrap(Invalid, err, "Le dossier « %s » ne peut pas être créé", dir)
	}
	dest := filepath.Join(dir, filepath.Base(target)+"."+ReasonRestore+".copie")
	if err := copyFile(target, dest); err != nil {
		return "", Wrap(Internal, err, "« %s » ne peut pas être mis de côté avant d'être remplacé : rien n'a été fait", target)
	}
	return dest, nil
}

// connectExisting opens a residence file that this caller already holds
// the writer lock of (after a crash, SQLite rolls its journal back).
func connectExisting(file string) (*DB, error) {
	if err := checkHeader(file); err != nil {
		return nil, err
	}
	d, err := connect(file, false)
	if err != nil {
		return nil, err
	}
	if findings, err := d.integrity(true); err != nil || len(findings) > 0 {
		d.sql.Close()
		return nil, Errorf(Damaged, "« %s » est endommagé", file)
	}
	return d, nil
}

func copyFile(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dest)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// prepareCandidate opens a restored copy for writing exactly as Open will
// open the restored file (version, schema of that version, integrity) and
// brings an older one up to date, all on the copy, without the safety copy
// Open makes before migrating (the archive is that copy): a residence that
// would then refuse to open or to be written never replaces a good one.
func prepareCandidate(tmp, archiveName string) error {
	d, err := open(tmp, modeCandidate)
	if err != nil {
		if dmg, ok := Damage(err); ok {
			shown := dmg.Findings
			if len(shown) > 3 {
				shown = append(shown[:3:3], fmt.Sprintf("et %d autres anomalies", len(dmg.Findings)-3))
			}
			return Errorf(Invalid, "« %s » ne peut pas être restaurée : la résidence qu'elle contient a été modifiée ou abîmée hors de Tantième (%s)", archiveName, strings.Join(shown, " ; "))
		}
		return Errorf(Invalid, "« %s » ne peut pas être restaurée : %s", archiveName, Message(err))
	}
	return d.Close()
}
