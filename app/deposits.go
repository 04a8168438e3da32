package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// PendingCheque is a cheque received and not yet handed to the bank.
type PendingCheque struct {
	ledger.Receipt
	OwnerName string
}

// PendingCheques lists the cheques waiting to be deposited into bankAccount
// (every bank account when empty), oldest first.
func (r *Residence) PendingCheques(bankAccount string) ([]PendingCheque, error) {
	return r.PendingReceipts(bankAccount, ledger.DepositCheques)
}

// PendingReceipts lists the receipts a slip of kind takes (cheques; cash
// and « autre » receipts) waiting to be deposited into bankAccount (every
// bank account when empty), oldest first.
func (r *Residence) PendingReceipts(bankAccount string, kind ledger.DepositKind) ([]PendingCheque, error) {
	var out []PendingCheque
	err := r.View(func(tx *ledger.Tx) error {
		list, err := tx.Receipts(ledger.ReceiptFilter{BankAccount: bankAccount, Undeposited: true, Kind: kind})
		if err != nil {
			return err
		}
		names, err := ownerDisplayNames(tx)
		if err != nil {
			return err
		}
		for _, rc := range list {
			out = append(out, PendingCheque{Receipt: rc, OwnerName: names[rc.Owner]})
		}
		return nil
	})
	return out, err
}

func ownerDisplayNames(tx *ledger.Tx) (map[string]string, error) {
	owners, err := tx.Owners()
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(owners))
	for _, o := range owners {
		names[o.Account] = o.DisplayName()
	}
	return names, nil
}

// ChequeSelection counts the ticked cheques and their total, for the
// counter beside the list.
func ChequeSelection(list []PendingCheque, ticked map[int64]bool) (count int, total ledger.Amount) {
	for _, c := range list {
		if ticked[c.EntryID] {
			count++
			total += c.Amount
		}
	}
	return count, total
}

// DepositInput is a deposit as the form gives it.
type DepositInput struct {
	Cheques     []int64 // receipt entry ids
	Date        time.Time
	BankAccount string             // "" takes the residence's receipts bank
	Kind        ledger.DepositKind // "" for cheques
	// Expected are cheques handed in advance, recorded as receipts of the
	// deposit's day inside its transaction.
	Expected []ExpectedPick
	// New are cheques received earlier and forgotten, typed in the deposit
	// (seed 003 « nouvelles entrées de fonds »): receipts by cheque, on the
	// deposit's bank, dated the deposit's day when no date is given.
	New []ReceiptInput
}

// Counted is how many cheques the deposit holds in all.
func (in DepositInput) Counted() int { return len(in.Cheques) + len(in.Expected) + len(in.New) }

// Deposit marks the cheques as handed to the bank on in.Date, in one
// transaction. The cheques that waited on 511 move to the bank in an entry
// of journal BQ (debit the bank, credit 511) for their total.
func (r *Residence) Deposit(in DepositInput) (ledger.Deposit, error) {
	d := ledger.Deposit{Date: in.Date, BankAccount: in.BankAccount, Kind: in.Kind}
	err := r.Update(func(tx *ledger.Tx) error {
		var err error
		if d.BankAccount == "" {
			if d.BankAccount, _, err = daybookBank(tx, optReceiptBank); err != nil {
				return err
			}
		}
		cheques, piece, err := depositReceipts(tx, in, d.BankAccount)
		if err != nil {
			return err
		}
		noun := d.Kind.Noun()
		label := fmt.Sprintf("Remise de %s du %s", daybookCount(len(cheques), noun, noun+"s"), ledger.FrenchDate(in.Date))
		if err := tx.PostDeposit(&d, cheques, ledger.JournalBank, piece, label); err != nil {
			return err
		}
		d, err = tx.Deposit(d.ID)
		return err
	})
	return d, err
}

// depositReceipts records the cheques handed in advance and the forgotten
// ones the deposit holds, and returns every receipt it deposits with the
// deposit entry's piece: all numbered by one counter, as NextPieceOn does
// not see the pieces of this transaction's earlier entries twice.
func depositReceipts(tx *ledger.Tx, in DepositInput, bank string) ([]int64, string, error) {
	cheques := append([]int64(nil), in.Cheques...)
	if in.Date.IsZero() {
		return cheques, "", nil
	}
	if in.Kind == "" {
		in.Kind = ledger.DepositCheques
	}
	if len(in.Expected)+len(in.New) > 0 {
		if err := checkAddsCheques(tx, in, bank); err != nil {
			return nil, "", err
		}
	}
	pieces := tx.PieceCounter()
	for _, p := range in.Expected {
		id, err := receiveExpected(tx, p, in.Date, bank, pieces)
		if err != nil {
			return nil, "", err
		}
		cheques = append(cheques, id)
	}
	for _, n := range in.New {
		n.Mode, n.BankAccount = ledger.ByCheque, bank
		if n.Date.IsZero() {
			n.Date = in.Date
		}
		var err error
		if n.Piece, err = pieces.NextOn(ledger.JournalBank, n.Date); err != nil {
			return nil, "", err
		}
		res, err := ReceiveIn(tx, n)
		if err != nil {
			return nil, "", err
		}
		cheques = append(cheques, res.Receipt.EntryID)
	}
	piece, err := pieces.NextOn(ledger.JournalBank, in.Date)
	return cheques, piece, err
}

// CheckDeposit says whether Deposit would take in, without writing: the
// window asks before its confirmation (a deposit dated before one of its
// cheques is refused then, not after the user confirmed).
func (r *Residence) CheckDeposit(in DepositInput) error {
	return r.View(func(tx *ledger.Tx) error {
		d := ledger.Deposit{Date: in.Date, BankAccount: in.BankAccount, Kind: in.Kind}
		if d.BankAccount == "" {
			var err error
			if d.BankAccount, _, err = daybookBank(tx, optReceiptBank); err != nil {
				return err
			}
		}
		if len(in.Expected)+len(in.New) == 0 {
			return tx.CheckDeposit(d, in.Cheques)
		}
		// The cheques the deposit adds are recorded only with it: their
		// own rules are checked then, the day's and the due dates now.
		if err := checkAddsCheques(tx, in, d.BankAccount); err != nil {
			return err
		}
		for _, p := range in.Expected {
			c, err := tx.ExpectedCheque(p.ID)
			if err != nil {
				return err
			}
			if c.Received() || c.Date.After(in.Date) {
				_, err := receiveExpected(tx, p, in.Date, d.BankAccount, nil)
				return err // says why, before writing anything
			}
		}
		if len(in.Cheques) > 0 {
			return tx.CheckDeposit(d, in.Cheques)
		}
		return nil
	})
}

// checkAddsCheques checks the day of a deposit that records cheques
// (handed in advance, forgotten): only a slip of cheques takes them.
func checkAddsCheques(tx *ledger.Tx, in DepositInput, bank string) error {
	d := ledger.Deposit{Date: in.Date, Kind: in.Kind, BankAccount: bank}
	if err := tx.CheckDepositDay(&d); err != nil {
		return err
	}
	if !d.Kind.Takes(ledger.ByCheque) {
		return ledger.Errorf(ledger.Invalid, "Remise en banque du %s : une remise de type « %s » ne reçoit pas de chèque ; les chèques remis d'avance ou oubliés vont sur une remise de chèques", ledger.FrenchDate(in.Date), d.Kind.Label())
	}
	return nil
}

func daybookCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Deposits lists the deposits into bankAccount (every account when empty)
// dated from..to, oldest first.
func (r *Residence) Deposits(bankAccount string, from, to time.Time) ([]ledger.Deposit, error) {
	var out []ledger.Deposit
	err := r.View(func(tx *ledger.Tx) (err error) {
		out, err = tx.Deposits(bankAccount, from, to)
		return err
	})
	return out, err
}

// CancelDeposit undoes a deposit: its cheques wait again.
func (r *Residence) CancelDeposit(id int64) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.CancelDeposit(id) })
}

// DepositSlip gathers what the deposit slip of deposit id prints.
func (r *Residence) DepositSlip(id int64, printed time.Time) (reports.DepositSlip, error) {
	var s reports.DepositSlip
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		s, err = depositSlip(tx, id, printed)
		return err
	})
	return s, err
}

func depositSlip(tx *ledger.Tx, id int64, printed time.Time) (reports.DepositSlip, error) {
	var s reports.DepositSlip
	d, err := tx.Deposit(id)
	if err != nil {
		return s, err
	}
	res, err := tx.Residence()
	if err != nil {
		return s, err
	}
	banks, err := tx.BankAccounts()
	if err != nil {
		return s, err
	}
	s = reports.DepositSlip{
		Residence: res.Name,
		Holder:    "Syndicat des copropriétaires " + res.Name,
		Address:   joinFilled(", ", res.Address, strings.TrimSpace(res.Zip+" "+res.City)),
		Number:    strconv.FormatInt(d.ID, 10),
		Date:      ledger.FrenchDate(d.Date),
		Account:   d.BankAccount,
		Printed:   printed,
	}
	for _, b := range banks {
		if b.Account == d.BankAccount {
			s.BankLabel, s.IBAN, s.BIC = b.Label, fr.IBAN(b.IBAN), b.BIC
		}
	}
	list, err := tx.Receipts(ledger.ReceiptFilter{DepositID: id})
	if err != nil {
		return s, err
	}
	names, err := ownerDisplayNames(tx)
	if err != nil {
		return s, err
	}
	var total ledger.Amount
	cash := len(list) > 0
	for _, rc := range list {
		s.Cheques = append(s.Cheques, reports.SlipCheque{
			Received: ledger.FrenchDate(rc.Date),
			Owner:    names[rc.Owner],
			Drawer:   rc.Drawer,
			Bank:     rc.DrawerBank,
			Number:   rc.Cheque,
			Mode:     rc.Mode.Label(),
			Amount:   rc.Amount.Format(),
		})
		total += rc.Amount
		cash = cash && rc.Mode == ledger.ByCash
	}
	if d.Kind != ledger.DepositCheques && d.Kind != "" {
		// A slip of other money in: the bank's teller reads at once that
		// it holds cash only, the usual case (seed 003 « autre »).
		s.Payments, s.Title = true, "Bordereau de remise"
		if cash {
			s.Title = "Bordereau de remise d'espèces"
		}
	}
	s.Count = len(list)
	s.Total = total.String()
	return s, nil
}

// DepositSlipPDF prints the deposit slip of deposit id.
func (r *Residence) DepositSlipPDF(id int64, printed time.Time) ([]byte, error) {
	s, err := r.DepositSlip(id, printed)
	if err != nil {
		return nil, err
	}
	pdf, err := reports.DepositSlipPDF(s)
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "Le bordereau de remise n° %d ne peut pas être mis en PDF", id)
	}
	return pdf, nil
}

// DepositSlipsPDF prints the slips of several deposits in one document,
// each on its own page.
func (r *Residence) DepositSlipsPDF(ids []int64, printed time.Time) ([]byte, error) {
	var slips []reports.DepositSlip
	err := r.View(func(tx *ledger.Tx) error {
		for _, id := range ids {
			s, err := depositSlip(tx, id, printed)
			if err != nil {
				return err
			}
			slips = append(slips, s)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(slips) == 0 {
		return nil, ledger.Errorf(ledger.NotFound, "Aucune remise en banque à imprimer")
	}
	pdf, err := reports.DepositSlipsPDF(slips)
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "Les bordereaux de remise ne peuvent pas être mis en PDF")
	}
	return pdf, nil
}

func joinFilled(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
