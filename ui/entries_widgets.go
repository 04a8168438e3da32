package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// Widgets of the entry form (Saisie): text boxes that tell the form about
// focus and changes, a choice list that takes part in the form's keys, the
// account suggestions that open under an account box, and the row layout
// of the lines.

// entryBox is a one-line box of the entry form. Beyond widgets.Field (Enter
// validates, Escape cancels) it may take some keys first (the account
// suggestions), and it calls back when it gains or loses the focus.
type entryBox struct {
	widgets.Field
	ownKey func(*fyne.KeyEvent) bool // keys handled before the form's
	gained func()
	lost   func()
	hooks  []func()
	// selectOnFocus selects the text on focus, so that typing replaces a
	// proposed amount (the balance pre-filled on a new line).
	selectOnFocus bool
}

func newEntryBox(text, placeholder string) *entryBox {
	b := &entryBox{}
	b.ExtendBaseWidget(b)
	b.Wrapping = fyne.TextWrapOff
	b.Scroll = 0
	b.SetText(text)
	b.SetPlaceHolder(placeholder)
	b.OnChanged = func(string) {
		for _, h := range b.hooks {
			h()
		}
	}
	return b
}

func (b *entryBox) TypedKey(ev *fyne.KeyEvent) {
	if b.ownKey != nil && b.ownKey(ev) {
		return
	}
	b.Field.TypedKey(ev)
}

func (b *entryBox) FocusGained() {
	b.Entry.FocusGained()
	if b.selectOnFocus && b.Text != "" {
		b.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
	if b.gained != nil {
		b.gained()
	}
}

func (b *entryBox) FocusLost() {
	b.Entry.FocusLost()
	if b.lost != nil {
		b.lost()
	}
}

// OnChange adds fn to what runs when the text changes (widgets.Field's replaces).
func (b *entryBox) OnChange(fn func()) { b.hooks = append(b.hooks, fn) }

// listField is a drop-down list of the entry form: Enter validates the
// form and Escape cancels it, like every field; typing the first letters of
// an option ("00" then "2") chooses it, and the arrows step through them.
type listField struct {
	widget.Select
	keys    *widgets.FormKeys
	hooks   []func()
	typed   string
	typedAt time.Time
}

func newListField(options []string, placeholder string) *listField {
	c := &listField{}
	c.Options = options
	c.PlaceHolder = placeholder
	c.ExtendBaseWidget(c)
	c.OnChanged = func(string) {
		for _, h := range c.hooks {
			h()
		}
	}
	return c
}

func (c *listField) TypedKey(ev *fyne.KeyEvent) {
	if !c.keys.Handle(ev, true) {
		c.Select.TypedKey(ev)
	}
}

// TypedRune chooses the first option starting with what was typed within
// the last second.
func (c *listField) TypedRune(r rune) {
	now := time.Now()
	if now.Sub(c.typedAt) > time.Second {
		c.typed = ""
	}
	c.typed += string(r)
	c.typedAt = now
	q := fr.Fold(c.typed)
	for i, o := range c.Options {
		// "2" finds the key 002 too.
		if o := fr.Fold(o); strings.HasPrefix(o, q) || strings.HasPrefix(strings.TrimLeft(o, "0"), q) {
			if i != c.SelectedIndex() {
				c.SetSelectedIndex(i)
			}
			return
		}
	}
}

func (c *listField) Value() string { return c.Selected }

func (c *listField) SetKeys(k *widgets.FormKeys) { c.keys = k }

func (c *listField) OnChange(fn func()) { c.hooks = append(c.hooks, fn) }

// accountPicker is the list of accounts that opens under an account box
// as the user types a number or a name. It lives in a layer of the form
// itself rather than in a pop-up: a pop-up would take the keyboard away
// from the box being typed in.
type accountPicker struct {
	index  *app.AccountIndex
	layer  *fyne.Container // over the whole form, without layout
	panel  *fyne.Container
	rows   *fyne.Container
	items  []ledger.Account
	sel    int
	target *entryBox
	picked func(box *entryBox, a ledger.Account)
}

const pickerRows = 8

func newAccountPicker(index *app.AccountIndex) *accountPicker {
	p := &accountPicker{index: index}
	p.rows = container.NewVBox()
	bg := canvas.NewRectangle(surface)
	bg.StrokeColor = color.NRGBA{0xB9, 0xB1, 0xA0, 0xFF}
	bg.StrokeWidth = 1
	bg.CornerRadius = 4
	p.panel = container.NewStack(bg, container.NewPadded(p.rows))
	p.panel.Hide()
	p.layer = container.NewWithoutLayout(p.panel)
	return p
}

// shown says whether the list is open for box.
func (p *accountPicker) shown(box *entryBox) bool { return p.panel.Visible() && p.target == box }

// search fills the list with the accounts box's text names and opens it
// under the box; nothing typed closes it.
func (p *accountPicker) search(box *entryBox) {
	p.target = box
	text := strings.TrimSpace(box.Text)
	if text == "" {
		p.hide()
		return
	}
	found, more := p.index.Find(text, pickerRows)
	if len(found) == 1 && more == 0 && app.AccountText(found[0]) == text {
		p.items = found // the account is chosen: nothing more to offer
		p.sel = 0
		p.hide()
		return
	}
	p.items, p.sel = found, 0
	p.rows.Objects = nil
	for i, a := range found {
		p.rows.Add(newAccountSuggestion(p, i, a))
	}
	switch {
	case len(found) == 0:
		p.rows.Add(entryHint("Aucun compte ne correspond à « " + text + " » : tapez un autre numéro ou un autre mot."))
	case more > 0:
		p.rows.Add(entryHint(fmt.Sprintf("… et %d autre%s compte%s : précisez le numéro ou le nom.", more, fr.S(more), fr.S(more))))
	default:
		p.rows.Add(entryHint("Flèches pour choisir, Entrée ou Tab pour prendre le compte surligné."))
	}
	p.highlight()
	p.place()
}

func entryHint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// place puts the list under its box, or above it when the form ends too
// soon below.
func (p *accountPicker) place() {
	box := p.target
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(box).Subtract(d.AbsolutePositionForObject(p.layer))
	width := max(box.Size().Width, 460)
	p.panel.Show()
	size := fyne.NewSize(width, p.panel.MinSize().Height)
	y := at.Y + box.Size().Height
	if y+size.Height > p.layer.Size().Height && at.Y-size.Height >= 0 {
		y = at.Y - size.Height
	}
	p.panel.Move(fyne.NewPos(at.X, y))
	p.panel.Resize(size)
	p.layer.Refresh()
}

func (p *accountPicker) hide() {
	if p.panel.Visible() {
		p.panel.Hide()
		p.layer.Refresh()
	}
}

// current is the account Enter or Tab would take: the highlighted one.
func (p *accountPicker) current() (ledger.Account, bool) {
	if p.sel < 0 || p.sel >= len(p.items) {
		return ledger.Account{}, false
	}
	return p.items[p.sel], true
}

func (p *accountPicker) highlight() {
	for _, o := range p.rows.Objects {
		if s, ok := o.(*accountSuggestion); ok {
			s.setOn(s.i == p.sel)
		}
	}
}

// key handles the list's keys while it is open for box: arrows move, Enter
// takes the highlighted account, Escape closes the list (a second Escape
// then cancels the form).
func (p *accountPicker) key(box *entryBox, ev *fyne.KeyEvent) bool {
	if !p.shown(box) {
		return false
	}
	switch ev.Name {
	case fyne.KeyDown:
		if p.sel < len(p.items)-1 {
			p.sel++
			p.highlight()
		}
	case fyne.KeyUp:
		if p.sel > 0 {
			p.sel--
			p.highlight()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if a, ok := p.current(); ok {
			p.pick(a)
		} else {
			p.hide()
		}
	case fyne.KeyEscape:
		p.hide()
	default:
		return false
	}
	return true
}

// pick writes the account in the box and closes the list.
func (p *accountPicker) pick(a ledger.Account) {
	box := p.target
	p.hide()
	if box == nil {
		return
	}
	box.SetText(app.AccountText(a))
	p.hide() // SetText searched again
	// The cursor at the start shows the number, whatever the name's length.
	box.CursorColumn = 0
	box.Refresh()
	if p.picked != nil {
		p.picked(box, a)
	}
}

// accountSuggestion is an account in the list. It counts as focusable, but
// disabled: a click on it then leaves the keyboard in the account box (the
// window only takes the focus away from a box when the click lands on
// nothing focusable), and Tab never stops on it.
type accountSuggestion struct {
	widget.BaseWidget
	p     *accountPicker
	i     int
	a     ledger.Account
	bg    *canvas.Rectangle
	label *widget.Label
}

func newAccountSuggestion(p *accountPicker, i int, a ledger.Account) *accountSuggestion {
	s := &accountSuggestion{p: p, i: i, a: a, bg: canvas.NewRectangle(color.Transparent)}
	s.label = widget.NewLabel(a.Code + "   " + a.Label)
	s.label.Truncation = fyne.TextTruncateEllipsis
	s.ExtendBaseWidget(s)
	return s
}

func (s *accountSuggestion) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(s.bg, s.label))
}

func (s *accountSuggestion) setOn(on bool) {
	var fill color.Color = color.Transparent
	s.label.TextStyle.Bold = on
	if on {
		fill = color.NRGBA{0x1F, 0x4E, 0x8C, 0x33}
	}
	s.bg.FillColor = fill
	s.bg.Refresh()
	s.label.Refresh()
}

func (s *accountSuggestion) Tapped(*fyne.PointEvent) {
	s.p.sel = s.i
	s.p.pick(s.a)
}

func (s *accountSuggestion) MouseIn(*desktop.MouseEvent) {
	s.p.sel = s.i
	s.p.highlight()
}

func (s *accountSuggestion) MouseMoved(*desktop.MouseEvent) {}
func (s *accountSuggestion) MouseOut()                      {}
func (s *accountSuggestion) FocusGained()                   {}
func (s *accountSuggestion) FocusLost()                     {}
func (s *accountSuggestion) TypedRune(rune)                 {}
func (s *accountSuggestion) TypedKey(*fyne.KeyEvent)        {}
func (s *accountSuggestion) Enable()                        {}
func (s *accountSuggestion) Disable()                       {}
func (s *accountSuggestion) Disabled() bool                 { return true }
