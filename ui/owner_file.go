package ui

import (
	"tantieme/app"
	"tantieme/app/closing"
)

// printFile writes the owner's full file for the exercise shown into the
// tools' folder, registered as concerning him.
func (c *ownerCard) printFile() {
	s := c.o.s
	dir, err := s.res.DocumentsSubfolder(app.FolderTools)
	if err != nil {
		s.showError(err)
		return
	}
	ex, printed, owner := s.exercise, s.now(), c.data.Owner
	meta := closing.OwnerFileProduced(dir, owner, ex, printed)
	s.runLong("Impression de la fiche complète…", func() error {
		pdf, err := closing.OwnerFilePDF(s.res, owner.Account, ex, printed)
		if err != nil {
			return err
		}
		return s.res.WriteDocument(pdf, meta)
	}, func() {
		s.say("Fiche complète imprimée : " + meta.Path)
		s.showWritten("Fiche complète de "+owner.DisplayName(), "Tantième a mis la fiche complète en page dans le fichier "+meta.Path+".", meta.Path, dir, nil)
		c.reload() // its Documents tab lists the new file
	})
}
