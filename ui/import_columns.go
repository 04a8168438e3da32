package ui

// Step 2 of the import assistant: which column holds each field.

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/importing"
	"tantieme/ledger"
	"tantieme/sheet"
	"tantieme/ui/widgets"
)

var mapColumns = []float32{300, 340, 400}

func (w *importWizard) columnsPage() fyne.CanvasObject {
	w.mapInfo = widgets.Note("")
	w.mapRows = container.NewVBox()
	w.mapProblems = container.NewVBox()
	titles := container.New(&widgets.Columns{Widths: mapColumns, Stretch: 2},
		importBold("Champ"), importBold("Colonne du fichier"), importBold("Premières valeurs lues"))
	top := container.NewVBox(w.mapInfo, titles, widget.NewSeparator())
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(w.mapRows, w.mapProblems)))
}

func importBold(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// mappable says whether a field's column may be chosen (the key columns of
// a shares grid are all read: they are not fields to map).
func (w *importWizard) mappable(name string) bool {
	for _, f := range importing.Fields(w.kind) {
		if f.Name == name {
			return true
		}
	}
	return false
}

// buildMapping makes the drop-downs for the columns of the plan.
func (w *importWizard) buildMapping() {
	p := w.plan
	key := fmt.Sprint(w.kind, "|", w.wbPath, "|", p.Sheet, "|", p.HeaderRow, "|", len(p.Columns))
	if key == w.mapFor && w.selects != nil {
		w.syncMapping()
		return
	}
	w.mapFor = key
	opts := []string{noColumn}
	for _, c := range p.Columns {
		opts = append(opts, c.String())
	}
	w.selects, w.samples = map[string]*choiceField{}, map[string]*widget.Label{}
	var rows []fyne.CanvasObject
	for _, f := range importing.Fields(w.kind) {
		name := f.Name
		label := widget.NewLabel(f.Label)
		label.Truncation = fyne.TextTruncateEllipsis
		if f.Required {
			label.SetText(f.Label + " (obligatoire)")
			label.TextStyle.Bold = true
		}
		sel := newChoiceField(opts, noColumn, nil)
		sel.PlaceHolder = noColumn
		sel.SetKeys(w.f.keys)
		sel.OnChange(w.f.clearError)
		sel.react = func(string) { w.mapChanged(name, sel) }
		sample := widget.NewLabel("")
		sample.Truncation = fyne.TextTruncateEllipsis
		w.selects[name], w.samples[name] = sel, sample
		rows = append(rows, container.New(&widgets.Columns{Widths: mapColumns, Stretch: 2}, label, sel, sample))
	}
	w.mapRows.Objects = rows
	w.mapRows.Refresh()
	w.syncMapping()
}

// mapChanged reads the file again with the column chosen for a field. A
// column already read for another field moves to this one, as people
// expect of such lists.
func (w *importWizard) mapChanged(name string, sel *choiceField) {
	if w.syncing || w.plan == nil {
		return
	}
	letter := ""
	if i := sel.SelectedIndex(); i > 0 && i <= len(w.plan.Columns) {
		letter = w.plan.Columns[i-1].Letter
		for other, c := range w.plan.Mapping {
			if other != name && c == i && w.mappable(other) {
				w.mapping[other] = ""
			}
		}
	}
	w.mapping[name] = letter
	if err := w.replan(w.syncMapping); err != nil && !errors.Is(err, errStay) {
		w.f.fail(err)
	}
}

// syncMapping shows the plan's columns in the drop-downs, with a sample of
// what each one gives.
func (w *importWizard) syncMapping() {
	p := w.plan
	w.syncing = true
	defer func() { w.syncing = false }()
	for _, f := range importing.Fields(w.kind) {
		sel, sample := w.selects[f.Name], w.samples[f.Name]
		c := p.Mapping[f.Name]
		v := noColumn
		if c > 0 && c <= len(p.Columns) {
			v = p.Columns[c-1].String()
		}
		if sel.Selected != v {
			sel.Selected = v
			sel.Refresh()
		}
		text, ink := w.sample(f.Name), widget.MediumImportance
		switch {
		case c == 0 && f.Required:
			text, ink = "À choisir : ce champ est obligatoire", widget.DangerImportance
		case c == 0 && text == "":
			text, ink = "Non importé", widget.LowImportance
		case c == 0:
			text, ink = "Déduit : "+text, widget.LowImportance
		case text == "":
			text, ink = "(colonne vide)", widget.LowImportance
		}
		sample.Importance = ink
		sample.SetText(text)
	}

	info := fmt.Sprintf("Feuille « %s » : ", p.Sheet)
	if p.Sheet == "" {
		info = "Fichier CSV : "
	}
	mapped := 0
	for _, f := range importing.Fields(w.kind) {
		if p.Mapping[f.Name] > 0 {
			mapped++
		}
	}
	switch {
	case p.HeaderRow > 0 && mapped == 0:
		info += fmt.Sprintf("aucun en-tête de la ligne %d n'a été reconnu. Ce fichier contient-il bien : %s ? Choisissez les colonnes, "+
			"ou revenez à l'étape 1 (Précédent) pour changer de type ou de ligne d'en-têtes.", p.HeaderRow, strings.ToLower(w.kind.Label()))
	case p.HeaderRow > 0:
		info += fmt.Sprintf("en-têtes lus en ligne %d ; les colonnes reconnues sont déjà choisies.", p.HeaderRow)
	default:
		info += "sans ligne d'en-têtes, les colonnes sont prises dans l'ordre habituel."
	}
	if mapped > 0 {
		info += " Vérifiez chaque champ d'après les premières valeurs lues, puis cliquez sur Suivant."
	}
	if w.kind == importing.Shares {
		var keys []string
		for _, f := range p.Fields {
			if !w.mappable(f.Name) {
				keys = append(keys, fmt.Sprintf("%s (%s)", sheet.ColumnLetter(p.Mapping[f.Name]), f.Label))
			}
		}
		if len(keys) > 0 {
			info += " Colonnes de clés : " + strings.Join(keys, ", ") + "."
		}
	}
	w.mapInfo.SetText(info)

	// What concerns the whole sheet (columns not found, read by their
	// place, a total that does not agree) is said here already.
	var lines []fyne.CanvasObject
	for _, e := range p.Problems {
		if e.Row == 0 {
			lines = append(lines, importProblemLine(e, nil))
		}
	}
	w.mapProblems.Objects = lines
	w.mapProblems.Refresh()
}

// sample is the first values of the column chosen for a field, as the
// sheet shows them (what the import makes of them is the preview's part);
// for a field without a column, the values the import deduces.
func (w *importWizard) sample(name string) string {
	p := w.plan
	var out []string
	seen := map[string]bool{}
	add := func(v string) bool {
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
		return len(out) == 3
	}
	if c := p.Mapping[name]; c > 0 {
		sh, err := w.wb.Sheet(p.Sheet)
		if err != nil {
			return ""
		}
		for _, r := range p.Rows {
			if r.Skipped == "" && add(strings.Join(strings.Fields(sh.Shown(r.Row, c).Text()), " ")) {
				break
			}
		}
		return strings.Join(out, " · ")
	}
	for i, f := range p.Fields {
		if f.Name != name {
			continue
		}
		for _, r := range p.Rows {
			if r.Skipped == "" && i < len(r.Values) && add(r.Values[i]) {
				break
			}
		}
	}
	return strings.Join(out, " · ")
}

// missingColumn says which required field has no column yet.
func (w *importWizard) missingColumn() error {
	for _, f := range importing.Fields(w.kind) {
		if f.Required && w.plan.Mapping[f.Name] == 0 {
			return ledger.Errorf(ledger.Invalid, "Choisissez la colonne du champ obligatoire « %s »", f.Label)
		}
	}
	return nil
}
