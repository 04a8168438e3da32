package app

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// BudgetRow is one account on one key: the budgets of N, N+1 and N+2 and
// the actual (réalisé) of N and N-1. Charges and income are both positive;
// a key's total row nets them (charges − income).
type BudgetRow struct {
	Key          string
	Account      string
	AccountLabel string
	Income       bool             // a class-7 account: income that reduces what is called
	Budget       [3]ledger.Amount // N, N+1, N+2
	Actual       ledger.Amount    // N, before the year-end distribution
	PrevActual   ledger.Amount    // N-1, likewise
}

// BudgetKey groups the rows of one key, with their net total.
type BudgetKey struct {
	Key   string
	Label string
	Rows  []BudgetRow
	Total BudgetRow // charges − income
}

// BudgetView is what the budget screen shows for exercise N: per key, the
// budgets of N, N+1, N+2 beside the actual of N and N-1, and the works fund
// of each year.
type BudgetView struct {
	Exercises [3]ledger.Exercise // N, N+1, N+2 (zero when the residence has no such exercise)
	Previous  ledger.Exercise    // N-1 (zero when none)
	Keys      []BudgetKey
	Total     BudgetRow
	Fund      [3]ledger.WorksFund // the works fund of N, N+1, N+2 (zero amount when none)
}

// BudgetView gathers the budget screen of the exercise starting in year.
func (r *Residence) BudgetView(year int) (BudgetView, error) {
	var v BudgetView
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		v, err = budgetView(tx, year)
		return err
	})
	return v, err
}

func budgetView(tx *ledger.Tx, year int) (BudgetView, error) {
	var v BudgetView
	exs, err := tx.Exercises()
	if err != nil {
		return v, err
	}
	found := false
	for _, e := range exs {
		switch e.Year() {
		case year - 1:
			v.Previous = e
		case year, year + 1, year + 2:
			v.Exercises[e.Year()-year] = e
			found = found || e.Year() == year
		}
	}
	if !found {
		return v, ledger.Errorf(ledger.NotFound, "Aucun exercice ne commence en %d", year)
	}
	accounts, err := tx.Accounts()
	if err != nil {
		return v, err
	}
	labels := map[string]string{}
	for _, a := range accounts {
		labels[a.Code] = a.Label
	}
	keys, err := tx.Keys()
	if err != nil {
		return v, err
	}
	keyLabels := map[string]string{}
	for _, k := range keys {
		keyLabels[k.Code] = k.Label
	}
	rows := map[[2]string]*BudgetRow{}
	row := func(key, account string) *BudgetRow {
		k := [2]string{key, account}
		if rows[k] == nil {
			rows[k] = &BudgetRow{Key: key, Account: account, AccountLabel: labels[account], Income: ledger.AccountClass(account) == 7}
		}
		return rows[k]
	}
	for i, e := range v.Exercises {
		if e.ID == 0 {
			continue
		}
		lines, err := tx.Budget(e.ID)
		if err != nil {
			return v, err
		}
		for _, b := range lines {
			row(b.Key, b.Account).Budget[i] = b.Amount
		}
		f, ok, err := tx.WorksFund(e.ID)
		if err != nil {
			return v, err
		}
		if ok {
			v.Fund[i] = f
		}
	}
	for _, x := range []struct {
		e   ledger.Exercise
		set func(*BudgetRow, ledger.Amount)
	}{
		{v.Exercises[0], func(r *BudgetRow, a ledger.Amount) { r.Actual = a }},
		{v.Previous, func(r *BudgetRow, a ledger.Amount) { r.PrevActual = a }},
	} {
		if x.e.ID == 0 {
			continue
		}
		actual, err := actualByKey(tx, x.e)
		if err != nil {
			return v, err
		}
		for k, a := range actual {
			x.set(row(k[0], k[1]), a)
		}
	}
	byKey := map[string]*BudgetKey{}
	for _, r := range rows {
		bk := byKey[r.Key]
		if bk == nil {
			bk = &BudgetKey{Key: r.Key, Label: keyLabels[r.Key], Total: BudgetRow{Key: r.Key}}
			byKey[r.Key] = bk
		}
		bk.Rows = append(bk.Rows, *r)
		addNet(&bk.Total, *r)
		addNet(&v.Total, *r)
	}
	for _, bk := range byKey {
		sort.Slice(bk.Rows, func(i, j int) bool { return bk.Rows[i].Account < bk.Rows[j].Account })
		v.Keys = append(v.Keys, *bk)
	}
	sort.Slice(v.Keys, func(i, j int) bool { return v.Keys[i].Key < v.Keys[j].Key })
	return v, nil
}

// addNet adds a row to a total, income counted negatively.
func addNet(total *BudgetRow, r BudgetRow) {
	sign := ledger.Amount(1)
	if r.Income {
		sign = -1
	}
	for i := range total.Budget {
		total.Budget[i] += sign * r.Budget[i]
	}
	total.Actual += sign * r.Actual
	total.PrevActual += sign * r.PrevActual
}

// currentOperation says whether an account belongs to the current
// operations a budget covers: charges but works (67x), income but the
// provisions called (70x).
func currentOperation(account string) bool { return ledger.IsCurrentOperation(account) }

// actualByKey is the actual of an exercise per key and account, charges
// as debit − credit and income as credit − debit, before the year-end
// distribution: the closing's entries, which bring classes 6 and 7 to zero,
// are taken back out (DOMAIN §6.7).
func actualByKey(tx *ledger.Tx, e ledger.Exercise) (map[[2]string]ledger.Amount, error) {
	bal, err := tx.BalanceByKey(e.Start, e.End)
	if err != nil {
		return nil, err
	}
	out := map[[2]string]ledger.Amount{}
	add := func(key, account string, debit, credit ledger.Amount) {
		if !currentOperation(account) {
			return
		}
		a := debit - credit
		if ledger.AccountClass(account) == 7 {
			a = -a
		}
		out[[2]string{key, account}] += a
	}
	for _, b := range bal {
		add(b.Key, b.Account, b.Debit, b.Credit)
	}
	closing, err := tx.Entries(ledger.EntryFilter{From: e.Start, To: e.End, Origin: ledger.ClosingOriginPrefix})
	if err != nil {
		return nil, err
	}
	for _, c := range closing {
		for _, l := range c.Lines {
			if l.Key != "" {
				add(l.Key, l.Account, -l.Debit, -l.Credit)
			}
		}
	}
	for k, a := range out {
		if a == 0 {
			delete(out, k)
		}
	}
	return out, nil
}

// CopyBudget replaces the budget of the exercise starting in toYear by the
// one of fromYear, each line raised by percent (0 copies it as it is;
// rounded to the cent, half away from zero). It returns the number of lines.
func (r *Residence) CopyBudget(fromYear, toYear int, percent decimal.Decimal) (int, error) {
	return r.replaceBudget(fromYear, toYear, func(tx *ledger.Tx, from ledger.Exercise) ([]ledger.BudgetLine, error) {
		lines, err := tx.Budget(from.ID)
		if err != nil {
			return nil, err
		}
		if len(lines) == 0 {
			return nil, ledger.Errorf(ledger.Invalid, "Le budget de l'exercice %s est vide : rien à copier", from.Name())
		}
		factor := decimal.NewFromInt(100).Add(percent).Div(decimal.NewFromInt(100))
		for i := range lines {
			lines[i].Amount = ledger.Amount(decimal.NewFromInt(int64(lines[i].Amount)).Mul(factor).Round(0).IntPart())
		}
		return lines, nil
	})
}

// BudgetFromActual replaces the budget of the exercise starting in toYear
// by the actual of fromYear (current operations, per account and key).
func (r *Residence) BudgetFromActual(fromYear, toYear int) (int, error) {
	return r.replaceBudget(fromYear, toYear, func(tx *ledger.Tx, from ledger.Exercise) ([]ledger.BudgetLine, error) {
		actual, err := actualByKey(tx, from)
		if err != nil {
			return nil, err
		}
		var lines []ledger.BudgetLine
		for k, a := range actual {
			lines = append(lines, ledger.BudgetLine{Key: k[0], Account: k[1], Amount: a})
		}
		if len(lines) == 0 {
			return nil, ledger.Errorf(ledger.Invalid, "L'exercice %s n'a encore aucune charge ni aucun produit répartis par clé : rien à reprendre", from.Name())
		}
		sort.Slice(lines, func(i, j int) bool {
			if lines[i].Key != lines[j].Key {
				return lines[i].Key < lines[j].Key
			}
			return lines[i].Account < lines[j].Account
		})
		return lines, nil
	})
}

func (r *Residence) replaceBudget(fromYear, toYear int, source func(*ledger.Tx, ledger.Exercise) ([]ledger.BudgetLine, error)) (int, error) {
	n := 0
	err := r.Update(func(tx *ledger.Tx) error {
		from, err := tx.ExerciseOfYear(fromYear)
		if err != nil {
			return err
		}
		to, err := tx.ExerciseOfYear(toYear)
		if err != nil {
			return err
		}
		if from.ID == to.ID {
			return ledger.Errorf(ledger.Invalid, "Choisissez un autre exercice que %s pour y recopier son budget", to.Name())
		}
		if to.Closed {
			return ledger.Errorf(ledger.Locked, "L'exercice %s est clos : son budget ne peut plus changer", to.Name())
		}
		lines, err := source(tx, from)
		if err != nil {
			return err
		}
		old, err := tx.Budget(to.ID)
		if err != nil {
			return err
		}
		for _, b := range old {
			b.Amount = 0
			if err := tx.SetBudgetLine(to.ID, b); err != nil {
				return err
			}
		}
		for _, b := range lines {
			if b.Amount == 0 {
				continue
			}
			if err := tx.SetBudgetLine(to.ID, b); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// FundMinimum is the smallest works fund the law asks for a budget: 5 % of
// its charges (loi de 1965, art. 14-2-1: "5 % du budget prévisionnel";
// expected income does not lower it), rounded up to the cent.
func FundMinimum(budget ledger.Amount) ledger.Amount {
	if budget <= 0 {
		return 0
	}
	return (budget*5 + 99) / 100
}

// fundWarning says, in French, what is wrong with the works fund of an
// exercise against its budget; "" when nothing. It only warns: the general
// meeting may have voted a dispensation the program cannot see.
func fundWarning(ex ledger.Exercise, f ledger.WorksFund, set bool, budget ledger.Amount) string {
	minimum := FundMinimum(budget)
	switch {
	case budget <= 0:
	case !set:
		return fmt.Sprintf("Aucun fonds de travaux n'est fixé pour l'exercice %s : la loi impose au moins 5 %% du budget, soit %s, sauf dispense votée par l'assemblée générale.", ex.Name(), minimum)
	case f.Amount < minimum:
		return fmt.Sprintf("Le fonds de travaux %s (%s) est inférieur à 5 %% du budget (%s, soit %s au moins) : vérifiez la décision de l'assemblée générale.", ex.Name(), f.Amount, budget, minimum)
	}
	return ""
}

// FundStatus is the works fund of an exercise beside its budget.
type FundStatus struct {
	Fund    ledger.WorksFund
	Set     bool
	Budget  ledger.Amount // the budget's charges
	Minimum ledger.Amount // 5 % of it
	Warning string        // French; "" when the fund is at least the minimum
}

// WorksFund returns the works fund of exercise ex and how it stands.
func (r *Residence) WorksFund(ex ledger.Exercise) (FundStatus, error) {
	var st FundStatus
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		st, err = fundStatus(tx, ex)
		return err
	})
	return st, err
}

// SetWorksFund sets the works fund of exercise ex (a zero amount removes
// it) and says how it stands against the budget.
func (r *Residence) SetWorksFund(ex ledger.Exercise, amount ledger.Amount, key string) (FundStatus, error) {
	var st FundStatus
	err := r.Update(func(tx *ledger.Tx) error {
		if err := tx.SetWorksFund(ledger.WorksFund{ExerciseID: ex.ID, Amount: amount, Key: key}); err != nil {
			return err
		}
		var err error
		st, err = fundStatus(tx, ex)
		return err
	})
	return st, err
}

func fundStatus(tx *ledger.Tx, ex ledger.Exercise) (FundStatus, error) {
	var st FundStatus
	var err error
	if st.Fund, st.Set, err = tx.WorksFund(ex.ID); err != nil {
		return st, err
	}
	pl := &planner{tx: tx, plan: &CallPlan{Exercise: ex}}
	if _, st.Budget, err = pl.budgetByKey(); err != nil {
		return st, err
	}
	st.Minimum = FundMinimum(st.Budget)
	st.Warning = fundWarning(ex, st.Fund, st.Set, st.Budget)
	return st, nil
}
