package app

import (
	"strings"
	"time"

	"tantieme/ledger"
	"tantieme/reports"
)

// OwnerMoves is an owner's account from the start of an exercise to a day,
// read the way he checks it: the balance brought forward as one line (the
// balance before the exercise and its à-nouveaux, whatever their number),
// then each call and each payment, so that the lines printed add up to
// the balance of the books.
type OwnerMoves struct {
	from         time.Time
	opening      ledger.Amount
	openingLabel string
	lines        []ledger.StatementLine
	// Closing holds the closing's distribution lines (journal OD, pieces
	// CL…, last day of the exercise) when asked apart: a décompte shows
	// them as the régularisation it explains.
	Closing ledger.Amount
	kinds   map[ledger.CallKind]bool // the kinds of calls among the lines
}

// CallKinds gives the kind of each call by its piece, read once for a run
// of letters.
func CallKinds(tx *ledger.Tx) (map[string]ledger.CallKind, error) {
	calls, err := tx.Calls(ledger.CallFilter{})
	if err != nil {
		return nil, err
	}
	kindOf := map[string]ledger.CallKind{}
	for _, c := range calls {
		kindOf[c.Piece] = c.Kind
	}
	return kindOf, nil
}

// ReadOwnerMoves reads account's moves from the start of ex to day to;
// apartClosing keeps the closing's distribution lines apart in Closing.
// kindOf is CallKinds's.
func ReadOwnerMoves(tx *ledger.Tx, account string, ex ledger.Exercise, to time.Time, apartClosing bool, kindOf map[string]ledger.CallKind) (OwnerMoves, error) {
	m := OwnerMoves{from: ex.Start, kinds: map[ledger.CallKind]bool{}}
	st, err := tx.AccountStatement(account, ex.Start, to)
	if err != nil {
		return m, err
	}
	m.opening = st.Opening
	for _, l := range st.Lines {
		switch {
		case l.Journal == ledger.JournalOpening && l.Date.Equal(ex.Start):
			m.opening += l.Debit - l.Credit
		case apartClosing && l.Journal == ledger.JournalMisc && l.Date.Equal(ex.End) && strings.HasPrefix(l.Piece, ledger.ClosingPiecePrefix):
			m.Closing += l.Debit - l.Credit
		default:
			m.lines = append(m.lines, l)
		}
	}
	if m.openingLabel, err = openingLabel(tx, ex); err != nil {
		return m, err
	}
	for _, l := range m.lines {
		if k, ok := kindOf[l.Piece]; ok && l.Debit != 0 {
			m.kinds[k] = true
		}
	}
	return m, nil
}

// openingLabel says what the balance brought forward is: the balance of
// the exercise before (« solde de l'exercice 2025 »), or the balance the
// books were opened with.
func openingLabel(tx *ledger.Tx, ex ledger.Exercise) (string, error) {
	exs, err := tx.Exercises()
	if err != nil {
		return "", err
	}
	for _, x := range exs {
		if x.End.AddDate(0, 0, 1).Equal(ex.Start) {
			return "À nouveau : solde de l'exercice " + x.Name(), nil
		}
	}
	return "Solde à l'ouverture des comptes", nil
}

// Before is the balance after every line: opening plus calls less payments.
func (m OwnerMoves) Before() ledger.Amount {
	b := m.opening
	for _, l := range m.lines {
		b += l.Debit - l.Credit
	}
	return b
}

// Rows prints the balance brought forward and every line with its running
// balance (positive: the owner owes).
func (m OwnerMoves) Rows() []reports.AccountRow {
	out := []reports.AccountRow{{Date: ledger.FrenchDate(m.from), Label: m.openingLabel + OwedSide(m.opening), Balance: m.opening.Format()}}
	run := m.opening
	for _, l := range m.lines {
		run += l.Debit - l.Credit
		out = append(out, reports.AccountRow{Date: ledger.FrenchDate(l.Date), Piece: l.Piece, Label: l.Label,
			Debit: BlankZero(l.Debit), Credit: BlankZero(l.Credit), Balance: run.Format()})
	}
	return out
}

// statement is the same for a letter's statement (the reminder's).
func (m OwnerMoves) statement(title string, to time.Time) *reports.Statement {
	s := &reports.Statement{Title: title}
	rows := m.Rows()
	o := rows[0]
	s.Opening = reports.StatementLine{Date: o.Date, Label: o.Label, Balance: o.Balance}
	for _, r := range rows[1:] {
		s.Lines = append(s.Lines, reports.StatementLine{Date: r.Date, Piece: r.Piece, Label: r.Label, Debit: r.Debit, Credit: r.Credit, Balance: r.Balance})
	}
	b := m.Before()
	s.Closing = reports.StatementLine{Label: "Solde au " + ledger.FrenchDate(to) + OwedSide(b), Balance: b.Format()}
	return s
}

// Notes explain the calls that are not the budget's: an owner adding his
// calls up finds them in his balance but not in the distribution.
func (m OwnerMoves) Notes() []string {
	var out []string
	if m.kinds[ledger.WorksCall] {
		out = append(out, "Les appels de travaux votés par l'assemblée générale figurent à votre compte ; ils sont répartis, d'après le coût réel des travaux, à la clôture de l'exercice où les travaux s'achèvent.")
	}
	if m.kinds[ledger.FundCall] {
		out = append(out, "Les cotisations au fonds de travaux (loi du 10 juillet 1965, art. 14-2-1) figurent à votre compte mais ne sont pas réparties en fin d'exercice : elles sont attachées aux lots et définitivement acquises au syndicat.")
	}
	return out
}
