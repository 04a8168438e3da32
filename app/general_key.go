package app

import "tantieme/ledger"

// GeneralKey is the residence's general key: the votes of the AG and the
// key assumed where none is given (Paramètres › Comptabilité).
func (r *Residence) GeneralKey() (string, error) { return read(r, (*ledger.Tx).GeneralKeyCode) }

// SetGeneralKey chooses the general key among the residence's keys.
func (r *Residence) SetGeneralKey(code string) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.SetGeneralKey(code) })
}
