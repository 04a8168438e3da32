package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// debitNoticeLine is the notice period of SEPA direct debits, under the
// bank accounts (issue 18): the call notice tells owners with a mandate
// what will be debited and when; a batch dated sooner after the notices
// warns.
func (p *settings) debitNoticeLine() fyne.CanvasObject {
	p.noticeDays = widgets.NewField("", "14")
	p.saveNotice = widget.NewButtonWithIcon("Enregistrer le délai", theme.DocumentSaveIcon(), p.saveNoticeDays)
	return container.NewVBox(widget.NewSeparator(),
		widgets.Line(widget.NewLabel("Prélèvements SEPA : prévenir les copropriétaires"), container.New(&widgets.FixedWidth{Width: 70}, p.noticeDays),
			widget.NewLabel("jours avant (14 selon les règles SEPA, sauf accord)"), p.saveNotice))
}

func (p *settings) reloadNoticeDays() {
	n, err := p.s.res.DebitNoticeDays()
	if err != nil {
		p.s.showError(err)
		return
	}
	p.noticeDays.SetText(strconv.Itoa(n))
	ro := p.s.readOnly()
	widgets.SetEnabled(p.noticeDays, !ro)
	widgets.SetEnabled(p.saveNotice, !ro)
}

func (p *settings) saveNoticeDays() {
	n, err := strconv.Atoi(strings.TrimSpace(p.noticeDays.Text))
	if err != nil {
		p.s.showError(ledger.Errorf(ledger.Invalid, "Le délai de pré-notification « %s » doit être un nombre de jours", p.noticeDays.Text))
		return
	}
	if err := p.s.res.SetDebitNoticeDays(n); err != nil {
		p.s.showError(err)
		return
	}
	p.s.say(fmt.Sprintf("Délai de pré-notification des prélèvements : %d jours", n))
}
