package banking

import (
	"strings"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// PendingLine is a line waiting in the « Relevés » list, with up to two
// suggestions computed on today's books.
type PendingLine struct {
	ledger.BankLine
	Match
}

// Pending lists the lines waiting, by date.
func Pending(r *app.Residence) ([]PendingLine, error) {
	var out []PendingLine
	err := r.View(func(tx *ledger.Tx) error {
		lines, err := tx.PendingBankLines()
		if err != nil || len(lines) == 0 {
			return err
		}
		m, err := newMatcher(tx)
		if err != nil {
			return err
		}
		for _, l := range lines {
			mt := m.match(pendingInput(l))
			if mt.Certain && len(mt.Suggestions) == 0 {
				// A match that became certain since the import is a
				// suggestion here: the syndic confirms it.
				mt.Suggestions = []Suggestion{{mt.Account, mt.Name, mt.Reason}}
			}
			out = append(out, PendingLine{BankLine: l, Match: mt})
		}
		return nil
	})
	return out, err
}

func pendingInput(l ledger.BankLine) input {
	return input{Bank: l.BankAccount, Date: l.Date, Amount: l.Amount,
		Text: strings.Join([]string{l.Label, l.Reference, l.EndToEnd, strings.ReplaceAll(l.Details, "\n", " ")}, " "),
		Name: l.CounterpartyName, IBAN: l.CounterpartyIBAN}
}

// Assigned is what Assign posted.
type Assigned struct {
	Line  ledger.BankLine
	Entry ledger.Entry
}

// Assign posts pending line id to account: an owner's (a receipt, the
// receipt path of every receipt; his payer IBAN is learnt), a supplier's
// (a payment), or any account of the chart, in
// journal BQ; key is the répartition key a charge or income account needs.
// Bank fees go to 662000 « Autres charges financières et agios »: the
// copropriétés' chart (décret n° 2005-240) has no 627, whatever the
// general chart says.
func Assign(r *app.Residence, id int64, account, key string) (Assigned, error) {
	var out Assigned
	account, key = strings.TrimSpace(account), strings.TrimSpace(key)
	err := r.Update(func(tx *ledger.Tx) error {
		l, err := tx.BankLine(id)
		if err != nil {
			return err
		}
		if l.Status != ledger.BankLinePending {
			return ledger.Errorf(ledger.Conflict, "La ligne de relevé n° %d n'est pas en attente", id)
		}
		what := "Ligne du " + ledger.FrenchDate(l.Date) + " (" + l.Amount.String() + ")"
		class := ledger.AccountClass(account)
		if key != "" && class != 6 && class != 7 {
			return ledger.Errorf(ledger.Invalid, "%s : une clé de répartition ne concerne que les comptes de charges (6) et de produits (7)", what)
		}
		switch {
		case ledger.IsOwnerAccount(account) && l.Amount > 0:
			res, err := app.ReceiveIn(tx, app.ReceiptInput{Owner: account, Amount: l.Amount, Date: l.Date, Mode: ledger.ByTransfer, BankAccount: l.BankAccount})
			if err != nil {
				return err
			}
			out.Entry = res.Entry
			if err := learnIBAN(tx, account, l.CounterpartyIBAN, l.Date); err != nil {
				return err
			}
		case ledger.IsSupplierAccount(account) && l.Amount < 0:
			res, err := app.PaySupplierIn(tx, app.SupplierPayment{Supplier: account, Amount: -l.Amount, Date: l.Date,
				BankAccount: l.BankAccount, Reference: l.Reference})
			if err != nil {
				return err
			}
			out.Entry = res.Entry
		default:
			if out.Entry, err = postOther(tx, l, account, key, what, class); err != nil {
				return err
			}
		}
		if err := tx.MarkBankLinePosted(id, out.Entry.ID, 0); err != nil {
			return err
		}
		out.Line, err = tx.BankLine(id)
		return err
	})
	return out, err
}

// postOther posts a line against any account: the bank on one side, the
// account on the other.
func postOther(tx *ledger.Tx, l ledger.BankLine, account, key, what string, class int) (ledger.Entry, error) {
	if _, err := tx.Account(account); err != nil {
		return ledger.Entry{}, err
	}
	if account == l.BankAccount {
		return ledger.Entry{}, ledger.Errorf(ledger.Invalid, "%s : choisissez un autre compte que la banque elle-même", what)
	}
	if (class == 6 || class == 7) && key == "" {
		return ledger.Entry{}, ledger.Errorf(ledger.Invalid, "%s : le compte %s est un compte de charges ou de produits, indiquez sa clé de répartition", what, account)
	}
	if l.Amount == 0 {
		return ledger.Entry{}, ledger.Errorf(ledger.Invalid, "%s : montant nul, rien à comptabiliser", what)
	}
	label := strings.TrimSpace(l.Label)
	if label == "" {
		label = "Relevé du " + ledger.FrenchDate(l.Date)
	}
	bank, other := ledger.Line{Account: l.BankAccount}, ledger.Line{Account: account, Key: key}
	if l.Amount > 0 {
		bank.Debit, other.Credit = l.Amount, l.Amount
	} else {
		bank.Credit, other.Debit = -l.Amount, -l.Amount
	}
	e := ledger.Entry{Journal: ledger.JournalBank, Date: l.Date, Label: label, Origin: "bank-line", Lines: []ledger.Line{bank, other}}
	var err error
	if e.Piece, err = tx.NextPieceOn(ledger.JournalBank, l.Date); err != nil {
		return e, err
	}
	if err := tx.PostEntry(&e); err != nil {
		return e, err
	}
	if ledger.IsOwnerAccount(account) || ledger.IsSupplierAccount(account) {
		if _, err := tx.AutoMatch(account); err != nil {
			return e, err
		}
	}
	return e, nil
}

// Ignore sets a pending line aside (a transfer between the residence's
// own accounts already posted, a line posted by hand): nothing is posted.
func Ignore(r *app.Residence, id int64) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.IgnoreBankLine(id) })
}

// Allocation is one part of a receipt's detail (seed 004, « Détail de
// l'affectation »): a call settled (or partly), or the overpayment kept as
// the owner's credit.
type Allocation struct {
	Piece  string
	Date   time.Time
	Label  string
	Due    ledger.Amount // what remained due on it
	Amount ledger.Amount // what the payment settles of it
	Over   bool          // the overpayment line
}

// Detail shows how an owner's payment of amount is allocated: his calls
// oldest first, as the books settle them (ledger.CoverOldestFirst, the
// receipt's own AutoMatch), then what is left over.
func Detail(r *app.Residence, owner string, amount ledger.Amount) ([]Allocation, error) {
	var out []Allocation
	err := r.View(func(tx *ledger.Tx) error {
		open, err := app.OwnerOpenItems(tx, owner)
		if err != nil {
			return err
		}
		due := make([]ledger.Amount, len(open))
		for i, it := range open {
			due[i] = it.Due()
		}
		left := amount
		for i, c := range ledger.CoverOldestFirst(due, amount) {
			if due[i] <= 0 {
				continue
			}
			out = append(out, Allocation{Piece: open[i].Piece, Date: open[i].Date, Label: open[i].Label, Due: due[i], Amount: c})
			left -= c
		}
		if left > 0 {
			out = append(out, Allocation{Label: "Trop-perçu (reste au crédit du copropriétaire)", Amount: left, Over: true})
		}
		return nil
	})
	return out, err
}
