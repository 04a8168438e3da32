package app

import (
	"fmt"
	"strings"
	"time"

	"tantieme/ledger"
)

// BudgetVote says which general assembly voted an exercise's budget
// (loi 1965 art. 14-1: the budget is voted by the AG), and the total it
// voted: charges less income, as the budget screen totals it.
type BudgetVote struct {
	Day   time.Time
	Total ledger.Amount
}

// Voted says whether the budget was voted.
func (v BudgetVote) Voted() bool { return !v.Day.IsZero() }

// Text is « Budget voté par l'AG du 12/06/2026 : 12 650,00 € ».
func (v BudgetVote) Text() string {
	if !v.Voted() {
		return ""
	}
	return "Budget voté par l'AG du " + ledger.FrenchDate(v.Day) + " : " + v.Total.String()
}

// budgetVoteOption is the residence option of the vote of the budget of
// the exercise starting in year: « 2026-06-12 12650.00 ».
func budgetVoteOption(year int) string { return fmt.Sprintf("budget.%d.vote", year) }

// BudgetVoted reads the vote of the budget of the exercise starting in
// year (zero when none is recorded).
func (r *Residence) BudgetVoted(year int) (BudgetVote, error) {
	var v BudgetVote
	err := r.View(func(tx *ledger.Tx) (err error) { v, err = BudgetVotedTx(tx, year); return err })
	return v, err
}

// BudgetVotedTx is BudgetVoted inside a transaction.
func BudgetVotedTx(tx *ledger.Tx, year int) (BudgetVote, error) {
	s, err := tx.Option(budgetVoteOption(year), "")
	if err != nil || s == "" {
		return BudgetVote{}, err
	}
	day, total, _ := strings.Cut(s, " ")
	d, err := ledger.ParseDate(day)
	if err != nil {
		return BudgetVote{}, nil // a damaged value counts as none
	}
	a, err := ledger.ParseAmount(total)
	if err != nil {
		return BudgetVote{}, nil
	}
	return BudgetVote{Day: d, Total: a}, nil
}

// RecordBudgetVote records that the assembly of day voted the budget of
// ex as the books hold it now, inside the transaction that holds the
// assembly; it returns what it recorded.
func RecordBudgetVote(tx *ledger.Tx, ex ledger.Exercise, day time.Time) (BudgetVote, error) {
	lines, err := tx.Budget(ex.ID)
	if err != nil {
		return BudgetVote{}, err
	}
	v := BudgetVote{Day: day}
	for _, l := range lines {
		if ledger.AccountClass(l.Account) == 7 {
			v.Total -= l.Amount
		} else {
			v.Total += l.Amount
		}
	}
	if len(lines) == 0 {
		return v, ledger.Errorf(ledger.Invalid, "Le budget de l'exercice %s est vide : saisissez-le avant de dire que l'assemblée l'a voté", ex.Name())
	}
	return v, tx.SetOption(budgetVoteOption(ex.Year()), ledger.ISO(day)+" "+v.Total.Plain())
}
