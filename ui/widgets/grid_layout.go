package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// GridColumn is a column of an EditGrid: its title, its least width (the
// stretch column also takes what is left) and its alignment.
type GridColumn struct {
	Title   string
	Width   float32
	Stretch bool
	Align   fyne.TextAlign
}

// GridLayout puts the cells of a line at the grid's column positions: fixed
// widths, the stretch column taking what is left, room kept for the scroll
// bar so that the header, the lines and the totals stay aligned.
type GridLayout struct {
	Cols []GridColumn
}

func (l *GridLayout) widths(total float32) []float32 {
	pad := theme.Padding()
	free := total - theme.ScrollBarSize() - pad*float32(len(l.Cols)+1)
	for _, c := range l.Cols {
		free -= c.Width
	}
	out := make([]float32, len(l.Cols))
	for i, c := range l.Cols {
		out[i] = c.Width
		if c.Stretch && free > 0 {
			out[i] += free
		}
	}
	return out
}

// Layout puts each cell in its column, centred in the line's height.
func (l *GridLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := theme.Padding()
	for i, w := range l.widths(size.Width) {
		if i >= len(objs) {
			return
		}
		h := objs[i].MinSize().Height
		if h > size.Height {
			h = size.Height
		}
		objs[i].Move(fyne.NewPos(x, (size.Height-h)/2))
		objs[i].Resize(fyne.NewSize(w, h))
		x += w + theme.Padding()
	}
}

// MinSize is the columns' widths with the scroll bar's, and the tallest
// cell's height.
func (l *GridLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := theme.ScrollBarSize()+theme.Padding()*float32(len(l.Cols)+1), float32(0)
	for i, o := range objs {
		if i < len(l.Cols) {
			w += l.Cols[i].Width
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}
