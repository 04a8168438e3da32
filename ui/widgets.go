package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// formKeys is what Enter and Escape do in a form or a dialog. Fyne hands keys
// to the focused widget only, so every field of a form carries them.
type formKeys struct {
	enter, escape func()
}

func (k *formKeys) handle(ev *fyne.KeyEvent, enterToo bool) bool {
	if k == nil {
		return false
	}
	switch ev.Name {
	case fyne.KeyEscape:
		if k.escape != nil {
			k.escape()
			return true
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if enterToo && k.enter != nil {
			k.enter()
			return true
		}
	}
	return false
}

// field is a text entry that validates its form on Enter (single line) and
// cancels it on Escape.
type field struct {
	widget.Entry
	keys *formKeys
}

func newField(text, placeholder string) *field {
	f := &field{}
	f.ExtendBaseWidget(f)
	f.Wrapping = fyne.TextWrapOff
	f.SetText(text)
	f.SetPlaceHolder(placeholder)
	return f
}

func newTextArea(text string, rows int) *field {
	f := newField(text, "")
	f.MultiLine = true
	f.Wrapping = fyne.TextWrapWord
	f.SetMinRowsVisible(rows)
	return f
}

func (f *field) TypedKey(ev *fyne.KeyEvent) {
	if !f.keys.handle(ev, !f.MultiLine) {
		f.Entry.TypedKey(ev)
	}
}

// TypedShortcut validates a multi-line field's form with Ctrl+Entrée, Enter
// alone starting a new line there.
func (f *field) TypedShortcut(sc fyne.Shortcut) {
	if k, ok := sc.(*desktop.CustomShortcut); ok && f.keys != nil && f.keys.enter != nil &&
		(k.KeyName == fyne.KeyReturn || k.KeyName == fyne.KeyEnter) && k.Modifier == fyne.KeyModifierShortcutDefault {
		f.keys.enter()
		return
	}
	f.Entry.TypedShortcut(sc)
}

func (f *field) value() string { return f.Text }

func (f *field) setKeys(k *formKeys) { f.keys = k }

func (f *field) onChange(fn func()) { f.OnChanged = func(string) { fn() } }

// checkField is a check box that validates its form on Enter.
type checkField struct {
	widget.Check
	keys *formKeys
}

func newCheckField(label string, on bool) *checkField {
	c := &checkField{}
	c.Text = label
	c.Checked = on
	c.ExtendBaseWidget(c)
	return c
}

func (c *checkField) TypedKey(ev *fyne.KeyEvent) {
	if !c.keys.handle(ev, true) {
		c.Check.TypedKey(ev)
	}
}

func (c *checkField) value() string {
	if c.Checked {
		return "oui"
	}
	return "non"
}

func (c *checkField) setKeys(k *formKeys) { c.keys = k }

func (c *checkField) onChange(fn func()) { c.OnChanged = func(bool) { fn() } }

// button is a button of a dialog: Enter presses it when it has the focus,
// Escape cancels the dialog.
type button struct {
	widget.Button
	keys *formKeys
}

func newButton(label string, icon fyne.Resource, importance widget.Importance, tapped func()) *button {
	b := &button{}
	b.Text, b.Icon, b.Importance, b.OnTapped = label, icon, importance, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *button) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		b.Tapped(nil)
	case !b.keys.handle(ev, false):
		b.Button.TypedKey(ev)
	}
}

// heading is a screen's title.
func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameHeadingText
	l.TextStyle.Bold = true
	return l
}

// note is a line of explanation under a title.
func note(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// banner is a tinted strip across the window with a sentence and actions.
func banner(tint color.Color, icon fyne.Resource, text string, actions ...fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle.Bold = true
	var left fyne.CanvasObject
	if icon != nil {
		left = container.NewCenter(widget.NewIcon(icon))
	}
	right := container.NewHBox(actions...)
	return container.NewStack(canvas.NewRectangle(tint), container.NewPadded(container.NewBorder(nil, nil, left, right, l)))
}

// tinted puts a coloured background behind o.
func tinted(tint color.Color, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(canvas.NewRectangle(tint), container.NewPadded(o))
}
