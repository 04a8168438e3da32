package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// noOwnerYet is the owner choice of a new lot whose owner is not known yet.
const noOwnerYet = "Aucun pour l'instant"

// newOwnerChoice is the choice that creates the buyer as a new owner.
const newOwnerChoice = "Un nouveau copropriétaire (à créer)"

// lotForm opens the form that creates a lot (lot nil) or changes its
// description; saved gets the lot as written. The owner is chosen at
// creation only: later, a change of owner is a sale.
func (s *Shell) lotForm(lot *ledger.Lot, saved func(ledger.Lot)) {
	creating := lot == nil
	l := ledger.Lot{}
	if !creating {
		l = *lot
	}
	var owners []ledger.Owner
	if creating {
		var err error
		if owners, err = s.res.Owners(); err != nil {
			s.showError(err)
			return
		}
	}
	shares, err := newLotShares(s, l.Number, creating)
	if err != nil {
		s.showError(err)
		return
	}
	number := widgets.NewField(l.Number, "1 à 5 caractères : 23, 102, A12…")
	if !creating {
		number.Disable()
	}
	label := widgets.NewField(l.Label, "par exemple : Appartement T3")
	kind := widgets.NewField(l.Type, "Appartement, Cave, Parking, Local commercial…")
	building := widgets.NewField(l.Building, "")
	staircase := widgets.NewField(l.Staircase, "")
	floor := widgets.NewField(l.Floor, "RDC, 1er, 2e, -1…")
	door := widgets.NewField(l.Door, "")
	fields := []widgets.FormField{number, label, kind, building, staircase, floor, door}

	at := s.situation()
	choices := []string{noOwnerYet}
	accounts := map[string]string{}
	for _, o := range owners {
		if o.Left(at) {
			continue
		}
		choices = append(choices, ownerName(o))
		accounts[ownerName(o)] = o.Account
	}
	owner := newChoiceField(choices, noOwnerYet, nil)
	if creating {
		fields = append(fields, owner)
	}
	fields = append(fields, shares.fields()...)

	title := "Nouveau lot"
	if !creating {
		title = "Modifier le lot " + l.Number
	}
	f := s.newForm(title, "Enregistrer", fields...)
	f.width = 900
	f.submit = func() error {
		w := l
		w.Number = strings.TrimSpace(number.Text)
		w.Label, w.Type = strings.TrimSpace(label.Text), strings.TrimSpace(kind.Text)
		w.Building, w.Staircase = strings.TrimSpace(building.Text), strings.TrimSpace(staircase.Text)
		w.Floor, w.Door = strings.TrimSpace(floor.Text), strings.TrimSpace(door.Text)
		if creating {
			w.Owner = accounts[owner.Selected]
		}
		values, err := shares.values()
		if err != nil {
			return err
		}
		if err := s.res.SaveLotShares(w, creating, values); err != nil {
			if creating {
				s.win.Canvas().Focus(number)
			}
			return err
		}
		msg := fmt.Sprintf("Lot %s modifié", w.Number)
		if creating {
			msg = fmt.Sprintf("Lot %s créé", w.Number)
			if w.Owner != "" {
				msg += ", propriétaire " + owner.Selected
			}
		}
		s.say(msg + shares.summary(values))
		saved(w)
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Numéro *", number), widget.NewFormItem("Désignation", label), widget.NewFormItem("Type", kind),
		widget.NewFormItem("Bâtiment", building), widget.NewFormItem("Escalier", staircase), widget.NewFormItem("Étage", floor),
		widget.NewFormItem("Porte", door),
	}
	help := "* obligatoire. Touche Entrée : enregistrer. Touche Échap : annuler."
	if creating {
		items = append(items, widget.NewFormItem("Propriétaire", owner))
		help = "Le propriétaire l'est depuis l'origine des comptes ; une vente s'enregistre ensuite sur la fiche du lot. " + help
	} else {
		help = "Le numéro d'un lot ne change pas ; un changement de propriétaire s'enregistre avec « Vendre le lot… ». " + help
	}
	first := fyne.Focusable(number)
	if !creating {
		first = label
	}
	// The tantièmes beside the description: the form stays low enough for
	// a small screen.
	f.show(container.NewVBox(container.NewGridWithColumns(2, widget.NewForm(items...), shares.view()), widgets.Note(help)), first)
}

// buyerFields are the details of an owner created with a sale: rows of
// the dialog's form, shown only when the buyer is a new owner.
type buyerFields struct {
	civility, name, address, zip, city, email, phone *widgets.Field
	rows                                             []fyne.CanvasObject // label, field, label, field…
}

func newBuyerFields() *buyerFields {
	b := &buyerFields{
		civility: widgets.NewField("", "M., Mme, M. et Mme…"), name: widgets.NewField("", "Nom et prénom, ou raison sociale"),
		address: widgets.NewField("", ""), zip: widgets.NewField("", ""), city: widgets.NewField("", ""), email: widgets.NewField("", ""), phone: widgets.NewField("", ""),
	}
	for _, r := range []struct {
		label string
		f     *widgets.Field
	}{{"Civilité", b.civility}, {"Nom *", b.name}, {"Adresse", b.address}, {"Code postal", b.zip}, {"Ville", b.city},
		{"Courriel", b.email}, {"Téléphone", b.phone}} {
		b.rows = append(b.rows, formLabel(r.label), r.f)
	}
	return b
}

// show shows the rows, or hides them when the buyer is an existing owner.
func (b *buyerFields) show(on bool) {
	for _, o := range b.rows {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// formLabel is the name of a field in a form whose rows may be hidden
// (widget.Form cannot hide a row).
func formLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

func (b *buyerFields) fields() []widgets.FormField {
	return []widgets.FormField{b.civility, b.name, b.address, b.zip, b.city, b.email, b.phone}
}

func (b *buyerFields) owner() ledger.Owner {
	return ledger.Owner{Civility: strings.TrimSpace(b.civility.Text), Name: b.name.Text, Address: b.address.Text,
		Zip: b.zip.Text, City: b.city.Text, Email: strings.TrimSpace(b.email.Text), Phone: b.phone.Text}
}

// ownerChoices lists the owners one may choose as buyer, the new one first;
// except is left out (the seller), those who left are marked.
func ownerChoices(owners []ledger.Owner, except string, at time.Time) ([]string, map[string]string) {
	choices := []string{newOwnerChoice}
	accounts := map[string]string{}
	for _, o := range owners {
		if o.Account == except {
			continue
		}
		c := ownerName(o)
		if o.Left(at) {
			c += " (sorti)"
		}
		choices = append(choices, c)
		accounts[c] = o.Account
	}
	return choices, accounts
}

// saleForm records the sale of a lot, and of the seller's other lots sold
// with it: the buyer owns them from the sale date; the seller keeps his
// account and his history (DOMAIN §9).
func (s *Shell) saleForm(card app.LotCard, saved func()) {
	seller := card.History[len(card.History)-1].Holder
	var owners []ledger.Owner
	var all []ledger.Lot
	var err error
	if owners, err = s.res.Owners(); err == nil {
		all, err = s.res.Lots()
	}
	if err != nil {
		s.showError(err)
		return
	}
	date := widgets.NewField("", "JJ/MM/AAAA")
	var lotChecks []*widgets.CheckField
	var lotNumbers []string
	leaves := widgets.NewCheckField("Le vendeur quitte la résidence : sa date de sortie sera le jour de la vente", false)
	allChecked := func() bool {
		for _, c := range lotChecks {
			if !c.Checked {
				return false
			}
		}
		return true
	}
	for _, l := range all {
		if l.Owner != seller.Account {
			continue
		}
		c := widgets.NewCheckField(lotName(l), l.Number == card.Lot.Number)
		lotChecks = append(lotChecks, c)
		lotNumbers = append(lotNumbers, l.Number)
	}
	leaves.Checked = allChecked()
	buyer := newBuyerFields()
	choices, accounts := ownerChoices(owners, seller.Account, s.situation())
	var f *form
	who := newChoiceField(choices, newOwnerChoice, func(v string) {
		buyer.show(v == newOwnerChoice)
		if f != nil && f.dlg != nil {
			f.dlg.Resize(fyne.NewSize(f.width, f.dlg.MinSize().Height))
		}
	})

	fields := []widgets.FormField{date}
	for _, c := range lotChecks {
		fields = append(fields, c)
	}
	fields = append(fields, who)
	fields = append(fields, buyer.fields()...)
	fields = append(fields, leaves)
	f = s.newForm("Vente du lot "+card.Lot.Number, "Enregistrer la vente", fields...)
	f.width = 760
	for _, c := range lotChecks {
		c.OnChanged = func(bool) {
			f.clearError()
			leaves.SetChecked(allChecked())
		}
	}
	f.submit = func() error {
		d, err := parseDate("Date de la vente", date.Text)
		if err != nil {
			return err
		}
		sale := app.Sale{Date: d, SellerLeaves: leaves.Checked}
		for i, c := range lotChecks {
			if c.Checked {
				sale.Lots = append(sale.Lots, lotNumbers[i])
			}
		}
		if who.Selected == newOwnerChoice {
			sale.Buyer = buyer.owner()
		} else {
			sale.Buyer.Account = accounts[who.Selected]
		}
		res, err := s.res.SellLots(sale)
		if err != nil {
			if strings.TrimSpace(date.Text) == "" {
				s.win.Canvas().Focus(date)
			} else if who.Selected == newOwnerChoice && strings.TrimSpace(buyer.name.Text) == "" {
				s.win.Canvas().Focus(buyer.name)
			}
			return err
		}
		what := "Lot " + res.Lots[0] + " vendu"
		if len(res.Lots) > 1 {
			what = "Lots " + strings.Join(res.Lots, ", ") + " vendus"
		}
		to := ownerName(res.Buyer)
		if res.NewBuyer {
			to += " (nouveau copropriétaire)"
		}
		msg := fmt.Sprintf("%s le %s à %s ; %s reste dans l'historique", what, ledger.FrenchDate(d), to, ownerName(res.Seller))
		if sale.SellerLeaves {
			msg += ", sorti le " + ledger.FrenchDate(d)
		}
		for _, sc := range res.Split {
			msg += fmt.Sprintf(" ; appel %s partagé : %s à l'acheteur (%d jours sur %d)", sc.Piece, sc.Buyer, sc.BuyerDays, sc.Days)
		}
		if res.Settled {
			msg += " ; compte du vendeur soldé"
		} else {
			msg += fmt.Sprintf(" ; le vendeur doit encore %s, à recouvrer", res.SellerBalance)
		}
		s.say(msg)
		saved()
		return nil
	}

	lotsBox := container.NewVBox()
	for _, c := range lotChecks {
		lotsBox.Add(c)
	}
	head := widgets.Note(fmt.Sprintf("Vendeur : %s. Les appels de fonds dus avant la date de la vente restent à sa charge, les suivants iront à l'acheteur. "+
		"Le vendeur garde son compte et son historique : il n'est jamais renommé.", ownerName(seller)))
	rows := append([]fyne.CanvasObject{formLabel("Date de la vente *"), date, formLabel("Lots vendus"), lotsBox,
		formLabel("Acheteur *"), who}, buyer.rows...)
	content := container.NewVBox(head, container.New(layout.NewFormLayout(), rows...), leaves,
		widgets.Note("* obligatoire. Touche Entrée : enregistrer. Touche Échap : annuler."))
	f.show(content, date)
}

// firstOwnerForm names the owner of a lot that has none yet, an existing
// owner or a new one, from the start of the books or from a date.
func (s *Shell) firstOwnerForm(lot ledger.Lot, saved func()) {
	var owners []ledger.Owner
	var err error
	if owners, err = s.res.Owners(); err != nil {
		s.showError(err)
		return
	}
	buyer := newBuyerFields()
	choices, accounts := ownerChoices(owners, "", s.situation())
	var f *form
	who := newChoiceField(choices, newOwnerChoice, func(v string) {
		buyer.show(v == newOwnerChoice)
		if f != nil && f.dlg != nil {
			f.dlg.Resize(fyne.NewSize(f.width, f.dlg.MinSize().Height))
		}
	})
	since := widgets.NewField("", "JJ/MM/AAAA — vide : depuis l'origine des comptes")
	fields := append([]widgets.FormField{who}, buyer.fields()...)
	fields = append(fields, since)
	f = s.newForm("Propriétaire du lot "+lot.Number, "Enregistrer", fields...)
	f.width = 700
	f.submit = func() error {
		from, err := parseDate("Depuis", since.Text)
		if err != nil {
			return err
		}
		var newOwner *ledger.Owner
		if who.Selected == newOwnerChoice {
			b := buyer.owner()
			b.EntryDate = from
			newOwner = &b
		}
		o, err := s.res.TransferLot(lot.Number, accounts[who.Selected], newOwner, from)
		if err != nil {
			return err
		}
		when := "depuis l'origine des comptes"
		if !from.IsZero() {
			when = "depuis le " + ledger.FrenchDate(from)
		}
		s.say(fmt.Sprintf("Lot %s : propriétaire %s %s", lot.Number, ownerName(o), when))
		saved()
		return nil
	}
	rows := append([]fyne.CanvasObject{formLabel("Propriétaire *"), who}, buyer.rows...)
	rows = append(rows, formLabel("Depuis"), since)
	content := container.NewVBox(container.New(layout.NewFormLayout(), rows...),
		widgets.Note("* obligatoire. Touche Entrée : enregistrer. Touche Échap : annuler."))
	f.show(content, who)
}
