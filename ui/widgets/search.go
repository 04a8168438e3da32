package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// SearchBox is the search field above a list: Enter opens the first row
// found, Escape empties it.
func SearchBox(placeholder string, onSearch func(string), enter func()) *Field {
	f := NewField("", placeholder)
	f.OnChanged = onSearch
	f.SetKeys(&FormKeys{Enter: enter, Escape: func() { f.SetText("") }})
	return f
}

// ListTools is the line above a list: the search on the left, actions on the
// right, options in between.
func ListTools(search *Field, actions fyne.CanvasObject, options ...fyne.CanvasObject) fyne.CanvasObject {
	// A Bar: on a small screen the options and actions go under the search.
	return Bar(container.NewHBox(widget.NewLabel("Rechercher :"), container.New(&FixedWidth{Width: 300}, search)),
		append(options, actions)...)
}
