package bankfile

import (
	"fmt"
	"time"

	"tantieme/internal/fr"
)

// Statement is one account's movements over a period as one bank file
// gives them. A file may hold several (several accounts, several days).
type Statement struct {
	Format   string    // "CFONB 120", "CFONB 240", "CAMT.053.001.02", "CAMT.054.001.08", "OFX 1.0.2", "OFX 2.0"
	Account  Account   // the residence's account the statement is about
	Currency string    // ISO 4217 code, "EUR"
	ID       string    // the bank's statement identifier, when given
	From, To time.Time // the period the statement covers (zero when not said)
	// Opening and Closing are the balances the file states, nil when the
	// format carries none (CFONB 240, CAMT.054; OFX has a closing only).
	Opening, Closing *Balance
	Lines            []Line
	Where            string // where the statement starts: "ligne 3", "élément Stmt n° 2"
}

// Account identifies a bank account: by IBAN where the format has one, else
// by the French RIB (bank, branch, account number), as CFONB and OFX give it.
type Account struct {
	IBAN   string // without spaces, upper case; "" when the file gives none
	Bank   string // code banque (5 digits)
	Branch string // code guichet (5 digits)
	Number string // numéro de compte (11 characters)
	BIC    string
	Name   string // the holder, when given
}

// String names the account as a syndic reads it on a message: its IBAN, else
// its RIB.
func (a Account) String() string {
	if a.IBAN != "" {
		return a.IBAN
	}
	if a.Bank != "" || a.Number != "" {
		return fmt.Sprintf("RIB %s %s %s", a.Bank, a.Branch, a.Number)
	}
	return "compte sans identifiant"
}

// Balance is a stated balance: signed cents, a credit (money held)
// positive.
type Balance struct {
	Date   time.Time
	Amount int64
}

// Line is one movement on the account.
type Line struct {
	Date      time.Time // booking date
	ValueDate time.Time // value date, zero when not given
	// Amount is in signed cents: a credit (money coming in) is positive, a
	// debit negative.
	Amount       int64
	Label        string   // the main label the bank prints
	Details      []string // further text: CFONB 05 complements, CAMT remittance information, OFX MEMO
	Reference    string   // the bank's own reference of the movement (CFONB reference zone, CAMT AcctSvcrRef, OFX FITID)
	EndToEnd     string   // the payer's end-to-end reference (SEPA), "" when none or NOTPROVIDED
	Counterparty Party    // who paid or was paid, when the format says
	Code         string   // the bank's operation code (CFONB interbank code, CAMT BkTxCd, OFX TRNTYPE)
	Check        string   // cheque number, when given
	Return       Return   // a payment sent back: its reason (CAMT RtrInf); zero otherwise
	Where        string   // where the line is: "ligne 12", "élément Ntry n° 3"
}

// Party is the other side of a movement.
type Party struct {
	Name string
	IBAN string // without spaces, upper case
	BIC  string
}

// Total is the sum of the lines, in signed cents.
func (s Statement) Total() int64 {
	var t int64
	for _, l := range s.Lines {
		t += l.Amount
	}
	return t
}

// CheckBalances says, when the statement states both balances, whether the
// opening plus the movements is the closing: a gap means a line is missing
// or was read wrong, which must be said, never silently accepted. The error
// names the file and the statement.
func (s Statement) CheckBalances(file string) error {
	if s.Opening == nil || s.Closing == nil {
		return nil
	}
	if got := s.Opening.Amount + s.Total(); got != s.Closing.Amount {
		return &Error{File: file, Where: s.Where, Msg: fmt.Sprintf(
			"le relevé du compte %s ne tombe pas juste : solde d'ouverture %s + mouvements %s = %s, mais le relevé annonce un solde de clôture de %s (écart de %s)",
			s.Account, fr.Euros(s.Opening.Amount), fr.Euros(s.Total()), fr.Euros(got), fr.Euros(s.Closing.Amount), fr.Euros(s.Closing.Amount-got))}
	}
	return nil
}
