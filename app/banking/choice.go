package banking

import (
	"fmt"
	"strings"

	"tantieme/app"
	"tantieme/ledger"
)

// Choice is what the syndic decided for one line of a statement in the
// assistant (seed 004, §2.2–2.3): the account it goes to when it is not
// the match's, or the line had none (a suggestion, an owner or supplier
// found by the search, any account of the chart), and for an owner's
// payment its allocation over his calls, amounts and labels edited.
type Choice struct {
	Account string // 450…, 401… or any account of the chart
	Key     string // the répartition key of a charge or income account
	// Label is the entry's label of a line posted to another account than
	// an owner's or a supplier's ("" keeps the bank's); an owner's
	// payment has its labels in its Allocation.
	Label string
	// Allocation splits an owner's payment: his calls, then the
	// overpayment line. Allocate gives the usual one (oldest calls
	// first); nil posts it so.
	Allocation []Allocation
	// Owed is the owner's balance when the choice was made: the line is
	// refused at validation if it changed since (his debt is read again).
	Owed ledger.Amount
	// Entry ties the line to an entry already posted (a transfer between
	// the residence's accounts) instead of posting one; Return reverses the
	// direct debit of that end-to-end id, sent back for ReturnCode
	// (Suggestion.Choice gives both).
	Entry      int64
	Return     string
	ReturnCode string
	// checked says Owed was read by Allocate (a choice made by hand has no
	// debt to compare); proposed is the allocation Allocate proposed, to
	// tell an allocation the syndic edited.
	checked  bool
	proposed []Allocation
}

// Edited says whether the syndic changed the allocation Allocate proposed.
func (c Choice) Edited() bool {
	if len(c.Allocation) != len(c.proposed) {
		return true
	}
	for i, a := range c.Allocation {
		if a != c.proposed[i] {
			return true
		}
	}
	return false
}

// Allocate is the choice of posting a payment of amount to owner, with
// its usual allocation (his calls oldest first, then the overpayment) and
// his debt today: what the detail step starts with.
func Allocate(r *app.Residence, owner string, amount ledger.Amount) (Choice, error) {
	c := Choice{Account: owner, checked: true}
	err := r.View(func(tx *ledger.Tx) (err error) {
		if _, err = tx.Owner(owner); err != nil {
			return err
		}
		if c.Owed, err = owed(tx, owner); err != nil {
			return err
		}
		c.Allocation, err = detail(tx, owner, amount)
		c.proposed = append([]Allocation(nil), c.Allocation...)
		return err
	})
	return c, err
}

// owed is an owner's balance as matching reads it (ledger.OwnerBalances
// at the end of the last exercise).
func owed(tx *ledger.Tx, owner string) (ledger.Amount, error) {
	exs, err := tx.Exercises()
	if err != nil || len(exs) == 0 {
		return 0, err
	}
	b, err := tx.OwnerBalances(exs[len(exs)-1].End)
	return b[owner], err
}

// parts checks an allocation of a payment of amount by owner against his
// calls as they are now and turns it into the receipt's lines; the French
// reason when it cannot be posted. Each call gets at most what remains due
// on it (seed 004 §2.3: « dans la limite du montant dû »), the
// overpayment is what is left, never negative.
func parts(tx *ledger.Tx, owner string, amount ledger.Amount, alloc []Allocation) ([]ledger.ReceiptPart, string, error) {
	if alloc == nil {
		return nil, "", nil
	}
	open, err := app.OwnerOpenItems(tx, owner)
	if err != nil {
		return nil, "", err
	}
	items := make(map[int64]app.OpenItem, len(open))
	for _, it := range open {
		items[it.LineID] = it
	}
	var out []ledger.ReceiptPart
	var calls ledger.Amount
	var over *Allocation
	for i := range alloc {
		a := alloc[i]
		if a.Over {
			over = &alloc[i]
			continue
		}
		if a.Amount < 0 {
			return nil, fmt.Sprintf("l'affectation à %s est négative (%s)", a.Piece, a.Amount), nil
		}
		if a.Amount == 0 {
			continue
		}
		it, ok := items[a.LineID]
		if !ok {
			return nil, fmt.Sprintf("l'appel %s n'est plus dû : refaites le détail de l'affectation", a.Piece), nil
		}
		if a.Amount > it.Due() {
			return nil, fmt.Sprintf("l'affectation à %s (%s) dépasse ce qui reste dû (%s)", a.Piece, a.Amount, it.Due()), nil
		}
		p := ledger.ReceiptPart{Label: strings.TrimSpace(a.Label), Amount: a.Amount}
		if a.Amount == it.Amount && it.Paid == 0 {
			p.Settles = it.LineID
		}
		out = append(out, p)
		calls += a.Amount
	}
	if calls > amount {
		return nil, fmt.Sprintf("les affectations (%s) dépassent le règlement (%s)", calls, amount), nil
	}
	if left := amount - calls; left > 0 {
		label := OverLabel
		if over != nil && strings.TrimSpace(over.Label) != "" {
			label = strings.TrimSpace(over.Label)
		}
		out = append(out, ledger.ReceiptPart{Label: label, Amount: left})
	}
	return out, "", nil
}

// OverLabel is the overpayment line's label until the syndic edits it.
const OverLabel = "Trop-perçu (reste au crédit du copropriétaire)"

// checkChoice says why choice c cannot post line l (amount, bank), "" when
// it can: the account must exist and suit the line's direction, a charge
// or income account needs its key, an owner's debt must not have changed
// since the choice: owed reads it as the choice saw it (before the
// import's own postings).
func checkChoice(tx *ledger.Tx, amount ledger.Amount, bank string, c Choice, owed func(string) (ledger.Amount, error)) (string, error) {
	acc := strings.TrimSpace(c.Account)
	class := ledger.AccountClass(acc)
	switch {
	case acc == "":
		return "aucun compte choisi", nil
	case acc == bank:
		return "choisissez un autre compte que la banque elle-même", nil
	case c.Key != "" && class != 6 && class != 7:
		return "une clé de répartition ne concerne que les comptes de charges (6) et de produits (7)", nil
	case (class == 6 || class == 7) && c.Key == "":
		return fmt.Sprintf("le compte %s est un compte de charges ou de produits, indiquez sa clé de répartition", acc), nil
	}
	if _, err := tx.Account(acc); err != nil {
		if ledger.KindOf(err) == ledger.NotFound {
			return fmt.Sprintf("le compte %s n'existe pas dans le plan comptable", acc), nil
		}
		return "", err
	}
	if ledger.IsOwnerAccount(acc) && amount > 0 && c.checked {
		now, err := owed(acc)
		if err != nil {
			return "", err
		}
		if now != c.Owed {
			return fmt.Sprintf("la dette du copropriétaire %s a changé depuis le détail (%s, maintenant %s) : refaites le détail", acc, c.Owed, now), nil
		}
	}
	return "", nil
}

// postChoice posts bank line bl as choice c says, numbering its piece with
// pieces, and marks bl posted (owed: see checkChoice); the French reason when the choice cannot
// be posted (nothing is written then).
func postChoice(tx *ledger.Tx, pieces *ledger.PieceCounter, bl *ledger.BankLine, c Choice, owed func(string) (ledger.Amount, error)) (ledger.Entry, string, error) {
	c.Account, c.Key = strings.TrimSpace(c.Account), strings.TrimSpace(c.Key)
	if c.Entry != 0 || c.Return != "" {
		return postSEPAChoice(tx, bl, c)
	}
	if why, err := checkChoice(tx, bl.Amount, bl.BankAccount, c, owed); why != "" || err != nil {
		return ledger.Entry{}, why, err
	}
	piece, err := pieces.NextOn(ledger.JournalBank, bl.Date)
	if err != nil {
		return ledger.Entry{}, "", err
	}
	var e ledger.Entry
	switch {
	case ledger.IsOwnerAccount(c.Account) && bl.Amount > 0:
		ps, why, err := parts(tx, c.Account, bl.Amount, c.Allocation)
		if why != "" || err != nil {
			return e, why, err
		}
		res, err := app.ReceiveIn(tx, app.ReceiptInput{Owner: c.Account, Amount: bl.Amount, Date: bl.Date, Mode: ledger.ByTransfer,
			BankAccount: bl.BankAccount, Piece: piece, Parts: ps})
		if err != nil {
			return e, "", err
		}
		e = res.Entry
		if err := learnIBAN(tx, c.Account, bl.CounterpartyIBAN, bl.Date); err != nil {
			return e, "", err
		}
	case ledger.IsSupplierAccount(c.Account) && bl.Amount < 0:
		res, err := app.PaySupplierIn(tx, app.SupplierPayment{Supplier: c.Account, Amount: -bl.Amount, Date: bl.Date,
			BankAccount: bl.BankAccount, Reference: bl.Reference, Piece: piece})
		if err != nil {
			return e, "", err
		}
		e = res.Entry
	default:
		if e, err = postOther(tx, *bl, c, piece); err != nil {
			return e, "", err
		}
	}
	bl.Status, bl.EntryID = ledger.BankLinePosted, e.ID
	return e, "", nil
}
