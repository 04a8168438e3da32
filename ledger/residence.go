package ledger

import (
	"database/sql"
	"strings"
	"time"
)

// Residence holds the settings of the syndicat whose books the file keeps.
type Residence struct {
	Name          string
	Address       string
	Zip           string
	City          string
	SyndicName    string
	SyndicAddress string
	SyndicPhone   string
	SyndicEmail   string
	// SIREN of the syndicat, "" when it has none (most have not: only a
	// syndicat registered with INSEE, e.g. as an employer, has one). It
	// names the FEC file (art. A47 A-1 LPF). Kept as the option "siren".
	SIREN string
}

// BankAccount is one of the residence's bank accounts (a 512xxx or 50x).
type BankAccount struct {
	Account string
	Label   string
	IBAN    string
	BIC     string
	ICS     string // SEPA creditor identifier for direct debits, or ""
	Savings bool   // a livret or term account (50x): annexe 1's « 50 Fonds placés »
	// Fund is the fund a savings account holds (seed 001's « journal
	// livret » of a « fiche avance »): the works fund 105… or an advance
	// 103…, or "". The transfer assistant proposes what to move so that
	// the account holds it.
	Fund string
}

// Setup is what a new residence is created from.
type Setup struct {
	Residence  Residence
	FirstStart time.Time // first day of the first exercise
	FirstEnd   time.Time // last day; zero means twelve months
	Bank       *BankAccount
}

// Validate checks a setup before anything is written.
func (s *Setup) Validate() error {
	if err := s.Residence.clean(); err != nil {
		return err
	}
	if strings.TrimSpace(s.Residence.Name) == "" {
		return Errorf(Invalid, "Le nom de la résidence est obligatoire")
	}
	if err := CheckEmail(s.Residence.SyndicEmail, "e-mail du syndic"); err != nil {
		return err
	}
	if s.FirstStart.IsZero() {
		return Errorf(Invalid, "La date de début du premier exercice est obligatoire")
	}
	if s.FirstEnd.IsZero() {
		s.FirstEnd = s.FirstStart.AddDate(1, 0, -1)
	}
	if err := checkExerciseSpan(s.FirstStart, s.FirstEnd, 18); err != nil {
		return err
	}
	if s.Bank != nil {
		if err := s.Bank.validate(); err != nil {
			return err
		}
	}
	return nil
}

func (b *BankAccount) validate() error {
	if err := cleanTexts(
		textField{&b.Account, "compte bancaire", ShortText},
		textField{&b.Label, "libellé du compte bancaire", NameText},
		textField{&b.IBAN, "IBAN du compte bancaire", ShortText},
		textField{&b.BIC, "BIC du compte bancaire", ShortText},
	); err != nil {
		return err
	}
	if err := CheckAccountCode(b.Account); err != nil {
		return err
	}
	if !strings.HasPrefix(b.Account, "51") && !strings.HasPrefix(b.Account, "50") && !strings.HasPrefix(b.Account, "53") {
		return Errorf(Invalid, "Le compte bancaire « %s » doit être un compte de classe 5 (512…, 50…)", b.Account)
	}
	if strings.HasPrefix(b.Account, "511") {
		return Errorf(Invalid, "Le compte %s reçoit les chèques à remettre en banque : ce n'est pas un compte bancaire (512…, 50…)", b.Account)
	}
	// The chart puts placements in 50x (décret n° 2005-240): a 50x account
	// is savings, and savings can only be a 50x account.
	if strings.HasPrefix(b.Account, "50") {
		b.Savings = true
	} else if b.Savings {
		return Errorf(Invalid, "Un compte d'épargne (livret, compte à terme) est un compte 50… du plan comptable, pas %s", b.Account)
	}
	b.Fund = strings.TrimSpace(b.Fund)
	if b.Fund != "" && !b.Savings {
		return Errorf(Invalid, "Seul un compte d'épargne (livret, 50…) peut détenir un fonds : pas le compte %s", b.Account)
	}
	if b.Fund != "" && !CanBeHeldFund(b.Fund) {
		return Errorf(Invalid, "Le fonds placé sur un livret est le fonds de travaux (105…) ou une avance (103…), pas le compte « %s »", b.Fund)
	}
	b.IBAN = strings.ToUpper(strings.ReplaceAll(b.IBAN, " ", ""))
	if b.IBAN != "" && !validIBAN(b.IBAN) {
		return Errorf(Invalid, "L'IBAN « %s » n'est pas valide (vérifiez la clé)", b.IBAN)
	}
	b.BIC = normalizeID(b.BIC)
	if b.BIC != "" && !validBIC(b.BIC) {
		return Errorf(Invalid, "Le BIC « %s » n'est pas valide : 8 ou 11 caractères, 4 lettres pour la banque, 2 pour le pays, puis 2 (et 3 facultatifs) lettres ou chiffres", b.BIC)
	}
	b.ICS = normalizeID(b.ICS)
	if b.ICS != "" && !validICS(b.ICS) {
		return Errorf(Invalid, "L'identifiant créancier SEPA (ICS) « %s » n'est pas valide (vérifiez la clé ; un ICS français a 13 caractères, comme FR72ZZZ123456)", b.ICS)
	}
	return nil
}

// validIBAN checks the ISO 13616 mod-97 key.
func validIBAN(iban string) bool {
	if len(iban) < 15 || len(iban) > 34 {
		return false
	}
	r := iban[4:] + iban[:4]
	mod := 0
	for _, c := range r {
		switch {
		case c >= '0' && c <= '9':
			mod = (mod*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			v := int(c-'A') + 10
			mod = (mod*100 + v) % 97
		default:
			return false
		}
	}
	return mod == 1
}

func (tx *Tx) initialize(s Setup) error {
	r := s.Residence
	if _, err := tx.exec("création de la résidence", `INSERT INTO residence
		(id, name, address, zip, city, syndic_name, syndic_address, syndic_phone, syndic_email, created_at)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		strings.TrimSpace(r.Name), r.Address, r.Zip, r.City, r.SyndicName, r.SyndicAddress, r.SyndicPhone, r.SyndicEmail,
		Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	for _, c := range OfficialChart() {
		if _, err := tx.exec("création du plan comptable", `INSERT INTO accounts (code, label) VALUES (?, ?)`, c.Code, c.Label); err != nil {
			return err
		}
	}
	for _, j := range [][2]string{{JournalPurchases, "Achats"}, {JournalBank, "Banque"}, {JournalMisc, "Opérations diverses"}, {JournalOpening, "À nouveaux"}} {
		if _, err := tx.exec("création des journaux", `INSERT INTO journals (code, label) VALUES (?, ?)`, j[0], j[1]); err != nil {
			return err
		}
	}
	if err := tx.AddKey(Key{Code: GeneralKey, Label: "Charges générales"}); err != nil {
		return err
	}
	start, end := s.FirstStart, s.FirstEnd
	for i := 0; i < 3; i++ {
		if _, err := tx.AddExercise(start, end); err != nil {
			return err
		}
		start = end.AddDate(0, 0, 1)
		end = start.AddDate(1, 0, -1)
	}
	if s.Bank != nil {
		if err := tx.SaveBankAccount(*s.Bank); err != nil {
			return err
		}
	}
	return nil
}

// Residence returns the residence settings.
func (tx *Tx) Residence() (Residence, error) {
	var r Residence
	err := tx.queryRow(`SELECT name, address, zip, city, syndic_name, syndic_address, syndic_phone, syndic_email
		FROM residence WHERE id = 1`).Scan(&r.Name, &r.Address, &r.Zip, &r.City, &r.SyndicName, &r.SyndicAddress, &r.SyndicPhone, &r.SyndicEmail)
	if err != nil {
		return r, sqlError(err, "lecture de la résidence")
	}
	r.SIREN, err = tx.Option(OptionSIREN, "")
	return r, err
}

func (r *Residence) clean() error {
	return cleanTexts(
		textField{&r.Name, "nom de la résidence", NameText},
		textField{&r.Address, "adresse de la résidence", AddressText},
		textField{&r.Zip, "code postal de la résidence", ShortText},
		textField{&r.City, "ville de la résidence", NameText},
		textField{&r.SyndicName, "nom du syndic", NameText},
		textField{&r.SyndicAddress, "adresse du syndic", AddressText},
		textField{&r.SyndicPhone, "téléphone du syndic", ShortText},
		textField{&r.SyndicEmail, "e-mail du syndic", NameText},
		textField{&r.SIREN, "SIREN du syndicat", ShortText},
	)
}

// SaveResidence replaces the residence settings.
func (tx *Tx) SaveResidence(r Residence) error {
	if err := r.clean(); err != nil {
		return err
	}
	if strings.TrimSpace(r.Name) == "" {
		return Errorf(Invalid, "Le nom de la résidence est obligatoire")
	}
	// It is printed on every notice, as the address to write to.
	if err := CheckEmail(r.SyndicEmail, "e-mail du syndic"); err != nil {
		return err
	}
	siren, err := NormalizeSIREN(r.SIREN)
	if err != nil {
		return err
	}
	if err := tx.SetOption(OptionSIREN, siren); err != nil {
		return err
	}
	_, err = tx.exec("enregistrement de la résidence", `UPDATE residence SET name = ?, address = ?, zip = ?, city = ?,
		syndic_name = ?, syndic_address = ?, syndic_phone = ?, syndic_email = ? WHERE id = 1`,
		strings.TrimSpace(r.Name), r.Address, r.Zip, r.City, r.SyndicName, r.SyndicAddress, r.SyndicPhone, r.SyndicEmail)
	return err
}

// Option returns a free option's value, or def when it is not set.
func (tx *Tx) Option(name, def string) (string, error) {
	var v string
	err := tx.queryRow(`SELECT value FROM options WHERE name = ?`, name).Scan(&v)
	if err == sql.ErrNoRows {
		return def, nil
	}
	return v, sqlError(err, "lecture des options")
}

// SetOption stores a free option.
func (tx *Tx) SetOption(name, value string) error {
	if err := cleanTexts(textField{&name, "nom de l'option", NameText}, textField{&value, "option « " + name + " »", OptionText}); err != nil {
		return err
	}
	_, err := tx.exec("enregistrement des options", `INSERT INTO options (name, value) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, value)
	return err
}

// BankAccounts lists the residence's bank accounts.
func (tx *Tx) BankAccounts() ([]BankAccount, error) {
	return collect(tx, "lecture des comptes bancaires", `SELECT account, label, iban, bic, ics, savings, fund FROM bank_accounts ORDER BY account`, nil,
		func(r *sql.Rows) (BankAccount, error) {
			var b BankAccount
			return b, r.Scan(&b.Account, &b.Label, &b.IBAN, &b.BIC, &b.ICS, &b.Savings, &b.Fund)
		})
}

// SaveBankAccount creates or updates a bank account, creating its ledger
// account when needed.
func (tx *Tx) SaveBankAccount(b BankAccount) error {
	if err := b.validate(); err != nil {
		return err
	}
	label := b.Label
	if label == "" {
		label = "Banque"
	}
	if b.Fund != "" {
		if _, err := tx.Account(b.Fund); err != nil {
			return Errorf(Invalid, "Le fonds %s placé sur le compte %s n'existe pas dans le plan comptable", b.Fund, b.Account)
		}
	}
	if err := tx.ensureAccount(b.Account, label); err != nil {
		return err
	}
	_, err := tx.exec("enregistrement du compte bancaire", `INSERT INTO bank_accounts (account, label, iban, bic, ics, savings, fund) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (account) DO UPDATE SET label = excluded.label, iban = excluded.iban, bic = excluded.bic,
			ics = excluded.ics, savings = excluded.savings, fund = excluded.fund`,
		b.Account, b.Label, b.IBAN, b.BIC, b.ICS, b.Savings, b.Fund)
	return err
}

// AddBankAccount adds a new bank account (SaveBankAccount also updates
// one): an account that is already a bank account of the residence is
// refused, so that a script adding one never overwrites another's IBAN.
func (tx *Tx) AddBankAccount(b BankAccount) error {
	if err := tx.checkBankAccount(b.Account); err == nil {
		return Errorf(Conflict, "Le compte %s est déjà un compte bancaire de la résidence", b.Account)
	} else if KindOf(err) != NotFound {
		return err
	}
	return tx.SaveBankAccount(b)
}
