package ledger

import (
	"database/sql"
	"time"
)

// Consent is an owner's agreement to receive notifications by e-mail (loi
// 1965 art. 42-1; décret 1967 art. 64-1 to 64-4): given expressly, with
// its date and the address he gave, withdrawable at any time. Without one
// in force, nothing is e-mailed to him: his documents are printed.
type Consent struct {
	ID      int64
	Owner   string
	Email   string
	Given   time.Time
	Revoked time.Time // zero while in force
}

// InForce says whether the consent was not withdrawn.
func (c Consent) InForce() bool { return c.Revoked.IsZero() }

const consentColumns = `id, owner, email, given_at, revoked_at`

func scanConsent(r interface{ Scan(...any) error }) (Consent, error) {
	var c Consent
	var given, revoked string
	err := r.Scan(&c.ID, &c.Owner, &c.Email, &given, &revoked)
	c.Given, c.Revoked = parseStored(given), parseStored(revoked)
	return c, err
}

// GiveConsent records an owner's consent to electronic notification at the
// address email from day on. A consent already in force is closed the day
// before (a new address is a new consent: the proof says which address he
// agreed to). The address becomes the owner's e-mail too.
func (tx *Tx) GiveConsent(owner, email string, day time.Time) error {
	if err := cleanTexts(textField{&email, "adresse e-mail", NameText}); err != nil {
		return err
	}
	if email == "" {
		return Errorf(Invalid, "L'accord de notification électronique demande l'adresse e-mail que le copropriétaire a donnée")
	}
	if err := CheckEmail(email, "adresse e-mail du copropriétaire"); err != nil {
		return err
	}
	if day.IsZero() {
		return Errorf(Invalid, "Indiquez la date de l'accord du copropriétaire")
	}
	if _, err := tx.Owner(owner); err != nil {
		return err
	}
	if c, ok, err := tx.Consent(owner); err != nil {
		return err
	} else if ok {
		if c.Email == email && !day.Before(c.Given) {
			return nil // the same consent, told again
		}
		if day.Before(c.Given) {
			return Errorf(Invalid, "Un accord du %s est déjà en vigueur : la date d'un nouvel accord ne peut pas le précéder", FrenchDate(c.Given))
		}
		if _, err := tx.exec("enregistrement d'un accord", `UPDATE owner_consents SET revoked_at = ? WHERE id = ?`, ISO(day), c.ID); err != nil {
			return err
		}
	}
	if _, err := tx.exec("enregistrement d'un accord", `INSERT INTO owner_consents (owner, email, given_at) VALUES (?, ?, ?)`, owner, email, ISO(day)); err != nil {
		return err
	}
	_, err := tx.exec("enregistrement d'un accord", `UPDATE owners SET email = ? WHERE account = ?`, email, owner)
	return err
}

// RevokeConsent records that the owner withdrew his consent on day.
func (tx *Tx) RevokeConsent(owner string, day time.Time) error {
	c, ok, err := tx.Consent(owner)
	if err != nil {
		return err
	}
	if !ok {
		return Errorf(NotFound, "Le copropriétaire %s n'a pas d'accord de notification électronique en vigueur", owner)
	}
	if day.Before(c.Given) {
		return Errorf(Invalid, "L'accord date du %s : il ne peut pas être retiré avant", FrenchDate(c.Given))
	}
	_, err = tx.exec("retrait d'un accord", `UPDATE owner_consents SET revoked_at = ? WHERE id = ?`, ISO(day), c.ID)
	return err
}

// Consent is the owner's consent in force, if any.
func (tx *Tx) Consent(owner string) (Consent, bool, error) {
	c, err := scanConsent(tx.queryRow(`SELECT `+consentColumns+` FROM owner_consents WHERE owner = ? AND revoked_at = ''`, owner))
	if err == sql.ErrNoRows {
		return Consent{}, false, nil
	}
	if err != nil {
		return c, false, sqlError(err, "lecture des accords de notification électronique")
	}
	return c, true, nil
}

// Consents are the consents in force, by owner.
func (tx *Tx) Consents() (map[string]Consent, error) {
	cs, err := collect(tx, "lecture des accords de notification électronique", `SELECT `+consentColumns+` FROM owner_consents WHERE revoked_at = ''`, nil,
		func(r *sql.Rows) (Consent, error) { return scanConsent(r) })
	if err != nil {
		return nil, err
	}
	out := make(map[string]Consent, len(cs))
	for _, c := range cs {
		out[c.Owner] = c
	}
	return out, nil
}

// ConsentHistory is every consent the owner gave, oldest first.
func (tx *Tx) ConsentHistory(owner string) ([]Consent, error) {
	return collect(tx, "lecture des accords de notification électronique", `SELECT `+consentColumns+` FROM owner_consents WHERE owner = ? ORDER BY given_at, id`, []any{owner},
		func(r *sql.Rows) (Consent, error) { return scanConsent(r) })
}
