package ui

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ui/widgets"
)

// paymentCheck asks the syndic before money leaves the bank when
// app.PaymentWarnings finds something unusual. A form's submit calls
// check just before writing: with nothing to say it returns nil and the
// submit writes; else the question opens over the form and check returns
// errStay (the form waits, as typed). « Enregistrer quand même » runs retry
// (what submitted the form: its validate, or a « save and next » button),
// and check lets it through that once.
type paymentCheck struct {
	s         *Shell
	confirmed bool
}

func (c *paymentCheck) check(retry func(), outs ...app.Outflow) error {
	if c.confirmed {
		c.confirmed = false
		return nil
	}
	warn, err := c.s.res.PaymentWarnings(outs...)
	if err != nil || len(warn) == 0 {
		return err
	}
	c.s.confirmPayment(warn, func() {
		c.confirmed = true
		retry()
	})
	return errStay
}

// confirmPayment shows the warnings about a payment; the syndic records it
// anyway or goes back to the form to correct it. Nothing is refused: an
// advance to a supplier or an overdraft the bank allows can be right.
func (s *Shell) confirmPayment(warnings []string, record func()) {
	f := s.newForm("Vérifiez ce paiement", "Enregistrer quand même")
	f.ok.Importance = widget.WarningImportance
	f.cancel.SetText("Annuler")
	f.submit = func() error {
		f.close() // before recording, as confirm does
		record()
		return errStay
	}
	f.width = 600
	box := container.NewVBox()
	for _, w := range warnings {
		box.Add(widgets.Note("• " + w))
	}
	box.Add(widgets.Note("Enregistrer quand même, ou Annuler pour corriger le paiement."))
	f.show(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))), nil, box), nil)
}
