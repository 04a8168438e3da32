package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// The deposit tab's lines that are not receipts yet (seed 003): the
// cheques owners handed in advance whose date has come, and the cheques
// forgotten earlier typed from inside the deposit. Either may be split
// between the owner's charges and another account. They become receipts
// of the deposit's day in the deposit's own transaction.

// forgotten is a cheque typed in the deposit form.
type forgotten struct {
	in   app.ReceiptInput
	name string // the owner's name
}

// depositExtras is what the deposit form holds besides the cheques
// already received.
type depositExtras struct {
	due       []app.ExpectedCheque
	dueTicked map[int64]bool
	added     []*forgotten
	// splits are the other-account parts of a line: "e<ID>" for a cheque
	// handed in advance, a *forgotten for a typed one.
	splits map[any][]ledger.OtherPart
}

func (x *depositExtras) reset() {
	x.due, x.added = nil, nil
	x.dueTicked, x.splits = map[int64]bool{}, map[any][]ledger.OtherPart{}
}

func dueKey(id int64) any { return fmt.Sprintf("e%d", id) }

// kindHelp shows what the chosen kind holds, and whether it takes cheques.
func (b *bank) kindChosen() ledger.DepositKind {
	if i := b.kind.SelectedIndex(); i >= 0 {
		return ledger.DepositKinds()[i]
	}
	return ledger.DepositCheques
}

// loadDue reads the cheques handed in advance due by the deposit's date,
// keeping the ticks of those still offered.
func (b *bank) loadDue() {
	s := b.s
	d, err := ledger.ParseDate(b.date.Text)
	if err != nil || b.kindChosen() != ledger.DepositCheques {
		b.extra.due = nil
		return
	}
	list, err := s.res.ChequesDue(d)
	if err != nil {
		s.showError(err)
		return
	}
	keep := map[int64]bool{}
	for _, c := range list {
		keep[c.ID] = b.extra.dueTicked[c.ID]
	}
	b.extra.due, b.extra.dueTicked = list, keep
}

// extraRows adds the lines of the cheques handed in advance and of the
// forgotten ones under the cheques already received.
func (b *bank) extraRows() {
	for _, c := range b.extra.due {
		id := c.ID
		text := fmt.Sprintf("%s — chèque %s — %s — remis d'avance", ledger.FrenchDate(c.Date), orDash(c.Number), c.OwnerName)
		check := widget.NewCheck(text, func(on bool) {
			b.extra.dueTicked[id] = on
			b.count()
		})
		check.Checked = b.extra.dueTicked[id]
		b.checks[-id] = check // negative: not a receipt id
		b.cheques.Add(b.extraLine(check, c.Amount, dueKey(id), c.Owner, c.OwnerName, nil))
	}
	for _, f := range b.extra.added {
		f := f
		check := widget.NewCheck(fmt.Sprintf("%s — chèque %s — %s — ajouté à cette remise", ledger.FrenchDate(f.in.Date), orDash(f.in.Cheque), f.name), nil)
		check.Checked = true
		check.Disable() // typed for this deposit: « Retirer » takes it out
		remove := widget.NewButtonWithIcon("Retirer", theme.ContentRemoveIcon(), func() {
			b.removeForgotten(f)
		})
		remove.Importance = widget.LowImportance
		b.cheques.Add(b.extraLine(check, f.in.Amount, f, f.in.Owner, f.name, remove))
	}
}

// extraLine is one line: the check, the split's summary under it, the
// amount and « Répartir sur un autre compte… ».
func (b *bank) extraLine(check *widget.Check, amount ledger.Amount, key any, owner, name string, more fyne.CanvasObject) fyne.CanvasObject {
	split := widget.NewButtonWithIcon("Répartir…", theme.ViewRestoreIcon(), func() { b.splitForm(key, amount, name) })
	split.Importance = widget.LowImportance
	widgets.SetEnabled(split, !b.s.readOnly())
	right := container.NewHBox(container.New(&widgets.FixedWidth{Width: 140}, widget.NewLabelWithStyle(amount.String(), fyne.TextAlignTrailing, fyne.TextStyle{})), split)
	if more != nil {
		right.Add(more)
	}
	shrink := widgets.ShrinkCheck(check) // never wider than a small screen
	var lead fyne.CanvasObject = shrink
	if parts := b.extra.splits[key]; len(parts) > 0 {
		var rest ledger.Amount
		var words []string
		for _, p := range parts {
			rest += p.Amount
			words = append(words, fmt.Sprintf("%s sur %s", p.Amount.String(), p.Account))
		}
		note := widgets.Note(fmt.Sprintf("      dont %s au compte de %s, %s", (amount - rest).String(), name, strings.Join(words, ", ")))
		lead = container.NewVBox(shrink, note)
	}
	return container.NewBorder(nil, nil, nil, right, lead)
}

func (b *bank) removeForgotten(f *forgotten) {
	for i, g := range b.extra.added {
		if g == f {
			b.extra.added = append(b.extra.added[:i], b.extra.added[i+1:]...)
			break
		}
	}
	delete(b.extra.splits, f)
	b.reload()
}

// dueTotal is what the cheques handed in advance offered add up to.
func (b *bank) dueTotal() ledger.Amount {
	var t ledger.Amount
	for _, c := range b.extra.due {
		t += c.Amount
	}
	return t
}

// extraSelection counts the ticked cheques handed in advance and the
// forgotten ones, for the counter.
func (b *bank) extraSelection() (n int, total ledger.Amount) {
	for _, c := range b.extra.due {
		if b.extra.dueTicked[c.ID] {
			n++
			total += c.Amount
		}
	}
	for _, f := range b.extra.added {
		n++
		total += f.in.Amount
	}
	return n, total
}

// extraInput puts the extra lines into the deposit.
func (b *bank) extraInput(in *app.DepositInput) {
	for _, c := range b.extra.due {
		if b.extra.dueTicked[c.ID] {
			in.Expected = append(in.Expected, app.ExpectedPick{ID: c.ID, Others: b.extra.splits[dueKey(c.ID)]})
		}
	}
	for _, f := range b.extra.added {
		n := f.in
		n.Others = b.extra.splits[f]
		in.New = append(in.New, n)
	}
}

// addForgotten types a cheque received earlier and never recorded (seed
// 003 « nouvelles entrées de fonds »): it is recorded with the deposit.
func (b *bank) addForgotten() {
	s := b.s
	owners, err := s.res.Owners()
	if err != nil {
		s.showError(err)
		return
	}
	var names []string
	for _, o := range owners {
		names = append(names, o.Account+" — "+o.DisplayName())
	}
	who := widget.NewSelect(names, nil)
	who.PlaceHolder = "Choisissez le copropriétaire"
	amount := widgets.NewField("", "0,00")
	number := widgets.NewField("", "n° du chèque")
	drawer := widgets.NewField("", "le copropriétaire s'il est vide")
	bankName := widgets.NewField("", "facultatif")
	received := widgets.NewField(b.date.Text, "JJ/MM/AAAA")
	f := s.newForm("Ajouter un chèque oublié", "Ajouter à la remise", amount, number, drawer, bankName, received)
	f.submit = func() error {
		i := who.SelectedIndex()
		if i < 0 {
			return ledger.Errorf(ledger.Invalid, "Chèque oublié : choisissez le copropriétaire")
		}
		a, err := ledger.ParseAmount(amount.Text)
		if err != nil {
			return ledger.Wrap(ledger.Invalid, err, "Montant du chèque : %s", ledger.Message(err))
		}
		if a <= 0 {
			return ledger.Errorf(ledger.Invalid, "Chèque oublié : le montant doit être positif")
		}
		d, err := ledger.ParseDate(strings.TrimSpace(received.Text))
		if err != nil {
			return ledger.Wrap(ledger.Invalid, err, "Reçu le : %s", ledger.Message(err))
		}
		o := owners[i]
		b.extra.added = append(b.extra.added, &forgotten{name: o.DisplayName(), in: app.ReceiptInput{Owner: o.Account, Amount: a, Date: d, Mode: ledger.ByCheque,
			Cheque: strings.TrimSpace(number.Text), Drawer: strings.TrimSpace(drawer.Text), DrawerBank: strings.TrimSpace(bankName.Text)}})
		b.reload()
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Copropriétaire", who), widget.NewFormItem("Montant (€)", amount), widget.NewFormItem("N° de chèque", number),
		widget.NewFormItem("Tireur", drawer), widget.NewFormItem("Banque", bankName), widget.NewFormItem("Reçu le", received))
	f.show(container.NewVBox(widgets.Note("Un chèque reçu mais jamais encaissé dans Tantième : il est enregistré comme règlement du copropriétaire "+
		"(ses appels les plus anciens d'abord) au moment où vous marquez la remise."), form), amount)
}

// splitForm puts part of a cheque on another account of the chart (seed
// 003 « Répartir sur compte (autre frais) »): an insurer's refund passed
// through the owner, a deposit given back… The cheque stays one line of
// the slip; the owner's account gets the rest.
func (b *bank) splitForm(key any, total ledger.Amount, name string) {
	s := b.s
	accounts, err := s.res.Accounts()
	if err != nil {
		s.showError(err)
		return
	}
	keys, err := s.res.Keys()
	if err != nil {
		s.showError(err)
		return
	}
	var codes, labels []string
	for _, a := range accounts {
		if ledger.TakesOtherPart(a.Code) && ledger.AccountClass(a.Code) >= 1 {
			codes = append(codes, a.Code)
			labels = append(labels, a.Code+" "+a.Label)
		}
	}
	keyCodes, keyLabels := []string{""}, []string{"(aucune)"}
	for _, k := range keys {
		keyCodes = append(keyCodes, k.Code)
		keyLabels = append(keyLabels, k.Code+" "+k.Label)
	}
	account := widget.NewSelect(labels, nil)
	account.PlaceHolder = "Choisissez le compte"
	keySel := widget.NewSelect(keyLabels, nil)
	keySel.SetSelectedIndex(0)
	amount := widgets.NewField("", "0,00")
	label := widgets.NewField("", "ex. : franchise de l'assureur")
	if cur := b.extra.splits[key]; len(cur) == 1 {
		for i, c := range codes {
			if c == cur[0].Account {
				account.SetSelectedIndex(i)
			}
		}
		for i, c := range keyCodes {
			if c == cur[0].Key {
				keySel.SetSelectedIndex(i)
			}
		}
		amount.SetText(cur[0].Amount.Format())
		label.SetText(cur[0].Label)
	}
	f := s.newForm("Répartir sur un autre compte — chèque de "+name+" ("+total.String()+")", "Répartir", amount, label)
	f.submit = func() error {
		if strings.TrimSpace(amount.Text) == "" {
			delete(b.extra.splits, key) // nothing typed: no split
			b.reload()
			return nil
		}
		i := account.SelectedIndex()
		if i < 0 {
			return ledger.Errorf(ledger.Invalid, "Répartition : choisissez le compte qui reçoit la part")
		}
		a, err := ledger.ParseAmount(amount.Text)
		if err != nil {
			return ledger.Wrap(ledger.Invalid, err, "Montant de la part : %s", ledger.Message(err))
		}
		// The books' rules (key on classes 6 and 7, a share left to the
		// owner) are checked now on a receipt built like the deposit's.
		part := ledger.OtherPart{Account: codes[i], Key: keyCodes[max(keySel.SelectedIndex(), 0)], Label: strings.TrimSpace(label.Text), Amount: a}
		if err := ledger.CheckOtherParts(total, []ledger.OtherPart{part}); err != nil {
			return err
		}
		b.extra.splits[key] = []ledger.OtherPart{part}
		b.reload()
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Autre compte", account), widget.NewFormItem("Clé", keySel),
		widget.NewFormItem("Montant (€)", amount), widget.NewFormItem("Libellé", label))
	f.show(container.NewVBox(widgets.Note("Une part du chèque va à un autre compte que les charges de "+name+
		" (remboursement d'assureur : compte 713 avec sa clé ; dépôt rendu…). Le reste est porté à son compte. "+
		"Sur le bordereau, le chèque reste une seule ligne. Videz le montant pour ne plus répartir."), form), amount)
}
