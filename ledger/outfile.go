package ledger

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Every file Tantième produces for the user (exports, PDF documents,
// notices) goes through WriteOutput. Two promises, because a mistyped
// --out or a file dialog answered too fast used to replace the residence
// itself with an export (issue 12, item 1):
//
//   - it never replaces what holds the books: a residence, any SQLite
//     database, a residence's lock, a SQLite journal, a backup archive or
//     anything in a "Copies de sécurité" folder, a directory;
//   - it writes atomically: a temporary file in the same folder, synced,
//     then renamed over the target, so the target is either the old file or
//     the whole new one, never half of each. os.Rename replaces an existing
//     file on Windows too (MoveFileEx with MOVEFILE_REPLACE_EXISTING).
//
// The residence, its lock and its backups are written by their own code in
// this package, never through here.

// sqliteHeader opens every SQLite database file (sqlite.org/fileformat.html,
// 1.3: "The header string").
const sqliteHeader = "SQLite format 3\x00"

// WriteOutput writes the file at path with write, after CheckOutput: on any
// error the old file, if any, is left as it was and no temporary file stays.
// The new file gets the user's usual mode (0666 less the umask), like a file
// any other program creates, even when it replaces one.
func WriteOutput(path string, write func(io.Writer) error) (err error) {
	if err := CheckOutput(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	f, tmp, err := createTemp(dir, filepath.Base(path))
	if err != nil {
		return Wrap(Invalid, err, "Impossible d'écrire dans le dossier « %s » (absent ou protégé) : « %s » n'a pas été écrit", dir, path)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := write(f); err != nil {
		var e *Error
		if errors.As(err, &e) {
			return err
		}
		return Wrap(Invalid, err, "Le fichier « %s » ne peut pas être écrit", path)
	}
	// Synced before the rename: a power cut right after must not leave an
	// empty file under the target's name (ext4, APFS may reorder them).
	if err := f.Sync(); err != nil {
		return Wrap(Invalid, err, "Le fichier « %s » ne peut pas être écrit", path)
	}
	if err := f.Close(); err != nil {
		return Wrap(Invalid, err, "Le fichier « %s » ne peut pas être écrit", path)
	}
	// Checked again: the target may have become a residence (another
	// program, a user's copy) while the document was being written.
	if err := CheckOutput(path); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		// On Windows a file open in Excel or a PDF reader cannot be replaced.
		return Wrap(Invalid, err, "Le fichier « %s » ne peut pas être remplacé : est-il ouvert dans un autre programme (Excel, lecteur PDF) ? Fermez-le et recommencez", path)
	}
	syncDir(dir)
	return nil
}

// WriteOutputBytes is WriteOutput for a document already in memory.
func WriteOutputBytes(path string, data []byte) error {
	return WriteOutput(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// CheckOutput says, in French and naming the file, why path must not be
// written over, or nil when an output may be written there. Commands that
// change the books before writing a document call it first, so that a bad
// path is refused before anything is recorded.
func CheckOutput(path string) error {
	if strings.TrimSpace(path) == "" {
		return Errorf(Invalid, "Aucun fichier à écrire n'a été indiqué")
	}
	refuse := func(what string) error {
		return Errorf(Invalid, "« %s » %s : Tantième ne l'écrase pas ; choisissez un autre nom de fichier", path, what)
	}
	// What the file holds first: a residence is named as such whatever its
	// name.
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return Wrap(Invalid, err, "Le fichier « %s » ne peut pas être examiné avant d'être remplacé", path)
	case info.IsDir():
		return Errorf(Invalid, "« %s » est un dossier : indiquez un nom de fichier", path)
	case !info.Mode().IsRegular():
		return refuse("n'est pas un fichier ordinaire")
	default:
		head, err := readHead(path, 100)
		if err != nil {
			return Wrap(Invalid, err, "Le fichier « %s » ne peut pas être lu avant d'être remplacé", path)
		}
		if len(head) >= 16 && string(head[:16]) == sqliteHeader {
			// The application_id sits big-endian at offset 68 of the
			// header (sqlite.org/fileformat.html, 1.3.20).
			if len(head) >= 72 && binary.BigEndian.Uint32(head[68:72]) == ApplicationID {
				return refuse("est une résidence Tantième")
			}
			return refuse("est une base de données SQLite")
		}
	}
	lower := strings.ToLower(filepath.Base(path))
	switch {
	case strings.HasSuffix(lower, ".copro.lock"):
		return refuse("est le verrou d'une résidence")
	case strings.HasSuffix(lower, "-journal"), strings.HasSuffix(lower, "-wal"), strings.HasSuffix(lower, "-shm"):
		return refuse("est un journal de base de données SQLite")
	case strings.HasSuffix(lower, ArchiveExt), strings.HasSuffix(lower, ArchiveExt+".partial"):
		return refuse("est une sauvegarde de résidence")
	case strings.HasSuffix(lower, ".copro"):
		// Even when it does not exist yet: a document named like a
		// residence would be taken for one, and fail to open.
		return refuse("porte le nom d'une résidence (.copro)")
	case inSafetyDir(path):
		return refuse("est dans un dossier « Copies de sécurité », réservé aux copies de sécurité des résidences")
	}
	return nil
}

// CheckOutputDir says why documents must not be written into dir (a file
// such as a residence, a "Copies de sécurité" folder), or nil. Commands
// that post before writing their documents call it first.
func CheckOutputDir(dir string) error {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		if err := CheckOutput(dir); err != nil {
			return err
		}
		return Errorf(Invalid, "« %s » est un fichier, pas un dossier : indiquez un dossier pour les documents", dir)
	}
	if inSafetyDir(filepath.Join(dir, "x")) {
		return Errorf(Invalid, "« %s » est un dossier « Copies de sécurité », réservé aux copies de sécurité des résidences : choisissez un autre dossier", dir)
	}
	return nil
}

// fileModeFor is the permission a file written at path should get: that
// of the file it replaces, else the user's usual mode for a new file
// (0666 less the umask, read from a probe since Go has no portable umask).
func fileModeFor(path string) os.FileMode {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		return st.Mode().Perm()
	}
	f, tmp, err := createTemp(filepath.Dir(path), "mode")
	if err != nil {
		return 0o644
	}
	defer os.Remove(tmp)
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0o644
	}
	return st.Mode().Perm()
}

// inSafetyDir says whether path lies in a "Copies de sécurité" folder
// (SafetyDir), at any depth.
func inSafetyDir(path string) bool {
	safety := filepath.Base(SafetyDir("x"))
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	for {
		if strings.EqualFold(filepath.Base(dir), safety) {
			return true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}

func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	m, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return buf[:m], nil
}

// createTemp makes the temporary file beside the target (a rename only
// replaces atomically within one file system). Not os.CreateTemp: it
// creates files 0600, and a document is shared like any other, so it gets
// 0666 less the umask, the mode every other program gives a new file.
func createTemp(dir, base string) (*os.File, string, error) {
	var rnd [6]byte
	for range 10 {
		if _, err := rand.Read(rnd[:]); err != nil {
			return nil, "", err
		}
		p := filepath.Join(dir, ".tantieme-"+hex.EncodeToString(rnd[:])+"-"+shortName(base)+".tmp")
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, p, err
	}
	return nil, "", errors.New("no free temporary name")
}

// shortName keeps a temporary name readable without exceeding the 255
// bytes most file systems allow.
func shortName(base string) string {
	b := []byte(base)
	if len(b) <= 64 {
		return base
	}
	return string(bytes.ToValidUTF8(b[:64], nil))
}
