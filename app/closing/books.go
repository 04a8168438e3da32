package closing

import (
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// What a closing and its annexes read of the books: the balances per
// account and key (bookView), what each account is to the closing
// (accountRole), the owners of each lot on a day, and the provisions per
// owner and key.

// acctKey is an account on a key ("" for lines without one).
type acctKey struct{ account, key string }

// bookView holds balances (debit − credit) per account and key over a
// period, so that a closing or annexes can add the entries they would post.
type bookView map[acctKey]ledger.Amount

func loadView(tx *ledger.Tx, from, to time.Time) (bookView, error) {
	trial, err := tx.TrialBalance(from, to)
	if err != nil {
		return nil, err
	}
	byKey, err := tx.BalanceByKey(from, to)
	if err != nil {
		return nil, err
	}
	v := bookView{}
	keyed := map[string]ledger.Amount{}
	for _, b := range byKey {
		if a := b.Balance(); a != 0 {
			v[acctKey{b.Account, b.Key}] += a
		}
		keyed[b.Account] += b.Balance()
	}
	for _, b := range trial {
		if a := b.Balance() - keyed[b.Account]; a != 0 {
			v[acctKey{b.Account, ""}] += a
		}
	}
	return v, nil
}

func (v bookView) apply(lines []ledger.Line, sign ledger.Amount) {
	for _, l := range lines {
		k := acctKey{l.Account, l.Key}
		v[k] += sign * (l.Debit - l.Credit)
		if v[k] == 0 {
			delete(v, k)
		}
	}
}

func (v bookView) clone() bookView {
	out := make(bookView, len(v))
	for k, a := range v {
		out[k] = a
	}
	return out
}

// sorted lists the view's accounts and keys in order, those matching keep.
func (v bookView) sorted(keep func(acctKey) bool) []acctKey {
	var out []acctKey
	for k, a := range v {
		if a != 0 && (keep == nil || keep(k)) {
			out = append(out, k)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].account != out[j].account {
			return out[i].account < out[j].account
		}
		return out[i].key < out[j].key
	})
	return out
}

// account is an account's balance over every key.
func (v bookView) account(code string) ledger.Amount {
	var t ledger.Amount
	for k, a := range v {
		if k.account == code {
			t += a
		}
	}
	return t
}

// accountClass names what a class-6 or class-7 account is in a closing.
type accountRole int

const (
	roleOther        accountRole = iota // classes 1 to 5
	roleCharge                          // current charge
	roleIncome                          // current income
	roleProvision                       // 701: provisions of current operations
	roleExcCharge                       // 67x outside any campaign
	roleExcIncome                       // 70x (but 701) outside any campaign
	roleWorks                           // an account of a works campaign
	roleWorksReserve                    // 102xxx of a campaign
	roleWorksPending                    // 120xxx of a campaign
)

// books is what a closing and the annexes read about the residence.
type books struct {
	accounts  map[string]string // labels
	keys      map[string]ledger.Key
	keyTotals map[string]ledger.KeyTotal
	works     map[string]*ledger.Works
	workList  []ledger.Works
	owners    map[string]ledger.Owner
	shares    map[string]map[string]decimal.Decimal // key → lot → shares
}

func loadBooks(tx *ledger.Tx) (*books, error) {
	b := &books{accounts: map[string]string{}, keys: map[string]ledger.Key{}, keyTotals: map[string]ledger.KeyTotal{},
		works: map[string]*ledger.Works{}, owners: map[string]ledger.Owner{}, shares: map[string]map[string]decimal.Decimal{}}
	accounts, err := tx.Accounts()
	if err != nil {
		return nil, err
	}
	for _, a := range accounts {
		b.accounts[a.Code] = a.Label
	}
	totals, err := tx.KeyTotals()
	if err != nil {
		return nil, err
	}
	for _, k := range totals {
		b.keys[k.Code] = k.Key
		b.keyTotals[k.Code] = k
	}
	if b.workList, err = tx.WorksList(); err != nil {
		return nil, err
	}
	for i := range b.workList {
		b.works[b.workList[i].Code] = &b.workList[i]
	}
	owners, err := tx.Owners()
	if err != nil {
		return nil, err
	}
	for _, o := range owners {
		b.owners[o.Account] = o
	}
	shares, err := tx.Shares()
	if err != nil {
		return nil, err
	}
	for _, s := range shares {
		if b.shares[s.Key] == nil {
			b.shares[s.Key] = map[string]decimal.Decimal{}
		}
		b.shares[s.Key][s.Lot] = s.Shares
	}
	return b, nil
}

// campaign is the works campaign an account belongs to: its last three
// characters are the campaign's code (102ETU, 671ETU…), "" otherwise.
func (b *books) campaign(code string) string {
	if len(code) != 6 {
		return ""
	}
	if _, ok := b.works[code[3:]]; ok {
		return code[3:]
	}
	return ""
}

func (b *books) role(code string) accountRole {
	switch ledger.AccountClass(code) {
	case 6:
		switch {
		case b.campaign(code) != "":
			return roleWorks
		case ledger.IsExceptionalCharge(code):
			return roleExcCharge
		}
		return roleCharge
	case 7:
		switch {
		case b.campaign(code) != "":
			return roleWorks
		case ledger.IsBudgetProvision(code):
			return roleProvision
		case ledger.IsCalledProvision(code):
			return roleExcIncome
		}
		return roleIncome
	case 1:
		if b.campaign(code) != "" {
			switch code[:3] {
			case "102":
				return roleWorksReserve
			case "120":
				return roleWorksPending
			}
		}
	}
	return roleOther
}

func (b *books) keyLabel(k string) string {
	if k == "" {
		return "sans clé"
	}
	if key, ok := b.keys[k]; ok {
		return key.Label
	}
	return k
}

func (b *books) ownerName(account string) string {
	if o, ok := b.owners[account]; ok {
		return o.DisplayName()
	}
	return account
}

// sectionLabel names a section for statements and screens.
func (b *books) sectionLabel(code string) string {
	switch code {
	case CurrentSection:
		return "Charges courantes (budget prévisionnel)"
	case ExceptionalSection:
		return "Opérations exceptionnelles hors campagne de travaux"
	}
	if w, ok := b.works[code]; ok {
		return "Travaux " + w.Code + " – " + w.Label
	}
	return "Travaux " + code
}

// worksFinishedIn says whether a campaign is distributed at the closing of
// ex: marked finished, and ended by ex's last day.
func worksFinishedIn(w ledger.Works, ex ledger.Exercise) bool {
	return w.Finished && (w.End.IsZero() || !w.End.After(ex.End))
}

// lotIndex knows who owned which lot when.
type lotIndex struct {
	tx     *ledger.Tx
	byDate map[time.Time]map[string][]string // day → owner → lots
	lotAt  map[time.Time]map[string]string   // day → lot → owner
}

func (li *lotIndex) at(d time.Time) (map[string]string, map[string][]string, error) {
	if m, ok := li.lotAt[d]; ok {
		return m, li.byDate[d], nil
	}
	m, err := li.tx.OwnersAt(d)
	if err != nil {
		return nil, nil, err
	}
	by := map[string][]string{}
	for lot, o := range m {
		by[o] = append(by[o], lot)
	}
	for _, lots := range by {
		ledger.SortLots(lots)
	}
	li.lotAt[d], li.byDate[d] = m, by
	return m, by, nil
}

// provisionBook gathers a section's provisions per owner and key: called
// from him, and moved between sellers and buyers.
type provisionBook struct {
	called    map[string]map[string]ledger.Amount
	moved     map[string]map[string]ledger.Amount
	transfers map[[2]string]*SaleTransfer // (from, to) → lots and amount, from the buyer's side
	total     ledger.Amount
}

func newProvisionBook() *provisionBook {
	return &provisionBook{called: map[string]map[string]ledger.Amount{}, moved: map[string]map[string]ledger.Amount{},
		transfers: map[[2]string]*SaleTransfer{}}
}

func addTo(m map[string]map[string]ledger.Amount, owner, key string, a ledger.Amount) {
	if m[owner] == nil {
		m[owner] = map[string]ledger.Amount{}
	}
	m[owner][key] += a
}
