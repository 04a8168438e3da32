package ui

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/export"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// columnTable is what the list tools need of a widgets.Table, whatever
// its records.
type columnTable interface {
	ColumnTitles() []string
	ColumnHidden(i int) bool
	HideColumn(i int, hide bool)
	Shown() widgets.Shown
}

// tableTools are the buttons every list screen shares (the manual's
// printed lists): « Colonnes… » to show or hide columns, remembered per
// screen in the user's preferences; « Exporter (Excel) » and « Imprimer »,
// which write what the table shows (search, order, columns) into the
// residence's documents folder.
type tableTools struct {
	s        *Shell
	id       string        // the screen, for the preferences
	title    string        // the list's title in the files
	subtitle func() string // « au 31/12/2025 »; nil: none
	t        columnTable
	columns  *widgets.Button
	export   *widgets.Button
	print    *widgets.Button
	extra    fyne.CanvasObject // a print of the screen's own, after the others; nil: none
}

// prefColumns is the preference that keeps a screen's hidden columns: their
// titles, one a line.
func prefColumns(id string) string { return "columns." + id }

// newTableTools makes the buttons for table t of screen id and hides the
// columns the user hid there last time.
func (s *Shell) newTableTools(id, title string, t columnTable, subtitle func() string) *tableTools {
	tt := &tableTools{s: s, id: id, title: title, t: t, subtitle: subtitle}
	hidden := map[string]bool{}
	for _, h := range strings.Split(s.app.Preferences().String(prefColumns(id)), "\n") {
		hidden[h] = h != ""
	}
	for i, c := range t.ColumnTitles() {
		if hidden[c] {
			t.HideColumn(i, true)
		}
	}
	tt.columns = widgets.NewButton("Colonnes…", theme.ListIcon(), widget.MediumImportance, tt.chooseColumns)
	tt.export = widgets.NewButton("Exporter (Excel)", theme.DocumentSaveIcon(), widget.MediumImportance, tt.exportList)
	tt.print = widgets.NewButton("Imprimer", theme.DocumentPrintIcon(), widget.MediumImportance, tt.printList)
	return tt
}

// buttons are the three buttons on the right, for under a screen's
// table; short of room they wrap onto more lines.
func (tt *tableTools) buttons() fyne.CanvasObject {
	buttons := []fyne.CanvasObject{tt.columns, tt.export, tt.print}
	if tt.extra != nil {
		buttons = append(buttons, tt.extra)
	}
	return widgets.Bar(layout.NewSpacer(), buttons...)
}

// chooseColumns asks which columns to show.
func (tt *tableTools) chooseColumns() {
	s := tt.s
	titles := tt.t.ColumnTitles()
	var fields []widgets.FormField
	var checks []*widgets.CheckField
	box := container.NewVBox()
	for i, c := range titles {
		ch := widgets.NewCheckField(c, !tt.t.ColumnHidden(i))
		checks = append(checks, ch)
		fields = append(fields, ch)
		box.Add(ch)
	}
	f := s.newForm("Colonnes affichées — "+tt.title, "Appliquer", fields...)
	f.width = 480
	f.submit = func() error {
		shown := 0
		for _, ch := range checks {
			if ch.Checked {
				shown++
			}
		}
		if shown == 0 {
			return ledger.Errorf(ledger.Invalid, "Gardez au moins une colonne affichée")
		}
		var hidden []string
		for i, ch := range checks {
			tt.t.HideColumn(i, !ch.Checked)
			if !ch.Checked {
				hidden = append(hidden, titles[i])
			}
		}
		s.app.Preferences().SetString(prefColumns(tt.id), strings.Join(hidden, "\n"))
		return nil
	}
	f.show(container.NewVBox(widgets.Note("Cochez les colonnes à afficher. L'export Excel et l'impression reprennent les colonnes affichées, dans l'ordre et avec la recherche de l'écran."), box), nil)
	refit(f)
}

// list is what the table shows now.
func (tt *tableTools) list() app.PrintedList {
	sh := tt.t.Shown()
	l := app.PrintedList{Title: tt.title, Titles: sh.Titles, Right: sh.Right, Rows: sh.Rows, Totals: sh.Totals}
	if tt.subtitle != nil {
		l.Subtitle = tt.subtitle()
	}
	return l
}

// folder is where the lists are written: the « Listes » subfolder of the
// residence's documents.
func (tt *tableTools) folder() (string, bool) {
	dir, err := tt.s.res.DocumentsSubfolder(app.FolderLists)
	if err != nil {
		tt.s.showError(err)
		return "", false
	}
	return dir, true
}

// exportList writes the list into an Excel workbook.
func (tt *tableTools) exportList() {
	dir, ok := tt.folder()
	if !ok {
		return
	}
	s, l := tt.s, tt.list()
	path := filepath.Join(dir, app.ListFileName(l.Title, s.now())+".xlsx")
	s.runLong("Export de la liste…", func() error {
		var buf bytes.Buffer
		if err := export.ListXLSX(&buf, l); err != nil {
			return err
		}
		return writeDocument(path, buf.Bytes())
	}, func() {
		s.say("Liste exportée : " + path)
		s.showWritten("Liste exportée", fmt.Sprintf("Tantième a exporté la liste « %s » (%s) dans le classeur %s.", l.Title,
			fr.Count(len(l.Rows), "ligne", "lignes"), path), path, dir, nil)
	})
}

// printList writes the list as a PDF, registered in the council's binder.
func (tt *tableTools) printList() {
	tt.s.printWhole(func() (app.PrintedList, error) { return tt.list(), nil })
}

// printWhole writes a list made by the books (not a table of the screen)
// as a PDF, registered like the others.
func (s *Shell) printWhole(make func() (app.PrintedList, error)) {
	dir, err := s.res.DocumentsSubfolder(app.FolderLists)
	if err != nil {
		s.showError(err)
		return
	}
	l, err := make()
	if err != nil {
		s.showError(err)
		return
	}
	meta := s.res.ListProduced(dir, l, s.now())
	printed := s.now()
	s.runLong("Impression de la liste…", func() error {
		pdf, err := s.res.ListPDF(l, printed)
		if err != nil {
			return err
		}
		return s.res.WriteDocument(pdf, meta)
	}, func() {
		s.say("Liste imprimée : " + meta.Path)
		s.showWritten("Liste imprimée", fmt.Sprintf("Tantième a mis la liste « %s » (%s) en page dans le fichier %s.", l.Title,
			fr.Count(len(l.Rows), "ligne", "lignes"), meta.Path), meta.Path, dir, nil)
	})
}
