package app

import (
	"time"

	"tantieme/ledger"
	"tantieme/reports"
)

// noticeStatement is the account statement printed under a notice: it
// explains the notice's previous balance, so it runs to day to but leaves
// out the calls of that day (pieces), which the notice details above. It
// lists the lines since the account was last settled (its running balance
// back to zero at the end of a day) within the exercise, after a line
// saying so; the exercise's whole statement when it never was. A notice
// must fit one sheet: the settled past adds pages and nothing to what is
// owed (issue 13: most owners' notices ran onto a second sheet).
func noticeStatement(tx *ledger.Tx, account string, ex ledger.Exercise, to time.Time, pieces map[string]bool) (*reports.Statement, error) {
	st, err := tx.AccountStatement(account, ex.Start, to)
	if err != nil {
		return nil, err
	}
	var lines []ledger.StatementLine
	balance := st.Opening
	for _, l := range st.Lines {
		if l.Date.Equal(to) && pieces[l.Piece] {
			continue
		}
		balance += l.Debit - l.Credit
		l.Balance = balance
		lines = append(lines, l)
	}
	s := &reports.Statement{Title: "Relevé de votre compte – exercice " + ex.Name()}
	if cut := settledAt(lines); cut >= 0 {
		s.Title += ", depuis son dernier solde nul"
		s.Opening = reports.StatementLine{Date: ledger.FrenchDate(lines[cut].Date), Label: "Compte soldé à cette date", Balance: ledger.Amount(0).Format()}
		lines = lines[cut+1:]
	} else if st.Opening != 0 {
		s.Opening = reports.StatementLine{Date: ledger.FrenchDate(ex.Start), Label: "Solde reporté" + OwedSide(st.Opening), Balance: st.Opening.Format()}
	}
	for _, l := range lines {
		s.Lines = append(s.Lines, reports.StatementLine{Date: ledger.FrenchDate(l.Date), Piece: l.Piece, Label: l.Label,
			Debit: BlankZero(l.Debit), Credit: BlankZero(l.Credit), Balance: l.Balance.Format()})
	}
	s.Closing = reports.StatementLine{Label: "Solde antérieur au " + ledger.FrenchDate(to), Balance: balance.Format()}
	return s, nil
}

// settledAt is the index of the last line that leaves the account at zero
// at the end of its day; -1 when there is none.
func settledAt(lines []ledger.StatementLine) int {
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i].Balance == 0 && (i == len(lines)-1 || lines[i+1].Date.After(lines[i].Date)) {
			return i
		}
	}
	return -1
}
