package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// supplierForm opens the form that creates a supplier (sp nil) or changes
// one; the books check the account and the IBAN's key.
func (s *Shell) supplierForm(sp *ledger.Supplier, saved func(ledger.Supplier)) {
	creating := sp == nil
	w := ledger.Supplier{}
	if !creating {
		w = *sp
	} else {
		var err error
		if w.Account, err = s.res.NextSupplierAccount(); err != nil {
			s.showError(err)
			return
		}
	}
	account := widgets.NewField(w.Account, "401001 à 401999")
	if !creating {
		account.Disable()
	}
	name := widgets.NewField(w.Name, "Raison sociale : EDF, Assurances du Rhône…")
	address := widgets.NewField(w.Address, "")
	zip := widgets.NewField(w.Zip, "")
	city := widgets.NewField(w.City, "")
	contact := widgets.NewField(w.Contact, "Nom de votre interlocuteur")
	phone := widgets.NewField(w.Phone, "")
	email := widgets.NewField(w.Email, "")
	iban := widgets.NewField(fr.IBAN(w.IBAN), "FR76 …, pour payer par virement")
	bic := widgets.NewField(w.BIC, "")
	notes := widgets.NewTextArea(w.Notes, 3)

	title := "Nouveau fournisseur"
	if !creating {
		title = "Modifier le fournisseur " + w.Account
	}
	f := s.newForm(title, "Enregistrer", account, name, address, zip, city, contact, phone, email, iban, bic, notes)
	f.width = 960
	f.submit = func() error {
		x := w
		x.Account = strings.ToUpper(strings.TrimSpace(account.Text))
		x.Name, x.Address, x.Zip, x.City = name.Text, address.Text, strings.TrimSpace(zip.Text), city.Text
		x.Contact, x.Phone, x.Email = contact.Text, phone.Text, strings.TrimSpace(email.Text)
		x.IBAN, x.BIC, x.Notes = iban.Text, strings.ToUpper(strings.TrimSpace(bic.Text)), notes.Text
		err := s.res.SaveSupplier(&x, creating)
		if err != nil {
			msg := ledger.Message(err)
			switch {
			case strings.TrimSpace(name.Text) == "":
				s.win.Canvas().Focus(name)
			case strings.Contains(msg, "IBAN"):
				s.win.Canvas().Focus(iban)
			case strings.Contains(msg, "compte"):
				s.win.Canvas().Focus(account)
			}
			return err
		}
		verb := "créé"
		if !creating {
			verb = "modifié"
		}
		s.say(fmt.Sprintf("Fournisseur %s « %s » %s", x.Account, strings.TrimSpace(x.Name), verb))
		saved(x)
		return nil
	}
	left := widget.NewForm(
		widget.NewFormItem("Compte", account), widget.NewFormItem("Nom *", name), widget.NewFormItem("Adresse", address),
		widget.NewFormItem("Code postal", zip), widget.NewFormItem("Ville", city), widget.NewFormItem("Contact", contact))
	right := widget.NewForm(
		widget.NewFormItem("Téléphone", phone), widget.NewFormItem("Courriel", email), widget.NewFormItem("IBAN", iban),
		widget.NewFormItem("BIC", bic), widget.NewFormItem("Notes", notes))
	help := "* obligatoire. L'IBAN est vérifié (sa clé de contrôle) à l'enregistrement. Touche Entrée : enregistrer. Touche Échap : annuler."
	if !creating {
		help = "Le numéro de compte d'un fournisseur ne change pas. " + help
	}
	f.show(container.NewVBox(container.NewGridWithColumns(2, left, right), widgets.Note(help)), name)
}
