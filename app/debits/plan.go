// Package debits collects owners' charges by SEPA Core direct debit (issue
// 18, seed 003 « ppa »): the batch of a due date (Plan), its pain.008 file
// and receipts posted in one transaction (Post), the debits the owners'
// banks return (Return), and the notice period the owners are owed.
package debits

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// Line is one owner's debit in a batch.
type Line struct {
	Owner    ledger.Owner
	Mandate  ledger.Mandate
	Amount   ledger.Amount
	Sequence string // FRST for a mandate never collected, RCUR after
	// Calls are the open items the debit pays, oldest first, with what
	// remained due on each (the last one may be paid in part when the
	// owner's balance is lower than what they total).
	Calls []app.OpenItem
}

// Skip is an owner with a mandate who is not debited, and why.
type Skip struct {
	Owner  ledger.Owner
	Reason string
}

// Batch is the direct debits of a due date: every open call due by then of
// the owners whose mandate is in force, what each owes on them.
type Batch struct {
	Date     time.Time
	Bank     ledger.BankAccount
	Creditor string // « Syndicat des copropriétaires de la résidence … »
	Lines    []Line
	Skipped  []Skip
	Warnings []string
	Total    ledger.Amount
}

// Plan computes the batch of day date on bank account bank ("" takes the
// residence's current account that has an ICS). Nothing is written.
func Plan(r *app.Residence, date time.Time, bank string) (Batch, error) {
	var b Batch
	err := r.View(func(tx *ledger.Tx) (err error) {
		b, err = planIn(tx, date, bank)
		return err
	})
	return b, err
}

// planIn is Plan inside a transaction: Post computes it again in its own
// so that the batch it posts is the books' of that moment.
func planIn(tx *ledger.Tx, date time.Time, bank string) (Batch, error) {
	b := Batch{Date: date}
	if date.IsZero() {
		return b, ledger.Errorf(ledger.Invalid, "La date du prélèvement est obligatoire")
	}
	var err error
	if b.Bank, err = creditorBank(tx, bank); err != nil {
		return b, err
	}
	res, err := tx.Residence()
	if err != nil {
		return b, err
	}
	b.Creditor = fr.SyndicatName(res.Name)
	usable, lapsed, err := tx.MandatesInForce(date)
	if err != nil {
		return b, err
	}
	for _, m := range lapsed {
		o, err := tx.Owner(m.Owner)
		if err != nil {
			return b, err
		}
		b.Skipped = append(b.Skipped, Skip{o, fmt.Sprintf("mandat %s caduc depuis le %s (inutilisé 36 mois) : faites signer un nouveau mandat",
			m.RUM, ledger.FrenchDate(m.LapsesOn()))})
	}
	balances, err := tx.OwnerBalances(date)
	if err != nil {
		return b, err
	}
	for _, m := range usable {
		o, err := tx.Owner(m.Owner)
		if err != nil {
			return b, err
		}
		open, err := app.OwnerOpenItems(tx, m.Owner)
		if err != nil {
			return b, err
		}
		l := Line{Owner: o, Mandate: m, Sequence: m.Sequence()}
		var due ledger.Amount
		for _, it := range open {
			if it.Date.After(date) || it.Due() <= 0 {
				continue
			}
			l.Calls = append(l.Calls, it)
			due += it.Due()
		}
		// A debit never collects more than is owed: what the calls due
		// leave, but never more than the balance (a payment not matched
		// yet, a credit note, lowers it).
		l.Amount = min(due, balances[m.Owner])
		switch {
		case balances[m.Owner] <= 0:
			b.Skipped = append(b.Skipped, Skip{o, "compte à jour ou en crédit au " + ledger.FrenchDate(date) + " : rien à prélever"})
			continue
		case l.Amount <= 0:
			b.Skipped = append(b.Skipped, Skip{o, "appels échus au " + ledger.FrenchDate(date) + " déjà réglés : rien à prélever"})
			continue
		}
		if m.Flagged() {
			b.Warnings = append(b.Warnings, fmt.Sprintf("%s : %d prélèvements rejetés sur le mandat %s ; vérifiez avec lui avant d'envoyer le fichier",
				o.DisplayName(), m.Returns, m.RUM))
		}
		b.Lines = append(b.Lines, l)
		b.Total += l.Amount
	}
	if len(b.Lines) > 0 {
		w, err := noticeWarnings(tx, b)
		if err != nil {
			return b, err
		}
		b.Warnings = append(b.Warnings, w...)
	}
	sort.SliceStable(b.Skipped, func(i, j int) bool { return b.Skipped[i].Owner.Account < b.Skipped[j].Owner.Account })
	return b, nil
}

// creditorBank is the account the debits are credited to: it must have an
// IBAN and the residence's ICS (the syndicat's own creditor identifier,
// not the syndic's).
func creditorBank(tx *ledger.Tx, bank string) (ledger.BankAccount, error) {
	banks, err := tx.BankAccounts()
	if err != nil {
		return ledger.BankAccount{}, err
	}
	if bank == "" {
		for _, b := range banks {
			if b.ICS != "" && !b.Savings {
				return b, checkCreditor(b)
			}
		}
		// None has an ICS: the current account is named in the refusal.
		for _, b := range banks {
			if ledger.IsCurrentBankAccount(b.Account) {
				return b, checkCreditor(b)
			}
		}
		return ledger.BankAccount{}, ledger.Errorf(ledger.NotFound, "La résidence n'a aucun compte courant avec un identifiant créancier SEPA (ICS) : saisissez-le dans Paramètres › Comptes bancaires avant de prélever")
	}
	for _, b := range banks {
		if b.Account == bank {
			return b, checkCreditor(b)
		}
	}
	return ledger.BankAccount{}, ledger.Errorf(ledger.NotFound, "Le compte %s n'est pas un compte bancaire de la résidence", bank)
}

func checkCreditor(b ledger.BankAccount) error {
	name := strings.TrimSpace(b.Account + " " + b.Label)
	switch {
	case b.ICS == "":
		return ledger.Errorf(ledger.Invalid, "Le compte %s n'a pas d'identifiant créancier SEPA (ICS) : saisissez celui du syndicat dans Paramètres › Comptes bancaires avant de prélever", name)
	case b.IBAN == "":
		return ledger.Errorf(ledger.Invalid, "Le compte %s n'a pas d'IBAN : saisissez-le dans Paramètres › Comptes bancaires avant de prélever", name)
	}
	return nil
}
