package app

import (
	"strings"

	"tantieme/ledger"
)

// PublishSettings are the options of « Publier… » kept in the residence
// (seed 000's extranet settings that make sense without a server), so the
// window and the CLI publish alike on any computer.
type PublishSettings struct {
	// Folder is the folder published to last (a USB stick, the council's
	// shared drive): the window proposes it again.
	Folder string
	// NoBankDetails: « Ne pas publier les coordonnées bancaires de la
	// résidence ». Off, a one-page « Coordonnées de la résidence » (the
	// syndic's contact, the accounts to pay into) goes to every owner.
	NoBankDetails bool
	// Expenses: « Publier la liste des dépenses » to every owner; the
	// council gets it always (it controls the accounts, loi du 10 juillet
	// 1965 art. 21).
	Expenses bool
	// WorksFund: « Montrer les comptes du fonds de travaux (102/105) dans
	// les documents des copropriétaires »: each owner's statement says what
	// was called from him for the works fund and the works voted.
	WorksFund bool
}

const (
	optPublishFolder        = "publish.folder"
	optPublishNoBankDetails = "publish.no_bank_details"
	optPublishExpenses      = "publish.expenses"
	optPublishWorksFund     = "publish.works_fund"
)

// PublishSettings reads the publication's options; unset, nothing optional
// is published and the bank details are.
func (r *Residence) PublishSettings() (PublishSettings, error) {
	var s PublishSettings
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		s, err = publishSettings(tx)
		return err
	})
	return s, err
}

func publishSettings(tx *ledger.Tx) (PublishSettings, error) {
	var s PublishSettings
	var err error
	if s.Folder, err = tx.Option(optPublishFolder, ""); err != nil {
		return s, err
	}
	for _, o := range []struct {
		name string
		v    *bool
	}{{optPublishNoBankDetails, &s.NoBankDetails}, {optPublishExpenses, &s.Expenses}, {optPublishWorksFund, &s.WorksFund}} {
		v, err := tx.Option(o.name, "0")
		if err != nil {
			return s, err
		}
		*o.v = v == "1"
	}
	return s, nil
}

// SetPublishSettings records the publication's options.
func (r *Residence) SetPublishSettings(s PublishSettings) error {
	return r.Update(func(tx *ledger.Tx) error {
		if err := tx.SetOption(optPublishFolder, strings.TrimSpace(s.Folder)); err != nil {
			return err
		}
		for name, v := range map[string]bool{optPublishNoBankDetails: s.NoBankDetails, optPublishExpenses: s.Expenses, optPublishWorksFund: s.WorksFund} {
			text := "0"
			if v {
				text = "1"
			}
			if err := tx.SetOption(name, text); err != nil {
				return err
			}
		}
		return nil
	})
}

// CouncilPresident is the president of the conseil syndical at day, ""
// when none is named (or the one named is no longer a member).
func (r *Residence) CouncilPresident() (string, error) {
	var acc string
	err := r.View(func(tx *ledger.Tx) (err error) { acc, err = tx.CouncilPresident(ledger.Today()); return })
	return acc, err
}

// SetCouncilPresident names the council's president, one of its members;
// "" names none. His space gets what the binders give the president.
func (r *Residence) SetCouncilPresident(account string) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.SetCouncilPresident(account) })
}
