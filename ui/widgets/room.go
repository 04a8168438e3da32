package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Reserve keeps room for o at least lines of text high, whether o says
// something or not: an inline message that appears under a form must not
// move the fields above it (a dialog is centred in the window, so a taller
// dialog moves all of its fields under the mouse).
func Reserve(o fyne.CanvasObject, lines int) *fyne.Container {
	return container.New(&reserveLayout{lines: lines}, o)
}

type reserveLayout struct{ lines int }

func (l *reserveLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *reserveLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := TextHeight(l.lines)
	w := float32(0)
	for _, o := range objs {
		if o.Visible() {
			m := o.MinSize()
			w, h = max(w, m.Width), max(h, m.Height)
		}
	}
	return fyne.NewSize(w, h)
}

// TextHeight is the height of a label of n lines in the current theme (the
// text size chosen in Paramètres included).
func TextHeight(n int) float32 {
	if n <= 0 {
		return 0
	}
	text := "0"
	for i := 1; i < n; i++ {
		text += "\n0"
	}
	return widget.NewLabel(text).MinSize().Height
}

// CappedScroll shows content as it is while it fits in maxHeight, and
// scrolls it beyond (maxHeight < 0: not known yet, no limit): a dialog whose content grows (an invoice with several
// keys, large text on a small screen) keeps its buttons inside the window,
// and the dialogs that fit their height to their least size keep doing so.
func CappedScroll(content fyne.CanvasObject, maxHeight func() float32) fyne.CanvasObject {
	sc := container.NewVScroll(content)
	return container.New(&cappedLayout{content: content, maxHeight: maxHeight}, sc)
}

type cappedLayout struct {
	content   fyne.CanvasObject
	maxHeight func() float32
}

func (l *cappedLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *cappedLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	m := l.content.MinSize()
	if limit := l.maxHeight(); limit >= 0 && m.Height > limit {
		// Never less than a line; the scroll bar sits over the content's
		// right edge: room for it.
		return fyne.NewSize(m.Width+theme.ScrollBarSize(), max(limit, 2*theme.Padding()+TextHeight(1)))
	}
	return m
}
