package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShrinkCheck holds a check whose label is cut with an ellipsis to the
// width it is given: a long line of a list (a cheque with its drawer and
// bank) never widens the window past a small screen, and shows whole
// where there is room. A widget.Check's least width is its whole label.
func ShrinkCheck(c *widget.Check) *fyne.Container {
	return container.New(&shrinkCheck{check: c, full: c.Text}, c)
}

// shrinkCheckLeast is the least width of the label: the date and the
// start of the line stay readable.
const shrinkCheckLeast = 160

type shrinkCheck struct {
	check *widget.Check
	full  string
}

// box is the width of the check without its label.
func (l *shrinkCheck) box() float32 {
	return widget.NewCheck("", nil).MinSize().Width + theme.InnerPadding()
}

func (l *shrinkCheck) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	text := Shorten(l.full, size.Width-l.box(), fyne.TextStyle{})
	if text != l.check.Text {
		l.check.Text = text
		l.check.Refresh()
	}
	l.check.Move(fyne.NewPos(0, 0))
	l.check.Resize(size)
}

func (l *shrinkCheck) MinSize([]fyne.CanvasObject) fyne.Size {
	full := fyne.MeasureText(l.full, theme.TextSize(), fyne.TextStyle{}).Width
	return fyne.NewSize(l.box()+min(full, shrinkCheckLeast), l.check.MinSize().Height)
}
