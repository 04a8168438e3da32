package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// The landlords' statements of recoverable charges (issue 20): from
// Documents › Imprimer for every owner flagged « Bailleur », over the
// period of the books; from an owner's card (tab Documents) for him, over
// the exercise shown. Each is registered for its owner.

// writeRecoverable writes the statements of every landlord over from–to
// into dir.
func (s *Shell) writeRecoverable(dir string, from, to time.Time) {
	res := s.res
	var files app.RecoverableFiles
	opt := app.RecoverableOptions{From: from, To: to, Printed: s.now()}
	s.runLong("Écriture des relevés de charges récupérables…", func() (err error) {
		files, err = res.WriteRecoverableStatements(dir, "", opt)
		return err
	}, func() {
		n := len(files.Owners)
		what := fmt.Sprintf("%s de charges récupérables du %s au %s dans %s", fr.Count(n, "relevé écrit", "relevés écrits"),
			ledger.FrenchDate(from), ledger.FrenchDate(to), dir)
		open := files.Combined
		text := fr.UpperFirst(what) + " : un PDF par bailleur, à remettre à ses locataires."
		if open == "" && n > 0 {
			open = files.Owners[0]
		} else if open != "" {
			text += " Tous ensemble dans " + filepath.Base(open) + " pour l'impression."
		}
		s.showWritten("Charges récupérables", text, open, dir, nil)
		s.openWritten(what, open)
	})
}

// writeOwnerRecoverable writes one owner's statement over the exercise
// shown, into the documents' subfolder.
func (s *Shell) writeOwnerRecoverable(o ledger.Owner) {
	dir, err := s.res.DocumentsSubfolder(app.FolderRecoverable)
	if err != nil {
		s.showError(err)
		return
	}
	ex := s.exercise
	path := filepath.Join(dir, fmt.Sprintf("RECUPERABLES_%d_%s_%s.pdf", ex.Year(), o.Account, fr.FileName(o.Name)))
	opt := app.RecoverableOptions{From: ex.Start, To: ex.End, Owners: []string{o.Account}, Printed: s.now()}
	res := s.res
	s.runLong("Écriture du relevé de charges récupérables…", func() error {
		return res.WriteRecoverableStatement(path, opt)
	}, func() {
		what := fmt.Sprintf("Relevé des charges récupérables de %s pour l'exercice %s écrit dans %s", o.Name, ex.Name(), path)
		s.showWritten("Charges récupérables", what+".", path, dir, nil)
		s.openWritten(what, path)
	})
}

// ownerFlagsText says on the owner card what issue 20's flags say: « Assujetti
// à la TVA », « Bailleur », both, or nothing.
func ownerFlagsText(o ledger.Owner) string {
	var out []string
	if o.VATRegistered {
		out = append(out, "Assujetti à la TVA")
	}
	if o.Landlord {
		out = append(out, "Bailleur")
	}
	return strings.Join(out, ", ")
}
