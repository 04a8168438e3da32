package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// restoreBackup is Fichier › Restaurer une sauvegarde…: choose an archive,
// see what it holds once verified, choose where it goes, confirm.
func (s *Shell) restoreBackup() {
	if s.win.Canvas().Overlays().Top() != nil {
		return
	}
	s.restoreInto("", "")
}

// restoreInto restores archive ("" asks for one) into target ("" lets the
// user choose: the open residence or a new file).
func (s *Shell) restoreInto(archive, target string) {
	if archive == "" {
		s.chooseBackup(target)
		return
	}
	s.checkBackup(archive, target)
}

// chooseBackup asks for a .copro.zip (or a safety copy not zipped yet,
// .copro), starting in the folder of the last backup.
func (s *Shell) chooseBackup(target string) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if rc == nil {
			return // cancelled
		}
		path := rc.URI().Path()
		rc.Close()
		s.checkBackup(path, target)
	}, s.win)
	d.SetTitleText("Choisir la sauvegarde à restaurer (fichier " + ledger.ArchiveExt + ")")
	d.SetConfirmText("Choisir")
	d.SetDismissText("Annuler")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".zip", ledger.PlainCopyExt}))
	if l, err := storage.ListerForURI(storage.NewFileURI(backupFolder())); err == nil {
		d.SetLocation(l)
	}
	s.showFileDialog(d)
}

// checkBackup reads and verifies the archive entirely before anything is
// proposed; a damaged archive or one from a newer Tantième is refused here.
func (s *Shell) checkBackup(archive, target string) {
	var m ledger.Manifest
	s.runLong("Vérification de la sauvegarde…", func() (err error) {
		m, err = app.ReadBackup(archive)
		return err
	}, func() { s.restoreForm(archive, m, target) })
}

// restoreForm shows what a verified archive holds and asks where to
// restore it.
func (s *Shell) restoreForm(archive string, m ledger.Manifest, target string) {
	const newFile = "Restaurer dans un nouveau fichier…"
	var replaceOpen, replaceTarget string
	var options []string
	if target != "" {
		replaceTarget = fmt.Sprintf("Remplacer le fichier endommagé (%s)", target)
		options = append(options, replaceTarget)
	} else if s.res != nil && !s.demo {
		replaceOpen = fmt.Sprintf("Remplacer la résidence ouverte (%s)", s.res.Path())
		options = append(options, replaceOpen)
	}
	options = append(options, newFile)

	dir := userDocuments()
	switch recent := s.recentFiles(); {
	case target != "":
		dir = filepath.Dir(target)
	case s.res != nil && !s.demo:
		dir = filepath.Dir(s.res.Path())
	case len(recent) > 0:
		dir = filepath.Dir(recent[0])
	}
	folder, folderLine := s.folderField(dir)
	folder.SetPlaceHolder("Dossier du nouveau fichier de résidence")
	name := widgets.NewField(filepath.Base(app.FileName("", m.Residence)), "Nom du fichier, par exemple Les Tilleuls.copro")
	newForm := widget.NewForm(widget.NewFormItem("Dossier", folderLine), widget.NewFormItem("Nom du fichier", name))

	fields := []widgets.FormField{folder, name}
	var docs *widgets.CheckField
	if m.Full() {
		// The documents go beside the restored file, in its default
		// documents folder: where the restored residence looks first.
		docs = widgets.NewCheckField(fmt.Sprintf("Restaurer aussi les documents, à côté du fichier restauré (« %s »)", filepath.Base(app.DefaultDocumentsFolder("x.copro", m.Residence))), false)
		fields = append(fields, docs)
	}
	f := s.newForm("Restaurer une sauvegarde", "Restaurer…", fields...)
	f.width = 760

	choice := widget.NewRadioGroup(options, nil)
	choice.Required = true
	switch {
	case replaceTarget != "":
		choice.Selected = replaceTarget
	case replaceOpen != "" && filepath.Base(s.res.Path()) == m.File:
		choice.Selected = replaceOpen
	default:
		choice.Selected = newFile
	}
	showNew := func() {
		if choice.Selected == newFile {
			newForm.Show()
		} else {
			newForm.Hide()
		}
		f.clearError()
		refit(f)
	}
	choice.OnChanged = func(string) { showNew() }

	f.submit = func() error {
		var dest string
		switch choice.Selected {
		case replaceTarget:
			dest = target
		case replaceOpen:
			if s.res == nil {
				return ledger.Errorf(ledger.Invalid, "Plus aucune résidence n'est ouverte : choisissez « %s »", newFile)
			}
			dest = s.res.Path()
		default:
			d, n := strings.TrimSpace(folder.Text), strings.TrimSpace(name.Text)
			if d == "" {
				s.win.Canvas().Focus(folder)
				return ledger.Errorf(ledger.Invalid, "Indiquez le dossier du nouveau fichier de résidence")
			}
			if st, err := os.Stat(d); err != nil || !st.IsDir() {
				s.win.Canvas().Focus(folder)
				return ledger.Errorf(ledger.NotFound, "Le dossier « %s » n'existe pas : choisissez un autre dossier", d)
			}
			if n == "" || strings.ContainsAny(n, `/\:*?"<>|`) {
				s.win.Canvas().Focus(name)
				return ledger.Errorf(ledger.Invalid, "Indiquez un nom de fichier sans les caractères / \\ : * ? \" < > |")
			}
			if !strings.EqualFold(filepath.Ext(n), ".copro") {
				n += ".copro"
			}
			dest = filepath.Join(d, n)
			if s.demo && s.res != nil && samePath(s.res.Path(), dest) {
				return ledger.Errorf(ledger.Invalid, "Ce fichier est la résidence de démonstration : choisissez un autre nom")
			}
		}
		documents := ""
		if docs != nil && docs.Checked {
			documents = app.DefaultDocumentsFolder(dest, m.Residence)
		}
		text := fmt.Sprintf("Restaurer la sauvegarde du %s dans le nouveau fichier « %s » (dossier %s) ?",
			frenchWhen(m.Created), filepath.Base(dest), filepath.Dir(dest))
		if st, err := os.Stat(dest); err == nil {
			if st.IsDir() {
				return ledger.Errorf(ledger.Invalid, "« %s » est un dossier : indiquez un nom de fichier", dest)
			}
			text = fmt.Sprintf("Remplacer « %s » par la sauvegarde du %s ? Le fichier actuel sera gardé dans « %s ».",
				filepath.Base(dest), frenchWhen(m.Created), filepath.Base(ledger.SafetyDir(dest)))
		}
		if documents != "" {
			text += fmt.Sprintf(" Les documents de la sauvegarde seront écrits dans le dossier %s.", documents)
		}
		s.confirm("Restaurer la sauvegarde ?", text, "Restaurer", "Revenir", func() {
			f.close()
			s.doRestore(archive, dest, documents)
		})
		return errStay
	}

	about := container.NewVBox(
		widget.NewLabelWithStyle("Sauvegarde : "+filepath.Base(archive), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widgets.Note("Dossier : "+filepath.Dir(archive)),
		widgets.Note(app.DescribeBackup(m)+"."),
		ok("Sauvegarde vérifiée : empreinte et intégrité correctes"),
		widget.NewLabelWithStyle("Où la restaurer ?", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		choice, newForm,
	)
	if docs != nil {
		about.Add(docs)
	}
	about.Add(widgets.Note("Rien n'est modifié avant votre confirmation. Un fichier remplacé est toujours gardé dans son dossier « Copies de sécurité »."))
	f.show(about, nil)
	showNew()
}

// doRestore replaces target with the archive's residence (closing it first
// when it is the one open), then opens it and says what was done. When the
// restore fails, nothing is changed and the residence is opened again.
func (s *Shell) doRestore(archive, target, documents string) {
	reopen := false
	if s.res != nil && samePath(s.res.Path(), target) {
		s.closeResidence()
		reopen = true
	}
	_, statErr := os.Stat(target)
	existed := statErr == nil
	var res ledger.RestoreResult
	var restoreErr error
	s.runLong("Restauration de la sauvegarde…", func() error {
		res, restoreErr = app.Restore(archive, target, ledger.RestoreOptions{Documents: documents})
		return nil // answered below, once the residence is open again
	}, func() {
		if restoreErr != nil {
			_, err := os.Stat(target)
			written := err == nil && (!existed || res.Replaced != "")
			if reopen || written {
				s.openThen(target, func() { s.showError(restoreErr) })
			} else {
				s.showError(restoreErr)
			}
			return
		}
		s.openThen(target, func() { s.restored(res, documents) })
	})
}

// restored says what the restore did.
func (s *Shell) restored(res ledger.RestoreResult, documents string) {
	m := res.Manifest
	s.say(fmt.Sprintf("Sauvegarde du %s restaurée dans %s", frenchWhen(m.Created), res.File))
	text := fmt.Sprintf("La résidence « %s » est restaurée dans %s, telle qu'elle était le %s (%d copropriétaires, %d lots, %d écritures).",
		m.Residence, res.File, frenchWhen(m.Created), m.Owners, m.Lots, m.Entries)
	if res.Replaced != "" {
		text += "\n\nL'ancien fichier est gardé dans : " + res.Replaced
	}
	if documents != "" {
		text += fmt.Sprintf("\n\n%d document%s restauré%s dans %s.", res.Documents, fr.S(res.Documents), fr.S(res.Documents), documents)
	}
	text += "\n\nLes écritures faites après cette sauvegarde ne sont plus dans la résidence : saisissez-les de nouveau si besoin."
	f := s.newForm("Sauvegarde restaurée", "Fermer")
	f.cancel.Hide()
	f.width = 700
	icon := container.NewVBox(container.NewPadded(widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))))
	f.show(container.NewBorder(nil, nil, icon, nil, widgets.Note(text)), nil)
	refit(f)
}
