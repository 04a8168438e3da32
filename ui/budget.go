package ui

import (
	"fmt"
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

// budgetScreen is the Budget screen: the budget of the exercise shown (N)
// or of one of the two after it, typed in place account by account and key
// by key, beside the actual of N and N-1; copying another budget, starting
// from an actual, and the works fund of the exercise with its legal
// minimum.
type budgetScreen struct {
	s      *Shell
	data   app.BudgetView
	offset int // 0, 1 or 2: the budget typed is that of N+offset
	keys   []ledger.Key

	choice     *widget.RadioGroup
	choiceText []string
	filling    bool
	add        *widget.Button
	copyFrom   *widget.Button
	fromActual *widget.Button
	grid       *budgetGrid
	gridBox    *fyne.Container
	problem    *widget.Label
	// voted says the AG voted the budget shown (app.BudgetVote); a change
	// to it is confirmed once per exercise (votedAck).
	votedNote *widget.Label
	voted     app.BudgetVote
	votedAck  map[int64]bool

	fundTitle  *widget.Label
	fundAmount *widgets.Field
	fundKey    *widget.Select
	fundSave   *widget.Button
	fundMin    *widget.Button
	fundState  *fyne.Container
	fundStatus app.FundStatus
	fundShown  [2]string // the amount and key last read, to keep what is typed over them

	root fyne.CanvasObject
}

func newBudget(s *Shell) screen {
	b := &budgetScreen{s: s, votedAck: map[int64]bool{}}
	b.choice = widget.NewRadioGroup(nil, func(v string) {
		if b.filling || v == "" {
			return
		}
		for i, t := range b.choiceText {
			if t == v {
				b.commit()
				b.offset = i
				b.reload()
			}
		}
	})
	b.choice.Horizontal = true
	b.choice.Required = true
	b.add = widget.NewButtonWithIcon("Ajouter une ligne…", theme.ContentAddIcon(), b.create)
	b.add.Importance = widget.HighImportance
	b.copyFrom = widget.NewButtonWithIcon("Copier un budget…", theme.ContentCopyIcon(), b.copyForm)
	b.fromActual = widget.NewButtonWithIcon("Partir du réalisé…", theme.HistoryIcon(), b.actualForm)
	b.gridBox = container.NewStack()
	b.problem = widget.NewLabel("")
	b.problem.Importance = widget.DangerImportance
	b.problem.Wrapping = fyne.TextWrapWord
	b.problem.Hide()
	b.votedNote = widget.NewLabel("")
	b.votedNote.Importance = widget.SuccessImportance
	b.votedNote.Wrapping = fyne.TextWrapWord
	b.votedNote.Hide()

	b.fundTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.fundTitle.Wrapping = fyne.TextWrapWord
	b.fundAmount = widgets.NewField("", "montant annuel, par exemple 2 304,19")
	b.fundAmount.SetKeys(&widgets.FormKeys{Enter: b.saveFund, Escape: b.fillFund})
	b.fundKey = widget.NewSelect(nil, nil)
	b.fundSave = widget.NewButtonWithIcon("Enregistrer le fonds", theme.DocumentSaveIcon(), b.saveFund)
	b.fundMin = widget.NewButton("Proposer le minimum", func() {
		b.fundAmount.SetText(b.fundStatus.Minimum.Format())
		s.win.Canvas().Focus(b.fundAmount)
	})
	b.fundState = container.NewVBox()
	fundLine := widgets.Bar(container.NewHBox(widget.NewLabel("Montant annuel :"), container.New(&widgets.FixedWidth{Width: 150}, b.fundAmount),
		widget.NewLabel("€   Clé :"), container.New(&widgets.FixedWidth{Width: 210}, b.fundKey)), b.fundSave, b.fundMin)
	fund := widgets.Tinted(surface, container.NewVBox(b.fundTitle, fundLine, b.fundState))

	head := widgets.Bar(widgets.Heading("Budget prévisionnel"), b.fromActual, b.copyFrom, b.add)
	choiceLine := widgets.Line(widget.NewLabel("Budget de l'exercice :"), b.choice)
	help := widget.NewLabel("Tapez les montants votés : enregistré dès que vous quittez la case (Tab, Entrée, flèches) · Échap rétablit le montant · 0 ou vide retire la ligne")
	help.Importance = widget.LowImportance
	help.Truncation = fyne.TextTruncateEllipsis
	top := container.NewVBox(head, choiceLine, b.votedNote)
	// The grid comes first: on a small screen (or in large text) the fund's
	// panel scrolls rather than leave the grid two lines (issue 16).
	bottom := widgets.CappedScroll(container.NewVBox(b.problem, help, fund), func() float32 {
		if b.root == nil || b.root.Size().Height == 0 {
			return -1
		}
		return max(0, b.root.Size().Height-top.MinSize().Height-12*widgets.TextHeight(1))
	})
	// Room for several lines of the grid at least: in a window too low (large
	// text on a small screen), the whole screen scrolls in the window.
	b.root = container.NewBorder(top, bottom, nil, nil, widgets.Reserve(b.gridBox, 12))
	return b
}

func (b *budgetScreen) view() fyne.CanvasObject { return b.root }

// commit saves what is still typed in the grid.
func (b *budgetScreen) commit() {
	if b.grid != nil {
		b.grid.commitAll()
	}
}

// budgetEx is the exercise whose budget is typed.
func (b *budgetScreen) budgetEx() ledger.Exercise { return b.data.Exercises[b.offset] }

// readOnly says whether the budget shown may not change: the exercise shown
// is closed (the whole window reads only), or the budget's own exercise is.
func (b *budgetScreen) readOnly() bool { return b.s.readOnly() || b.budgetEx().Closed }

func (b *budgetScreen) reload() {
	s := b.s
	b.commit()
	data, err := s.res.BudgetView(s.exercise.Year())
	if err != nil {
		s.showError(err)
		return
	}
	b.data = data
	if b.keys, err = s.res.Keys(); err != nil {
		s.showError(err)
		return
	}
	b.filling = true
	b.choiceText = nil
	for _, ex := range data.Exercises {
		if ex.ID != 0 {
			b.choiceText = append(b.choiceText, exerciseLabel(ex, s.working))
		}
	}
	if b.offset >= len(b.choiceText) {
		b.offset = 0
	}
	b.choice.Options = b.choiceText
	b.choice.Selected = b.choiceText[b.offset]
	b.choice.Refresh()
	b.filling = false
	b.showVoted()
	b.buildGrid()
	b.reloadFund()
	ro := b.readOnly()
	widgets.SetEnabled(b.add, !ro)
	widgets.SetEnabled(b.copyFrom, !ro)
	widgets.SetEnabled(b.fromActual, !ro && b.actualSource().ID != 0)
	b.copyFrom.SetText("Copier un budget…")
	if src := b.copySource(); src.ID == 0 {
		b.copyFrom.Disable()
	} else if src.End.Before(b.budgetEx().Start) {
		b.copyFrom.SetText(fmt.Sprintf("Copier le budget de %s…", src.Name()))
	}
	b.fromActual.SetText("Partir du réalisé…")
	if src := b.actualSource(); src.ID != 0 {
		b.fromActual.SetText(fmt.Sprintf("Partir du réalisé %s…", src.Name()))
	}
}

// buildGrid makes the grid of the budget chosen.
func (b *budgetScreen) buildGrid() {
	d := b.data
	ex := b.budgetEx()
	n, prev := d.Exercises[0], d.Previous
	actualTitle := func(e ledger.Exercise, year int) string {
		if e.ID == 0 {
			return fmt.Sprintf("Réalisé %d", year)
		}
		return "Réalisé " + e.Name()
	}
	b.grid = &budgetGrid{
		cols: []widgets.GridColumn{
			{Title: "Compte", Width: 90},
			{Title: "Libellé", Width: 260, Stretch: true},
			{Title: "Budget " + ex.Name(), Width: 170},
			{Title: actualTitle(n, n.Year()), Width: 160, Align: fyne.TextAlignTrailing},
			{Title: actualTitle(prev, n.Year()-1), Width: 160, Align: fyne.TextAlignTrailing},
		},
		noActual: [2]bool{false, prev.ID == 0},
		focus:    func(f fyne.Focusable) { b.s.win.Canvas().Focus(f) },
		onCommit: b.saveLine,
		onEdit:   b.showProblems,
	}
	empty := fmt.Sprintf("Aucune ligne au budget %s — ajoutez-en avec « Ajouter une ligne… », copiez un autre budget ou partez du réalisé.", ex.Name())
	if b.readOnly() {
		empty = fmt.Sprintf("Aucune ligne au budget %s.", ex.Name())
	}
	b.gridBox.Objects = []fyne.CanvasObject{b.grid.build(d, b.offset, b.readOnly(), empty)}
	b.gridBox.Refresh()
	b.showProblems()
}

// showProblems says what is wrong with the amounts typed.
func (b *budgetScreen) showProblems() {
	var out []string
	for _, r := range b.grid.rows {
		if r.entry.Err != nil {
			out = append(out, fmt.Sprintf("%s clé %s : %s", r.account, r.key, b.s.message(r.entry.Err)))
		}
	}
	if len(out) == 0 {
		b.problem.Hide()
		return
	}
	b.problem.SetText(strings.Join(out, "\n") + " Corrigez le montant ou appuyez sur Échap pour rétablir l'ancien.")
	b.problem.Show()
}

// saveLine writes one budget amount and says what it did.
func (b *budgetScreen) saveLine(r *budgetRow, a ledger.Amount) error {
	s := b.s
	ex := b.budgetEx()
	// The budget's own exercise decides, not the one shown: a change of
	// exercise saves what was typed in the grid before it goes.
	if s.res.ReadOnly() || ex.Closed {
		return ledger.Errorf(ledger.Locked, "Exercice %s clos : son budget ne peut plus changer", ex.Name())
	}
	if b.voted.Voted() && !b.votedAck[ex.ID] && a != r.entry.Stored {
		b.confirmVotedChange(ex, r, a)
		return ledger.Errorf(ledger.Conflict, "Budget %s voté par l'AG du %s : confirmez la modification", ex.Name(), ledger.FrenchDate(b.voted.Day))
	}
	if err := s.res.SetBudgetLine(ex.ID, ledger.BudgetLine{Account: r.account, Key: r.key, Amount: a}); err != nil {
		return err
	}
	r.entry.Stored = a
	net, _, _ := b.grid.totals()
	what := a.String() + " enregistrés"
	if a == 0 {
		what = "ligne retirée"
	}
	s.say(fmt.Sprintf("Budget %s, %s %s, clé %s : %s — total de la clé %s : %s, total du budget : %s", ex.Name(), r.account, r.accountLabel, r.key,
		what, r.key, b.grid.keyTotal(r.key).String(), net.String()))
	b.reloadFund()
	return nil
}

// create adds a line to the budget (Ctrl+N).
func (b *budgetScreen) create() {
	if b.readOnly() {
		return
	}
	b.commit()
	b.lineForm()
}

// budgetAccounts are the accounts a budget line may take: charges of
// current operations and income that lowers them. Works (67x) are voted
// apart, and the provisions (70x) are what the calls credit, not a budget.
func budgetAccounts(all []ledger.Account) []ledger.Account {
	var out []ledger.Account
	for _, a := range all {
		if ledger.IsCurrentOperation(a.Code) {
			out = append(out, a)
		}
	}
	return out
}

func keyText(k ledger.Key) string { return k.Code + " " + k.Label }

// lineForm adds an account on a key to the budget chosen.
func (b *budgetScreen) lineForm() {
	s := b.s
	ex := b.budgetEx()
	var accounts []ledger.Account
	var err error
	if accounts, err = s.res.Accounts(); err != nil {
		s.showError(err)
		return
	}
	index := app.NewAccountIndex(budgetAccounts(accounts))
	if recent, err := s.res.RecentAccounts(); err == nil {
		index.SetRecent(recent) // only an order: the form works without it
	}
	picker := newAccountPicker(index)
	account := newEntryBox("", "un mot ou un numéro : ascenseur, ménage, 602…")
	var keyOptions []string
	for _, k := range b.keys {
		keyOptions = append(keyOptions, keyText(k))
	}
	first := ""
	if len(keyOptions) == 1 {
		first = keyOptions[0]
	}
	key := newChoiceField(keyOptions, first, nil)
	amount := widgets.NewField("", "montant annuel, par exemple 3 600,00")
	f := s.newForm("Ajouter une ligne au budget "+ex.Name(), "Ajouter", account, key, amount)
	f.width = 720
	account.ownKey = func(ev *fyne.KeyEvent) bool { return picker.key(account, ev) }
	account.OnChange(func() { picker.search(account) })
	account.lost = func() {
		if picker.shown(account) {
			if a, ok := picker.current(); ok {
				picker.pick(a)
			}
			picker.hide()
		}
	}
	f.submit = func() error {
		picker.hide()
		acc, ok := index.Resolve(account.Text)
		if !ok {
			s.win.Canvas().Focus(account)
			return ledger.Errorf(ledger.Invalid, "Compte « %s » introuvable parmi les charges et les produits du budget : tapez un mot (ascenseur, ménage, eau…) ou son numéro, puis choisissez-le dans la liste", strings.TrimSpace(account.Text))
		}
		code := ""
		for _, k := range b.keys {
			if keyText(k) == key.Selected {
				code = k.Code
			}
		}
		if code == "" {
			s.win.Canvas().Focus(key)
			return ledger.Errorf(ledger.Invalid, "Choisissez la clé de répartition de la ligne")
		}
		a, err := ledger.ParseAmount(amount.Text)
		if err != nil {
			s.win.Canvas().Focus(amount)
			return ledger.Wrap(ledger.Invalid, err, "Montant : %s", ledger.Message(err))
		}
		if a == 0 {
			s.win.Canvas().Focus(amount)
			return ledger.Errorf(ledger.Invalid, "Indiquez le montant annuel de la ligne")
		}
		if r := b.grid.row(code, acc.Code); r != nil && r.entry.Stored != 0 {
			return ledger.Errorf(ledger.Conflict, "Le compte %s figure déjà au budget %s sur la clé %s (%s) : modifiez son montant dans le tableau", acc.Code, ex.Name(), code, r.entry.Stored.String())
		}
		if err := s.res.SetBudgetLine(ex.ID, ledger.BudgetLine{Account: acc.Code, Key: code, Amount: a}); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Ligne ajoutée au budget %s : %s %s, clé %s, %s", ex.Name(), acc.Code, acc.Label, code, a.String()))
		s.changed()
		if r := b.grid.row(code, acc.Code); r != nil {
			b.grid.reveal(r)
		}
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Compte *", account), widget.NewFormItem("Clé de répartition *", key),
		widget.NewFormItem("Montant annuel *", amount))
	body := container.NewVBox(form, widgets.Note("Les dépenses courantes (les travaux votés à part n'y figurent pas) et les recettes attendues, comme une indemnité d'assurance : une recette vient en déduction des charges de sa clé. "+
		"Touche Entrée : ajouter. Touche Échap : annuler."))
	// The list of accounts opens under the account box, in the form's own
	// room, kept from the start (listRoom): the list no longer grows the
	// form past its dialog, its buttons floating outside it.
	room := account.MinSize().Height + 2*theme.Padding() + pickerHeight(picker)
	f.show(container.NewStack(body, container.New(listRoom{height: room}, picker.layer)), account)
}

// listRoom lays out an account picker's layer over the whole form with a
// fixed minimum height: the list at its tallest under the first field. The
// layer's own minimum follows the list as it fills, which made the dialog's
// content taller than the dialog each time it opened.
type listRoom struct{ height float32 }

func (l listRoom) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, l.height) }

func (l listRoom) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// pickerHeight is the height of an account list at its tallest: its rows
// and the hint under them.
func pickerHeight(p *accountPicker) float32 {
	rows := container.NewVBox()
	for i := 0; i < pickerRows; i++ {
		rows.Add(newAccountSuggestion(p, i, ledger.Account{Code: "600000", Label: "Compte"}))
	}
	rows.Add(entryHint("… et 9 autres comptes : précisez le numéro ou le nom."))
	return container.NewPadded(rows).MinSize().Height
}

// copySource is the budget proposed for copying into the one shown: the
// exercise before it, or N when the budget shown is N's and it has none.
func (b *budgetScreen) copySource() ledger.Exercise {
	target := b.budgetEx()
	var before ledger.Exercise
	for _, ex := range b.s.exercises {
		if ex.End.Before(target.Start) {
			before = ex
		}
	}
	if before.ID != 0 {
		return before
	}
	for _, ex := range b.s.exercises {
		if ex.ID != target.ID {
			return ex
		}
	}
	return ledger.Exercise{}
}

// actualSource is the exercise whose actual a new budget starts from: the
// last one before the budget's.
func (b *budgetScreen) actualSource() ledger.Exercise {
	target := b.budgetEx()
	var before ledger.Exercise
	for _, ex := range b.s.exercises {
		if ex.End.Before(target.Start) {
			before = ex
		}
	}
	return before
}

// replaced says what a new budget replaces in the budget chosen.
func (b *budgetScreen) replaced() (string, bool) {
	ex := b.budgetEx()
	n := 0
	for _, r := range b.grid.rows {
		if r.entry.Stored != 0 {
			n++
		}
	}
	if n == 0 {
		return fmt.Sprintf("Le budget %s est vide : rien n'est remplacé.", ex.Name()), false
	}
	net, _, _ := b.grid.totals()
	what := fmt.Sprintf("Les %d ligne%s actuelle%s du budget %s (%s au total) seront remplacée%s.", n, fr.S(n), fr.S(n), ex.Name(), net.String(), fr.S(n))
	if b.voted.Voted() {
		what += fmt.Sprintf(" Attention : ce budget a été voté par l'assemblée générale du %s (%s) ; le remplacer le fait différer du budget voté.",
			ledger.FrenchDate(b.voted.Day), b.voted.Total.String())
	}
	return what, true
}

// copyForm replaces the budget chosen by another one, raised by a
// percentage.
func (b *budgetScreen) copyForm() {
	s := b.s
	if b.readOnly() {
		return
	}
	b.commit()
	target := b.budgetEx()
	var names []string
	for _, ex := range s.exercises {
		if ex.ID != target.ID {
			names = append(names, ex.Name())
		}
	}
	from := newChoiceField(names, b.copySource().Name(), nil)
	pct := widgets.NewField("0", "par exemple 3 ou 2,5")
	what, replaces := b.replaced()
	f := s.newForm("Copier un budget vers "+target.Name(), "Copier le budget", from, pct)
	if replaces {
		f.ok.SetText("Remplacer le budget " + target.Name())
		f.ok.Importance = widget.DangerImportance
	}
	f.width = 640
	f.submit = func() error {
		p, err := parsePercent(pct.Text)
		if err != nil {
			s.win.Canvas().Focus(pct)
			return err
		}
		var src ledger.Exercise
		for _, ex := range s.exercises {
			if ex.Name() == from.Selected {
				src = ex
			}
		}
		if src.ID == 0 {
			return ledger.Errorf(ledger.Invalid, "Choisissez le budget à copier")
		}
		n, err := s.res.CopyBudget(src.Year(), target.Year(), p)
		if err != nil {
			return err
		}
		raise := "tel quel"
		if !p.IsZero() {
			raise = "augmenté de " + fr.Shares(p) + " %"
			if p.IsNegative() {
				raise = "diminué de " + fr.Shares(p.Neg()) + " %"
			}
		}
		s.changed()
		net, _, _ := b.grid.totals()
		s.say(fmt.Sprintf("Budget %s copié vers %s, %s : %d ligne%s, %s au total", src.Name(), target.Name(), raise, n, fr.S(n), net.String()))
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Budget à copier", from), widget.NewFormItem("Augmentation (%)", pct))
	f.show(container.NewVBox(form, widgets.Note(what+" Chaque ligne est copiée avec son compte et sa clé, son montant augmenté du pourcentage (0 : à l'identique ; un nombre négatif le diminue), arrondi au centime.")), pct)
	refit(f)
}

// actualForm replaces the budget chosen by the actual of an earlier
// exercise, once confirmed.
func (b *budgetScreen) actualForm() {
	s := b.s
	if b.readOnly() {
		return
	}
	b.commit()
	target := b.budgetEx()
	src := b.actualSource()
	if src.ID == 0 {
		return
	}
	what, _ := b.replaced()
	s.confirmAction("Partir du réalisé",
		fmt.Sprintf("Remplacer le budget %s par le réalisé de l'exercice %s, compte par compte et clé par clé (charges et produits des opérations courantes, avant répartition) ? %s",
			target.Name(), src.Name(), what),
		"Remplacer le budget "+target.Name(), func() error {
			n, err := s.res.BudgetFromActual(src.Year(), target.Year())
			if err != nil {
				return err
			}
			s.changed()
			net, _, _ := b.grid.totals()
			s.say(fmt.Sprintf("Budget %s repris du réalisé %s : %d ligne%s, %s au total", target.Name(), src.Name(), n, fr.S(n), net.String()))
			return nil
		})
}

// ---- Works fund

// reloadFund reads the works fund of the budget chosen and how it stands
// against the law's minimum; what is typed in its fields stays.
func (b *budgetScreen) reloadFund() {
	s := b.s
	ex := b.budgetEx()
	st, err := s.res.WorksFund(ex)
	if err != nil {
		s.showError(err)
		return
	}
	b.fundStatus = st
	b.fundTitle.SetText(fmt.Sprintf("Fonds de travaux %s (compte 105, loi ALUR) : appelé avec le budget, aux mêmes dates", ex.Name()))
	var opts []string
	for _, k := range b.keys {
		opts = append(opts, keyText(k))
	}
	b.fundKey.Options = opts
	amount, key := "", ""
	if st.Set {
		amount = st.Fund.Amount.Format()
		for _, k := range b.keys {
			if k.Code == st.Fund.Key {
				key = keyText(k)
			}
		}
	} else if len(b.keys) > 0 {
		key = keyText(b.keys[0]) // the general key, usually
	}
	if b.fundAmount.Text == b.fundShown[0] && b.fundKey.Selected == b.fundShown[1] {
		b.fundAmount.SetText(amount)
		b.fundKey.Selected = key
	}
	b.fundShown = [2]string{amount, key}
	b.fundKey.Refresh()
	minimum := fmt.Sprintf("Minimum légal : 5 %% des charges du budget %s (%s), soit %s par an.", ex.Name(), st.Budget.String(), st.Minimum.String())
	b.fundState.Objects = nil
	switch {
	case st.Warning != "":
		b.fundState.Add(caution(st.Warning))
	case st.Set:
		b.fundState.Add(ok(fmt.Sprintf("%s Le fonds de travaux %s (%s) l'atteint.", minimum, ex.Name(), st.Fund.Amount.String())))
	default:
		b.fundState.Add(widgets.Note("Aucun fonds de travaux n'est fixé, et le budget est vide."))
	}
	b.fundState.Refresh()
	ro := b.readOnly()
	widgets.SetEnabled(b.fundAmount, !ro)
	widgets.SetEnabled(b.fundKey, !ro)
	widgets.SetEnabled(b.fundSave, !ro)
	widgets.SetEnabled(b.fundMin, !ro && st.Minimum > 0)
}

// fillFund puts back the saved fund in its fields (Escape).
func (b *budgetScreen) fillFund() {
	b.fundAmount.SetText(b.fundShown[0])
	b.fundKey.SetSelected(b.fundShown[1])
}

// saveFund writes the works fund typed and says how it stands.
func (b *budgetScreen) saveFund() {
	s := b.s
	if b.readOnly() {
		return
	}
	ex := b.budgetEx()
	amount := ledger.Amount(0)
	if t := strings.TrimSpace(b.fundAmount.Text); t != "" {
		a, err := ledger.ParseAmount(t)
		if err != nil {
			s.showError(ledger.Wrap(ledger.Invalid, err, "Fonds de travaux : %s", ledger.Message(err)))
			return
		}
		amount = a
	}
	key := ""
	for _, k := range b.keys {
		if keyText(k) == b.fundKey.Selected {
			key = k.Code
		}
	}
	if amount != 0 && key == "" {
		s.showError(ledger.Errorf(ledger.Invalid, "Fonds de travaux : choisissez la clé sur laquelle il est appelé"))
		return
	}
	st, err := s.res.SetWorksFund(ex, amount, key)
	if err != nil {
		s.showError(err)
		return
	}
	b.fundShown = [2]string{"", ""} // the fields take what was saved
	b.fundAmount.SetText("")
	b.fundKey.Selected = ""
	b.reloadFund()
	said := fmt.Sprintf("Fonds de travaux %s : %s par an sur la clé %s enregistré", ex.Name(), amount.String(), key)
	if amount == 0 {
		said = fmt.Sprintf("Fonds de travaux %s retiré", ex.Name())
	}
	if st.Warning != "" {
		said += " — attention : inférieur au minimum légal de " + st.Minimum.String()
	}
	s.say(said)
}

// parsePercent reads a percentage as typed: "3", "2,5", "-1", "3 %".
func parsePercent(text string) (decimal.Decimal, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	neg := strings.HasPrefix(t, "-")
	d, err := app.ParseShares(strings.TrimPrefix(t, "-"))
	if err != nil {
		return d, ledger.Errorf(ledger.Invalid, "Augmentation : « %s » n'est pas un pourcentage (par exemple 3 ou 2,5)", strings.TrimSpace(text))
	}
	if neg {
		d = d.Neg()
	}
	return d, nil
}

// showVoted says whether the AG voted the budget shown, and what total.
func (b *budgetScreen) showVoted() {
	b.voted = app.BudgetVote{}
	if ex := b.budgetEx(); ex.ID != 0 {
		v, err := b.s.res.BudgetVoted(ex.Year())
		if err != nil {
			b.s.showError(err)
		}
		b.voted = v
	}
	if !b.voted.Voted() {
		b.votedNote.Hide()
		return
	}
	b.votedNote.SetText(b.voted.Text() + " — une modification s'en écarte et demande confirmation.")
	b.votedNote.Show()
}

// confirmVotedChange asks before changing a budget the AG voted: the
// calls are made from the budget, and the one voted is the law's (loi
// 1965 art. 14-1). Confirmed, the amount is saved and the exercise's
// later changes are not asked again; otherwise the voted amount comes back.
func (b *budgetScreen) confirmVotedChange(ex ledger.Exercise, r *budgetRow, a ledger.Amount) {
	f := b.s.newForm(fmt.Sprintf("Modifier le budget %s voté ?", ex.Name()), "Modifier le budget voté")
	f.ok.Importance = widget.DangerImportance
	f.cancel.SetText("Garder le budget voté")
	keep := func() {
		f.close()
		// The voted amount comes back in the cell (put back before the
		// reload, which saves what the cells hold).
		r.entry.SetText(r.entry.Stored.Format())
		r.entry.Err = nil
		b.reload()
	}
	f.cancel.OnTapped, f.keys.Escape = keep, keep
	f.submit = func() error {
		f.close()
		b.votedAck[ex.ID] = true
		if err := b.s.res.SetBudgetLine(ex.ID, ledger.BudgetLine{Account: r.account, Key: r.key, Amount: a}); err != nil {
			b.s.showError(err)
		} else {
			r.entry.Stored, r.entry.Err = a, nil // saved: the reload has nothing more to save
			b.s.say(fmt.Sprintf("Budget %s (voté le %s) modifié : %s clé %s, %s", ex.Name(), ledger.FrenchDate(b.voted.Day), r.account, r.key, a.String()))
		}
		b.reload()
		return errStay
	}
	f.width = 560
	text := fmt.Sprintf("Le budget %s a été voté par l'assemblée générale du %s (%s). Le modifier ici le fait différer de celui voté : "+
		"les appels de fonds suivront le nouveau montant.\n%s, clé %s : %s au lieu de %s.", ex.Name(), ledger.FrenchDate(b.voted.Day),
		b.voted.Total.String(), r.account, r.key, a.String(), r.entry.Stored.String())
	f.show(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.QuestionIcon())), nil, widgets.Note(text)), nil)
}
