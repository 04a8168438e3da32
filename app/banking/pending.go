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
				mt.Suggestions = []Suggestion{mt.suggestion()}
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
		Name: l.CounterpartyName, IBAN: l.CounterpartyIBAN, Refs: []string{l.EndToEnd, l.Reference}, Return: returnOfDetails(l.Details)}
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
	return AssignChoice(r, id, Choice{Account: account, Key: key})
}

// AssignChoice posts pending line id as choice c says: Assign with the
// detail of an owner's payment and the entry's label.
func AssignChoice(r *app.Residence, id int64, c Choice) (Assigned, error) {
	var out Assigned
	err := r.Update(func(tx *ledger.Tx) error {
		l, err := tx.BankLine(id)
		if err != nil {
			return err
		}
		if l.Status != ledger.BankLinePending {
			return ledger.Errorf(ledger.Conflict, "La ligne de relevé n° %d n'est pas en attente", id)
		}
		e, why, err := postChoice(tx, tx.PieceCounter(), &l, c, func(owner string) (ledger.Amount, error) { return owed(tx, owner) })
		if err != nil {
			return err
		}
		if why != "" {
			return ledger.Errorf(ledger.Invalid, "Ligne du %s (%s) : %s", ledger.FrenchDate(l.Date), l.Amount, why)
		}
		out.Entry = e
		if err := tx.MarkBankLinePosted(id, e.ID, 0); err != nil {
			return err
		}
		out.Line, err = tx.BankLine(id)
		return err
	})
	return out, err
}

// postOther posts a line against any account: the bank on one side, the
// account on the other; owners' and suppliers' accounts are matched again.
func postOther(tx *ledger.Tx, l ledger.BankLine, c Choice, piece string) (ledger.Entry, error) {
	if l.Amount == 0 {
		return ledger.Entry{}, ledger.Errorf(ledger.Invalid, "Ligne du %s : montant nul, rien à comptabiliser", ledger.FrenchDate(l.Date))
	}
	label := strings.TrimSpace(c.Label)
	if label == "" {
		label = strings.TrimSpace(l.Label)
	}
	if label == "" {
		label = "Relevé du " + ledger.FrenchDate(l.Date)
	}
	bank, other := ledger.Line{Account: l.BankAccount}, ledger.Line{Account: c.Account, Key: c.Key}
	if l.Amount > 0 {
		bank.Debit, other.Credit = l.Amount, l.Amount
	} else {
		bank.Credit, other.Debit = -l.Amount, -l.Amount
	}
	e := ledger.Entry{Journal: ledger.JournalBank, Date: l.Date, Piece: piece, Label: label, Origin: "bank-line", Lines: []ledger.Line{bank, other}}
	if err := tx.PostEntry(&e); err != nil {
		return e, err
	}
	if ledger.IsOwnerAccount(c.Account) || ledger.IsSupplierAccount(c.Account) {
		if _, err := tx.AutoMatch(c.Account); err != nil {
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
// the owner's credit. Amount and Label are what the syndic may edit.
type Allocation struct {
	LineID int64 // the call's line in the books (0 for the overpayment)
	Piece  string
	Date   time.Time
	Call   string        // the call's label
	Due    ledger.Amount // what remained due on it
	Amount ledger.Amount // what the payment settles of it
	Label  string        // the receipt's line for it
	Over   bool          // the overpayment line
}

// Detail shows how an owner's payment of amount is allocated: his calls
// oldest first, as the books settle them (ledger.CoverOldestFirst, the
// receipt's own AutoMatch), then what is left over.
func Detail(r *app.Residence, owner string, amount ledger.Amount) ([]Allocation, error) {
	var out []Allocation
	err := r.View(func(tx *ledger.Tx) (err error) {
		out, err = detail(tx, owner, amount)
		return err
	})
	return out, err
}

func detail(tx *ledger.Tx, owner string, amount ledger.Amount) ([]Allocation, error) {
	var out []Allocation
	open, err := app.OwnerOpenItems(tx, owner)
	if err != nil {
		return nil, err
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
		label := "Règlement " + open[i].Piece
		if open[i].Piece == "" {
			label = "Règlement – " + open[i].Label
		}
		out = append(out, Allocation{LineID: open[i].LineID, Piece: open[i].Piece, Date: open[i].Date, Call: open[i].Label,
			Due: due[i], Amount: c, Label: label})
		left -= c
	}
	if left < 0 {
		left = 0
	}
	out = append(out, Allocation{Call: "Trop-perçu", Label: OverLabel, Amount: left, Over: true})
	return out, nil
}
