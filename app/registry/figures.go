package registry

import (
	"strings"
	"time"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/ledger"
)

// DebtorThreshold is the balance above which an owner counts among the
// « copropriétaires débiteurs de plus de 300 € » of the fiche and the
// register (décret n° 2016-1822; CCH R.711-3).
var DebtorThreshold = ledger.MustAmount("300.00")

// Figures are what the books of one exercise say for the fiche and the
// register: the closing's annexes (décret n° 2005-240) read at the end of
// the exercise, the lots and the owners on its last day.
type Figures struct {
	Exercise    ledger.Exercise
	Provisional bool // the exercise is not closed: the annexes' projection of its closing
	// Budget is the charges of the budget voted for the exercise (annexe
	// 3, column « budget voté ») and BudgetMissing says none was entered.
	Budget        ledger.Amount
	BudgetMissing bool
	// CurrentCharges are the charges for current operations (annexe 3,
	// « réalisé »); OtherCharges those of the works of loi art. 14-2 and
	// the exceptional operations outside the budget (annexe 4, dépenses).
	CurrentCharges ledger.Amount
	OtherCharges   ledger.Amount
	// Unpaid is the sum the owners still owe: the sum of their debit
	// balances after the distribution (annexe 1's list of owners, each
	// with his doubtful debt on 459 if any), and Debtors the number of
	// owners owing more than DebtorThreshold.
	Unpaid  ledger.Amount
	Debtors int
	// Suppliers is what the syndicat owes its suppliers: the credit
	// balances of the 401 accounts, each by its own sign (as annexe 1
	// classifies them).
	Suppliers ledger.Amount
	// WorksFund is the fonds de travaux (loi art. 14-2): the credit balance
	// of the 105 accounts at the end of the exercise.
	WorksFund ledger.Amount
	// Lots are counted on the exercise's last day: MainLots for housing,
	// offices and shops, OtherLots the rest (cellars, parkings…).
	Lots, MainLots, OtherLots int
	// Buildings counted from the lots' building (0: none given).
	Buildings int
	Owners    int // owners holding a lot on the exercise's last day
	// Fingerprint of the books the figures come from (closing.AnnexesData).
	Fingerprint string
}

// Charges is the exercise's total of charges: current operations, works
// and exceptional operations.
func (f Figures) Charges() ledger.Amount { return f.CurrentCharges + f.OtherCharges }

// figures reads the figures of exercise ex.
func figures(r *app.Residence, ex ledger.Exercise) (Figures, error) {
	f := Figures{Exercise: ex}
	d, err := closing.Annexes(r, ex)
	if err != nil {
		return f, err
	}
	f.Provisional = d.Provisional
	f.Fingerprint = d.Fingerprint
	f.Budget = d.A3.ChargesTotal[closing.ColBudget]
	f.BudgetMissing = d.Columns[closing.ColBudget].Missing
	f.CurrentCharges = d.A3.ChargesTotal[closing.ColActual]
	f.OtherCharges = d.A4.Total.Spent
	owes := map[string]ledger.Amount{} // per owner, after the distribution
	for _, o := range d.A1.Owners {
		owes[o.Account] += o.After
	}
	// 401 and 105 from the books: the distribution touches neither, so a
	// projection (Provisional) reads them as the closing will leave them.
	err = r.View(func(tx *ledger.Tx) error {
		tb, err := tx.TrialBalanceOf(ex)
		if err != nil {
			return err
		}
		for _, b := range tb {
			switch {
			case ledger.IsSupplierAccount(b.Account) && b.Balance() < 0:
				f.Suppliers += -b.Balance()
			case ledger.IsWorksFund(b.Account):
				f.WorksFund += -b.Balance()
			default:
				// A doubtful debt (459 and the owner's number, ledger.
				// DoubtfulAccount) is still his to pay: counted with his
				// 450, so that an owner put on notice is not left out.
				if owner, ok := ledger.DoubtfulOwner(b.Account); ok {
					owes[owner] += b.Balance()
				}
			}
		}
		return countLots(tx, ex.End, &f)
	})
	for _, a := range owes {
		if a > 0 {
			f.Unpaid += a
		}
		if a > DebtorThreshold {
			f.Debtors++
		}
	}
	return f, err
}

// countLots counts the lots, their kinds, the buildings and the owners on
// day.
func countLots(tx *ledger.Tx, day time.Time, f *Figures) error {
	lots, err := tx.Lots()
	if err != nil {
		return err
	}
	owners, err := tx.OwnersAt(day)
	if err != nil {
		return err
	}
	buildings := map[string]bool{}
	holders := map[string]bool{}
	for _, l := range lots {
		f.Lots++
		if MainLot(l) {
			f.MainLots++
		} else {
			f.OtherLots++
		}
		if b := strings.ToUpper(strings.TrimSpace(l.Building)); b != "" {
			buildings[b] = true
		}
		if o := owners[l.Number]; o != "" {
			holders[o] = true
		}
	}
	f.Buildings, f.Owners = len(buildings), len(holders)
	return nil
}

// mainWords name the lots the décret n° 2016-1822 counts as « à usage
// d'habitation, de bureaux ou de commerces », found in a lot's type or
// label; every other lot (cellar, parking, garage, storeroom) is counted
// apart.
var mainWords = []string{"appartement", "logement", "habitation", "studio", "maison", "pavillon", "duplex", "chambre",
	"commerc", "boutique", "magasin", "bureau", "cabinet", "local professionnel", "atelier"}

// MainLot says whether a lot is for housing, offices or shops.
func MainLot(l ledger.Lot) bool {
	text := strings.ToLower(l.Type + " " + l.Label)
	for _, w := range mainWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}
