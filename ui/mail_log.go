package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/mailing"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// mailLog is Documents › Journal des envois (issue 19): the mailings,
// and for the one chosen each owner's state with the server's words;
// « Réessayer les échecs » sends the refused and waiting messages again.
type mailLog struct {
	s        *Shell
	f        *form
	list     *widget.Select
	ids      []int64
	summary  *widget.Label
	table    *widgets.Table[mailing.Outcome]
	retry    *widgets.Button
	printBtn *widgets.Button
	current  int64
}

func (s *Shell) showMailLog() { s.openMailLog() }

func (s *Shell) openMailLog() *mailLog {
	if s.res == nil {
		return nil
	}
	l := &mailLog{s: s}
	l.f = s.newForm("Journal des envois", "Fermer")
	l.f.cancel.Hide()
	l.f.width = mailSize.Width + 2*theme.Padding()
	l.summary = widget.NewLabel("")
	l.summary.Wrapping = fyne.TextWrapWord
	l.summary.TextStyle.Bold = true
	l.table = outcomeTable(s.ownerNames())
	l.list = widget.NewSelect(nil, func(string) { l.pick() })
	l.retry = widgets.NewButton("Réessayer les échecs", theme.ViewRefreshIcon(), widget.MediumImportance, l.retryFailures)
	l.printBtn = widgets.NewButton("Imprimer les courriers restants", theme.DocumentPrintIcon(), widget.MediumImportance, func() { s.printRemaining(l.current) })
	l.retry.Keys, l.printBtn.Keys = l.f.keys, l.f.keys
	l.f.extra = []fyne.CanvasObject{l.printBtn, l.retry}
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("Envoi :"), nil, l.list), l.summary)
	l.f.show(s.room(mailSize, container.NewBorder(top, nil, nil, nil, l.table.Build())), nil)
	l.reload(0)
	return l
}

// reload lists the mailings and shows id (0: the newest).
func (l *mailLog) reload(id int64) {
	sums, err := mailing.Summaries(l.s.res)
	if err != nil {
		l.f.fail(err)
		return
	}
	var names []string
	l.ids = nil
	sel := 0
	for i, m := range sums {
		names = append(names, fmt.Sprintf("n° %d — %s — %s", m.ID, m.Created, m.Title))
		l.ids = append(l.ids, m.ID)
		if m.ID == id {
			sel = i
		}
	}
	l.list.Options = names
	if len(names) == 0 {
		l.summary.SetText("Aucun envoi pour l'instant : menu Documents › Envoyer par e-mail…")
		l.retry.Disable()
		l.printBtn.Disable()
		l.list.Refresh()
		return
	}
	l.list.SetSelectedIndex(sel) // calls pick
}

func (l *mailLog) pick() {
	i := l.list.SelectedIndex()
	if i < 0 || i >= len(l.ids) {
		return
	}
	l.current = l.ids[i]
	msgs, err := mailing.Messages(l.s.res, l.current)
	if err != nil {
		l.f.fail(err)
		return
	}
	var rows []mailing.Outcome
	count := map[string]int{}
	for _, m := range msgs {
		rows = append(rows, mailing.Outcome{Owner: m.Owner, Email: m.Address, Status: m.Status, Reason: m.Reason})
		count[m.Status]++
	}
	l.table.SetRows(rows)
	text := fmt.Sprintf("%d envoyé(s), %d refusé(s), %d à imprimer, %d en attente", count[ledger.MailSent], count[ledger.MailRefused], count[ledger.MailSkipped], count[ledger.MailPending])
	if n := count[ledger.MailSending]; n > 0 {
		text += fmt.Sprintf(", %d au sort inconnu (le programme s'est arrêté pendant leur envoi)", n)
	}
	l.summary.SetText(text + ".")
	widgets.SetEnabled(l.retry, !l.s.res.ReadOnly() && count[ledger.MailRefused]+count[ledger.MailPending]+count[ledger.MailSending] > 0)
	widgets.SetEnabled(l.printBtn, count[ledger.MailSkipped]+count[ledger.MailRefused] > 0)
}

// retryFailures sends the refused and waiting messages again; a message of
// unknown fate is sent again only if the syndic says so.
func (l *mailLog) retryFailures() {
	s := l.s
	id := l.current
	unknown, err := mailing.Unknown(s.res, id)
	if err != nil {
		l.f.fail(err)
		return
	}
	go1 := func(unknownToo bool) {
		set, ok, err := mailing.LoadSettings(s.res)
		if err == nil && !ok {
			err = ledger.Errorf(ledger.Invalid, "Aucun serveur d'envoi n'est réglé : menu Documents › Réglages de l'e-mail…")
		}
		if err != nil {
			l.f.fail(err)
			return
		}
		s.withMailPassword(set, func(password string) {
			l.retry.Disable()
			l.summary.SetText("Nouvel essai en cours…")
			s.jobs.Add(1)
			go func() {
				defer s.jobs.Done()
				_, err := mailing.Retry(context.Background(), s.res, id, unknownToo, set, password, nil)
				fyne.Do(func() {
					l.reload(id)
					if err != nil {
						l.f.fail(err)
					}
				})
			}()
		})
	}
	if unknown == 0 {
		go1(false)
		return
	}
	f := s.newForm("Renvoyer aussi les messages au sort inconnu ?", "Renvoyer aussi")
	f.ok.Importance = widget.DangerImportance
	only := widgets.NewButton("Seulement les échecs", theme.ViewRefreshIcon(), widget.MediumImportance, func() { f.close(); go1(false) })
	only.Keys = f.keys
	f.extra = []fyne.CanvasObject{only}
	f.submit = func() error {
		f.close()
		go1(true)
		return errStay
	}
	f.width = 600
	f.show(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.QuestionIcon())), nil, widgets.Note(fmt.Sprintf(
		"%d message(s) étaient en cours d'envoi quand le programme s'est arrêté : le serveur les a peut-être reçus, et le copropriétaire les recevrait alors deux fois. "+
			"« Renvoyer aussi » les envoie de nouveau ; « Seulement les échecs » ne renvoie que les messages refusés ou en attente.", unknown))), nil)
}
