package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// bank is the Banque screen: the deposit slips of the cheques received
// (tick the cheques, print the slip, mark them remitted) and the deposits
// already made.
type bank struct {
	s     *Shell
	banks []ledger.BankAccount

	account  *widget.Select
	date     *widget.Entry
	kind     *widget.Select // what the deposit holds (seed 003)
	kindHelp *widget.Label
	forgot   *widget.Button // Ajouter un chèque oublié…
	extra    depositExtras  // cheques handed in advance, forgotten ones (bank_deposit_extra.go)
	counter  *widget.Label
	waiting  *widget.Label // cheques waiting in all, under the list
	deposit  *widget.Button
	all      *widget.Button
	none     *widget.Button
	cheques  *fyne.Container // one row per cheque waiting
	pending  []app.PendingCheque
	ticked   map[int64]bool
	checks   map[int64]*widget.Check
	done     *fyne.Container // the deposits of the exercise
	recon    *reconcile
	settings *widget.Button
	tabs     *container.AppTabs
	root     fyne.CanvasObject
}

func newBank(s *Shell) screen {
	b := &bank{s: s, ticked: map[int64]bool{}}
	b.extra.reset()
	b.account = widget.NewSelect(nil, func(string) { b.reload() })
	b.date = widget.NewEntry()
	b.date.SetPlaceHolder("JJ/MM/AAAA")
	lastDate := ""
	b.date.OnChanged = func(text string) {
		// The cheques handed in advance are offered up to the date: read
		// them again once a whole date is typed.
		if _, err := ledger.ParseDate(text); err == nil && text != lastDate {
			lastDate = text
			b.reload()
		}
	}
	var kinds []string
	for _, k := range ledger.DepositKinds() {
		kinds = append(kinds, k.Label())
	}
	b.kindHelp = widgets.Note(ledger.DepositCheques.Help())
	b.kind = widget.NewSelect(kinds, nil)
	b.kind.SetSelectedIndex(0)
	var slip *fyne.Container
	b.kind.OnChanged = func(string) {
		b.kindHelp.SetText(b.kindChosen().Help())
		b.reload()
		if slip != nil {
			// The help may take one more line: lay the tab out again, or
			// the list starts over the date's line.
			slip.Refresh()
		}
	}
	b.forgot = widget.NewButtonWithIcon("Ajouter un chèque oublié…", theme.ContentAddIcon(), b.addForgotten)
	b.counter = widget.NewLabel("")
	b.counter.TextStyle.Bold = true
	b.waiting = widget.NewLabel("")
	b.waiting.Alignment = fyne.TextAlignTrailing
	b.waiting.Truncation = fyne.TextTruncateEllipsis // never widens the window
	b.deposit = widget.NewButtonWithIcon("Marquer remis et imprimer le bordereau…", theme.DocumentPrintIcon(), b.confirmDeposit)
	b.deposit.Importance = widget.HighImportance
	b.all = widget.NewButton("Tout cocher", func() { b.tickAll(true) })
	b.none = widget.NewButton("Tout décocher", func() { b.tickAll(false) })
	b.cheques = container.NewVBox()
	b.done = container.NewVBox()

	doneScroll := container.NewVScroll(b.done)
	doneScroll.SetMinSize(fyne.NewSize(0, 130))
	b.settings = widget.NewButtonWithIcon("Réglages…", theme.SettingsIcon(), b.settingsForm)
	pick := widgets.Line(widget.NewLabel("Compte bancaire :"), container.New(&widgets.FixedWidth{Width: 300}, b.account), b.settings)
	when := container.NewHBox(widget.NewLabel("Date de remise :"), container.New(&widgets.FixedWidth{Width: 140}, b.date),
		widget.NewLabel("Type :"), container.New(&widgets.FixedWidth{Width: 160}, b.kind), b.forgot)
	actions := container.NewVBox(b.waiting, widgets.Bar(container.NewHBox(b.all, b.none), b.counter, b.deposit))
	// The slips already made have their own tab: on a small screen the
	// cheques to tick keep the room (they were squeezed to one line).
	slip = container.NewBorder(container.NewVBox(b.kindHelp, when), actions, nil, nil, container.NewVScroll(b.cheques))
	b.recon = newReconcile(b)
	b.tabs = container.NewAppTabs(container.NewTabItem("Remises en banque", slip), container.NewTabItem("Rapprochement", b.recon.root),
		container.NewTabItem("Remises de l'exercice", doneScroll))
	b.root = container.NewBorder(container.NewBorder(nil, nil, widgets.Heading("Banque"), container.NewCenter(pick)), nil, nil, nil, b.tabs)
	return b
}

func (b *bank) view() fyne.CanvasObject { return b.root }

// bankAccount is the account chosen above the lists.
func (b *bank) bankAccount() string {
	if i := b.account.SelectedIndex(); i >= 0 && i < len(b.banks) {
		return b.banks[i].Account
	}
	return ""
}

func (b *bank) reload() {
	s := b.s
	if s.res == nil {
		return
	}
	if b.banks == nil {
		var err error
		if b.banks, err = s.res.BankAccounts(); err != nil {
			s.showError(err)
			return
		}
		var opts []string
		for _, bk := range b.banks {
			opts = append(opts, bankText(bk))
		}
		receipts, _, _ := s.res.DefaultBanks()
		b.account.Options = opts
		for i, bk := range b.banks {
			if bk.Account == receipts {
				b.account.SetSelectedIndex(i) // reloads again
				return
			}
		}
		if len(opts) > 0 {
			b.account.SetSelectedIndex(0)
			return
		}
	}
	if b.date.Text == "" {
		b.date.SetText(ledger.FrenchDate(s.situation()))
	}
	kind := b.kindChosen()
	list, err := s.res.PendingReceipts(b.bankAccount(), kind)
	if err != nil {
		s.showError(err)
		return
	}
	b.forgot.Hidden = kind != ledger.DepositCheques
	b.loadDue()
	b.pending = list
	keep := map[int64]bool{}
	b.checks = map[int64]*widget.Check{}
	b.cheques.Objects = nil
	for _, c := range list {
		keep[c.EntryID] = b.ticked[c.EntryID]
		id := c.EntryID
		text := fmt.Sprintf("%s — chèque %s — %s", ledger.FrenchDate(c.Date), orDash(c.Cheque), c.OwnerName)
		if c.Mode != ledger.ByCheque {
			text = fmt.Sprintf("%s — %s — %s", ledger.FrenchDate(c.Date), c.Mode.Label(), c.OwnerName)
		}
		if c.DrawerBank != "" {
			text += " (" + c.DrawerBank + ")"
		}
		if c.Drawer != "" && c.Drawer != c.OwnerName {
			text += " — tireur " + c.Drawer
		}
		check := widget.NewCheck(text, func(on bool) {
			b.ticked[id] = on
			b.count()
		})
		check.Checked = keep[id]
		b.checks[id] = check
		amount := widget.NewLabelWithStyle(c.Amount.String(), fyne.TextAlignTrailing, fyne.TextStyle{})
		right := container.NewHBox(container.New(&widgets.FixedWidth{Width: 140}, amount), b.chequeButtons(c))
		b.cheques.Add(container.NewBorder(nil, nil, nil, right, widgets.ShrinkCheck(check)))
	}
	b.ticked = keep
	b.extraRows()
	if len(list)+len(b.extra.due)+len(b.extra.added) == 0 {
		b.cheques.Add(widgets.Note(emptyNote(kind)))
	}
	b.cheques.Refresh()
	var waiting ledger.Amount
	for _, c := range list {
		waiting += c.Amount
	}
	n := len(list) + len(b.extra.due)
	text := fmt.Sprintf("En attente de remise : %s — %s", kindCount(kind, n), (waiting + b.dueTotal()).String())
	if len(b.extra.due) > 0 {
		text += fmt.Sprintf(" (dont %d remis d'avance)", len(b.extra.due))
	}
	b.waiting.SetText(text)
	b.count()
	b.listDeposits()
	b.recon.reload()
	widgets.SetEnabled(b.settings, !s.readOnly() && len(b.banks) > 0)
}

// chequeButtons corrects or deletes a cheque waiting for its deposit, where
// the syndic sees it is wrong: not yet on a slip, it may still change.
func (b *bank) chequeButtons(c app.PendingCheque) fyne.CanvasObject {
	s := b.s
	rc := c.Receipt
	owner := ledger.Owner{Account: rc.Owner, Name: c.OwnerName}
	edit := widget.NewButtonWithIcon("Modifier…", theme.DocumentCreateIcon(), func() { s.receiptDialog(rc.Owner, rc.EntryID, nil) })
	del := widget.NewButtonWithIcon("Supprimer…", theme.DeleteIcon(), func() { s.deleteReceipt(owner, rc) })
	edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
	off := s.readOnly() || app.ReceiptLocked(rc, s.exercises) != ""
	widgets.SetEnabled(edit, !off)
	widgets.SetEnabled(del, !off)
	return container.NewHBox(edit, del)
}

// kindCount counts the items of a slip of kind k: « 3 chèques », « 1
// règlement ».
func kindCount(k ledger.DepositKind, n int) string {
	return fmt.Sprintf("%d %s%s", n, k.Noun(), fr.S(n))
}

// emptyNote says, when nothing waits for a slip of kind k, where what it
// takes comes from.
func emptyNote(k ledger.DepositKind) string {
	switch k {
	case ledger.DepositCheques:
		return "Aucun chèque en attente de remise sur ce compte. Les chèques apparaissent ici dès que vous encaissez un règlement par chèque (fiche du copropriétaire, bouton « Encaisser un règlement… »)."
	case ledger.DepositOther:
		return "Aucun règlement en espèces en attente de remise sur ce compte. Ils apparaissent ici dès que vous encaissez un règlement en espèces (fiche du copropriétaire, bouton « Encaisser un règlement… », mode « espèces »)."
	}
	return "Rien à remettre : voyez l'aide ci-dessus."
}

func orDash(s string) string {
	if s == "" {
		return "sans n°"
	}
	return "n° " + s
}

// count updates the counter of ticked cheques and their total.
func (b *bank) count() {
	n, total := app.ChequeSelection(b.pending, b.ticked)
	m, more := b.extraSelection()
	n, total = n+m, total+more
	// The seed's counter: what the syndic has in hand, to compare.
	b.counter.SetText(fmt.Sprintf("%s, %s", kindCount(b.kindChosen(), n), total.String()))
	widgets.SetEnabled(b.deposit, n > 0 && !b.s.readOnly())
	widgets.SetEnabled(b.all, len(b.pending)+len(b.extra.due) > 0)
	widgets.SetEnabled(b.forgot, b.kindChosen() == ledger.DepositCheques && !b.s.readOnly() && len(b.banks) > 0)
	widgets.SetEnabled(b.none, n > 0)
}

func (b *bank) tickAll(on bool) {
	for id, c := range b.checks {
		if id < 0 {
			b.extra.dueTicked[-id] = on
		} else {
			b.ticked[id] = on
		}
		c.SetChecked(on)
	}
	b.count()
}

// confirmDeposit asks before recording the deposit, naming it.
func (b *bank) confirmDeposit() {
	s := b.s
	d, err := ledger.ParseDate(b.date.Text)
	if err != nil {
		s.showError(ledger.Wrap(ledger.Invalid, err, "Date de remise : %s", ledger.Message(err)))
		return
	}
	var ids []int64
	for _, c := range b.pending {
		if b.ticked[c.EntryID] {
			ids = append(ids, c.EntryID)
		}
	}
	n, total := app.ChequeSelection(b.pending, b.ticked)
	m, more := b.extraSelection()
	n, total = n+m, total+more
	acc := b.bankAccount()
	in := app.DepositInput{Cheques: ids, Date: d, BankAccount: acc, Kind: b.kindChosen()}
	b.extraInput(&in)
	// The books' own rules, before the question: a date before a cheque
	// is said now, not after the user confirmed.
	if err := s.res.CheckDeposit(in); err != nil {
		s.showError(err)
		return
	}
	s.confirm("Remise en banque",
		fmt.Sprintf("Remettre %s (%s) sur le compte %s le %s ? Ils seront marqués remis et le bordereau enregistré en PDF, à imprimer.",
			kindCount(in.Kind, n), total.String(), acc, ledger.FrenchDate(d)),
		"Marquer remis et imprimer", "Revenir", func() {
			dep, err := s.res.Deposit(in)
			if err != nil {
				s.showError(err)
				return
			}
			b.ticked = map[int64]bool{}
			b.extra.reset()
			s.say(fmt.Sprintf("Remise n° %d du %s enregistrée : %s, %s sur le compte %s", dep.ID, ledger.FrenchDate(dep.Date),
				kindCount(dep.Kind, dep.Count), dep.Total.String(), dep.BankAccount))
			s.changed()
			b.printSlip(dep)
		})
}

// printSlip writes the deposit slip as a PDF and opens it.
func (b *bank) printSlip(dep ledger.Deposit) {
	s := b.s
	file := filepath.Join(s.lettersDir(app.FolderSlips), app.DepositSlipName(dep))
	s.runLong("Écriture du bordereau de remise…", func() error {
		return s.res.WriteDepositSlip(file, dep, s.now())
	}, func() {
		s.openWritten(fmt.Sprintf("Bordereau de la remise n° %d enregistré dans %s", dep.ID, file), file)
	})
}

// listDeposits shows the deposits of the exercise into the account, with
// their slip and a way to undo them.
func (b *bank) listDeposits() {
	s := b.s
	list, err := s.res.Deposits(b.bankAccount(), s.exercise.Start, s.exercise.End)
	if err != nil {
		s.showError(err)
		return
	}
	b.done.Objects = nil
	if len(list) == 0 {
		b.done.Add(widgets.Note("Aucune remise pendant l'exercice sur ce compte."))
	}
	for i := len(list) - 1; i >= 0; i-- {
		dep := list[i]
		print := widget.NewButtonWithIcon("Imprimer le bordereau", theme.DocumentPrintIcon(), func() { b.printSlip(dep) })
		cancel := widget.NewButtonWithIcon("Annuler la remise…", theme.DeleteIcon(), func() { b.cancelDeposit(dep) })
		widgets.SetEnabled(cancel, !s.readOnly())
		// The slip, then its kind and count under it: on one line they
		// were cut at 1024 px (the tabs are as wide as their widest).
		title := widget.NewLabel(fmt.Sprintf("Remise n° %d du %s", dep.ID, ledger.FrenchDate(dep.Date)))
		what := widget.NewLabel(fmt.Sprintf("%s — %s", dep.Kind.Label(), kindCount(dep.Kind, dep.Count)))
		title.Truncation, what.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
		amount := widget.NewLabelWithStyle(dep.Total.String(), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		right := container.NewHBox(container.NewCenter(container.New(&widgets.FixedWidth{Width: 120}, amount)), container.NewCenter(print), container.NewCenter(cancel))
		b.done.Add(container.NewBorder(nil, nil, nil, right, container.NewVBox(title, what)))
	}
	b.done.Refresh()
}

func (b *bank) cancelDeposit(dep ledger.Deposit) {
	s := b.s
	s.confirm("Annuler une remise",
		fmt.Sprintf("Annuler la remise n° %d du %s (%s, %s) ? Ses %ss redeviendront en attente de remise.",
			dep.ID, ledger.FrenchDate(dep.Date), kindCount(dep.Kind, dep.Count), dep.Total.String(), dep.Kind.Noun()),
		"Annuler la remise", "Revenir", func() {
			if err := s.res.CancelDeposit(dep.ID); err != nil {
				s.showError(err)
				return
			}
			s.say(fmt.Sprintf("Remise n° %d du %s annulée : %s de nouveau en attente", dep.ID, ledger.FrenchDate(dep.Date), kindCount(dep.Kind, dep.Count)))
			s.changed()
		})
}

// settingsForm sets which bank account receipts go to and suppliers are
// paid from, and whether cheques wait on 511 until their deposit.
func (b *bank) settingsForm() {
	s := b.s
	if s.readOnly() || len(b.banks) == 0 {
		return
	}
	cur, err := s.res.DaybookSettings()
	if err != nil {
		s.showError(err)
		return
	}
	rec, pay, err := s.res.DefaultBanks()
	if err != nil {
		s.showError(err)
		return
	}
	receipts := bankChoice(b.banks, rec)
	payments := bankChoice(b.banks, pay)
	via := widgets.NewCheckField("Les chèques reçus attendent sur le compte 511 jusqu'à leur remise en banque", cur.ChequesVia511)
	f := s.newForm("Réglages de la banque", "Enregistrer les réglages", receipts, payments, via)
	f.width = 680
	f.submit = func() error {
		ns := app.DaybookSettings{ReceiptBank: chosenBank(receipts, b.banks), PaymentBank: chosenBank(payments, b.banks), ChequesVia511: via.Checked}
		if err := s.res.SetDaybookSettings(ns); err != nil {
			return err
		}
		text := fmt.Sprintf("Réglages de la banque enregistrés : règlements sur %s, paiements depuis %s", ns.ReceiptBank, ns.PaymentBank)
		if ns.ChequesVia511 {
			text += ", chèques en attente sur 511"
		}
		s.say(text)
		s.changed()
		return nil
	}
	f.show(container.NewVBox(formGrid(
		formLabel("Règlements des copropriétaires sur"), receipts,
		formLabel("Paiements des fournisseurs depuis"), payments,
	), via, widgets.Note("Ce sont les comptes proposés d'office ; chaque saisie peut en choisir un autre.")), receipts)
}
