package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// chartsScreen is the Graphiques screen (seed 002, « Graphiques »): budget
// against actual per account and per key, the treasury month by month and
// the owners' balances of the exercise shown, drawn with Fyne's canvas
// (widgets.NewBarChart) from the figures app.Charts reads; « Imprimer »
// writes the same charts as a PDF, registered.
type chartsScreen struct {
	s     *Shell
	data  app.Charts
	tabs  *container.AppTabs
	note  *widget.Label
	print *widget.Button
	root  fyne.CanvasObject
}

// chartsScreenID names the screen (the menu puts it under Documents).
const chartsScreenID = "charts"

func newCharts(s *Shell) screen { return &chartsScreen{s: s} }

func (c *chartsScreen) view() fyne.CanvasObject {
	if c.root != nil {
		return c.root
	}
	c.note = widgets.Note("")
	c.print = widget.NewButtonWithIcon("Imprimer (PDF)", theme.DocumentPrintIcon(), c.printCharts)
	c.tabs = container.NewAppTabs()
	c.root = container.NewBorder(container.NewVBox(widgets.Bar(widgets.Heading("Graphiques"), c.print), c.note), nil, nil, nil, c.tabs)
	return c.root
}

func (c *chartsScreen) reload() {
	s := c.s
	data, err := s.res.Charts(s.exercise, s.now())
	if err != nil {
		s.showError(err)
		return
	}
	c.data = data
	c.note.SetText(fmt.Sprintf("Exercice %s, au %s. Chaque barre porte son montant.", data.Exercise.Name(), ledger.FrenchDate(data.At)))
	selected := c.tabs.SelectedIndex()
	var items []*container.TabItem
	for _, x := range []struct {
		title string
		ch    app.Chart
	}{{"Budget par compte", data.Accounts}, {"Budget par clé", data.Keys}, {"Trésorerie", data.Treasury}, {"Soldes des copropriétaires", data.Owners}} {
		items = append(items, container.NewTabItem(x.title, chartView(x.ch)))
	}
	c.tabs.SetItems(items)
	if selected > 0 && selected < len(items) {
		c.tabs.SelectIndex(selected)
	}
}

// chartView is one chart with its title and what it counts.
func chartView(ch app.Chart) fyne.CanvasObject {
	head := container.NewVBox(widget.NewLabelWithStyle(ch.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), widgets.Note(ch.Note))
	if len(ch.Groups) == 0 {
		return container.NewBorder(head, nil, nil, nil, widgets.Note("Rien à montrer pour cet exercice."))
	}
	groups := make([]widgets.BarGroup, len(ch.Groups))
	for i, g := range ch.Groups {
		groups[i].Label = g.Label
		for _, v := range g.Values {
			groups[i].Values = append(groups[i].Values, int64(v))
			groups[i].Texts = append(groups[i].Texts, v.String())
		}
	}
	return container.NewBorder(head, nil, nil, nil, widgets.NewBarChart(ch.Series, groups, 260))
}

func (c *chartsScreen) printCharts() {
	s := c.s
	ex, at, printed := c.data.Exercise, c.data.At, s.now()
	var path string
	s.runLong("Écriture des graphiques…", func() (err error) {
		path, err = s.res.WriteCharts(ex, at, printed)
		return err
	}, func() {
		s.openWritten(fmt.Sprintf("Graphiques de l'exercice %s enregistrés dans %s", ex.Name(), path), path)
	})
}
