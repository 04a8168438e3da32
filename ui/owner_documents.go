package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// documentsView is the owner card's « Documents » tab: the lines of the
// register that concern him (his notices, reminders, décomptes, mandate
// form, the outside documents naming him); touching one opens it.
func (c *ownerCard) documentsView() fyne.CanvasObject {
	s := c.o.s
	lines, err := s.res.DocumentRegister(ledger.DocumentFilter{Owner: c.account})
	if err != nil {
		return widgets.Note(s.message(err))
	}
	t := &widgets.Table[app.RegisterLine]{
		Cols: []widgets.Column[app.RegisterLine]{
			{Title: "Date", Width: 110, Text: func(l app.RegisterLine) string { return ledger.FrenchDate(l.Date) },
				Less: func(a, b app.RegisterLine) bool { return a.Date.Before(b.Date) }},
			{Title: "Classeur", Width: 170, Text: func(l app.RegisterLine) string { return l.BinderLabel },
				Less: func(a, b app.RegisterLine) bool { return fr.Fold(a.BinderLabel) < fr.Fold(b.BinderLabel) }},
			{Title: "Titre", Width: 260, Stretch: true, Text: func(l app.RegisterLine) string { return l.Title },
				Less: func(a, b app.RegisterLine) bool { return fr.Fold(a.Title) < fr.Fold(b.Title) }},
			{Title: "État", Width: 120, Text: fileState, Ink: func(l app.RegisterLine) widget.Importance {
				if l.State != "" {
					return widget.DangerImportance
				}
				return widget.MediumImportance
			}},
		},
		Empty:   "Aucun document ne concerne ce copropriétaire — ses avis d'appel, relances et décomptes s'y inscrivent quand Tantième les écrit.",
		OnOpen:  func(l app.RegisterLine) { s.openPath(l.Path) },
		SortCol: 0, Desc: true,
	}
	view := t.Build()
	t.SetRows(lines)
	add := widget.NewButtonWithIcon("Ajouter un document…", theme.ContentAddIcon(), func() {
		s.addDocumentForm(0, &ledger.Document{Owners: []string{c.account}, Kind: "letter", Date: s.now()})
	})
	widgets.SetEnabled(add, !s.res.ReadOnly())
	// His statement of recoverable charges for his tenants (issue 20).
	recoverable := widget.NewButtonWithIcon("Charges récupérables…", theme.DocumentPrintIcon(), func() { s.writeOwnerRecoverable(c.data.Owner) })
	return container.NewBorder(container.NewBorder(nil, nil, nil, container.NewHBox(recoverable, add),
		widgets.Note("Touchez un document pour l'ouvrir. Tout le registre : menu Documents › Registre des documents.")), nil, nil, nil, view)
}
