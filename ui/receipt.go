package ui

import (
	"fmt"
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

// pickLabel is a line of a form's list that does something on a double
// tap (take the amount of a call, of an invoice).
type pickLabel struct {
	widget.Label
	onDouble func()
}

func newPickLabel(text string, onDouble func()) *pickLabel {
	l := &pickLabel{onDouble: onDouble}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

func (l *pickLabel) DoubleTapped(*fyne.PointEvent) {
	if l.onDouble != nil {
		l.onDouble()
	}
}

// formGrid lays label–field pairs out as a form: labels right-aligned on
// the left, fields stretched on the right.
func formGrid(pairs ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewFormLayout(), pairs...)
}

func bankText(b ledger.BankAccount) string {
	if b.Label == "" {
		return b.Account
	}
	return b.Account + " — " + b.Label
}

// bankChoice is a list of the residence's bank accounts with current
// chosen.
func bankChoice(banks []ledger.BankAccount, current string) *listField {
	var opts []string
	for _, b := range banks {
		opts = append(opts, bankText(b))
	}
	l := newListField(opts, "Choisissez le compte")
	for i, b := range banks {
		if b.Account == current {
			l.SetSelectedIndex(i)
		}
	}
	return l
}

func chosenBank(l *listField, banks []ledger.BankAccount) string {
	if i := l.SelectedIndex(); i >= 0 && i < len(banks) {
		return banks[i].Account
	}
	return ""
}

// parseFormAmount reads an amount typed in a form, naming the field when
// it is wrong.
func parseFormAmount(what, text string) (ledger.Amount, error) {
	if strings.TrimSpace(text) == "" {
		return 0, ledger.Errorf(ledger.Invalid, "%s : indiquez un montant", what)
	}
	a, err := ledger.ParseAmount(text)
	if err != nil {
		return 0, ledger.Wrap(ledger.Invalid, err, "%s : %s", what, ledger.Message(err))
	}
	return a, nil
}

// receiptForm opens the receipt dialog of an owner: amount pre-filled with
// his balance, today's date, cheque; a double tap on one of his open calls
// takes what remains due on it. Enter records it.
func (s *Shell) receiptForm(owner string, done func()) { s.receiptDialog(owner, 0, done) }

// receiptDialog is the receipt form; fix, when not 0, is the entry of a
// receipt to correct: the form opens filled with it as it was recorded, and
// saving replaces it (app.CorrectReceipt).
func (s *Shell) receiptDialog(owner string, fix int64, done func()) {
	if s.readOnly() {
		return
	}
	var rf app.ReceiptForm
	var old ledger.Receipt
	var err error
	if fix != 0 {
		rf, old, err = s.res.ReceiptCorrectionForm(fix)
	} else {
		rf, err = s.res.ReceiptForm(owner, s.situation())
	}
	if err != nil {
		s.showError(err)
		return
	}
	amount := widgets.NewField(amountText(rf.Amount), "")
	date := widgets.NewField(ledger.FrenchDate(rf.Date), "JJ/MM/AAAA")
	var modes []string
	for _, m := range ledger.FormModes(rf.Mode) {
		modes = append(modes, modeText(m))
	}
	mode := newListField(modes, "")
	mode.SetSelectedIndex(0)
	for i, m := range ledger.FormModes(rf.Mode) {
		if m == rf.Mode {
			mode.SetSelectedIndex(i)
		}
	}
	cheque := widgets.NewField(rf.Cheque, "")
	// Next to the field, always there (nothing moves when it turns red): a
	// cheque without its number is left off the deposit slip.
	chequeHint := widget.NewLabel("obligatoire")
	chequeHint.Importance = widget.LowImportance
	drawer := widgets.NewField(rf.Drawer, "")
	drawerBank := widgets.NewField(rf.DrawerBank, "")
	bank := bankChoice(rf.Banks, rf.BankAccount)

	title, okText := "Encaisser un règlement — "+rf.Owner.DisplayName(), "Enregistrer le règlement"
	if fix != 0 {
		title, okText = "Modifier le règlement "+old.Piece+" — "+rf.Owner.DisplayName(), "Enregistrer la correction"
	}
	fields := []widgets.FormField{amount, date, mode, cheque, drawer, drawerBank, bank}
	var split *receiptSplit
	if fix != 0 {
		// A receipt not yet on a slip may be split, or split otherwise:
		// its parts on other accounts are shown to be kept or changed.
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
		split = newReceiptSplit(accounts, keys, old.Others, rf.Owner.DisplayName(), amount)
		fields = append(fields, split.fields()...)
	}
	f := s.newForm(title, okText, fields...)
	f.width = 640

	chequeOnly := []fyne.CanvasObject{cheque, drawer, drawerBank}
	chequeFields := func() {
		on := ledger.FormModes(rf.Mode)[max(mode.SelectedIndex(), 0)] == ledger.ByCheque
		for _, o := range chequeOnly {
			widgets.SetEnabled(o.(fyne.Disableable), on)
		}
	}
	mode.OnChange(chequeFields)
	chequeFields() // a transfer being corrected

	situation := fmt.Sprintf("Solde au %s : %s — %s", ledger.FrenchDate(rf.Date), rf.Balance.String(), balanceWord(rf.Balance))
	if fix != 0 {
		situation = fmt.Sprintf("Solde au %s sans ce règlement : %s — %s", ledger.FrenchDate(rf.Date), rf.Balance.String(), balanceWord(rf.Balance))
	}
	head := widget.NewLabel(situation)
	head.TextStyle.Bold = true
	if rf.Balance > 0 {
		head.Importance = widget.DangerImportance
	}
	grid := formGrid(
		formLabel("Montant (€)"), amount,
		formLabel("Date"), date,
		formLabel("Mode de paiement"), mode,
		formLabel("N° de chèque"), container.NewBorder(nil, nil, nil, chequeHint, cheque),
		formLabel("Tireur"), drawer,
		formLabel("Banque du tireur"), drawerBank,
		formLabel("Compte bancaire"), bank,
	)
	calls := container.NewVBox()
	if openDue(rf.Open) == 0 {
		calls.Add(widgets.Note("Aucun appel restant à régler."))
	} else {
		calls.Add(widget.NewLabelWithStyle("Appels restant à régler (double-clic : prendre le montant dû)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, it := range rf.Open {
			due := it.Due()
			if due <= 0 {
				continue // paid by earlier payments not yet matched
			}
			calls.Add(openItemRow(it, func() {
				amount.SetText(amountText(due))
				s.win.Canvas().Focus(amount)
			}))
		}
	}
	var body fyne.CanvasObject = calls
	if openDue(rf.Open) > 5 {
		sc := container.NewVScroll(calls)
		sc.SetMinSize(fyne.NewSize(0, 180))
		body = sc
	}
	via := ""
	if rf.ViaCheques {
		via = " Les chèques attendent sur le compte 511 jusqu'à leur remise en banque."
	}
	f.submit = func() error {
		a, err := parseFormAmount("Montant", amount.Text)
		if err != nil {
			s.win.Canvas().Focus(amount)
			return err
		}
		d, err := ledger.ParseDate(date.Text)
		if err != nil {
			s.win.Canvas().Focus(date)
			return ledger.Wrap(ledger.Invalid, err, "Date du règlement : %s", ledger.Message(err))
		}
		in := app.ReceiptInput{Owner: owner, Amount: a, Date: d, Mode: ledger.FormModes(rf.Mode)[max(mode.SelectedIndex(), 0)],
			BankAccount: chosenBank(bank, rf.Banks)}
		if in.Mode == ledger.ByCheque {
			in.Cheque, in.Drawer, in.DrawerBank = strings.TrimSpace(cheque.Text), drawer.Text, drawerBank.Text
			if in.Cheque == "" {
				chequeHint.Importance = widget.DangerImportance
				chequeHint.Refresh()
				s.win.Canvas().Focus(cheque)
				return ledger.Errorf(ledger.Invalid, "N° de chèque : indiquez le numéro du chèque, sans lui il ne peut pas figurer sur le bordereau de remise. Un virement ? Choisissez « Virement » comme mode de paiement")
			}
		}
		if fix != 0 {
			if in.Others, err = split.parts(); err != nil {
				return err
			}
			in.ReplaceOthers = true
			res, err := s.res.CorrectReceipt(fix, in)
			if err != nil {
				return err
			}
			s.say(receiptFixedSaid(old, res))
			s.changed()
			if done != nil {
				done()
			}
			return nil
		}
		res, err := s.res.Receive(in)
		if err != nil {
			return err
		}
		s.say(receiptSaid(rf.Owner, rf.Open, res))
		s.changed()
		if done != nil {
			done()
		}
		return nil
	}
	content := container.NewVBox(head, grid)
	if split != nil {
		content.Add(split.view(f))
	}
	content.Add(widgets.Note("Enregistre une écriture au journal BQ : débit du compte bancaire, crédit du compte du copropriétaire." + via))
	content.Add(body)
	f.show(content, amount)
}

// receiptSaid is what the status line says after a receipt:
// "Règlement de 575,70 € enregistré pour M. Moreau — 1 appel soldé".
func receiptSaid(o ledger.Owner, open []app.OpenItem, res app.ReceiptResult) string {
	text := fmt.Sprintf("Règlement de %s enregistré pour %s", res.Receipt.Amount.String(), o.DisplayName())
	n := app.PaidInFull(open, res.Receipt.Amount)
	if n > 0 {
		text += fmt.Sprintf(" — %d appel%s soldé%s", n, fr.S(n), fr.S(n))
	}
	switch {
	case res.Balance > 0:
		text += " — reste dû " + res.Balance.String()
	case res.Balance < 0:
		text += " — avance de " + (-res.Balance).String()
	default:
		text += " — compte soldé"
	}
	return text + " (pièce " + res.Entry.Piece + ")"
}

// receiptFixedSaid is what the status line says after a correction:
// "Règlement B2025-0003 corrigé : 300,00 € → 250,00 € — reste dû 50,00 €".
func receiptFixedSaid(old ledger.Receipt, res app.ReceiptResult) string {
	text := fmt.Sprintf("Règlement %s de %s corrigé", old.Piece, res.Owner.DisplayName())
	if old.Amount != res.Receipt.Amount {
		text += fmt.Sprintf(" : %s → %s", old.Amount.String(), res.Receipt.Amount.String())
	}
	var others []string
	for _, o := range res.Receipt.Others {
		others = append(others, o.Amount.String()+" sur "+o.Account)
	}
	if len(others) > 0 {
		text += " (dont " + strings.Join(others, ", ") + ")"
	}
	return text + " — " + balanceSaid(res.Balance)
}

// balanceSaid is an owner's balance in the status line.
func balanceSaid(b ledger.Amount) string {
	switch {
	case b > 0:
		return "reste dû " + b.String()
	case b < 0:
		return "avance de " + (-b).String()
	}
	return "compte soldé"
}

// amountText is an amount as typed in a field: "575,70", "" for zero.
func amountText(a ledger.Amount) string {
	if a == 0 {
		return ""
	}
	return a.Format()
}

func modeText(m ledger.PaymentMode) string {
	l := m.Label()
	return strings.ToUpper(l[:1]) + l[1:]
}

// openDue counts the open items that still have something due.
func openDue(items []app.OpenItem) int {
	n := 0
	for _, it := range items {
		if it.Due() > 0 {
			n++
		}
	}
	return n
}

// openItemRow is a call (or an invoice) still due: date, piece, label, and
// what remains due right-aligned; a double tap takes that amount.
func openItemRow(it app.OpenItem, take func()) fyne.CanvasObject {
	text := fmt.Sprintf("%s  %s  %s", ledger.FrenchDate(it.Date), it.Piece, it.Label)
	if it.Paid > 0 {
		text += " (sur " + it.Amount.String() + ")"
	}
	l := newPickLabel(text, take)
	l.Wrapping = fyne.TextWrapOff
	l.Truncation = fyne.TextTruncateEllipsis
	due := newPickLabel(it.Due().String(), take)
	due.Wrapping = fyne.TextWrapOff
	due.Alignment = fyne.TextAlignTrailing
	return container.NewBorder(nil, nil, nil, container.New(&widgets.FixedWidth{Width: 120}, due), l)
}

// ownerReceiptsView lists an owner's receipts with their deposit; tapping
// one offers to correct it, delete it, or record that the bank returned it
// unpaid (receiptActions).
func (s *Shell) ownerReceiptsView(owner ledger.Owner) fyne.CanvasObject {
	list, err := s.res.OwnerReceipts(owner.Account)
	if err != nil {
		return widgets.Note(s.message(err))
	}
	state := func(r ledger.Receipt) string {
		switch {
		case r.BounceEntryID != 0:
			return "Impayé"
		case r.Mode != ledger.ByCheque:
			return "Encaissé"
		case r.Deposited():
			return "Remis le " + ledger.FrenchDate(r.DepositDate)
		}
		return "En attente de remise"
	}
	t := &widgets.Table[ledger.Receipt]{
		Cols: []widgets.Column[ledger.Receipt]{
			{Title: "Date", Width: 110, Text: func(r ledger.Receipt) string { return ledger.FrenchDate(r.Date) },
				Less: func(a, b ledger.Receipt) bool { return a.Date.Before(b.Date) }},
			{Title: "Pièce", Width: 120, Text: func(r ledger.Receipt) string { return r.Piece }},
			{Title: "Mode", Width: 100, Text: func(r ledger.Receipt) string { return modeText(r.Mode) }},
			{Title: "N° de chèque", Width: 130, Text: func(r ledger.Receipt) string { return r.Cheque }},
			{Title: "Libellé", Width: 200, Stretch: true, Text: func(r ledger.Receipt) string { return r.Label }},
			{Title: "État", Width: 190, Text: state, Ink: func(r ledger.Receipt) widget.Importance {
				if r.BounceEntryID != 0 {
					return widget.DangerImportance
				}
				return widget.MediumImportance
			}},
			{Title: "Montant", Width: 130, Align: fyne.TextAlignTrailing, Text: func(r ledger.Receipt) string { return r.Amount.String() }},
		},
		Empty: "Aucun règlement enregistré — bouton « Encaisser un règlement… » ci-dessus.",
		Totals: func(rows []ledger.Receipt) []string {
			var sum ledger.Amount
			for _, r := range rows {
				if r.BounceEntryID == 0 {
					sum += r.Amount
				}
			}
			return []string{"Total", "", "", "", fmt.Sprintf("%d règlement%s", len(rows), fr.S(len(rows))), "hors impayés", sum.String()}
		},
		OnOpen: func(r ledger.Receipt) { s.receiptActions(owner, r) },
	}
	view := t.Build()
	t.SortCol, t.Desc = 0, true
	t.SetRows(list)
	return container.NewBorder(widgets.Note("Cliquez sur un règlement pour le modifier, le supprimer, ou l'annuler à la date de la banque s'il est revenu impayé."), nil, nil, nil, view)
}

// bounceSaid is what the bounce form says it will do; a split cheque's
// other parts go back to their accounts, not to the owner.
func bounceSaid(what string, owner ledger.Owner, r ledger.Receipt) string {
	others := othersSaid(r)
	if others == "" {
		return fmt.Sprintf("La banque a rejeté %s ? Une écriture à la date de la banque débite de nouveau le compte de %s et crédite le compte bancaire ; les appels qu'il réglait redeviennent dus.", what, owner.DisplayName())
	}
	return fmt.Sprintf("La banque a rejeté %s ? Une écriture à la date de la banque crédite le compte bancaire du chèque entier, débite de nouveau le compte de %s de sa part (%s) "+
		"et reprend les autres parts sur leurs comptes : %s ; les appels qu'il réglait redeviennent dus.", what, owner.DisplayName(), r.OwnerShare().String(), others)
}

// bounceForm records that the bank returned a receipt unpaid, at the
// bank's date, with an optional penalty charged to the owner.
func (s *Shell) bounceForm(owner ledger.Owner, r ledger.Receipt) {
	what := fmt.Sprintf("le règlement du %s de %s", ledger.FrenchDate(r.Date), r.Amount.String())
	if r.Mode == ledger.ByCheque && r.Cheque != "" {
		what = fmt.Sprintf("le chèque n° %s du %s de %s", r.Cheque, ledger.FrenchDate(r.Date), r.Amount.String())
	}
	if r.BounceEntryID != 0 {
		s.inform("Règlement déjà impayé", theme.InfoIcon(), "Le retour impayé de "+what+" est déjà enregistré.")
		return
	}
	if r.Mode == ledger.ByCheque && !r.Deposited() {
		s.inform("Chèque pas encore remis", theme.InfoIcon(), "Le chèque de "+what+" n'a pas encore été remis en banque : il ne peut pas revenir impayé. "+
			"S'il est annulé, supprimez le règlement (bouton « Supprimer… » du règlement).")
		return
	}
	if s.readOnly() {
		return
	}
	date := widgets.NewField(ledger.FrenchDate(s.situation()), "JJ/MM/AAAA")
	penalty := widgets.NewField("", "facultatif")
	account := widgets.NewField(app.DefaultPenaltyAccount, "")
	f := s.newForm("Chèque impayé — "+owner.DisplayName(), "Enregistrer l'impayé", date, penalty, account)
	f.ok.Importance = widget.DangerImportance
	f.width = 620
	f.submit = func() error {
		d, err := ledger.ParseDate(date.Text)
		if err != nil {
			s.win.Canvas().Focus(date)
			return ledger.Wrap(ledger.Invalid, err, "Date de rejet : %s", ledger.Message(err))
		}
		in := app.BounceInput{Receipt: r.EntryID, Date: d, PenaltyAccount: strings.TrimSpace(account.Text)}
		if strings.TrimSpace(penalty.Text) != "" {
			if in.Penalty, err = parseFormAmount("Frais d'impayé", penalty.Text); err != nil {
				s.win.Canvas().Focus(penalty)
				return err
			}
		}
		res, err := s.res.Bounce(in)
		if err != nil {
			return err
		}
		text := fmt.Sprintf("Impayé enregistré : %s annulé au %s pour %s", what, ledger.FrenchDate(d), owner.DisplayName())
		if in.Penalty > 0 {
			text += ", frais de " + in.Penalty.String()
		}
		s.say(text + " — solde " + res.Balance.String() + " (pièce " + res.Entry.Piece + ")")
		s.changed()
		return nil
	}
	f.show(container.NewVBox(
		widgets.Note(bounceSaid(what, owner, r)),
		formGrid(
			formLabel("Date de rejet par la banque"), date,
			formLabel("Frais d'impayé (€)"), penalty,
			formLabel("Compte de produit des frais"), account,
		),
		widgets.Note("Les frais sont facturés au copropriétaire (crédit du compte de produit, clé 001)."),
	), date)
}
