package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
	"tantieme/templates"
)

// LetterCard is the card a letter is written from: an owner's or a
// supplier's (one of the two accounts).
type LetterCard struct {
	Owner    string // 450…
	Supplier string // 401…
}

// CardLetterTexts are the texts a card offers, as the residence prints
// them (its own text, or the program's).
func (r *Residence) CardLetterTexts(c LetterCard) ([]LetterText, error) {
	all, err := r.LetterTexts()
	if err != nil {
		return nil, err
	}
	var out []LetterText
	for _, i := range templates.CardLetters(c.Supplier != "") {
		for _, t := range all {
			if t.Name == i.Name {
				out = append(out, t)
			}
		}
	}
	return out, nil
}

// cardLetter is what a letter from a card is made of.
type cardLetter struct {
	kit       *LetterKit
	fields    templates.Fields
	letter    reports.Letter
	name      string // the addressee, for the register
	ownerName string
}

// readCardLetter gathers the merge fields of a card at day at (the balance
// of his account then), for a letter printed on printed.
func readCardLetter(tx *ledger.Tx, c LetterCard, at, printed time.Time) (*cardLetter, error) {
	kit, err := NewLetterKit(tx, printed)
	if err != nil {
		return nil, err
	}
	cl := &cardLetter{kit: kit}
	switch {
	case c.Owner != "":
		o, err := tx.Owner(c.Owner)
		if err != nil {
			return nil, err
		}
		lotOwner, err := tx.OwnersAt(at)
		if err != nil {
			return nil, err
		}
		lots, err := tx.Lots()
		if err != nil {
			return nil, err
		}
		var his []string
		for _, l := range lots {
			if lotOwner[l.Number] == o.Account {
				his = append(his, l.Number)
			}
		}
		bal, err := tx.AccountBalanceAt(o.Account, at)
		if err != nil {
			return nil, err
		}
		cl.fields = kit.Fields(o, his)
		cl.fields.Date, cl.fields.Balance = ledger.FrenchDate(at), bal.String()+OwedSide(bal)
		if cl.letter, err = kit.Letter(cl.fields, o, []reports.Ref{{Label: "Compte", Value: o.Account}, {Label: "Lots", Value: strings.Join(his, ", ")}}, ""); err != nil {
			return nil, err
		}
		cl.name = o.DisplayName()
	case c.Supplier != "":
		sup, err := supplierOf(tx, c.Supplier)
		if err != nil {
			return nil, err
		}
		bal, err := tx.AccountBalanceAt(sup.Account, at)
		if err != nil {
			return nil, err
		}
		salutation := "Madame, Monsieur"
		if strings.TrimSpace(sup.Contact) != "" {
			salutation = templates.Salutation(strings.Fields(sup.Contact)[0], false)
		}
		cl.fields = kit.base
		cl.fields.Supplier = templates.Supplier{Account: sup.Account, Name: sup.Name, Contact: sup.Contact, Salutation: salutation,
			Address: sup.Address, Zip: sup.Zip, City: sup.City, Balance: (-bal).String()}
		// A supplier is no owner, but his address is laid out the same way.
		as := ledger.Owner{Name: sup.Name, Address: sup.Address, Zip: sup.Zip, City: sup.City}
		if cl.letter, err = kit.Letter(cl.fields, as, []reports.Ref{{Label: "Compte", Value: sup.Account}}, ""); err != nil {
			return nil, err
		}
		if c := strings.TrimSpace(sup.Contact); c != "" {
			cl.letter.Recipient = append([]string{sup.Name, "À l'attention de " + c}, cl.letter.Recipient[1:]...)
		}
		cl.name = sup.Name
	default:
		return nil, ledger.Errorf(ledger.Invalid, "Lettre : ni copropriétaire ni fournisseur")
	}
	// The letter's text says everything: the calls' footer is not
	// printed under it, only the signature.
	cl.letter.Closing = ""
	cl.letter.FootNote = kit.res.Name + " — courrier du " + ledger.FrenchDate(printed)
	return cl, nil
}

// CardLetterPreview fills text (a text of name, as edited for this one
// letter) with the card's fields: what the letter will say.
func (r *Residence) CardLetterPreview(c LetterCard, name templates.Name, text string, at, printed time.Time) (string, error) {
	var out string
	err := r.View(func(tx *ledger.Tx) error {
		cl, err := readCardLetter(tx, c, at, printed)
		if err != nil {
			return err
		}
		out, err = renderCardLetter(name, text, cl.fields)
		return err
	})
	return out, err
}

func renderCardLetter(name templates.Name, text string, f templates.Fields) (string, error) {
	if strings.TrimSpace(text) == "" {
		return "", ledger.Errorf(ledger.Invalid, "La lettre est vide : écrivez son texte ou choisissez un modèle")
	}
	text, err := ledger.CleanText("texte de la lettre", text, ledger.TemplateText)
	if err != nil {
		return "", err
	}
	out, err := templates.Render(name, text, f)
	if err != nil {
		return "", ledger.Errorf(ledger.Invalid, "%s", err.Error())
	}
	return out, nil
}

// CardLetterPDF writes the letter: the residence's header, the
// addressee's address, the text filled, the signature.
func (r *Residence) CardLetterPDF(c LetterCard, name templates.Name, text string, at, printed time.Time) ([]byte, error) {
	var pl reports.PlainLetter
	err := r.View(func(tx *ledger.Tx) error {
		cl, err := readCardLetter(tx, c, at, printed)
		if err != nil {
			return err
		}
		body, err := renderCardLetter(name, text, cl.fields)
		if err != nil {
			return err
		}
		pl = reports.PlainLetter{Letter: cl.letter, Body: body}
		return nil
	})
	if err != nil {
		return nil, err
	}
	letters, err := reports.PlainLetters([]reports.PlainLetter{pl}, printed)
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "La mise en page de la lettre a échoué")
	}
	return letters.Combined, nil
}

// CardLetterProduced is the register's line of a letter from a card,
// written in dir: binder « courriers », concerning the owner written to.
func (r *Residence) CardLetterProduced(dir string, c LetterCard, name templates.Name, printed time.Time) (Produced, error) {
	what := string(name)
	for _, i := range templates.All() {
		if i.Name == name {
			what = i.Label
		}
	}
	addressee, account := "", c.Owner
	if account == "" {
		account = c.Supplier
	}
	err := r.View(func(tx *ledger.Tx) error {
		if c.Owner != "" {
			o, err := tx.Owner(c.Owner)
			addressee = o.DisplayName()
			return err
		}
		s, err := supplierOf(tx, c.Supplier)
		addressee = s.Name
		return err
	})
	if err != nil {
		return Produced{}, err
	}
	p := Produced{Path: filepath.Join(dir, fmt.Sprintf("LETTRE_%s_%s_%s.pdf", account, fr.FileName(addressee), printed.Format("2006-01-02_150405"))),
		Kind: "letter", Date: printed, Exercise: r.ExerciseIDAt(printed), Title: DocumentTitle(what, addressee)}
	if c.Owner != "" {
		p.Owners = []string{c.Owner}
	}
	return p, nil
}

// FolderLetters is the documents' subfolder of the letters written from
// the cards.
const FolderLetters = "Courriers"

// supplierOf reads one supplier.
func supplierOf(tx *ledger.Tx, account string) (ledger.Supplier, error) {
	list, err := tx.Suppliers()
	if err != nil {
		return ledger.Supplier{}, err
	}
	for _, s := range list {
		if s.Account == account {
			return s, nil
		}
	}
	return ledger.Supplier{}, ledger.Errorf(ledger.NotFound, "Le fournisseur %s n'existe pas", account)
}
