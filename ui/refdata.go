package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// Helpers shared by the screens of the residence's reference data: lots,
// keys and shares, suppliers, chart of accounts, settings.

// choiceField is a drop-down list in a form: Enter validates the form and
// Escape cancels it (Space and the arrows open or move the list, as usual).
type choiceField struct {
	widget.Select
	keys    *widgets.FormKeys
	changed func()       // the form's: clears its error line
	react   func(string) // the screen's own reaction to a choice
}

func newChoiceField(options []string, selected string, react func(string)) *choiceField {
	c := &choiceField{react: react}
	c.Options = options
	c.PlaceHolder = "(choisissez)"
	c.ExtendBaseWidget(c)
	c.Selected = selected
	c.OnChanged = func(v string) {
		if c.react != nil {
			c.react(v)
		}
		if c.changed != nil {
			c.changed()
		}
	}
	return c
}

func (c *choiceField) TypedKey(ev *fyne.KeyEvent) {
	if !c.keys.Handle(ev, true) {
		c.Select.TypedKey(ev)
	}
}

func (c *choiceField) Value() string { return c.Selected }

func (c *choiceField) SetKeys(k *widgets.FormKeys) { c.keys = k }

func (c *choiceField) OnChange(fn func()) { c.changed = fn }

// chainChanged adds a reaction to what is typed in a form's field without
// losing the form's own (newForm sets OnChanged to clear its error line).
func chainChanged(f *widgets.Field, fn func(string)) {
	prev := f.OnChanged
	f.OnChanged = func(s string) {
		if prev != nil {
			prev(s)
		}
		fn(s)
	}
}

// infoRows fills a form-layout container with bold names and their values;
// an empty value reads "—".
func infoRows(c *fyne.Container, pairs [][2]string) {
	c.Objects = nil
	for _, kv := range pairs {
		v := kv[1]
		if v == "" {
			v = "—"
		}
		value := widget.NewLabel(v)
		value.Wrapping = fyne.TextWrapWord
		c.Add(widget.NewLabelWithStyle(kv[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		c.Add(value)
	}
	c.Refresh()
}

func newInfoRows() *fyne.Container { return container.New(layout.NewFormLayout()) }

// lotPlace says where a lot is: "Bât. A · esc. A · 2e · porte gauche".
func lotPlace(l ledger.Lot) string {
	var parts []string
	add := func(prefix, v string) {
		if v = strings.TrimSpace(v); v != "" {
			parts = append(parts, prefix+v)
		}
	}
	add("Bât. ", l.Building)
	add("esc. ", l.Staircase)
	add("", l.Floor)
	add("porte ", l.Door)
	return strings.Join(parts, " · ")
}

// lotDesignation is the lot's label with its type when the label does not
// say it: "Appartement T3", "Duplex (Appartement)".
func lotDesignation(l ledger.Lot) string {
	switch {
	case l.Type == "" || strings.Contains(fr.Fold(l.Label), fr.Fold(l.Type)):
		return l.Label
	case l.Label == "":
		return l.Type
	}
	return l.Label + " (" + l.Type + ")"
}

// lotName is "Lot 5 — Appartement T3" (or its type when it has no label).
func lotName(l ledger.Lot) string {
	d := l.Label
	if d == "" {
		d = l.Type
	}
	if d == "" {
		return "Lot " + l.Number
	}
	return "Lot " + l.Number + " — " + d
}

// ownerName is "450006 M. Dupont Jean".
func ownerName(o ledger.Owner) string {
	return strings.TrimSpace(o.Account + " " + o.DisplayName())
}

// sharesText writes tantièmes the French way, "" for none.
func sharesText(d decimal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return fr.Shares(d)
}

// keyBase is what a key's shares are counted against: its declared total,
// or the sum of its shares while no total is declared.
func keyBase(k ledger.KeyTotal) decimal.Decimal {
	if k.DeclaredTotal.IsZero() {
		return k.SumOfShares
	}
	return k.DeclaredTotal
}

// shareOf is part/total as a French percentage, "" when there is none.
func shareOf(part, total decimal.Decimal) string {
	if part.IsZero() || total.IsZero() {
		return ""
	}
	return fr.Shares(part.Mul(decimal.NewFromInt(100)).Div(total).Round(2)) + " %"
}

// keyState says in words whether a key's shares add up to its declared total.
func keyState(k ledger.KeyTotal) string {
	if k.Matches() {
		return "✓ Conforme"
	}
	if k.TotalsMatch() {
		return "✗ " + fr.UpperFirst(app.UnsharedLots(k)) + " sans tantièmes"
	}
	diff := k.SumOfShares.Sub(k.DeclaredTotal)
	if diff.IsNegative() {
		return "✗ Écart : il manque " + fr.Shares(diff.Neg())
	}
	return "✗ Écart : " + fr.Shares(diff) + " de trop"
}

func keyStateInk(k ledger.KeyTotal) widget.Importance {
	if k.Matches() {
		return widget.SuccessImportance
	}
	return widget.DangerImportance
}

// creditInk shows a negative (creditor) amount in the program's blue: the
// minus sign says it too, and blue does not cry for attention where credit
// is normal (a supplier's account).
func creditInk(a ledger.Amount) widget.Importance {
	if a < 0 {
		return widget.HighImportance
	}
	return widget.MediumImportance
}

// statementTable is an account's lines over a period with the running
// balance, opening and totals (a supplier's or any account's statement).
func statementTable(st ledger.Statement) fyne.CanvasObject {
	money := func(a ledger.Amount) string {
		if a == 0 {
			return ""
		}
		return a.String()
	}
	t := &widgets.Table[ledger.StatementLine]{
		Cols: []widgets.Column[ledger.StatementLine]{
			{Title: "Date", Width: 110, Text: func(l ledger.StatementLine) string { return ledger.FrenchDate(l.Date) }},
			{Title: "Journal", Width: 80, Text: func(l ledger.StatementLine) string { return l.Journal }},
			{Title: "Pièce", Width: 90, Text: func(l ledger.StatementLine) string { return l.Piece }},
			{Title: "Libellé", Width: 200, Stretch: true, Text: func(l ledger.StatementLine) string { return l.Label }},
			{Title: "Débit", Width: 130, Align: fyne.TextAlignTrailing, Text: func(l ledger.StatementLine) string { return money(l.Debit) }},
			{Title: "Crédit", Width: 130, Align: fyne.TextAlignTrailing, Text: func(l ledger.StatementLine) string { return money(l.Credit) }},
			{Title: "Solde", Width: 140, Align: fyne.TextAlignTrailing, Text: func(l ledger.StatementLine) string { return l.Balance.String() },
				Ink: func(l ledger.StatementLine) widget.Importance { return creditInk(l.Balance) }},
		},
		Empty: "Aucune écriture sur ce compte pendant l'exercice.",
		Totals: func([]ledger.StatementLine) []string {
			return []string{"Total", "", "", fmt.Sprintf("%d écriture%s", len(st.Lines), fr.S(len(st.Lines))),
				st.TotalDebit.String(), st.TotalCredit.String(), st.Closing.String()}
		},
	}
	view := t.Build()
	rows := append([]ledger.StatementLine{{Date: st.From, Label: "Solde au début de la période", Balance: st.Opening}}, st.Lines...)
	t.SetRows(rows)
	head := widget.NewLabel(fmt.Sprintf("Compte %s du %s au %s", st.Account, ledger.FrenchDate(st.From), ledger.FrenchDate(st.To)))
	return container.NewBorder(head, nil, nil, nil, view)
}

// confirmAction asks before a destructive action, naming it, like confirm;
// when the books refuse it, their message is shown in the same dialog (a
// dialog opened from inside another's button would close with it).
func (s *Shell) confirmAction(title, text, okText string, action func() error) {
	f := s.newForm(title, okText)
	f.ok.Importance = widget.DangerImportance
	f.submit = action
	f.width = 520
	f.show(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.QuestionIcon())), nil, widgets.Note(text)), nil)
}
