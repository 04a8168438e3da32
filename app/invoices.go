package app

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// InvoiceRefs is what the invoice form offers to choose from.
type InvoiceRefs struct {
	Suppliers []ledger.Supplier
	Expenses  []ledger.Account // class-6 accounts not hidden: the "types de dépense"
	// ExpenseIndex finds the expenses by number or by everyday words
	// (« ascenseur »), the ones used lately first.
	ExpenseIndex *AccountIndex
	Keys         []ledger.Key
}

// InvoiceRefs reads the suppliers, the expense accounts and the keys.
func (r *Residence) InvoiceRefs() (InvoiceRefs, error) {
	var refs InvoiceRefs
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if refs.Suppliers, err = tx.Suppliers(); err != nil {
			return err
		}
		accounts, err := tx.Accounts()
		if err != nil {
			return err
		}
		for _, a := range accounts {
			if a.Class() == 6 && !a.Hidden {
				refs.Expenses = append(refs.Expenses, a)
			}
		}
		refs.ExpenseIndex = NewAccountIndex(refs.Expenses)
		recent, err := tx.RecentAccounts(RecentAccountCount)
		if err != nil {
			return err
		}
		refs.ExpenseIndex.SetRecent(recent)
		refs.Keys, err = tx.Keys()
		return err
	})
	return refs, err
}

// FindSuppliers filters suppliers by a search on their account or name,
// accents and case aside; an empty search keeps them all.
func FindSuppliers(list []ledger.Supplier, query string) []ledger.Supplier {
	q := fr.Fold(query)
	if q == "" {
		return list
	}
	words := strings.Fields(q)
	var out []ledger.Supplier
	for _, s := range list {
		if strings.HasPrefix(strings.ToLower(s.Account), q) || allWords(fr.Fold(s.Name), words, false) {
			out = append(out, s)
		}
	}
	return out
}

// SplitInput is one key of an invoice split over several keys: either an
// amount or a percentage of the total (all parts of an invoice the same
// way).
type SplitInput struct {
	Key     string
	Amount  ledger.Amount
	Percent decimal.Decimal
}

// SplitInvoice turns the parts of a split into amounts that add up exactly
// to total. Percentages must add up to 100; they are applied with the
// largest-remainder rule (ledger.Allocate), so no cent is lost. Amounts
// must add up to total, except that one part left at zero takes what the
// others leave.
func SplitInvoice(total ledger.Amount, parts []SplitInput) ([]ledger.InvoiceSplit, error) {
	if len(parts) == 0 {
		return nil, ledger.Errorf(ledger.Invalid, "Indiquez au moins une clé de répartition")
	}
	byPercent := 0
	for _, p := range parts {
		if !p.Percent.IsZero() {
			byPercent++
		}
		if !p.Percent.IsZero() && p.Amount != 0 {
			return nil, ledger.Errorf(ledger.Invalid, "Clé %s : indiquez un montant ou un pourcentage, pas les deux", p.Key)
		}
	}
	out := make([]ledger.InvoiceSplit, len(parts))
	for i, p := range parts {
		out[i].Key = strings.TrimSpace(p.Key)
	}
	if byPercent > 0 {
		if byPercent != len(parts) {
			return nil, ledger.Errorf(ledger.Invalid, "Répartition : indiquez toutes les parts en pourcentages, ou toutes en montants")
		}
		sum := decimal.Zero
		weights := make([]ledger.Weight, len(parts))
		for i, p := range parts {
			if p.Percent.IsNegative() {
				return nil, ledger.Errorf(ledger.Invalid, "Clé %s : le pourcentage ne peut pas être négatif", p.Key)
			}
			sum = sum.Add(p.Percent)
			// Ties of the rounding go to the first keys of the form.
			weights[i] = ledger.Weight{Code: fmt.Sprintf("%04d", i), Weight: p.Percent}
		}
		if !sum.Equal(decimal.NewFromInt(100)) {
			return nil, ledger.Errorf(ledger.Invalid, "Répartition : les pourcentages font %s %% au lieu de 100 %%", fr.Shares(sum))
		}
		amounts, err := ledger.Allocate(total, weights)
		if err != nil {
			return nil, err
		}
		for i := range out {
			out[i].Amount = amounts[i]
		}
		return out, nil
	}
	var sum ledger.Amount
	rest := -1
	for i, p := range parts {
		if p.Amount == 0 {
			if rest >= 0 {
				return nil, ledger.Errorf(ledger.Invalid, "Répartition : indiquez le montant de chaque clé (une seule peut recevoir le reste)")
			}
			rest = i
		}
		out[i].Amount = p.Amount
		sum += p.Amount
	}
	if rest >= 0 {
		out[rest].Amount = total - sum
		if out[rest].Amount <= 0 {
			return nil, ledger.Errorf(ledger.Invalid, "Répartition : les autres clés font déjà %s pour une facture de %s, il ne reste rien pour la clé %s", sum, total, out[rest].Key)
		}
		sum = total
	}
	if sum != total {
		return nil, ledger.Errorf(ledger.Invalid, "Répartition : les parts font %s au lieu de %s (écart %s)", sum, total, (sum - total).Abs())
	}
	return out, nil
}

// InvoiceInput is an invoice as the form gives it.
type InvoiceInput struct {
	Supplier string // 401xxx
	Account  string // class-6 expense account
	// Key is the key of an invoice on one key; Splits, when given, share
	// it over several keys instead.
	Key         string
	Splits      []SplitInput
	Date        time.Time
	Number      string // the supplier's invoice number
	Label       string // "" gives "Facture n° … – Supplier"
	Total       ledger.Amount
	VAT         ledger.Amount
	Recoverable bool
}

// InvoiceResult is what an invoice did.
type InvoiceResult struct {
	Invoice ledger.Invoice
	Entry   ledger.Entry
	Matched []ledger.MatchGroup // invoices and payments of the supplier that now balance
	Owed    ledger.Amount       // what the residence owes the supplier after it
	// Warning, when not "", says the invoice puts works spending off its
	// campaign's accounts (annexe 5 will not show it as paid or done).
	Warning string
}

// RecordInvoice books a supplier's invoice in one transaction: journal AC,
// piece F2025-0001…, debit the expense account per key, credit the
// supplier; the supplier's account is then matched oldest first (an
// invoice paid in advance is matched with its payment).
func (r *Residence) RecordInvoice(in InvoiceInput) (InvoiceResult, error) {
	var res InvoiceResult
	err := r.Update(func(tx *ledger.Tx) error {
		sup, err := supplierByAccount(tx, in.Supplier)
		if err != nil {
			return err
		}
		inv := ledger.Invoice{Supplier: sup.Account, Date: in.Date, Number: in.Number, Account: in.Account,
			Total: in.Total, VAT: in.VAT, Recoverable: in.Recoverable, Journal: ledger.JournalPurchases}
		switch {
		case len(in.Splits) > 0 && in.Key != "":
			return ledger.Errorf(ledger.Invalid, "Facture : choisissez une clé ou une répartition sur plusieurs clés, pas les deux")
		case len(in.Splits) > 0:
			parts, err := SplitInvoice(in.Total, in.Splits)
			if err != nil {
				return err
			}
			// A key whose percentage gives less than a cent gets nothing:
			// an entry line cannot be zero.
			for _, p := range parts {
				if p.Amount != 0 {
					inv.Splits = append(inv.Splits, p)
				}
			}
		case in.Key != "":
			inv.Splits = []ledger.InvoiceSplit{{Key: in.Key, Amount: in.Total}}
		}
		inv.Label = strings.TrimSpace(in.Label)
		if inv.Label == "" {
			inv.Label = "Facture"
			if n := strings.TrimSpace(in.Number); n != "" {
				inv.Label += " n° " + n
			}
			inv.Label += " – " + sup.Name
		}
		if !in.Date.IsZero() {
			if inv.Piece, err = tx.NextPieceOn(ledger.JournalPurchases, in.Date); err != nil {
				return err
			}
		}
		if res.Entry, err = tx.PostInvoice(&inv); err != nil {
			return err
		}
		res.Invoice = inv
		if res.Warning, err = invoiceWorksWarning(tx, sup.Account, inv.Account, inv.Total); err != nil {
			return err
		}
		if res.Matched, err = tx.AutoMatch(sup.Account); err != nil {
			return err
		}
		res.Owed, err = supplierOwed(tx, sup.Account, in.Date)
		return err
	})
	return res, err
}

func supplierByAccount(tx *ledger.Tx, account string) (ledger.Supplier, error) {
	list, err := tx.Suppliers()
	if err != nil {
		return ledger.Supplier{}, err
	}
	for _, s := range list {
		if s.Account == account {
			return s, nil
		}
	}
	return ledger.Supplier{}, ledger.Errorf(ledger.NotFound, "Le fournisseur %s n'existe pas", account)
}

// SupplierOwed is what the residence owes a supplier at the end of day at
// (his credit balance), zero when it owes him nothing: the amount the
// payment form starts with.
func (r *Residence) SupplierOwed(account string, at time.Time) (ledger.Amount, error) {
	var owed ledger.Amount
	err := r.View(func(tx *ledger.Tx) (err error) {
		owed, err = supplierOwed(tx, account, at)
		return err
	})
	return owed, err
}

func supplierOwed(tx *ledger.Tx, account string, at time.Time) (ledger.Amount, error) {
	bal, err := tx.AccountBalanceAt(account, at)
	if err != nil || bal >= 0 {
		return 0, err
	}
	return -bal, nil
}

// SupplierPaymentForm is what the payment panel of a supplier's card
// starts with.
type SupplierPaymentForm struct {
	Supplier    ledger.Supplier
	Date        time.Time
	Amount      ledger.Amount // what is owed at Date
	BankAccount string
	Banks       []ledger.BankAccount
	Open        []OpenItem // his unmatched invoices (credits), oldest first
}

// SupplierPaymentForm prepares a payment to supplier on day today.
func (r *Residence) SupplierPaymentForm(account string, today time.Time) (SupplierPaymentForm, error) {
	f := SupplierPaymentForm{Date: ledger.Date(today.Year(), today.Month(), today.Day())}
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if f.Supplier, err = supplierByAccount(tx, account); err != nil {
			return err
		}
		if f.BankAccount, f.Banks, err = daybookBank(tx, optPaymentBank); err != nil {
			return err
		}
		if f.Amount, err = supplierOwed(tx, account, f.Date); err != nil {
			return err
		}
		lines, err := tx.AccountLines(account, time.Time{}, time.Time{})
		f.Open = openItems(lines, false)
		return err
	})
	return f, err
}

// SupplierPayment is a payment to a supplier as the form gives it.
type SupplierPayment struct {
	Supplier    string
	Amount      ledger.Amount
	Date        time.Time
	BankAccount string // "" takes the residence's payments bank
	Reference   string // cheque number or transfer reference, added to the label
	Piece       string // "" numbers it (see ReceiptInput.Piece)
}

// PaymentResult is what a supplier payment did.
type PaymentResult struct {
	Entry   ledger.Entry
	Matched []ledger.MatchGroup // the invoices it paid in full, with their payments
	Owed    ledger.Amount       // what is still owed to the supplier at the date
}

// PaySupplier records a payment to a supplier in one transaction: journal
// BQ, debit his 401 account, credit the bank; then his invoices and
// payments are matched oldest first.
func (r *Residence) PaySupplier(in SupplierPayment) (PaymentResult, error) {
	var res PaymentResult
	err := r.Update(func(tx *ledger.Tx) (err error) {
		res, err = PaySupplierIn(tx, in)
		return err
	})
	return res, err
}

// PaySupplierIn is PaySupplier inside a transaction of the caller's (the
// bank statement import posts many in one).
func PaySupplierIn(tx *ledger.Tx, in SupplierPayment) (PaymentResult, error) {
	var res PaymentResult
	err := func() error {
		sup, err := supplierByAccount(tx, in.Supplier)
		if err != nil {
			return err
		}
		if in.Amount <= 0 {
			return ledger.Errorf(ledger.Invalid, "Paiement de %s : le montant doit être positif", sup.Name)
		}
		bank := in.BankAccount
		if bank == "" {
			if bank, _, err = daybookBank(tx, optPaymentBank); err != nil {
				return err
			}
		} else if banks, err := tx.BankAccounts(); err != nil {
			return err
		} else if !bankListed(banks, bank) {
			return ledger.Errorf(ledger.NotFound, "Le compte %s n'est pas un compte bancaire de la résidence", bank)
		}
		label := "Paiement " + sup.Name
		if ref := strings.TrimSpace(in.Reference); ref != "" {
			label += " – " + ref
		}
		e := ledger.Entry{Journal: ledger.JournalBank, Date: in.Date, Label: label, Origin: "supplier-payment", Lines: []ledger.Line{
			{Account: sup.Account, Debit: in.Amount},
			{Account: bank, Credit: in.Amount},
		}}
		if e.Piece = in.Piece; e.Piece == "" && !in.Date.IsZero() {
			if e.Piece, err = tx.NextPieceOn(ledger.JournalBank, in.Date); err != nil {
				return err
			}
		}
		if err := tx.PostEntry(&e); err != nil {
			return err
		}
		res.Entry = e
		if res.Matched, err = tx.AutoMatch(sup.Account); err != nil {
			return err
		}
		res.Owed, err = supplierOwed(tx, sup.Account, in.Date)
		return err
	}()
	return res, err
}
