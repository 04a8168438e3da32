package ui

import (
	"errors"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// form is a modal dialog around fields: an error line, Annuler and a
// validating button. Enter validates, Escape cancels; cancelling after
// something was typed asks first, so nothing is lost by mistake.
type form struct {
	s       *Shell
	title   string
	fields  []widgets.FormField
	initial []string
	keys    *widgets.FormKeys
	errText *widget.Label
	errIcon *widget.Icon
	errLine fyne.CanvasObject // always there: its room is reserved (see show)
	ok      *widgets.Button
	cancel  *widgets.Button
	extra   []fyne.CanvasObject // more buttons, left of Annuler
	dlg     *dialog.CustomDialog
	width   float32

	// submit does the work; an error is shown in the dialog, which stays
	// open with what was typed. errStay keeps it open without a message.
	submit func() error
}

// errStay is what a form's submit returns to keep the dialog open, as a
// wizard does between its steps.
var errStay = errors.New("la saisie continue")

func (s *Shell) newForm(title, okText string, fields ...widgets.FormField) *form {
	f := &form{s: s, title: title, fields: fields, width: 560}
	f.keys = &widgets.FormKeys{Enter: f.validate, Escape: f.dismiss}
	for _, fl := range fields {
		fl.SetKeys(f.keys)
		fl.OnChange(f.clearError)
		f.initial = append(f.initial, fl.Value())
	}
	f.errText = widget.NewLabel("")
	f.errText.Importance = widget.DangerImportance
	f.errText.Wrapping = fyne.TextWrapWord
	f.errText.TextStyle.Bold = true
	f.errIcon = widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
	f.errIcon.Hide()
	// Two lines are kept for the message whether there is one or not: the
	// dialog is centred in the window, so a message that made it taller
	// would move every field under the mouse (a click meant for « Chèque »
	// chose « Virement »). A longer message still shows whole.
	f.errLine = widgets.Reserve(container.NewBorder(nil, nil, container.NewCenter(f.errIcon), nil, f.errText), 2)
	f.ok = widgets.NewButton(okText, theme.ConfirmIcon(), widget.HighImportance, f.validate)
	f.cancel = widgets.NewButton("Annuler", theme.CancelIcon(), widget.MediumImportance, f.dismiss)
	f.ok.Keys, f.cancel.Keys = f.keys, f.keys
	return f
}

// show opens the dialog around content and puts the cursor in focus.
func (f *form) show(content fyne.CanvasObject, focus fyne.Focusable) {
	buttons := container.NewHBox(layout.NewSpacer())
	buttons.Objects = append(append(buttons.Objects, f.extra...), f.cancel, f.ok)
	bottom := container.NewVBox(f.errLine, buttons)
	title, full := fitTitle(f.title, min(f.width, f.s.win.Canvas().Size().Width)-2*32)
	if full != "" {
		// The whole title, wrapped, where the shortened one leaves off.
		content = container.NewBorder(widgets.Note(full), nil, nil, nil, content)
	}
	// The content scrolls when the window is too low for it (a small
	// screen, large text), so that the buttons stay inside the window.
	capped := widgets.CappedScroll(content, func() float32 {
		return f.s.win.Canvas().Size().Height - dialogChrome(bottom)
	})
	body := container.NewBorder(nil, bottom, nil, nil, capped)
	f.dlg = dialog.NewCustomWithoutButtons(title, body, f.s.win)
	f.s.pushKeys(f.keys)
	f.dlg.SetOnClosed(func() { f.s.popKeys(f.keys) })
	f.dlg.Show()
	// Twice: the wrapped sentences only know their height once laid out at
	// the dialog's width; a first guess taller than that would make the
	// dialog shrink (and its fields jump) at the first error shown.
	f.fit()
	f.fit()
	if focus != nil {
		f.s.win.Canvas().Focus(focus)
	}
}

// validate runs submit and closes the dialog when it succeeds.
func (f *form) validate() {
	if f.submit == nil {
		f.close()
		return
	}
	switch err := f.submit(); {
	case errors.Is(err, errStay):
		f.clearError()
	case err != nil:
		f.fail(err)
	default:
		f.close()
	}
}

// fail shows err's French message in the dialog.
func (f *form) fail(err error) {
	f.errText.SetText(f.s.message(err))
	f.errIcon.Show()
	f.fit() // only a message longer than the room kept for it changes the height
}

// clearError empties the error line once the user starts correcting; its
// room stays, so nothing moves.
func (f *form) clearError() {
	if f.errText.Text != "" {
		f.errText.SetText("")
		f.errIcon.Hide()
	}
}

// fit gives the dialog its width, and the height its content needs (within
// the window: beyond, the content scrolls).
func (f *form) fit() {
	if f.dlg != nil {
		f.dlg.Resize(fyne.NewSize(min(f.width, f.s.win.Canvas().Size().Width), f.dlg.MinSize().Height))
	}
}

func (f *form) dirty() bool {
	for i, fl := range f.fields {
		if fl.Value() != f.initial[i] {
			return true
		}
	}
	return false
}

// dismiss cancels the form, asking first when something was typed.
func (f *form) dismiss() {
	if !f.dirty() {
		f.close()
		return
	}
	f.s.confirm("Abandonner la saisie ?", "Ce que vous avez tapé dans « "+f.title+" » ne sera pas enregistré.",
		"Abandonner", "Continuer la saisie", f.close)
}

func (f *form) close() {
	if f.dlg != nil {
		f.dlg.Hide()
	}
}

// message is what the user reads for err: the French message of the
// books, never a Go error string. The cause goes to the log.
func (s *Shell) message(err error) string {
	if ledger.KindOf(err) == ledger.Internal {
		log.Printf("tantieme: %v", err)
	}
	return ledger.Message(err)
}

// showError tells the user in a dialog what went wrong, in French.
func (s *Shell) showError(err error) {
	s.inform("Opération impossible", theme.NewErrorThemedResource(theme.ErrorIcon()), s.message(err))
}

// inform shows a message with a single Fermer button.
func (s *Shell) inform(title string, icon fyne.Resource, text string) {
	f := s.newForm(title, "Fermer")
	f.cancel.Hide()
	msg := widgets.Note(text)
	f.show(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), nil, msg), nil)
}

// confirm asks before an action, naming what it will do; Enter confirms,
// Escape goes back.
func (s *Shell) confirm(title, text, okText, backText string, onOK func()) {
	f := s.newForm(title, okText)
	f.ok.Importance = widget.DangerImportance
	f.cancel.SetText(backText)
	f.submit = func() error {
		// The question is answered: close it before acting, so that what
		// the action opens (an error, another form) is not closed with it.
		f.close()
		onOK()
		return errStay
	}
	f.width = 520
	f.show(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.QuestionIcon())), nil, widgets.Note(text)), nil)
}

// ask offers a choice that is not destructive: okText does it, backText
// closes the question. Enter chooses okText, Escape backText.
func (s *Shell) ask(title string, icon fyne.Resource, text, okText, backText string, onOK func()) *form {
	f := s.newForm(title, okText)
	f.cancel.SetText(backText)
	f.submit = func() error {
		f.close() // before acting, as confirm does
		onOK()
		return errStay
	}
	f.width = 600
	f.show(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), nil, widgets.Note(text)), nil)
	return f
}

// runLong does work off the window's goroutine behind a progress bar, then
// runs then, or shows the error.
func (s *Shell) runLong(title string, work func() error, then func()) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widgets.Note("Merci de patienter…"), bar), s.win)
	idle := &widgets.FormKeys{Enter: func() {}, Escape: func() {}}
	s.pushKeys(idle)
	d.Show()
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		err := work()
		fyne.Do(func() {
			bar.Stop()
			d.Hide()
			s.popKeys(idle)
			if err != nil {
				s.showError(err)
				return
			}
			then()
		})
	}()
}

// pushKeys makes k the target of Enter and Escape when no field has the
// focus (the topmost dialog's keys).
func (s *Shell) pushKeys(k *widgets.FormKeys) { s.keys = append(s.keys, k) }

func (s *Shell) popKeys(k *widgets.FormKeys) {
	for i := len(s.keys) - 1; i >= 0; i-- {
		if s.keys[i] == k {
			s.keys = append(s.keys[:i], s.keys[i+1:]...)
			return
		}
	}
}

// typedKey handles keys when nothing has the focus: the topmost dialog's
// Enter and Escape, else Escape goes back on the current screen.
func (s *Shell) typedKey(ev *fyne.KeyEvent) {
	if n := len(s.keys); n > 0 {
		s.keys[n-1].Handle(ev, true)
		return
	}
	if ev.Name == fyne.KeyEscape {
		if b, ok := s.currentScreen().(goerBack); ok {
			b.back()
		}
	}
}

// dialogChrome is the height a form's dialog adds around its content: the
// title, the error line and buttons, Fyne's paddings (dialog/base.go:
// padHeight 16 above and below) and a margin to the window's edges.
func dialogChrome(bottom fyne.CanvasObject) float32 {
	pad := theme.Padding()
	return widgets.TextHeight(1) + 2*16 + bottom.MinSize().Height + 6*pad + 2*12
}

// fitTitle shortens a dialog's title to width (Fyne's dialog title is one
// line that would widen the dialog, and the window, to the whole of a long
// name); full is the whole title when it was shortened, "" when not.
func fitTitle(title string, width float32) (short, full string) {
	if short = widgets.Shorten(title, width, fyne.TextStyle{Bold: true}); short != title {
		full = title
	}
	return short, full
}
