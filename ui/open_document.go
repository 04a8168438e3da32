package ui

import (
	"log"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/internal/desktop"
	"tantieme/internal/fr"
	"tantieme/ui/widgets"
)

// Every document the program writes (deposit slip, notices, reminders,
// annexes, books, attendance sheet, décomptes, exports, backups) is opened
// here, and only here. The program writes files; the user prints them:
// when no viewer takes the file, the work is still done, and saying
// « Opération impossible » then made syndics redo a deposit that was made
// (issue 16, item 7). So a failure says first what was done, then that the
// file could not be opened, and offers its folder; when even the folder
// does not open, it shows the folder's path to copy.

// openDocument opens a file or a folder with the system's program
// (desktop.OpenURL: Fyne's OpenURL mangles Windows paths); tests replace it
// to see what would open, or to fail.
var openDocument = func(_ fyne.App, u *url.URL) error { return desktop.OpenURL(u) }

// openWritten says in the status bar what was just written (done:
// "Bordereau de la remise n° 3 enregistré dans …") and opens the file;
// true when it could.
func (s *Shell) openWritten(done, path string) bool {
	if done != "" {
		s.say(done)
	}
	return s.openWith(done, path)
}

// openPath opens a file or a folder the user asked for (« Ouvrir le PDF »,
// « Ouvrir le dossier »); true when it could.
func (s *Shell) openPath(path string) bool { return s.openWith("", path) }

func (s *Shell) openWith(done, path string) bool {
	err := openDocument(s.app, desktop.FileURL(path))
	if err == nil {
		return true
	}
	log.Printf("tantieme: %s n'a pas pu être ouvert : %v", path, err)
	if st, serr := os.Stat(path); serr == nil && st.IsDir() {
		s.showFolderPath(done, path)
	} else {
		s.notOpened(done, path)
	}
	return false
}

// notOpened tells that a written file could not be opened, after what was
// done, with its folder to open instead.
func (s *Shell) notOpened(done, path string) {
	title := "Document non ouvert"
	text := ""
	if done != "" {
		title = "Document enregistré"
		text = fr.UpperFirst(done) + ".\n\n"
	}
	text += "Le fichier « " + filepath.Base(path) + " » n'a pas pu être ouvert : aucun programme ne l'a pris en charge " +
		"(pour un PDF, installez un lecteur de PDF). Ouvrez son dossier et le fichier depuis votre gestionnaire de fichiers."
	f := s.newForm(title, "Fermer")
	f.cancel.Hide()
	f.ok.Importance = widget.MediumImportance
	f.width = 640
	dir := filepath.Dir(path)
	folder := widgets.NewButton("Ouvrir le dossier", theme.FolderOpenIcon(), widget.HighImportance, func() {
		f.close()
		if err := openDocument(s.app, desktop.FileURL(dir)); err != nil {
			log.Printf("tantieme: %s n'a pas pu être ouvert : %v", dir, err)
			s.showFolderPath(done, dir)
		}
	})
	folder.Keys = f.keys
	f.extra = []fyne.CanvasObject{folder}
	icon := container.NewVBox(container.NewPadded(widget.NewIcon(theme.WarningIcon())))
	f.show(container.NewBorder(nil, nil, icon, nil, widgets.Note(text)), folder)
	refit(f)
}

// showFolderPath shows a folder the system could not open, to copy into the
// file manager.
func (s *Shell) showFolderPath(done, dir string) {
	text := ""
	if done != "" {
		text = fr.UpperFirst(done) + ".\n\n"
	}
	text += "Le dossier n'a pas pu être ouvert par le système. Le voici, à copier dans votre gestionnaire de fichiers :"
	f := s.newForm("Dossier non ouvert", "Fermer")
	f.cancel.Hide()
	f.width = 640
	path := widget.NewLabel(dir)
	path.Wrapping = fyne.TextWrapBreak
	path.TextStyle.Monospace = true
	path.Selectable = true
	var copyBtn *widgets.Button
	copyBtn = widgets.NewButton("Copier", theme.ContentCopyIcon(), widget.MediumImportance, func() {
		s.app.Clipboard().SetContent(dir)
		copyBtn.SetText("Copié")
	})
	copyBtn.Keys = f.keys
	f.extra = []fyne.CanvasObject{copyBtn}
	icon := container.NewVBox(container.NewPadded(widget.NewIcon(theme.WarningIcon())))
	f.show(container.NewBorder(nil, nil, icon, nil, container.NewVBox(widgets.Note(text), path)), f.ok)
	refit(f)
}

// watchLaunches has the window told when the system's opener fails after
// it was started (xdg-open without a PDF viewer): the document was written,
// it was not shown, and the user must know where to find it.
func (s *Shell) watchLaunches() {
	desktop.LaunchFailed = func(target string, err error) {
		log.Printf("tantieme: %s n'a pas pu être ouvert : %v", target, err)
		fyne.Do(func() {
			if st, serr := os.Stat(target); serr == nil && st.IsDir() {
				s.showFolderPath("", target)
				return
			}
			s.notOpened("", target)
		})
	}
}
