package app

import "tantieme/ledger"

// DeleteAccount removes an account never used from the chart.
func (r *Residence) DeleteAccount(code string) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteAccount(code) })
}

// JournalList lists the journals, the four standard ones first.
func (r *Residence) JournalList() ([]ledger.Journal, error) { return read(r, (*ledger.Tx).Journals) }

// AddJournal adds a journal of the user's (code 1 to 4 characters).
func (r *Residence) AddJournal(j ledger.Journal) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.AddJournal(j) })
}

// RenameJournal changes a journal's label.
func (r *Residence) RenameJournal(j ledger.Journal) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.RenameJournal(j) })
}

// DeleteJournal removes a journal of the user's without entries.
func (r *Residence) DeleteJournal(code string) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteJournal(code) })
}
