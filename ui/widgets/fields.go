// Package widgets holds the reusable pieces of the window that are not
// screens: fields that know the keyboard of a form, the sortable table of
// records, the grid of cells typed in place, and small layouts. It knows
// nothing of the books or of the shell: the screens in package ui give it
// their texts, values and actions. Kept apart so that the screens stay flat
// and each piece is written once.
package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// FormKeys is what Enter and Escape do in a form or a dialog. Fyne hands
// keys to the focused widget only, so every field of a form carries them.
type FormKeys struct {
	Enter, Escape func()
}

// Handle runs the action of ev's key, Enter only when enterToo, and says
// whether it did; a nil FormKeys does nothing.
func (k *FormKeys) Handle(ev *fyne.KeyEvent, enterToo bool) bool {
	if k == nil {
		return false
	}
	switch ev.Name {
	case fyne.KeyEscape:
		if k.Escape != nil {
			k.Escape()
			return true
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if enterToo && k.Enter != nil {
			k.Enter()
			return true
		}
	}
	return false
}

// FormField is a field of a form: its value (to know whether something was
// typed before cancelling) and the keys it passes on.
type FormField interface {
	fyne.CanvasObject
	Value() string
	SetKeys(*FormKeys)
	OnChange(func()) // called when the user changes the value
}

// Field is a text entry that validates its form on Enter (single line) and
// cancels it on Escape.
type Field struct {
	widget.Entry
	Keys *FormKeys
}

// NewField is a one-line field showing text, with a placeholder.
func NewField(text, placeholder string) *Field {
	f := &Field{}
	f.ExtendBaseWidget(f)
	f.Wrapping = fyne.TextWrapOff
	f.SetText(text)
	f.SetPlaceHolder(placeholder)
	return f
}

// NewTextArea is a multi-line field of rows lines, wrapping words.
func NewTextArea(text string, rows int) *Field {
	f := NewField(text, "")
	f.MultiLine = true
	f.Wrapping = fyne.TextWrapWord
	f.SetMinRowsVisible(rows)
	return f
}

// TypedKey gives Enter and Escape to the form first.
func (f *Field) TypedKey(ev *fyne.KeyEvent) {
	if !f.Keys.Handle(ev, !f.MultiLine) {
		f.Entry.TypedKey(ev)
	}
}

// TypedShortcut validates a multi-line field's form with Ctrl+Entrée, Enter
// alone starting a new line there.
func (f *Field) TypedShortcut(sc fyne.Shortcut) {
	if k, ok := sc.(*desktop.CustomShortcut); ok && f.Keys != nil && f.Keys.Enter != nil &&
		(k.KeyName == fyne.KeyReturn || k.KeyName == fyne.KeyEnter) && k.Modifier == fyne.KeyModifierShortcutDefault {
		f.Keys.Enter()
		return
	}
	f.Entry.TypedShortcut(sc)
}

// Value is the text typed.
func (f *Field) Value() string { return f.Text }

// SetKeys gives the field its form's keys.
func (f *Field) SetKeys(k *FormKeys) { f.Keys = k }

// OnChange calls fn when the text changes.
func (f *Field) OnChange(fn func()) { f.OnChanged = func(string) { fn() } }

// CheckField is a check box that validates its form on Enter.
type CheckField struct {
	widget.Check
	Keys *FormKeys
}

// NewCheckField is a check box with its label, ticked when on.
func NewCheckField(label string, on bool) *CheckField {
	c := &CheckField{}
	c.Text = label
	c.Checked = on
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey gives Enter and Escape to the form first.
func (c *CheckField) TypedKey(ev *fyne.KeyEvent) {
	if !c.Keys.Handle(ev, true) {
		c.Check.TypedKey(ev)
	}
}

// Value is "oui" or "non".
func (c *CheckField) Value() string {
	if c.Checked {
		return "oui"
	}
	return "non"
}

// SetKeys gives the box its form's keys.
func (c *CheckField) SetKeys(k *FormKeys) { c.Keys = k }

// OnChange calls fn when the box is ticked or unticked.
func (c *CheckField) OnChange(fn func()) { c.OnChanged = func(bool) { fn() } }

// Button is a button of a dialog: Enter presses it when it has the focus,
// Escape cancels the dialog.
type Button struct {
	widget.Button
	Keys *FormKeys
}

// NewButton is a button with its label, icon, importance and action.
func NewButton(label string, icon fyne.Resource, importance widget.Importance, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.Importance, b.OnTapped = label, icon, importance, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter and gives Escape to the dialog.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		b.Tapped(nil)
	case !b.Keys.Handle(ev, false):
		b.Button.TypedKey(ev)
	}
}
