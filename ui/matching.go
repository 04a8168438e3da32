package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// matching is the Lettrage screen: the lines of an account over the
// exercise or a free period, with the running balance from an opening
// line; tick lines whose debits and credits balance and match them with a
// letter, or undo a match.
type matching struct {
	s        *Shell
	accounts []ledger.Account

	account   *widget.SelectEntry
	period    *widget.Select
	from, to  *widget.Entry
	unmatched *widget.Check
	selection *widget.Label
	match     *widget.Button
	unmatch   *widget.Button
	auto      *widget.Button
	title     *widget.Label

	data   app.AccountView
	code   string
	ticked map[int64]bool
	table  *widgets.Table[app.ViewLine]
	root   fyne.CanvasObject
}

var matchPeriods = []string{"Exercice affiché", "Période libre"}

func newMatching(s *Shell) screen {
	m := &matching{s: s, ticked: map[int64]bool{}}
	m.account = widget.NewSelectEntry(nil)
	m.account.SetPlaceHolder("Compte : 450004, 401001, 512001…")
	m.account.OnSubmitted = func(string) { m.reload() }
	m.account.OnChanged = func(t string) {
		if strings.Contains(t, " — ") {
			m.reload() // chosen in the list
		}
	}
	m.from, m.to = widget.NewEntry(), widget.NewEntry()
	m.from.SetPlaceHolder("JJ/MM/AAAA")
	m.to.SetPlaceHolder("JJ/MM/AAAA")
	m.from.OnSubmitted = func(string) { m.reload() }
	m.to.OnSubmitted = func(string) { m.reload() }
	m.period = widget.NewSelect(matchPeriods, func(string) {
		free := m.period.SelectedIndex() == 1
		widgets.SetEnabled(m.from, free)
		widgets.SetEnabled(m.to, free)
		m.reload()
	})
	m.unmatched = widget.NewCheck("Non lettrées seulement", func(bool) { m.reload() })
	m.selection = widget.NewLabel("")
	m.selection.TextStyle.Bold = true
	m.match = widget.NewButtonWithIcon("Lettrer", theme.ConfirmIcon(), m.doMatch)
	m.match.Importance = widget.HighImportance
	m.unmatch = widget.NewButtonWithIcon("Délettrer…", theme.ContentUndoIcon(), m.doUnmatch)
	m.auto = widget.NewButtonWithIcon("Lettrage automatique…", theme.ViewRefreshIcon(), m.doAuto)
	m.title = widget.NewLabel("")
	m.title.TextStyle.Bold = true

	money := func(a ledger.Amount) string {
		if a == 0 {
			return ""
		}
		return a.String()
	}
	m.table = &widgets.Table[app.ViewLine]{
		Cols: []widgets.Column[app.ViewLine]{
			{Title: "✓", Width: 40, Text: func(l app.ViewLine) string {
				switch {
				case l.LineID == 0:
					return ""
				case m.ticked[l.LineID]:
					return "☑"
				}
				return "☐"
			}},
			{Title: "Date", Width: 105, Text: func(l app.ViewLine) string { return ledger.FrenchDate(l.Date) }},
			{Title: "Journal", Width: 75, Text: func(l app.ViewLine) string { return l.Journal }},
			{Title: "Pièce", Width: 110, Text: func(l app.ViewLine) string { return l.Piece }},
			{Title: "Libellé", Width: 200, Stretch: true, Text: func(l app.ViewLine) string { return l.Label }},
			{Title: "Lettre", Width: 70, Text: func(l app.ViewLine) string { return l.Letter }},
			{Title: "Débit", Width: 125, Align: fyne.TextAlignTrailing, Text: func(l app.ViewLine) string { return money(l.Debit) }},
			{Title: "Crédit", Width: 125, Align: fyne.TextAlignTrailing, Text: func(l app.ViewLine) string { return money(l.Credit) }},
			{Title: "Solde", Width: 135, Align: fyne.TextAlignTrailing, Text: func(l app.ViewLine) string { return l.Balance.String() },
				Ink: func(l app.ViewLine) widget.Importance {
					if l.Balance < 0 {
						return widget.DangerImportance
					}
					return widget.MediumImportance
				}},
		},
		Empty: "Choisissez un compte ci-dessus (tapez son numéro ou son nom, puis Entrée) pour voir ses écritures.",
		Tint: func(l app.ViewLine) color.Color {
			if m.ticked[l.LineID] {
				return selectionTint
			}
			return nil
		},
		Totals: func([]app.ViewLine) []string {
			st := m.data.Statement
			return []string{"", "", "", "", fmt.Sprintf("Total : %d ligne%s", len(st.Lines), fr.S(len(st.Lines))), "",
				st.TotalDebit.String(), st.TotalCredit.String(), st.Closing.String()}
		},
		OnOpen: m.toggle,
	}
	view := m.table.Build()
	top := container.NewVBox(
		widgets.Heading("Consultation et lettrage"),
		widgets.Note("Cochez des lignes dont les débits égalent les crédits (un appel et son règlement, une facture et son paiement) puis « Lettrer » : elles reçoivent une même lettre."),
		container.NewBorder(nil, nil, widget.NewLabel("Compte :"), nil, m.account),
		widgets.Line(widget.NewLabel("Période :"), container.New(&widgets.FixedWidth{Width: 200}, m.period), widget.NewLabel("du"), container.New(&widgets.FixedWidth{Width: 130}, m.from),
			widget.NewLabel("au"), container.New(&widgets.FixedWidth{Width: 130}, m.to), m.unmatched),
		m.title,
	)
	bottom := widgets.Bar(m.selection, m.auto, m.unmatch, m.match)
	m.root = container.NewBorder(top, bottom, nil, nil, view)
	m.period.SetSelectedIndex(0)
	return m
}

// selectionTint marks the ticked lines, beside the word in the counter.
var selectionTint = color.NRGBA{R: 0x1f, G: 0x5f, B: 0xbf, A: 0x30}

func (m *matching) view() fyne.CanvasObject { return m.root }

func (m *matching) focusSearch() { m.s.win.Canvas().Focus(m.account) }

// chosenAccount is the account number typed or chosen.
func (m *matching) chosenAccount() string {
	t := strings.TrimSpace(m.account.Text)
	if i := strings.Index(t, " — "); i >= 0 {
		return t[:i]
	}
	if t == "" || (t[0] >= '0' && t[0] <= '9') {
		return t
	}
	q := fr.Fold(t) // a name: the first account whose label holds it
	for _, a := range m.accounts {
		if strings.Contains(fr.Fold(a.Label), q) {
			return a.Code
		}
	}
	return t
}

func (m *matching) reload() {
	s := m.s
	if s.res == nil || m.table == nil || m.table.Widget() == nil {
		return
	}
	if m.accounts == nil {
		var err error
		if m.accounts, err = s.res.Accounts(); err != nil {
			s.showError(err)
			return
		}
		var opts []string
		for _, a := range m.accounts {
			opts = append(opts, a.Code+" — "+a.Label)
		}
		m.account.SetOptions(opts)
	}
	if m.from.Text == "" {
		m.from.SetText(ledger.FrenchDate(s.exercise.Start))
		m.to.SetText(ledger.FrenchDate(s.exercise.End))
	}
	code := m.chosenAccount()
	if code != m.code {
		m.ticked = map[int64]bool{}
		m.code = code
	}
	if code == "" {
		m.data = app.AccountView{}
		m.title.SetText("")
		m.table.SetRows(nil)
		m.count()
		return
	}
	from, to := s.exercise.Start, s.exercise.End
	if m.period.SelectedIndex() == 1 {
		var err1, err2 error
		from, err1 = ledger.ParseDate(m.from.Text)
		to, err2 = ledger.ParseDate(m.to.Text)
		if err1 != nil || err2 != nil {
			s.showError(ledger.Errorf(ledger.Invalid, "Période : indiquez les dates de début et de fin au format JJ/MM/AAAA"))
			return
		}
	}
	v, err := s.res.AccountView(code, from, to, m.unmatched.Checked)
	if err != nil {
		s.showError(err)
		return
	}
	m.data = v
	if !strings.Contains(m.account.Text, " — ") {
		m.account.SetText(v.Account + " — " + v.Label) // what a name found
	}
	m.title.SetText(fmt.Sprintf("Compte %s %s du %s au %s — solde %s", v.Account, v.Label, ledger.FrenchDate(v.From), ledger.FrenchDate(v.To), v.Closing.String()))
	rows := append([]app.ViewLine{{StatementLine: ledger.StatementLine{Date: v.From, Label: "Solde au début de la période", Balance: v.Opening}}}, v.Lines...)
	keep := map[int64]bool{}
	for _, l := range v.Lines {
		if m.ticked[l.LineID] {
			keep[l.LineID] = true
		}
	}
	m.ticked = keep
	m.table.SetRows(rows)
	m.count()
}

// toggle ticks or unticks a line; ticking a matched line ticks its group.
func (m *matching) toggle(l app.ViewLine) {
	if l.LineID == 0 {
		return
	}
	on := !m.ticked[l.LineID]
	ids := []int64{l.LineID}
	if l.Letter != "" {
		ids = m.data.Group(l.Letter)
	}
	for _, id := range ids {
		if on {
			m.ticked[id] = true
		} else {
			delete(m.ticked, id)
		}
	}
	m.table.Apply()
	m.count()
}

// count says what the ticked lines add up to and what may be done.
func (m *matching) count() {
	sel := m.data.Select(m.ticked)
	text := "Aucune ligne cochée."
	m.selection.Importance = widget.MediumImportance
	if sel.Lines > 0 {
		text = fmt.Sprintf("%d ligne%s cochée%s — débit %s, crédit %s", sel.Lines, fr.S(sel.Lines), fr.S(sel.Lines), sel.Debit.String(), sel.Credit.String())
		if gap := sel.Gap(); gap != 0 {
			text += " — écart " + gap.String()
			m.selection.Importance = widget.DangerImportance
		} else {
			text += " — équilibré"
			m.selection.Importance = widget.SuccessImportance
		}
	}
	m.selection.SetText(text)
	ro := m.s.readOnly()
	widgets.SetEnabled(m.match, sel.CanMatch() && !ro)
	widgets.SetEnabled(m.unmatch, sel.CanUnmatch() && !ro)
	widgets.SetEnabled(m.auto, m.code != "" && !ro)
}

func (m *matching) tickedIDs() []int64 {
	var ids []int64
	for _, l := range m.data.Lines {
		if m.ticked[l.LineID] {
			ids = append(ids, l.LineID)
		}
	}
	return ids
}

func (m *matching) doMatch() {
	s := m.s
	g, err := s.res.Match(m.tickedIDs())
	if err != nil {
		s.showError(err)
		return
	}
	m.ticked = map[int64]bool{}
	s.say(fmt.Sprintf("%d lignes du compte %s lettrées « %s »", len(g.Lines), g.Account, g.Letter))
	s.changed()
}

func (m *matching) doUnmatch() {
	s := m.s
	sel := m.data.Select(m.ticked)
	if !sel.CanUnmatch() {
		return
	}
	letter, code := sel.Letters[0], m.code
	s.confirm("Délettrer", fmt.Sprintf("Retirer la lettre « %s » des %d lignes du compte %s ? Les écritures ne changent pas, elles redeviennent non lettrées.", letter, sel.Lines, code),
		"Délettrer", "Revenir", func() {
			if err := s.res.Unmatch(code, letter); err != nil {
				s.showError(err)
				return
			}
			m.ticked = map[int64]bool{}
			s.say(fmt.Sprintf("Lettre « %s » du compte %s retirée de %d lignes", letter, code, sel.Lines))
			s.changed()
		})
}

func (m *matching) doAuto() {
	s := m.s
	code := m.code
	s.confirm("Lettrage automatique", fmt.Sprintf("Lettrer automatiquement le compte %s ? Les lignes non lettrées qui s'équilibrent sont lettrées, les plus anciennes d'abord.", code),
		"Lettrer", "Revenir", func() {
			groups, err := s.res.AutoMatch(code)
			if err != nil {
				s.showError(err)
				return
			}
			m.ticked = map[int64]bool{}
			if len(groups) == 0 {
				s.say(fmt.Sprintf("Lettrage automatique du compte %s : rien à lettrer", code))
			} else {
				s.say(fmt.Sprintf("Lettrage automatique du compte %s : %d groupe%s lettré%s", code, len(groups), fr.S(len(groups)), fr.S(len(groups))))
			}
			s.changed()
		})
}
