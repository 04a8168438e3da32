package ledger

import (
	"database/sql"
	"time"
)

// BankStatement is a bank's statement of one of the residence's accounts:
// its date and closing balance (money in the bank is positive). The lines
// ticked on it carry its reference (Ref) in Line.Reconciled.
type BankStatement struct {
	Account string
	Date    time.Time
	Balance Amount
	// Opening is the bank's balance before the statement: the balance of
	// the account's previous statement, or, for its first one, the balance
	// typed when reconciling started (stored as the statement's opening).
	Opening Amount
	// Previous is the date of the previous statement (zero for the first).
	Previous time.Time
}

// First says whether no earlier statement of the account exists.
func (s BankStatement) First() bool { return s.Previous.IsZero() }

// Ref is what lines ticked on the statement carry: its date.
func (s BankStatement) Ref() string { return ISO(s.Date) }

func (s BankStatement) describe() string {
	return "Relevé du " + FrenchDate(s.Date) + " du compte " + s.Account
}

// BankStatements lists the statements of a bank account by date, each with
// its opening balance.
func (tx *Tx) BankStatements(account string) ([]BankStatement, error) {
	type row struct {
		BankStatement
		stored Amount
	}
	rows, err := collect(tx, "lecture des relevés bancaires", `SELECT account, date, balance, opening FROM bank_statements
		WHERE account = ? ORDER BY date`, []any{account}, func(r *sql.Rows) (row, error) {
		var x row
		var date string
		err := r.Scan(&x.Account, &date, &x.Balance, &x.stored)
		x.Date = parseStored(date)
		return x, err
	})
	if err != nil {
		return nil, err
	}
	out := make([]BankStatement, len(rows))
	for i, x := range rows {
		out[i] = x.BankStatement
		out[i].Opening = x.stored
		if i > 0 {
			out[i].Opening = rows[i-1].Balance
			out[i].Previous = rows[i-1].Date
		}
	}
	return out, nil
}

// BankStatementAt returns the statement of the account at date, or a new
// one (not saved) starting from the balance of the statement before it.
func (tx *Tx) BankStatementAt(account string, date time.Time) (st BankStatement, saved bool, err error) {
	list, err := tx.BankStatements(account)
	if err != nil {
		return st, false, err
	}
	st = BankStatement{Account: account, Date: date}
	for _, s := range list {
		switch {
		case s.Date.Equal(date):
			return s, true, nil
		case s.Date.Before(date):
			st.Opening, st.Previous = s.Balance, s.Date
		}
	}
	return st, false, nil
}

// ReconciliationLines lists the lines of a bank account a statement at date
// may tick: those dated up to that day not ticked on another statement, in
// date order. Opening balances carried from a closed exercise are left
// out (they are not movements of the bank); those of the first exercise
// stay, since they may be how the books started.
func (tx *Tx) ReconciliationLines(account string, date time.Time) ([]BookLine, error) {
	first, err := tx.firstDay()
	if err != nil {
		return nil, err
	}
	return tx.scanBookLines("lecture du compte "+account, `l.account = ? AND e.date <= ? AND l.reconciled IN ('', ?)
		AND NOT (e.journal = 'AN' AND e.date > ?)`, []any{account, ISO(date), ISO(date), ISO(first)})
}

func (tx *Tx) firstDay() (time.Time, error) {
	list, err := tx.Exercises()
	if err != nil || len(list) == 0 {
		return time.Time{}, err
	}
	return list[0].Start, nil
}

// SaveBankStatement writes a statement and the lines ticked on it: exactly
// ticked, which replaces what was ticked on it before. The lines must be of
// the statement's account, dated up to its date, not ticked on another
// statement, and of open exercises (as must those it unticks).
func (tx *Tx) SaveBankStatement(st BankStatement, ticked []int64) error {
	where := st.describe()
	if st.Date.IsZero() {
		return Errorf(Invalid, "Rapprochement : la date du relevé est obligatoire")
	}
	if err := tx.checkBankAccount(st.Account); err != nil {
		return err
	}
	if closed, err := tx.closedAt(st.Date); err != nil {
		return err
	} else if closed {
		return Errorf(Locked, "%s : l'exercice est clos, son rapprochement ne peut plus changer", where)
	}
	ref := st.Ref()
	lines, err := tx.BookLines(ticked)
	if err != nil {
		return err
	}
	first, err := tx.firstDay()
	if err != nil {
		return err
	}
	keep := map[int64]bool{}
	for _, l := range lines {
		switch {
		case l.Account != st.Account:
			return Errorf(Invalid, "%s : %s est sur le compte %s, pas sur %s", where, l.describe(), l.Account, st.Account)
		case l.Date.After(st.Date):
			return Errorf(Invalid, "%s : %s est postérieure au relevé", where, l.describe())
		case l.Journal == JournalOpening && l.Date.After(first):
			return Errorf(Invalid, "%s : %s reporte le solde de l'exercice précédent, ce n'est pas une opération de la banque", where, l.describe())
		case l.Reconciled != "" && l.Reconciled != ref:
			return Errorf(Conflict, "%s : %s est déjà pointée sur le relevé du %s", where, l.describe(), FrenchDate(parseStored(l.Reconciled)))
		case l.Locked && l.Reconciled != ref:
			return Errorf(Locked, "%s : %s appartient à un exercice clos, elle ne peut plus être pointée", where, l.describe())
		}
		keep[l.ID] = true
	}
	before, err := tx.scanBookLines("rapprochement", `l.account = ? AND l.reconciled = ?`, []any{st.Account, ref})
	if err != nil {
		return err
	}
	for _, l := range before {
		if keep[l.ID] {
			delete(keep, l.ID) // already ticked
			continue
		}
		if l.Locked {
			return Errorf(Locked, "%s : %s appartient à un exercice clos, elle ne peut plus être dépointée", where, l.describe())
		}
		if _, err := tx.exec(where, `UPDATE lines SET reconciled = '' WHERE id = ?`, l.ID); err != nil {
			return err
		}
	}
	for id := range keep {
		if _, err := tx.exec(where, `UPDATE lines SET reconciled = ? WHERE id = ?`, ref, id); err != nil {
			return err
		}
	}
	_, err = tx.exec(where, `INSERT INTO bank_statements (account, date, balance, opening) VALUES (?, ?, ?, ?)
		ON CONFLICT (account, date) DO UPDATE SET balance = excluded.balance, opening = excluded.opening`,
		st.Account, ref, int64(st.Balance), int64(st.Opening))
	return err
}

// DeleteBankStatement removes a statement and unticks its lines.
func (tx *Tx) DeleteBankStatement(account string, date time.Time) error {
	st, saved, err := tx.BankStatementAt(account, date)
	if err != nil {
		return err
	}
	if !saved {
		return Errorf(NotFound, "Le compte %s n'a pas de relevé au %s", account, FrenchDate(date))
	}
	if closed, err := tx.closedAt(date); err != nil {
		return err
	} else if closed {
		return Errorf(Locked, "%s : l'exercice est clos, son rapprochement ne peut plus être supprimé", st.describe())
	}
	if _, err := tx.exec(st.describe(), `UPDATE lines SET reconciled = '' WHERE account = ? AND reconciled = ?`, account, st.Ref()); err != nil {
		return err
	}
	_, err = tx.exec(st.describe(), `DELETE FROM bank_statements WHERE account = ? AND date = ?`, account, st.Ref())
	return err
}
