package app

import (
	"bytes"
	"image"
	_ "image/jpeg" // signatures may be JPEG…
	_ "image/png"  // …or PNG, the two formats the PDFs embed
	"strings"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
	"tantieme/templates"
)

// LetterText is one of the letter texts as a settings screen edits it.
type LetterText struct {
	templates.Info
	Text    string // what the residence prints: its own text or the default
	Default string
	Custom  bool // the residence has its own text
}

// LetterTexts lists the letter texts of the residence.
func (r *Residence) LetterTexts() ([]LetterText, error) {
	var out []LetterText
	err := r.View(func(tx *ledger.Tx) error {
		for _, i := range templates.All() {
			body, ok, err := tx.LetterTemplate(string(i.Name))
			if err != nil {
				return err
			}
			t := LetterText{Info: i, Default: templates.Default(i.Name), Text: templates.Default(i.Name), Custom: ok}
			if ok {
				t.Text = body
			}
			out = append(out, t)
		}
		return nil
	})
	return out, err
}

// SaveLetterText stores the residence's own text after checking it; an
// empty text, or the default itself, goes back to the default.
func (r *Residence) SaveLetterText(name templates.Name, text string) error {
	if !templates.Known(name) {
		return ledger.Errorf(ledger.NotFound, "Le modèle de lettre « %s » n'existe pas", name)
	}
	if strings.TrimSpace(text) == strings.TrimSpace(templates.Default(name)) {
		text = ""
	}
	if strings.TrimSpace(text) != "" {
		if err := templates.Check(name, text); err != nil {
			return ledger.Errorf(ledger.Invalid, "%s", err.Error())
		}
	}
	return r.Update(func(tx *ledger.Tx) error { return tx.SetLetterTemplate(string(name), text) })
}

// PreviewLetterText fills a text with made-up fields, for the screen that
// edits it.
func PreviewLetterText(name templates.Name, text string) (string, error) {
	out, err := templates.Render(name, text, templates.Sample())
	if err != nil {
		return "", ledger.Errorf(ledger.Invalid, "%s", err.Error())
	}
	return out, nil
}

// signatureImage is the name of the signature among the letter images.
const signatureImage = "signature"

// Signature returns the image printed under the letters (nil when none).
func (r *Residence) Signature() ([]byte, error) {
	var b []byte
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		b, err = tx.LetterImage(signatureImage)
		return err
	})
	return b, err
}

// SetSignature stores the image printed under the letters (PNG or JPEG);
// nil removes it.
func (r *Residence) SetSignature(data []byte) error {
	if len(data) > 0 {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || (format != "png" && format != "jpeg") {
			return ledger.Errorf(ledger.Invalid, "La signature doit être une image PNG ou JPEG")
		}
		if cfg.Width < 20 || cfg.Height < 10 || cfg.Width > 4000 || cfg.Height > 4000 {
			return ledger.Errorf(ledger.Invalid, "L'image de la signature fait %d × %d pixels : choisissez une image entre 20 × 10 et 4000 × 4000", cfg.Width, cfg.Height)
		}
	}
	return r.Update(func(tx *ledger.Tx) error { return tx.SetLetterImage(signatureImage, data) })
}

// LetterKit holds what every letter of a batch is built from (notices,
// reminders, décomptes): the residence, its bank, the letter templates.
type LetterKit struct {
	res     ledger.Residence
	bank    ledger.BankAccount
	header  *templates.Template
	opening *templates.Template
	// worksOpening opens the notices of works calls alone.
	worksOpening *templates.Template
	// oneOffOpening opens the notices of one-off and advance calls alone.
	oneOffOpening *templates.Template
	footer        *templates.Template
	reminder      *templates.Template
	signature     []byte
	printed       time.Time
	base          templates.Fields
}

// NewLetterKit reads the kit of letters printed on day printed.
func NewLetterKit(tx *ledger.Tx, printed time.Time) (*LetterKit, error) {
	k := &LetterKit{printed: printed}
	var err error
	if k.res, err = tx.Residence(); err != nil {
		return nil, err
	}
	banks, err := tx.BankAccounts()
	if err != nil {
		return nil, err
	}
	// Owners pay into a current account, never into a savings account
	// (the works-fund livret sorts first: 50x before 512).
	better := func(b, than ledger.BankAccount) bool {
		if cb, ct := ledger.IsCurrentBankAccount(b.Account), ledger.IsCurrentBankAccount(than.Account); cb != ct {
			return cb
		}
		return than.IBAN == "" && b.IBAN != ""
	}
	for _, b := range banks {
		if k.bank.Account == "" || better(b, k.bank) {
			k.bank = b
		}
	}
	for _, t := range []struct {
		name templates.Name
		dst  **templates.Template
	}{{templates.Header, &k.header}, {templates.Opening, &k.opening}, {templates.WorksOpening, &k.worksOpening}, {templates.OneOffOpening, &k.oneOffOpening}, {templates.Footer, &k.footer}, {templates.Reminder, &k.reminder}} {
		text, ok, err := tx.LetterTemplate(string(t.name))
		if err != nil {
			return nil, err
		}
		if !ok {
			text = templates.Default(t.name)
		}
		if *t.dst, err = templates.Parse(t.name, text); err != nil {
			return nil, ledger.Errorf(ledger.Invalid, "%s : corrigez-le dans les paramètres des lettres", err.Error())
		}
	}
	if k.signature, err = tx.LetterImage(signatureImage); err != nil {
		return nil, err
	}
	k.base = templates.Fields{
		Residence: templates.Residence{Name: k.res.Name, Address: k.res.Address, Zip: k.res.Zip, City: k.res.City},
		Syndic:    templates.Syndic{Name: k.res.SyndicName, Address: k.res.SyndicAddress, Phone: k.res.SyndicPhone, Email: k.res.SyndicEmail},
		Bank:      templates.Bank{Holder: k.holder(), IBAN: fr.IBAN(k.bank.IBAN), BIC: k.bank.BIC},
		Today:     ledger.FrenchDate(printed),
	}
	return k, nil
}

// Residence is the residence the letters come from.
func (k *LetterKit) Residence() ledger.Residence { return k.res }

// holder is who the owners pay: the syndicat, named after the residence.
func (k *LetterKit) holder() string {
	return "Syndicat des copropriétaires " + k.res.Name
}

// Fields are the merge fields of a letter to owner o.
func (k *LetterKit) Fields(o ledger.Owner, lots []string) templates.Fields {
	f := k.base
	f.Owner = templates.Owner{Account: o.Account, Civility: o.Civility, Name: o.Name, DisplayName: o.DisplayName(),
		Salutation: templates.Salutation(o.Civility, o.LegalPerson()), Address: o.Address, Zip: o.Zip, City: o.City, Lots: lotsText(lots)}
	return f
}

// lotsText names lots the French way: "lot 5", "lots 9, 14 et 19".
func lotsText(lots []string) string {
	switch len(lots) {
	case 0:
		return "aucun lot"
	case 1:
		return "lot " + lots[0]
	}
	return "lots " + fr.Join(lots, "et")
}

// Letter builds the parts every letter shares.
func (k *LetterKit) Letter(f templates.Fields, o ledger.Owner, refs []reports.Ref, note string) (reports.Letter, error) {
	header, err := k.header.Execute(f)
	if err != nil {
		return reports.Letter{}, ledger.Errorf(ledger.Invalid, "%s", err.Error())
	}
	closing, err := k.footer.Execute(f)
	if err != nil {
		return reports.Letter{}, ledger.Errorf(ledger.Invalid, "%s", err.Error())
	}
	l := reports.Letter{
		Header:    strings.Split(header, "\n"),
		Sender:    strings.Join(fr.NonEmpty("SDC "+k.res.Name, k.res.Address, strings.TrimSpace(k.res.Zip+" "+k.res.City)), " – "),
		Recipient: fr.NonEmpty(o.DisplayName(), o.Address, strings.TrimSpace(o.Zip+" "+o.City), foreignCountry(o.Country)),
		Refs:      refs,
		Closing:   closing,
		Signature: k.signature,
		FootNote:  note,
	}
	if k.res.City != "" {
		l.Place = k.res.City + ", le " + ledger.FrenchDate(k.printed)
	} else {
		l.Place = "Le " + ledger.FrenchDate(k.printed)
	}
	return l, nil
}

// BankDetails are the residence's bank details for a payment referenced
// reference.
func (k *LetterKit) BankDetails(reference string) reports.BankDetails {
	return reports.BankDetails{Holder: k.holder(), IBAN: fr.IBAN(k.bank.IBAN), BIC: k.bank.BIC, Reference: reference}
}

func foreignCountry(c string) string {
	if strings.EqualFold(strings.TrimSpace(c), "France") {
		return ""
	}
	return strings.ToUpper(c)
}

// statement is an owner's account statement from the start of the
// exercise to day to, for a letter.
func statement(tx *ledger.Tx, account string, ex ledger.Exercise, to time.Time) (*reports.Statement, error) {
	st, err := tx.AccountStatement(account, ex.Start, to)
	if err != nil {
		return nil, err
	}
	s := &reports.Statement{Title: "Relevé de votre compte – exercice " + ex.Name()}
	if st.Opening != 0 {
		s.Opening = reports.StatementLine{Date: ledger.FrenchDate(ex.Start), Label: "Solde reporté" + OwedSide(st.Opening), Balance: st.Opening.Format()}
	}
	for _, l := range st.Lines {
		s.Lines = append(s.Lines, reports.StatementLine{Date: ledger.FrenchDate(l.Date), Piece: l.Piece, Label: l.Label,
			Debit: BlankZero(l.Debit), Credit: BlankZero(l.Credit), Balance: l.Balance.Format()})
	}
	s.Closing = reports.StatementLine{Label: "Solde au " + ledger.FrenchDate(to) + OwedSide(st.Closing), Balance: st.Closing.Format()}
	return s, nil
}

// OwedSide says which way a balance goes, from the owner's side: « (à
// payer) », « (en votre faveur) », or nothing when settled.
func OwedSide(a ledger.Amount) string {
	switch {
	case a > 0:
		return " (à payer)"
	case a < 0:
		return " (en votre faveur)"
	}
	return ""
}

// BlankZero prints an amount of a statement's debit or credit column,
// blank when zero.
func BlankZero(a ledger.Amount) string {
	if a == 0 {
		return ""
	}
	return a.Format()
}
