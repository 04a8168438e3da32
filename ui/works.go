package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// worksScreen is the Travaux screen: the works campaigns with what was
// voted, called and what remains; the one selected with its schedule and
// keys; creating and changing a campaign, and calling its due dates of the
// exercise shown (preview, post, notices, as for the budget).
type worksScreen struct {
	s         *Shell
	list      []app.WorksSummary
	table     *dataTable[app.WorksSummary]
	selected  string // code of the campaign shown below the list
	keyLabels map[string]string

	search               *field
	add, edit, call, del *widget.Button
	why                  *widget.Label
	detailTitle          *widget.Label
	detailInfo           *widget.Label
	schedule             *dataTable[app.WorksCallInfo]
	keys                 *dataTable[ledger.WorksKey]
	root                 fyne.CanvasObject
}

var worksSelectedTint = color.NRGBA{0x1F, 0x4E, 0x8C, 0x2A}

func newWorks(s *Shell) screen {
	w := &worksScreen{s: s}
	w.table = &dataTable[app.WorksSummary]{
		cols: []column[app.WorksSummary]{
			{title: "Code", width: 60, text: func(r app.WorksSummary) string { return r.Code },
				less: func(a, b app.WorksSummary) bool { return a.Code < b.Code }},
			{title: "Libellé", width: 220, stretch: true, text: func(r app.WorksSummary) string { return r.Label },
				less: func(a, b app.WorksSummary) bool { return fr.Fold(a.Label) < fr.Fold(b.Label) }},
			{title: "Type", width: 200, text: func(r app.WorksSummary) string { return r.Type.Label() }},
			{title: "AG du", width: 100, text: func(r app.WorksSummary) string { return ledger.FrenchDate(r.AGDate) },
				less: func(a, b app.WorksSummary) bool { return a.AGDate.Before(b.AGDate) }},
			{title: "Voté", width: 130, align: fyne.TextAlignTrailing, text: func(r app.WorksSummary) string { return r.Voted.String() },
				less: func(a, b app.WorksSummary) bool { return a.Voted < b.Voted }},
			{title: "Appelé", width: 130, align: fyne.TextAlignTrailing, text: func(r app.WorksSummary) string { return r.Called.String() },
				less: func(a, b app.WorksSummary) bool { return a.Called < b.Called }},
			{title: "Reste à appeler", width: 150, align: fyne.TextAlignTrailing, text: func(r app.WorksSummary) string { return r.Remaining.String() },
				ink:  func(r app.WorksSummary) widget.Importance { return creditInk(r.Remaining) },
				less: func(a, b app.WorksSummary) bool { return a.Remaining < b.Remaining }},
		},
		match: func(r app.WorksSummary, q string) bool {
			return strings.Contains(fr.Fold(r.Code+" "+r.Label+" "+r.Notes), q)
		},
		tint: func(r app.WorksSummary) color.Color {
			if r.Code == w.selected {
				return worksSelectedTint
			}
			return nil
		},
		totals: func(rows []app.WorksSummary) []string {
			var voted, called, remaining ledger.Amount
			for _, r := range rows {
				voted, called, remaining = voted+r.Voted, called+r.Called, remaining+r.Remaining
			}
			return []string{"Total", fmt.Sprintf("%d campagne%s", len(rows), fr.S(len(rows))), "", "", voted.String(), called.String(), remaining.String()}
		},
		empty:   "Aucune campagne de travaux — créez celle que l'assemblée générale a votée avec « Nouvelle campagne… ».",
		noMatch: "Aucune campagne ne correspond à « %s ».",
		onOpen:  func(r app.WorksSummary) { w.choose(r.Code) },
	}
	list := w.table.build()

	w.add = widget.NewButtonWithIcon("Nouvelle campagne…", theme.ContentAddIcon(), w.create)
	w.add.Importance = widget.HighImportance
	w.edit = widget.NewButtonWithIcon("Modifier…", theme.DocumentCreateIcon(), w.editSelected)
	w.call = widget.NewButtonWithIcon("Appeler…", theme.MailSendIcon(), w.callSelected)
	w.call.Importance = widget.HighImportance
	w.del = widget.NewButtonWithIcon("Supprimer…", theme.DeleteIcon(), w.deleteSelected)
	w.why = widget.NewLabel("")
	w.why.Importance = widget.WarningImportance
	w.why.Hide()
	w.detailTitle = widget.NewLabel("")
	w.detailTitle.TextStyle.Bold = true
	w.detailTitle.Truncation = fyne.TextTruncateEllipsis
	w.detailInfo = note("")

	w.schedule = &dataTable[app.WorksCallInfo]{
		cols: []column[app.WorksCallInfo]{
			{title: "N°", width: 50, align: fyne.TextAlignTrailing, text: func(c app.WorksCallInfo) string { return fmt.Sprint(c.Number) }},
			{title: "Échéance", width: 110, text: func(c app.WorksCallInfo) string { return ledger.FrenchDate(c.Due) }},
			{title: "Montant", width: 140, align: fyne.TextAlignTrailing, text: func(c app.WorksCallInfo) string { return c.Amount.String() }},
			{title: "État", width: 160, stretch: true, text: func(c app.WorksCallInfo) string {
				if c.Piece != "" {
					return "Appelée — pièce " + c.Piece
				}
				return "À appeler"
			}, ink: func(c app.WorksCallInfo) widget.Importance {
				if c.Piece != "" {
					return widget.SuccessImportance
				}
				return widget.MediumImportance
			}},
		},
		totals: func(rows []app.WorksCallInfo) []string {
			var t ledger.Amount
			called := 0
			for _, c := range rows {
				t += c.Amount
				if c.Piece != "" {
					called++
				}
			}
			return []string{"", fmt.Sprintf("%d échéance%s", len(rows), fr.S(len(rows))), t.String(), fmt.Sprintf("%d appelée%s", called, fr.S(called))}
		},
		empty: "Aucune échéance : indiquez l'échéancier des appels en modifiant la campagne.",
	}
	w.keys = &dataTable[ledger.WorksKey]{
		cols: []column[ledger.WorksKey]{
			{title: "Clé", width: 60, text: func(k ledger.WorksKey) string { return k.Key }},
			{title: "Libellé", width: 160, stretch: true, text: func(k ledger.WorksKey) string { return w.keyLabels[k.Key] }},
			{title: "Montant voté", width: 140, align: fyne.TextAlignTrailing, text: func(k ledger.WorksKey) string { return k.Amount.String() }},
			{title: "Part", width: 80, align: fyne.TextAlignTrailing, text: func(k ledger.WorksKey) string { return w.keyShare(k) }},
		},
		empty: "Choisissez une campagne dans la liste.",
	}
	detailTop := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(w.why, w.call, w.edit, w.del), w.detailTitle), w.detailInfo)
	detail := container.NewBorder(detailTop, nil, nil, nil, container.NewGridWithColumns(2, w.schedule.build(), w.keys.build()))
	split := container.NewVSplit(list, detail)
	split.Offset = 0.3 // a residence votes few campaigns: the schedule needs the room

	w.search = searchBox("Code, libellé…", w.table.search, func() {
		if len(w.table.rows) > 0 {
			w.choose(w.table.rows[0].Code)
		}
	})
	head := container.NewBorder(nil, nil, nil, w.add, heading("Travaux"))
	tools := container.NewBorder(nil, nil, container.NewVBox(container.NewHBox(widget.NewLabel("Rechercher :"), container.New(&fixedWidth{260}, w.search))), nil,
		note("Travaux votés en assemblée générale hors budget (article 14-2) et opérations exceptionnelles, chacun avec ses comptes et son échéancier d'appels."))
	w.root = container.NewBorder(container.NewVBox(head, tools), nil, nil, nil, split)
	w.showDetail()
	return w
}

func (w *worksScreen) view() fyne.CanvasObject { return w.root }

func (w *worksScreen) reload() {
	s := w.s
	list, err := s.res.WorksSummaries()
	if err != nil {
		s.showError(err)
		return
	}
	w.list = list
	w.keyLabels = map[string]string{}
	keys, err := s.res.Keys()
	for _, k := range keys {
		w.keyLabels[k.Code] = k.Label
	}
	if err != nil {
		s.showError(err)
	}
	if w.current() == nil {
		w.selected = ""
		if len(list) > 0 {
			w.selected = list[0].Code
		}
	}
	w.table.setRows(list)
	setEnabled(w.add, !s.readOnly())
	w.showDetail()
}

func (w *worksScreen) current() *app.WorksSummary {
	for i := range w.list {
		if w.list[i].Code == w.selected {
			return &w.list[i]
		}
	}
	return nil
}

func (w *worksScreen) keyShare(k ledger.WorksKey) string {
	c := w.current()
	if c == nil || c.Voted == 0 {
		return ""
	}
	return shareOf(decimal.NewFromInt(int64(k.Amount)), decimal.NewFromInt(int64(c.Voted)))
}

// create opens the form of a new campaign (Ctrl+N).
func (w *worksScreen) create() {
	if w.s.readOnly() {
		return
	}
	w.s.worksForm(nil, func(code string) {
		w.selected = code
		w.s.changed()
	})
}

func (w *worksScreen) choose(code string) {
	w.selected = code
	w.table.apply()
	w.showDetail()
}

// dueIn lists the due dates of a campaign not called yet in the exercise
// shown.
func (w *worksScreen) dueIn(c *app.WorksSummary) []app.WorksCallInfo {
	var out []app.WorksCallInfo
	for _, x := range c.Calls {
		if x.Piece == "" && w.s.exercise.Contains(x.Due) {
			out = append(out, x)
		}
	}
	return out
}

func (w *worksScreen) showDetail() {
	s := w.s
	c := w.current()
	ro := s.readOnly()
	if c == nil {
		w.detailTitle.SetText("Aucune campagne choisie")
		w.detailInfo.SetText("")
		w.schedule.setRows(nil)
		w.keys.setRows(nil)
		for _, b := range []*widget.Button{w.edit, w.call, w.del} {
			b.Disable()
		}
		w.why.Hide()
		return
	}
	w.detailTitle.SetText(c.Code + " — " + c.Label)
	info := []string{c.Type.Label()}
	if !c.AGDate.IsZero() {
		info = append(info, "voté par l'AG du "+ledger.FrenchDate(c.AGDate))
	}
	info = append(info, "montant voté "+c.Voted.String())
	switch {
	case c.Finished && !c.End.IsZero():
		info = append(info, "terminés le "+ledger.FrenchDate(c.End))
	case c.Finished:
		info = append(info, "terminés")
	case !c.End.IsZero():
		info = append(info, "fin prévue le "+ledger.FrenchDate(c.End))
	}
	text := capitalFirst(strings.Join(info, " · ")) + ".\nComptes : " + strings.Join(ledger.WorksAccounts(c.Code), ", ") + "."
	if c.Notes != "" {
		text += "\n" + c.Notes
	}
	w.detailInfo.SetText(text)
	w.schedule.setRows(c.Calls)
	w.keys.setRows(c.Keys)
	due := w.dueIn(c)
	w.call.SetText(fmt.Sprintf("Appeler les échéances %s…", s.exercise.Name()))
	why := ""
	switch {
	case ro:
		why = fmt.Sprintf("Exercice %s clos : consultation seulement", s.exercise.Name())
	case len(due) == 0:
		why = fmt.Sprintf("Aucune échéance à appeler en %s", s.exercise.Name())
	}
	setEnabled(w.call, !ro && len(due) > 0)
	setEnabled(w.edit, !ro)
	setEnabled(w.del, !ro && c.Called == 0)
	w.why.SetText(why)
	if why == "" {
		w.why.Hide()
	} else {
		w.why.Show()
	}
	w.del.SetText("Supprimer " + c.Code + "…")
	w.edit.SetText("Modifier " + c.Code + "…")
}

func (w *worksScreen) editSelected() {
	c := w.current()
	if c == nil || w.s.readOnly() {
		return
	}
	works := c.Works
	w.s.worksForm(&works, func(string) { w.s.changed() })
}

// callSelected previews the calls of the campaign due in the exercise
// shown, then posts them and offers the notices.
func (w *worksScreen) callSelected() {
	s := w.s
	c := w.current()
	if c == nil || s.readOnly() {
		return
	}
	plan, err := s.res.PlanWorksCalls(c.Code, s.exercise)
	if err != nil {
		s.showError(err)
		return
	}
	s.previewCalls(fmt.Sprintf("Aperçu des appels des travaux %s — exercice %s", c.Code, s.exercise.Name()), plan, nil)
}

func (w *worksScreen) deleteSelected() {
	s := w.s
	c := w.current()
	if c == nil || s.readOnly() || c.Called != 0 {
		return
	}
	code, label := c.Code, c.Label
	s.confirmAction("Supprimer une campagne de travaux",
		fmt.Sprintf("Supprimer la campagne %s « %s » (%s votés, jamais appelée) avec ses clés et son échéancier ? Ses comptes (%s…) restent dans le plan comptable.",
			code, label, c.Voted.String(), strings.Join(ledger.WorksAccounts(code)[:2], ", ")),
		"Supprimer", func() error {
			if err := s.res.DeleteWorks(code); err != nil {
				return err
			}
			w.selected = ""
			s.say(fmt.Sprintf("Campagne de travaux %s « %s » supprimée", code, label))
			s.changed()
			return nil
		})
}

func (w *worksScreen) focusSearch() { w.s.win.Canvas().Focus(w.search) }
