package ui

import (
	"fmt"
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

// invoiceForm is the assisted entry of a supplier's invoice: the supplier
// (a list with a search), the type of expense (a class-6 account), one key
// or a split over several keys (amounts or percentages, exact), date,
// number, amount TTC, VAT and the recoverable flag.
type invoiceForm struct {
	s    *Shell
	refs app.InvoiceRefs
	f    *form

	search    *widgets.Field
	supplier  *listField
	shown     []ledger.Supplier // the suppliers the list offers, after the search
	expense   *entryBox         // the type of expense: a word or a number, chosen in picker's list
	picker    *accountPicker
	key       *listField
	split     *widgets.CheckField
	splitMode *listField
	parts     []*widgets.Field // one per key of refs.Keys
	partsBox  *fyne.Container
	splitSum  *widget.Label
	date      *widgets.Field
	number    *widgets.Field
	total     *widgets.Field
	vat       *widgets.Field
	rate      *listField // proposes the VAT from the total at a rate
	recover   *widgets.CheckField
	expenseAt string // the expense account R was last defaulted from
	// worksWarn says, as the supplier and the expense are chosen, when a
	// works invoice would be off its campaign's accounts (annexe 5).
	worksWarn *widget.Label
}

var splitModes = []string{"en montants (€)", "en pourcentages (%)"}

// invoiceForm opens the invoice form, with supplier chosen when not "".
func (s *Shell) invoiceForm(supplier string) *invoiceForm {
	if s.readOnly() {
		return nil
	}
	refs, err := s.res.InvoiceRefs()
	if err != nil {
		s.showError(err)
		return nil
	}
	if len(refs.Suppliers) == 0 {
		s.inform("Aucun fournisseur", theme.InfoIcon(), "Créez d'abord le fournisseur dans l'écran Fournisseurs (bouton « Nouveau fournisseur… »).")
		return nil
	}
	v := &invoiceForm{s: s, refs: refs}
	v.search = widgets.NewField("", "Rechercher un fournisseur (nom ou compte)")
	v.supplier = newListField(nil, "Choisissez le fournisseur")
	v.filter("")
	for i, sp := range v.shown {
		if sp.Account == supplier {
			v.supplier.SetSelectedIndex(i)
		}
	}
	if len(v.shown) == 1 {
		v.supplier.SetSelectedIndex(0)
	}
	v.expense = newEntryBox("", "un mot ou un numéro : ascenseur, ménage, eau, 615…")
	v.picker = newAccountPicker(refs.ExpenseIndex)
	v.expense.ownKey = func(ev *fyne.KeyEvent) bool { return v.picker.key(v.expense, ev) }
	v.expense.OnChange(func() { v.picker.search(v.expense) })
	v.expense.lost = func() {
		if v.picker.shown(v.expense) {
			if a, ok := v.picker.current(); ok {
				v.picker.pick(a)
			}
			v.picker.hide()
		}
	}
	var keys []string
	for _, k := range refs.Keys {
		keys = append(keys, k.Code+" — "+k.Label)
	}
	v.key = newListField(keys, "Choisissez la clé de répartition")
	if len(keys) > 0 {
		v.key.SetSelectedIndex(0)
	}
	v.split = widgets.NewCheckField("Répartir sur plusieurs clés", false)
	v.splitMode = newListField(splitModes, "")
	v.splitMode.SetSelectedIndex(0)
	v.partsBox = container.NewVBox()
	grid := formGrid(formLabel("Répartition"), v.splitMode)
	for _, k := range refs.Keys {
		p := widgets.NewField("", "")
		v.parts = append(v.parts, p)
		grid.Add(formLabel("Clé " + k.Code + " " + k.Label))
		grid.Add(p)
	}
	v.splitSum = widget.NewLabel("")
	v.splitSum.TextStyle.Bold = true
	v.partsBox.Add(grid)
	v.partsBox.Add(v.splitSum)
	v.partsBox.Add(widgets.Note("Laissez une clé vide pour qu'elle reçoive le reste (en montants)."))
	v.partsBox.Hide()
	v.date = widgets.NewField(ledger.FrenchDate(s.situation()), "JJ/MM/AAAA")
	v.number = widgets.NewField("", "")
	v.total = widgets.NewField("", "")
	v.vat = widgets.NewField("", "facultatif")
	var rates []string
	for _, r := range ledger.VATRates {
		rates = append(rates, r.Label())
	}
	v.rate = newListField(rates, "Taux")
	v.recover = widgets.NewCheckField("Charge récupérable sur les locataires", false)

	fields := []widgets.FormField{v.search, v.supplier, v.expense, v.key, v.split, v.splitMode}
	for _, p := range v.parts {
		fields = append(fields, p)
	}
	fields = append(fields, v.date, v.number, v.total, v.rate, v.vat, v.recover)
	v.f = s.newForm("Saisir une facture fournisseur", "Enregistrer la facture", fields...)
	v.f.width = 720
	v.search.OnChange(func() { v.filter(v.search.Text); v.f.clearError() })
	v.split.OnChange(func() {
		if v.split.Checked {
			v.partsBox.Show()
			v.key.Disable()
		} else {
			v.partsBox.Hide()
			v.key.Enable()
		}
		v.f.clearError()
		v.showSum()
		v.resize()
	})
	for _, p := range v.parts {
		p.OnChange(func() { v.f.clearError(); v.showSum() })
	}
	v.total.OnChange(func() { v.f.clearError(); v.showSum(); v.proposeVAT() })
	v.rate.OnChange(func() { v.f.clearError(); v.proposeVAT() })
	v.expense.OnChange(v.defaultRecoverable)
	v.splitMode.OnChange(func() { v.f.clearError(); v.showSum() })
	v.worksWarn = widget.NewLabel("")
	v.worksWarn.Wrapping = fyne.TextWrapWord
	v.worksWarn.Importance = widget.WarningImportance
	v.worksWarn.Hide()
	v.supplier.OnChange(v.checkWorks)
	v.expense.OnChange(v.checkWorks)
	v.f.submit = func() error { v.picker.hide(); return v.save() }

	content := container.NewVBox(
		formGrid(
			formLabel("Fournisseur"), container.NewGridWithColumns(2, v.search, v.supplier),
			formLabel("Type de dépense"), v.expense,
			formLabel("Date de la facture"), v.date,
			formLabel("N° de facture"), v.number,
			formLabel("Montant TTC (€)"), v.total,
			formLabel("dont TVA (€)"), container.NewBorder(nil, nil, v.rate, nil, v.vat),
			formLabel("Clé de répartition"), container.NewBorder(nil, nil, nil, v.split, v.key),
		),
		v.worksWarn,
		v.partsBox,
		v.recover,
		widgets.Note("Écriture au journal AC : débit de la charge (par clé), crédit du fournisseur."),
	)
	focus := fyne.Focusable(v.search)
	if v.supplier.SelectedIndex() >= 0 {
		focus = v.expense
	}
	// The expense list opens in a layer over the form (see accountPicker).
	v.f.show(container.NewStack(content, v.picker.layer), focus)
	return v
}

// proposeVAT writes the VAT the total includes at the rate chosen; the
// amount stays editable (an invoice rounded otherwise is typed as printed).
func (v *invoiceForm) proposeVAT() {
	i := v.rate.SelectedIndex()
	if i < 0 {
		return
	}
	total, err := ledger.ParseAmount(v.total.Text)
	if err != nil || strings.TrimSpace(v.total.Text) == "" {
		return
	}
	vat := ledger.VATIncluded(total, ledger.VATRates[i])
	text := vat.Format()
	if vat == 0 {
		text = ""
	}
	v.vat.SetText(text)
}

// defaultRecoverable ticks R as the expense account proposes, once per
// account chosen, and says the share when it is not the whole.
func (v *invoiceForm) defaultRecoverable() {
	a, ok := v.expenseAccount()
	if !ok || a.Code == v.expenseAt {
		return
	}
	v.expenseAt = a.Code
	v.recover.SetChecked(a.Recoverable > 0)
	text := "Charge récupérable sur les locataires"
	if share := ledger.RecoverableShare(a); share < 100 {
		text += fmt.Sprintf(" (%d %%)", share)
	}
	v.recover.SetText(text)
}

// expenseAccount is the type of expense typed or chosen.
func (v *invoiceForm) expenseAccount() (ledger.Account, bool) {
	return v.refs.ExpenseIndex.Resolve(v.expense.Text)
}

// chooseExpense writes the expense account code in its box, as a pick in
// the list does.
func (v *invoiceForm) chooseExpense(code string) {
	if a, ok := v.refs.ExpenseIndex.Account(code); ok {
		v.expense.SetText(app.AccountText(a))
		v.picker.hide()
	}
}

// checkWorks shows, under the fields, whether the supplier and expense
// chosen put works spending off its campaign's accounts.
func (v *invoiceForm) checkWorks() {
	account := ""
	if a, ok := v.expenseAccount(); ok {
		account = a.Code
	}
	msg, err := v.s.res.InvoiceWorksWarning(v.chosenSupplier(), account)
	if err != nil {
		msg = ledger.Message(err)
	}
	if msg == v.worksWarn.Text && v.worksWarn.Visible() == (msg != "") {
		return
	}
	v.worksWarn.SetText(msg)
	if msg == "" {
		v.worksWarn.Hide()
	} else {
		v.worksWarn.Show()
	}
	v.resize()
}

func (v *invoiceForm) resize() {
	if v.f.dlg != nil {
		v.f.fit()
	}
}

// filter offers the suppliers the search finds, keeping the one chosen
// when it is still among them.
func (v *invoiceForm) filter(query string) {
	chosen := v.chosenSupplier()
	v.shown = app.FindSuppliers(v.refs.Suppliers, query)
	var opts []string
	for _, sp := range v.shown {
		opts = append(opts, sp.Account+" — "+sp.Name)
	}
	v.supplier.Options = opts
	v.supplier.ClearSelected()
	for i, sp := range v.shown {
		if sp.Account == chosen || len(v.shown) == 1 {
			v.supplier.SetSelectedIndex(i)
		}
	}
	v.supplier.Refresh()
}

func (v *invoiceForm) chosenSupplier() string {
	if i := v.supplier.SelectedIndex(); i >= 0 && i < len(v.shown) {
		return v.shown[i].Account
	}
	return ""
}

func (v *invoiceForm) byPercent() bool { return v.splitMode.SelectedIndex() == 1 }

// splitInput reads the parts of the split typed so far. In amounts, a key
// left empty takes what the others leave of total when it is the only one
// empty and something is left; other empty keys get nothing.
func (v *invoiceForm) splitInput(total ledger.Amount) ([]app.SplitInput, error) {
	var out []app.SplitInput
	var blank []string
	var sum ledger.Amount
	for i, p := range v.parts {
		k := v.refs.Keys[i]
		text := strings.TrimSpace(p.Text)
		if text == "" {
			blank = append(blank, k.Code)
			continue
		}
		if v.byPercent() {
			pc, err := app.ParseShares(strings.TrimSpace(strings.TrimSuffix(text, "%")))
			if err != nil {
				return nil, ledger.Wrap(ledger.Invalid, err, "Clé %s : %s", k.Code, ledger.Message(err))
			}
			if !pc.IsZero() {
				out = append(out, app.SplitInput{Key: k.Code, Percent: pc})
			}
			continue
		}
		a, err := parseFormAmount("Clé "+k.Code, text)
		if err != nil {
			return nil, err
		}
		if a != 0 {
			out = append(out, app.SplitInput{Key: k.Code, Amount: a})
			sum += a
		}
	}
	if !v.byPercent() && len(blank) == 1 && len(out) > 0 && sum < total {
		out = append(out, app.SplitInput{Key: blank[0]})
	}
	return out, nil
}

// showSum says live what the split gives and what is left.
func (v *invoiceForm) showSum() {
	if !v.split.Checked {
		return
	}
	total, err := ledger.ParseAmount(v.total.Text)
	if err != nil || total <= 0 {
		v.splitSum.SetText("Indiquez le montant TTC pour voir la répartition.")
		v.splitSum.Importance = widget.MediumImportance
		v.splitSum.Refresh()
		return
	}
	parts, err := v.splitInput(total)
	if err == nil {
		var split []ledger.InvoiceSplit
		if split, err = app.SplitInvoice(total, parts); err == nil {
			var b []string
			for _, p := range split {
				b = append(b, "clé "+p.Key+" : "+p.Amount.String())
			}
			v.splitSum.SetText("Répartition exacte de " + total.String() + " — " + strings.Join(b, ", "))
			v.splitSum.Importance = widget.SuccessImportance
			v.splitSum.Refresh()
			return
		}
	}
	v.splitSum.SetText(v.s.message(err))
	v.splitSum.Importance = widget.DangerImportance
	v.splitSum.Refresh()
}

func (v *invoiceForm) save() error {
	s := v.s
	in := app.InvoiceInput{Supplier: v.chosenSupplier(), Number: strings.TrimSpace(v.number.Text), Recoverable: v.recover.Checked}
	if in.Supplier == "" {
		s.win.Canvas().Focus(v.search)
		return ledger.Errorf(ledger.Invalid, "Choisissez le fournisseur dans la liste (tapez une partie de son nom pour le trouver)")
	}
	a, ok := v.expenseAccount()
	if !ok {
		s.win.Canvas().Focus(v.expense)
		if strings.TrimSpace(v.expense.Text) == "" {
			return ledger.Errorf(ledger.Invalid, "Indiquez le type de dépense : tapez un mot (ascenseur, ménage, eau…) ou le numéro du compte, puis choisissez-le dans la liste")
		}
		return ledger.Errorf(ledger.Invalid, "Type de dépense « %s » introuvable parmi les charges : tapez un mot (ascenseur, ménage, eau…) ou le numéro du compte, puis choisissez-le dans la liste", strings.TrimSpace(v.expense.Text))
	}
	in.Account = a.Code
	d, err := ledger.ParseDate(v.date.Text)
	if err != nil {
		s.win.Canvas().Focus(v.date)
		return ledger.Wrap(ledger.Invalid, err, "Date de la facture : %s", ledger.Message(err))
	}
	in.Date = d
	if in.Total, err = parseFormAmount("Montant TTC", v.total.Text); err != nil {
		s.win.Canvas().Focus(v.total)
		return err
	}
	if strings.TrimSpace(v.vat.Text) != "" {
		if in.VAT, err = app.VATText(v.vat.Text, in.Total); err != nil {
			err = ledger.Wrap(ledger.Invalid, err, "TVA : %s", ledger.Message(err))
			s.win.Canvas().Focus(v.vat)
			return err
		}
	}
	if v.split.Checked {
		if in.Splits, err = v.splitInput(in.Total); err != nil {
			return err
		}
		if len(in.Splits) == 0 {
			return ledger.Errorf(ledger.Invalid, "Répartition : indiquez la part d'au moins une clé")
		}
	} else if k := v.key.SelectedIndex(); k >= 0 {
		in.Key = v.refs.Keys[k].Code
	}
	res, err := s.res.RecordInvoice(in)
	if err != nil {
		return err
	}
	text := fmt.Sprintf("Facture de %s enregistrée pour %s", res.Invoice.Total.String(), v.shown[v.supplier.SelectedIndex()].Name)
	if n := len(res.Invoice.Splits); n > 1 {
		text += fmt.Sprintf(", répartie sur %d clés", n)
	}
	text += " — reste à payer au fournisseur " + res.Owed.String() + " (pièce " + res.Entry.Piece + ")"
	s.say(text)
	s.changed()
	if res.Warning != "" {
		// Close the form first, so that closing it does not take the
		// warning with it.
		v.f.close()
		s.inform("Facture enregistrée — à vérifier", theme.WarningIcon(), res.Warning)
		return errStay
	}
	return nil
}

// supplierPaymentForm pays a supplier: amount pre-filled with what is owed;
// a double tap on one of his unpaid invoices takes what remains on it.
func (s *Shell) supplierPaymentForm(supplier string) {
	if s.readOnly() {
		return
	}
	pf, err := s.res.SupplierPaymentForm(supplier, s.situation())
	if err != nil {
		s.showError(err)
		return
	}
	amount := widgets.NewField(amountText(pf.Amount), "")
	date := widgets.NewField(ledger.FrenchDate(pf.Date), "JJ/MM/AAAA")
	bank := bankChoice(pf.Banks, pf.BankAccount)
	ref := widgets.NewField("", "n° de chèque ou référence du virement")
	f := s.newForm("Payer le fournisseur "+pf.Supplier.Name, "Enregistrer le paiement", amount, date, bank, ref)
	f.width = 640
	warn := &paymentCheck{s: s}
	head := widget.NewLabel(fmt.Sprintf("Reste à payer au %s : %s", ledger.FrenchDate(pf.Date), pf.Amount.String()))
	head.TextStyle.Bold = true
	list := container.NewVBox()
	if openDue(pf.Open) == 0 {
		list.Add(widgets.Note("Aucune facture en attente de paiement."))
	} else {
		list.Add(widget.NewLabelWithStyle("Factures à payer (double-clic : prendre le montant restant)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, it := range pf.Open {
			due := it.Due()
			if due <= 0 {
				continue
			}
			list.Add(openItemRow(it, func() {
				amount.SetText(amountText(due))
				s.win.Canvas().Focus(amount)
			}))
		}
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
			return ledger.Wrap(ledger.Invalid, err, "Date du paiement : %s", ledger.Message(err))
		}
		acc := chosenBank(bank, pf.Banks)
		if acc == "" {
			acc = pf.BankAccount
		}
		if err := warn.check(f.validate, app.Outflow{Date: d, Amount: a, Bank: acc, Supplier: supplier}); err != nil {
			return err
		}
		res, err := s.res.PaySupplier(app.SupplierPayment{Supplier: supplier, Amount: a, Date: d,
			BankAccount: chosenBank(bank, pf.Banks), Reference: ref.Text})
		if err != nil {
			return err
		}
		text := fmt.Sprintf("Paiement de %s enregistré pour %s", a.String(), pf.Supplier.Name)
		if n := app.PaidInFull(pf.Open, a); n > 0 {
			text += fmt.Sprintf(" — %d facture%s soldée%s", n, fr.S(n), fr.S(n))
		}
		text += " — reste à payer " + res.Owed.String() + " (pièce " + res.Entry.Piece + ")"
		s.say(text)
		s.changed()
		return nil
	}
	f.show(container.NewVBox(head, formGrid(
		formLabel("Montant (€)"), amount,
		formLabel("Date"), date,
		formLabel("Compte bancaire"), bank,
		formLabel("Référence"), ref,
	), widgets.Note("Enregistre une écriture au journal BQ : débit du compte du fournisseur, crédit du compte bancaire."), list), amount)
}
