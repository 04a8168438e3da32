package app

import (
	"time"

	"tantieme/ledger"
)

// GiveConsent records an owner's consent to electronic notification at
// address email from day on (loi 1965 art. 42-1).
func (r *Residence) GiveConsent(owner, email string, day time.Time) error {
	return r.db.Update(func(tx *ledger.Tx) error { return tx.GiveConsent(owner, email, day) })
}

// RevokeConsent records that the owner withdrew his consent on day.
func (r *Residence) RevokeConsent(owner string, day time.Time) error {
	return r.db.Update(func(tx *ledger.Tx) error { return tx.RevokeConsent(owner, day) })
}

// Consent is the owner's consent in force, if any.
func (r *Residence) Consent(owner string) (ledger.Consent, bool, error) {
	var c ledger.Consent
	var ok bool
	err := r.db.View(func(tx *ledger.Tx) error {
		var err error
		c, ok, err = tx.Consent(owner)
		return err
	})
	return c, ok, err
}

// ConsentHistory is every consent the owner gave, oldest first.
func (r *Residence) ConsentHistory(owner string) ([]ledger.Consent, error) {
	return read(r, func(tx *ledger.Tx) ([]ledger.Consent, error) { return tx.ConsentHistory(owner) })
}
