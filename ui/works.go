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
	"tantieme/ui/widgets"
)

// worksScreen is the Travaux screen: the works campaigns with what was
// voted, called and what remains; the one selected with its schedule and
// keys; creating and changing a campaign, and calling its due dates of the
// exercise shown (preview, post, notices, as for the budget).
type worksScreen struct {
	s         *Shell
	list      []app.WorksSummary
	table     *widgets.Table[app.WorksSummary]
	selected  string // code of the campaign shown below the list
	keyLabels map[string]string

	search               *widgets.Field
	add, edit, call, del *widget.Button
	why                  *widget.Label
	detailTitle          *widget.Label
	detailInfo           *widget.Label
	schedule             *widgets.Table[app.WorksCallInfo]
	keys                 *widgets.Table[ledger.WorksKey]
	root                 fyne.CanvasObject
}

var worksSelectedTint = color.NRGBA{0x1F, 0x4E, 0x8C, 0x2A}

func newWorks(s *Shell) screen {
	w := &worksScreen{s: s}
	w.table = &widgets.Table[app.WorksSummary]{
		Cols: []widgets.Column[app.WorksSummary]{
			{Title: "Code", Width: 60, Text: func(r app.WorksSummary) string { return r.Code },
				Less: func(a, b app.WorksSummary) bool { return a.Code < b.Code }},
			{Title: "Libellé", Width: 220, Stretch: true, Text: func(r app.WorksSummary) string { return r.Label },
				Less: func(a, b app.WorksSummary) bool { return fr.Fold(a.Label) < fr.Fold(b.Label) }},
			{Title: "Type", Width: 200, Text: func(r app.WorksSummary) string { return r.Type.Label() }},
			{Title: "AG du", Width: 100, Text: func(r app.WorksSummary) string { return ledger.FrenchDate(r.AGDate) },
				Less: func(a, b app.WorksSummary) bool { return a.AGDate.Before(b.AGDate) }},
			{Title: "Voté", Width: 130, Align: fyne.TextAlignTrailing, Text: func(r app.WorksSummary) string { return r.Voted.String() },
				Less: func(a, b app.WorksSummary) bool { return a.Voted < b.Voted }},
			{Title: "Appelé", Width: 130, Align: fyne.TextAlignTrailing, Text: func(r app.WorksSummary) string { return r.Called.String() },
				Less: func(a, b app.WorksSummary) bool { return a.Called < b.Called }},
			{Title: "Reste à appeler", Width: 150, Align: fyne.TextAlignTrailing, Text: func(r app.WorksSummary) string { return r.Remaining.String() },
				Ink:  func(r app.WorksSummary) widget.Importance { return creditInk(r.Remaining) },
				Less: func(a, b app.WorksSummary) bool { return a.Remaining < b.Remaining }},
		},
		Match: func(r app.WorksSummary, q string) bool {
			return strings.Contains(fr.Fold(r.Code+" "+r.Label+" "+r.Notes), q)
		},
		Tint: func(r app.WorksSummary) color.Color {
			if r.Code == w.selected {
				return worksSelectedTint
			}
			return nil
		},
		Totals: func(rows []app.WorksSummary) []string {
			var voted, called, remaining ledger.Amount
			for _, r := range rows {
				voted, called, remaining = voted+r.Voted, called+r.Called, remaining+r.Remaining
			}
			return []string{"Total", fmt.Sprintf("%d campagne%s", len(rows), fr.S(len(rows))), "", "", voted.String(), called.String(), remaining.String()}
		},
		Empty:   "Aucune campagne de travaux — créez celle que l'assemblée générale a votée avec « Nouvelle campagne… ».",
		NoMatch: "Aucune campagne ne correspond à « %s ».",
		OnOpen:  func(r app.WorksSummary) { w.choose(r.Code) },
	}
	list := w.table.Build()

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
	w.detailInfo = widgets.Note("")

	w.schedule = &widgets.Table[app.WorksCallInfo]{
		Cols: []widgets.Column[app.WorksCallInfo]{
			{Title: "N°", Width: 50, Align: fyne.TextAlignTrailing, Text: func(c app.WorksCallInfo) string { return fmt.Sprint(c.Number) }},
			{Title: "Échéance", Width: 110, Text: func(c app.WorksCallInfo) string { return ledger.FrenchDate(c.Due) }},
			{Title: "Montant", Width: 140, Align: fyne.TextAlignTrailing, Text: func(c app.WorksCallInfo) string { return c.Amount.String() }},
			{Title: "État", Width: 160, Stretch: true, Text: func(c app.WorksCallInfo) string {
				if c.Piece != "" {
					return "Appelée — pièce " + c.Piece
				}
				return "À appeler"
			}, Ink: func(c app.WorksCallInfo) widget.Importance {
				if c.Piece != "" {
					return widget.SuccessImportance
				}
				return widget.MediumImportance
			}},
		},
		Totals: func(rows []app.WorksCallInfo) []string {
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
		Empty: "Aucune échéance : indiquez l'échéancier des appels en modifiant la campagne.",
	}
	w.keys = &widgets.Table[ledger.WorksKey]{
		Cols: []widgets.Column[ledger.WorksKey]{
			{Title: "Clé", Width: 60, Text: func(k ledger.WorksKey) string { return k.Key }},
			{Title: "Libellé", Width: 160, Stretch: true, Text: func(k ledger.WorksKey) string { return w.keyLabels[k.Key] }},
			{Title: "Montant voté", Width: 140, Align: fyne.TextAlignTrailing, Text: func(k ledger.WorksKey) string { return k.Amount.String() }},
			{Title: "Part", Width: 80, Align: fyne.TextAlignTrailing, Text: func(k ledger.WorksKey) string { return w.keyShare(k) }},
		},
		Empty: "Choisissez une campagne dans la liste.",
	}
	detailTop := container.NewVBox(widgets.Bar(w.detailTitle, w.why, w.call, w.edit, w.del), w.detailInfo)
	detail := container.NewBorder(detailTop, nil, nil, nil, widgets.Pair(w.schedule.Build(), w.keys.Build()))
	split := container.NewVSplit(list, detail)
	split.Offset = 0.3 // a residence votes few campaigns: the schedule needs the room

	w.search = widgets.SearchBox("Code, libellé…", w.table.Search, func() {
		if len(w.table.Rows()) > 0 {
			w.choose(w.table.Rows()[0].Code)
		}
	})
	head := container.NewBorder(nil, nil, nil, w.add, widgets.Heading("Travaux"))
	tools := container.NewBorder(nil, nil, container.NewVBox(container.NewHBox(widget.NewLabel("Rechercher :"), container.New(&widgets.FixedWidth{Width: 260}, w.search))), nil,
		widgets.Note("Travaux votés en assemblée générale hors budget (article 14-2) et opérations exceptionnelles, chacun avec ses comptes et son échéancier d'appels."))
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
	w.table.SetRows(list)
	widgets.SetEnabled(w.add, !s.readOnly())
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
	w.table.Apply()
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
		w.schedule.SetRows(nil)
		w.keys.SetRows(nil)
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
	text := fr.UpperFirst(strings.Join(info, " · ")) + ".\nComptes : " + strings.Join(ledger.WorksAccounts(c.Code), ", ") + "."
	if c.Notes != "" {
		text += "\n" + c.Notes
	}
	w.detailInfo.SetText(text)
	w.schedule.SetRows(c.Calls)
	w.keys.SetRows(c.Keys)
	due := w.dueIn(c)
	w.call.SetText(fmt.Sprintf("Appeler les échéances %s…", s.exercise.Name()))
	why := ""
	switch {
	case ro:
		why = fmt.Sprintf("Exercice %s clos : consultation seulement", s.exercise.Name())
	case len(due) == 0:
		why = fmt.Sprintf("Aucune échéance à appeler en %s", s.exercise.Name())
	}
	widgets.SetEnabled(w.call, !ro && len(due) > 0)
	widgets.SetEnabled(w.edit, !ro)
	widgets.SetEnabled(w.del, !ro && c.Called == 0)
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
