package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/desktop"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// residenceDocuments is the documents folder of the open residence
// (notices, annexes, the register's outside documents…): what a full
// backup adds.
func (s *Shell) residenceDocuments() string { return s.docsFolder() }

// pluggedSticks lists the USB sticks plugged in now; tests replace it.
var pluggedSticks = desktop.Sticks

// backupFolders are the folders a backup offers, the one it proposes
// first: the folder used last time when it is there (the same stick plugged
// in again), else the sticks plugged in (a backup belongs away from the
// computer), else the folder used last time even when absent (the form then
// asks to plug its stick in), then the user's Documents.
func backupFolders(last string, sticks []string, documents string, isDir func(string) bool) []string {
	var out []string
	add := func(d string) {
		if d != "" && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	if last != "" && isDir(last) {
		add(last)
	}
	for _, d := range sticks {
		add(d)
	}
	add(last)
	add(documents)
	return out
}

// backupFolder is where the restore dialog looks first: the first of those
// folders that is there.
func backupFolder() string {
	for _, d := range backupFolders(app.LastBackupFolder(), pluggedSticks(), userDocuments(), isDir) {
		if isDir(d) {
			return d
		}
	}
	return userDocuments()
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// backupForm asks where to save the open residence (Fichier › Sauvegarder…),
// then writes and verifies the backup behind a progress bar. Saving only
// reads the books: it works on a residence open read-only too.
func (s *Shell) backupForm() {
	if s.res == nil || s.win.Canvas().Overlays().Top() != nil {
		return
	}
	sticks := pluggedSticks()
	folders := backupFolders(app.LastBackupFolder(), sticks, userDocuments(), isDir)
	dir, dirLine := s.folderField(folders[0])
	dir.SetPlaceHolder("Dossier de la sauvegarde : votre clé USB, par exemple")
	docs := s.residenceDocuments()
	full := widgets.NewCheckField("Sauvegarde complète (ajoute les documents PDF générés : "+docs+")", false)
	f := s.newForm("Sauvegarder la résidence", "Sauvegarder", dir, full)
	f.width = 720

	keep := "Tantième garde les %d dernières sauvegardes de cette résidence dans ce dossier et efface les plus anciennes (réglage dans Paramètres › Sauvegardes)."
	var keepText string
	if set, err := s.res.BackupSettings(); err != nil || set.Keep != 0 {
		n := app.DefaultBackupKeep
		if err == nil {
			n = set.Keep
		}
		keepText = fmt.Sprintf(keep, n)
	} else {
		keepText = "Tantième garde toutes les sauvegardes de cette résidence dans ce dossier (réglage dans Paramètres › Sauvegardes)."
	}
	last := "Aucune sauvegarde de cette résidence n'a encore été faite sur cet ordinateur."
	if rec, ok := app.LastBackup(s.res.Path()); ok {
		last = fmt.Sprintf("Dernière sauvegarde : le %s dans %s.", frenchWhen(rec.When), rec.Folder)
	}

	res := s.res
	f.submit = func() error {
		folder := strings.TrimSpace(dir.Text)
		if folder == "" {
			s.win.Canvas().Focus(dir)
			return ledger.Errorf(ledger.Invalid, "Indiquez le dossier où écrire la sauvegarde (votre clé USB, par exemple)")
		}
		if st, err := os.Stat(folder); err != nil || !st.IsDir() {
			s.win.Canvas().Focus(dir)
			return ledger.Errorf(ledger.NotFound, "Le dossier « %s » n'existe pas : branchez votre clé USB ou choisissez un autre dossier", folder)
		}
		opt := app.BackupOptions{}
		if full.Checked {
			if st, err := os.Stat(docs); err != nil || !st.IsDir() {
				return ledger.Errorf(ledger.NotFound, "Aucun document n'a encore été généré pour cette résidence (le dossier « %s » n'existe pas) : décochez « Sauvegarde complète » pour sauvegarder les comptes seuls", docs)
			}
			opt.Documents = docs
		}
		var done app.BackupResult
		// The form stays open under the progress bar: after an error, the
		// user corrects the folder and tries again.
		s.runLong("Sauvegarde de la résidence…", func() (err error) {
			done, err = res.Backup(folder, opt)
			return err
		}, func() {
			f.close()
			s.backedUp(done)
		})
		return errStay
	}
	content := container.NewVBox(
		widgets.Note("La sauvegarde est un fichier .copro.zip qui contient toute la comptabilité de la résidence. Elle est relue et vérifiée une fois écrite. "+
			"Gardez-la sur une clé USB rangée ailleurs que l'ordinateur."),
		widget.NewForm(widget.NewFormItem("Dossier *", dirLine)),
		stickButtons(sticks, userDocuments(), dir),
		full,
		widgets.Note(keepText),
		widgets.Note(last),
	)
	f.show(content, dir)
	refit(f)
}

// stickButtons offers the USB sticks plugged in, then the Documents, as
// buttons that fill the folder in; nothing when no stick is plugged in.
func stickButtons(sticks []string, documents string, dir *widgets.Field) fyne.CanvasObject {
	row := container.NewHBox()
	if len(sticks) == 0 {
		return row
	}
	row.Add(widget.NewLabel("Clés USB branchées :"))
	for _, d := range append(slices.Clone(sticks), documents) {
		icon := theme.StorageIcon()
		label := d
		if d == documents {
			icon, label = theme.FolderIcon(), "Documents"
		}
		row.Add(widget.NewButtonWithIcon(label, icon, func() { dir.SetText(d) }))
	}
	return container.NewHScroll(row)
}

// backedUp says what the backup wrote, and opens its folder on request.
func (s *Shell) backedUp(done app.BackupResult) {
	s.say("Sauvegarde écrite et vérifiée : " + done.Path)
	if sc := s.currentScreen(); sc != nil {
		sc.reload() // the dashboard's reminder
	}
	f := s.newForm("Sauvegarde terminée", "Fermer")
	f.cancel.Hide()
	folder := widgets.NewButton("Ouvrir le dossier", theme.FolderOpenIcon(), widget.MediumImportance, func() {
		if s.openPath(filepath.Dir(done.Path)) {
			f.close()
		}
	})
	folder.Keys = f.keys
	f.extra = []fyne.CanvasObject{folder}
	f.width = 680
	icon := container.NewVBox(container.NewPadded(widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))))
	f.show(container.NewBorder(nil, nil, icon, nil, widgets.Note(done.Summary())), f.ok)
	refit(f)
}

// backupAge says how long ago a backup was made: "aujourd'hui", "hier",
// "il y a 10 jours".
func backupAge(days int) string {
	switch {
	case days <= 0:
		return "aujourd'hui"
	case days == 1:
		return "hier"
	}
	return fmt.Sprintf("il y a %d jours", days)
}

// backupLine is the dashboard's sentence on the last backup.
func backupLine(st app.BackupStatus) string {
	if st.Last.When.IsZero() {
		return "Aucune sauvegarde de cette résidence sur cet ordinateur"
	}
	return fmt.Sprintf("Dernière sauvegarde : le %s dans %s (%s)", st.Last.When.Local().Format("02/01/2006"), st.Last.Folder, backupAge(st.Days))
}

// sentence ends a message with a full stop when it has none.
func sentence(text string) string {
	text = strings.TrimSpace(text)
	if text == "" || strings.ContainsAny(text[len(text)-1:], ".!?…") {
		return text
	}
	return text + "."
}

// samePath says whether two paths name the same file.
func samePath(a, b string) bool {
	if a == b {
		return true
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// frenchWhen is a moment as the user reads it: "22/11/2026 à 14:03".
func frenchWhen(t time.Time) string {
	return t.Local().Format("02/01/2006") + " à " + t.Local().Format("15:04")
}
