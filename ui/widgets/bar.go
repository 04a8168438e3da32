package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Bar is a line with something on the left (a title, a search) and actions
// on the right. When they do not fit side by side (a small screen, large
// text, a long name), the actions go under it, right-aligned, on as many
// lines as they need: a button is never pushed out of the window, and the
// window never widened.
//
// Put it where its width is given (a Border's top, a VBox): like wrapped
// text, its height depends on its width.
func Bar(lead fyne.CanvasObject, actions ...fyne.CanvasObject) *fyne.Container {
	return container.New(&barLayout{}, append([]fyne.CanvasObject{lead}, actions...)...)
}

// Line is a Bar whose actions follow the lead on its left, and go under it
// from the left: a label and its choices.
func Line(lead fyne.CanvasObject, rest ...fyne.CanvasObject) *fyne.Container {
	return container.New(&barLayout{leading: true}, append([]fyne.CanvasObject{lead}, rest...)...)
}

type barLayout struct {
	width   float32 // the width last laid out at
	leading bool    // the actions follow the lead (Line), not at the right
}

// leadShare is the least part of the width a wrapping label keeps beside
// the actions, so that a long name is not squeezed to a word per line.
const leadShare = 0.4

func (l *barLayout) actions(objs []fyne.CanvasObject) (out []fyne.CanvasObject, width, height float32) {
	pad := theme.Padding()
	for _, o := range objs[1:] {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if len(out) > 0 {
			width += pad
		}
		width += m.Width
		height = max(height, m.Height)
		out = append(out, o)
	}
	return out, width, height
}

// sideBySide says whether the lead and the actions fit on one line of width w.
func (l *barLayout) sideBySide(objs []fyne.CanvasObject, w float32) bool {
	acts, aw, _ := l.actions(objs)
	if len(acts) == 0 {
		return true
	}
	need := objs[0].MinSize().Width
	if l, ok := objs[0].(*widget.Label); ok && l.Wrapping != fyne.TextWrapOff {
		need = max(need, leadShare*w) // a wrapping title would take any room
	}
	return w-aw-theme.Padding() >= need
}

// lines cuts the actions into lines of width w at most.
func (l *barLayout) lines(acts []fyne.CanvasObject, w float32) [][]fyne.CanvasObject {
	pad := theme.Padding()
	var out [][]fyne.CanvasObject
	var line []fyne.CanvasObject
	used := float32(0)
	for _, o := range acts {
		ow := o.MinSize().Width
		if len(line) > 0 && used+pad+ow > w {
			out = append(out, line)
			line, used = nil, 0
		}
		if len(line) > 0 {
			used += pad
		}
		line = append(line, o)
		used += ow
	}
	if len(line) > 0 {
		out = append(out, line)
	}
	return out
}

func lineSize(line []fyne.CanvasObject) (w, h float32) {
	for i, o := range line {
		m := o.MinSize()
		if i > 0 {
			w += theme.Padding()
		}
		w += m.Width
		h = max(h, m.Height)
	}
	return w, h
}

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	lead := objs[0]
	acts, aw, ah := l.actions(objs)
	pad := theme.Padding()
	if l.sideBySide(objs, size.Width) {
		lead.Move(fyne.NewPos(0, 0))
		lw := max(0, size.Width-aw-pad)
		if l.leading {
			lw = lead.MinSize().Width
		}
		lead.Resize(fyne.NewSize(lw, size.Height))
		x := size.Width - aw
		if l.leading {
			x = lw + pad
		}
		for _, o := range acts {
			m := o.MinSize()
			o.Move(fyne.NewPos(x, (size.Height-ah)/2))
			o.Resize(fyne.NewSize(m.Width, ah))
			x += m.Width + pad
		}
		return
	}
	lead.Move(fyne.NewPos(0, 0))
	lead.Resize(fyne.NewSize(size.Width, lead.MinSize().Height))
	lead.Resize(fyne.NewSize(size.Width, lead.MinSize().Height)) // wrapped text knows its height once sized
	y := lead.MinSize().Height + pad
	for _, line := range l.lines(acts, size.Width) {
		lw, lh := lineSize(line)
		x := max(0, size.Width-lw)
		if l.leading {
			x = 0
		}
		for _, o := range line {
			m := o.MinSize()
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(min(m.Width, size.Width), lh))
			x += m.Width + pad
		}
		y += lh + pad
	}
}

func (l *barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	lead := objs[0].MinSize()
	acts, _, ah := l.actions(objs)
	w := lead.Width
	for _, o := range acts {
		w = max(w, o.MinSize().Width)
	}
	if l.width == 0 || l.sideBySide(objs, l.width) {
		return fyne.NewSize(w, max(lead.Height, ah))
	}
	h := lead.Height
	for _, line := range l.lines(acts, l.width) {
		_, lh := lineSize(line)
		h += theme.Padding() + lh
	}
	return fyne.NewSize(w, h)
}
