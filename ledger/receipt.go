package ledger

import (
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// PaymentMode is how an owner paid.
type PaymentMode string

const (
	ByCheque   PaymentMode = "cheque"   // goes on a deposit slip
	ByTransfer PaymentMode = "transfer" // virement
	ByCash     PaymentMode = "cash"     // espèces
	ByOther    PaymentMode = "other"    // mandat, another route…
	// ByDebit is a SEPA direct debit collected by a batch of the program
	// (app/debits): never typed in a form, it comes with its file.
	ByDebit PaymentMode = "debit"
)

// PaymentModes lists the modes in the order a form offers them.
func PaymentModes() []PaymentMode { return []PaymentMode{ByCheque, ByTransfer, ByCash, ByOther} }

// FormModes are the modes a form offers for a receipt of mode current: the
// usual ones, and current itself when only a batch makes it (correcting a
// direct debit keeps it one).
func FormModes(current PaymentMode) []PaymentMode {
	modes := PaymentModes()
	for _, m := range modes {
		if m == current {
			return modes
		}
	}
	if current == ByDebit {
		modes = append(modes, ByDebit)
	}
	return modes
}

// Label is the mode in French.
func (m PaymentMode) Label() string {
	switch m {
	case ByCheque:
		return "chèque"
	case ByTransfer:
		return "virement"
	case ByCash:
		return "espèces"
	case ByOther:
		return "autre"
	case ByDebit:
		return "prélèvement SEPA"
	}
	return string(m)
}

// ReceiptMode is how a receipt was paid, from what was typed, the one rule
// for the window, the CLI and the imports: the mode chosen; with none, a
// cheque when a cheque number is given, else a transfer (the usual way
// owners pay today). A cheque number on another mode is refused by the
// receipt itself (validate).
func ReceiptMode(chosen PaymentMode, cheque string) PaymentMode {
	switch {
	case chosen != "":
		return chosen
	case strings.TrimSpace(cheque) != "":
		return ByCheque
	}
	return ByTransfer
}

// ParsePaymentMode reads a mode as typed in French or as stored.
func ParsePaymentMode(s string) (PaymentMode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "cheque", "chèque", "chq", "ch":
		return ByCheque, nil
	case "transfer", "virement", "vir":
		return ByTransfer, nil
	case "cash", "espèces", "especes", "esp":
		return ByCash, nil
	case "other", "autre":
		return ByOther, nil
	}
	return "", Errorf(Invalid, "Mode de règlement « %s » inconnu (chèque, virement, espèces ou autre)", s)
}

// ChequesAccount is where cheques wait until they are deposited, when the
// residence keeps them apart from the bank (see chart_fr.txt).
const ChequesAccount = "511000"

// Receipt is a payment received from an owner: an entry debiting Account
// (the bank, or 511 for a cheque not deposited yet) and crediting the
// owner, with how it was paid.
type Receipt struct {
	EntryID     int64
	Owner       string
	Date        time.Time
	Journal     string
	Piece       string
	Label       string
	Amount      Amount
	Mode        PaymentMode
	BankAccount string // the bank account the money goes to
	Account     string // the account debited: BankAccount, or 511xxx until the deposit
	Cheque      string // cheque number
	Drawer      string // who signed the cheque (tireur)
	DrawerBank  string // the drawer's bank
	DepositID   int64
	DepositDate time.Time
	// BounceEntryID is the entry that reversed the receipt when the bank
	// returned it unpaid.
	BounceEntryID int64
	// Parts split the owner's side of the entry (a statement line's
	// allocation); none: one line of the whole amount. Only written by
	// PostReceipt, never read back.
	Parts []ReceiptPart
	// Others put part of the payment on other accounts of the chart
	// (OtherPart); read back from the entry by Receipt (not by Receipts,
	// which lists many).
	Others []OtherPart
}

// Deposited says whether the cheque was handed to the bank.
func (r Receipt) Deposited() bool { return r.DepositID != 0 }

// Bounced says whether the payment came back unpaid.
func (r Receipt) Bounced() bool { return r.BounceEntryID != 0 }

// ViaCheques says whether the receipt waits on 511 until its deposit.
func (r Receipt) ViaCheques() bool { return r.Account != r.BankAccount }

func (r *Receipt) describe() string {
	s := "Règlement"
	if r.Piece != "" {
		s += " " + r.Piece
	}
	if !r.Date.IsZero() {
		s += " du " + FrenchDate(r.Date)
	}
	return s
}

func (r *Receipt) validate() error {
	if err := cleanTexts(textField{&r.Piece, "pièce du règlement", ShortText}); err != nil {
		return err
	}
	where := r.describe()
	if err := cleanTexts(
		textField{&r.Label, "libellé du " + lowerFirst(where), LabelText},
		textField{&r.Cheque, "numéro de chèque du " + lowerFirst(where), ShortText},
		textField{&r.Drawer, "tireur du chèque du " + lowerFirst(where), NameText},
		textField{&r.DrawerBank, "banque du chèque du " + lowerFirst(where), NameText},
	); err != nil {
		return err
	}
	r.Cheque = strings.TrimSpace(r.Cheque)
	r.Drawer = strings.TrimSpace(r.Drawer)
	r.DrawerBank = strings.TrimSpace(r.DrawerBank)
	if r.Account == "" {
		r.Account = r.BankAccount
	}
	switch {
	case r.Owner == "":
		return Errorf(Invalid, "%s : le copropriétaire est obligatoire", where)
	case r.Date.IsZero():
		return Errorf(Invalid, "Règlement : la date est obligatoire")
	case r.Amount <= 0:
		return Errorf(Invalid, "%s : le montant doit être positif (%s)", where, r.Amount)
	case r.BankAccount == "":
		return Errorf(Invalid, "%s : le compte bancaire est obligatoire", where)
	case !HoldsMoney(r.BankAccount) || strings.HasPrefix(r.BankAccount, "511"):
		return Errorf(Invalid, "%s : %s n'est pas un compte bancaire (512…)", where, r.BankAccount)
	case r.Account != r.BankAccount && (!strings.HasPrefix(r.Account, "511") || r.Mode != ByCheque):
		return Errorf(Invalid, "%s : seul un chèque peut attendre sa remise en banque sur un compte 511 (%s demandé)", where, r.Account)
	}
	valid := false
	for _, m := range FormModes(ByDebit) {
		valid = valid || m == r.Mode
	}
	if !valid {
		return Errorf(Invalid, "%s : mode de règlement « %s » inconnu", where, r.Mode)
	}
	if err := r.checkOthers(where); err != nil {
		return err
	}
	if err := r.checkParts(where); err != nil {
		return err
	}
	if r.Mode != ByCheque && (r.Cheque != "" || r.Drawer != "" || r.DrawerBank != "") {
		return Errorf(Invalid, "%s : un numéro de chèque, un tireur ou une banque ne s'indiquent que pour un chèque", where)
	}
	return nil
}

// PostReceipt writes a receipt: its entry (debit r.Account, credit the
// owner, in r.Journal under r.Piece) and its payment details. r.EntryID is
// set; the entry is returned.
func (tx *Tx) PostReceipt(r *Receipt) (Entry, error) {
	if err := r.validate(); err != nil {
		return Entry{}, err
	}
	if err := tx.ownerExists(r.Owner); err != nil {
		return Entry{}, err
	}
	if err := tx.checkBankAccount(r.BankAccount); err != nil {
		return Entry{}, err
	}
	e := r.entry()
	if err := tx.PostEntry(&e); err != nil {
		return e, err
	}
	r.EntryID = e.ID
	if _, err := tx.exec(r.describe(), `INSERT INTO receipts (entry_id, owner, mode, bank_account, account, cheque_number, drawer, drawer_bank)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.EntryID, r.Owner, string(r.Mode), r.BankAccount, r.Account, r.Cheque, r.Drawer, r.DrawerBank); err != nil {
		return e, err
	}
	if len(r.Parts) > 0 {
		return e, tx.settleParts(r, e)
	}
	return e, nil
}

// entry is the receipt's entry: debit r.Account, credit the owner, in
// r.Journal (BQ when none) under r.Piece.
func (r *Receipt) entry() Entry {
	if r.Journal == "" {
		r.Journal = JournalBank
	}
	return Entry{Journal: r.Journal, Date: r.Date, Piece: r.Piece, Label: r.Label, Origin: "receipt",
		Lines: append([]Line{{Account: r.Account, Debit: r.Amount}}, r.creditLines()...)}
}

// Unchangeable says why a receipt can be neither corrected nor deleted, ""
// when it can (its exercise aside, which the books check): a cheque on a
// deposit slip stays as the slip printed it, and a payment returned unpaid
// is tied to its reversal. The triggers of 003_daybook.sql refuse both; this
// says it first, in words that tell what to do.
func (r Receipt) Unchangeable() string {
	switch {
	case r.Bounced():
		return r.describe() + " : il a été déclaré impayé ; annulez d'abord l'impayé pour le modifier ou le supprimer"
	case r.Deposited():
		return fmt.Sprintf("%s : le chèque figure sur la remise en banque du %s ; annulez d'abord la remise (écran Banque) pour le modifier ou le supprimer",
			r.describe(), FrenchDate(r.DepositDate))
	}
	return ""
}

// ReplaceReceipt corrects the receipt of entry id with r (amount, date,
// mode, cheque, drawer, bank), keeping its entry number: its entry is
// replaced (ReplaceEntry: the matching groups its owner line was part of are
// undone) and its payment details rewritten. Matching again is the caller's
// part. r.EntryID is set; the new entry is returned.
func (tx *Tx) ReplaceReceipt(id int64, r *Receipt) (Entry, error) {
	old, err := tx.Receipt(id)
	if err != nil {
		return Entry{}, err
	}
	if why := old.Unchangeable(); why != "" {
		return Entry{}, Errorf(Conflict, "%s", why)
	}
	if err := tx.refuseTicked(id, old.describe()); err != nil {
		return Entry{}, err
	}
	if err := r.validate(); err != nil {
		return Entry{}, err
	}
	if err := tx.ownerExists(r.Owner); err != nil {
		return Entry{}, err
	}
	if err := tx.checkBankAccount(r.BankAccount); err != nil {
		return Entry{}, err
	}
	e := r.entry()
	if err := tx.ReplaceEntry(id, &e); err != nil {
		return e, err
	}
	r.EntryID = id
	_, err = tx.exec(r.describe(), `UPDATE receipts SET owner = ?, mode = ?, bank_account = ?, account = ?, cheque_number = ?, drawer = ?, drawer_bank = ?
		WHERE entry_id = ?`, r.Owner, string(r.Mode), r.BankAccount, r.Account, r.Cheque, r.Drawer, r.DrawerBank, id)
	return e, err
}

// checkBankAccount refuses an account that is not one of the residence's
// bank accounts.
func (tx *Tx) checkBankAccount(code string) error {
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM bank_accounts WHERE account = ?`, code).Scan(&n); err != nil {
		return sqlError(err, "lecture des comptes bancaires")
	}
	if n == 0 {
		return Errorf(NotFound, "Le compte %s n'est pas un compte bancaire de la résidence (voir les réglages)", code)
	}
	return nil
}

// EnsureChequesAccount adds 511000 Chèques à encaisser to the chart of a
// residence created before it was part of the official chart.
func (tx *Tx) EnsureChequesAccount() error {
	_, err := tx.exec("création du compte "+ChequesAccount, `INSERT INTO accounts (code, label) VALUES (?, ?)
		ON CONFLICT (code) DO NOTHING`, ChequesAccount, "Chèques à encaisser")
	tx.forget("lookups")
	return err
}

// ReceiptFilter selects receipts; zero fields select everything.
type ReceiptFilter struct {
	EntryID     int64
	Owner       string
	BankAccount string
	DepositID   int64
	// Undeposited keeps the receipts a slip of Kind takes (cheques when
	// Kind is empty) not yet handed to the bank (nor bounced).
	Undeposited bool
	Kind        DepositKind
	From, To    time.Time
}

// Receipts lists receipts whose entry still exists, by date then number.
// The amount is read from the entry, which may have been corrected since.
func (tx *Tx) Receipts(f ReceiptFilter) ([]Receipt, error) {
	q := `SELECT r.entry_id, r.owner, e.date, e.journal, e.piece, e.label,
		(SELECT total(l.debit) FROM lines l WHERE l.entry_id = r.entry_id AND l.account = r.account),
		r.mode, r.bank_account, r.account, r.cheque_number, r.drawer, r.drawer_bank,
		coalesce(r.deposit_id, 0), coalesce(d.date, ''), coalesce(r.bounce_entry_id, 0)
		FROM receipts r JOIN entries e ON e.id = r.entry_id AND e.posted = 1
		LEFT JOIN deposits d ON d.id = r.deposit_id WHERE 1 = 1`
	var args []any
	if f.EntryID != 0 {
		q += ` AND r.entry_id = ?`
		args = append(args, f.EntryID)
	}
	if f.Owner != "" {
		q += ` AND r.owner = ?`
		args = append(args, f.Owner)
	}
	if f.BankAccount != "" {
		q += ` AND r.bank_account = ?`
		args = append(args, f.BankAccount)
	}
	if f.DepositID != 0 {
		q += ` AND r.deposit_id = ?`
		args = append(args, f.DepositID)
	}
	if f.Undeposited {
		kind := f.Kind
		if kind == "" {
			kind = DepositCheques
		}
		modes, margs := kind.modesSQL()
		q += ` AND ` + modes + ` AND r.deposit_id IS NULL AND r.bounce_entry_id IS NULL`
		args = append(args, margs...)
	}
	if !f.From.IsZero() {
		q += ` AND e.date >= ?`
		args = append(args, ISO(f.From))
	}
	if !f.To.IsZero() {
		q += ` AND e.date <= ?`
		args = append(args, ISO(f.To))
	}
	q += ` ORDER BY e.date, e.id`
	return collect(tx, "lecture des règlements", q, args, func(r *sql.Rows) (Receipt, error) {
		var x Receipt
		var date, mode, deposit string
		err := r.Scan(&x.EntryID, &x.Owner, &date, &x.Journal, &x.Piece, &x.Label, &x.Amount, &mode, &x.BankAccount, &x.Account,
			&x.Cheque, &x.Drawer, &x.DrawerBank, &x.DepositID, &deposit, &x.BounceEntryID)
		x.Date, x.Mode, x.DepositDate = parseStored(date), PaymentMode(mode), parseStored(deposit)
		return x, err
	})
}

// Receipt returns the receipt of entry id, with its other parts.
func (tx *Tx) Receipt(entryID int64) (Receipt, error) {
	list, err := tx.Receipts(ReceiptFilter{EntryID: entryID})
	if err != nil {
		return Receipt{}, err
	}
	if len(list) == 1 {
		r := list[0]
		err := tx.readOthers(&r)
		return r, err
	}
	return Receipt{}, Errorf(NotFound, "L'écriture n° %d n'est pas un règlement de copropriétaire", entryID)
}

// Bounce is what the bank returned unpaid, and what the residence charges
// for it.
type Bounce struct {
	Date    time.Time // the bank's date of the return
	Journal string
	Piece   string
	Label   string
	// Penalty, when not zero, is charged to the owner and credited to
	// PenaltyAccount (an income account, 714 by default) on PenaltyKey: the
	// income then lowers the charges of that key at the closing.
	Penalty        Amount
	PenaltyAccount string
	PenaltyKey     string
	PenaltyLabel   string
}

// PostBounce reverses a receipt the bank returned unpaid: one entry at the
// bank's date credits the bank (or 511) by the receipt's amount and debits
// back each account the receipt credited (the owner by his share, each
// other part on its account and key), and charges the penalty if any. The receipt's matching
// group is undone, the receipt and its reversal are matched together, and
// the owner's account is matched again oldest first.
func (tx *Tx) PostBounce(receiptID int64, b Bounce) (Entry, error) {
	r, err := tx.Receipt(receiptID)
	if err != nil {
		return Entry{}, err
	}
	where := r.describe()
	switch {
	case r.Bounced():
		return Entry{}, Errorf(Conflict, "%s : il a déjà été déclaré impayé", where)
	case r.Mode == ByCash:
		return Entry{}, Errorf(Invalid, "%s : un règlement en espèces ne peut pas revenir impayé ; supprimez-le s'il est annulé", where)
	case r.Mode == ByCheque && !r.Deposited():
		return Entry{}, Errorf(Invalid, "%s : le chèque n'a pas été remis en banque, il ne peut pas revenir impayé ; supprimez le règlement s'il est annulé", where)
	case b.Date.IsZero():
		return Entry{}, Errorf(Invalid, "%s : la date de l'impayé (date de la banque) est obligatoire", where)
	case b.Date.Before(r.Date) || (r.Deposited() && b.Date.Before(r.DepositDate)):
		return Entry{}, Errorf(Invalid, "%s : l'impayé du %s ne peut pas précéder le règlement ni sa remise en banque", where, FrenchDate(b.Date))
	case b.Penalty < 0:
		return Entry{}, Errorf(Invalid, "%s : les frais d'impayé ne peuvent pas être négatifs", where)
	}
	// A deposited cheque is in the bank whatever account it waited on.
	credit := r.BankAccount
	if !r.Deposited() {
		credit = r.Account
	}
	if b.Journal == "" {
		b.Journal = JournalBank
	}
	e := Entry{Journal: b.Journal, Date: b.Date, Piece: b.Piece, Label: b.Label, Origin: "bounce",
		Lines: append(r.reversalLines(b.Label), Line{Account: credit, Credit: r.Amount, Label: b.Label})}
	if b.Penalty > 0 {
		if b.PenaltyAccount == "" {
			b.PenaltyAccount = "714000"
		}
		if AccountClass(b.PenaltyAccount) != 7 {
			return Entry{}, Errorf(Invalid, "%s : les frais d'impayé se portent sur un compte de produits (classe 7), pas sur %s", where, b.PenaltyAccount)
		}
		e.Lines = append(e.Lines,
			Line{Account: r.Owner, Debit: b.Penalty, Label: b.PenaltyLabel},
			Line{Account: b.PenaltyAccount, Key: b.PenaltyKey, Credit: b.Penalty, Label: b.PenaltyLabel})
	}
	if err := tx.PostEntry(&e); err != nil {
		return e, err
	}
	if _, err := tx.exec(where, `UPDATE receipts SET bounce_entry_id = ? WHERE entry_id = ?`, e.ID, r.EntryID); err != nil {
		return e, err
	}
	if err := tx.pairReversal(r, e.Lines[0]); err != nil {
		return e, err
	}
	_, err = tx.AutoMatch(r.Owner)
	return e, err
}

// pairReversal undoes what the receipt had settled and matches the
// receipt's credit to the owner with the reversing debit, so that neither
// settles anything else. A receipt of a closed exercise keeps its letter.
func (tx *Tx) pairReversal(r Receipt, reversal Line) error {
	recv, err := tx.scanBookLines("impayé", `l.entry_id = ? AND l.account = ? AND l.credit > 0`, []any{r.EntryID, r.Owner})
	if err != nil || len(recv) != 1 || recv[0].Locked {
		return err
	}
	if recv[0].Letter != "" {
		// A group reaching into a closed exercise stays as printed; the
		// reversal is then left to the oldest-first matching.
		if err := tx.Unmatch(r.Owner, recv[0].Letter); KindOf(err) == Locked {
			return nil
		} else if err != nil {
			return err
		}
	}
	rev, err := tx.BookLines([]int64{reversal.ID})
	if err != nil {
		return err
	}
	if recv[0].Credit != rev[0].Debit || recv[0].Exercise != rev[0].Exercise {
		// Corrected by hand, or returned in the next exercise (groups stay
		// inside an exercise): the oldest-first matching finds its way.
		return nil
	}
	recv[0].Letter = ""
	_, err = tx.match([]BookLine{recv[0], rev[0]})
	return err
}

// CancelBounce undoes a bounce recorded by mistake: its entry is deleted
// (while its exercise is open) and the owner's account matched again.
func (tx *Tx) CancelBounce(receiptID int64) error {
	r, err := tx.Receipt(receiptID)
	if err != nil {
		return err
	}
	if !r.Bounced() {
		return Errorf(Invalid, "%s : il n'a pas été déclaré impayé", r.describe())
	}
	e, err := tx.Entry(r.BounceEntryID)
	if err != nil {
		return err
	}
	if closed, err := tx.closedAt(e.Date); err != nil || closed {
		if err == nil {
			err = Errorf(Locked, "%s : l'impayé du %s appartient à un exercice clos, il ne peut plus être annulé", r.describe(), FrenchDate(e.Date))
		}
		return err
	}
	if err := tx.refuseTicked(e.ID, r.describe()+" : son impayé"); err != nil {
		return err
	}
	if _, err := tx.exec(r.describe(), `UPDATE receipts SET bounce_entry_id = NULL WHERE entry_id = ?`, r.EntryID); err != nil {
		return err
	}
	if err := tx.DeleteEntry(e.ID); err != nil {
		return err
	}
	_, err = tx.AutoMatch(r.Owner)
	return err
}

// DeleteReceipt deletes a receipt recorded by mistake: its entry and its
// payment details (DeleteEntry), unless Unchangeable or ticked on a bank
// statement. The matching groups it was part of are undone; matching again
// is the caller's part.
func (tx *Tx) DeleteReceipt(id int64) error {
	r, err := tx.Receipt(id)
	if err != nil {
		return err
	}
	if why := r.Unchangeable(); why != "" {
		return Errorf(Conflict, "%s", why)
	}
	if err := tx.refuseTicked(id, r.describe()); err != nil {
		return err
	}
	return tx.DeleteEntry(id)
}
