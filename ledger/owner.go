package ledger

import (
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Owner is a copropriétaire, identified by his 450xxx account.
type Owner struct {
	Account   string
	Civility  string
	Name      string
	Address   string
	Zip       string
	City      string
	Country   string
	Email     string
	Phone     string
	Mobile    string
	BankName  string
	EntryDate time.Time
	ExitDate  time.Time // set when he sold all his lots; his history stays
	Council   bool      // member of the conseil syndical
	Notes     string
	// VATRegistered: he declared himself VAT-registered; his décompte
	// shows the VAT included in his share of the charges. Migration 019.
	VATRegistered bool
	// Landlord: he lets his lots (« bailleur ») and gets the statement of
	// recoverable charges for his tenants. Migration 019.
	Landlord bool
}

// DisplayName is the civility and name, as printed on letters.
func (o Owner) DisplayName() string {
	return strings.TrimSpace(o.Civility + " " + o.Name)
}

// Left says whether the owner had left at day d.
func (o Owner) Left(d time.Time) bool { return !o.ExitDate.IsZero() && !o.ExitDate.After(d) }

const ownerColumns = `account, civility, name, address, zip, city, country, email, phone, mobile,
	bank_name, entry_date, exit_date, council, notes, vat_registered, landlord`

// ownerSelect is ownerColumns as a SELECT reads them: a file not yet at
// migration 019 (a test of an older migration writes one with this code)
// reads its owners without the flags.
func (tx *Tx) ownerSelect() string {
	if tx.hasColumn("owners", "landlord") {
		return ownerColumns
	}
	return strings.Replace(ownerColumns, "vat_registered, landlord", "0, 0", 1)
}

func scanOwner(r interface{ Scan(...any) error }) (Owner, error) {
	var o Owner
	var entry, exit string
	err := r.Scan(&o.Account, &o.Civility, &o.Name, &o.Address, &o.Zip, &o.City, &o.Country, &o.Email, &o.Phone, &o.Mobile,
		&o.BankName, &entry, &exit, &o.Council, &o.Notes, &o.VATRegistered, &o.Landlord)
	o.EntryDate, o.ExitDate = parseStored(entry), parseStored(exit)
	return o, err
}

// Owners lists every owner, including those who left, in account order.
func (tx *Tx) Owners() ([]Owner, error) {
	return collect(tx, "lecture des copropriétaires", `SELECT `+tx.ownerSelect()+` FROM owners ORDER BY account`, nil,
		func(r *sql.Rows) (Owner, error) { return scanOwner(r) })
}

// Owner returns one owner.
func (tx *Tx) Owner(account string) (Owner, error) {
	o, err := scanOwner(tx.queryRow(`SELECT `+tx.ownerSelect()+` FROM owners WHERE account = ?`, account))
	if err == sql.ErrNoRows {
		return o, Errorf(NotFound, "Le copropriétaire %s n'existe pas", account)
	}
	return o, sqlError(err, "lecture du copropriétaire")
}

// ownerExists says the owner is in the file, as Owner would, without
// reading his card.
func (tx *Tx) ownerExists(account string) error {
	var one int
	err := tx.queryRow(`SELECT 1 FROM owners WHERE account = ?`, account).Scan(&one)
	if err == sql.ErrNoRows {
		return Errorf(NotFound, "Le copropriétaire %s n'existe pas", account)
	}
	return sqlError(err, "lecture du copropriétaire")
}

// NextOwnerAccount proposes the first free account after the highest in use.
func (tx *Tx) NextOwnerAccount() (string, error) {
	var max sql.NullString
	if err := tx.queryRow(`SELECT max(code) FROM accounts WHERE code GLOB '450[0-9][0-9][0-9]'`).Scan(&max); err != nil {
		return "", sqlError(err, "numérotation des copropriétaires")
	}
	n := 0
	if max.Valid {
		fmt.Sscanf(max.String[3:], "%d", &n)
	}
	if n >= 999 {
		return "", Errorf(Conflict, "Plus aucun compte de copropriétaire libre (450001 à 450999)")
	}
	return fmt.Sprintf("450%03d", n+1), nil
}

func (o *Owner) validate() error {
	if err := cleanTexts(
		textField{&o.Account, "compte du copropriétaire", ShortText},
		textField{&o.Name, "nom du copropriétaire", NameText},
		textField{&o.Civility, "civilité du copropriétaire", ShortText},
		textField{&o.Address, "adresse du copropriétaire", AddressText},
		textField{&o.Zip, "code postal du copropriétaire", ShortText},
		textField{&o.City, "ville du copropriétaire", NameText},
		textField{&o.Country, "pays du copropriétaire", NameText},
		textField{&o.Email, "e-mail du copropriétaire", NameText},
		textField{&o.Phone, "téléphone du copropriétaire", ShortText},
		textField{&o.Mobile, "portable du copropriétaire", ShortText},
		textField{&o.BankName, "banque du copropriétaire", NameText},
		textField{&o.Notes, "notes sur le copropriétaire", NotesText},
	); err != nil {
		return err
	}
	o.Name = strings.TrimSpace(o.Name)
	o.Account = strings.TrimSpace(o.Account)
	if o.Name == "" {
		return Errorf(Invalid, "Le nom du copropriétaire est obligatoire")
	}
	if !IsOwnerAccount(o.Account) {
		return Errorf(Invalid, "Le compte du copropriétaire « %s » doit aller de 450001 à 450999", o.Account)
	}
	if !o.ExitDate.IsZero() && !o.EntryDate.IsZero() && o.ExitDate.Before(o.EntryDate) {
		return Errorf(Invalid, "La date de sortie de %s précède sa date d'entrée", o.Name)
	}
	return nil
}

// AddOwner creates an owner and his 450xxx account. An empty Account takes
// the next free number, written back into o.
func (tx *Tx) AddOwner(o *Owner) error {
	if o.Account == "" {
		acc, err := tx.NextOwnerAccount()
		if err != nil {
			return err
		}
		o.Account = acc
	}
	if err := o.validate(); err != nil {
		return err
	}
	var n int
	tx.queryRow(`SELECT count(*) FROM owners WHERE account = ?`, o.Account).Scan(&n)
	if n > 0 {
		return Errorf(Conflict, "Le compte %s est déjà celui d'un autre copropriétaire", o.Account)
	}
	if err := tx.ensureAccount(o.Account, o.Name); err != nil {
		return err
	}
	_, err := tx.exec("création du copropriétaire "+o.Name, `INSERT INTO owners (`+ownerColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, o.args()...)
	return err
}

func (o *Owner) args() []any {
	return []any{o.Account, o.Civility, o.Name, o.Address, o.Zip, o.City, o.Country, o.Email, o.Phone, o.Mobile,
		o.BankName, ISO(o.EntryDate), ISO(o.ExitDate), o.Council, o.Notes, o.VATRegistered, o.Landlord}
}

// UpdateOwner saves an owner's details (not his account number).
func (tx *Tx) UpdateOwner(o Owner) error {
	if err := o.validate(); err != nil {
		return err
	}
	res, err := tx.exec("modification du copropriétaire "+o.Name, `UPDATE owners SET civility = ?, name = ?, address = ?,
		zip = ?, city = ?, country = ?, email = ?, phone = ?, mobile = ?, bank_name = ?, entry_date = ?, exit_date = ?,
		council = ?, notes = ?, vat_registered = ?, landlord = ? WHERE account = ?`, append(o.args()[1:], o.Account)...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le copropriétaire %s n'existe pas", o.Account)
	}
	_, err = tx.exec("modification du copropriétaire", `UPDATE accounts SET label = ? WHERE code = ?`, o.Name, o.Account)
	return err
}

// DeleteOwner removes an owner who never held a lot. His account stays in the
// chart, with any entries on it.
func (tx *Tx) DeleteOwner(account string) error {
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM lot_owners WHERE owner = ?`, account).Scan(&n); err != nil {
		return sqlError(err, "suppression du copropriétaire")
	}
	if n > 0 {
		return Errorf(Conflict, "Le copropriétaire %s possède ou a possédé des lots : il ne peut pas être supprimé (indiquez plutôt sa date de sortie)", account)
	}
	// His payer IBANs (migration 011) go with him.
	if _, err := tx.exec("suppression du copropriétaire", `DELETE FROM owner_ibans WHERE owner = ?`, account); err != nil {
		return err
	}
	res, err := tx.exec("suppression du copropriétaire", `DELETE FROM owners WHERE account = ?`, account)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le copropriétaire %s n'existe pas", account)
	}
	return nil
}
