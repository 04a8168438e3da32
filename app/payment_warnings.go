package app

import (
	"fmt"
	"sort"
	"time"

	"tantieme/ledger"
)

// Outflow is money about to leave an account of the residence, as a form
// is about to record it: a supplier paid, an entry typed in the Saisie
// screen that credits a bank.
type Outflow struct {
	Date   time.Time
	Amount ledger.Amount
	// Bank is the account the money leaves (512, 50x, 53…); "" checks no
	// balance.
	Bank string
	// Supplier is the supplier paid (401…); "" checks no invoice.
	Supplier string
	// Replaces is the entry being corrected, 0 for a new one: what it
	// already did is left out of the balance and of the invoices paid.
	Replaces int64
}

// PaymentWarnings says, in French, what is unusual about money about to
// leave: more paid to a supplier than what remains due on his invoices, a
// payment dated before an invoice it pays, a bank account going into
// overdraft at the payment's date. It is the one rule for every place money
// leaves (the supplier payment form, the Saisie screen); nothing is
// refused: the window shows the warnings and the syndic decides (a deposit
// paid before the invoice, an overdraft the bank allows, can be right).
func (r *Residence) PaymentWarnings(outs ...Outflow) ([]string, error) {
	var warn []string
	err := r.View(func(tx *ledger.Tx) error {
		// A bank left by two outflows of the same entry is checked once,
		// for their sum.
		byBank := map[string]Outflow{}
		var banks []string
		for _, o := range outs {
			if o.Amount <= 0 || o.Date.IsZero() {
				continue
			}
			if o.Supplier != "" {
				w, err := supplierWarnings(tx, o)
				if err != nil {
					return err
				}
				warn = append(warn, w...)
			}
			if o.Bank != "" {
				if b, ok := byBank[o.Bank]; ok {
					b.Amount += o.Amount
					byBank[o.Bank] = b
				} else {
					byBank[o.Bank] = o
					banks = append(banks, o.Bank)
				}
			}
		}
		sort.Strings(banks)
		for _, code := range banks {
			w, err := overdraftWarning(tx, byBank[code])
			if err != nil {
				return err
			}
			if w != "" {
				warn = append(warn, w)
			}
		}
		return nil
	})
	return warn, err
}

// supplierWarnings checks a payment against the supplier's unpaid
// invoices, which payments settle oldest first (ledger.CoverOldestFirst):
// more than what remains due, or a payment dated before an invoice it pays.
func supplierWarnings(tx *ledger.Tx, o Outflow) ([]string, error) {
	name := o.Supplier
	if sup, err := supplierByAccount(tx, o.Supplier); err == nil {
		name = sup.Name
	}
	lines, err := tx.AccountLines(o.Supplier, time.Time{}, time.Time{})
	if err != nil {
		return nil, err
	}
	if o.Replaces != 0 {
		kept := lines[:0:0]
		for _, l := range lines {
			if l.EntryID != o.Replaces {
				kept = append(kept, l)
			}
		}
		lines = kept
	}
	open := openItems(lines, false)
	dues := make([]ledger.Amount, len(open))
	var due ledger.Amount
	for i, it := range open {
		dues[i] = it.Due()
		due += dues[i]
	}
	var warn []string
	switch {
	case due <= 0:
		warn = append(warn, fmt.Sprintf("Il ne reste aucune facture à payer à %s : ce paiement de %s serait une avance (ou un double paiement).", name, o.Amount))
	case o.Amount > due:
		warn = append(warn, fmt.Sprintf("Le paiement de %s dépasse de %s ce qui reste dû à %s (%s).", o.Amount, o.Amount-due, name, due))
	}
	for i, c := range ledger.CoverOldestFirst(dues, o.Amount) {
		if c > 0 && open[i].Date.After(o.Date) {
			inv := "la facture"
			if open[i].Piece != "" {
				inv += " " + open[i].Piece
			}
			warn = append(warn, fmt.Sprintf("Le paiement du %s est antérieur à %s du %s qu'il règle (%s) : vérifiez sa date.",
				ledger.FrenchDate(o.Date), inv, ledger.FrenchDate(open[i].Date), open[i].Label))
		}
	}
	return warn, nil
}

// overdraftWarning says when the account o leaves would be negative at the
// payment's date, "" when it stays in credit.
func overdraftWarning(tx *ledger.Tx, o Outflow) (string, error) {
	bal, err := tx.AccountBalanceAt(o.Bank, o.Date)
	if err != nil {
		return "", err
	}
	if o.Replaces != 0 {
		// The entry corrected is in the balance until it is replaced.
		if old, err := tx.Entry(o.Replaces); err == nil && !old.Date.After(o.Date) {
			for _, l := range old.Lines {
				if l.Account == o.Bank {
					bal -= l.Balance()
				}
			}
		}
	}
	after := bal - o.Amount
	if after >= 0 {
		return "", nil
	}
	name := o.Bank
	if banks, err := tx.BankAccounts(); err == nil {
		for _, b := range banks {
			if b.Account == o.Bank && b.Label != "" {
				name += " " + b.Label
			}
		}
	}
	return fmt.Sprintf("Le compte %s serait à découvert de %s au %s : il n'a que %s ce jour-là pour un paiement de %s.",
		name, -after, ledger.FrenchDate(o.Date), bal, o.Amount), nil
}

// EntryOutflows is the money an entry typed in the Saisie screen takes out:
// each money account it credits (net of what it debits to it), and, when
// it does, each supplier it debits (a payment typed by hand). An entry that
// moves nothing out of a bank (an invoice, a correction between accounts)
// has none. replaces is the entry being corrected, 0 for a new one.
func EntryOutflows(e ledger.Entry, replaces int64) []Outflow {
	net := map[string]ledger.Amount{}
	var order []string
	for _, l := range e.Lines {
		if ledger.HoldsMoney(l.Account) || ledger.IsSupplierAccount(l.Account) {
			if _, ok := net[l.Account]; !ok {
				order = append(order, l.Account)
			}
			net[l.Account] += l.Balance()
		}
	}
	var out, suppliers []Outflow
	for _, acc := range order {
		switch {
		case ledger.HoldsMoney(acc) && net[acc] < 0:
			out = append(out, Outflow{Date: e.Date, Amount: -net[acc], Bank: acc, Replaces: replaces})
		case ledger.IsSupplierAccount(acc) && net[acc] > 0:
			suppliers = append(suppliers, Outflow{Date: e.Date, Amount: net[acc], Supplier: acc, Replaces: replaces})
		}
	}
	if len(out) == 0 {
		return nil
	}
	return append(out, suppliers...)
}
