package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ui/widgets"
)

// Paramètres › Comptabilité: who bears the budget's call running on the
// day a lot is sold (app.SaleSplit).

var saleSplits = []app.SaleSplit{app.SaleSplitDue, app.SaleSplitTransfer}

func (p *settings) saleSplitRows(bold func(string) *widget.Label) fyne.CanvasObject {
	b := p.books
	var options []string
	for _, s := range saleSplits {
		options = append(options, s.Label())
	}
	b.saleSplit = widget.NewSelect(options, nil)
	return container.NewVBox(
		bold("Répartition de l'appel en cours lors d'une vente"),
		widgets.Line(widget.NewLabel("L'appel du trimestre de la vente est dû :"), container.New(&widgets.FixedWidth{Width: 460}, b.saleSplit)),
		widgets.Note("À la date d'exigibilité : chaque appel est dû en entier par le propriétaire du jour où il est exigible (décret 1967 art. 6-2). "+
			"Au prorata : l'appel en cours est partagé selon les jours, ceux d'avant la vente au vendeur, à partir du jour de la vente à l'acquéreur, "+
			"comme l'acte le prévoit souvent ; l'écriture est passée avec la vente."),
	)
}

func (p *settings) reloadSaleSplit() {
	s, b := p.s, p.books
	cur, err := s.res.SaleSplitSetting()
	if err != nil {
		s.showError(err)
		return
	}
	b.saleSplit.OnChanged = nil
	b.saleSplit.SetSelected(cur.Label())
	b.saleSplit.OnChanged = p.saveSaleSplit
	widgets.SetEnabled(b.saleSplit, !s.readOnly())
}

func (p *settings) saveSaleSplit(choice string) {
	s := p.s
	for _, sp := range saleSplits {
		if sp.Label() != choice {
			continue
		}
		if err := s.res.SetSaleSplit(sp); err != nil {
			s.showError(err)
			p.reloadSaleSplit()
			return
		}
		s.say("Appel en cours lors d'une vente : " + choice)
		s.changed()
	}
}
