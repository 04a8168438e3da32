package app

import (
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// Reconciliation is the rapprochement of a bank account with one of its
// statements: the lines the statement may tick (up to its date, not ticked
// on another statement), which ones are ticked, and the balances.
type Reconciliation struct {
	Bank      ledger.BankAccount
	Statement ledger.BankStatement
	Saved     bool // the statement was saved before
	Lines     []ReconLine
	// BookBalance is the account's balance in the books at the
	// statement's date.
	BookBalance ledger.Amount
}

// ReconLine is a line of the bank account and whether the statement ticks it.
type ReconLine struct {
	ledger.BookLine
	Ticked bool
}

// Reconciliation reads the rapprochement of bank account at statement date:
// the saved one, or a new one starting from the previous statement.
func (r *Residence) Reconciliation(account string, date time.Time) (Reconciliation, error) {
	var rc Reconciliation
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		rc, err = readReconciliation(tx, account, date)
		return err
	})
	return rc, err
}

func readReconciliation(tx *ledger.Tx, account string, date time.Time) (Reconciliation, error) {
	var rc Reconciliation
	if date.IsZero() {
		return rc, ledger.Errorf(ledger.Invalid, "Rapprochement : indiquez la date du relevé")
	}
	banks, err := tx.BankAccounts()
	if err != nil {
		return rc, err
	}
	for _, b := range banks {
		if b.Account == account {
			rc.Bank = b
		}
	}
	if rc.Bank.Account == "" {
		return rc, ledger.Errorf(ledger.NotFound, "Le compte %s n'est pas un compte bancaire de la résidence", account)
	}
	if rc.Statement, rc.Saved, err = tx.BankStatementAt(account, date); err != nil {
		return rc, err
	}
	lines, err := tx.ReconciliationLines(account, date)
	if err != nil {
		return rc, err
	}
	ref := rc.Statement.Ref()
	for _, l := range lines {
		rc.Lines = append(rc.Lines, ReconLine{BookLine: l, Ticked: l.Reconciled == ref})
	}
	rc.BookBalance, err = tx.AccountBalanceAt(account, date)
	return rc, err
}

// Ticked lists the ids of the ticked lines.
func (rc Reconciliation) Ticked() map[int64]bool {
	out := map[int64]bool{}
	for _, l := range rc.Lines {
		if l.Ticked {
			out[l.ID] = true
		}
	}
	return out
}

// ReconTotals are the live figures of the reconciliation screen.
type ReconTotals struct {
	Opening ledger.Amount // the bank's balance before the statement
	// TickedDebit and TickedCredit are the ticked lines' sides: money in
	// and money out of the bank.
	TickedDebit  ledger.Amount
	TickedCredit ledger.Amount
	Ticked       int
	// TickedBalance is Opening plus the ticked movements: what the
	// statement should show.
	TickedBalance ledger.Amount
	Statement     ledger.Amount // the statement's closing balance
	// Gap is Statement − TickedBalance: zero when every operation of the
	// statement is ticked and booked.
	Gap ledger.Amount
	// Unticked are the lines up to the date not on the statement (cheques
	// not cashed yet, transfers not yet seen by the bank).
	Unticked          int
	UntickedDebit     ledger.Amount
	UntickedCredit    ledger.Amount
	BookBalance       ledger.Amount
	ExpectedStatement ledger.Amount // BookBalance minus the unticked movements
}

// Totals computes the figures for the lines ticked in the screen, with the
// closing balance typed (and, for a first statement, the opening one).
func (rc Reconciliation) Totals(ticked map[int64]bool, statement, opening ledger.Amount) ReconTotals {
	t := ReconTotals{Opening: rc.Statement.Opening, Statement: statement, BookBalance: rc.BookBalance}
	if rc.Statement.First() {
		t.Opening = opening
	}
	for _, l := range rc.Lines {
		if ticked[l.ID] {
			t.Ticked++
			t.TickedDebit += l.Debit
			t.TickedCredit += l.Credit
		} else {
			t.Unticked++
			t.UntickedDebit += l.Debit
			t.UntickedCredit += l.Credit
		}
	}
	t.TickedBalance = t.Opening + t.TickedDebit - t.TickedCredit
	t.Gap = t.Statement - t.TickedBalance
	t.ExpectedStatement = t.BookBalance - (t.UntickedDebit - t.UntickedCredit)
	return t
}

// SaveReconciliation saves a statement of bank account: its date, closing
// balance (and opening balance when it is the account's first), and
// exactly the ticked lines.
func (r *Residence) SaveReconciliation(account string, date time.Time, balance, opening ledger.Amount, ticked []int64) error {
	return r.Update(func(tx *ledger.Tx) error {
		st, _, err := tx.BankStatementAt(account, date)
		if err != nil {
			return err
		}
		st.Balance = balance
		if st.First() {
			st.Opening = opening
		}
		return tx.SaveBankStatement(st, ticked)
	})
}

// DeleteReconciliation removes a statement and unticks its lines.
func (r *Residence) DeleteReconciliation(account string, date time.Time) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteBankStatement(account, date) })
}

// BankStatements lists the saved statements of a bank account.
func (r *Residence) BankStatements(account string) ([]ledger.BankStatement, error) {
	var out []ledger.BankStatement
	err := r.View(func(tx *ledger.Tx) (err error) {
		out, err = tx.BankStatements(account)
		return err
	})
	return out, err
}

// ReconciliationReport gathers what the printed rapprochement of a saved
// statement shows.
func (r *Residence) ReconciliationReport(account string, date time.Time, printed time.Time) (reports.Reconciliation, error) {
	var rep reports.Reconciliation
	err := r.View(func(tx *ledger.Tx) error {
		rc, err := readReconciliation(tx, account, date)
		if err != nil {
			return err
		}
		if !rc.Saved {
			return ledger.Errorf(ledger.NotFound, "Le compte %s n'a pas de relevé enregistré au %s : enregistrez le rapprochement avant de l'imprimer", account, ledger.FrenchDate(date))
		}
		res, err := tx.Residence()
		if err != nil {
			return err
		}
		t := rc.Totals(rc.Ticked(), rc.Statement.Balance, rc.Statement.Opening)
		rep = reports.Reconciliation{
			Residence:         res.Name,
			Account:           account,
			BankLabel:         rc.Bank.Label,
			IBAN:              fr.IBAN(rc.Bank.IBAN),
			Date:              ledger.FrenchDate(date),
			Previous:          ledger.FrenchDate(rc.Statement.Previous),
			Opening:           t.Opening.String(),
			TickedDebit:       t.TickedDebit.String(),
			TickedCredit:      t.TickedCredit.String(),
			TickedBalance:     t.TickedBalance.String(),
			Statement:         t.Statement.String(),
			Gap:               t.Gap.String(),
			Balanced:          t.Gap == 0,
			BookBalance:       t.BookBalance.String(),
			UntickedDebit:     t.UntickedDebit.String(),
			UntickedCredit:    t.UntickedCredit.String(),
			ExpectedStatement: t.ExpectedStatement.String(),
			Printed:           printed,
		}
		for _, l := range rc.Lines {
			row := reports.ReconLine{Date: ledger.FrenchDate(l.Date), Journal: l.Journal, Piece: l.Piece, Label: l.Text(),
				Debit: reconAmount(l.Debit), Credit: reconAmount(l.Credit)}
			if l.Ticked {
				rep.TickedLines = append(rep.TickedLines, row)
			} else {
				rep.UntickedLines = append(rep.UntickedLines, row)
			}
		}
		return nil
	})
	return rep, err
}

// ReconciliationPDF prints the rapprochement of a saved statement.
func (r *Residence) ReconciliationPDF(account string, date time.Time, printed time.Time) ([]byte, error) {
	rep, err := r.ReconciliationReport(account, date, printed)
	if err != nil {
		return nil, err
	}
	pdf, err := reports.ReconciliationPDF(rep)
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "Le rapprochement du %s ne peut pas être mis en PDF", ledger.FrenchDate(date))
	}
	return pdf, nil
}

// reconAmount formats an amount for a debit or credit column: "" for zero.
func reconAmount(a ledger.Amount) string {
	if a == 0 {
		return ""
	}
	return a.Format()
}
