package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// entries is the Saisie (journaux) screen: the entries of a journal and a
// month of the exercise shown, the lines of the one selected, and the form
// that types, changes or deletes them.
type entries struct {
	s    *Shell
	refs app.EntryRefs

	journal *widget.Select
	month   *widget.Select
	search  *widgets.Field
	add     *widget.Button
	table   *widgets.Table[ledger.Entry]

	detailTitle *widget.Label
	lines       *widgets.Table[ledger.Line]
	edit, del   *widget.Button
	why         *widget.Label

	exerciseID  int64
	months      []time.Time
	monthIdx    int    // index in months; -1 for the whole exercise
	journalCode string // "" for every journal
	lastJournal string // journal of the last entry typed, for the next one
	selected    *ledger.Entry
	tapID       int64 // a second tap on the same row soon after opens it
	tapAt       time.Time
	filling     bool       // the selects are being filled: their changes are not the user's
	form        *entryForm // the form opened last
	root        fyne.CanvasObject
}

// doubleTap is how soon a second tap on an entry opens it.
const doubleTap = 500 * time.Millisecond

var entrySelectedTint = color.NRGBA{0x1F, 0x4E, 0x8C, 0x2A}

func newEntries(s *Shell) screen {
	e := &entries{s: s, monthIdx: -1}
	money := func(a ledger.Amount) string {
		if a == 0 {
			return ""
		}
		return a.String()
	}
	e.table = &widgets.Table[ledger.Entry]{
		Cols: []widgets.Column[ledger.Entry]{
			{Title: "Date", Width: 110, Text: func(x ledger.Entry) string { return ledger.FrenchDate(x.Date) },
				Less: func(a, b ledger.Entry) bool { return a.Date.Before(b.Date) || a.Date.Equal(b.Date) && a.ID < b.ID }},
			{Title: "Journal", Width: 80, Text: func(x ledger.Entry) string { return x.Journal },
				Less: func(a, b ledger.Entry) bool { return a.Journal < b.Journal }},
			{Title: "Pièce", Width: 150, Text: func(x ledger.Entry) string { return x.Piece },
				Less: func(a, b ledger.Entry) bool { return a.Piece < b.Piece }},
			{Title: "Libellé", Width: 220, Stretch: true, Text: func(x ledger.Entry) string { return x.Label },
				Less: func(a, b ledger.Entry) bool { return fr.Fold(a.Label) < fr.Fold(b.Label) }},
			{Title: "Comptes", Width: 200, Text: accountsOf},
			{Title: "Montant", Width: 140, Align: fyne.TextAlignTrailing, Text: func(x ledger.Entry) string { d, _ := x.Totals(); return d.String() },
				Less: func(a, b ledger.Entry) bool { da, _ := a.Totals(); db, _ := b.Totals(); return da < db }},
		},
		Match: e.matches,
		Tint: func(x ledger.Entry) color.Color {
			if e.selected != nil && x.ID == e.selected.ID {
				return entrySelectedTint
			}
			return nil
		},
		Totals: func(rows []ledger.Entry) []string {
			var total ledger.Amount
			for _, x := range rows {
				d, _ := x.Totals()
				total += d
			}
			return []string{"Total", "", "", fmt.Sprintf("%d écriture%s", len(rows), fr.S(len(rows))), "", total.String()}
		},
		NoMatch: "Aucune écriture de la période ne correspond à « %s » (libellé, pièce, compte ou montant).",
		OnOpen:  e.tapped,
	}
	list := e.table.Build()

	e.lines = &widgets.Table[ledger.Line]{
		Cols: []widgets.Column[ledger.Line]{
			{Title: "Compte", Width: 90, Text: func(l ledger.Line) string { return l.Account }},
			{Title: "Intitulé du compte", Width: 200, Stretch: true, Text: e.accountLabel},
			{Title: "Libellé de la ligne", Width: 200, Text: func(l ledger.Line) string { return l.Label }},
			{Title: "Clé", Width: 60, Text: func(l ledger.Line) string { return l.Key }},
			{Title: "Débit", Width: 130, Align: fyne.TextAlignTrailing, Text: func(l ledger.Line) string { return money(l.Debit) }},
			{Title: "Crédit", Width: 130, Align: fyne.TextAlignTrailing, Text: func(l ledger.Line) string { return money(l.Credit) }},
			// The VAT part and the recoverable share a charge line carries
			// (issue 20), shown only for an entry that has some (taxColumns).
			{Title: "TVA", Width: 80, Align: fyne.TextAlignTrailing, Text: func(l ledger.Line) string { return money(l.VAT) }},
			{Title: "R", Width: 56, Align: fyne.TextAlignTrailing, Text: func(l ledger.Line) string {
				if l.Recoverable == 0 {
					return ""
				}
				return fmt.Sprintf("%d %%", l.Recoverable)
			}},
			{Title: "Lettre", Width: 70, Text: func(l ledger.Line) string { return l.Letter }},
		},
		Totals: func(rows []ledger.Line) []string {
			if len(rows) == 0 {
				return make([]string, 9)
			}
			var d, c, vat ledger.Amount
			for _, l := range rows {
				d += l.Debit
				c += l.Credit
				vat += l.VAT
			}
			return []string{"Total", "", fmt.Sprintf("%d ligne%s", len(rows), fr.S(len(rows))), "", d.String(), c.String(), money(vat), "", ""}
		},
		Empty: "Choisissez une écriture dans la liste pour voir ses lignes, la modifier ou la supprimer.",
	}
	linesView := e.lines.Build()
	e.taxColumns(nil)

	e.journal = widget.NewSelect(nil, func(string) {
		if !e.filling {
			e.journalCode = e.journalAt(e.journal.SelectedIndex())
			e.reload()
		}
	})
	e.month = widget.NewSelect(nil, func(string) {
		if !e.filling {
			e.monthIdx = e.month.SelectedIndex() - 1
			e.reload()
		}
	})
	e.search = widgets.NewField("", "Libellé, pièce, compte, montant…")
	e.search.OnChanged = e.table.Search
	e.search.SetKeys(&widgets.FormKeys{
		Enter: func() { // Enter shows the first entry found
			if len(e.table.Rows()) > 0 {
				e.choose(e.table.Rows()[0])
			}
		},
		Escape: func() { e.search.SetText("") },
	})
	e.add = widget.NewButtonWithIcon("Nouvelle écriture…", theme.ContentAddIcon(), e.create)
	e.add.Importance = widget.HighImportance

	filters := container.NewHBox(
		widget.NewLabel("Journal :"), container.New(&widgets.FixedWidth{Width: 260}, e.journal),
		widget.NewLabel("Mois :"), container.New(&widgets.FixedWidth{Width: 200}, e.month),
		widget.NewLabel("Rechercher :"))
	tools := container.NewBorder(nil, nil, filters, nil, e.search)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, e.add, widgets.Heading("Saisie (journaux)")), tools)

	e.detailTitle = widget.NewLabel("")
	e.detailTitle.TextStyle.Bold = true
	e.detailTitle.Truncation = fyne.TextTruncateEllipsis
	e.edit = widget.NewButtonWithIcon("Modifier…", theme.DocumentCreateIcon(), e.editSelected)
	e.del = widget.NewButtonWithIcon("Supprimer…", theme.DeleteIcon(), e.deleteSelected)
	// Why the buttons are off, beside them: the banner at the top of the
	// window says it at length.
	e.why = widget.NewLabel("")
	e.why.Importance = widget.WarningImportance
	e.why.Hide()
	detailTop := container.NewBorder(nil, nil, nil, container.NewHBox(e.why, e.edit, e.del), e.detailTitle)
	detail := container.NewBorder(detailTop, nil, nil, nil, linesView)

	split := container.NewVSplit(list, detail)
	split.Offset = 0.6
	e.root = container.NewBorder(top, nil, nil, nil, split)
	e.showDetail(nil)
	return e
}

func (e *entries) view() fyne.CanvasObject { return e.root }

// reload reads the journals, the chart and the entries of the period again.
func (e *entries) reload() {
	s := e.s
	refs, err := s.res.EntryRefs()
	if err != nil {
		s.showError(err)
		return
	}
	e.refs = refs
	e.fillSelects()

	from, to := e.period()
	list, err := s.res.Entries(ledger.EntryFilter{Journal: e.journalCode, From: from, To: to})
	if err != nil {
		s.showError(err)
		return
	}
	e.table.Empty = e.emptyText()
	var keep *ledger.Entry
	for i := range list {
		if e.selected != nil && list[i].ID == e.selected.ID {
			keep = &list[i]
		}
	}
	e.selected = keep
	e.table.SetRows(list)
	e.showDetail(keep)
	widgets.SetEnabled(e.add, !s.readOnly())
}

// fillSelects offers the journals and the months of the exercise shown,
// keeping the choices made when they still exist.
func (e *entries) fillSelects() {
	e.filling = true
	defer func() { e.filling = false }()
	opts := []string{"Tous les journaux"}
	sel := 0
	for i, j := range e.refs.Journals {
		opts = append(opts, journalText(j))
		if j.Code == e.journalCode {
			sel = i + 1
		}
	}
	if sel == 0 {
		e.journalCode = ""
	}
	e.journal.SetOptions(opts)
	e.journal.SetSelectedIndex(sel)

	ex := e.s.exercise
	if ex.ID != e.exerciseID {
		// Another exercise: show the month of its situation day.
		e.exerciseID = ex.ID
		e.months = app.Months(ex)
		e.monthIdx = -1
		at := e.s.situation()
		for i, m := range e.months {
			if m.Year() == at.Year() && m.Month() == at.Month() {
				e.monthIdx = i
			}
		}
	}
	opts = []string{"Tout l'exercice"}
	for _, m := range e.months {
		opts = append(opts, fr.UpperFirst(app.MonthName(m)))
	}
	e.month.SetOptions(opts)
	e.month.SetSelectedIndex(e.monthIdx + 1)
}

// journalAt is the journal code of a choice of the journal list.
func (e *entries) journalAt(i int) string {
	if i <= 0 || i > len(e.refs.Journals) {
		return ""
	}
	return e.refs.Journals[i-1].Code
}

// period is the days shown: the month chosen, or the whole exercise.
func (e *entries) period() (from, to time.Time) {
	ex := e.s.exercise
	if e.monthIdx < 0 || e.monthIdx >= len(e.months) {
		return ex.Start, ex.End
	}
	return app.MonthSpan(e.months[e.monthIdx], ex)
}

// periodWords names the period in a sentence: "ce mois-ci", "en mars 2025",
// "dans l'exercice 2025".
func (e *entries) periodWords(short bool) string {
	if e.monthIdx < 0 || e.monthIdx >= len(e.months) {
		return "dans l'exercice " + e.s.exercise.Name()
	}
	if short {
		return "ce mois-ci"
	}
	return "en " + app.MonthName(e.months[e.monthIdx])
}

func (e *entries) emptyText() string {
	what := "Aucune écriture"
	if e.journalCode != "" {
		what += " du journal " + e.journalCode
	}
	text := what + " " + e.periodWords(true)
	if e.s.readOnly() {
		return text + "."
	}
	return text + " — cliquez sur « Nouvelle écriture »."
}

// accountsOf sums up the accounts of an entry for the list.
func accountsOf(x ledger.Entry) string {
	var codes []string
	seen := map[string]bool{}
	for _, l := range x.Lines {
		if !seen[l.Account] {
			seen[l.Account] = true
			codes = append(codes, l.Account)
		}
	}
	return strings.Join(codes, ", ")
}

func (e *entries) accountLabel(l ledger.Line) string {
	if e.refs.Accounts == nil {
		return ""
	}
	a, _ := e.refs.Accounts.Account(l.Account)
	return a.Label
}

// matches says whether an entry answers a search: an amount finds the
// entries with a line of that amount; words find the label, the piece, the
// journal, an account's number or name, a line's label.
func (e *entries) matches(x ledger.Entry, q string) bool {
	if a, err := ledger.ParseAmount(q); err == nil && strings.IndexFunc(q, func(r rune) bool { return r == ',' || r == '.' }) >= 0 {
		for _, l := range x.Lines {
			if l.Debit == a || l.Credit == a {
				return true
			}
		}
	}
	var b strings.Builder
	b.WriteString(x.Label + " " + x.Piece + " " + x.Journal)
	for _, l := range x.Lines {
		b.WriteString(" " + l.Account + " " + e.accountLabel(l) + " " + l.Label + " " + l.Debit.Format() + " " + l.Credit.Format())
	}
	return strings.Contains(fr.Fold(b.String()), q)
}

// tapped shows the entry tapped; a second tap on it soon after opens it.
func (e *entries) tapped(x ledger.Entry) {
	now := time.Now()
	if e.tapID == x.ID && now.Sub(e.tapAt) < doubleTap && !e.s.readOnly() {
		e.tapID = 0
		e.choose(x)
		e.editSelected()
		return
	}
	e.tapID, e.tapAt = x.ID, now
	e.choose(x)
}

// choose shows an entry's lines below the list.
func (e *entries) choose(x ledger.Entry) {
	e.selected = &x
	e.table.Apply() // the row's tint
	e.showDetail(&x)
}

// locked says why an entry may not be changed, "" when it may.
func (e *entries) locked(x ledger.Entry) string {
	s := e.s
	if s.res.ReadOnly() {
		return "Lecture seule : ni modification ni suppression"
	}
	for _, ex := range s.exercises {
		if ex.Contains(x.Date) && ex.Closed {
			return fmt.Sprintf("Exercice %s clos : ni modification ni suppression", ex.Name())
		}
	}
	if s.exercise.Closed {
		return fmt.Sprintf("Exercice %s clos : ni modification ni suppression", s.exercise.Name())
	}
	return ""
}

func (e *entries) showDetail(x *ledger.Entry) {
	if x == nil {
		e.detailTitle.SetText("Aucune écriture choisie")
		e.lines.SetRows(nil)
		e.edit.Disable()
		e.del.Disable()
		e.why.Hide()
		return
	}
	title := "Écriture " + entryName(*x)
	if x.Label != "" {
		title += " — " + x.Label
	}
	e.detailTitle.SetText(title)
	e.lines.SetRows(x.Lines)
	e.taxColumns(x.Lines)
	why := e.locked(*x)
	widgets.SetEnabled(e.edit, why == "")
	widgets.SetEnabled(e.del, why == "")
	e.why.SetText(why)
	if why == "" {
		e.why.Hide()
	} else {
		e.why.Show()
	}
}

// create opens the form for a new entry (Ctrl+N), in the journal shown and
// at the date of its latest entry in the period.
func (e *entries) create() {
	s := e.s
	if s.readOnly() {
		return
	}
	journal := e.journalCode
	if journal == "" {
		journal = e.lastJournal
	}
	if journal == "" && len(e.refs.Journals) > 0 {
		journal = e.refs.Journals[0].Code
	}
	from, to := e.period()
	date, piece, err := s.res.EntryDefaults(journal, from, to, s.now())
	if err != nil {
		s.showError(err)
		return
	}
	draft := app.EntryDraft{Date: ledger.FrenchDate(date), Journal: journal, Piece: piece}
	e.form = s.entryForm(e.refs, nil, draft, e.saved)
	e.form.show()
}

// editSelected opens the selected entry in the form.
func (e *entries) editSelected() {
	x := e.selected
	if x == nil || e.locked(*x) != "" {
		return
	}
	orig := *x
	draft := app.EntryDraft{Date: ledger.FrenchDate(x.Date), Journal: x.Journal, Piece: x.Piece, Label: x.Label, Lines: lineDrafts(*x)}
	e.form = e.s.entryForm(e.refs, &orig, draft, e.saved)
	e.form.show()
}

// saved shows the books again with the entry written selected; it says
// where the entry is when the list shown leaves it out.
func (e *entries) saved(x ledger.Entry) string {
	e.lastJournal = x.Journal
	e.selected = &x
	e.s.changed()
	for i, r := range e.table.Rows() {
		if r.ID == x.ID {
			e.table.Widget().ScrollTo(widget.TableCellID{Row: i, Col: 0})
			return ""
		}
	}
	return fmt.Sprintf(" — hors de la liste affichée : journal %s, %s", x.Journal, app.MonthName(x.Date))
}

// deleteSelected deletes the selected entry once confirmed.
func (e *entries) deleteSelected() {
	x := e.selected
	if x == nil || e.locked(*x) != "" {
		return
	}
	s := e.s
	gone := *x
	total, _ := gone.Totals()
	label := ""
	if gone.Label != "" {
		label = " « " + gone.Label + " »"
	}
	s.confirm("Supprimer une écriture",
		fmt.Sprintf("Supprimer l'écriture %s%s (%s) ? Ses %d lignes disparaîtront des journaux et des comptes.", entryName(gone), label, total, len(gone.Lines)),
		"Supprimer", "Annuler", func() {
			if err := s.res.DeleteEntry(gone.ID); err != nil {
				s.showError(err)
				return
			}
			e.selected = nil
			s.say(fmt.Sprintf("%s supprimée (%s, %s)", entryWords(gone), gone.Journal, total))
			s.changed()
		})
}

func (e *entries) focusSearch() { e.s.win.Canvas().Focus(e.search) }

// showEntry opens the Saisie screen on an entry (from an owner's card, a
// receipt): the exercise and the month of its date, every journal, the
// entry chosen and scrolled to — not the month of the situation day, where
// it is not.
func (s *Shell) showEntry(id int64, date time.Time) {
	if s.res == nil {
		return
	}
	if !s.exercise.Contains(date) {
		for _, ex := range s.exercises {
			if ex.Contains(date) {
				s.exercise = ex
			}
		}
	}
	if !s.showScreen("entries") {
		return
	}
	if e, ok := s.currentScreen().(*entries); ok {
		e.focusEntry(id, date)
	}
}

// focusEntry shows the month of date in every journal, with entry id
// chosen.
func (e *entries) focusEntry(id int64, date time.Time) {
	e.monthIdx = -1
	for i, m := range e.months {
		if m.Year() == date.Year() && m.Month() == date.Month() {
			e.monthIdx = i
		}
	}
	e.journalCode = ""
	e.search.SetText("")
	e.selected = &ledger.Entry{ID: id} // reload keeps it when it is listed
	e.reload()
	for i, r := range e.table.Rows() {
		if r.ID == id {
			e.choose(r)
			// Once the screen is laid out: a table scrolled before it has
			// its size shows blank rows and misses the row.
			fyne.Do(func() { e.table.Widget().ScrollTo(widget.TableCellID{Row: i, Col: 0}) })
		}
	}
}

// Columns of the lines' table that only some entries need: the VAT part and
// the recoverable share of charge lines. An entry without them keeps the
// room for its labels and amounts (a 1024-px window).
const (
	lineVATColumn         = 6
	lineRecoverableColumn = 7
)

// taxColumns shows the TVA and R columns when one of the lines carries them.
func (e *entries) taxColumns(lines []ledger.Line) {
	var vat, rec bool
	for _, l := range lines {
		vat = vat || l.VAT != 0
		rec = rec || l.Recoverable != 0
	}
	e.lines.HideColumn(lineVATColumn, !vat)
	e.lines.HideColumn(lineRecoverableColumn, !rec)
}
