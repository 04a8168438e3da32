package ledger

import "database/sql"

// BudgetLine is a voted amount for an account and a key in an exercise.
type BudgetLine struct {
	Account string
	Key     string
	Amount  Amount
}

// Budget lists an exercise's budget lines by key then account.
func (tx *Tx) Budget(exerciseID int64) ([]BudgetLine, error) {
	return collect(tx, "lecture du budget", `SELECT account, key, amount FROM budget WHERE exercise_id = ? ORDER BY key, account`,
		[]any{exerciseID}, func(r *sql.Rows) (BudgetLine, error) {
			var b BudgetLine
			return b, r.Scan(&b.Account, &b.Key, &b.Amount)
		})
}

// SetBudgetLine sets one budget amount; zero removes the line. Only charge
// (class 6) accounts and income (class 7) accounts carry a budget.
func (tx *Tx) SetBudgetLine(exerciseID int64, b BudgetLine) error {
	if c := AccountClass(b.Account); c != 6 && c != 7 {
		return Errorf(Invalid, "Le budget porte sur des comptes de charges ou de produits (classes 6 et 7), pas sur %s", b.Account)
	}
	if b.Amount == 0 {
		_, err := tx.exec("budget", `DELETE FROM budget WHERE exercise_id = ? AND account = ? AND key = ?`, exerciseID, b.Account, b.Key)
		return err
	}
	_, err := tx.exec("ligne de budget "+b.Account, `INSERT INTO budget (exercise_id, account, key, amount) VALUES (?, ?, ?, ?)
		ON CONFLICT (exercise_id, account, key) DO UPDATE SET amount = excluded.amount`, exerciseID, b.Account, b.Key, int64(b.Amount))
	if KindOf(err) == Conflict {
		return Errorf(NotFound, "Ligne de budget : le compte %s ou la clé %s n'existe pas", b.Account, b.Key)
	}
	return err
}
