package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"tantieme/ui/widgets"
)

// Widgets of the import assistant: the choice of what the file holds (a
// radio button with a sentence under its title), the preview table and the
// lines of the problem list. Those that take the keyboard pass Enter and
// Escape to the assistant, which Fyne would otherwise give to them alone.

// choiceOption is one choice of a group of radio buttons drawn as a card: a
// bold title and a sentence saying what it means. Up and Down move the
// choice, Space takes it, Enter and Escape go to the dialog.
type choiceOption struct {
	widget.BaseWidget
	group   *[]*choiceOption
	keys    *widgets.FormKeys
	picked  func(o *choiceOption)
	on      bool
	focused bool
	hovered bool

	icon  *widget.Icon
	title *widget.Label
	text  *widget.Label
	bg    *canvas.Rectangle
}

func newChoiceOption(group *[]*choiceOption, title, text string, picked func(*choiceOption)) *choiceOption {
	o := &choiceOption{group: group, picked: picked}
	o.icon = widget.NewIcon(theme.RadioButtonIcon())
	o.title = widget.NewLabel(title)
	o.title.TextStyle.Bold = true
	o.text = widget.NewLabel(text)
	o.text.Wrapping = fyne.TextWrapWord
	o.bg = canvas.NewRectangle(color.Transparent)
	o.bg.CornerRadius = 4
	o.bg.StrokeWidth = 2
	o.ExtendBaseWidget(o)
	*group = append(*group, o)
	return o
}

func (o *choiceOption) CreateRenderer() fyne.WidgetRenderer {
	// The icon beside the title (a Border centres it on the title's line),
	// the sentence under the title; tight spacing keeps the five choices
	// of the assistant on one screen.
	head := container.NewBorder(nil, nil, o.icon, nil, o.title)
	indent := canvas.NewRectangle(color.Transparent)
	indent.SetMinSize(fyne.NewSize(theme.Size(theme.SizeNameInlineIcon)+theme.Padding(), 0))
	body := container.NewBorder(nil, nil, indent, nil, o.text)
	content := container.NewPadded(container.New(&tightStack{}, head, body))
	return widget.NewSimpleRenderer(container.NewStack(o.bg, content))
}

// setOn shows whether the option is the one chosen.
func (o *choiceOption) setOn(on bool) {
	o.on = on
	if on {
		o.icon.SetResource(theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon()))
	} else {
		o.icon.SetResource(theme.RadioButtonIcon())
	}
	o.paint()
}

func (o *choiceOption) paint() {
	var fill, stroke color.Color = color.Transparent, color.Transparent
	switch {
	case o.on:
		fill = infoTint
	case o.hovered:
		fill = theme.Color(theme.ColorNameHover)
	}
	if o.focused {
		stroke = theme.Color(theme.ColorNameFocus)
	}
	o.bg.FillColor, o.bg.StrokeColor = fill, stroke
	o.bg.Refresh()
}

func (o *choiceOption) choose() {
	for _, x := range *o.group {
		x.setOn(x == o)
	}
	if o.picked != nil {
		o.picked(o)
	}
}

func (o *choiceOption) Tapped(*fyne.PointEvent) {
	o.choose()
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		c.Focus(o)
	}
}

func (o *choiceOption) FocusGained() {
	o.focused = true
	o.paint()
}

func (o *choiceOption) FocusLost() {
	o.focused = false
	o.paint()
}

func (o *choiceOption) TypedRune(r rune) {
	if r == ' ' {
		o.choose()
	}
}

// TypedKey moves the choice with the arrows, as radio buttons do.
func (o *choiceOption) TypedKey(ev *fyne.KeyEvent) {
	group := *o.group
	i := 0
	for j, x := range group {
		if x == o {
			i = j
		}
	}
	next := -1
	switch ev.Name {
	case fyne.KeyDown:
		next = i + 1
	case fyne.KeyUp:
		next = i - 1
	case fyne.KeySpace:
		o.choose()
		return
	default:
		o.keys.Handle(ev, true)
		return
	}
	if next < 0 || next >= len(group) {
		return
	}
	group[next].choose()
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		c.Focus(group[next])
	}
}

func (o *choiceOption) MouseIn(*desktop.MouseEvent) {
	o.hovered = true
	o.paint()
}

func (o *choiceOption) MouseMoved(*desktop.MouseEvent) {}

func (o *choiceOption) MouseOut() {
	o.hovered = false
	o.paint()
}

func (o *choiceOption) Cursor() desktop.Cursor { return desktop.PointerCursor }

// tightStack stacks objects with half the usual padding between them.
type tightStack struct{}

func (tightStack) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	gap := -theme.Padding()
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + gap
	}
}

func (tightStack) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
		n++
	}
	if n > 1 {
		h -= theme.Padding() * float32(n-1)
	}
	return fyne.NewSize(w, h)
}

// keyTable is a table that passes Enter and Escape to its dialog.
type keyTable struct {
	widget.Table
	keys *widgets.FormKeys
}

func (t *keyTable) TypedKey(ev *fyne.KeyEvent) {
	if !t.keys.Handle(ev, true) {
		t.Table.TypedKey(ev)
	}
}

// tableCell is a cell of the preview: a tint, an optional icon and a label.
func newPreviewCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	icon := widget.NewIcon(nil)
	icon.Hide()
	return container.NewStack(canvas.NewRectangle(color.Transparent), container.NewBorder(nil, nil, icon, nil, l))
}

// setPreviewCell fills a cell made by newPreviewCell.
func setPreviewCell(o fyne.CanvasObject, text string, ink widget.Importance, icon fyne.Resource, fill color.Color, align fyne.TextAlign) {
	stack := o.(*fyne.Container)
	bg := stack.Objects[0].(*canvas.Rectangle)
	row := stack.Objects[1].(*fyne.Container)
	l, ic := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Icon)
	if fill == nil {
		fill = color.Transparent
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	if icon == nil {
		ic.Hide()
	} else {
		ic.SetResource(icon)
		ic.Show()
	}
	l.Importance = ink
	l.Alignment = align
	l.SetText(text)
}

// tapLine is a line of text with an icon that does something when clicked:
// a problem of the preview, which shows its row.
type tapLine struct {
	widget.BaseWidget
	label  *widget.Label
	icon   *widget.Icon
	bg     *canvas.Rectangle
	tapped func()
}

func newTapLine(icon fyne.Resource, text string, ink widget.Importance, tapped func()) *tapLine {
	t := &tapLine{label: widget.NewLabel(text), icon: widget.NewIcon(icon), bg: canvas.NewRectangle(color.Transparent), tapped: tapped}
	t.label.Wrapping = fyne.TextWrapWord
	t.label.Importance = ink
	t.ExtendBaseWidget(t)
	return t
}

func (t *tapLine) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(t.bg,
		container.NewBorder(nil, nil, container.NewVBox(container.NewPadded(t.icon)), nil, t.label)))
}

func (t *tapLine) Tapped(*fyne.PointEvent) {
	if t.tapped != nil {
		t.tapped()
	}
}

func (t *tapLine) MouseIn(*desktop.MouseEvent) {
	if t.tapped != nil {
		t.bg.FillColor = theme.Color(theme.ColorNameHover)
		t.bg.Refresh()
	}
}

func (t *tapLine) MouseMoved(*desktop.MouseEvent) {}

func (t *tapLine) MouseOut() {
	t.bg.FillColor = color.Transparent
	t.bg.Refresh()
}

func (t *tapLine) Cursor() desktop.Cursor {
	if t.tapped == nil {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// sizedAtLeast gives its content a least size: the assistant keeps the same
// size from one step to the next, large enough for the preview.
type sizedAtLeast struct{ size fyne.Size }

func (l *sizedAtLeast) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *sizedAtLeast) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := l.size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
