package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"

	"tantieme/ledger"
)

// Fyne's save dialog opens the chosen file with os.Create (truncating it)
// before it hands it to us: choosing the residence itself in Fichier ›
// Exporter… emptied the books before any check could run (issue 12,
// item 1). guardFileSaves puts a guard in front of Fyne's "file" storage:
// a protected target (residence, lock, journal, backup: ledger.CheckOutput)
// is refused with the French message, and any other file is only opened
// when something is written to it — the export itself goes through
// ledger.WriteOutput, so a failed export leaves the old file whole.
func guardFileSaves() {
	inner, err := repository.ForURI(storage.NewFileURI("/"))
	if err != nil {
		return
	}
	if _, done := inner.(guardedFiles); done {
		return
	}
	full, ok := inner.(fileRepository)
	if !ok {
		return // not Fyne's usual file storage: nothing known to guard
	}
	repository.Register("file", guardedFiles{full})
}

// fileRepository is what Fyne's file storage provides; guardedFiles keeps
// all of it, so the dialogs can still list, create and move files.
type fileRepository interface {
	repository.AppendableRepository
	repository.DeleteAllRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.CopyableRepository
	repository.MovableRepository
}

type guardedFiles struct{ fileRepository }

func (g guardedFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	if err := ledger.CheckOutput(u.Path()); err != nil {
		return nil, err
	}
	return &lazyWriter{repo: g.fileRepository, uri: u}, nil
}

// lazyWriter opens (and truncates) its file at the first write only.
type lazyWriter struct {
	repo fileRepository
	uri  fyne.URI
	w    fyne.URIWriteCloser
}

func (l *lazyWriter) URI() fyne.URI { return l.uri }

func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		w, err := l.repo.Writer(l.uri)
		if err != nil {
			return 0, err
		}
		l.w = w
	}
	return l.w.Write(p)
}

func (l *lazyWriter) Close() error {
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}
