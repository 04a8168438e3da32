package ui

import (
	"fmt"
	"image/color"
	"strconv"
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

// callsScreen is the Appels de fonds screen: the calls posted in the
// exercise shown, the one selected with its keys and owners, and what to do
// with calls: prepare the budget's (preview, post, notices), reprint the
// notices of a date, cancel a call, remind the debtors, settings; a second
// tab edits the letter texts.
type callsScreen struct {
	s     *Shell
	calls []app.CallSummary
	table *widgets.Table[app.CallSummary]

	search                *widgets.Field
	state                 *widget.Label
	misdirected           map[int64]bool
	stale                 *fyne.Container // says which calls a later sale made wrong
	prepare, remind, opts *widget.Button
	oneOff, advance       *widget.Button // calls_oneoff.go

	selected     *app.CallSummary
	detailTitle  *widget.Label
	keys         *widgets.Table[ledger.CallKey]
	owners       *widgets.Table[callOwnerRow]
	reprint, del *widget.Button
	why          *widget.Label
	keyLabels    map[string]string
	ownerNames   map[string]string

	letters *lettersPanel
	tabs    *container.AppTabs
	root    fyne.CanvasObject
}

// callOwnerRow is what a posted call asked of one owner.
type callOwnerRow struct {
	account, name string
	amount        ledger.Amount
}

var callSelectedTint = color.NRGBA{0x1F, 0x4E, 0x8C, 0x2A}

func newCalls(s *Shell) screen {
	c := &callsScreen{s: s}
	c.table = &widgets.Table[app.CallSummary]{
		Cols: []widgets.Column[app.CallSummary]{
			{Title: "Pièce", Width: 90, Text: func(r app.CallSummary) string { return r.Piece },
				Less: func(a, b app.CallSummary) bool { return a.Piece < b.Piece }},
			{Title: "Échéance", Width: 110, Text: func(r app.CallSummary) string { return ledger.FrenchDate(r.Due) },
				Less: func(a, b app.CallSummary) bool { return a.Due.Before(b.Due) || a.Due.Equal(b.Due) && a.Piece < b.Piece }},
			{Title: "Période", Width: 200, Stretch: true, Text: callPeriodText},
			{Title: "Type", Width: 170, Text: func(r app.CallSummary) string { return kindTitle(r.Kind, r.Works) },
				Less: func(a, b app.CallSummary) bool { return kindRank(a.Kind) < kindRank(b.Kind) }},
			{Title: "Copropriétaires", Width: 140, Align: fyne.TextAlignTrailing, Text: func(r app.CallSummary) string { return strconv.Itoa(r.Owners) }},
			{Title: "Montant", Width: 150, Align: fyne.TextAlignTrailing, Text: func(r app.CallSummary) string { return r.Amount.String() },
				Ink:  func(r app.CallSummary) widget.Importance { return creditInk(r.Amount) },
				Less: func(a, b app.CallSummary) bool { return a.Amount < b.Amount }},
			{Title: "État", Width: 120, Text: callStateText, Ink: func(r app.CallSummary) widget.Importance {
				if r.Cancelled() {
					return widget.WarningImportance
				}
				return widget.SuccessImportance
			}},
		},
		Match: func(r app.CallSummary, q string) bool {
			return strings.Contains(fr.Fold(r.Piece+" "+ledger.FrenchDate(r.Due)+" "+r.Label+" "+kindTitle(r.Kind, r.Works)+" "+callStateText(r)), q)
		},
		Tint: func(r app.CallSummary) color.Color {
			switch {
			case c.selected != nil && r.ID == c.selected.ID:
				return callSelectedTint
			case c.misdirected[r.ID]:
				return warningTint
			}
			return nil
		},
		Totals: func(rows []app.CallSummary) []string {
			var live ledger.Amount
			n := 0
			for _, r := range rows {
				if !r.Cancelled() {
					live += r.Amount
					n++
				}
			}
			return []string{"Total", "", fmt.Sprintf("%s en vigueur sur %d", callsWord(n), len(rows)), "", "", live.String(), ""}
		},
		SortCol: 1,
		NoMatch: "Aucun appel ne correspond à « %s ».",
		OnOpen:  c.choose,
	}
	list := c.table.Build()
	c.search = widgets.SearchBox("Pièce, date, libellé…", c.table.Search, func() {
		if len(c.table.Rows()) > 0 {
			c.choose(c.table.Rows()[0])
		}
	})

	c.prepare = widget.NewButtonWithIcon("Préparer les appels…", theme.ContentAddIcon(), c.create)
	c.prepare.Importance = widget.HighImportance
	c.remind = widget.NewButtonWithIcon("Relances…", theme.MailSendIcon(), c.reminders)
	c.opts = widget.NewButtonWithIcon("Réglages…", theme.SettingsIcon(), c.settingsForm)
	c.state = widget.NewLabel("")
	c.state.Wrapping = fyne.TextWrapWord

	c.detailTitle = widget.NewLabel("")
	c.detailTitle.TextStyle.Bold = true
	c.detailTitle.Truncation = fyne.TextTruncateEllipsis
	c.reprint = widget.NewButtonWithIcon("Réimprimer les avis…", theme.DocumentPrintIcon(), c.reprintSelected)
	c.del = widget.NewButtonWithIcon("Annuler l'appel…", theme.CancelIcon(), c.cancelSelected)
	c.why = widget.NewLabel("")
	c.why.Importance = widget.WarningImportance
	c.why.Hide()
	c.keys = &widgets.Table[ledger.CallKey]{
		Cols: []widgets.Column[ledger.CallKey]{
			{Title: "Clé", Width: 60, Text: func(k ledger.CallKey) string { return k.Key }},
			{Title: "Libellé", Width: 160, Stretch: true, Text: func(k ledger.CallKey) string { return c.keyLabels[k.Key] }},
			{Title: "Tantièmes", Width: 110, Align: fyne.TextAlignTrailing, Text: func(k ledger.CallKey) string { return fr.Shares(k.TotalShares) }},
			{Title: "Montant", Width: 140, Align: fyne.TextAlignTrailing, Text: func(k ledger.CallKey) string { return k.Amount.String() },
				Ink: func(k ledger.CallKey) widget.Importance { return creditInk(k.Amount) }},
		},
		Totals: func(rows []ledger.CallKey) []string {
			var t ledger.Amount
			for _, k := range rows {
				t += k.Amount
			}
			return []string{"Total", fmt.Sprintf("%d clé%s", len(rows), fr.S(len(rows))), "", t.String()}
		},
		Empty: "Choisissez un appel dans la liste pour voir ses clés et ce qu'il demande à chaque copropriétaire.",
	}
	c.owners = &widgets.Table[callOwnerRow]{
		Cols: []widgets.Column[callOwnerRow]{
			{Title: "Compte", Width: 90, Text: func(r callOwnerRow) string { return r.account },
				Less: func(a, b callOwnerRow) bool { return a.account < b.account }},
			{Title: "Copropriétaire", Width: 200, Stretch: true, Text: func(r callOwnerRow) string { return r.name },
				Less: func(a, b callOwnerRow) bool { return fr.Fold(a.name) < fr.Fold(b.name) }},
			{Title: "Montant", Width: 140, Align: fyne.TextAlignTrailing, Text: func(r callOwnerRow) string { return r.amount.String() },
				Ink:  func(r callOwnerRow) widget.Importance { return creditInk(r.amount) },
				Less: func(a, b callOwnerRow) bool { return a.amount < b.amount }},
		},
		Totals: func(rows []callOwnerRow) []string {
			var t ledger.Amount
			for _, r := range rows {
				t += r.amount
			}
			return []string{"Total", fmt.Sprintf("%d copropriétaire%s", len(rows), fr.S(len(rows))), t.String()}
		},
	}
	detailTop := widgets.Bar(c.detailTitle, c.why, c.reprint, c.del)
	detail := container.NewBorder(detailTop, nil, nil, nil, widgets.Pair(c.keys.Build(), c.owners.Build()))
	split := container.NewVSplit(list, detail)
	split.Offset = 0.5

	c.oneOff = widget.NewButtonWithIcon("Appel ponctuel…", theme.ContentAddIcon(), func() { c.oneOffForm(false) })
	c.advance = widget.NewButtonWithIcon("Appel d'avance…", theme.ContentAddIcon(), func() { c.oneOffForm(true) })
	head := widgets.Bar(widgets.Heading("Appels de fonds"), c.remind, c.opts, c.oneOff, c.advance, c.prepare)
	tools := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("Rechercher :"), container.New(&widgets.FixedWidth{Width: 260}, c.search)), nil, c.state)
	c.stale = container.NewVBox()
	callsTab := container.NewBorder(container.NewVBox(tools, c.stale), nil, nil, nil, split)
	c.letters = newLettersPanel(s)
	c.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Appels de l'exercice", theme.ListIcon(), callsTab),
		container.NewTabItemWithIcon("Textes des lettres", theme.DocumentCreateIcon(), c.letters.view()),
	)
	c.root = container.NewBorder(head, nil, nil, nil, c.tabs)
	c.showDetail()
	return c
}

func (c *callsScreen) view() fyne.CanvasObject { return c.root }

// callPeriodText is the period of a call in the list: "1er trimestre 2026",
// or the campaign's due date of a works call.
func callPeriodText(r app.CallSummary) string {
	switch r.Kind {
	case ledger.WorksCall:
		return fmt.Sprintf("échéance %d sur %d", r.Number, r.Count)
	case ledger.FundCall:
		return strings.TrimPrefix(r.Label, "Appel fonds de travaux ")
	case ledger.DirectCall, ledger.AdvanceCall:
		return r.Label
	}
	return strings.TrimPrefix(r.Label, "Appel de fonds ")
}

func callStateText(r app.CallSummary) string {
	if r.Cancelled() {
		return "Annulé"
	}
	return "Passé"
}

func (c *callsScreen) reload() {
	s := c.s
	list, err := s.res.CallList(s.exercise)
	if err != nil {
		s.showError(err)
		return
	}
	c.calls = list
	var keep *app.CallSummary
	for i := range list {
		if c.selected != nil && list[i].ID == c.selected.ID {
			keep = &list[i]
		}
	}
	c.selected = keep
	c.keyLabels, c.ownerNames = map[string]string{}, map[string]string{}
	keys, err := s.res.Keys()
	for _, k := range keys {
		c.keyLabels[k.Code] = k.Label
	}
	if err == nil {
		var owners []ledger.Owner
		owners, err = s.res.Owners()
		for _, o := range owners {
			c.ownerNames[o.Account] = o.DisplayName()
		}
	}
	if err != nil {
		s.showError(err)
	}
	c.showMisdirected()
	if s.readOnly() {
		c.table.Empty = fmt.Sprintf("Aucun appel de fonds n'a été passé dans l'exercice %s.", s.exercise.Name())
	} else {
		c.table.Empty = fmt.Sprintf("Aucun appel de fonds dans l'exercice %s — cliquez sur « Préparer les appels… » pour appeler le budget et le fonds de travaux.", s.exercise.Name())
	}
	c.table.SetRows(list) // after the misdirected calls are known: their rows are tinted
	c.showState()
	c.showDetail()
	widgets.SetEnabled(c.prepare, !s.readOnly())
	widgets.SetEnabled(c.oneOff, !s.readOnly())
	widgets.SetEnabled(c.advance, !s.readOnly())
	widgets.SetEnabled(c.remind, true) // reminders only read the books
	widgets.SetEnabled(c.opts, !s.readOnly())
	c.letters.reload() // what is typed there stays
}

// showMisdirected warns about the calls a sale recorded after them made
// wrong: they still ask the seller what the buyer owes (DOMAIN §9).
func (c *callsScreen) showMisdirected() {
	s := c.s
	c.misdirected = map[int64]bool{}
	c.stale.Objects = nil
	list, err := s.res.MisdirectedCalls(s.exercise)
	if err != nil {
		s.showError(err)
	}
	if len(list) > 0 {
		var pieces []string
		owners := map[string]bool{}
		var who []string
		for _, m := range list {
			c.misdirected[m.ID] = true
			pieces = append(pieces, m.Piece)
			for _, o := range m.Owners {
				if !owners[o] {
					owners[o] = true
					who = append(who, strings.TrimSpace(o+" "+c.ownerNames[o]))
				}
			}
		}
		held := "qui n'avait plus de lot de leur clé à cette date"
		if len(who) > 1 {
			held = "qui n'avaient plus de lot de leur clé à cette date"
		}
		text := fmt.Sprintf("L'appel %s demande encore sa part à %s, %s : une vente a été enregistrée après lui. "+
			"Annulez-le, puis générez-le à nouveau avec « Préparer les appels… » : il ira à l'acheteur.", pieces[0], frJoin(who), held)
		if len(list) > 1 {
			text = fmt.Sprintf("Les appels %s demandent encore leur part à %s, %s : une vente a été enregistrée après eux. "+
				"Annulez-les, puis générez-les à nouveau avec « Préparer les appels… » : ils iront à l'acheteur.", frJoin(pieces), frJoin(who), held)
		}
		c.stale.Add(widgets.Banner(warningTint, theme.WarningIcon(), text))
	}
	c.stale.Refresh()
}

// frJoin joins words as a sentence does: "a, b et c".
func frJoin(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " et " + words[len(words)-1]
}

// showState says where the exercise's calls stand: how many of the budget
// and of the fund are passed.
func (c *callsScreen) showState() {
	budget, fund, cancelled := 0, 0, 0
	count := 0
	for _, r := range c.calls {
		switch {
		case r.Cancelled():
			cancelled++
		case r.Kind == ledger.BudgetCall:
			budget++
			count = r.Count
		case r.Kind == ledger.FundCall:
			fund++
		}
	}
	if count == 0 {
		n, err := c.s.res.CallCount()
		if err != nil {
			c.s.showError(err)
		}
		count = n
	}
	text := fmt.Sprintf("Exercice %s : %d appel%s du budget sur %d passé%s, %d du fonds de travaux", c.s.exercise.Name(), budget, fr.S(budget), count, fr.S(budget), fund)
	if cancelled > 0 {
		text += fmt.Sprintf(", %d annulé%s", cancelled, fr.S(cancelled))
	}
	c.state.SetText(text + ".")
	c.state.Importance = widget.MediumImportance
	if budget == count {
		c.state.Importance = widget.SuccessImportance
	}
	c.state.Refresh()
}

// create prepares the budget's calls (Ctrl+N).
func (c *callsScreen) create() {
	if c.s.readOnly() {
		return
	}
	c.prepareForm()
}

func (c *callsScreen) focusSearch() {
	c.tabs.SelectIndex(0)
	c.s.win.Canvas().Focus(c.search)
}

// choose shows a call's keys and owners below the list.
func (c *callsScreen) choose(r app.CallSummary) {
	c.selected = &r
	c.table.Apply()
	c.showDetail()
}

// locked says why the selected call may not be cancelled, "" when it may.
func (c *callsScreen) locked(r app.CallSummary) string {
	s := c.s
	switch {
	case s.res.ReadOnly():
		return "Lecture seule"
	case s.exercise.Closed:
		return fmt.Sprintf("Exercice %s clos", s.exercise.Name())
	case r.Cancelled():
		return "Appel annulé"
	}
	return ""
}

func (c *callsScreen) showDetail() {
	r := c.selected
	if r == nil {
		c.detailTitle.SetText("Aucun appel choisi")
		c.keys.SetRows(nil)
		c.owners.SetRows(nil)
		c.reprint.Disable()
		c.del.Disable()
		c.reprint.SetText("Réimprimer les avis…")
		c.del.SetText("Annuler l'appel…")
		c.why.Hide()
		return
	}
	title := fmt.Sprintf("Appel %s du %s — %s", r.Piece, ledger.FrenchDate(r.Due), r.Label)
	if r.Cancelled() {
		title += " (annulé)"
	}
	c.detailTitle.SetText(title)
	c.keys.SetRows(r.Keys)
	var rows []callOwnerRow
	if call, err := c.s.res.CallByPiece(r.Piece); err != nil {
		c.s.showError(err)
	} else {
		for acc, a := range call.OwnerTotals() {
			rows = append(rows, callOwnerRow{account: acc, name: c.ownerNames[acc], amount: a})
		}
	}
	c.owners.SetRows(rows)
	c.reprint.SetText("Réimprimer les avis du " + ledger.FrenchDate(r.Due) + "…")
	c.del.SetText("Annuler l'appel " + r.Piece + "…")
	c.reprint.Enable()
	why := c.locked(*r)
	widgets.SetEnabled(c.del, why == "")
	c.why.SetText(why)
	if why == "" {
		c.why.Hide()
	} else {
		c.why.Show()
	}
}

// reprintSelected writes again the notices of the selected call's date.
func (c *callsScreen) reprintSelected() {
	r := c.selected
	if r == nil {
		return
	}
	due := r.Due
	c.s.noticesForm("Avis de l'appel du "+ledger.FrenchDate(due), func(dir string, opt app.NoticeOptions) ([]app.NoticeFiles, error) {
		nf, err := c.s.res.WriteNotices(dir, due, opt)
		if err != nil {
			return nil, err
		}
		return []app.NoticeFiles{nf}, nil
	})
}

// cancelSelected cancels the selected call with a reversing entry, once
// the user has read what it does.
func (c *callsScreen) cancelSelected() {
	r := c.selected
	if r == nil || c.locked(*r) != "" {
		return
	}
	s := c.s
	call := *r
	date := widgets.NewField(ledger.FrenchDate(call.Due), "JJ/MM/AAAA")
	f := s.newForm("Annuler un appel de fonds", "Annuler l'appel "+call.Piece)
	f.ok.Importance = widget.DangerImportance
	f.cancel.SetText("Ne pas annuler")
	f.width = 620
	f.submit = func() error {
		d, err := ledger.ParseDate(date.Text)
		if err != nil {
			s.win.Canvas().Focus(date)
			return ledger.Wrap(ledger.Invalid, err, "Date de l'annulation : %s", ledger.Message(err))
		}
		rev, err := s.res.CancelCall(call.ID, d)
		if err != nil {
			return err
		}
		total, _ := rev.Totals()
		s.say(fmt.Sprintf("Appel %s du %s annulé : écriture d'extourne du %s (%s) au journal %s", call.Piece, ledger.FrenchDate(call.Due),
			ledger.FrenchDate(rev.Date), total.String(), rev.Journal))
		s.changed()
		return nil
	}
	text := fmt.Sprintf("Annuler l'appel %s du %s (%s, %s, %s) ? Une écriture d'extourne, datée ci-dessous, reprendra chaque ligne de l'appel en sens inverse ; "+
		"l'appel restera dans la liste, marqué « Annulé ». Les avis déjà envoyés ne seront plus dus : prévenez les copropriétaires.",
		call.Piece, ledger.FrenchDate(call.Due), strings.ToLower(kindTitle(call.Kind, call.Works)), callPeriodText(call), call.Amount.String())
	form := widget.NewForm(widget.NewFormItem("Date de l'annulation", date))
	f.show(container.NewVBox(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.QuestionIcon())), nil, widgets.Note(text)), form,
		widgets.Note(fmt.Sprintf("Entre le %s et le %s. Touche Entrée : annuler l'appel. Touche Échap : revenir.", ledger.FrenchDate(call.Due), ledger.FrenchDate(c.s.exercise.End)))), date)
	refit(f)
}

// countChoices are the numbers of calls a year offered, with their words.
var countChoices = []struct {
	n    int
	text string
}{
	{1, "1 appel par an"}, {2, "2 appels par an (semestriels)"}, {3, "3 appels par an (quadrimestriels)"},
	{4, "4 appels par an (trimestriels)"}, {6, "6 appels par an (bimestriels)"}, {12, "12 appels par an (mensuels)"},
}

func countText(n int) string {
	for _, c := range countChoices {
		if c.n == n {
			return c.text
		}
	}
	return fmt.Sprintf("%d appels par an", n)
}

// prepareForm asks how many calls to make of the budget of the exercise
// shown, shows their periods, then previews them.
func (c *callsScreen) prepareForm() {
	s := c.s
	ex := s.exercise
	count, err := s.res.CallCount()
	if err != nil {
		s.showError(err)
		return
	}
	for _, r := range c.calls {
		if !r.Cancelled() && r.Kind != ledger.WorksCall {
			count = r.Count // the series already started keeps its rhythm
		}
	}
	var options []string
	for _, ch := range countChoices {
		if _, err := app.CallPeriods(ex, ch.n); err == nil {
			options = append(options, ch.text)
		}
	}
	periods := widgets.Note("")
	choice := newChoiceField(options, countText(count), nil)
	chosen := func() int {
		for _, ch := range countChoices {
			if ch.text == choice.Selected {
				return ch.n
			}
		}
		return count
	}
	showPeriods := func(string) {
		list, err := app.CallPeriods(ex, chosen())
		if err != nil {
			periods.SetText(s.message(err))
			return
		}
		var lines []string
		for _, p := range list {
			lines = append(lines, fmt.Sprintf("• %s : %s (du %s au %s)", ledger.FrenchDate(p.Start), p.Name, ledger.FrenchDate(p.Start), ledger.FrenchDate(p.End)))
		}
		periods.SetText("Échéances : \n" + strings.Join(lines, "\n"))
	}
	choice.react = showPeriods
	showPeriods("")

	st, err := s.res.WorksFund(ex)
	if err != nil {
		s.showError(err)
		return
	}
	budgetLine := fmt.Sprintf("Budget %s : %s de charges.", ex.Name(), st.Budget.String())
	fundLine := fmt.Sprintf("Aucun fonds de travaux n'est fixé pour %s : seuls les appels du budget seront préparés (le fonds se règle dans l'écran Budget).", ex.Name())
	if st.Set {
		fundLine = fmt.Sprintf("Le fonds de travaux %s (%s par an, clé %s) est appelé aux mêmes dates, sauf s'il l'est déjà.", ex.Name(), st.Fund.Amount.String(), st.Fund.Key)
	}
	f := s.newForm("Préparer les appels de l'exercice "+ex.Name(), "Voir l'aperçu", choice)
	f.width = 640
	f.submit = func() error {
		plan, err := s.res.PlanBudgetCalls(ex, chosen())
		if err != nil {
			return err
		}
		f.close()
		s.previewCalls(fmt.Sprintf("Aperçu des appels de l'exercice %s", ex.Name()), plan, func([]ledger.Call) { c.selected = nil })
		return errStay
	}
	form := widget.NewForm(widget.NewFormItem("Nombre d'appels", choice))
	f.show(container.NewVBox(widgets.Note(budgetLine), form, periods, widgets.Note(fundLine),
		widgets.Note("Rien n'est comptabilisé à cette étape : l'aperçu montre chaque appel, clé par clé et copropriétaire par copropriétaire, avant que vous ne décidiez de le générer.")), choice)
	refit(f)
}

// settingsForm sets how calls are written in the books and how many a year.
func (c *callsScreen) settingsForm() {
	s := c.s
	if s.readOnly() {
		return
	}
	level, err := s.res.CallLevel()
	if err != nil {
		s.showError(err)
		return
	}
	count, err := s.res.CallCount()
	if err != nil {
		s.showError(err)
		return
	}
	var levels []string
	for _, l := range app.CallLevels() {
		levels = append(levels, l.Label())
	}
	var counts []string
	for _, ch := range countChoices {
		counts = append(counts, ch.text)
	}
	levelChoice := newChoiceField(levels, level.Label(), nil)
	countChoice := newChoiceField(counts, countText(count), nil)
	f := s.newForm("Réglages des appels de fonds", "Enregistrer", countChoice, levelChoice)
	f.width = 720
	f.submit = func() error {
		var l app.CallLevel
		for _, x := range app.CallLevels() {
			if x.Label() == levelChoice.Selected {
				l = x
			}
		}
		n := count
		for _, ch := range countChoices {
			if ch.text == countChoice.Selected {
				n = ch.n
			}
		}
		if err := s.res.SetCallCount(n); err != nil {
			return err
		}
		if err := s.res.SetCallLevel(l); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Réglages des appels enregistrés : %s, comptabilisation %s", countText(n), strings.ToLower(l.Label())))
		s.changed()
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Appels du budget", countChoice), widget.NewFormItem("Comptabilisation", levelChoice))
	f.show(container.NewVBox(form,
		widgets.Note("Le nombre d'appels vaut pour les exercices dont aucun appel n'est encore passé. La comptabilisation dit combien de lignes l'écriture "+
			"de chaque appel porte au crédit : chaque copropriétaire est toujours débité de sa part ; « par compte et par clé » garde juste la balance par clé. "+
			"Les appels déjà passés ne changent pas.")), countChoice)
	refit(f)
}

// reminders selects the owners whose balance is above a threshold and
// writes them a reminder each, as PDF. Nothing is recorded in the books.
func (c *callsScreen) reminders() {
	s := c.s
	at := s.situation()
	threshold := widgets.NewField("10,00", "par exemple 10,00")
	date := widgets.NewField(ledger.FrenchDate(at), "JJ/MM/AAAA")
	payBy := widgets.NewField(ledger.FrenchDate(at.AddDate(0, 0, 15)), "JJ/MM/AAAA")
	printed := widgets.NewField(ledger.FrenchDate(s.now()), "JJ/MM/AAAA")
	dir, dirLine := s.folderField(s.lettersDir(app.FolderReminders))
	list := container.NewVBox()
	summary := widget.NewLabel("")
	summary.TextStyle.Bold = true
	summary.Wrapping = fyne.TextWrapWord
	var debtors []app.Debtor
	checks := map[string]*widget.Check{}
	f := s.newForm("Relances des copropriétaires débiteurs", "Écrire les relances", threshold, date, payBy, printed, dir)
	f.width = 820
	chosen := func() ([]string, ledger.Amount) {
		var out []string
		var total ledger.Amount
		for _, d := range debtors {
			if checks[d.Account].Checked {
				out = append(out, d.Account)
				total += d.Balance
			}
		}
		return out, total
	}
	sum := func() {
		accounts, total := chosen()
		summary.SetText(fmt.Sprintf("%d relance%s à écrire, %s au total.", len(accounts), fr.S(len(accounts)), total.String()))
		widgets.SetEnabled(f.ok, len(accounts) > 0)
	}
	search := func() {
		list.Objects = nil
		debtors = nil
		thr, err1 := ledger.ParseAmount(threshold.Text)
		day, err2 := ledger.ParseDate(date.Text)
		var err error
		switch {
		case err1 != nil:
			err = ledger.Wrap(ledger.Invalid, err1, "Seuil : %s", ledger.Message(err1))
		case err2 != nil:
			err = ledger.Wrap(ledger.Invalid, err2, "Date des soldes : %s", ledger.Message(err2))
		default:
			debtors, err = s.res.Debtors(day, thr)
		}
		if err != nil {
			list.Add(warn(s.message(err)))
			summary.SetText("")
			f.ok.Disable()
			list.Refresh()
			return
		}
		if len(debtors) == 0 {
			list.Add(ok(fmt.Sprintf("Aucun copropriétaire ne doit plus de %s au %s : personne à relancer.", thr.String(), ledger.FrenchDate(day))))
		}
		for _, d := range debtors {
			ch := widget.NewCheck(fmt.Sprintf("%s %s — doit %s", d.Account, d.Name, d.Balance.String()), func(bool) { sum() })
			ch.Checked = true
			checks[d.Account] = ch
			list.Add(ch)
		}
		list.Refresh()
		sum()
	}
	chainChanged(threshold, func(string) { search() })
	proposed := payBy.Text
	chainChanged(date, func(string) {
		// The pay-by date follows the balances' until the user types his own.
		if d, err := ledger.ParseDate(date.Text); err == nil && payBy.Text == proposed {
			proposed = ledger.FrenchDate(d.AddDate(0, 0, 15))
			payBy.SetText(proposed)
		}
		search()
	})
	search()
	f.submit = func() error {
		accounts, _ := chosen()
		if len(accounts) == 0 {
			return ledger.Errorf(ledger.Invalid, "Cochez au moins un copropriétaire à relancer")
		}
		thr, err := ledger.ParseAmount(threshold.Text)
		if err != nil {
			s.win.Canvas().Focus(threshold)
			return ledger.Wrap(ledger.Invalid, err, "Seuil : %s", ledger.Message(err))
		}
		opt := app.ReminderOptions{Threshold: thr, Accounts: accounts}
		for _, d := range []struct {
			f    *widgets.Field
			what string
			dst  *time.Time
		}{{date, "Date des soldes", &opt.At}, {payBy, "À payer avant le", &opt.PayBy}, {printed, "Date des lettres", &opt.Printed}} {
			if *d.dst, err = ledger.ParseDate(d.f.Text); err != nil {
				s.win.Canvas().Focus(d.f)
				return ledger.Wrap(ledger.Invalid, err, "%s : %s", d.what, ledger.Message(err))
			}
		}
		if opt.PayBy.Before(opt.At) {
			s.win.Canvas().Focus(payBy)
			return ledger.Errorf(ledger.Invalid, "La date limite de paiement (%s) doit suivre la date des soldes (%s)", ledger.FrenchDate(opt.PayBy), ledger.FrenchDate(opt.At))
		}
		folder := strings.TrimSpace(dir.Text)
		if folder == "" {
			s.win.Canvas().Focus(dir)
			return ledger.Errorf(ledger.Invalid, "Indiquez le dossier où écrire les relances")
		}
		res := s.res
		var rf app.ReminderFiles
		s.runLong("Écriture des relances…", func() (err error) {
			rf, err = res.WriteReminders(folder, opt)
			return err
		}, func() {
			s.say(fmt.Sprintf("%d relance%s écrite%s, %s au total, dans %s — rien n'est enregistré dans les comptes", len(rf.Owners), fr.S(len(rf.Owners)),
				fr.S(len(rf.Owners)), rf.Total.String(), folder))
			s.showReminderFiles(folder, rf)
		})
		return nil
	}
	form := widget.NewForm(
		widget.NewFormItem("Seuil (doit plus de)", threshold), widget.NewFormItem("Soldes au", date),
		widget.NewFormItem("À payer avant le", payBy), widget.NewFormItem("Date des lettres", printed),
		widget.NewFormItem("Dossier", dirLine))
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(0, 200))
	f.show(container.NewBorder(container.NewVBox(form, widget.NewLabelWithStyle("Copropriétaires à relancer", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewVBox(summary, widgets.Note("Une lettre par copropriétaire coché, avec le relevé de son compte, et un PDF de toutes les relances à imprimer. "+
			"Le texte de la relance se modifie dans l'onglet « Textes des lettres ». Rien n'est enregistré dans les comptes.")), nil, nil, scroll), threshold)
}

// showReminderFiles says what reminders were written and opens them.
func (s *Shell) showReminderFiles(dir string, rf app.ReminderFiles) {
	f := s.newForm("Relances écrites", "Fermer")
	f.cancel.Hide()
	f.width = 680
	open := widgets.NewButton("Ouvrir le PDF à imprimer", theme.DocumentPrintIcon(), widget.HighImportance, func() { s.openPath(rf.Combined) })
	openDir := widgets.NewButton("Ouvrir le dossier", theme.FolderOpenIcon(), widget.MediumImportance, func() { s.openPath(dir) })
	open.Keys, openDir.Keys = f.keys, f.keys
	f.ok.Importance = widget.MediumImportance
	f.extra = []fyne.CanvasObject{openDir, open}
	var names []string
	for _, d := range rf.Debtors {
		names = append(names, fmt.Sprintf("%s %s (%s)", d.Account, d.Name, d.Balance.String()))
	}
	text := fmt.Sprintf("%d relance%s écrite%s dans le dossier %s, %s au total :\n%s", len(rf.Owners), fr.S(len(rf.Owners)), fr.S(len(rf.Owners)),
		dir, rf.Total.String(), strings.Join(names, "\n"))
	icon := container.NewVBox(container.NewPadded(widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))))
	f.show(container.NewBorder(nil, nil, icon, nil, widgets.Note(text)), open)
	refit(f)
}
