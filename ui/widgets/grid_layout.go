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

// widths are the columns' widths in a line of width total: when there is
// not enough room, every column gives way in proportion, down to narrowest
// of its width (as a Table's do), so that a small screen still shows them
// all.
func (l *GridLayout) widths(total float32) []float32 {
	room := total - l.fixed()
	sum := float32(0)
	for _, c := range l.Cols {
		sum += c.Width
	}
	free, share := room-sum, float32(1)
	if free < 0 && sum > 0 {
		share = max(narrowest, room/sum)
	}
	out := make([]float32, len(l.Cols))
	for i, c := range l.Cols {
		out[i] = float32(int(c.Width * share))
		if c.Stretch && free > 0 {
			out[i] += free
		}
	}
	return out
}

// fixed is the width of a line that is not its columns': paddings and the
// scroll bar.
func (l *GridLayout) fixed() float32 {
	return theme.ScrollBarSize() + theme.Padding()*float32(len(l.Cols)+1)
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

// MinSize is the columns' narrowest widths with the scroll bar's, and the
// tallest cell's height.
func (l *GridLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := l.fixed(), float32(0)
	for i, o := range objs {
		if i < len(l.Cols) {
			w += float32(int(l.Cols[i].Width * narrowest))
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}
