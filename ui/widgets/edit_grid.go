package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ColorNameAttentionTint is the theme's name for the light red behind a
// line that needs attention (a value that does not read). The program's
// theme answers it; Fyne's own has no such colour.
const ColorNameAttentionTint fyne.ThemeColorName = "tantieme.attentionTint"

// EditGrid is a grid of values typed in place, like a spreadsheet column:
// a header above lines of read-only cells around one entry each, a totals
// row below, and a sentence in the middle when there is no line. The lines
// are the screen's: it makes each entry with NewCell, lays the line out
// with Line and adds it to Body, and follows the typing with the entry's
// OnEdit (totals, problems). A value is saved when the cursor leaves its
// cell (Tab, Enter, the arrows, a click elsewhere), so nothing typed is
// lost by changing screen; Escape puts back the saved value; a value that
// does not read stays in its cell, on red.
type EditGrid[V any] struct {
	Cols   []GridColumn
	Parse  func(text string) (V, error)
	Format func(V) string // as the entries show a value
	Equal  func(a, b V) bool
	Focus  func(fyne.Focusable) // puts the cursor in an entry

	Body    *fyne.Container // the lines, scrolling between the header and the totals
	Footer  []*widget.Label // the totals row, a label per column
	Message *widget.Label   // said over the lines when there is none

	layout *GridLayout
	scroll *container.Scroll
	cells  []*EditCell[V] // every entry, in the order made
	order  []*EditCell[V] // the entries the arrows go through
}

// Build makes the grid around heads, the header's cells (a title or a
// sort button per column); empty is said while no line is shown.
func (g *EditGrid[V]) Build(heads []fyne.CanvasObject, empty string) fyne.CanvasObject {
	g.layout = &GridLayout{Cols: g.Cols}
	head := g.Band(theme.Color(theme.ColorNameHeaderBackground), heads...)
	g.Body = container.NewVBox()
	g.scroll = container.NewVScroll(g.Body)
	cells := make([]fyne.CanvasObject, len(g.Cols))
	g.Footer = make([]*widget.Label, len(g.Cols))
	for i, c := range g.Cols {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		l.Alignment = c.Align
		l.Truncation = fyne.TextTruncateEllipsis
		g.Footer[i], cells[i] = l, l
	}
	footer := g.Band(theme.Color(theme.ColorNameHeaderBackground), cells...)
	g.Message = widget.NewLabel(empty)
	g.Message.Alignment = fyne.TextAlignCenter
	g.Message.Wrapping = fyne.TextWrapWord
	g.Message.Hide()
	return container.NewBorder(head, footer, nil, nil, container.NewStack(g.scroll, container.NewVBox(container.NewPadded(g.Message))))
}

// TitleCells are the columns' titles as the header's cells, in bold.
func (g *EditGrid[V]) TitleCells() []fyne.CanvasObject {
	heads := make([]fyne.CanvasObject, len(g.Cols))
	for i, c := range g.Cols {
		l := widget.NewLabel(c.Title)
		l.TextStyle.Bold = true
		l.Alignment = c.Align
		l.Truncation = fyne.TextTruncateEllipsis
		heads[i] = l
	}
	return heads
}

// Band lays cells out at the columns over a tinted background: the
// header, the totals, or a line of subtotals.
func (g *EditGrid[V]) Band(tint color.Color, cells ...fyne.CanvasObject) *fyne.Container {
	return container.NewStack(canvas.NewRectangle(tint), container.New(g.layout, cells...))
}

// NewCell makes the entry of a line, showing stored; a read-only one is
// disabled.
func (g *EditGrid[V]) NewCell(stored V, readOnly bool) *EditCell[V] {
	c := &EditCell[V]{g: g, Stored: stored, bg: canvas.NewRectangle(color.Transparent)}
	c.Wrapping = fyne.TextWrapOff
	c.ExtendBaseWidget(c)
	c.SetText(g.Format(stored))
	if readOnly {
		c.Disable()
	}
	c.OnChanged = func(string) { g.edited(c) }
	g.cells = append(g.cells, c)
	g.order = append(g.order, c)
	return c
}

// Line lays out the cells of c's line at the columns, over the background
// that turns red when c's text does not read.
func (g *EditGrid[V]) Line(c *EditCell[V], cells ...fyne.CanvasObject) *fyne.Container {
	line := container.NewStack(c.bg, container.New(g.layout, cells...))
	c.line = line
	return line
}

// SetOrder gives the entries the arrows go through, as the lines are shown
// (sorted, filtered); by default, the order they were made in.
func (g *EditGrid[V]) SetOrder(cells []*EditCell[V]) { g.order = cells }

// CommitAll saves what is still typed before the grid is read again.
func (g *EditGrid[V]) CommitAll() {
	for _, c := range g.cells {
		g.commit(c)
	}
}

// edited follows what is typed: the line's tint, then the screen.
func (g *EditGrid[V]) edited(c *EditCell[V]) {
	_, c.Err = g.Parse(c.Text)
	c.paint()
	if c.OnEdit != nil {
		c.OnEdit()
	}
}

// commit saves an entry whose value was changed; an unreadable value stays
// in its cell, on red, with the reason said by the screen.
func (g *EditGrid[V]) commit(c *EditCell[V]) {
	if c.Disabled() || !c.Modified() {
		return
	}
	v, err := g.Parse(c.Text)
	c.Err = err
	if err == nil && c.Save != nil {
		if err = c.Save(v); err == nil {
			c.Stored = v
			c.SetText(g.Format(v)) // written the French way
		}
		c.Err = err
	}
	c.paint()
	if c.OnEdit != nil {
		c.OnEdit()
	}
}

// revert puts back the saved value of an entry.
func (g *EditGrid[V]) revert(c *EditCell[V]) {
	c.SetText(g.Format(c.Stored))
	c.Err = nil
	g.edited(c)
}

// move puts the cursor in the entry step lines away, and scrolls to it.
func (g *EditGrid[V]) move(c *EditCell[V], step int) {
	for i, x := range g.order {
		if x == c {
			j := i + step
			if j >= 0 && j < len(g.order) {
				g.Reveal(g.order[j])
				if g.Focus != nil {
					g.Focus(g.order[j])
				}
			}
			return
		}
	}
}

// Reveal scrolls the grid so that an entry's line is in sight.
func (g *EditGrid[V]) Reveal(c *EditCell[V]) {
	if c.line == nil || g.scroll == nil {
		return
	}
	top, h := c.line.Position().Y, c.line.Size().Height
	view := g.scroll.Size().Height
	switch {
	case top < g.scroll.Offset.Y:
		g.scroll.ScrollToOffset(fyne.NewPos(0, top))
	case top+h > g.scroll.Offset.Y+view:
		g.scroll.ScrollToOffset(fyne.NewPos(0, top+h-view))
	}
}

// EditCell is the entry of a line of an EditGrid.
type EditCell[V any] struct {
	widget.Entry
	Stored V             // as saved in the books
	Err    error         // what is wrong with the text typed, nil when it reads
	Save   func(V) error // saves a changed value; nil: nothing is saved
	OnEdit func()        // after each change: typed, saved or put back

	g    *EditGrid[V]
	bg   *canvas.Rectangle
	line fyne.CanvasObject
}

// Value is what the line counts for: what is typed when it reads, else
// what is saved.
func (c *EditCell[V]) Value() V {
	if v, err := c.g.Parse(c.Text); err == nil {
		return v
	}
	return c.Stored
}

// Modified says whether the text typed is not the value saved.
func (c *EditCell[V]) Modified() bool {
	v, err := c.g.Parse(c.Text)
	return err != nil || !c.g.Equal(v, c.Stored)
}

func (c *EditCell[V]) paint() {
	var fill color.Color = color.Transparent
	if c.Err != nil {
		fill = theme.Color(ColorNameAttentionTint)
	}
	if c.bg.FillColor != fill {
		c.bg.FillColor = fill
		c.bg.Refresh()
	}
}

// TypedKey saves and moves down on Enter or ↓, up on ↑; Escape puts back
// the saved value.
func (c *EditCell[V]) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyDown:
		c.g.commit(c)
		c.g.move(c, 1)
	case fyne.KeyUp:
		c.g.commit(c)
		c.g.move(c, -1)
	case fyne.KeyEscape:
		c.g.revert(c)
	default:
		c.Entry.TypedKey(ev)
	}
}

// FocusGained scrolls the line into sight (Tab too may bring the cursor).
func (c *EditCell[V]) FocusGained() {
	c.Entry.FocusGained()
	c.g.Reveal(c)
}

// FocusLost saves what was typed.
func (c *EditCell[V]) FocusLost() {
	c.Entry.FocusLost()
	c.g.commit(c)
}
