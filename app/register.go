package app

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tantieme/ledger"
)

// Produced is a document the program has just written, to be recorded in
// the register (issue 19).
type Produced struct {
	Path     string // where it was written
	Kind     string // a key of ledger.DocumentKinds
	Binder   string // "" for the kind's binder
	Title    string
	Date     time.Time
	Exercise int64
	Owners   []string
	Entry    int64
}

// MaxDocumentSize bounds a registered file: the register hashes what it
// records, and a publication or an e-mail carries it; a scan of 100 MB is
// not a document an owner can receive.
const MaxDocumentSize = 100 << 20

// fileDigest is a file's SHA-256 and size, read in bounded memory.
func fileDigest(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", path)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, MaxDocumentSize+1))
	if err != nil {
		return "", 0, ledger.Wrap(ledger.Invalid, err, "Le fichier « %s » ne peut pas être lu", path)
	}
	if n > MaxDocumentSize {
		return "", 0, ledger.Errorf(ledger.Invalid, "Le fichier « %s » dépasse %d Mo : il ne peut pas être mis au registre", path, MaxDocumentSize>>20)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// registeredName is how the register names path: relative to the
// documents folder root when it lies inside it, absolute otherwise.
func registeredName(root, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if root != "" {
		if rel, err := filepath.Rel(root, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return abs
}

// DocumentPath is where a registered document's file is, absolute.
func DocumentPath(root string, d ledger.Document) string {
	if filepath.IsAbs(d.File) || strings.HasPrefix(d.File, "/") {
		return filepath.FromSlash(d.File)
	}
	return filepath.Join(root, filepath.FromSlash(d.File))
}

// Register records documents just written, in one transaction, and
// returns their ids in order. A file produced again updates its line.
func (r *Residence) Register(files ...Produced) ([]int64, error) {
	if len(files) == 0 {
		return nil, nil
	}
	root, err := r.DocumentsFolder()
	if err != nil {
		return nil, err
	}
	docs := make([]ledger.Document, len(files))
	for i, f := range files {
		sum, size, err := fileDigest(f.Path)
		if err != nil {
			return nil, err
		}
		docs[i] = ledger.Document{Binder: f.Binder, Kind: f.Kind, Date: f.Date, Title: f.Title, Exercise: f.Exercise,
			File: registeredName(root, f.Path), SHA256: sum, Size: size, Entry: f.Entry, Owners: f.Owners}
	}
	ids := make([]int64, len(docs))
	err = r.db.Update(func(tx *ledger.Tx) error {
		for i, d := range docs {
			id, err := tx.RegisterDocument(d)
			if err != nil {
				return ledger.Wrap(ledger.KindOf(err), err, "Registre des documents, « %s » : %s", files[i].Path, ledger.Message(err))
			}
			ids[i] = id
		}
		return nil
	})
	return ids, err
}

// DocumentState says whether a registered document's file is still the
// one registered: "" when it is, else in French what is wrong.
func DocumentState(root string, d ledger.Document) string {
	path := DocumentPath(root, d)
	sum, _, err := fileDigest(path)
	switch {
	case os.IsNotExist(unwrapPathError(path)):
		return "fichier introuvable : " + path
	case err != nil:
		return ledger.Message(err)
	case sum != d.SHA256:
		return "fichier modifié depuis son enregistrement : " + path
	}
	return ""
}

// unwrapPathError is the error of opening path, for os.IsNotExist.
func unwrapPathError(path string) error {
	_, err := os.Stat(path)
	return err
}
