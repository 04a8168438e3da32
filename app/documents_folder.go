package app

import (
	"os"
	"path/filepath"
	"strings"

	"tantieme/ledger"
)

// optionDocumentsFolder is the residence's documents folder, recorded in
// the residence so that the window and the CLI, on any computer, write and
// find its documents in the same place (issue 19). A relative value is
// relative to the residence file's folder: the residence and its
// documents move together (a USB stick, a shared drive).
const optionDocumentsFolder = "documents.folder"

// DefaultDocumentsFolder is where a residence's documents go until the
// syndic chooses: beside the residence file, « <Résidence> – Documents ».
func DefaultDocumentsFolder(file, residence string) string {
	base := strings.TrimSuffix(filepath.Base(FileName("", residence)), ".copro")
	return filepath.Join(filepath.Dir(file), base+" – Documents")
}

// DocumentsFolder is the residence's documents folder, absolute.
func (r *Residence) DocumentsFolder() (string, error) {
	var dir, name string
	err := r.db.View(func(tx *ledger.Tx) error {
		var err error
		if dir, err = tx.Option(optionDocumentsFolder, ""); err != nil {
			return err
		}
		info, err := tx.Residence()
		name = info.Name
		return err
	})
	if err != nil {
		return "", err
	}
	return resolveDocumentsFolder(r.Path(), name, dir), nil
}

// resolveDocumentsFolder turns the recorded option into an absolute folder.
func resolveDocumentsFolder(file, name, dir string) string {
	// The default is already beside file: joining it to file's folder
	// again doubled a relative residence path (« res/res/… – Documents »
	// for `tantieme-cli mail res/X.copro`).
	if dir == "" {
		dir = DefaultDocumentsFolder(file, name)
	} else if !filepath.IsAbs(dir) {
		dir = filepath.Join(filepath.Dir(file), dir)
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Clean(dir)
}

// SetDocumentsFolder records the residence's documents folder. A folder
// inside the residence file's folder is recorded relative to it.
func (r *Residence) SetDocumentsFolder(dir string) error {
	dir = strings.TrimSpace(dir)
	if dir == "" {
		return ledger.Errorf(ledger.Invalid, "Indiquez le dossier des documents")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » n'est pas un chemin valable", dir)
	}
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
		return ledger.Errorf(ledger.Invalid, "« %s » est un fichier, pas un dossier", abs)
	}
	stored := abs
	if base, err := filepath.Abs(filepath.Dir(r.Path())); err == nil {
		if rel, err := filepath.Rel(base, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			stored = rel
		}
	}
	return r.db.Update(func(tx *ledger.Tx) error { return tx.SetOption(optionDocumentsFolder, stored) })
}
