package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Heading is a screen's title.
func Heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameHeadingText
	l.TextStyle.Bold = true
	return l
}

// Title is a heading that names a record (an owner, a lot, a supplier):
// a long name wraps onto more lines, whole, instead of widening the window
// (« Société Civile Immobilière des Héritiers de … » pushed the card's
// buttons off a 1920-px screen). Put it where its width is given (a
// Border's centre, a VBox), never in an HBox.
func Title(text string) *widget.Label {
	l := Heading(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Note is a line of explanation under a title.
func Note(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Banner is a tinted strip across the window with a sentence and actions.
func Banner(tint color.Color, icon fyne.Resource, text string, actions ...fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle.Bold = true
	var left fyne.CanvasObject
	if icon != nil {
		left = container.NewCenter(widget.NewIcon(icon))
	}
	right := container.NewHBox(actions...)
	return container.NewStack(canvas.NewRectangle(tint), container.NewPadded(container.NewBorder(nil, nil, left, right, l)))
}

// Tinted puts a coloured background behind o.
func Tinted(tint color.Color, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(canvas.NewRectangle(tint), container.NewPadded(o))
}

// SetEnabled enables or disables w.
func SetEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// Shorten cuts text to width with an ellipsis, at the theme's text size in
// style; text that fits is given back as it is.
func Shorten(text string, width float32, style fyne.TextStyle) string {
	size := theme.TextSize()
	if width <= 0 || fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	r := []rune(text)
	for len(r) > 1 && fyne.MeasureText(string(r)+"…", size, style).Width > width {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}
