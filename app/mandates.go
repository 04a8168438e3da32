package app

import (
	"time"

	"tantieme/ledger"
)

// AddMandate records a SEPA direct-debit mandate an owner signed (an empty
// RUM is generated, written back into m).
func (r *Residence) AddMandate(m *ledger.Mandate) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.AddMandate(m) })
}

// RevokeMandate ends the owner's mandate in force on day d.
func (r *Residence) RevokeMandate(owner string, d time.Time) (ledger.Mandate, error) {
	var m ledger.Mandate
	err := r.Update(func(tx *ledger.Tx) (err error) { m, err = tx.RevokeMandate(owner, d); return err })
	return m, err
}

// Mandates lists an owner's mandates, the newest first.
func (r *Residence) Mandates(owner string) ([]ledger.Mandate, error) {
	var list []ledger.Mandate
	err := r.View(func(tx *ledger.Tx) (err error) { list, err = tx.Mandates(owner); return err })
	return list, err
}

// NextRUM proposes the RUM of the owner's next mandate.
func (r *Residence) NextRUM(owner string) (string, error) {
	var s string
	err := r.View(func(tx *ledger.Tx) (err error) { s, err = tx.NextRUM(owner); return err })
	return s, err
}
