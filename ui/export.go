package ui

import (
	"bytes"
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

	"tantieme/app/export"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

const prefExportDir = "export.dir"

// exportSheets are the sheets of the exported workbook, as the user reads
// them in the message after the export.
var exportSheets = []string{export.SheetOwners, export.SheetShares, export.SheetEntries, export.SheetBalance, export.SheetLedger}

// exportWorkbook asks where to save the Excel workbook of the exercise
// shown (Fichier › Exporter…), then writes it. Exporting only reads the
// books: it is offered in a closed exercise and a read-only file too.
func (s *Shell) exportWorkbook() {
	if s.res == nil || s.win.Canvas().Overlays().Top() != nil {
		return
	}
	ex := s.exercise
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := wc.URI().Path()
		wc.Close()
		if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			// Fyne created the file as named; Excel needs the extension.
			removeEmptyFile(path)
			path += ".xlsx"
		}
		s.exportTo(path, ex)
	}, s.win)
	d.SetTitleText(fmt.Sprintf("Exporter l'exercice %s vers Excel", ex.Name()))
	d.SetConfirmText("Enregistrer")
	d.SetDismissText("Annuler")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.SetFileName(exportName(s.info.Name, ex))
	dir := s.app.Preferences().String(prefExportDir)
	if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() {
		dir = userDocuments()
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	s.showFileDialog(d)
}

// exportName is the name proposed for the workbook:
// "Résidence Les Tilleuls — export 2025.xlsx".
func exportName(residence string, ex ledger.Exercise) string {
	name := strings.TrimSpace(residence) + " — export " + ex.Name()
	return strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|':
			return '-'
		}
		return r
	}, name) + ".xlsx"
}

// exportTo writes the workbook of exercise ex to path, off the window's
// goroutine, then says what it wrote and offers to open it.
func (s *Shell) exportTo(path string, ex ledger.Exercise) {
	res := s.res
	s.runLong("Export vers Excel…", func() error {
		var buf bytes.Buffer
		if err := export.XLSX(res, &buf, ex); err != nil {
			removeEmptyFile(path)
			return err
		}
		if err := writeWhole(path, buf.Bytes()); err != nil {
			removeEmptyFile(path)
			return err
		}
		return nil
	}, func() {
		s.app.Preferences().SetString(prefExportDir, filepath.Dir(path))
		s.say(fmt.Sprintf("Exercice %s exporté vers Excel : %s", ex.Name(), path))
		s.exported(path, ex)
	})
}

// exported says where the workbook is and what it holds, and opens it or
// its folder on request.
func (s *Shell) exported(path string, ex ledger.Exercise) {
	f := s.newForm("Export terminé", "Fermer")
	f.cancel.Hide()
	open := func(target string) {
		if s.openPath(target) {
			f.close()
		}
	}
	file := widgets.NewButton("Ouvrir le classeur", theme.FileIcon(), widget.HighImportance, func() { open(path) })
	folder := widgets.NewButton("Ouvrir le dossier", theme.FolderOpenIcon(), widget.MediumImportance, func() { open(filepath.Dir(path)) })
	file.Keys, folder.Keys = f.keys, f.keys
	f.ok.Importance = widget.MediumImportance
	f.extra = []fyne.CanvasObject{folder, file}
	text := fmt.Sprintf("Le classeur « %s » est enregistré dans le dossier %s.\n\nIl contient %d feuilles pour l'exercice %s : %s.",
		filepath.Base(path), filepath.Dir(path), len(exportSheets), ex.Name(), joinFrench(exportSheets))
	f.width = 640
	icon := container.NewVBox(container.NewPadded(widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))))
	f.show(container.NewBorder(nil, nil, icon, nil, widgets.Note(text)), file)
}

// joinFrench joins words as a sentence does: "a, b et c".
func joinFrench(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " et " + words[len(words)-1]
}

// writeWhole writes data through ledger.WriteOutput: never over a
// residence or its backups, and never half a workbook where the old one was.
func writeWhole(path string, data []byte) error {
	return ledger.WriteOutputBytes(path, data)
}

// removeEmptyFile removes the empty file Fyne's save dialog creates when the
// export does not go there.
func removeEmptyFile(path string) {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path)
	}
}
