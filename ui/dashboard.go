package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/importing"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// dashboard is the Tableau de bord: is everything in order, and what next.
type dashboard struct {
	s       *Shell
	data    app.Dashboard
	subtext *widget.Label
	bank    *fyne.Container
	owners  *fyne.Container
	keys    *fyne.Container
	steps   *fyne.Container
	backup  *fyne.Container // the last backup, and the reminder
	root    fyne.CanvasObject
}

func newDashboard(s *Shell) screen {
	d := &dashboard{s: s, subtext: widgets.Note(""), bank: container.NewVBox(), owners: container.NewVBox(), keys: container.NewVBox(), steps: container.NewVBox(),
		backup: container.NewVBox()}
	panels := container.NewGridWithColumns(3,
		panel("Banque", d.bank), panel("Copropriétaires", d.owners), panel("Clés de répartition", d.keys))
	d.root = container.NewVScroll(container.NewVBox(widgets.Heading("Tableau de bord"), d.subtext, d.backup, panels,
		widget.NewLabelWithStyle("Prochaines étapes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), d.steps))
	return d
}

// panel is a titled box of the dashboard.
func panel(title string, content fyne.CanvasObject) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.SizeName = theme.SizeNameSubHeadingText
	return widgets.Tinted(surface, container.NewBorder(t, nil, nil, nil, content))
}

// wrapped is a panel's line of text: it wraps rather than widen the three
// panels beyond a 1024-px screen's window.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// figure is a large amount or count.
func figure(text string, importance widget.Importance) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Importance = importance
	return l
}

func (d *dashboard) view() fyne.CanvasObject { return d.root }

func (d *dashboard) reload() {
	s := d.s
	data, err := s.res.Dashboard(s.exercise, s.now())
	if err != nil {
		s.showError(err)
		return
	}
	d.data = data
	d.subtext.SetText(fmt.Sprintf("Exercice %s — situation au %s.", data.Exercise.Name(), ledger.FrenchDate(data.At)))

	var bank []fyne.CanvasObject
	for _, b := range data.Banks {
		imp := widget.MediumImportance
		if b.Balance < 0 {
			imp = widget.DangerImportance
		}
		label := b.Label
		if label == "" {
			label = "Banque"
		}
		bank = append(bank, wrapped(fmt.Sprintf("%s (%s)", label, b.Account)), figure(b.Balance.String(), imp))
		if b.Balance < 0 {
			bank = append(bank, warn("Compte à découvert"))
		}
	}
	if len(data.Banks) == 0 {
		bank = append(bank, widgets.Note("Aucun compte bancaire n'est indiqué."))
	}
	d.bank.Objects = bank
	d.bank.Refresh()

	owed := figure(data.Owed.String(), widget.MediumImportance)
	debtors := wrapped("Aucun copropriétaire débiteur")
	debtors.Importance = widget.SuccessImportance
	if data.Debtors > 0 {
		owed.Importance = widget.DangerImportance
		debtors.Importance = widget.DangerImportance
		debtors.SetText(fmt.Sprintf("%d débiteur%s sur %d copropriétaires", data.Debtors, fr.S(data.Debtors), data.Owners))
	}
	d.owners.Objects = []fyne.CanvasObject{wrapped("Dû par les copropriétaires"), owed, debtors}
	d.owners.Objects = append(d.owners.Objects, d.debtorLinks(data.At)...)
	d.owners.Objects = append(d.owners.Objects, wrapped("Avances reçues : "+data.Advances.String()))
	d.owners.Refresh()

	mis := data.Mismatched()
	var keys []fyne.CanvasObject
	switch {
	case len(data.Keys) == 0:
		keys = append(keys, widgets.Note("Aucune clé de répartition."))
	case len(mis) == 0:
		keys = append(keys, figure(fmt.Sprintf("%d clé%s", len(data.Keys), fr.S(len(data.Keys))), widget.MediumImportance),
			ok("Totaux conformes aux tantièmes des lots"))
	default:
		keys = append(keys, figure(fmt.Sprintf("%d écart%s", len(mis), fr.S(len(mis))), widget.DangerImportance))
		for _, k := range mis {
			if !k.TotalsMatch() {
				keys = append(keys, warn(fmt.Sprintf("%s %s : total déclaré %s, lots %s", k.Code, k.Label,
					fr.Shares(k.DeclaredTotal), fr.Shares(k.SumOfShares))))
			}
			if len(k.Unshared) > 0 {
				keys = append(keys, warn(fmt.Sprintf("%s %s : %s sans tantièmes", k.Code, k.Label, app.UnsharedLots(k))))
			}
		}
	}
	d.keys.Objects = keys
	d.keys.Refresh()

	var steps []fyne.CanvasObject
	for _, st := range data.Steps {
		icon, imp := theme.NavigateNextIcon(), widget.MediumImportance
		if st.Attention {
			icon, imp = theme.NewErrorThemedResource(theme.ErrorIcon()), widget.DangerImportance
		}
		text := widgets.Note(st.Text)
		text.Importance = imp
		var action fyne.CanvasObject
		if st.Topic == app.TopicOpening {
			action = container.NewHBox(widget.NewButton("Importer la balance…", s.importOpening),
				widget.NewButton("Copropriété neuve", s.startedAfresh))
		} else if title, ok := screenTitle(string(st.Topic)); ok && st.Topic != "" {
			topic := string(st.Topic)
			action = widget.NewButton("Ouvrir « "+title+" »", func() { s.showScreen(topic) })
		}
		steps = append(steps, container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), action, text))
	}
	if len(steps) == 0 {
		steps = append(steps, ok("Tout est en ordre pour l'exercice "+data.Exercise.Name()+"."))
	}
	d.steps.Objects = steps
	d.steps.Refresh()
	d.showBackup()
}

// showBackup says when the residence was last backed up from this
// computer, and asks for a backup when it is overdue. The demo, remade at
// every opening, needs none.
func (d *dashboard) showBackup() {
	s := d.s
	d.backup.Objects = nil
	if s.demo {
		d.backup.Refresh()
		return
	}
	st, err := s.res.BackupStatus(s.now())
	if err != nil {
		s.showError(err)
		return
	}
	line := backupLine(st)
	var row fyne.CanvasObject
	if st.Overdue {
		text := widgets.Note(line + ". Pensez à sauvegarder sur votre clé USB.")
		text.Importance = widget.WarningImportance
		text.TextStyle.Bold = true
		var icon fyne.Resource = theme.NewWarningThemedResource(theme.WarningIcon())
		if st.Last.When.IsZero() {
			text.Importance = widget.DangerImportance
			icon = theme.NewErrorThemedResource(theme.ErrorIcon())
		}
		now := widget.NewButtonWithIcon("Sauvegarder maintenant", theme.DocumentSaveIcon(), s.backupForm)
		now.Importance = widget.HighImportance
		row = widgets.Tinted(warningTint, container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), container.NewCenter(now), text))
	} else {
		text := widgets.Note(line + ".")
		later := widget.NewButtonWithIcon("Sauvegarder…", theme.DocumentSaveIcon(), s.backupForm)
		row = container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))), container.NewCenter(later), text)
	}
	d.backup.Objects = []fyne.CanvasObject{row}
	d.backup.Refresh()
}

// screenTitle is the title of the screen with that id, when there is one.
func screenTitle(id string) (string, bool) {
	for _, sp := range screens {
		if sp.id == id {
			return sp.title, true
		}
	}
	return "", false
}

// warn is a red line saying what needs attention.
func warn(text string) fyne.CanvasObject {
	l := widgets.Note(text)
	l.Importance = widget.DangerImportance
	return container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))), nil, l)
}

// ok is a green line saying something is in order.
func ok(text string) fyne.CanvasObject {
	l := widgets.Note(text)
	l.Importance = widget.SuccessImportance
	return container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))), nil, l)
}

// importOpening opens the import assistant on the balance, the opening
// balances of a residence taken over.
func (s *Shell) importOpening() {
	if w := s.startImport(); w != nil {
		w.setKind(importing.Balance)
	}
}

// startedAfresh records that the books start from nothing (a new
// copropriété): the dashboard stops asking for opening balances.
func (s *Shell) startedAfresh() {
	if err := s.res.StartedAfresh(); err != nil {
		s.showError(err)
		return
	}
	s.changed()
}
