package app

import (
	"strings"

	"tantieme/ledger"
)

// AccountKind says where an account of the chart comes from, and so where
// it is changed.
type AccountKind int

const (
	AccountOfficial AccountKind = iota // a number of the arrêté's chart
	AccountSub                         // a sub-account the syndic added
	AccountOwner                       // a copropriétaire's 450xxx, kept with his details
	AccountSupplier                    // a fournisseur's 401xxx, kept with his details
	AccountBank                        // a bank account of the residence
)

// ChartAccount is an account of the residence's chart with its kind and the
// official account it subdivides.
type ChartAccount struct {
	ledger.Account
	Kind   AccountKind
	Parent ledger.ChartEntry // the official account it belongs to (itself when official)
}

// Chart lists the residence's accounts, in code order.
func (r *Residence) Chart() ([]ChartAccount, error) {
	var out []ChartAccount
	err := r.View(func(tx *ledger.Tx) error {
		accounts, err := tx.Accounts()
		if err != nil {
			return err
		}
		kinds := map[string]AccountKind{}
		owners, err := tx.Owners()
		if err != nil {
			return err
		}
		for _, o := range owners {
			kinds[o.Account] = AccountOwner
		}
		suppliers, err := tx.Suppliers()
		if err != nil {
			return err
		}
		for _, s := range suppliers {
			kinds[s.Account] = AccountSupplier
		}
		banks, err := tx.BankAccounts()
		if err != nil {
			return err
		}
		for _, b := range banks {
			kinds[b.Account] = AccountBank
		}
		official := map[string]bool{}
		for _, c := range ledger.OfficialChart() {
			official[c.Code] = true
		}
		for _, a := range accounts {
			ca := ChartAccount{Account: a, Kind: AccountSub}
			ca.Parent, _ = OfficialParent(a.Code)
			if k, ok := kinds[a.Code]; ok {
				ca.Kind = k
			} else if official[a.Code] {
				ca.Kind = AccountOfficial
			}
			out = append(out, ca)
		}
		return nil
	})
	return out, err
}

// OfficialParent is the official account code belongs to: the longest
// number of the arrêté's chart that code starts with.
func OfficialParent(code string) (ledger.ChartEntry, bool) {
	if ledger.InOwnersRange(code) {
		// Owners' accounts are not in the chart file (see chart_fr.txt).
		return ledger.ChartEntry{Number: "450", Code: "450000", Label: "Copropriétaire individualisé"}, true
	}
	var best ledger.ChartEntry
	score := 0
	for _, c := range ledger.OfficialChart() {
		// "120" also covers "12xxxx" (the arrêté's 12), but "121" is a
		// better match for 121000 than "12": whole numbers first.
		s := 0
		if strings.HasPrefix(code, c.Number) {
			s = 2*len(c.Number) + 1
		} else if n := strings.TrimRight(c.Number, "0"); n != "" && strings.HasPrefix(code, n) {
			s = 2 * len(n)
		}
		if s > score {
			best, score = c, s
		}
	}
	return best, score > 0
}
