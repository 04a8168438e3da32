package debits

import (
	"strings"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// MandateForm is the SEPA mandate form of an owner, pre-filled: his
// mandate in force, or, when he has none, the RUM his next mandate will
// get and his IBAN left blank for him to write. The creditor is the
// syndicat with the ICS of its account that collects.
func MandateForm(r *app.Residence, owner string) (reports.MandateForm, error) {
	var m reports.MandateForm
	err := r.View(func(tx *ledger.Tx) error {
		o, err := tx.Owner(owner)
		if err != nil {
			return err
		}
		bank, err := creditorBank(tx, "")
		if err != nil {
			return err
		}
		res, err := tx.Residence()
		if err != nil {
			return err
		}
		m = reports.MandateForm{Residence: res.Name, Creditor: fr.SyndicatName(res.Name), ICS: bank.ICS,
			Address: fr.NonEmpty(res.Address, strings.TrimSpace(res.Zip+" "+res.City)),
			Debtor:  o.DisplayName(), DebtorAdr: fr.NonEmpty(append(strings.Split(o.Address, "\n"), strings.TrimSpace(o.Zip+" "+o.City), o.Country)...),
			Printed: ledger.Now()}
		cur, ok, err := tx.MandateInForce(owner)
		if err != nil {
			return err
		}
		if ok {
			m.RUM, m.IBAN, m.BIC = cur.RUM, fr.IBAN(cur.IBAN), cur.BIC
			return nil
		}
		m.RUM, err = tx.NextRUM(owner)
		return err
	})
	return m, err
}

// WriteMandateForm prints the owner's mandate form at path.
func WriteMandateForm(r *app.Residence, owner, path string) error {
	m, err := MandateForm(r, owner)
	if err != nil {
		return err
	}
	pdf, err := reports.MandatePDF(m)
	if err != nil {
		return ledger.Wrap(ledger.Internal, err, "Le mandat de %s n'a pas pu être mis en page", m.Debtor)
	}
	// The form concerns its owner alone: registered with him.
	return r.WriteDocument(pdf, app.Produced{Path: path, Kind: "mandate", Date: ledger.Date(m.Printed.Year(), m.Printed.Month(), m.Printed.Day()),
		Owners: []string{owner}, Title: app.DocumentTitle("Mandat de prélèvement SEPA "+m.RUM, m.Debtor)})
}
