package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// reconcile is the Rapprochement tab of the Banque screen: for a statement
// of the bank account chosen above, its date and closing balance, the
// ledger lines ticked as appearing on it, the live ticked balance and gap;
// saved per statement, printed as a PDF.
type reconcile struct {
	b *bank

	saved   *widget.Select // the statements saved, to open one again
	list    []ledger.BankStatement
	date    *widget.Entry
	balance *widget.Entry
	opening *widget.Entry
	openRow *fyne.Container
	summary *widget.Label
	verdict *widget.Label // the gap, coloured
	save    *widget.Button
	print   *widget.Button
	del     *widget.Button

	rc     app.Reconciliation
	loaded bool
	ticked map[int64]bool
	table  *widgets.Table[app.ReconLine]
	root   fyne.CanvasObject
}

func newReconcile(b *bank) *reconcile {
	r := &reconcile{b: b, ticked: map[int64]bool{}}
	r.saved = widget.NewSelect(nil, func(string) {
		if i := r.saved.SelectedIndex(); i >= 0 && i < len(r.list) {
			st := r.list[i]
			r.date.SetText(ledger.FrenchDate(st.Date))
			r.open()
		}
	})
	r.saved.PlaceHolder = "Relevés enregistrés…"
	r.date = widget.NewEntry()
	r.date.SetPlaceHolder("JJ/MM/AAAA")
	r.date.OnSubmitted = func(string) { r.open() }
	r.balance = widget.NewEntry()
	r.balance.OnChanged = func(string) { r.count() }
	r.opening = widget.NewEntry()
	r.opening.OnChanged = func(string) { r.count() }
	r.summary = widget.NewLabel("")
	r.summary.Wrapping = fyne.TextWrapWord
	r.verdict = widget.NewLabel("")
	r.verdict.TextStyle.Bold = true
	openBtn := widget.NewButtonWithIcon("Ouvrir le relevé", theme.SearchIcon(), r.open)
	r.save = widget.NewButtonWithIcon("Enregistrer le rapprochement", theme.DocumentSaveIcon(), r.doSave)
	r.save.Importance = widget.HighImportance
	r.print = widget.NewButtonWithIcon("Imprimer (PDF)", theme.DocumentPrintIcon(), r.doPrint)
	r.del = widget.NewButtonWithIcon("Supprimer ce relevé…", theme.DeleteIcon(), r.doDelete)

	money := func(a ledger.Amount) string {
		if a == 0 {
			return ""
		}
		return a.String()
	}
	r.table = &widgets.Table[app.ReconLine]{
		Cols: []widgets.Column[app.ReconLine]{
			{Title: "✓", Width: 40, Text: func(l app.ReconLine) string {
				if r.ticked[l.ID] {
					return "☑"
				}
				return "☐"
			}},
			{Title: "Date", Width: 105, Text: func(l app.ReconLine) string { return ledger.FrenchDate(l.Date) }},
			{Title: "Journal", Width: 75, Text: func(l app.ReconLine) string { return l.Journal }},
			{Title: "Pièce", Width: 110, Text: func(l app.ReconLine) string { return l.Piece }},
			{Title: "Libellé", Width: 200, Stretch: true, Text: func(l app.ReconLine) string { return l.Text() }},
			{Title: "Entrée (débit)", Width: 135, Align: fyne.TextAlignTrailing, Text: func(l app.ReconLine) string { return money(l.Debit) }},
			{Title: "Sortie (crédit)", Width: 135, Align: fyne.TextAlignTrailing, Text: func(l app.ReconLine) string { return money(l.Credit) }},
		},
		Empty: "Indiquez la date du relevé de banque puis « Ouvrir le relevé » : les écritures du compte jusqu'à cette date s'affichent ici, à cocher.",
		Tint: func(l app.ReconLine) color.Color {
			if r.ticked[l.ID] {
				return selectionTint
			}
			return nil
		},
		OnOpen: r.toggle,
	}
	view := r.table.Build()
	r.openRow = container.NewHBox(widget.NewLabel("Solde de départ (premier relevé) :"), container.New(&widgets.FixedWidth{Width: 150}, r.opening))
	r.openRow.Hide()
	top := container.NewVBox(
		widgets.Note("Pour chaque relevé de banque : indiquez sa date et son solde final, puis cochez les écritures qui y figurent. L'écart doit être nul."),
		container.NewHBox(widget.NewLabel("Date du relevé :"), container.New(&widgets.FixedWidth{Width: 130}, r.date), openBtn,
			layout.NewSpacer(), container.New(&widgets.FixedWidth{Width: 260}, r.saved)),
		container.NewHBox(widget.NewLabel("Solde du relevé (€) :"), container.New(&widgets.FixedWidth{Width: 150}, r.balance), r.openRow),
	)
	bottom := container.NewVBox(r.summary, container.NewHBox(r.verdict, layout.NewSpacer(), r.del, r.print, r.save))
	r.root = container.NewBorder(top, bottom, nil, nil, view)
	return r
}

// reload reads the saved statements of the bank account again, and the
// statement shown.
func (r *reconcile) reload() {
	s := r.b.s
	acc := r.b.bankAccount()
	if acc == "" {
		return
	}
	list, err := s.res.BankStatements(acc)
	if err != nil {
		s.showError(err)
		return
	}
	r.list = list
	var opts []string
	for _, st := range list {
		opts = append(opts, fmt.Sprintf("Relevé du %s — %s", ledger.FrenchDate(st.Date), st.Balance.String()))
	}
	r.saved.Options = opts
	r.saved.ClearSelected()
	r.saved.Refresh()
	if r.date.Text == "" {
		r.date.SetText(ledger.FrenchDate(s.situation()))
	}
	if r.loaded && r.rc.Bank.Account == acc {
		r.open()
		return
	}
	r.loaded = false
	r.rc = app.Reconciliation{}
	r.table.SetRows(nil)
	r.count()
}

// open reads the reconciliation of the statement at the date typed.
func (r *reconcile) open() {
	s := r.b.s
	d, err := ledger.ParseDate(r.date.Text)
	if err != nil {
		s.showError(ledger.Wrap(ledger.Invalid, err, "Date du relevé : %s", ledger.Message(err)))
		return
	}
	same := r.loaded && r.rc.Statement.Date.Equal(d) && r.rc.Bank.Account == r.b.bankAccount()
	rc, err := s.res.Reconciliation(r.b.bankAccount(), d)
	if err != nil {
		s.showError(err)
		return
	}
	r.rc, r.loaded = rc, true
	if !same {
		r.ticked = rc.Ticked()
		if rc.Saved {
			r.balance.SetText(rc.Statement.Balance.Format())
		} else {
			r.balance.SetText("")
		}
		r.opening.SetText(rc.Statement.Opening.Format())
	}
	if rc.Statement.First() {
		r.openRow.Show()
	} else {
		r.openRow.Hide()
	}
	r.table.SetRows(rc.Lines)
	r.count()
}

func (r *reconcile) toggle(l app.ReconLine) {
	if r.b.s.readOnly() || l.Locked {
		return
	}
	if r.ticked[l.ID] {
		delete(r.ticked, l.ID)
	} else {
		r.ticked[l.ID] = true
	}
	r.table.Apply()
	r.count()
}

// amounts reads the closing (and opening) balance typed; ok false when
// one is not an amount.
func (r *reconcile) amounts() (closing, opening ledger.Amount, err error) {
	if closing, err = parseFormAmount("Solde du relevé", r.balance.Text); err != nil {
		return
	}
	if r.rc.Statement.First() && strings.TrimSpace(r.opening.Text) != "" {
		opening, err = parseFormAmount("Solde de départ", r.opening.Text)
	}
	return
}

// count shows the live ticked balance and the gap.
func (r *reconcile) count() {
	s := r.b.s
	ro := s.readOnly()
	widgets.SetEnabled(r.save, r.loaded && !ro)
	widgets.SetEnabled(r.print, r.loaded && r.rc.Saved)
	widgets.SetEnabled(r.del, r.loaded && r.rc.Saved && !ro)
	if !r.loaded {
		r.summary.SetText("")
		r.verdict.SetText("")
		return
	}
	closing, opening, err := r.amounts()
	t := r.rc.Totals(r.ticked, closing, opening)
	r.summary.SetText(fmt.Sprintf("Solde de départ %s + entrées cochées %s − sorties cochées %s = solde pointé %s (%d ligne%s cochée%s). Solde comptable au %s : %s ; %d ligne%s non cochée%s.",
		t.Opening.String(), t.TickedDebit.String(), t.TickedCredit.String(), t.TickedBalance.String(), t.Ticked, fr.S(t.Ticked), fr.S(t.Ticked),
		ledger.FrenchDate(r.rc.Statement.Date), t.BookBalance.String(), t.Unticked, fr.S(t.Unticked), fr.S(t.Unticked)))
	switch {
	case err != nil:
		r.verdict.SetText("Indiquez le solde du relevé pour voir l'écart.")
		r.verdict.Importance = widget.WarningImportance
	case t.Gap == 0:
		r.verdict.SetText("✓ Relevé " + t.Statement.String() + " : écart nul, le rapprochement est juste.")
		r.verdict.Importance = widget.SuccessImportance
	default:
		r.verdict.SetText(fmt.Sprintf("Relevé %s : écart %s à expliquer.", t.Statement.String(), t.Gap.String()))
		r.verdict.Importance = widget.DangerImportance
	}
	r.verdict.Refresh()
}

func (r *reconcile) doSave() {
	s := r.b.s
	closing, opening, err := r.amounts()
	if err != nil {
		s.showError(err)
		return
	}
	var ids []int64
	for _, l := range r.rc.Lines {
		if r.ticked[l.ID] {
			ids = append(ids, l.ID)
		}
	}
	t := r.rc.Totals(r.ticked, closing, opening)
	acc, d := r.rc.Bank.Account, r.rc.Statement.Date
	if err := s.res.SaveReconciliation(acc, d, closing, opening, ids); err != nil {
		s.showError(err)
		return
	}
	gap := "écart nul"
	if t.Gap != 0 {
		gap = "écart " + t.Gap.String() + " à expliquer"
	}
	s.say(fmt.Sprintf("Rapprochement du relevé du %s enregistré (compte %s) : %d ligne%s cochée%s, %s", ledger.FrenchDate(d), acc, len(ids), fr.S(len(ids)), fr.S(len(ids)), gap))
	s.changed()
}

func (r *reconcile) doPrint() {
	s := r.b.s
	acc, d := r.rc.Bank.Account, r.rc.Statement.Date
	var file string
	s.runLong("Écriture du rapprochement…", func() (err error) {
		file, err = s.res.WriteReconciliation(s.lettersDir(app.FolderReconciliations), acc, d, s.now())
		return err
	}, func() {
		s.openWritten("Rapprochement enregistré dans "+file, file)
	})
}

func (r *reconcile) doDelete() {
	s := r.b.s
	acc, d := r.rc.Bank.Account, r.rc.Statement.Date
	s.confirm("Supprimer un relevé", fmt.Sprintf("Supprimer le rapprochement du relevé du %s (compte %s) ? Ses écritures redeviennent non cochées ; elles ne sont pas supprimées.", ledger.FrenchDate(d), acc),
		"Supprimer", "Revenir", func() {
			if err := s.res.DeleteReconciliation(acc, d); err != nil {
				s.showError(err)
				return
			}
			r.loaded = false
			s.say(fmt.Sprintf("Rapprochement du relevé du %s (compte %s) supprimé", ledger.FrenchDate(d), acc))
			s.changed()
		})
}
