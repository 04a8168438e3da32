package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// Pair shows two panes (two tables of a detail) side by side, halves of the
// width, when both fit; on a narrow window (a 1024-px laptop, large text)
// one above the other instead, rather than asking the window for the width
// of both.
func Pair(a, b fyne.CanvasObject) *fyne.Container {
	return container.New(&pairLayout{}, a, b)
}

type pairLayout struct{}

func (pairLayout) fits(objs []fyne.CanvasObject, w float32) bool {
	half := (w - theme.Padding()) / 2
	return objs[0].MinSize().Width <= half && objs[1].MinSize().Width <= half
}

func (l pairLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	if l.fits(objs, size.Width) {
		half := (size.Width - pad) / 2
		objs[0].Move(fyne.NewPos(0, 0))
		objs[0].Resize(fyne.NewSize(half, size.Height))
		objs[1].Move(fyne.NewPos(half+pad, 0))
		objs[1].Resize(fyne.NewSize(size.Width-half-pad, size.Height))
		return
	}
	half := (size.Height - pad) / 2
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, half))
	objs[1].Move(fyne.NewPos(0, half+pad))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-half-pad))
}

// MinSize asks for the wider pane's width only: the panes stack when the
// window is narrower than both side by side.
func (pairLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), max(a.Height, b.Height))
}
