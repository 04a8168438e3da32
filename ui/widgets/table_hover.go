package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A cell too narrow for its text ends in « … »: a company's or an estate's
// name, a long label. Hovering it shows the whole text in a small bubble
// beside the pointer (issue 16: no text may widen the window, and none may
// be lost either). Fyne 2.7 has no tooltips, so the table watches the
// pointer itself and finds the cell under it among the cells it made.

// HoverTable is Fyne's table with the bubble.
type HoverTable struct {
	widget.Table
	cells []*fyne.Container // every cell the table made (Fyne reuses them)
	// Fyne keeps cells it no longer shows: a cell counts only while it is
	// the last one filled for its place.
	idOf map[*fyne.Container]widget.TableCellID
	atID map[widget.TableCellID]*fyne.Container
	tip  *widget.PopUp
	over *fyne.Container // the cell the bubble is about
}

func newHoverTable(length func() (int, int), update func(widget.TableCellID, fyne.CanvasObject), cell func() *fyne.Container) *HoverTable {
	t := &HoverTable{idOf: map[*fyne.Container]widget.TableCellID{}, atID: map[widget.TableCellID]*fyne.Container{}}
	t.Length = length
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok {
			t.idOf[c] = id
			t.atID[id] = c
		}
		update(id, o)
	}
	t.CreateCell = func() fyne.CanvasObject {
		c := cell()
		t.cells = append(t.cells, c)
		return c
	}
	t.ExtendBaseWidget(t)
	return t
}

func (t *HoverTable) MouseMoved(ev *desktop.MouseEvent) {
	t.Table.MouseMoved(ev)
	t.hover(ev.AbsolutePosition)
}

func (t *HoverTable) MouseOut() {
	t.Table.MouseOut()
	t.hideTip()
}

// hover shows the bubble for the cell at the absolute position p when its
// text is cut, and hides it elsewhere.
func (t *HoverTable) hover(p fyne.Position) {
	c := t.cellAt(p)
	if c == t.over {
		return
	}
	t.hideTip()
	if c == nil {
		return
	}
	l, ok := c.Objects[len(c.Objects)-1].(*widget.Label)
	if !ok || !Truncated(l, c.Size().Width) {
		return
	}
	canvas := fyne.CurrentApp().Driver().CanvasForObject(t)
	if canvas == nil {
		return
	}
	text := widget.NewLabel(l.Text)
	text.Wrapping = fyne.TextWrapWord
	width := min(420, fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width+2*theme.InnerPadding()+1)
	t.tip = widget.NewPopUp(container.New(&FixedWidth{Width: width}, text), canvas)
	// Beside the pointer, not under it: the bubble would take the hover.
	t.tip.ShowAtPosition(p.Add(fyne.NewPos(14, 18)))
	t.over = c
}

func (t *HoverTable) hideTip() {
	if t.tip != nil {
		t.tip.Hide()
		t.tip = nil
	}
	t.over = nil
}

// TipText is the text of the bubble shown, "" when none (for tests).
func (t *HoverTable) TipText() string {
	if t.tip == nil {
		return ""
	}
	return t.tip.Content.(*fyne.Container).Objects[0].(*widget.Label).Text
}

func (t *HoverTable) cellAt(p fyne.Position) *fyne.Container {
	d := fyne.CurrentApp().Driver()
	for _, c := range t.cells {
		if id, ok := t.idOf[c]; !ok || t.atID[id] != c || !c.Visible() {
			continue
		}
		at, size := d.AbsolutePositionForObject(c), c.Size()
		if p.X >= at.X && p.X < at.X+size.Width && p.Y >= at.Y && p.Y < at.Y+size.Height {
			return c
		}
	}
	return nil
}

// Truncated says whether a single-line label shows its text cut in a
// width: what it needs whole is more than it has.
func Truncated(l *widget.Label, width float32) bool {
	if l.Text == "" {
		return false
	}
	return fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width+2*theme.InnerPadding() > width+0.5
}
