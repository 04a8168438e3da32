package ui

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/importing"
	"tantieme/ledger"
	"tantieme/sheet"
	"tantieme/ui/widgets"
)

// importWizard is the assistant of Fichier › Importer…: the file, its
// columns, the preview, the report, in one dialog. The first three steps
// only read (importing.Prepare is the back end's dry run); the file reaches the
// books at step 4, through importing.Apply, in one transaction. Cancelling at
// any step therefore writes nothing.
type importWizard struct {
	s    *Shell
	f    *form
	step int
	done bool // imported: the dialog only shows the report

	// Step 1: what the file holds, which file, which sheet, where the headers are.
	kind     importing.Kind
	kinds    []*choiceOption
	kindOf   map[*choiceOption]importing.Kind
	expect   *widget.Label
	path     *widgets.Field
	browse   *widgets.Button
	fileNote *widget.Label
	sheet    *choiceField
	header   *choiceField
	year     *choiceField
	at       *choiceField
	optRows  *fyne.Container   // the rows of choices beside the file, per kind
	right    *fyne.Container   // the file's column of step 1
	years    []ledger.Exercise // the exercises a budget or balance may go to

	wb      *sheet.Workbook
	wbPath  string
	wbSize  int64
	sheets  []string          // sheet names, in the order of the sheet list
	mapping map[string]string // the user's own column choices: field → column letter, "" for none
	plan    *importing.Plan

	// Step 2: one drop-down per field.
	mapInfo     *widget.Label
	mapRows     *fyne.Container
	mapProblems *fyne.Container
	selects     map[string]*choiceField
	samples     map[string]*widget.Label
	mapFor      string // the file, sheet and header row the drop-downs were made for
	syncing     bool   // the drop-downs are being set by the program, not the user

	// Step 3: the preview.
	summary  *widget.Label
	verdict  *widget.Label
	verdictI *widget.Icon
	body     *fyne.Container // the table, with the problem list below it when there is one
	table    *keyTable
	shown    *importing.Plan // the plan the table shows, as of the last preview
	cols     []previewCol
	status   []rowStatus // by index in plan.Rows
	marked   int         // the row shown from the problem list, -1 for none
	problems *fyne.Container
	probList *container.Scroll

	// Step 4: the report.
	report *fyne.Container
	goBtn  *widgets.Button
	goTo   string // the screen the report leads to

	steps *widgets.Steps
	prev  *widgets.Button
}

var importSteps = []string{"Fichier", "Colonnes", "Aperçu", "Compte rendu"}

const (
	noColumn     = importing.NoColumn
	headerDetect = "Trouvée automatiquement"
	headerNone   = "Aucune : les données commencent en ligne 1"
	headerRows   = 20 // rows offered as header row; the back end looks for headers in as many

	prefImportDir = "import.dir"
)

// bigWorkbook is the file size from which the file is read behind a
// progress bar: under it, reading again after a choice is instant. Tests
// lower it to go through the progress bar.
var bigWorkbook int64 = 1 << 20

// Size of the assistant's content: the preview needs the room; it stays
// the same from one step to the next so that buttons do not move.
var importSize = fyne.NewSize(1160, 610)

// kindTexts say what each kind of file looks like, under its name.
var kindTexts = map[importing.Kind]string{
	importing.Owners: "Une ligne par lot : nom du copropriétaire (obligatoire), compte 450…, adresse, " +
		"numéro et désignation du lot, tantièmes généraux.",
	importing.Shares: "Une ligne par lot existant, une colonne par clé titrée par son code (« 002 - Ascenseur ») ; " +
		"remplace les tantièmes de ces clés.",
	importing.Balance: "Une ligne par compte : numéro, intitulé, solde débiteur, solde créditeur, le tout équilibré ; " +
		"devient une seule écriture de reprise.",
	importing.Entries: "Une ligne par ligne d'écriture : clé, compte, intitulé, journal, date, libellé, débit, crédit ; " +
		"équilibrées par journal et par date.",
	importing.Budget: "Une ligne par poste : compte de charges ou de produits, clé de répartition, montant, " +
		"pour l'exercice choisi à droite.",
}

// importFile opens the import assistant (Fichier › Importer…).
func (s *Shell) importFile() { s.startImport() }

// startImport opens the import assistant, or says why it cannot; nil then.
func (s *Shell) startImport() *importWizard {
	if s.res == nil || s.win.Canvas().Overlays().Top() != nil {
		return nil // a dialog is open: one thing at a time
	}
	if s.res.ReadOnly() {
		s.inform("Import impossible", theme.NewWarningThemedResource(theme.WarningIcon()),
			"La résidence est ouverte en lecture seule : rien ne peut y être importé. Fermez-la, puis ouvrez-la de nouveau quand plus aucun autre programme ne l'utilise.")
		return nil
	}
	if s.exercise.Closed {
		// A closed exercise is for consultation only, here as on every
		// screen: the import goes to the working exercise, once asked.
		working := s.working
		f := s.newForm("Import impossible dans un exercice clos", "Importer dans l'exercice "+working.Name())
		f.cancel.SetText("Fermer")
		f.submit = func() error {
			f.close()
			s.setExercise(working)
			s.importFile()
			return errStay
		}
		f.show(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))), nil,
			widgets.Note(fmt.Sprintf("L'exercice %s est clos : consultation seulement, rien ne peut y être importé. Revenez à l'exercice %s pour importer.",
				s.exercise.Name(), working.Name()))), nil)
		return nil
	}
	return newImportWizard(s)
}

func newImportWizard(s *Shell) *importWizard {
	w := &importWizard{s: s, marked: -1, mapping: map[string]string{}, kindOf: map[*choiceOption]importing.Kind{}}
	// The kind proposed is the one of the screen shown.
	w.kind = importing.Owners
	if s.currentScreen() != nil {
		switch screens[s.current].id {
		case string(app.TopicKeys):
			w.kind = importing.Shares
		case "entries":
			w.kind = importing.Entries
		case string(app.TopicBudget):
			w.kind = importing.Budget
		}
	}

	w.path = widgets.NewField("", "Chemin du fichier, ou cliquez sur « Parcourir… »")
	w.sheet = newChoiceField(nil, "", func(string) { w.optionChanged(true) })
	w.sheet.PlaceHolder = "(choisissez d'abord le fichier)"
	w.header = newChoiceField(importHeaderOptions(), headerDetect, func(string) { w.optionChanged(true) })
	w.year = newChoiceField(nil, "", func(string) {
		w.fillAt()
		w.optionChanged(false)
	})
	w.at = newChoiceField(nil, "", func(string) { w.optionChanged(false) })
	w.f = s.newForm("Importer un fichier Excel", "Suivant", w.path, w.sheet, w.header, w.year, w.at)
	w.f.width = importSize.Width + 2*theme.Padding()
	// The assistant answers its buttons and keys itself rather than through
	// form.validate: its steps go on in the background (reading a file,
	// importing), and an error they find must not be hidden by validate
	// once it returns.
	w.f.keys.Enter, w.f.ok.OnTapped = w.submit, w.submit
	w.f.keys.Escape, w.f.cancel.OnTapped = w.cancel, w.cancel
	w.prev = widgets.NewButton("Précédent", theme.NavigateBackIcon(), widget.MediumImportance, func() { w.show(w.step - 1) })
	w.prev.Keys = w.f.keys
	w.goBtn = widgets.NewButton("", theme.NavigateNextIcon(), widget.MediumImportance, w.leave)
	w.goBtn.Keys = w.f.keys
	w.goBtn.Hide()
	w.f.extra = []fyne.CanvasObject{w.goBtn, w.prev}
	w.path.OnChanged = func(string) { w.f.clearError() }

	w.steps = widgets.NewSteps(importSteps, w.filePage(), w.columnsPage(), w.previewPage(), w.reportPage())
	body := container.NewBorder(container.NewVBox(w.steps.Counter, widget.NewSeparator()), nil, nil, nil, w.steps.Stack)
	w.f.show(container.New(&sizedAtLeast{importSize}, body), nil)
	w.setKind(w.kind)
	w.show(0)
	return w
}

// ---- Step 1: the file

func (w *importWizard) filePage() fyne.CanvasObject {
	left := container.NewVBox(stepSection("Que contient le fichier ?"))
	for _, k := range importing.Kinds {
		o := newChoiceOption(&w.kinds, k.Label(), kindTexts[k], func(o *choiceOption) { w.setKind(w.kindOf[o]) })
		o.keys = w.f.keys
		w.kindOf[o] = k
		left.Add(o)
	}

	w.browse = widgets.NewButton("Parcourir…", theme.FolderOpenIcon(), widget.MediumImportance, w.chooseFile)
	w.browse.Keys = w.f.keys
	w.fileNote = widgets.Note("Formats lus : classeur Excel (.xlsx) et CSV. Un ancien classeur (.xls) ou LibreOffice (.ods) est à enregistrer d'abord au format .xlsx.")
	w.optRows = container.New(layout.NewFormLayout())
	w.expect = widgets.Note("")
	w.expect.Importance = widget.LowImportance
	right := container.NewVBox(stepSection("Quel fichier ?"),
		container.NewBorder(nil, nil, nil, w.browse, w.path), w.fileNote, w.optRows, w.expect)
	w.right = right
	return container.NewGridWithColumns(2, left, right)
}

// stepSection is the title of a part of a step.
func stepSection(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func importHeaderOptions() []string {
	out := []string{headerDetect, headerNone}
	for i := 1; i <= headerRows; i++ {
		out = append(out, fmt.Sprintf("Ligne %d", i))
	}
	return out
}

// headerRow is the header row chosen, as importing.Options.HeaderRow takes it.
func (w *importWizard) headerRow() int {
	switch i := w.header.SelectedIndex(); {
	case i <= 0:
		return 0
	case i == 1:
		return importing.NoHeader
	default:
		return i - 1
	}
}

// setKind shows the choices the kind needs beside the file.
func (w *importWizard) setKind(k importing.Kind) {
	changed := k != w.kind
	w.kind = k
	for _, o := range w.kinds {
		if w.kindOf[o] == k && !o.on {
			o.setOn(true)
		} else if w.kindOf[o] != k && o.on {
			o.setOn(false)
		}
	}
	rows := []fyne.CanvasObject{formLabel("Feuille"), w.sheet, formLabel("Ligne d'en-têtes"), w.header}
	if k == importing.Budget || k == importing.Balance {
		w.fillYears()
		rows = append(rows, formLabel("Exercice"), w.year)
	}
	if k == importing.Balance {
		w.fillAt()
		rows = append(rows, formLabel("Reprise"), w.at)
	}
	w.optRows.Objects = rows
	w.optRows.Refresh()

	var names []string
	for _, f := range importing.Fields(k) {
		if f.Position == 0 {
			continue // only found by its header: not part of the usual layout
		}
		if f.Required {
			names = append(names, f.Label+" (obligatoire)")
		} else {
			names = append(names, f.Label)
		}
	}
	text := "Colonnes lues : " + strings.Join(names, ", ") + "."
	switch k {
	case importing.Shares:
		text = "Colonnes lues : N° lot (obligatoire), puis une colonne par clé."
	case importing.Balance:
		text += " À l'ouverture, les soldes deviennent les à-nouveaux de l'exercice choisi ; à la clôture précédente, " +
			"ils sont passés en OD le dernier jour de l'exercice d'avant, avant sa répartition."
	}
	w.expect.SetText(text + " Les en-têtes usuels, en français ou en anglais, sont reconnus ; vous vérifierez à l'étape suivante.")
	if changed {
		w.optionChanged(true)
	}
}

// fillYears offers the working exercise and the two after it, when open.
func (w *importWizard) fillYears() {
	s := w.s
	w.years = nil
	var labels []string
	sel := ""
	for _, ex := range s.exercises {
		if ex.Closed || ex.Start.Before(s.working.Start) || len(w.years) == 3 {
			continue
		}
		w.years = append(w.years, ex)
		labels = append(labels, exerciseLabel(ex, s.working))
		if ex.ID == s.exercise.ID {
			sel = labels[len(labels)-1]
		}
	}
	if sel == "" && len(labels) > 0 {
		sel = labels[0]
	}
	if w.year.Selected != "" {
		for _, l := range labels {
			if l == w.year.Selected {
				sel = l
			}
		}
	}
	w.year.Options = labels
	w.year.Selected = sel
	w.year.Refresh()
}

// chosenYear is the exercise chosen for a budget or a balance.
func (w *importWizard) chosenYear() (ledger.Exercise, bool) {
	i := w.year.SelectedIndex()
	if i < 0 || i >= len(w.years) {
		return ledger.Exercise{}, false
	}
	return w.years[i], true
}

// fillAt offers the two places of a balance, dated for the exercise chosen.
func (w *importWizard) fillAt() {
	ex, ok := w.chosenYear()
	if !ok {
		return
	}
	opts := []string{
		"À l'ouverture (AN) au " + ledger.FrenchDate(ex.Start),
		"À la clôture précédente (OD) au " + ledger.FrenchDate(ex.Start.AddDate(0, 0, -1)),
	}
	i := max(w.at.SelectedIndex(), 0)
	w.at.Options = opts
	w.at.Selected = opts[i]
	w.at.Refresh()
}

// optionChanged forgets the plan read with the former choices; a new
// sheet, header row or kind has other columns, so the column choices go too.
func (w *importWizard) optionChanged(columns bool) {
	w.plan = nil
	if columns {
		w.mapping = map[string]string{}
	}
}

// options are the choices made, as the back end takes them.
func (w *importWizard) options() importing.Options {
	o := importing.Options{Kind: w.kind, HeaderRow: w.headerRow(), Mapping: map[string]string{}}
	if i := w.sheet.SelectedIndex(); i >= 0 && i < len(w.sheets) {
		o.Sheet = w.sheets[i]
	}
	for k, v := range w.mapping {
		o.Mapping[k] = v
	}
	if w.kind == importing.Budget || w.kind == importing.Balance {
		if ex, ok := w.chosenYear(); ok {
			o.Year = ex.Year()
		}
	}
	if w.kind == importing.Balance {
		o.At = importing.BalanceOpening
		if w.at.SelectedIndex() == 1 {
			o.At = importing.BalanceClosing
		}
	}
	return o
}

// chooseFile opens Fyne's file dialog on the folder of the last import.
func (w *importWizard) chooseFile() {
	s := w.s
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			w.f.fail(err)
			return
		}
		if rc == nil {
			return // cancelled
		}
		path := rc.URI().Path()
		rc.Close()
		w.path.SetText(path)
		w.load(path, func() {
			if len(w.sheets) > 1 {
				s.win.Canvas().Focus(w.sheet)
			} else {
				s.win.Canvas().Focus(w.f.ok)
			}
		})
	}, s.win)
	// The formats the back end refuses are offered too: choosing one says
	// how to save it so that it can be read, where hiding it would not.
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".xlsm", ".csv", ".txt", ".xls", ".ods"}))
	d.SetTitleText("Choisir le fichier à importer")
	d.SetConfirmText("Ouvrir")
	d.SetDismissText("Annuler")
	dir := s.app.Preferences().String(prefImportDir)
	if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() {
		dir = userDocuments()
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	s.showFileDialog(d)
}

// importPath reads a path as typed or pasted: quotes around it (Windows'
// « Copier en tant que chemin d'accès ») and a leading ~ are understood.
func importPath(p string) string {
	p = strings.TrimSpace(p)
	if len(p) >= 2 && (p[0] == '"' && p[len(p)-1] == '"' || p[0] == '\'' && p[len(p)-1] == '\'') {
		p = strings.TrimSpace(p[1 : len(p)-1])
	}
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[2:])
		}
	}
	if strings.HasPrefix(p, "file://") {
		if u, err := url.Parse(p); err == nil {
			p = u.Path
		}
	}
	return p
}

// long runs work behind a progress bar and gives its error to then, so
// that the assistant shows it in its own error line.
func (w *importWizard) long(title string, work func() error, then func(error)) {
	var err error
	w.s.runLong(title, func() error { err = work(); return nil }, func() { then(err) })
}

// load reads the workbook at path and offers its sheets.
func (w *importWizard) load(path string, then func()) {
	var wb *sheet.Workbook
	var size int64
	w.long("Lecture du fichier…", func() error {
		var err error
		if wb, err = sheet.OpenWorkbook(path); err != nil {
			return err
		}
		if st, err := os.Stat(path); err == nil {
			size = st.Size()
		}
		_, err = wb.Sheet("") // the first sheet is read here, off the window's goroutine
		return err
	}, func(err error) {
		if err != nil {
			w.fileNote.SetText("Ce fichier n'a pas pu être lu : voir le message ci-dessous.")
			w.fileNote.Importance = widget.DangerImportance
			w.fileNote.Refresh()
			w.right.Refresh()
			w.f.fail(err)
			return
		}
		w.setWorkbook(path, wb, size)
		then()
	})
}

// setWorkbook takes a workbook just read; the sheet chosen stays when the
// same file is read again.
func (w *importWizard) setWorkbook(path string, wb *sheet.Workbook, size int64) {
	same := path == w.wbPath
	w.wb, w.wbPath, w.wbSize = wb, path, size
	w.s.app.Preferences().SetString(prefImportDir, filepath.Dir(path))
	w.sheets = wb.SheetNames()
	var labels []string
	for _, n := range w.sheets {
		if n == "" {
			n = "Feuille unique (fichier CSV)"
		}
		labels = append(labels, n)
	}
	sel := labels[0]
	if same {
		for _, l := range labels {
			if l == w.sheet.Selected {
				sel = l
			}
		}
	} else {
		w.mapping = map[string]string{}
	}
	w.sheet.Options, w.sheet.Selected = labels, sel
	w.sheet.Refresh()
	w.plan = nil

	name := filepath.Base(path)
	var text string
	switch {
	case wb.Format == "csv":
		text = fmt.Sprintf("Fichier lu : « %s », fichier CSV.", name)
	case len(labels) == 1:
		text = fmt.Sprintf("Fichier lu : « %s », classeur Excel d'une feuille (« %s »).", name, labels[0])
	default:
		text = fmt.Sprintf("Fichier lu : « %s », classeur Excel de %d feuilles. Choisissez ci-dessous celle à importer.", name, len(labels))
	}
	w.fileNote.SetText(text)
	w.fileNote.Importance = widget.SuccessImportance
	w.fileNote.Refresh()
	w.right.Refresh() // the note's height changed with its text
}

// replan reads the file again with the choices made: at once for a usual
// file, behind a progress bar for a large one; then runs after it. It
// returns errStay when the reading goes on in the background, and the
// error of an immediate reading.
func (w *importWizard) replan(then func()) error {
	res, wb, opts := w.s.res, w.wb, w.options()
	if w.wbSize < bigWorkbook {
		p, err := importing.Prepare(res, wb, opts)
		if err != nil {
			return err
		}
		w.plan = p
		then()
		return nil
	}
	var p *importing.Plan
	w.long("Lecture du fichier…", func() (err error) {
		p, err = importing.Prepare(res, wb, opts)
		return err
	}, func(err error) {
		if err != nil {
			w.f.fail(err)
			return
		}
		w.plan = p
		then()
	})
	return errStay
}

// importStay is what submit returns to keep the dialog open: errStay, or the
// error to show.
func importStay(err error) error {
	if err == nil {
		return errStay
	}
	return err
}

// ---- Moving between the steps

// show makes step i current.
func (w *importWizard) show(i int) {
	if !w.steps.Show(i) {
		return
	}
	w.step = i
	w.prev.Show()
	widgets.SetEnabled(w.prev, i > 0)
	w.goBtn.Hide()
	w.f.cancel.Show()
	widgets.SetEnabled(w.f.ok, true)
	switch i {
	case 0, 1:
		w.f.ok.SetText("Suivant")
		w.f.ok.SetIcon(theme.NavigateNextIcon())
	case 2:
		w.f.ok.SetText("Importer")
		w.f.ok.SetIcon(theme.ConfirmIcon())
		widgets.SetEnabled(w.f.ok, w.plan != nil && !w.plan.Blocking())
	case 3:
		w.f.ok.SetText("Terminer")
		w.f.ok.SetIcon(theme.ConfirmIcon())
		w.prev.Hide()
		w.f.cancel.Hide() // it is written: there is nothing left to cancel
		if w.goTo != "" {
			w.goBtn.Show()
		}
	}
	w.f.clearError()
	if w.f.dlg != nil {
		w.f.dlg.Resize(fyne.NewSize(w.f.width, w.f.dlg.MinSize().Height))
	}
	c := w.s.win.Canvas()
	switch i {
	case 0:
		for _, o := range w.kinds {
			if o.on {
				c.Focus(o)
			}
		}
	case 1:
		for _, f := range importing.Fields(w.kind) {
			if sel := w.selects[f.Name]; sel != nil {
				c.Focus(sel)
				break
			}
		}
	default:
		if w.f.ok.Disabled() {
			// Enter then says why nothing can be imported, rather than
			// pressing another button.
			c.Unfocus()
		} else {
			c.Focus(w.f.ok)
		}
	}
}

// submit is Suivant, Importer or Terminer, and Enter.
func (w *importWizard) submit() {
	w.f.clearError()
	if err := w.next(); err != nil && !errors.Is(err, errStay) {
		w.f.fail(err)
	}
}

// next checks the step and goes on. It returns the error to show, or
// errStay when it goes on in the background.
func (w *importWizard) next() error {
	switch w.step {
	case 0:
		path := importPath(w.path.Text)
		if path == "" {
			return ledger.Errorf(ledger.Invalid, "Choisissez le fichier à importer : cliquez sur « Parcourir… », ou tapez son chemin")
		}
		if path != w.path.Text {
			w.path.SetText(path)
		}
		if w.wb == nil || path != w.wbPath {
			w.load(path, func() {
				if len(w.sheets) > 1 {
					// Which sheet is a choice to make: stay to let it be made.
					w.s.win.Canvas().Focus(w.sheet)
					return
				}
				if err := w.toColumns(); err != nil && !errors.Is(err, errStay) {
					w.f.fail(err)
				}
			})
			return errStay
		}
		return importStay(w.toColumns())
	case 1:
		if err := w.missingColumn(); err != nil {
			return err
		}
		w.fillPreview()
		w.show(2)
		return errStay
	case 2:
		return w.apply()
	}
	w.f.close()
	return errStay
}

// toColumns reads the file with the choices of step 1 and shows step 2.
func (w *importWizard) toColumns() error {
	if (w.kind == importing.Budget || w.kind == importing.Balance) && len(w.years) == 0 {
		return ledger.Errorf(ledger.Invalid, "Aucun exercice ouvert ne peut recevoir ce fichier : ajoutez un exercice dans Paramètres › Exercices")
	}
	if w.plan != nil {
		w.buildMapping()
		w.show(1)
		return nil
	}
	return w.replan(func() {
		w.buildMapping()
		w.show(1)
	})
}

// cancel closes the assistant, asking first once a file was chosen:
// nothing is written, but the choices would be lost.
func (w *importWizard) cancel() {
	path := strings.TrimSpace(w.path.Text)
	if w.done || path == "" {
		w.f.close()
		return
	}
	w.s.confirm("Abandonner l'import ?", fmt.Sprintf("Rien n'a été importé de « %s ». Abandonner l'assistant et vos choix ?", filepath.Base(path)),
		"Abandonner", "Continuer l'import", w.f.close)
}

// userDocuments is the user's Documents folder (or his home).
func userDocuments() string { return filepath.Dir(documentsDir()) }
