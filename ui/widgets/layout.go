package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// FixedWidth gives its content a fixed least width.
type FixedWidth struct{ Width float32 }

// Layout gives every object the whole size.
func (l *FixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the width, and the tallest object's height.
func (l *FixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.Width, h)
}

// Columns lays a row out in columns of fixed widths; the Stretch column
// also takes what the others leave. A header and the lines under it share
// one, so that they line up.
type Columns struct {
	Widths  []float32
	Stretch int
}

// Layout puts each object in its column, centred in the row's height.
func (l *Columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	free := size.Width - pad*float32(len(l.Widths)-1)
	for _, w := range l.Widths {
		free -= w
	}
	x := float32(0)
	for i, o := range objs {
		if i >= len(l.Widths) {
			break
		}
		w := l.Widths[i]
		if i == l.Stretch && free > 0 {
			w += free
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
		x += w + pad
	}
}

// MinSize is the columns' widths, and the tallest object's height.
func (l *Columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := theme.Padding() * float32(len(l.Widths)-1)
	for _, x := range l.Widths {
		w += x
	}
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}
