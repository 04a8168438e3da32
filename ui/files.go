package ui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"tantieme/app"
	"tantieme/internal/desktop"
	"tantieme/ledger"
)

const (
	prefRecent = "recent" // residence files, most recent first
	maxRecent  = 8
)

// demoFile is where the demo residence is written: in the user's settings
// folder, out of the way of his own files.
func demoFile() (string, error) {
	dir := desktop.Where().Demo
	if dir == "" {
		return "", ledger.Errorf(ledger.Internal, "Le dossier des réglages de Tantième est introuvable")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", ledger.Wrap(ledger.Internal, err, "Le dossier « %s » ne peut pas être créé", dir)
	}
	return app.FileName(dir, app.DemoName), nil
}

// removeResidence deletes a residence file and its journal when they exist.
func removeResidence(file string) error {
	for _, f := range []string{file, file + "-journal"} {
		if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return ledger.Wrap(ledger.Internal, err, "Le fichier « %s » ne peut pas être remplacé", f)
		}
	}
	return nil
}

// documentsDir is where new residences go by default: Documents/Tantième
// (the Documents of this system: see desktop.Where).
func documentsDir() string { return filepath.Join(desktop.Where().Documents, "Tantième") }

// recentFiles lists the residences opened lately that still exist.
func (s *Shell) recentFiles() []string {
	var out []string
	for _, f := range s.app.Preferences().StringList(prefRecent) {
		if _, err := os.Stat(f); err == nil {
			out = append(out, f)
		}
	}
	return out
}

// addRecent puts file first in the recent files; the demo is never listed.
func (s *Shell) addRecent(file string) {
	if abs, err := filepath.Abs(file); err == nil {
		file = abs
	}
	if demo, err := demoFile(); err == nil && demo == file {
		return
	}
	list := slices.DeleteFunc(s.app.Preferences().StringList(prefRecent), func(f string) bool { return f == file })
	list = append([]string{file}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	s.app.Preferences().SetStringList(prefRecent, list)
	s.menu.refresh()
}
