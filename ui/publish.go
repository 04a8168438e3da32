package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/publish"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// Documents › Publier… writes the owners' space without a server (issue
// 19): into a folder (a USB stick, the council's shared drive), one folder
// per owner, for the council and for all the owners, each holding what its
// binders let it see. The options are the residence's, so the CLI
// publishes alike; the folder used last is proposed again.

// publishFolder is the folder proposed when none was used yet: beside the
// residence file.
func (s *Shell) publishFolder(last string) string {
	if last != "" {
		return last
	}
	return filepath.Join(filepath.Dir(s.res.Path()), safeFolderName(s.info.Name)+" – Espace des copropriétaires")
}

func (s *Shell) publishForm() {
	if s.res == nil || s.res.ReadOnly() || s.win.Canvas().Overlays().Top() != nil {
		return
	}
	set, err := s.res.PublishSettings()
	if err != nil {
		s.showError(err)
		return
	}
	res := s.res
	dir, dirLine := s.folderField(s.publishFolder(set.Folder))
	dir.SetPlaceHolder("Dossier de publication : clé USB, dossier partagé du conseil syndical…")
	since := widgets.NewField("", "JJ/MM/AAAA (facultatif)")
	noBank := widgets.NewCheckField("Ne pas publier les coordonnées bancaires de la résidence", set.NoBankDetails)
	expenses := widgets.NewCheckField("Publier la liste des dépenses à tous les copropriétaires (le conseil syndical la reçoit toujours)", set.Expenses)
	works := widgets.NewCheckField("Montrer les comptes du fonds de travaux (102/105) dans les documents des copropriétaires", set.WorksFund)
	history := widgets.NewCheckField("Inclure l'historique (tous les documents du registre)", false)
	f := s.newForm("Publier les documents", "Publier", dir, since, noBank, expenses, works, history)
	f.width = 760

	start, _ := res.PublicationStart(ledger.Today())
	first := widgets.Note("")
	// The question only makes sense for a folder never published to; its
	// room is kept either way, so nothing moves when the folder changes.
	ask := func() {
		isFirst, err := publish.First(res, dir.Text)
		if err != nil || strings.TrimSpace(dir.Text) == "" {
			first.SetText("")
			history.Disable()
			return
		}
		if isFirst {
			first.SetText("Première publication dans ce dossier : sans l'historique, seuls les documents datés à partir du " +
				ledger.FrenchDate(start) + " (début de l'exercice en cours) y sont écrits.")
			history.Enable()
			return
		}
		first.SetText("Ce dossier a déjà reçu une publication : seuls les documents nouveaux ou modifiés y seront écrits, et ceux retirés effacés.")
		history.SetChecked(false)
		history.Disable()
	}
	dir.OnChanged = func(string) { f.clearError(); ask() }
	ask()

	f.submit = func() error {
		folder := strings.TrimSpace(dir.Text)
		if folder == "" {
			s.win.Canvas().Focus(dir)
			return ledger.Errorf(ledger.Invalid, "Indiquez le dossier où publier (une clé USB, le dossier partagé du conseil syndical…)")
		}
		var from time.Time
		if t := strings.TrimSpace(since.Text); t != "" {
			d, err := ledger.ParseDate(t)
			if err != nil {
				s.win.Canvas().Focus(since)
				return ledger.Errorf(ledger.Invalid, "« Renvoyer depuis le » : %s", ledger.Message(err))
			}
			from = d
		}
		set.NoBankDetails, set.Expenses, set.WorksFund = noBank.Checked, expenses.Checked, works.Checked
		if err := res.SetPublishSettings(set); err != nil {
			return err
		}
		opt := publish.Options{To: folder, Since: from, History: history.Checked}
		s.runPublication(res, opt, func(done publish.Result) {
			f.close()
			s.published(done)
		})
		return errStay
	}
	content := container.NewVBox(
		widgets.Note("Tantième écrit dans ce dossier un dossier par copropriétaire (ses avis, relevés, décomptes et les documents de tous), "+
			"un pour le conseil syndical et un pour tous les copropriétaires, chacun avec ce que ses classeurs lui permettent de voir, "+
			"et une archive .zip de chacun à transmettre. Seuls les documents nouveaux ou modifiés sont écrits."),
		widget.NewForm(
			widget.NewFormItem("Dossier *", dirLine),
			widget.NewFormItem("Renvoyer depuis le", since)),
		widgets.Reserve(first, 2),
		history,
		widget.NewSeparator(),
		noBank, expenses, works,
	)
	f.show(content, dir)
	refit(f)
}

// runPublication publishes off the window's goroutine behind a progress
// bar, then runs then, or shows the error.
func (s *Shell) runPublication(res *app.Residence, opt publish.Options, then func(publish.Result)) {
	bar := widget.NewProgressBar()
	d := dialog.NewCustomWithoutButtons("Publication des documents…",
		container.NewVBox(widgets.Note("Merci de patienter : Tantième écrit le dossier de chaque destinataire."), bar), s.win)
	idle := &widgets.FormKeys{Enter: func() {}, Escape: func() {}}
	s.pushKeys(idle)
	d.Show()
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	opt.Progress = func(done, total int) {
		if total > 0 {
			v := float64(done) / float64(total)
			fyne.Do(func() { bar.SetValue(v) })
		}
	}
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		done, err := publish.Publish(res, opt)
		fyne.Do(func() {
			d.Hide()
			s.popKeys(idle)
			if err != nil {
				s.showError(err)
				return
			}
			then(done)
		})
	}()
}

// publicationSummary says what a publication did, in French.
func publicationSummary(r publish.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s, %s, dans %s de « %s ».", fr.Count(r.Added, "fichier ajouté", "fichiers ajoutés"),
		fr.Count(r.Removed, "fichier retiré", "fichiers retirés"), fr.Count(r.Unchanged, "inchangé", "inchangés"),
		fr.Count(len(r.Spaces), "dossier", "dossiers"), r.Folder)
	if r.First && !r.From.IsZero() {
		fmt.Fprintf(&b, "\nPremière publication : documents datés à partir du %s.", ledger.FrenchDate(r.From))
	}
	return b.String()
}

// published shows what the publication did, the documents it refused with
// their reason, and opens the folder on request.
func (s *Shell) published(done publish.Result) {
	s.say(strings.SplitN(publicationSummary(done), "\n", 2)[0])
	f := s.newForm("Publication terminée", "Fermer")
	f.cancel.Hide()
	folder := widgets.NewButton("Ouvrir le dossier", theme.FolderOpenIcon(), widget.MediumImportance, func() {
		if s.openPath(done.Folder) {
			f.close()
		}
	})
	folder.Keys = f.keys
	f.extra = []fyne.CanvasObject{folder}
	f.width = 720
	icon := theme.NewSuccessThemedResource(theme.ConfirmIcon())
	body := container.NewVBox(widgets.Note(publicationSummary(done)))
	if len(done.Refused) > 0 {
		icon = theme.NewWarningThemedResource(theme.WarningIcon())
		body.Add(caution(fr.Count(len(done.Refused), "document n'a pas été publié", "documents n'ont pas été publiés") +
			" : corrigez-les dans le registre, puis publiez à nouveau."))
		for _, x := range done.Refused {
			body.Add(widgets.Note("• « " + x.Title + " » : " + x.Reason))
		}
	}
	f.show(container.NewBorder(nil, nil, container.NewVBox(container.NewPadded(widget.NewIcon(icon))), nil, body), f.ok)
	refit(f)
}
