package app

import (
	"strings"
	"time"

	"tantieme/ledger"
)

// Residence options of the day book (receipts, deposits, supplier payments).
const (
	optReceiptBank   = "receipts.bank"   // bank account receipts go to
	optPaymentBank   = "payments.bank"   // bank account suppliers are paid from
	optChequesVia511 = "receipts.via511" // "1": cheques wait on 511 until deposited
)

// DaybookSettings are the residence's choices for day-to-day entries.
type DaybookSettings struct {
	// ReceiptBank is the bank account owners' payments go to, PaymentBank
	// the one suppliers are paid from; "" means the first 512 account.
	ReceiptBank string
	PaymentBank string
	// ChequesVia511 keeps cheques received on 511 Chèques à encaisser until
	// their deposit slip moves them to the bank: the bank account then only
	// shows what the bank shows, which makes reconciling easier.
	ChequesVia511 bool
}

// DaybookSettings reads the day book settings.
func (r *Residence) DaybookSettings() (DaybookSettings, error) {
	var s DaybookSettings
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		s, err = daybookSettings(tx)
		return err
	})
	return s, err
}

func daybookSettings(tx *ledger.Tx) (DaybookSettings, error) {
	var s DaybookSettings
	var err error
	if s.ReceiptBank, err = tx.Option(optReceiptBank, ""); err != nil {
		return s, err
	}
	if s.PaymentBank, err = tx.Option(optPaymentBank, ""); err != nil {
		return s, err
	}
	v, err := tx.Option(optChequesVia511, "0")
	s.ChequesVia511 = v == "1"
	return s, err
}

// SetDaybookSettings saves the day book settings.
func (r *Residence) SetDaybookSettings(s DaybookSettings) error {
	return r.Update(func(tx *ledger.Tx) error {
		banks, err := tx.BankAccounts()
		if err != nil {
			return err
		}
		for _, acc := range []string{s.ReceiptBank, s.PaymentBank} {
			if acc != "" && !bankListed(banks, acc) {
				return ledger.Errorf(ledger.NotFound, "Le compte %s n'est pas un compte bancaire de la résidence", acc)
			}
		}
		via := "0"
		if s.ChequesVia511 {
			via = "1"
			if err := tx.EnsureChequesAccount(); err != nil {
				return err
			}
		}
		for name, v := range map[string]string{optReceiptBank: s.ReceiptBank, optPaymentBank: s.PaymentBank, optChequesVia511: via} {
			if err := tx.SetOption(name, v); err != nil {
				return err
			}
		}
		return nil
	})
}

func bankListed(banks []ledger.BankAccount, acc string) bool {
	for _, b := range banks {
		if b.Account == acc {
			return true
		}
	}
	return false
}

// daybookBank is the bank account named by option, else the first 512 of
// the residence, else its first bank account.
func daybookBank(tx *ledger.Tx, option string) (string, []ledger.BankAccount, error) {
	banks, err := tx.BankAccounts()
	if err != nil {
		return "", nil, err
	}
	if len(banks) == 0 {
		return "", nil, ledger.Errorf(ledger.NotFound, "La résidence n'a aucun compte bancaire : indiquez-le dans les réglages")
	}
	acc, err := tx.Option(option, "")
	if err != nil {
		return "", nil, err
	}
	if acc != "" && bankListed(banks, acc) {
		return acc, banks, nil
	}
	for _, b := range banks {
		if ledger.IsCurrentBankAccount(b.Account) {
			return b.Account, banks, nil
		}
	}
	return banks[0].Account, banks, nil
}

// DefaultBanks are the bank accounts receipts go to and suppliers are paid
// from when the form does not choose: the settings, else the first 512.
func (r *Residence) DefaultBanks() (receipts, payments string, err error) {
	err = r.View(func(tx *ledger.Tx) error {
		if receipts, _, err = daybookBank(tx, optReceiptBank); err != nil {
			return err
		}
		payments, _, err = daybookBank(tx, optPaymentBank)
		return err
	})
	return receipts, payments, err
}

// OpenItem is a debit still unmatched on an owner's account (a call, a
// penalty), or a credit on a supplier's (an invoice). A double-click on it
// in the payment form takes what remains due on it.
type OpenItem struct {
	LineID int64
	Date   time.Time
	Piece  string
	Label  string
	Amount ledger.Amount
	// Paid is what the unmatched payments cover of it, oldest first. A
	// match must balance, so a call paid in full stays unmatched while the
	// payment that paid it also paid part of the next one: Paid shows it
	// paid all the same.
	Paid ledger.Amount
}

// Due is what remains to pay on the item.
func (o OpenItem) Due() ledger.Amount { return o.Amount - o.Paid }

// openItems lists the unmatched lines of an account on the side that is
// owed (debits of an owner, credits of a supplier), oldest first, with
// the unmatched lines of the other side spread over them oldest first.
// Lines of closed exercises are left out: their balance is carried by the
// opening line.
func openItems(lines []ledger.BookLine, owedOnDebit bool) []OpenItem {
	var items []OpenItem
	var paid ledger.Amount
	for _, l := range lines {
		if l.Letter != "" || l.Locked {
			continue
		}
		owed, pays := l.Debit, l.Credit
		if !owedOnDebit {
			owed, pays = l.Credit, l.Debit
		}
		paid += pays
		if owed > 0 {
			items = append(items, OpenItem{LineID: l.ID, Date: l.Date, Piece: l.Piece, Label: l.Text(), Amount: owed})
		}
	}
	owed := make([]ledger.Amount, len(items))
	for i, it := range items {
		owed[i] = it.Amount
	}
	for i, c := range ledger.CoverOldestFirst(owed, paid) {
		items[i].Paid = c
	}
	return items
}

// PaidInFull counts the open items an amount pays in full, oldest first,
// as the books settle them (ledger.CoverOldestFirst): what a receipt's
// message and the payment form announce.
func PaidInFull(open []OpenItem, amount ledger.Amount) int {
	due := make([]ledger.Amount, len(open))
	for i, it := range open {
		due[i] = it.Due()
	}
	return ledger.SettledInFull(due, amount)
}

// ReceiptForm is what the receipt panel of an owner's card starts with.
type ReceiptForm struct {
	Owner   ledger.Owner
	Date    time.Time     // today
	Balance ledger.Amount // his balance at Date: positive, he owes
	Amount  ledger.Amount // the balance when he owes, else zero
	Mode    ledger.PaymentMode
	Cheque  string // the cheque number of a receipt being corrected
	// Drawer and DrawerBank are his name and bank, as a cheque of his
	// would show them.
	Drawer      string
	DrawerBank  string
	BankAccount string
	Banks       []ledger.BankAccount // to choose from when there are several
	ViaCheques  bool                 // cheques will wait on 511 until deposited
	Open        []OpenItem           // his unmatched debits (calls), oldest first
}

// ReceiptForm prepares a receipt from owner on day today.
func (r *Residence) ReceiptForm(owner string, today time.Time) (ReceiptForm, error) {
	f := ReceiptForm{Date: ledger.Date(today.Year(), today.Month(), today.Day()), Mode: ledger.ByCheque}
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if f.Owner, err = tx.Owner(owner); err != nil {
			return err
		}
		f.Drawer, f.DrawerBank = f.Owner.DisplayName(), f.Owner.BankName
		if f.BankAccount, f.Banks, err = daybookBank(tx, optReceiptBank); err != nil {
			return err
		}
		s, err := daybookSettings(tx)
		if err != nil {
			return err
		}
		f.ViaCheques = s.ChequesVia511
		if f.Balance, err = tx.AccountBalanceAt(owner, f.Date); err != nil {
			return err
		}
		if f.Balance > 0 {
			f.Amount = f.Balance
		}
		lines, err := tx.AccountLines(owner, time.Time{}, time.Time{})
		f.Open = openItems(lines, true)
		return err
	})
	return f, err
}

// ReceiptInput is a receipt as the form or the CLI gives it.
type ReceiptInput struct {
	Owner  string
	Amount ledger.Amount
	Date   time.Time
	Mode   ledger.PaymentMode // what was chosen, "" for none: see ledger.ReceiptMode
	Cheque string             // cheque number
	// Drawer and DrawerBank default to the owner's name and bank for a
	// cheque.
	Drawer      string
	DrawerBank  string
	BankAccount string // "" takes the residence's setting
	// Piece is the entry's piece; "" numbers it (NextPieceOn). A workflow
	// posting many receipts in one transaction numbers them with a
	// ledger.PieceCounter instead: NextPieceOn reads every piece.
	Piece string
	// Parts split the payment over calls (a statement line's allocation,
	// app/banking): none, one line of the whole amount.
	Parts []ledger.ReceiptPart
	// Others put part of the payment on other accounts (a cheque split
	// between the owner's charges and, say, an insurer's refund).
	Others []ledger.OtherPart
	// ReplaceOthers, on a correction (CorrectReceipt), says Others are the
	// parts as the syndic left them (none: the split is undone); false
	// keeps the parts recorded, whatever else is corrected.
	ReplaceOthers bool
}

// ReceiptResult is what a receipt did.
type ReceiptResult struct {
	Receipt ledger.Receipt
	Entry   ledger.Entry
	// Settled are the matching groups the payment closed, oldest first:
	// the calls it paid in full, with the payments that paid them.
	Settled []ledger.MatchGroup
	Balance ledger.Amount // the owner's balance at the receipt's date, after it
	Owner   ledger.Owner  // who paid, as the books name him
}

// Receive records an owner's payment in one transaction: an entry in
// journal BQ (piece B2025-0001…) debiting the bank (or 511 for a cheque
// when the residence says so) and crediting his 450 account; then his
// unmatched lines are matched oldest first.
func (r *Residence) Receive(in ReceiptInput) (ReceiptResult, error) {
	var res ReceiptResult
	err := r.Update(func(tx *ledger.Tx) (err error) {
		res, err = ReceiveIn(tx, in)
		return err
	})
	return res, err
}

// ReceiveIn is Receive inside a transaction of the caller's: the one code
// path of a receipt, for the workflows that post several in one
// transaction (app/banking).
func ReceiveIn(tx *ledger.Tx, in ReceiptInput) (ReceiptResult, error) {
	var res ReceiptResult
	err := func() error {
		o, err := tx.Owner(in.Owner)
		if err != nil {
			return err
		}
		res.Owner = o
		rc, err := receiptOf(tx, in, o)
		if err != nil {
			return err
		}
		if rc.Piece = in.Piece; rc.Piece == "" && !in.Date.IsZero() {
			if rc.Piece, err = tx.NextPieceOn(ledger.JournalBank, in.Date); err != nil {
				return err
			}
		}
		if res.Entry, err = tx.PostReceipt(&rc); err != nil {
			return err
		}
		if res.Settled, err = tx.AutoMatch(o.Account); err != nil {
			return err
		}
		// The receipt as the books now read it: a new receipt is on no
		// slip and not bounced, its amount the one just posted (not read
		// back: a statement import posts thousands).
		res.Receipt = rc
		res.Balance, err = tx.AccountBalanceAt(o.Account, in.Date)
		return err
	}()
	return res, err
}

// OwnerOpenItems lists an owner's unmatched debits (calls, penalties),
// oldest first, with what his unmatched payments already cover of them.
func OwnerOpenItems(tx *ledger.Tx, owner string) ([]OpenItem, error) {
	lines, err := tx.AccountLines(owner, time.Time{}, time.Time{})
	return openItems(lines, true), err
}

// SupplierOpenItems lists a supplier's unmatched invoices, oldest first.
func SupplierOpenItems(tx *ledger.Tx, supplier string) ([]OpenItem, error) {
	lines, err := tx.AccountLines(supplier, time.Time{}, time.Time{})
	return openItems(lines, false), err
}

// receiptOf is the receipt in describes, from owner o, without its piece:
// the mode read from what was typed, the residence's bank when none is
// chosen, the owner's name and bank as a cheque's drawer when left blank,
// 511 when cheques wait for their deposit.
func receiptOf(tx *ledger.Tx, in ReceiptInput, o ledger.Owner) (ledger.Receipt, error) {
	in.Mode = ledger.ReceiptMode(in.Mode, in.Cheque)
	var err error
	if in.BankAccount == "" {
		if in.BankAccount, _, err = daybookBank(tx, optReceiptBank); err != nil {
			return ledger.Receipt{}, err
		}
	}
	s, err := daybookSettings(tx)
	if err != nil {
		return ledger.Receipt{}, err
	}
	rc := ledger.Receipt{Owner: o.Account, Date: in.Date, Amount: in.Amount, Mode: in.Mode, BankAccount: in.BankAccount,
		Cheque: in.Cheque, Drawer: in.Drawer, DrawerBank: in.DrawerBank, Journal: ledger.JournalBank, Parts: in.Parts, Others: in.Others}
	if in.Mode == ledger.ByCheque {
		if strings.TrimSpace(rc.Drawer) == "" {
			rc.Drawer = o.DisplayName()
		}
		if strings.TrimSpace(rc.DrawerBank) == "" {
			rc.DrawerBank = o.BankName
		}
		if s.ChequesVia511 {
			// 511000 is in the chart since migration 010 and whenever
			// the setting was turned on: no upkeep on every receipt.
			rc.Account = ledger.ChequesAccount
		}
	}
	rc.Label = receiptLabel(rc, o)
	return rc, nil
}

// receiptLabel is the entry's label: "Règlement chèque n° 1234567 – Dupont Zoé".
func receiptLabel(rc ledger.Receipt, o ledger.Owner) string {
	s := "Règlement " + rc.Mode.Label()
	if rc.Mode == ledger.ByOther {
		s = "Règlement"
	}
	if rc.Cheque != "" {
		s += " n° " + strings.TrimSpace(rc.Cheque)
	}
	return s + " – " + o.DisplayName()
}

// OwnerReceipts lists an owner's receipts with their deposit and bounce.
func (r *Residence) OwnerReceipts(owner string) ([]ledger.Receipt, error) {
	var out []ledger.Receipt
	err := r.View(func(tx *ledger.Tx) (err error) {
		out, err = tx.Receipts(ledger.ReceiptFilter{Owner: owner})
		return err
	})
	return out, err
}

// SettledText says in French what a matching group settled, for the
// message after a receipt: "A0001 Appel … du 01/01/2025 (300,00 €) soldé".
// A group may hold earlier payments too: the debits are settled, not
// necessarily by the last payment alone.
func SettledText(g ledger.MatchGroup) string {
	var parts []string
	for _, l := range g.Lines {
		if l.Debit == 0 {
			continue
		}
		s := l.Text()
		if l.Piece != "" {
			s = l.Piece + " " + s
		}
		parts = append(parts, s+" du "+ledger.FrenchDate(l.Date)+" ("+l.Debit.String()+")")
	}
	if len(parts) > 1 {
		return strings.Join(parts, ", ") + " soldés"
	}
	return strings.Join(parts, ", ") + " soldé"
}
