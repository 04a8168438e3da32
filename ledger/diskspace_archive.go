package ledger

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ensureArchiveSpace refuses a backup (or a safety copy) into dir before
// anything is written when the disk cannot hold it: the page copy (the
// residence's size) and the archive (at most that, as deflate never grows
// much) with the documents. The archive is verified by reading it back
// without writing anything else (archiveCopy).
func (d *DB) ensureArchiveSpace(dir, docs string) error {
	size := d.FileSize()
	what := fmt.Sprintf("la sauvegarde de « %s »", filepath.Base(d.path))
	return ensureSpace(dir, d.path, what, 2*size+folderSize(docs)+spaceMargin)
}

// ensureRestoreSpace refuses a restore before target is touched when its
// disk cannot hold the verified copy of the archive's residence and the
// safety copy of the file it replaces (snapshot and archive), nor the
// documents' folder the documents.
func ensureRestoreSpace(a *Archive, target string, opt RestoreOptions) error {
	need := a.Manifest.Size + spaceMargin
	if st, err := os.Stat(target); err == nil {
		need += 2 * st.Size()
	}
	what := fmt.Sprintf("la résidence restaurée « %s »", filepath.Base(target))
	if err := ensureSpace(filepath.Dir(target), target, what, need); err != nil {
		return err
	}
	if opt.Documents == "" || !a.Manifest.Full() {
		return nil
	}
	var docs int64
	for _, doc := range a.Manifest.Documents {
		docs += doc.Size
	}
	dir := opt.Documents
	for dir != filepath.Dir(dir) { // the folder may not exist yet: ask its parent
		if _, err := os.Stat(dir); err == nil {
			break
		}
		dir = filepath.Dir(dir)
	}
	return ensureSpace(dir, target, "les documents de la sauvegarde", docs+spaceMargin)
}

// folderSize adds up the sizes of the regular files under dir ("" : 0).
func folderSize(dir string) int64 {
	if dir == "" {
		return 0
	}
	var n int64
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() {
			if info, err := e.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
