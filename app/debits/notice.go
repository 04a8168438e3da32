package debits

import (
	"fmt"
	"sort"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// noticeWarnings checks the pre-notification of the batch's calls: the
// owners must have been told the amount and date at least the notice
// period before (14 days by default, Paramètres), by the call notice.
func noticeWarnings(tx *ledger.Tx, b Batch) ([]string, error) {
	days, err := app.DebitNoticeDaysIn(tx)
	if err != nil {
		return nil, err
	}
	seen := map[time.Time]bool{}
	var dues []time.Time
	for _, l := range b.Lines {
		for _, c := range l.Calls {
			if !seen[c.Date] {
				seen[c.Date] = true
				dues = append(dues, c.Date)
			}
		}
	}
	sort.Slice(dues, func(i, j int) bool { return dues[i].Before(dues[j]) })
	var out []string
	for _, due := range dues {
		told, err := app.PrenotifiedIn(tx, due)
		if err != nil {
			return nil, err
		}
		switch {
		case told.IsZero():
			out = append(out, fmt.Sprintf("Échéance du %s : aucun avis d'appel annonçant le prélèvement n'a été produit ; les copropriétaires doivent en être prévenus %d jours avant",
				ledger.FrenchDate(due), days))
		case b.Date.Before(told.AddDate(0, 0, days)):
			out = append(out, fmt.Sprintf("Échéance du %s : les avis ont été produits le %s, moins de %d jours avant le prélèvement du %s (pré-notification SEPA) ; prélevez à partir du %s",
				ledger.FrenchDate(due), ledger.FrenchDate(told), days, ledger.FrenchDate(b.Date), ledger.FrenchDate(told.AddDate(0, 0, days))))
		}
	}
	return out, nil
}
