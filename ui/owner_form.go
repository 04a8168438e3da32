package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tantieme/ledger"
	"tantieme/templates"
	"tantieme/ui/widgets"
)

// ownerForm opens the form that creates an owner (o nil) or changes one;
// saved gets the owner as written.
func (s *Shell) ownerForm(o *ledger.Owner, saved func(ledger.Owner)) {
	creating := o == nil
	ow := ledger.Owner{}
	if !creating {
		ow = *o
	} else {
		var err error
		if ow.Account, err = s.res.NextOwnerAccount(); err != nil {
			s.showError(err)
			return
		}
	}
	account := widgets.NewField(ow.Account, "450001 à 450999")
	if !creating {
		account.Disable()
	}
	civility := widgets.NewField(ow.Civility, "M., Mme, M. et Mme…")
	name := widgets.NewField(ow.Name, "Nom et prénom, ou raison sociale")
	address := widgets.NewField(ow.Address, "")
	zip := widgets.NewField(ow.Zip, "")
	city := widgets.NewField(ow.City, "")
	country := widgets.NewField(ow.Country, "")
	email := widgets.NewField(ow.Email, "")
	phone := widgets.NewField(ow.Phone, "")
	mobile := widgets.NewField(ow.Mobile, "")
	bank := widgets.NewField(ow.BankName, "Banque du copropriétaire")
	var known []string
	if !creating {
		var err error
		if known, err = s.res.OwnerIBANs(ow.Account); err != nil {
			s.showError(err)
			return
		}
	}
	// The accounts he pays from: a transfer from one of them is recognised
	// as his when a bank statement is imported.
	ibans := widgets.NewField(strings.Join(known, ", "), "FR76 …, séparés par des virgules")
	entry := widgets.NewField(ledger.FrenchDate(ow.EntryDate), "JJ/MM/AAAA")
	exit := widgets.NewField(ledger.FrenchDate(ow.ExitDate), "JJ/MM/AAAA, s'il a vendu tous ses lots")
	council := widgets.NewCheckField("Membre du conseil syndical", ow.Council)
	wasPresident := false
	if !creating {
		p, err := s.res.CouncilPresident()
		if err != nil {
			s.showError(err)
			return
		}
		wasPresident = p == ow.Account
	}
	// His space of a publication gets what the binders give the
	// president (Documents › Publier…).
	president := widgets.NewCheckField("Président du conseil syndical", wasPresident)
	// Issue 20: his décompte shows the VAT of his charges; he gets the
	// statement of recoverable charges for his tenants.
	vatRegistered := widgets.NewCheckField("Assujetti à la TVA", ow.VATRegistered)
	landlord := widgets.NewCheckField("Bailleur", ow.Landlord)

	title := "Nouveau copropriétaire"
	if !creating {
		title = "Modifier le copropriétaire " + ow.Account
	}
	f := s.newForm(title, "Enregistrer", account, civility, name, address, zip, city, country,
		email, phone, mobile, bank, ibans, entry, exit, council, president, vatRegistered, landlord)
	f.width = 960
	f.submit = func() error {
		in, err := parseDate("Date d'entrée", entry.Text)
		if err != nil {
			return err
		}
		out, err := parseDate("Date de sortie", exit.Text)
		if err != nil {
			return err
		}
		w := ow
		w.Account = strings.TrimSpace(account.Text)
		w.Civility, w.Name = strings.TrimSpace(civility.Text), name.Text
		w.Address, w.Zip, w.City, w.Country = address.Text, zip.Text, city.Text, country.Text
		w.Email, w.Phone, w.Mobile, w.BankName = strings.TrimSpace(email.Text), phone.Text, mobile.Text, bank.Text
		w.EntryDate, w.ExitDate, w.Council = in, out, council.Checked
		w.VATRegistered, w.Landlord = vatRegistered.Checked, landlord.Checked
		err = s.res.SaveOwnerCard(&w, creating, splitIBANs(ibans.Text), president.Checked)
		if err != nil {
			if strings.TrimSpace(name.Text) == "" {
				s.win.Canvas().Focus(name)
			}
			return err
		}
		if creating {
			s.say(fmt.Sprintf("Copropriétaire %s « %s » créé", w.Account, w.Name))
		} else {
			s.say(fmt.Sprintf("Copropriétaire %s « %s » modifié", w.Account, w.Name))
		}
		saved(w)
		return nil
	}
	left := widget.NewForm(
		widget.NewFormItem("Compte", account), widget.NewFormItem("Civilité", civility), widget.NewFormItem("Nom *", name),
		widget.NewFormItem("Adresse", address), widget.NewFormItem("Code postal", zip), widget.NewFormItem("Ville", city),
		widget.NewFormItem("Pays", country), widget.NewFormItem("", vatRegistered), widget.NewFormItem("", landlord))
	right := widget.NewForm(
		widget.NewFormItem("Courriel", email), widget.NewFormItem("Téléphone", phone), widget.NewFormItem("Portable", mobile),
		widget.NewFormItem("Banque", bank), widget.NewFormItem("IBAN de paiement", ibans), widget.NewFormItem("Date d'entrée", entry), widget.NewFormItem("Date de sortie", exit),
		widget.NewFormItem("", council), widget.NewFormItem("", president))
	// The greeting letters will print, as typed: a company greeted
	// « Madame, » by mistake is seen before any notice goes out.
	greeting := widgets.Note("")
	showGreeting := func() { greeting.SetText(greetingText(strings.TrimSpace(civility.Text), name.Text)) }
	showGreeting()
	for _, fl := range []*widgets.Field{civility, name} {
		fl.OnChange(func() { f.clearError(); showGreeting() }) // OnChange replaces the form's own
	}
	content := container.NewVBox(container.NewGridWithColumns(2, left, right), greeting,
		widgets.Note("* obligatoire. Touche Entrée : enregistrer. Touche Échap : annuler."))
	f.show(content, name)
}

// greetingText says how letters will greet an owner of that civility and
// name.
func greetingText(civility, name string) string {
	o := ledger.Owner{Civility: civility, Name: name}
	text := "Formule d'appel des courriers : « " + templates.Salutation(civility, o.LegalPerson()) + ", »"
	if o.LegalPerson() {
		text += " (personne morale ou indivision : la civilité de son représentant n'y figure pas)"
	}
	return text
}

// splitIBANs reads the IBANs typed in one field, separated by commas,
// semicolons or new lines (an IBAN's own spaces stay inside it).
func splitIBANs(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' })
}

// parseDate reads an optional date typed in a form; what names the field
// in the message.
func parseDate(what, text string) (time.Time, error) {
	if strings.TrimSpace(text) == "" {
		return time.Time{}, nil
	}
	d, err := ledger.ParseDate(text)
	if err != nil {
		return d, ledger.Wrap(ledger.Invalid, err, "%s : %s", what, ledger.Message(err))
	}
	return d, nil
}
