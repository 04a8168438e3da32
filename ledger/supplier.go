package ledger

import (
	"database/sql"
	"fmt"
	"strings"
)

// Supplier is a fournisseur with his 401xxx account.
type Supplier struct {
	Account string
	Name    string
	Address string
	Zip     string
	City    string
	IBAN    string
	BIC     string
	Contact string
	Phone   string
	Email   string
	Notes   string
}

const supplierColumns = `account, name, address, zip, city, iban, bic, contact, phone, email, notes`

// Suppliers lists the suppliers by account.
func (tx *Tx) Suppliers() ([]Supplier, error) {
	return collect(tx, "lecture des fournisseurs", `SELECT `+supplierColumns+` FROM suppliers ORDER BY account`, nil,
		func(r *sql.Rows) (Supplier, error) {
			var s Supplier
			return s, r.Scan(&s.Account, &s.Name, &s.Address, &s.Zip, &s.City, &s.IBAN, &s.BIC, &s.Contact, &s.Phone, &s.Email, &s.Notes)
		})
}

func (s *Supplier) validate() error {
	if err := cleanTexts(
		textField{&s.Account, "compte du fournisseur", ShortText},
		textField{&s.Name, "nom du fournisseur", NameText},
		textField{&s.Address, "adresse du fournisseur", AddressText},
		textField{&s.Zip, "code postal du fournisseur", ShortText},
		textField{&s.City, "ville du fournisseur", NameText},
		textField{&s.IBAN, "IBAN du fournisseur", ShortText},
		textField{&s.BIC, "BIC du fournisseur", ShortText},
		textField{&s.Contact, "contact chez le fournisseur", NameText},
		textField{&s.Phone, "téléphone du fournisseur", ShortText},
		textField{&s.Email, "e-mail du fournisseur", NameText},
		textField{&s.Notes, "notes sur le fournisseur", NotesText},
	); err != nil {
		return err
	}
	s.Name = strings.TrimSpace(s.Name)
	if s.Name == "" {
		return Errorf(Invalid, "Le nom du fournisseur est obligatoire")
	}
	if len(s.Account) != 6 || !IsSupplierAccount(s.Account) || s.Account == SuppliersCollective {
		return Errorf(Invalid, "Le compte du fournisseur « %s » doit commencer par 401 et avoir 6 caractères", s.Account)
	}
	s.IBAN = strings.ToUpper(strings.ReplaceAll(s.IBAN, " ", ""))
	if s.IBAN != "" && !validIBAN(s.IBAN) {
		return Errorf(Invalid, "L'IBAN « %s » du fournisseur %s n'est pas valide", s.IBAN, s.Name)
	}
	return CheckAccountCode(s.Account)
}

// NextSupplierAccount proposes the next free 401 + 3 digits account.
func (tx *Tx) NextSupplierAccount() (string, error) {
	var max sql.NullString
	if err := tx.queryRow(`SELECT max(code) FROM accounts WHERE code GLOB '401[0-9][0-9][0-9]'`).Scan(&max); err != nil {
		return "", sqlError(err, "numérotation des fournisseurs")
	}
	n := 0
	if max.Valid {
		fmt.Sscanf(max.String[3:], "%d", &n)
	}
	if n >= 999 {
		return "", Errorf(Conflict, "Plus aucun compte fournisseur libre (401001 à 401999)")
	}
	return fmt.Sprintf("401%03d", n+1), nil
}

// AddSupplier creates a supplier and his account; an empty Account takes the
// next free number, written back into s.
func (tx *Tx) AddSupplier(s *Supplier) error {
	s.Account = strings.ToUpper(strings.TrimSpace(s.Account))
	if s.Account == "" {
		acc, err := tx.NextSupplierAccount()
		if err != nil {
			return err
		}
		s.Account = acc
	}
	if err := s.validate(); err != nil {
		return err
	}
	if err := tx.ensureAccount(s.Account, s.Name); err != nil {
		return err
	}
	_, err := tx.exec("création du fournisseur "+s.Name, `INSERT INTO suppliers (`+supplierColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, s.Account, s.Name, s.Address, s.Zip, s.City, s.IBAN, s.BIC, s.Contact, s.Phone, s.Email, s.Notes)
	if KindOf(err) == Conflict {
		return Errorf(Conflict, "Le compte %s est déjà celui d'un autre fournisseur", s.Account)
	}
	return err
}

// UpdateSupplier saves a supplier's details.
func (tx *Tx) UpdateSupplier(s Supplier) error {
	if err := s.validate(); err != nil {
		return err
	}
	res, err := tx.exec("modification du fournisseur", `UPDATE suppliers SET name = ?, address = ?, zip = ?, city = ?, iban = ?,
		bic = ?, contact = ?, phone = ?, email = ?, notes = ? WHERE account = ?`,
		s.Name, s.Address, s.Zip, s.City, s.IBAN, s.BIC, s.Contact, s.Phone, s.Email, s.Notes, s.Account)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le fournisseur %s n'existe pas", s.Account)
	}
	_, err = tx.exec("modification du fournisseur", `UPDATE accounts SET label = ? WHERE code = ?`, s.Name, s.Account)
	return err
}
