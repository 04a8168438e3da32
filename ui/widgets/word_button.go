package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// WordButton is a small clickable word (Retirer) that Tab does not stop
// on: the keyboard goes from field to field along the lines of a form.
type WordButton struct {
	widget.BaseWidget
	text   *widget.Label
	icon   *widget.Icon
	bg     *canvas.Rectangle
	tapped func()
}

// NewWordButton is a word with its icon, calling tapped when clicked.
func NewWordButton(text string, icon fyne.Resource, tapped func()) *WordButton {
	b := &WordButton{text: widget.NewLabel(text), icon: widget.NewIcon(icon), bg: canvas.NewRectangle(color.Transparent), tapped: tapped}
	b.text.Importance = widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

// Wrap lets a longer text go onto more lines rather than widen what holds
// it (a dashboard panel sharing a narrow window); call before showing it.
func (b *WordButton) Wrap() *WordButton {
	b.text.Wrapping = fyne.TextWrapWord
	return b
}

// CreateRenderer draws the icon and the word over the hover background.
func (b *WordButton) CreateRenderer() fyne.WidgetRenderer {
	if b.text.Wrapping == fyne.TextWrapWord { // the text takes the width it is given
		return widget.NewSimpleRenderer(container.NewStack(b.bg, container.NewBorder(nil, nil, container.NewCenter(b.icon), nil, b.text)))
	}
	return widget.NewSimpleRenderer(container.NewStack(b.bg, container.NewHBox(b.icon, b.text)))
}

// Tapped runs the action.
func (b *WordButton) Tapped(*fyne.PointEvent) {
	if b.tapped != nil {
		b.tapped()
	}
}

// MouseIn shows the hover background.
func (b *WordButton) MouseIn(*desktop.MouseEvent) {
	b.bg.FillColor = theme.Color(theme.ColorNameHover)
	b.bg.Refresh()
}

// MouseMoved does nothing.
func (b *WordButton) MouseMoved(*desktop.MouseEvent) {}

// MouseOut takes the hover background away.
func (b *WordButton) MouseOut() {
	b.bg.FillColor = color.Transparent
	b.bg.Refresh()
}

// Cursor is the pointing hand.
func (b *WordButton) Cursor() desktop.Cursor { return desktop.PointerCursor }
