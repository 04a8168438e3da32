package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// listScreen is what the Copropriétaires, Lots and Fournisseurs screens
// share: a title with a summary of the list, a search whose Enter opens the
// first record found, a "Nouveau…" button, the table of the records read
// at the day of the situation, and a record's card shown in the list's
// place when one is opened. Each screen embeds one and keeps its own card.
type listScreen[T any] struct {
	s       *Shell
	at      time.Time // the day the records are read at
	table   *widgets.Table[T]
	search  *widgets.Field
	add     *widget.Button
	summary *widget.Label
	tools   *tableTools // Colonnes…, Exporter (Excel), Imprimer
	list    fyne.CanvasObject
	root    *fyne.Container
}

// build makes the search (hint its placeholder), the add button (addText,
// create), the summary and the list tools (title names the list in its
// files) around table; open opens a record's card. It returns the table's
// view, for layout.
func (l *listScreen[T]) build(s *Shell, table *widgets.Table[T], title, hint, addText string, open func(T), create func()) fyne.CanvasObject {
	l.s, l.table = s, table
	view := table.Build()
	l.tools = s.newTableTools(fr.FileName(title), title, table, func() string { return "au " + ledger.FrenchDate(l.at) })
	l.search = widgets.SearchBox(hint, table.Search, func() {
		if rows := table.Rows(); len(rows) > 0 {
			open(rows[0])
		}
	})
	l.add = widget.NewButtonWithIcon(addText, theme.ContentAddIcon(), create)
	l.add.Importance = widget.HighImportance
	l.summary = widget.NewLabel("")
	return view
}

// standardTop is the title with the summary on its right, and the search
// line with the add button.
func (l *listScreen[T]) standardTop(title string) fyne.CanvasObject {
	return container.NewVBox(widgets.Bar(widgets.Heading(title), l.summary), widgets.ListTools(l.search, l.add))
}

// layout puts top above the table's view and shows the list.
func (l *listScreen[T]) layout(top, tableView fyne.CanvasObject) {
	// Room for several rows at least: in a window too low (large text on a
	// small screen), the whole screen scrolls in the window instead of
	// leaving the list two rows.
	l.list = container.NewBorder(top, l.tools.buttons(), nil, nil, widgets.Reserve(tableView, 14))
	l.root = container.NewStack(l.list)
}

func (l *listScreen[T]) view() fyne.CanvasObject { return l.root }

// load reads the records at the day of the situation into the table, and
// says whether it could; the add button follows the residence's lock.
func (l *listScreen[T]) load(read func(at time.Time) ([]T, error)) ([]T, bool) {
	l.at = l.s.situation()
	list, err := read(l.at)
	if err != nil {
		l.s.showError(err)
		return nil, false
	}
	l.table.SetRows(list)
	widgets.SetEnabled(l.add, !l.s.readOnly())
	return list, true
}

// showCard shows a record's card in place of the list.
func (l *listScreen[T]) showCard(card fyne.CanvasObject) {
	l.s.win.Canvas().Unfocus() // Escape now goes back to the list
	l.root.Objects = []fyne.CanvasObject{card}
	l.root.Refresh()
}

// showList shows the list again.
func (l *listScreen[T]) showList() {
	l.root.Objects = []fyne.CanvasObject{l.list}
	l.root.Refresh()
}
