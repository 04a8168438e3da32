package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ui/widgets"
)

// doubtfulBox lists, at the closing's checks, the owners under recovery
// whose debt may be posted as doubtful (issue 20): each is accepted on its
// own, after a confirmation naming him and the amounts; nil when none.
func (a *closingAssistant) doubtfulBox() fyne.CanvasObject {
	if len(a.plan.Doubtful) == 0 {
		return nil
	}
	box := container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle("Créances douteuses proposées", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widgets.Note("Ces copropriétaires ont été mis en demeure et doivent encore à la fin de l'exercice. Passer une dette en créance douteuse la porte "+
			"au compte 459 du copropriétaire (elle reste due) et constitue une provision (491) du montant qui risque d'être perdu, à la charge de tous sur la clé générale."))
	for _, p := range a.plan.Doubtful {
		p := p
		b := widgets.NewButton("Passer en créance douteuse…", theme.WarningIcon(), widget.MediumImportance, func() { a.acceptDoubtful(p) })
		b.Keys = a.f.keys
		text := widget.NewLabel(fmt.Sprintf("%s %s — %s", p.Owner, p.Name, p.Reason))
		text.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, nil, b, text))
	}
	return box
}

func (a *closingAssistant) acceptDoubtful(p app.DoubtfulProposal) {
	s := a.s
	s.confirm("Passer en créance douteuse ?",
		fmt.Sprintf("Porter la dette de %s (%s), %s, au compte des créances douteuses au %s, avec une provision de %s à la charge de tous les copropriétaires ? La dette reste due et son recouvrement continue.",
			p.Name, p.Owner, p.Balance, a.ex.End.Format("02/01/2006"), p.Provision),
		"Passer en créance douteuse", "Annuler", func() {
			if _, err := s.res.AcceptDoubtful(p.Owner, a.ex, p.Provision); err != nil {
				s.showError(err)
				return
			}
			s.say(fmt.Sprintf("Dette de %s (%s) passée en créance douteuse, provision de %s", p.Name, p.Balance, p.Provision))
			s.changed()
			a.recompute(1)
		})
}
