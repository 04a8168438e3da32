package transfers

import (
	"fmt"
	"sort"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// Transfer is one transfer between two bank accounts of the residence.
type Transfer struct {
	From   string // the account debited at the bank (credited in the books)
	To     string // the account credited at the bank (debited in the books)
	Amount ledger.Amount
	Date   time.Time // execution date, and the entry's date
	Label  string    // the entry's label and the SEPA remittance text
}

// Check says, for each transfer, what forbids it ("" when nothing does),
// in the words the assistant shows on the line: an account that is not a
// bank account of the residence or has no IBAN, both sides the same, an
// amount that is not positive, or more than the issuing account holds at
// the date — counting every transfer of the list issued from it up to
// that date, since the bank refuses the whole file when the account runs
// short.
func Check(r *app.Residence, ts []Transfer) ([]string, error) {
	var out []string
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		out, err = check(tx, ts)
		return err
	})
	return out, err
}

func check(tx *ledger.Tx, ts []Transfer) ([]string, error) {
	banks, err := tx.BankAccounts()
	if err != nil {
		return nil, err
	}
	byCode := map[string]ledger.BankAccount{}
	for _, b := range banks {
		byCode[b.Account] = b
	}
	out := make([]string, len(ts))
	balances := map[string]ledger.Amount{}
	balanceAt := func(code string, d time.Time) (ledger.Amount, error) {
		k := code + " " + ledger.ISO(d)
		if b, ok := balances[k]; ok {
			return b, nil
		}
		b, err := tx.AccountBalanceAt(code, d)
		balances[k] = b
		return b, err
	}
	for i, t := range ts {
		from, okFrom := byCode[t.From]
		to, okTo := byCode[t.To]
		switch {
		case !okFrom:
			out[i] = fmt.Sprintf("le compte %s n'est pas un compte bancaire de la résidence", t.From)
		case !okTo:
			out[i] = fmt.Sprintf("le compte %s n'est pas un compte bancaire de la résidence", t.To)
		case t.From == t.To:
			out[i] = "le compte à débiter et le compte à créditer sont le même"
		case t.Amount <= 0:
			out[i] = "le montant doit être supérieur à zéro"
		case from.IBAN == "":
			out[i] = fmt.Sprintf("le compte %s (%s) n'a pas d'IBAN : renseignez-le dans Paramètres › Comptes bancaires", from.Account, from.Label)
		case to.IBAN == "":
			out[i] = fmt.Sprintf("le compte %s (%s) n'a pas d'IBAN : renseignez-le dans Paramètres › Comptes bancaires", to.Account, to.Label)
		case t.Date.IsZero():
			out[i] = "la date d'exécution manque"
		}
	}
	// What each account issues up to each date, against its balance then.
	order := make([]int, len(ts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ts[order[a]].Date.Before(ts[order[b]].Date) })
	issued := map[string]ledger.Amount{}
	for _, i := range order {
		t := ts[i]
		if out[i] != "" {
			continue
		}
		issued[t.From] += t.Amount
		bal, err := balanceAt(t.From, t.Date)
		if err != nil {
			return nil, err
		}
		switch {
		case t.Amount > bal:
			out[i] = fmt.Sprintf("le montant dépasse le solde du compte %s au %s (%s)", t.From, ledger.FrenchDate(t.Date), fr.Euros(int64(bal)))
		case issued[t.From] > bal:
			out[i] = fmt.Sprintf("les virements depuis le compte %s (%s au total) dépassent son solde au %s (%s)", t.From,
				fr.Euros(int64(issued[t.From])), ledger.FrenchDate(t.Date), fr.Euros(int64(bal)))
		}
	}
	return out, nil
}
