package ui

// Steps 3 and 4 of the import assistant: the preview of the rows as they
// will be read, with their problems, then the import and its report.

import (
	"errors"
	"fmt"
	"image/color"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/importing"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/sheet"
	"tantieme/ui/widgets"
)

// ---- Step 3: the preview

// previewCol is a column of the preview: the row number, the status, or a
// field of the plan.
type previewCol struct {
	title string
	width float32
	field int // index in plan.Fields; colRow, colStatus
	align fyne.TextAlign
}

const (
	colRow    = -1
	colStatus = -2
)

// rowStatus is what the preview says of a row, in words, colour and icon.
type rowStatus struct {
	text   string
	ink    widget.Importance
	icon   fyne.Resource
	fill   color.Color  // nil: none
	errCol map[int]bool // columns with a blocking problem
}

func (w *importWizard) previewPage() fyne.CanvasObject {
	w.summary = widget.NewLabel("")
	w.summary.Wrapping = fyne.TextWrapWord
	w.summary.TextStyle.Bold = true
	w.verdict = widgets.Note("")
	w.verdictI = widget.NewIcon(nil)
	reread := widgets.NewButton("Relire le fichier", theme.ViewRefreshIcon(), widget.MediumImportance, w.reread)
	reread.Keys = w.f.keys

	w.table = &keyTable{keys: w.f.keys}
	w.table.Length = func() (int, int) {
		if w.shown == nil {
			return 0, 0
		}
		return len(w.shown.Rows), len(w.cols)
	}
	w.table.CreateCell = newPreviewCell
	w.table.UpdateCell = w.updateCell
	w.table.ShowHeaderRow = true
	w.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewStack(canvas.NewRectangle(headerTint), l)
	}
	w.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*fyne.Container).Objects[1].(*widget.Label)
		if id.Col < 0 || id.Col >= len(w.cols) {
			l.SetText("")
			return
		}
		l.Alignment = w.cols[id.Col].align
		l.SetText(w.cols[id.Col].title)
	}
	w.table.OnSelected = func(id widget.TableCellID) {
		w.table.UnselectAll()
		w.mark(id.Row)
	}
	w.table.ExtendBaseWidget(w.table)

	w.problems = container.NewVBox()
	w.probList = container.NewVScroll(w.problems)
	w.body = container.NewStack()
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, reread, w.summary),
		container.NewBorder(nil, nil, container.NewVBox(container.NewPadded(w.verdictI)), nil, w.verdict))
	return container.NewBorder(top, nil, nil, nil, w.body)
}

// fillPreview shows the plan: a summary, the verdict, the rows with their
// status, and the problems.
func (w *importWizard) fillPreview() {
	p := w.plan
	w.shown = p
	byRow := map[int][]*importing.Problem{}
	nErr, nWarn := 0, 0
	for _, e := range p.Problems {
		if e.Warning {
			nWarn++
		} else {
			nErr++
		}
		if e.Row > 0 {
			byRow[e.Row] = append(byRow[e.Row], e)
		}
	}

	// The columns: the row, its status, then each field read or deduced.
	w.cols = []previewCol{{title: "Ligne", width: cellTextWidth("Ligne", true), field: colRow, align: fyne.TextAlignTrailing},
		{title: "État", width: 320, field: colStatus}}
	for i, f := range p.Fields {
		used := p.Mapping[f.Name] > 0
		width := cellTextWidth(f.Label, true)
		for j, r := range p.Rows {
			if i < len(r.Values) && r.Values[i] != "" {
				used = true
				if j < 200 {
					width = max(width, cellTextWidth(r.Values[i], false))
				}
			}
		}
		if !used {
			continue
		}
		title := f.Label
		if c := p.Mapping[f.Name]; c > 0 {
			title = sheet.ColumnLetter(c) + " · " + f.Label
			width = max(width, cellTextWidth(title, true))
		}
		align := fyne.TextAlignLeading
		if importNumeric(f.Name) {
			align = fyne.TextAlignTrailing
		}
		w.cols = append(w.cols, previewCol{title: title, width: min(max(width, 70), 280), field: i, align: align})
	}
	for i, c := range w.cols {
		w.table.SetColumnWidth(i, c.width)
	}

	// Each row's status, in words first.
	w.status = make([]rowStatus, len(p.Rows))
	okRows, errRows := 0, 0
	for i, r := range p.Rows {
		var errs, warns []*importing.Problem
		for _, e := range byRow[r.Row] {
			if e.Warning {
				warns = append(warns, e)
			} else {
				errs = append(errs, e)
			}
		}
		st := rowStatus{errCol: map[int]bool{}}
		switch {
		case len(errs) > 0:
			errRows++
			st.text = "Erreur : " + errs[0].Msg
			if n := len(errs) + len(warns) - 1; n > 0 {
				st.text = fmt.Sprintf("Erreur (%d problèmes) : %s", n+1, errs[0].Msg)
			}
			st.ink, st.icon, st.fill = widget.DangerImportance, theme.NewErrorThemedResource(theme.ErrorIcon()), attentionTint
			for _, e := range errs {
				st.errCol[e.Col] = true
			}
		case r.Skipped != "":
			st.text = "Ignorée : " + r.Skipped
			st.ink, st.icon = widget.LowImportance, theme.NewDisabledResource(theme.ContentRemoveIcon())
		case len(warns) > 0:
			okRows++
			st.text = "Attention : " + warns[0].Msg
			st.ink, st.icon, st.fill = widget.WarningImportance, theme.NewWarningThemedResource(theme.WarningIcon()), warningTint
		default:
			okRows++
			st.text = "Correcte"
			st.ink, st.icon = widget.SuccessImportance, theme.NewSuccessThemedResource(theme.ConfirmIcon())
		}
		w.status[i] = st
	}
	w.marked = -1
	w.table.Refresh()
	w.table.ScrollToTop()
	w.table.ScrollToLeading()

	// The summary: "12 lignes lues : 7 correctes, 2 ignorées (ligne vide,
	// ligne de total), 3 avec un problème bloquant ; 4 avertissements."
	var reasons []string
	seen := map[string]bool{}
	for _, sk := range p.Report.Skipped {
		reason := sk.Reason
		if i := strings.Index(reason, " ("); i > 0 {
			reason = reason[:i] // "ligne de total (« TOTAL »)" → "ligne de total"
		}
		if !seen[reason] {
			seen[reason] = true
			reasons = append(reasons, reason)
		}
	}
	parts := []string{importCount(okRows, "correcte", "correctes")}
	if errRows > 0 {
		parts = append(parts, fmt.Sprintf("%d à corriger", errRows))
	}
	if n := len(p.Report.Skipped); n > 0 {
		parts = append(parts, fmt.Sprintf("%s (%s)", importCount(n, "ignorée", "ignorées"), strings.Join(reasons, ", ")))
	}
	w.summary.SetText(fmt.Sprintf("%s : %s — %s, %s.", importCount(len(p.Rows), "ligne lue", "lignes lues"), strings.Join(parts, ", "),
		importCount(nErr, "problème bloquant", "problèmes bloquants"), importCount(nWarn, "avertissement", "avertissements")))

	// The verdict, beside which the Importer button is on or off.
	if p.Blocking() {
		w.verdict.SetText(w.blockText())
		w.verdict.Importance = widget.DangerImportance
		w.verdictI.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	} else {
		text := "Prêt à importer : " + importMade(&p.Report) + ", en une seule fois."
		if nWarn > 0 {
			text += " Lisez les avertissements ci-dessous : ils n'empêchent pas l'import."
		}
		w.verdict.SetText(text)
		w.verdict.Importance = widget.SuccessImportance
		w.verdictI.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	}
	w.verdict.TextStyle.Bold = true
	w.verdict.Refresh()
	w.fillProblems()
	widgets.SetEnabled(w.f.ok, !p.Blocking())
}

// blockText says why nothing can be imported, and what to do.
func (w *importWizard) blockText() string {
	n := 0
	for _, e := range w.plan.Problems {
		if !e.Warning {
			n++
		}
	}
	return fmt.Sprintf("Import impossible tant que %s : corrigez le fichier dans Excel ou LibreOffice, enregistrez-le, puis cliquez sur « Relire le fichier » — ou revenez au choix des colonnes (Précédent). Rien n'a été écrit.",
		map[bool]string{true: "ce problème reste", false: fmt.Sprintf("ces %d problèmes restent", n)}[n == 1])
}

// fillProblems lists the problems, blocking ones first (a click shows the
// row in the table), then what the import will do besides (notes). Without
// either, the table takes the whole page.
func (w *importWizard) fillProblems() {
	const most = 200 // a file of another kind can give thousands: the first ones say enough
	p := w.plan
	var objs []fyne.CanvasObject
	for _, warning := range []bool{false, true} {
		var group []*importing.Problem
		for _, e := range p.Problems {
			if e.Warning == warning {
				group = append(group, e)
			}
		}
		if len(group) == 0 {
			continue
		}
		title := importBold("Problèmes bloquants — à corriger (cliquez sur un problème pour voir sa ligne)")
		title.Importance = widget.DangerImportance
		if warning {
			title = importBold("Avertissements — n'empêchent pas l'import")
			title.Importance = widget.WarningImportance
		}
		objs = append(objs, title)
		for i, e := range group {
			if i == most {
				objs = append(objs, widgets.Note(fmt.Sprintf("… et %d autres.", len(group)-most)))
				break
			}
			e := e
			objs = append(objs, importProblemLine(e, func() { w.showRow(e.Row) }))
		}
	}
	clean := len(objs) == 0
	if len(p.Report.Notes) > 0 && !p.Blocking() {
		objs = append(objs, importBold("À savoir avant d'importer"))
		for _, n := range p.Report.Notes {
			objs = append(objs, newTapLine(theme.InfoIcon(), n, widget.MediumImportance, nil))
		}
	}
	allRead := ok("Aucun problème : chaque ligne se lit correctement.")
	switch {
	case clean && len(objs) == 0:
		w.body.Objects = []fyne.CanvasObject{container.NewBorder(nil, allRead, nil, nil, w.table)}
	default:
		if clean {
			objs = append([]fyne.CanvasObject{allRead}, objs...)
		}
		split := container.NewVSplit(w.table, w.probList)
		split.Offset = 0.66
		w.body.Objects = []fyne.CanvasObject{split}
	}
	w.body.Refresh()
	w.problems.Objects = objs
	w.problems.Refresh()
	w.probList.ScrollToTop()
}

// importProblemLine is a problem as a line of the list, in words and colour.
func importProblemLine(e *importing.Problem, tapped func()) fyne.CanvasObject {
	var icon fyne.Resource = theme.NewErrorThemedResource(theme.ErrorIcon())
	ink := widget.DangerImportance
	word := "Erreur"
	if e.Warning {
		icon, ink, word = theme.NewWarningThemedResource(theme.WarningIcon()), widget.WarningImportance, "Attention"
	}
	return newTapLine(icon, word+" — "+importPlace(e)+" : "+importSentence(e.Msg), ink, tapped)
}

// importPlace locates a problem in the sheet chosen: "Ligne 4, colonne D (Tantièmes)".
func importPlace(e *importing.Problem) string {
	var b strings.Builder
	switch {
	case e.Row > 0:
		fmt.Fprintf(&b, "ligne %d", e.Row)
	case e.Col == 0:
		b.WriteString("tout le fichier")
	}
	if e.Col > 0 {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString("colonne " + sheet.ColumnLetter(e.Col))
		if e.Field != "" {
			b.WriteString(" (" + e.Field + ")")
		}
	}
	return b.String()
}

// importSentence ends a message with a full stop.
func importSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// showRow scrolls the table to a row of the sheet and marks it.
func (w *importWizard) showRow(row int) {
	for i, r := range w.shown.Rows {
		if r.Row == row {
			w.mark(i)
			w.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
}

func (w *importWizard) mark(i int) {
	w.marked = i
	w.table.Refresh()
}

func (w *importWizard) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	p := w.shown
	if p == nil || id.Row < 0 || id.Row >= len(p.Rows) || id.Row >= len(w.status) || id.Col < 0 || id.Col >= len(w.cols) {
		setPreviewCell(o, "", widget.MediumImportance, nil, nil, fyne.TextAlignLeading)
		return
	}
	r, st, c := p.Rows[id.Row], w.status[id.Row], w.cols[id.Col]
	fill := st.fill
	if id.Row == w.marked {
		fill = entrySelectedTint
	}
	switch c.field {
	case colRow:
		setPreviewCell(o, fmt.Sprint(r.Row), widget.MediumImportance, nil, fill, c.align)
	case colStatus:
		setPreviewCell(o, st.text, st.ink, st.icon, fill, c.align)
	default:
		text, ink := "", widget.MediumImportance
		if c.field < len(r.Values) {
			text = r.Values[c.field]
		}
		if st.errCol[p.Mapping[p.Fields[c.field].Name]] {
			ink = widget.DangerImportance
			if text == "" {
				text = "à corriger"
			}
		}
		if r.Skipped != "" {
			ink = widget.LowImportance
		}
		setPreviewCell(o, text, ink, nil, fill, c.align)
	}
}

// importNumeric says whether a field holds amounts or shares, which read
// best aligned on the right.
func importNumeric(name string) bool {
	switch name {
	case "debit", "credit", "amount", "vat", "shares":
		return true
	}
	return strings.HasPrefix(name, "key:")
}

// cellTextWidth is the width a cell needs to show text.
func cellTextWidth(text string, bold bool) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width + 2*theme.InnerPadding() + 2*theme.Padding()
}

// reread reads the file again from the disk, after the user corrected it,
// keeping the choices made.
func (w *importWizard) reread() {
	w.load(w.wbPath, func() {
		if err := w.replan(func() {
			w.buildMapping()
			w.fillPreview()
			w.s.say("Fichier « " + filepath.Base(w.wbPath) + " » relu")
		}); err != nil && !errors.Is(err, errStay) {
			w.f.fail(err)
		}
	})
}

// ---- Step 4: the report

func (w *importWizard) reportPage() fyne.CanvasObject {
	w.report = container.NewVBox()
	return container.NewVScroll(w.report)
}

// apply imports the plan previewed, in one transaction.
func (w *importWizard) apply() error {
	if w.plan.Blocking() {
		return ledger.Errorf(ledger.Invalid, "%s", w.blockText())
	}
	plan := w.plan
	var rep *importing.Report
	w.long("Import en cours…", func() (err error) {
		rep, err = importing.Apply(w.s.res, plan)
		return err
	}, func(err error) {
		if err != nil {
			// The books changed since the preview, or refuse the file:
			// show the file as it now reads, and why.
			if rerr := w.replan(w.fillPreview); rerr != nil && !errors.Is(rerr, errStay) {
				err = rerr
			}
			w.f.fail(err)
			return
		}
		w.finish(rep)
	})
	return errStay
}

// finish shows the report of an import done.
func (w *importWizard) finish(rep *importing.Report) {
	w.done = true
	src := rep.File
	if rep.Sheet != "" {
		src += ", feuille « " + rep.Sheet + " »"
	}
	made := importMade(rep)
	objs := []fyne.CanvasObject{
		ok(fmt.Sprintf("Import terminé : %s de %s.", importCount(rep.Rows, "ligne importée", "lignes importées"), src)),
		importBoldNote("Écrit dans la résidence : " + made + "."),
	}
	if rep.SafetyCopy != "" {
		objs = append(objs, widgets.Note("Copie de sécurité prise avant : "+rep.SafetyCopy))
	}
	if len(rep.Notes) > 0 {
		objs = append(objs, stepSection("À savoir"), widgets.Note(strings.Join(rep.Notes, "\n")))
	}
	if len(rep.Skipped) > 0 {
		objs = append(objs, stepSection("Lignes ignorées"), widgets.Note(strings.Join(importSkipped(rep.Skipped), "\n")))
	}
	if len(rep.Warnings) > 0 {
		objs = append(objs, stepSection("Avertissements"))
		for _, e := range rep.Warnings {
			objs = append(objs, importProblemLine(e, nil))
		}
	}
	w.report.Objects = objs
	w.report.Refresh()

	w.goTo = ""
	var label string
	switch rep.Kind {
	case importing.Owners:
		w.goTo, label = string(app.TopicOwners), "Voir les copropriétaires"
	case importing.Shares:
		w.goTo, label = string(app.TopicKeys), "Voir les clés et tantièmes"
	case importing.Balance, importing.Entries:
		w.goTo, label = "entries", "Voir les écritures"
	case importing.Budget:
		w.goTo, label = string(app.TopicBudget), "Voir le budget"
	}
	if _, ok := screenTitle(w.goTo); ok {
		w.goBtn.SetText(label)
	} else {
		w.goTo = ""
	}
	w.s.changed()
	w.s.say(fmt.Sprintf("%s terminé : %s", importWhat(rep.Kind), made))
	w.show(3)
}

// leave closes the assistant on the screen showing what was imported.
func (w *importWizard) leave() {
	w.f.close()
	if w.goTo != "" {
		w.s.showScreen(w.goTo)
	}
}

func importBoldNote(text string) *widget.Label {
	l := widgets.Note(text)
	l.TextStyle.Bold = true
	return l
}

// importMade says what an import writes: "4 copropriétaires, 7 lots, 7 tantièmes".
func importMade(r *importing.Report) string {
	var out []string
	add := func(n int, one, other string) {
		if n > 0 {
			out = append(out, importCount(n, one, other))
		}
	}
	add(r.Owners, "copropriétaire", "copropriétaires")
	add(r.Lots, "lot", "lots")
	add(r.Keys, "clé", "clés")
	add(r.Shares, "tantième de lot", "tantièmes de lots")
	add(r.KeysUpdated, "total de clé mis à jour", "totaux de clés mis à jour")
	add(r.Accounts, "compte ajouté au plan comptable", "comptes ajoutés au plan comptable")
	if r.Entries > 0 {
		out = append(out, fmt.Sprintf("%s (%s)", importCount(r.Entries, "écriture", "écritures"), importCount(r.Lines, "ligne", "lignes")))
	}
	add(r.BudgetLines, "ligne de budget", "lignes de budget")
	if len(out) == 0 {
		return "rien de nouveau"
	}
	return strings.Join(out, ", ")
}

// importSkipped is the import's skipped rows, one range a line:
// "Lignes 30 à 45 : ligne vide".
func importSkipped(list []importing.SkippedRow) []string {
	out := importing.SkippedRanges(list)
	for i := range out {
		out[i] = fr.UpperFirst(out[i])
	}
	return out
}

// importWhat is the title of an import: « Import des copropriétaires ».
func importWhat(k importing.Kind) string { return "Import " + k.What() }

// importCount writes a number with its noun: "1 lot", "0 lot", "7 lots".
func importCount(n int, one, other string) string {
	if n > 1 {
		return fmt.Sprintf("%d %s", n, other)
	}
	return fmt.Sprintf("%d %s", n, one)
}
