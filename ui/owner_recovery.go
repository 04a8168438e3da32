package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// recoveryTabName is the owner card's tab of the recovery of unpaid
// charges (issue 20): the steps with their dates, the next step the law
// allows, a button for each step.
const recoveryTabName = "Recouvrement"

// showOwnerRecovery opens an owner's card on its Recouvrement tab (the
// dashboard's debtors lead there).
func (s *Shell) showOwnerRecovery(account string) {
	if !s.showScreen(string(app.TopicOwners)) {
		return
	}
	if o, ok := s.currentScreen().(*owners); ok {
		o.openCard(account)
		o.card.selectTab(recoveryTabName)
	}
}

// selectTab shows the card's tab of that name.
func (c *ownerCard) selectTab(name string) {
	for i, item := range c.tabs.Items {
		if item.Text == name {
			c.tabs.SelectIndex(i)
		}
	}
}

// recoveryView is the Recouvrement tab.
func (c *ownerCard) recoveryView() fyne.CanvasObject {
	s := c.o.s
	ow := c.data.Owner
	f, err := s.res.RecoveryFile(ow.Account, s.situation())
	if err != nil {
		return widgets.Note(s.message(err))
	}
	state := widget.NewLabel("")
	state.Wrapping = fyne.TextWrapWord
	state.TextStyle.Bold = true
	switch {
	case f.State == app.RecoveryOpen && len(f.Steps) > 0:
		state.SetText(fmt.Sprintf("Recouvrement — dossier en cours : %s dus au %s", f.Owed(), ledger.FrenchDate(f.At)))
		state.Importance = widget.DangerImportance
	case f.State == app.RecoveryOpen:
		state.SetText(fmt.Sprintf("Recouvrement — %s dus au %s ; aucune étape n'est encore enregistrée", f.Owed(), ledger.FrenchDate(f.At)))
		state.Importance = widget.DangerImportance
	case len(f.Steps) > 0:
		state.SetText(fmt.Sprintf("Recouvrement — dossier soldé : le compte ne doit plus rien au %s", ledger.FrenchDate(f.At)))
		state.Importance = widget.SuccessImportance
	default:
		state.SetText("Recouvrement — aucun : le compte ne doit rien.")
		state.Importance = widget.SuccessImportance
	}
	if f.Doubtful != 0 {
		state.SetText(state.Text + fmt.Sprintf(" (dont %s en créance douteuse)", f.Doubtful))
	}

	ro := s.readOnly()
	notice := widget.NewButtonWithIcon("Mise en demeure…", theme.MailSendIcon(), func() { c.sendNotice(f) })
	service := widget.NewButtonWithIcon("Réception de la lettre…", theme.MailReplyIcon(), func() { c.recordService(f) })
	accelerate := widget.NewButtonWithIcon("Exigibilité anticipée…", theme.MediaFastForwardIcon(), func() { c.accelerate(f) })
	cost := widget.NewButtonWithIcon("Frais de recouvrement…", theme.ContentAddIcon(), func() { c.chargeCost(f) })
	dossier := widget.NewButtonWithIcon("Dossier d'injonction de payer…", theme.DocumentIcon(), func() { c.writeDossier(f) })
	_, hasNotice := ledger.LastNotice(f.Steps, f.At)
	widgets.SetEnabled(notice, !ro && f.State == app.RecoveryOpen)
	widgets.SetEnabled(service, !ro && hasNotice)
	widgets.SetEnabled(accelerate, !ro && hasNotice && f.State == app.RecoveryOpen)
	widgets.SetEnabled(cost, !ro && hasNotice)
	widgets.SetEnabled(dossier, hasNotice && f.State == app.RecoveryOpen)

	next := container.NewVBox()
	if f.Next.Reason != "" {
		// One paragraph: at 1024 × 700 every line taken here is a line
		// less of the steps' table.
		next.Add(widgets.Note("Étape suivante — " + f.Next.Reason))
		var b *widget.Button
		switch f.Next.Kind {
		case app.NextNotice:
			b = notice
		case app.NextService:
			b = service
		case app.NextAcceleration:
			b = accelerate
		case app.NextDossier:
			b = dossier
		}
		if b != nil && !b.Disabled() {
			b.Importance = widget.HighImportance
		}
	}

	t := &widgets.Table[ledger.RecoveryStep]{
		Cols: []widgets.Column[ledger.RecoveryStep]{
			{Title: "Date", Width: 100, Text: func(st ledger.RecoveryStep) string { return ledger.FrenchDate(st.Date) }},
			{Title: "Étape", Width: 300, Stretch: true, Text: app.RecoveryStepText},
			{Title: "Montant", Width: 120, Align: fyne.TextAlignTrailing, Text: func(st ledger.RecoveryStep) string {
				if st.Amount == 0 {
					return ""
				}
				return st.Amount.String()
			}},
		},
		Empty: "Aucune étape : une relance (écran Appels de fonds) ou une mise en demeure ouvre le dossier.",
	}
	steps := t.Build()
	t.SetRows(f.Steps)
	// The buttons flow on as many lines as the width needs: five side by
	// side would widen the window at 1024 px, three at the largest text.
	cell := fyne.NewSize(0, 0)
	for _, b := range []*widget.Button{notice, service, accelerate, cost, dossier} {
		cell = cell.Max(b.MinSize())
	}
	buttons := container.NewGridWrap(cell, notice, service, accelerate, cost, dossier)
	return container.NewBorder(container.NewVBox(state, next, widget.NewSeparator()), buttons, nil, nil, steps)
}

// dateField is a date field showing day.
func dateField(day string) *widgets.Field { return widgets.NewField(day, "JJ/MM/AAAA") }

// sendNotice writes the mise en demeure after saying what it will claim.
func (c *ownerCard) sendNotice(f app.RecoveryFile) {
	s := c.o.s
	ow := c.data.Owner
	date := dateField(ledger.FrenchDate(f.At))
	number := widgets.NewField("", "1A 123 456 7890 1 (facultatif)")
	form := s.newForm("Mise en demeure de "+ow.DisplayName(), "Écrire la mise en demeure", date, number)
	form.submit = func() error {
		d, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			return err
		}
		res, err := s.res.SendFormalNotice(app.FormalNoticeOptions{Owner: ow.Account, Date: d, Number: number.Text})
		if err != nil {
			return err
		}
		s.changed()
		s.openWritten(fmt.Sprintf("Mise en demeure du %s écrite pour %s (%s dus) : envoyez-la en recommandé avec accusé de réception", ledger.FrenchDate(d), ow.DisplayName(), res.Amount), res.Path)
		return nil
	}
	form.show(container.NewVBox(
		widgets.Note(fmt.Sprintf("La lettre réclame à %s ce qu'il doit à sa date (%s au %s), dans les 30 jours de sa réception ; elle annonce l'exigibilité des provisions restantes de l'exercice (loi 1965 art. 19-2) et l'imputation des frais (art. 10-1). "+
			"Elle est enregistrée au dossier et au registre des documents.", ow.DisplayName(), f.Owed(), ledger.FrenchDate(f.At))),
		widget.NewForm(widget.NewFormItem("Date d'envoi", date), widget.NewFormItem("N° de la lettre recommandée", number))), date)
}

// recordService records the receipt of the latest mise en demeure.
func (c *ownerCard) recordService(f app.RecoveryFile) {
	s := c.o.s
	ow := c.data.Owner
	n, _ := ledger.LastNotice(f.Steps, f.At)
	date := dateField(ledger.FrenchDate(n.Received))
	unclaimed := widgets.NewCheckField("Non réclamée (la date est celle de la première présentation)", n.Unclaimed)
	number := widgets.NewField(n.LetterNumber, "n° de la lettre")
	form := s.newForm("Réception de la mise en demeure du "+ledger.FrenchDate(n.Date), "Enregistrer", date, unclaimed, number)
	form.submit = func() error {
		d, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			return err
		}
		got, err := s.res.RecordFormalNoticeService(ow.Account, d, unclaimed.Checked, number.Text)
		if err != nil {
			return err
		}
		s.say(fmt.Sprintf("%s — exigibilité anticipée possible à partir du %s", app.RecoveryStepText(got), ledger.FrenchDate(got.AccelerationFrom())))
		s.changed()
		return nil
	}
	form.show(container.NewVBox(
		widgets.Note("Le délai de 30 jours de l'article 19-2 court de la réception de la lettre, ou de sa première présentation si elle n'a pas été réclamée (avis de passage)."),
		widget.NewForm(widget.NewFormItem("Reçue ou présentée le", date), widget.NewFormItem("", unclaimed), widget.NewFormItem("N° de la lettre", number))), date)
}

// accelerate previews the provisions that become due, then posts them
// once confirmed.
func (c *ownerCard) accelerate(f app.RecoveryFile) {
	s := c.o.s
	ow := c.data.Owner
	day := f.At
	if f.Next.Kind == app.NextAcceleration && f.Next.Date.After(day) {
		day = f.Next.Date
	}
	date := dateField(ledger.FrenchDate(day))
	preview := widgets.Note("")
	update := func() {
		d, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			preview.SetText("")
			return
		}
		a, err := s.res.PlanAcceleration(ow.Account, d)
		if err != nil {
			preview.SetText(s.message(err))
			return
		}
		preview.SetText(fmt.Sprintf("Seront portés au débit de %s le %s : %s.", ow.DisplayName(), ledger.FrenchDate(d), accelerationDetail(a)))
	}
	form := s.newForm("Exigibilité anticipée – "+ow.DisplayName(), "Exiger ces provisions…", date)
	prev := date.OnChanged
	date.OnChanged = func(t string) {
		if prev != nil {
			prev(t)
		}
		update()
	}
	update()
	form.submit = func() error {
		d, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			return err
		}
		a, err := s.res.PlanAcceleration(ow.Account, d)
		if err != nil {
			return err
		}
		s.confirm("Exiger les provisions restantes ?",
			fmt.Sprintf("Porter au compte de %s (%s), le %s, les provisions de l'exercice %s non encore appelées : %s ? Les appels suivants du budget ne lui demanderont plus rien.",
				ow.DisplayName(), ow.Account, ledger.FrenchDate(d), a.Exercise.Name(), accelerationDetail(a)),
			"Exiger", "Annuler", func() {
				done, err := s.res.Accelerate(ow.Account, d)
				if err != nil {
					s.showError(err)
					return
				}
				form.close()
				s.say(fmt.Sprintf("Provisions restantes de l'exercice %s exigées de %s : %s (loi 1965 art. 19-2)", done.Exercise.Name(), ow.DisplayName(), done.Total))
				s.changed()
			})
		return errStay
	}
	form.show(container.NewVBox(
		widgets.Note("Loi du 10 juillet 1965, art. 19-2 : après une mise en demeure restée sans effet 30 jours, les provisions du budget de l'exercice non encore échues deviennent exigibles immédiatement."),
		widget.NewForm(widget.NewFormItem("Date", date)), widgets.Reserve(preview, 3)), date)
}

// accelerationDetail says an acceleration's amount and its keys.
func accelerationDetail(a app.Acceleration) string {
	var keys []string
	for _, k := range a.Keys {
		keys = append(keys, fmt.Sprintf("clé %s %s", k.Key, k.Amount))
	}
	return fmt.Sprintf("%s (%s)", a.Total, strings.Join(keys, ", "))
}

// chargeCost charges a recovery cost to this owner alone.
func (c *ownerCard) chargeCost(f app.RecoveryFile) {
	s := c.o.s
	ow := c.data.Owner
	date := dateField(ledger.FrenchDate(f.At))
	amount := widgets.NewField("", "0,00")
	label := widgets.NewField("", "Lettre recommandée du …, commissaire de justice…")
	account := widgets.NewField(ledger.RecoveryCostAccount, "6xxxxx")
	form := s.newForm("Frais de recouvrement – "+ow.DisplayName(), "Porter à son compte…", date, amount, label, account)
	form.submit = func() error {
		d, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			return err
		}
		a, err := ledger.ParseAmount(amount.Text)
		if err != nil {
			return err
		}
		cost := app.RecoveryCost{Owner: ow.Account, Date: d, Amount: a, Label: label.Text, Account: strings.TrimSpace(account.Text)}
		s.confirm("Porter les frais à son compte ?",
			fmt.Sprintf("Porter %s de frais (« %s ») au seul compte de %s (%s), repris du compte %s ? Les autres copropriétaires n'en supporteront rien (loi 1965 art. 10-1).",
				a, strings.TrimSpace(label.Text), ow.DisplayName(), ow.Account, cost.Account),
			"Porter à son compte", "Annuler", func() {
				if _, err := s.res.ChargeRecoveryCost(cost); err != nil {
					s.showError(err)
					return
				}
				form.close()
				s.say(fmt.Sprintf("Frais de recouvrement de %s portés au compte de %s", a, ow.DisplayName()))
				s.changed()
			})
		return errStay
	}
	form.show(container.NewVBox(
		widgets.Note("Seuls les frais exposés à partir de la mise en demeure sont à la charge du copropriétaire défaillant (loi 1965 art. 10-1). "+
			"Saisissez d'abord la facture ou la dépense sur son compte de charges (623 commissaire de justice, 6213 frais postaux) ; ces frais en sont repris."),
		widget.NewForm(widget.NewFormItem("Date", date), widget.NewFormItem("Montant", amount), widget.NewFormItem("Nature", label), widget.NewFormItem("Compte de charges", account))), amount)
}

// writeDossier writes the file for an injonction de payer and opens it.
func (c *ownerCard) writeDossier(f app.RecoveryFile) {
	s := c.o.s
	ow := c.data.Owner
	path, err := s.res.WriteRecoveryDossier(ow.Account, "", f.At)
	if err != nil {
		s.showError(err)
		return
	}
	s.changed()
	s.openWritten(fmt.Sprintf("Dossier d'injonction de payer de %s écrit (%s dus au %s)", ow.DisplayName(), f.Owed(), ledger.FrenchDate(f.At)), path)
}

// debtorLinks are the dashboard's lines of the three largest debtors, each
// leading to his card's Recouvrement tab.
func (d *dashboard) debtorLinks(at time.Time) []fyne.CanvasObject {
	s := d.s
	list, err := s.res.Debtors(at, 0)
	if err != nil {
		return nil
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Balance > list[j].Balance })
	var out []fyne.CanvasObject
	for i, db := range list {
		if i == 3 {
			break
		}
		account := db.Account
		// The name is cut short and the line wraps: the dashboard's three
		// panels share the window's width, and a wider line would push the
		// third out of it at 1024 px; the card shows the name whole.
		name := widgets.Shorten(db.Name, 70, fyne.TextStyle{})
		b := widgets.NewWordButton(fmt.Sprintf("%s %s : %s", db.Account, name, db.Balance), theme.NavigateNextIcon(), func() { s.showOwnerRecovery(account) }).Wrap()
		out = append(out, b)
	}
	return out
}
