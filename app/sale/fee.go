package sale

import (
	"strings"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// FeeCeiling is the legal ceiling of the syndic's fee for an état daté:
// 380 € TTC per sale, whatever the number of lots (décret n° 2020-153 du
// 21 février 2020, art. 1, under loi 1965 art. 10-1).
const FeeCeiling ledger.Amount = 38000

// FeeAccount is where the fee is taken from: the syndic's « prestations
// particulières » the syndicat pays, charged back to the seller alone.
const FeeAccount = "622200"

// FeeOrigin marks the fee's entry.
const FeeOrigin = "sale:fee"

// CheckFee refuses a negative fee or one above the ceiling.
func CheckFee(fee ledger.Amount) error {
	switch {
	case fee < 0:
		return ledger.Errorf(ledger.Invalid, "Les honoraires de l'état daté ne peuvent pas être négatifs")
	case fee > FeeCeiling:
		return ledger.Errorf(ledger.Invalid, "Les honoraires de l'état daté (%s) dépassent le plafond légal de %s TTC par vente, quel que soit le nombre de lots (décret n° 2020-153 du 21 février 2020, art. 1)",
			fee.String(), FeeCeiling.String())
	}
	return nil
}

// ChargeFee charges the état daté's fee to the seller of lots on day at,
// in one transaction (loi 1965 art. 10-1 b: the fee is the seller's
// alone): his account is debited, the syndic's fees account credited on
// the general key, so the other owners bear nothing of it. The same sibling
// of app.ChargeRecoveryCost, without its mise en demeure.
func ChargeFee(r *app.Residence, lots []string, at time.Time, fee ledger.Amount) (ledger.Entry, error) {
	var e ledger.Entry
	if err := CheckFee(fee); err != nil {
		return e, err
	}
	if fee == 0 {
		return e, ledger.Errorf(ledger.Invalid, "Indiquez le montant des honoraires de l'état daté à imputer au vendeur")
	}
	if at.IsZero() {
		return e, ledger.Errorf(ledger.Invalid, "Indiquez la date de l'état daté")
	}
	lots, err := cleanLots(lots)
	if err != nil {
		return e, err
	}
	err = r.Update(func(tx *ledger.Tx) error {
		var d EtatDate
		d.At = at
		if err := d.readHead(tx, lots); err != nil {
			return err
		}
		if d.Exercise.Closed {
			return ledger.Errorf(ledger.Locked, "L'exercice %s est clos : datez les honoraires dans un exercice ouvert", d.Exercise.Name())
		}
		label := "Honoraires de l'état daté (lot"
		if len(lots) > 1 {
			label += "s"
		}
		label += " " + strings.Join(lots, ", ") + ")"
		e = ledger.Entry{Journal: ledger.JournalMisc, Date: at, Label: label, Origin: FeeOrigin,
			Lines: []ledger.Line{{Account: d.Seller.Account, Label: label, Debit: fee},
				{Account: FeeAccount, Key: d.Key.Code, Label: label + " – " + d.Seller.DisplayName(), Credit: fee}}}
		return tx.PostEntry(&e)
	})
	return e, err
}
