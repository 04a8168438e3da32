package reports

import (
	"fmt"
	"strings"
	"time"
)

// Reminder is a letter to an owner in arrears (relance): his debit balance
// at a date, to pay before another, with his account statement.
type Reminder struct {
	Letter
	Title     string // "Relance – solde débiteur de votre compte"
	Subtitle  string // under the title: a mise en demeure's « Lettre recommandée avec accusé de réception n° … »
	Body      string // paragraphs (the reminder template, filled)
	Balance   string // "1 251,08 €"
	BalanceAt string // "Solde débiteur au 30/11/2025"; "" prints PayBy alone
	PayBy     string // "Montant à régler avant le 15/12/2025"
	Bank      BankDetails
	Statement *Statement
	// StatementNotes explain the statement's lines (what the works fund
	// is), printed under it.
	StatementNotes []string
}

// Reminders renders reminders into one document for printing, and cuts it
// into one document per reminder (in the same order).
func Reminders(list []Reminder, printed time.Time) (Letters, error) {
	lw := newLetterWriter("Relances", printed)
	for i := range list {
		if err := lw.reminder(&list[i]); err != nil {
			return Letters{}, fmt.Errorf("relance n° %d : %w", i+1, err)
		}
	}
	return lw.finish()
}

// reminder lays a reminder out: what is owed first, then the letter and
// its signature, then how to pay and the statement, whose labels wrap.
func (lw *letterWriter) reminder(r *Reminder) error {
	lw.begin(r.FootNote, r.Fingerprint)
	lw.head(&r.Letter)
	lw.title(r.Title, r.Subtitle)
	pairs := [][2]string{{r.PayBy, r.Balance}}
	if r.BalanceAt != "" {
		pairs = append([][2]string{{r.BalanceAt, r.Balance}}, pairs...)
	}
	lw.amountBox(pairs)
	lw.paragraphs(r.Body, 9.5)
	if err := lw.signature(&r.Letter); err != nil {
		return err
	}
	lw.bank(r.Bank)
	if strings.TrimSpace(r.Closing) != "" {
		lw.need(12)
		lw.paragraphs(r.Closing, 9)
	}
	if r.Statement != nil {
		lw.accountTable(r.Statement.Title, statementRows(r.Statement), r.StatementNotes, 2)
	}
	return nil
}
