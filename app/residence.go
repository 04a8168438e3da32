// Package app holds the workflows users run on a residence: creating one,
// the demo, summaries for screens and the CLI, imports, calls, closing,
// exports. It depends on ledger and reports, never on Fyne.
package app

import (
	"path/filepath"
	"strings"

	"tantieme/ledger"
)

// Residence is an open residence file.
type Residence struct {
	*ledger.DB
}

// Open opens a residence for reading and writing.
func Open(file string) (*Residence, error) {
	db, err := ledger.Open(file)
	if err != nil {
		return nil, err
	}
	return &Residence{DB: db}, nil
}

// OpenReadOnly opens a residence without ever writing to it.
func OpenReadOnly(file string) (*Residence, error) {
	db, err := ledger.OpenReadOnly(file)
	if err != nil {
		return nil, err
	}
	return &Residence{DB: db}, nil
}

// Create writes a new residence: official chart, journals AC/BQ/OD/AN, key
// 001 and three exercises.
func Create(file string, setup ledger.Setup) (*Residence, error) {
	db, err := ledger.Create(file, setup)
	if err != nil {
		return nil, err
	}
	return &Residence{DB: db}, nil
}

// FileName proposes a file name for a residence: "Les Tilleuls.copro".
func FileName(dir, name string) string {
	clean := strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|':
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if clean == "" {
		clean = "Résidence"
	}
	return filepath.Join(dir, clean+".copro")
}
