package publish

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// Every file of a space is written to a temporary file beside it, synced,
// then renamed (ledger.WriteOutput): a crash leaves the old file or the
// whole new one, never half of one.

// fileSum is the SHA-256 of the file at p; "" when there is none.
func fileSum(p string) (string, error) {
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", p)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
		return "", ledger.Errorf(ledger.Invalid, "« %s » n'est pas un fichier ordinaire", p)
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, app.MaxDocumentSize+1)); err != nil {
		return "", ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", p)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// errChanged marks a source whose content is no longer the registered one.
var errChanged = errors.New("changed")

// copyChecked copies the document's file src to dst, checking on the way
// that it is still the file registered (sha256): a file changed or lost
// since is not published. It returns the reason in French when it is
// refused, and an error when the destination cannot be written.
func copyChecked(src, dst, want string) (refused string, err error) {
	in, err := os.Open(src)
	if errors.Is(err, fs.ErrNotExist) {
		return "fichier introuvable : " + src, nil
	}
	if err != nil {
		return "fichier illisible : " + src, nil
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o777); err != nil {
		return "", ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé", filepath.Dir(dst))
	}
	err = ledger.WriteOutput(dst, func(w io.Writer) error {
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(w, h), io.LimitReader(in, app.MaxDocumentSize+1))
		if err != nil {
			return ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être copié dans « %s »", src, dst)
		}
		if n > app.MaxDocumentSize || hex.EncodeToString(h.Sum(nil)) != want {
			return ledger.Wrap(ledger.Invalid, errChanged, "changed")
		}
		return nil
	})
	if errors.Is(err, errChanged) {
		return "fichier modifié depuis son enregistrement au registre : " + src, nil
	}
	return "", err
}

// removeOurs deletes the file at p when it is still the one Tantième put
// there (sum): a file someone replaced is his, and stays. Folders left
// empty are removed up to top.
func removeOurs(p, sum, top string) (bool, error) {
	got, err := fileSum(p)
	if err != nil || got == "" || got != sum {
		return false, nil
	}
	if err := os.Remove(p); err != nil {
		return false, ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être effacé : est-il ouvert dans un autre programme ?", p)
	}
	for dir := filepath.Dir(p); strings.HasPrefix(dir, top+string(filepath.Separator)); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil { // not empty: someone else's files are there
			break
		}
	}
	return true, nil
}

// writeZip writes the space's files, its manifest and its note into
// zipPath, each under the space's folder name.
func writeZip(zipPath, top, folder string, names []string, at time.Time) error {
	return ledger.WriteOutput(zipPath, func(w io.Writer) error {
		z := zip.NewWriter(w)
		for _, name := range names {
			if err := addToZip(z, filepath.Join(top, filepath.FromSlash(name)), name, at); err != nil {
				return err
			}
		}
		return z.Close()
	})
}

func addToZip(z *zip.Writer, p, name string, at time.Time) error {
	f, err := os.Open(p)
	if err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu pour l'archive", p)
	}
	defer f.Close()
	w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: at})
	if err != nil {
		return ledger.Wrap(ledger.Invalid, err, "L'archive ne peut pas être écrite")
	}
	if _, err := io.Copy(w, f); err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être copié dans l'archive", p)
	}
	return nil
}
