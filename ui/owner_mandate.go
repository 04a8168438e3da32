package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/debits"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// mandateView is the « Prélèvement SEPA » tab of an owner's card (issue
// 18): his mandate in force (RUM, IBAN, signature, collections, returns,
// whether it lapsed or is flagged), the earlier ones, and the actions:
// record a signed mandate, revoke it, print the form to sign. warning is
// what the card's situation line should add ("" when all is well).
func (c *ownerCard) mandateView() (view fyne.CanvasObject, warning string) {
	s := c.o.s
	ow := c.data.Owner
	list, err := s.res.Mandates(ow.Account)
	if err != nil {
		return widgets.Note(s.message(err)), ""
	}
	var cur *ledger.Mandate
	var past []string
	for i := range list {
		m := list[i]
		if m.InForce() {
			cur = &list[i]
			continue
		}
		past = append(past, fmt.Sprintf("Mandat %s (IBAN %s), signé le %s, %s.", m.RUM, m.IBAN, ledger.FrenchDate(m.Signed), m.State(s.situation())))
	}
	ro := s.readOnly()
	printBtn := widget.NewButtonWithIcon("Imprimer le mandat", theme.DocumentPrintIcon(), func() { c.printMandate() })
	var body fyne.CanvasObject
	var actions []fyne.CanvasObject
	if cur != nil {
		m := *cur
		state := widget.NewLabel("État : " + m.State(s.situation()))
		state.Wrapping = fyne.TextWrapWord
		state.TextStyle.Bold = true
		switch {
		case m.Lapsed(s.situation()):
			state.Importance = widget.DangerImportance
			warning = "mandat SEPA caduc"
		case m.Flagged():
			state.Importance = widget.WarningImportance
			warning = fmt.Sprintf("mandat SEPA : %d prélèvements rejetés", m.Returns)
		default:
			state.Importance = widget.SuccessImportance
		}
		seq := "premier prélèvement (FRST)"
		if !m.FirstCollection.IsZero() {
			seq = "récurrent (RCUR)"
		}
		body = container.NewVBox(
			container.NewGridWithColumns(2,
				details([2]string{"Mandat en vigueur", m.RUM}, [2]string{"IBAN", fr.IBAN(m.IBAN)}, [2]string{"BIC", m.BIC},
					[2]string{"Signé le", ledger.FrenchDate(m.Signed)}),
				details([2]string{"Premier prélèvement", ledger.FrenchDate(m.FirstCollection)},
					[2]string{"Dernier prélèvement", ledger.FrenchDate(m.LastCollection)}, [2]string{"Prochain", seq},
					[2]string{"Rejets", fmt.Sprint(m.Returns)})),
			state)
		revoke := widget.NewButtonWithIcon("Révoquer…", theme.CancelIcon(), func() { c.revokeMandate(m) })
		widgets.SetEnabled(revoke, !ro)
		actions = append(actions, revoke)
	} else {
		body = widgets.Note("Aucun mandat de prélèvement en vigueur. Imprimez le mandat, faites-le signer par " + ow.DisplayName() +
			" avec son RIB, puis enregistrez-le : ses appels de fonds seront alors prélevés à leur échéance (menu Banque › Prélèvements…).")
		add := widget.NewButtonWithIcon("Enregistrer un mandat signé…", theme.ContentAddIcon(), c.addMandate)
		widgets.SetEnabled(add, !ro)
		actions = append(actions, add)
	}
	if debitsList, err := debits.OwnerDebits(s.res, ow.Account); err == nil {
		var open []ledger.DebitPayment
		for _, d := range debitsList {
			if d.ReturnedEntry == 0 {
				open = append(open, d)
			}
		}
		if len(open) > 0 {
			ret := widget.NewButtonWithIcon("Prélèvement rejeté…", theme.ContentUndoIcon(), func() { c.returnDebit(open) })
			widgets.SetEnabled(ret, !ro)
			actions = append(actions, ret)
		}
	}
	actions = append(actions, printBtn)
	box := container.NewVBox(body)
	if len(past) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(widget.NewLabelWithStyle("Mandats révoqués", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(widgets.Note(strings.Join(past, "\n")))
	}
	// The actions stay in view under the details, which scroll.
	return container.NewBorder(nil, container.NewHBox(actions...), nil, nil, container.NewVScroll(box)), warning
}

func (c *ownerCard) addMandate() {
	s := c.o.s
	ow := c.data.Owner
	proposed, err := s.res.NextRUM(ow.Account)
	if err != nil {
		s.showError(err)
		return
	}
	rum := widgets.NewField(proposed, "référence unique du mandat")
	iban := widgets.NewField("", "FR76 …")
	bic := widgets.NewField("", "facultatif")
	signed := widgets.NewField(ledger.FrenchDate(ledger.Today()), "JJ/MM/AAAA")
	f := s.newForm("Mandat de prélèvement de "+ow.DisplayName(), "Enregistrer", rum, iban, bic, signed)
	f.submit = func() error {
		d, err := ledger.ParseDate(strings.TrimSpace(signed.Text))
		if err != nil {
			return err
		}
		m := ledger.Mandate{Owner: ow.Account, RUM: rum.Text, IBAN: iban.Text, BIC: bic.Text, Signed: d}
		if err := s.res.AddMandate(&m); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Mandat %s de %s enregistré", m.RUM, ow.DisplayName()))
		s.changed()
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("RUM", rum), widget.NewFormItem("IBAN", iban), widget.NewFormItem("BIC", bic),
		widget.NewFormItem("Signé le", signed))
	f.show(container.NewVBox(widgets.Note("Recopiez le mandat signé. La RUM proposée peut être gardée ; elle ne servira qu'une fois, même si le mandat est révoqué."), form), iban)
}

func (c *ownerCard) revokeMandate(m ledger.Mandate) {
	s := c.o.s
	ow := c.data.Owner
	date := widgets.NewField(ledger.FrenchDate(ledger.Today()), "JJ/MM/AAAA")
	f := s.newForm("Révoquer le mandat "+m.RUM, "Révoquer", date)
	f.submit = func() error {
		d, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			return err
		}
		if _, err := s.res.RevokeMandate(ow.Account, d); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Mandat %s de %s révoqué le %s", m.RUM, ow.DisplayName(), ledger.FrenchDate(d)))
		s.changed()
		return nil
	}
	f.show(container.NewVBox(
		widgets.Note(fmt.Sprintf("%s ne sera plus prélevé à partir de cette date. La RUM %s ne pourra plus servir ; un nouveau mandat aura la sienne.", ow.DisplayName(), m.RUM)),
		widgets.Line(widget.NewLabel("Révoqué le :"), container.New(&widgets.FixedWidth{Width: 140}, date))), date)
}

// printMandate writes the owner's mandate form (his mandate in force, or
// one to sign) into the residence's Prélèvements folder and opens it.
func (c *ownerCard) printMandate() {
	s := c.o.s
	ow := c.data.Owner
	dir := s.lettersDir(app.FolderDebits)
	path := filepath.Join(dir, fmt.Sprintf("MANDAT_SEPA_%s_%s.pdf", ow.Account, fr.FileName(ow.Name)))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		s.showError(ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » n'a pas pu être créé : vérifiez les droits", dir))
		return
	}
	if err := debits.WriteMandateForm(s.res, ow.Account, path); err != nil {
		s.showError(err)
		return
	}
	s.openWritten("Mandat de "+ow.DisplayName()+" enregistré dans "+path, path)
}

// returnDebit records a debit the owner's bank sent back (an R-transaction
// read on the statement): his receipt reversed as for a bounced cheque,
// the fee charged to him, one more return on his mandate.
func (c *ownerCard) returnDebit(open []ledger.DebitPayment) {
	s := c.o.s
	ow := c.data.Owner
	var names []string
	for _, d := range open {
		names = append(names, fmt.Sprintf("%s — %s (%s)", ledger.FrenchDate(d.Execution), d.Amount, d.EndToEnd))
	}
	which := widget.NewSelect(names, nil)
	which.SetSelectedIndex(0)
	var codes []string
	for _, code := range reasonCodes {
		codes = append(codes, code+" — "+debits.Reasons[code])
	}
	reason := widget.NewSelect(codes, nil)
	reason.SetSelectedIndex(1) // AM04, insufficient funds: the usual one
	// A return comes after its debit: the day shown, or the debit's.
	day := s.situation()
	if open[0].Execution.After(day) {
		day = open[0].Execution
	}
	date := widgets.NewField(ledger.FrenchDate(day), "JJ/MM/AAAA")
	fee := widgets.NewField("", "0,00")
	f := s.newForm("Prélèvement rejeté — "+ow.DisplayName(), "Enregistrer le rejet", date, fee)
	f.submit = func() error {
		d, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			return err
		}
		var amount ledger.Amount
		if strings.TrimSpace(fee.Text) != "" {
			if amount, err = ledger.ParseAmount(fee.Text); err != nil {
				return err
			}
		}
		i := which.SelectedIndex()
		res, err := debits.Return(s.res, debits.ReturnInput{Date: d, EndToEnd: open[i].EndToEnd, Reason: reasonCodes[reason.SelectedIndex()], Fee: amount})
		if err != nil {
			return err
		}
		msg := fmt.Sprintf("Prélèvement de %s rejeté : règlement contre-passé pour %s", open[i].Amount, ow.DisplayName())
		if res.Mandate.Flagged() {
			msg += fmt.Sprintf(" ; %d rejets sur son mandat", res.Mandate.Returns)
		}
		s.say(msg)
		s.changed()
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Prélèvement", which), widget.NewFormItem("Motif", reason),
		widget.NewFormItem("Rejeté le", date), widget.NewFormItem("Frais (€)", fee))
	f.show(container.NewVBox(widgets.Note("Le règlement du prélèvement est contre-passé comme pour un chèque impayé ; les frais sont portés au compte du copropriétaire. "+
		"Après deux rejets, le mandat est signalé."), form), date)
}

// reasonCodes are the return reasons offered, the usual first.
var reasonCodes = []string{"AC04", "AM04", "MD01", "MD06", "MS02", "MS03", "AC01", "AC06", "AG01", "MD07", "SL01"}
