package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/banking"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// allocEditor is the « Détail de l'affectation » of an owner's payment
// (seed 004 §2.3), in the assistant's step 3 and in the « Relevés »
// screen: his calls oldest first with what the payment settles of each,
// then the overpayment kept as his credit. The amounts and labels are
// editable; each call takes at most what remains due on it and the calls
// together at most the payment, the overpayment being what is left.
type allocEditor struct {
	amount  ledger.Amount
	choice  banking.Choice
	grid    *widgets.EditGrid[ledger.Amount]
	amounts []*widgets.EditCell[ledger.Amount] // by index in choice.Allocation; nil for the overpayment
	reds    []*canvas.Rectangle                // behind each call's line: red when its amount is wrong
	labels  []*widgets.Field
	over    *widget.Label // the overpayment's amount
	problem *widget.Label
	root    fyne.CanvasObject
	// changed is told after each edit whether the detail can be validated.
	changed func(ok bool)
}

func newAllocEditor(c banking.Choice, amount ledger.Amount, changed func(ok bool)) *allocEditor {
	e := &allocEditor{amount: amount, choice: c, changed: changed}
	e.grid = &widgets.EditGrid[ledger.Amount]{
		Cols: []widgets.GridColumn{
			{Title: "Pièce", Width: 110},
			{Title: "Date", Width: 100},
			{Title: "Appel", Width: 220},
			{Title: "Dû", Width: 110, Align: fyne.TextAlignTrailing},
			{Title: "Affecté", Width: 120, Align: fyne.TextAlignTrailing},
			{Title: "Libellé de l'écriture", Width: 230, Stretch: true},
		},
		Parse:  parseAllocAmount,
		Format: func(a ledger.Amount) string { return a.Format() },
		Equal:  func(a, b ledger.Amount) bool { return a == b },
	}
	view := e.grid.Build(e.grid.TitleCells(), "Ce copropriétaire n'a aucun appel à régler : le règlement reste à son crédit.")
	for _, a := range c.Allocation {
		label := widgets.NewField(a.Label, "Libellé")
		label.OnChanged = func(string) { e.check() }
		e.labels = append(e.labels, label)
		if a.Over {
			e.over = cellLabel(a.Amount.String(), fyne.TextAlignTrailing)
			e.over.TextStyle.Bold = true
			e.amounts = append(e.amounts, nil)
			e.reds = append(e.reds, nil)
			e.grid.Body.Add(e.grid.Band(theme.Color(theme.ColorNameHeaderBackground), cellLabel("", 0), cellLabel("", 0),
				cellLabel("Trop-perçu (reste à son crédit)", 0), cellLabel("", 0), e.over, label))
			continue
		}
		cell := e.grid.NewCell(a.Amount, false)
		cell.OnEdit = e.check
		e.amounts = append(e.amounts, cell)
		bg := canvas.NewRectangle(color.Transparent)
		e.reds = append(e.reds, bg)
		e.grid.Body.Add(container.NewStack(bg, e.grid.Line(cell, cellLabel(a.Piece, 0), cellLabel(ledger.FrenchDate(a.Date), 0),
			cellLabel(a.Call, 0), cellLabel(a.Due.String(), fyne.TextAlignTrailing), cell, label)))
	}
	e.problem = widget.NewLabel("")
	e.problem.Importance = widget.DangerImportance
	e.problem.TextStyle.Bold = true
	e.problem.Wrapping = fyne.TextWrapWord
	e.root = container.NewBorder(nil, widgets.Reserve(e.problem, 2), nil, nil, view)
	e.check()
	return e
}

// cellLabel is a read-only cell of the detail.
func cellLabel(text string, align fyne.TextAlign) *widget.Label {
	l := widget.NewLabel(text)
	l.Alignment = align
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// parseAllocAmount reads an amount typed in the detail: empty is zero.
func parseAllocAmount(text string) (ledger.Amount, error) {
	if strings.TrimSpace(text) == "" {
		return 0, nil
	}
	return ledger.ParseAmount(text)
}

// check recomputes the overpayment and says what is wrong, in red.
func (e *allocEditor) check() {
	var calls ledger.Amount
	var problems []string
	for i, a := range e.choice.Allocation {
		cell := e.amounts[i]
		if cell == nil {
			continue
		}
		v, err := parseAllocAmount(cell.Text)
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("%s : « %s » n'est pas un montant", a.Piece, cell.Text))
		case v < 0:
			problems = append(problems, fmt.Sprintf("%s : le montant affecté ne peut pas être négatif", a.Piece))
		case v > a.Due:
			problems = append(problems, fmt.Sprintf("%s : %s dépasse ce qui reste dû (%s)", a.Piece, v, a.Due))
		}
		var fill color.Color = color.Transparent
		if err != nil || v < 0 || v > a.Due {
			fill = theme.Color(widgets.ColorNameAttentionTint)
		}
		if e.reds[i].FillColor != fill {
			e.reds[i].FillColor = fill
			e.reds[i].Refresh()
		}
		if err == nil {
			calls += v
		}
	}
	left := e.amount - calls
	if left < 0 {
		problems = append(problems, fmt.Sprintf("Les affectations (%s) dépassent le règlement (%s)", calls, e.amount))
		left = 0
	}
	if e.over != nil {
		e.over.SetText(left.String())
	}
	e.grid.Footer[2].SetText("Total du règlement")
	e.grid.Footer[4].SetText((calls + left).String())
	e.grid.Footer[4].Importance = widget.MediumImportance
	if calls > e.amount {
		e.grid.Footer[4].Importance = widget.DangerImportance
	}
	e.grid.Footer[4].Refresh()
	if len(problems) > 0 {
		e.problem.SetText(strings.Join(problems, " ; ") + ". Corrigez les montants en rouge pour pouvoir valider.")
	} else {
		e.problem.SetText("")
	}
	if e.changed != nil {
		e.changed(len(problems) == 0)
	}
}

// ok says whether the detail can be validated.
func (e *allocEditor) ok() bool { return e.problem.Text == "" }

// result is the choice with the detail as edited.
func (e *allocEditor) result() banking.Choice {
	c := e.choice
	c.Allocation = make([]banking.Allocation, len(e.choice.Allocation))
	var calls ledger.Amount
	for i, a := range e.choice.Allocation {
		if cell := e.amounts[i]; cell != nil {
			a.Amount = cell.Value()
			calls += a.Amount
		}
		a.Label = strings.TrimSpace(e.labels[i].Text)
		c.Allocation[i] = a
	}
	for i := range c.Allocation {
		if c.Allocation[i].Over {
			c.Allocation[i].Amount = max(e.amount-calls, 0)
		}
	}
	return c
}
