package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/mailing"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// consentView is the « E-mail » tab of an owner's card (issue 19): his
// consent to notification by e-mail (loi 1965 art. 42-1) with its date and
// address, the earlier ones, what he was sent, and the actions: record a
// consent, withdraw it.
func (c *ownerCard) consentView() fyne.CanvasObject {
	s := c.o.s
	ow := c.data.Owner
	history, err := s.res.ConsentHistory(ow.Account)
	if err != nil {
		return widgets.Note(s.message(err))
	}
	var cur *ledger.Consent
	var past []string
	for i := range history {
		h := history[i]
		if h.InForce() {
			cur = &history[i]
			continue
		}
		past = append(past, fmt.Sprintf("Accord à %s, du %s au %s.", h.Email, ledger.FrenchDate(h.Given), ledger.FrenchDate(h.Revoked)))
	}
	ro := s.readOnly()
	state := widget.NewLabel("")
	state.Wrapping = fyne.TextWrapWord
	state.TextStyle.Bold = true
	give := widget.NewButtonWithIcon("Enregistrer un accord…", theme.ContentAddIcon(), func() { c.giveConsent(cur) })
	actions := []fyne.CanvasObject{give}
	if cur != nil {
		state.SetText(fmt.Sprintf("Accord pour les notifications par e-mail depuis le %s, à l'adresse %s", ledger.FrenchDate(cur.Given), cur.Email))
		state.Importance = widget.SuccessImportance
		give.SetText("Changer d'adresse…")
		withdraw := widget.NewButtonWithIcon("Retirer l'accord…", theme.CancelIcon(), func() { c.withdrawConsent(*cur) })
		widgets.SetEnabled(withdraw, !ro)
		actions = append(actions, withdraw)
	} else {
		state.SetText("Pas d'accord pour les notifications par e-mail : ses avis et relances sont à imprimer et poster.")
	}
	widgets.SetEnabled(give, !ro)
	box := container.NewVBox(state, widgets.Note("La loi (art. 42-1 de la loi du 10 juillet 1965) demande l'accord exprès du copropriétaire, "+
		"donné par écrit ou par e-mail, avec l'adresse à laquelle il veut recevoir ses notifications. Il peut le retirer à tout moment. "+
		"La convocation à l'assemblée générale et la notification du procès-verbal restent en lettre recommandée (ou LRE)."),
		container.NewHBox(s.lawLink("(loi 1965 art. 42-1)", "loi1965-42-1"), s.lawLink("(décret 1967 art. 64 à 64-4)", "decret1967-64")))
	if len(past) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(widget.NewLabelWithStyle("Accords précédents", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(widgets.Note(strings.Join(past, "\n")))
	}
	if sent, err := mailing.OwnerMail(s.res, ow.Account); err == nil && len(sent) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(widget.NewLabelWithStyle("Messages envoyés", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		var lines []string
		for _, m := range sent {
			line := fmt.Sprintf("Envoi n° %d — %s — %s", m.Mailing, m.StatusText(), m.Address)
			if !m.At.IsZero() {
				line += " — " + m.At.Local().Format("02/01/2006 15:04")
			}
			if m.Reason != "" {
				line += " — " + m.Reason
			}
			lines = append(lines, line)
		}
		box.Add(widgets.Note(strings.Join(lines, "\n")))
	}
	return container.NewBorder(nil, container.NewHBox(actions...), nil, nil, container.NewVScroll(box))
}

// giveConsent records the owner's consent (a new address is a new one:
// the proof says which address he agreed to).
func (c *ownerCard) giveConsent(cur *ledger.Consent) {
	s := c.o.s
	ow := c.data.Owner
	addr := ow.Email
	if cur != nil {
		addr = cur.Email
	}
	email := widgets.NewField(addr, "nom@exemple.fr")
	date := widgets.NewField(ledger.FrenchDate(s.now()), "JJ/MM/AAAA")
	f := s.newForm("Accord de "+ow.DisplayName()+" pour les notifications par e-mail", "Enregistrer", email, date)
	f.submit = func() error {
		d, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			return err
		}
		if err := s.res.GiveConsent(ow.Account, strings.TrimSpace(email.Text), d); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Accord de %s pour les notifications par e-mail à %s depuis le %s", ow.DisplayName(), strings.TrimSpace(email.Text), ledger.FrenchDate(d)))
		s.changed()
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Adresse e-mail", email), widget.NewFormItem("Accord donné le", date))
	f.show(container.NewVBox(widgets.Note("Recopiez l'adresse que le copropriétaire a donnée dans son accord écrit, et la date de cet accord. "+
		"Gardez l'accord (papier ou e-mail) avec les pièces de la copropriété."), form), email)
}

func (c *ownerCard) withdrawConsent(cur ledger.Consent) {
	s := c.o.s
	ow := c.data.Owner
	date := widgets.NewField(ledger.FrenchDate(s.now()), "JJ/MM/AAAA")
	f := s.newForm("Retirer l'accord de "+ow.DisplayName(), "Retirer l'accord", date)
	f.submit = func() error {
		d, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			return err
		}
		if err := s.res.RevokeConsent(ow.Account, d); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Accord de %s pour les notifications par e-mail retiré le %s", ow.DisplayName(), ledger.FrenchDate(d)))
		s.changed()
		return nil
	}
	f.show(container.NewVBox(
		widgets.Note(fmt.Sprintf("À partir de cette date, plus rien n'est envoyé par e-mail à %s (%s) : ses courriers sont à imprimer.", ow.DisplayName(), cur.Email)),
		widgets.Line(widget.NewLabel("Retiré le :"), container.New(&widgets.FixedWidth{Width: 140}, date))), date)
}
