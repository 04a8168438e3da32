package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/mailing"
	"tantieme/ledger"
	"tantieme/mailer"
	"tantieme/ui/widgets"
)

// mailWizard is Documents › Envoyer par e-mail… (issue 19): what to send,
// who gets it by e-mail and who must be printed (and why) with the
// message's text, the sending behind a progress bar (the window stays
// usable), and the result with the letters left to print.
type mailWizard struct {
	s     *Shell
	f     *form
	steps *widgets.Steps
	prev  *widgets.Button

	what           *widget.Select
	date, year, id *widgets.Field
	whatNote       *widget.Label

	plan    *mailing.Plan
	summary *widget.Label
	lines   *widgets.Table[mailing.Line]
	subject *widgets.Field
	body    *widgets.Field

	bar     *widget.ProgressBar
	barText *widget.Label
	busy    bool
	stop    context.CancelFunc

	res      mailing.Result
	outcome  *widget.Label
	results  *widgets.Table[mailing.Outcome]
	printBtn *widgets.Button
}

var mailSteps = []string{"Quoi envoyer", "Destinataires et message", "Envoi", "Compte rendu"}

var mailWhat = []string{"Les avis d'appel de fonds d'une échéance", "Les relances d'un jour", "Les décomptes de charges d'un exercice", "Un document du registre"}
var mailWhatCode = []string{mailing.Notices, mailing.Reminders, mailing.Decomptes, mailing.Single}

var mailSize = fyne.NewSize(900, 480)

func (s *Shell) sendMail() { s.openMailWizard() }

func (s *Shell) openMailWizard() *mailWizard {
	if s.res == nil {
		return nil
	}
	if s.res.ReadOnly() {
		s.inform("Envoi impossible", theme.NewWarningThemedResource(theme.WarningIcon()),
			"La résidence est ouverte en lecture seule : l'envoi tient son journal dans la résidence. Ouvrez-la de nouveau quand plus aucun autre programme ne l'utilise.")
		return nil
	}
	w := &mailWizard{s: s}
	w.date = widgets.NewField(ledger.FrenchDate(s.lastCallDue()), "JJ/MM/AAAA")
	w.year = widgets.NewField(strconv.Itoa(s.situation().Year()-1), "AAAA")
	w.id = widgets.NewField("", "numéro au registre")
	w.subject = widgets.NewField("", "")
	w.body = widgets.NewTextArea("", 4)
	w.f = s.newForm("Envoyer par e-mail", "Suivant", w.date, w.year, w.id)
	w.f.width = mailSize.Width + 2*theme.Padding()
	w.f.keys.Enter, w.f.ok.OnTapped = w.next, w.next
	w.f.keys.Escape, w.f.cancel.OnTapped = w.cancel, w.cancel
	w.prev = widgets.NewButton("Précédent", theme.NavigateBackIcon(), widget.MediumImportance, w.back)
	w.prev.Keys = w.f.keys
	w.printBtn = widgets.NewButton("Imprimer les courriers restants", theme.DocumentPrintIcon(), widget.MediumImportance, w.printRemaining)
	w.printBtn.Keys = w.f.keys
	w.f.extra = []fyne.CanvasObject{w.printBtn, w.prev}
	w.steps = widgets.NewSteps(mailSteps, w.whatPage(), w.previewPage(), w.progressPage(), w.resultPage())
	body := container.NewBorder(container.NewVBox(w.steps.Counter, widget.NewSeparator()), nil, nil, nil, w.steps.Stack)
	w.f.show(s.room(mailSize, body), nil)
	w.show(0)
	return w
}

// lastCallDue is the date the assistant proposes: the latest due date of
// the exercise's live calls up to the situation day (the notices one is
// likely to send), else the first one after, else the situation day.
func (s *Shell) lastCallDue() time.Time {
	day := s.situation()
	calls, err := s.res.CallList(s.exercise)
	if err != nil {
		return day
	}
	var before, after time.Time
	for _, c := range calls {
		switch {
		case c.Cancelled():
		case !c.Due.After(day) && c.Due.After(before):
			before = c.Due
		case c.Due.After(day) && (after.IsZero() || c.Due.Before(after)):
			after = c.Due
		}
	}
	if !before.IsZero() {
		return before
	}
	if !after.IsZero() {
		return after
	}
	return day
}

func (w *mailWizard) whatPage() fyne.CanvasObject {
	w.whatNote = widgets.Note("")
	w.what = widget.NewSelect(mailWhat, func(string) { w.f.clearError(); w.showWhat() })
	w.what.SetSelectedIndex(0)
	form := widget.NewForm(widget.NewFormItem("Envoyer", w.what), widget.NewFormItem("Date", container.New(&widgets.FixedWidth{Width: 140}, w.date)),
		widget.NewFormItem("Exercice", container.New(&widgets.FixedWidth{Width: 100}, w.year)), widget.NewFormItem("Document n°", container.New(&widgets.FixedWidth{Width: 140}, w.id)))
	return container.NewVBox(stepSection("Quels documents ?"), form, w.whatNote,
		widgets.Note("Seuls les copropriétaires qui ont donné leur accord pour les notifications par e-mail (fiche du copropriétaire, onglet « E-mail ») les reçoivent ; "+
			"les courriers des autres sont rassemblés dans un PDF à imprimer. La convocation à l'assemblée générale et la notification du procès-verbal ne partent jamais par simple e-mail."))
}

func (w *mailWizard) showWhat() {
	i := max(0, w.what.SelectedIndex())
	notes := []string{"L'échéance des appels : leurs avis sont pris au registre des documents, ou écrits dans le dossier des documents s'ils n'y sont pas encore.",
		"Le jour des soldes : les relances de ce jour sont prises au registre, ou écrites pour chaque copropriétaire débiteur (à payer sous quinze jours).",
		"L'année de l'exercice : ses décomptes sont pris au registre, ou écrits d'après la clôture.",
		"Le numéro du document au registre (Documents › Registre) : il part aux copropriétaires qu'il concerne, ou à tous."}
	w.whatNote.SetText(notes[i])
	show := func(f *widgets.Field, on bool) {
		if on {
			f.Enable()
		} else {
			f.Disable()
		}
	}
	show(w.date, i == 0 || i == 1)
	show(w.year, i == 2)
	show(w.id, i == 3)
}

func (w *mailWizard) request() (mailing.Request, error) {
	i := max(0, w.what.SelectedIndex())
	req := mailing.Request{What: mailWhatCode[i]}
	var err error
	switch req.What {
	case mailing.Notices, mailing.Reminders:
		req.Date, err = ledger.ParseDate(strings.TrimSpace(w.date.Text))
	case mailing.Decomptes:
		if req.Year, err = strconv.Atoi(strings.TrimSpace(w.year.Text)); err != nil {
			err = ledger.Errorf(ledger.Invalid, "L'exercice « %s » n'est pas une année", w.year.Text)
		}
	case mailing.Single:
		if req.Document, err = strconv.ParseInt(strings.TrimSpace(w.id.Text), 10, 64); err != nil {
			err = ledger.Errorf(ledger.Invalid, "Le numéro de document « %s » n'est pas un nombre", w.id.Text)
		}
	}
	return req, err
}

func (w *mailWizard) previewPage() fyne.CanvasObject {
	w.summary = widget.NewLabel("")
	w.summary.Wrapping = fyne.TextWrapWord
	w.summary.TextStyle.Bold = true
	w.lines = &widgets.Table[mailing.Line]{
		Cols: []widgets.Column[mailing.Line]{
			{Title: "Copropriétaire", Width: 220, Text: func(l mailing.Line) string { return l.Owner + " " + l.Name }},
			{Title: "Envoi", Width: 220, Text: func(l mailing.Line) string {
				if l.Skip != "" {
					return "à imprimer"
				}
				return "e-mail à " + l.Email
			}, Ink: func(l mailing.Line) widget.Importance {
				if l.Skip != "" {
					return widget.WarningImportance
				}
				return widget.MediumImportance
			}},
			{Title: "Pourquoi", Stretch: true, Width: 200, Text: func(l mailing.Line) string { return l.Skip }},
		},
		Empty: "Aucun copropriétaire n'est concerné.",
	}
	fields := widget.NewForm(widget.NewFormItem("Objet", w.subject), widget.NewFormItem("Message", w.body))
	help := widgets.Note("Champs remplacés pour chacun : " + strings.Join(mailing.Fields, " ") + ". Le texte est gardé pour les prochains envois de ce genre.")
	return container.NewBorder(w.summary, container.NewVBox(fields, help), nil, nil, w.lines.Build())
}

func (w *mailWizard) progressPage() fyne.CanvasObject {
	w.bar = widget.NewProgressBar()
	w.barText = widget.NewLabel("")
	w.barText.Wrapping = fyne.TextWrapWord
	return container.NewVBox(stepSection("Envoi en cours"), w.bar, w.barText,
		widgets.Note("Les messages partent un par un sur une seule connexion. Vous pouvez continuer à travailler dans Tantième ; « Arrêter » termine le message en cours et garde les autres pour « Réessayer »."))
}

func (w *mailWizard) resultPage() fyne.CanvasObject {
	w.outcome = widget.NewLabel("")
	w.outcome.Wrapping = fyne.TextWrapWord
	w.outcome.TextStyle.Bold = true
	w.results = outcomeTable(w.s.ownerNames())
	return container.NewBorder(w.outcome, nil, nil, nil, w.results.Build())
}

// ownerNames are the owners' names by account, for the tables of
// mailings.
func (s *Shell) ownerNames() map[string]string {
	names := map[string]string{}
	if owners, err := s.res.Owners(); err == nil {
		for _, o := range owners {
			names[o.Account] = o.DisplayName()
		}
	}
	return names
}

// outcomeTable lists a mailing's lines: the result page and the log.
func outcomeTable(names map[string]string) *widgets.Table[mailing.Outcome] {
	return &widgets.Table[mailing.Outcome]{
		Cols: []widgets.Column[mailing.Outcome]{
			{Title: "Copropriétaire", Width: 200, Text: func(o mailing.Outcome) string { return o.Owner + " " + names[o.Owner] }},
			{Title: "Adresse", Width: 180, Text: func(o mailing.Outcome) string { return o.Email }},
			{Title: "État", Width: 100, Text: func(o mailing.Outcome) string { return (ledger.MailMessage{Status: o.Status}).StatusText() },
				Ink: func(o mailing.Outcome) widget.Importance {
					switch o.Status {
					case ledger.MailSent:
						return widget.SuccessImportance
					case ledger.MailRefused, ledger.MailSending:
						return widget.DangerImportance
					case ledger.MailSkipped, ledger.MailPending:
						return widget.WarningImportance
					}
					return widget.MediumImportance
				}},
			{Title: "Raison", Stretch: true, Width: 200, Text: func(o mailing.Outcome) string { return o.Reason }},
		},
		Empty: "Aucun message.",
	}
}

func (w *mailWizard) show(i int) {
	w.steps.Show(i)
	w.f.clearError()
	widgets.SetEnabled(w.prev, i == 1)
	w.prev.Show()
	w.printBtn.Hide()
	w.f.cancel.Show()
	w.f.cancel.SetText("Annuler")
	switch i {
	case 0:
		w.f.ok.SetText("Suivant")
		w.showWhat()
	case 1:
		w.f.ok.SetText("Envoyer")
	case 2:
		w.f.ok.SetText("Envoi…")
		w.f.ok.Disable()
		w.f.cancel.SetText("Arrêter")
		w.prev.Hide()
	case 3:
		w.f.ok.Enable()
		w.f.ok.SetText("Fermer")
		w.f.cancel.Hide()
		w.prev.Hide()
		if n := w.res.Count(ledger.MailSkipped) + w.res.Count(ledger.MailRefused); n > 0 {
			w.printBtn.Show()
		}
	}
}

func (w *mailWizard) next() {
	if w.busy {
		return
	}
	switch w.steps.Current() {
	case 0:
		req, err := w.request()
		if err != nil {
			w.f.fail(err)
			return
		}
		var plan *mailing.Plan
		var tmpl mailing.Template
		// runLong's dialog keeps the assistant from a second click, and
		// shows an error itself: the assistant stays on its step.
		w.s.runLong("Préparation de l'envoi", func() error {
			var err error
			if plan, err = mailing.Prepare(w.s.res, req); err != nil {
				return err
			}
			tmpl, err = mailing.LoadTemplate(w.s.res, plan.Kind)
			return err
		}, func() {
			w.plan = plan
			w.subject.SetText(tmpl.Subject)
			w.body.SetText(tmpl.Body)
			n := plan.EmailCount()
			text := fmt.Sprintf("%s : %d copropriétaire(s) par e-mail, %d courrier(s) à imprimer.", plan.Title, n, len(plan.Lines)-n)
			if len(plan.Produced) > 0 {
				text += fmt.Sprintf(" %d document(s) viennent d'être écrits dans le dossier des documents et mis au registre.", len(plan.Produced))
			}
			w.summary.SetText(text)
			w.lines.SetRows(plan.Lines)
			w.show(1)
		})
	case 1:
		w.send()
	case 3:
		w.f.close()
	}
}

func (w *mailWizard) back() {
	if !w.busy && w.steps.Current() == 1 {
		w.show(0)
	}
}

func (w *mailWizard) cancel() {
	if w.busy && w.stop != nil {
		w.stop()
		w.barText.SetText(w.barText.Text + " — arrêt après ce message…")
		return
	}
	if !w.busy {
		w.f.close()
	}
}

// send checks the message and the settings, gets the password, and sends
// in the background.
func (w *mailWizard) send() {
	s := w.s
	if w.plan.EmailCount() == 0 {
		w.f.fail(ledger.Errorf(ledger.Invalid, "Aucun de ces copropriétaires n'a donné son accord pour l'e-mail : imprimez leurs courriers"))
		return
	}
	t := mailing.Template{Subject: w.subject.Text, Body: w.body.Text}
	if err := mailing.SaveTemplate(s.res, w.plan.Kind, t); err != nil {
		w.f.fail(err)
		return
	}
	set, ok, err := mailing.LoadSettings(s.res)
	if err == nil && !ok {
		err = ledger.Errorf(ledger.Invalid, "Aucun serveur d'envoi n'est réglé : menu Documents › Réglages de l'e-mail…")
	}
	if err != nil {
		w.f.fail(err)
		return
	}
	s.withMailPassword(set, func(password string) {
		w.start(func(ctx context.Context, progress mailing.Progress) (mailing.Result, error) {
			return mailing.Send(ctx, s.res, w.plan, t, set, password, progress)
		})
	})
}

// start runs a mailing off the window's goroutine; the bar follows it.
func (w *mailWizard) start(run func(context.Context, mailing.Progress) (mailing.Result, error)) {
	s := w.s
	ctx, stop := context.WithCancel(context.Background())
	w.stop, w.busy = stop, true
	w.bar.SetValue(0)
	w.barText.SetText("Connexion au serveur…")
	w.show(2)
	names := map[string]string{}
	if w.plan != nil {
		for _, l := range w.plan.Lines {
			names[l.Owner] = l.Name
		}
	}
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		res, err := run(ctx, func(done, total int, owner string) {
			fyne.Do(func() {
				if total > 0 {
					w.bar.SetValue(float64(done) / float64(total))
				}
				if owner != "" {
					w.barText.SetText(fmt.Sprintf("Message %d sur %d : %s %s", done+1, total, owner, names[owner]))
				}
			})
		})
		fyne.Do(func() {
			stop()
			w.busy = false
			w.finish(res, err)
		})
	}()
}

func (w *mailWizard) finish(res mailing.Result, err error) {
	w.res = res
	w.results.SetRows(res.Outcomes)
	text := fmt.Sprintf("Envoi n° %d : %d envoyé(s), %d refusé(s), %d à imprimer", res.Mailing, res.Count(ledger.MailSent), res.Count(ledger.MailRefused), res.Count(ledger.MailSkipped))
	if n := res.Count(ledger.MailPending); n > 0 {
		text += fmt.Sprintf(", %d en attente (Documents › Journal des envois › Réessayer les échecs)", n)
	}
	text += "."
	if err != nil {
		text = w.s.message(err) + "\n" + text
		w.outcome.Importance = widget.DangerImportance
	} else if res.Count(ledger.MailRefused) > 0 {
		w.outcome.Importance = widget.WarningImportance
	} else {
		w.outcome.Importance = widget.SuccessImportance
	}
	w.outcome.SetText(text)
	w.s.say(strings.TrimSuffix(text, "."))
	w.show(3)
}

func (w *mailWizard) printRemaining() { w.s.printRemaining(w.res.Mailing) }

// printRemaining writes the letters a mailing did not deliver into the
// documents folder and opens them.
func (s *Shell) printRemaining(id int64) {
	root, err := s.res.DocumentsFolder()
	if err != nil {
		s.showError(err)
		return
	}
	path := filepath.Join(root, "Courriers à imprimer", fmt.Sprintf("ENVOI_%d_COURRIERS_A_IMPRIMER.pdf", id))
	var n int
	s.runLong("Courriers à imprimer", func() error {
		var err error
		n, err = mailing.PrintRemaining(s.res, id, path)
		return err
	}, func() {
		if n == 0 {
			s.say("Aucun courrier à imprimer pour cet envoi")
			return
		}
		s.openWritten(fmt.Sprintf("%d courrier(s) à imprimer dans %s", n, path), path)
	})
}

// withMailPassword gets the server's password (environment, keyring) or
// asks it, then calls then.
func (s *Shell) withMailPassword(set mailer.Settings, then func(string)) {
	p, err := mailer.Password(set)
	if err == nil {
		then(p)
		return
	}
	if !errors.Is(err, mailer.ErrPasswordNeeded) {
		s.showError(err)
		return
	}
	pw := widgets.NewField("", "")
	pw.Password = true
	f := s.newForm("Mot de passe de l'e-mail", "Envoyer", pw)
	remember := widget.NewCheck("Mémoriser dans le trousseau du système", nil)
	if !keyringAvailable() {
		remember.Hide()
	}
	f.submit = func() error {
		if pw.Text == "" {
			return ledger.Errorf(ledger.Invalid, "Tapez le mot de passe de %s", set.KeyringUser())
		}
		if remember.Checked {
			if err := mailer.SavePassword(set, pw.Text); err != nil {
				return err
			}
		}
		f.close()
		then(pw.Text)
		return errStay
	}
	f.show(container.NewVBox(widgets.Note("Le mot de passe du compte "+set.KeyringUser()+" (il n'est pas écrit dans le fichier de la résidence)."),
		widget.NewForm(widget.NewFormItem("Mot de passe", pw)), remember), pw)
}
