package transfers

import (
	"fmt"
	"sort"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// Mode is how the amount to move is worked out (seed 001, « Mode de
// calcul »).
type Mode int

const (
	// ByFundBalance: the fund's balance (credit side) minus what the
	// savings account holds — « selon le solde de l'avance ».
	ByFundBalance Mode = iota
	// ByPaid: what owners have actually paid of the fund — its balance
	// minus what they still owe of the calls credited to it — minus what
	// the savings account holds — « selon le montant réglé »: money not
	// received cannot be moved.
	ByPaid
)

// Category filters the funds (seed 001, « Catégorie »).
type Category int

const (
	WorksFunds Category = iota // the works fund only: the seed's default
	Advances                   // the advances (103…) only
	AllFunds                   // every savings account
)

// Filter is the seed's selection criteria.
type Filter struct {
	Category     Category
	PositiveOnly bool // only the lines moving money to the savings account
}

// Proposal is one line of the assistant: a savings account, the fund it
// holds, the current account it pairs with, and the transfer proposed.
type Proposal struct {
	Savings   ledger.BankAccount
	Current   ledger.BankAccount // the residence's first current account
	FundLabel string
	// FundBalance is the fund's balance, credit side; Unpaid what owners
	// still owe of the calls credited to it (ByPaid only).
	FundBalance    ledger.Amount
	Unpaid         ledger.Amount
	SavingsBalance ledger.Amount
	// Proposed is the amount the mode gives, signed: positive moves money
	// from the current account to the savings account.
	Proposed ledger.Amount
	// Transfer is the proposal as a transfer: direction by Proposed's sign,
	// amount positive.
	Transfer Transfer
	// Problem is what forbids the transfer ("" when nothing does).
	Problem string
}

// Proposals lists, for each savings account, the transfer the mode
// proposes at date: the works-fund accounts first, then by account.
func Proposals(r *app.Residence, mode Mode, date time.Time, f Filter) ([]Proposal, error) {
	var out []Proposal
	err := r.View(func(tx *ledger.Tx) error {
		banks, err := tx.BankAccounts()
		if err != nil {
			return err
		}
		var current *ledger.BankAccount
		for i := range banks {
			if ledger.IsCurrentBankAccount(banks[i].Account) && current == nil {
				current = &banks[i]
			}
		}
		var unpaid map[string]ledger.Amount
		if mode == ByPaid {
			if unpaid, err = unpaidByAccount(tx, date); err != nil {
				return err
			}
		}
		var ts []Transfer
		for _, b := range banks {
			if !b.Savings || !keep(f.Category, b.Fund) {
				continue
			}
			p := Proposal{Savings: b}
			if current != nil {
				p.Current = *current
			}
			if p.SavingsBalance, err = tx.AccountBalanceAt(b.Account, date); err != nil {
				return err
			}
			if b.Fund != "" {
				a, err := tx.Account(b.Fund)
				if err != nil {
					return err
				}
				p.FundLabel = a.Label
				bal, err := tx.AccountBalanceAt(b.Fund, date)
				if err != nil {
					return err
				}
				p.FundBalance = -bal
				p.Unpaid = unpaid[b.Fund]
				p.Proposed = p.FundBalance - p.Unpaid - p.SavingsBalance
			}
			if f.PositiveOnly && p.Proposed <= 0 {
				continue
			}
			p.Transfer = Transfer{From: p.Current.Account, To: b.Account, Amount: p.Proposed, Date: date}
			if p.Proposed < 0 {
				p.Transfer.From, p.Transfer.To, p.Transfer.Amount = b.Account, p.Current.Account, -p.Proposed
			}
			p.Transfer.Label = DefaultLabel(p.FundLabel, p.Transfer.To == b.Account)
			out = append(out, p)
			ts = append(ts, p.Transfer)
		}
		sort.SliceStable(out, func(i, j int) bool {
			wi, wj := ledger.IsWorksFund(out[i].Savings.Fund), ledger.IsWorksFund(out[j].Savings.Fund)
			if wi != wj {
				return wi
			}
			return out[i].Savings.Account < out[j].Savings.Account
		})
		ts = ts[:0]
		for _, p := range out {
			ts = append(ts, p.Transfer)
		}
		problems, err := check(tx, ts)
		if err != nil {
			return err
		}
		for i := range out {
			switch {
			case out[i].Savings.Fund == "":
				out[i].Problem = "aucun fonds n'est placé sur ce livret : choisissez-le dans Paramètres › Comptes bancaires"
			case out[i].Current.Account == "":
				out[i].Problem = "la résidence n'a pas de compte courant (512…)"
			default:
				out[i].Problem = problems[i]
			}
		}
		return nil
	})
	return out, err
}

// keep says whether the category shows a savings account holding fund.
func keep(c Category, fund string) bool {
	switch c {
	case WorksFunds:
		return ledger.IsWorksFund(fund)
	case Advances:
		return ledger.IsAdvance(fund)
	}
	return true
}

// DefaultLabel is what a transfer's entry and the bank statements read.
func DefaultLabel(fund string, toSavings bool) string {
	if fund == "" {
		fund = "Fonds"
	}
	if toSavings {
		return fmt.Sprintf("Virement au livret : %s", fund)
	}
	return fmt.Sprintf("Virement du livret : %s", fund)
}

// unpaidByAccount is what owners still owe at date of the calls credited
// to each account. A payment settles the oldest calls first (DOMAIN.md
// §5, ledger.CoverOldestFirst), so what an owner owes is his newest
// calls: his balance is spread over his calls due by date, newest first.
// What he owes beyond his calls (a fee, an old debt carried over) is
// owed on none of them.
func unpaidByAccount(tx *ledger.Tx, date time.Time) (map[string]ledger.Amount, error) {
	owes, err := tx.OwnerBalances(date)
	if err != nil {
		return nil, err
	}
	calls, err := tx.Calls(ledger.CallFilter{Live: true})
	if err != nil {
		return nil, err
	}
	var ids []int64
	account := map[int64]string{}
	for _, c := range calls {
		if !c.Due.After(date) {
			ids = append(ids, c.ID)
			account[c.ID] = c.Account
		}
	}
	parts, err := tx.CallParts(ids...)
	if err != nil {
		return nil, err
	}
	out := map[string]ledger.Amount{}
	left := map[string]ledger.Amount{}
	for o, b := range owes {
		if b > 0 {
			left[o] = b
		}
	}
	// calls are by due date then id: walk them backwards, newest first.
	for i := len(calls) - 1; i >= 0; i-- {
		c := calls[i]
		if _, ok := account[c.ID]; !ok {
			continue
		}
		owed := map[string]ledger.Amount{}
		for _, p := range parts[c.ID] {
			owed[p.Owner] += p.Amount
		}
		for o, a := range owed {
			if left[o] <= 0 || a <= 0 {
				continue
			}
			got := min(a, left[o])
			left[o] -= got
			out[c.Account] += got
		}
	}
	return out, nil
}
