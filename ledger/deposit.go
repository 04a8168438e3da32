package ledger

import (
	"database/sql"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Deposit is a remise en banque: cheques, or cash and other receipts
// (Kind), handed to the bank on a day, listed on a deposit slip.
type Deposit struct {
	ID          int64
	Date        time.Time
	BankAccount string
	Kind        DepositKind // "" reads as cheques
	// EntryID is the entry moving the cheques that waited on 511 to the
	// bank (debit the bank, credit 511); 0 when none did.
	EntryID int64
	Count   int    // receipts deposited
	Total   Amount // their amount
}

func (d Deposit) describe() string {
	if d.ID != 0 {
		return "Remise n° " + strconv.FormatInt(d.ID, 10) + " du " + FrenchDate(d.Date)
	}
	return "Remise en banque du " + FrenchDate(d.Date)
}

// PostDeposit records that the receipts (entry ids) were handed to the
// bank on d.Date. They must be receipts the kind takes (DepositKind.Takes)
// received on d.BankAccount, not deposited yet, nor returned unpaid,
// received on or before that day. The cheques that waited on 511 move to the bank in one entry (journal, piece
// and label given). d.ID and d.EntryID are set.
func (tx *Tx) PostDeposit(d *Deposit, cheques []int64, journal, piece, label string) error {
	where := d.describe()
	list, waiting, err := tx.checkDeposit(d, cheques)
	if err != nil {
		return err
	}
	if len(waiting) > 0 {
		if journal == "" {
			journal = JournalBank
		}
		e := Entry{Journal: journal, Date: d.Date, Piece: piece, Label: label, Origin: "deposit"}
		var total Amount
		for _, acc := range sortedKeys(waiting) {
			e.Lines = append(e.Lines, Line{Account: acc, Credit: waiting[acc]})
			total += waiting[acc]
		}
		e.Lines = append([]Line{{Account: d.BankAccount, Debit: total}}, e.Lines...)
		if err := tx.PostEntry(&e); err != nil {
			return err
		}
		d.EntryID = e.ID
	}
	var entry any
	if d.EntryID != 0 {
		entry = d.EntryID
	}
	res, err := tx.exec(where, `INSERT INTO deposits (date, bank_account, entry_id, kind) VALUES (?, ?, ?, ?)`, ISO(d.Date), d.BankAccount, entry, string(d.Kind))
	if err != nil {
		return err
	}
	d.ID, _ = res.LastInsertId()
	for _, r := range list {
		if _, err := tx.exec(where, `UPDATE receipts SET deposit_id = ? WHERE entry_id = ?`, d.ID, r.EntryID); err != nil {
			return err
		}
	}
	return nil
}

// CheckDeposit says whether PostDeposit would take d with these cheques,
// without writing: the window asks it before its confirmation, so that a
// deposit dated before one of its cheques is refused at once.
func (tx *Tx) CheckDeposit(d Deposit, cheques []int64) error {
	_, _, err := tx.checkDeposit(&d, cheques)
	return err
}

// CheckDepositDay checks what a deposit is before its cheques: a date in
// an open exercise, a kind that takes cheques, one of the residence's bank
// accounts. The form asks it before recording the cheques it adds.
func (tx *Tx) CheckDepositDay(d *Deposit) error {
	where := d.describe()
	if d.Date.IsZero() {
		return Errorf(Invalid, "Remise en banque : la date est obligatoire")
	}
	if err := d.checkKind(where); err != nil {
		return err
	}
	if err := tx.checkBankAccount(d.BankAccount); err != nil {
		return err
	}
	if closed, err := tx.closedAt(d.Date); err != nil {
		return err
	} else if closed {
		return Errorf(Locked, "%s : l'exercice est clos, aucune remise ne peut y être ajoutée", where)
	}
	if _, err := tx.ExerciseAt(d.Date); err != nil {
		return Errorf(Invalid, "%s : la date n'appartient à aucun exercice de la résidence", where)
	}
	return nil
}

// checkDeposit checks a deposit (PostDeposit's rules) and returns its
// receipts and what moves from the 511 accounts to the bank. It sets
// d.Count and d.Total.
func (tx *Tx) checkDeposit(d *Deposit, cheques []int64) ([]Receipt, map[string]Amount, error) {
	where := d.describe()
	if err := tx.CheckDepositDay(d); err != nil {
		return nil, nil, err
	}
	if len(cheques) == 0 {
		return nil, nil, Errorf(Invalid, "%s : cochez au moins un %s", where, d.Kind.Noun())
	}
	pending, err := tx.Receipts(ReceiptFilter{})
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]Receipt{}
	for _, r := range pending {
		byID[r.EntryID] = r
	}
	noun := d.Kind.Noun()
	seen := map[int64]bool{}
	waiting := map[string]Amount{} // 511 account → amount moving to the bank
	var list []Receipt
	d.Count, d.Total = 0, 0
	for _, id := range cheques {
		if seen[id] {
			continue
		}
		seen[id] = true
		r, ok := byID[id]
		switch {
		case !ok:
			return nil, nil, Errorf(NotFound, "%s : l'écriture n° %d n'est pas un règlement de copropriétaire", where, id)
		case !d.Kind.Takes(r.Mode):
			return nil, nil, Errorf(Invalid, "%s : %s (%s) ne va pas sur une remise de type « %s »%s", where, r.describe(), r.Mode.Label(), d.Kind.Label(), modeHint(r.Mode))
		case r.Deposited():
			return nil, nil, Errorf(Conflict, "%s : le %s %s (%s) a déjà été remis le %s", where, noun, chequeName(r), r.describe(), FrenchDate(r.DepositDate))
		case r.Bounced():
			return nil, nil, Errorf(Conflict, "%s : le %s %s (%s) est revenu impayé", where, noun, chequeName(r), r.describe())
		case r.BankAccount != d.BankAccount:
			return nil, nil, Errorf(Invalid, "%s : le %s %s a été reçu pour le compte %s, pas pour %s", where, noun, chequeName(r), r.BankAccount, d.BankAccount)
		case r.Date.After(d.Date):
			return nil, nil, Errorf(Invalid, "%s : le %s %s n'a été reçu que le %s", where, noun, chequeName(r), FrenchDate(r.Date))
		}
		if r.ViaCheques() {
			waiting[r.Account] += r.Amount
		}
		list = append(list, r)
		d.Count++
		d.Total += r.Amount
	}
	return list, waiting, nil
}

// modeHint says where a receipt that does not go on the slip goes.
func modeHint(m PaymentMode) string {
	switch m {
	case ByTransfer:
		return " : un virement ne passe par aucune remise, il arrive seul sur le relevé"
	case ByCheque:
		return " : un chèque va sur une remise de chèques"
	}
	return " : choisissez le type « Autre »"
}

// sortedKeys returns the keys of m in order: messages and entries come out
// the same way every time.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// chequeName names a cheque in messages: "n° 1234567 de Dupont Zoé".
func chequeName(r Receipt) string {
	s := ""
	if r.Cheque != "" {
		s = "n° " + r.Cheque + " "
	}
	who := r.Drawer
	if who == "" {
		who = r.Owner
	}
	return strings.TrimSpace(s + "de " + who + " (" + r.Amount.String() + ")")
}

// Deposits lists the deposits into a bank account (every account when
// empty) dated from..to (zero bounds are open), by date.
func (tx *Tx) Deposits(bankAccount string, from, to time.Time) ([]Deposit, error) {
	q := `SELECT d.id, d.date, d.bank_account, d.kind, coalesce(d.entry_id, 0), count(r.entry_id),
		coalesce(sum((SELECT total(l.debit) FROM lines l WHERE l.entry_id = r.entry_id AND l.account = r.account)), 0)
		FROM deposits d LEFT JOIN receipts r ON r.deposit_id = d.id WHERE 1 = 1`
	var args []any
	if bankAccount != "" {
		q += ` AND d.bank_account = ?`
		args = append(args, bankAccount)
	}
	if !from.IsZero() {
		q += ` AND d.date >= ?`
		args = append(args, ISO(from))
	}
	if !to.IsZero() {
		q += ` AND d.date <= ?`
		args = append(args, ISO(to))
	}
	q += ` GROUP BY d.id ORDER BY d.date, d.id`
	return collect(tx, "lecture des remises en banque", q, args, func(r *sql.Rows) (Deposit, error) {
		var d Deposit
		var date, kind string
		err := r.Scan(&d.ID, &date, &d.BankAccount, &kind, &d.EntryID, &d.Count, &d.Total)
		d.Kind = DepositKind(kind)
		d.Date = parseStored(date)
		return d, err
	})
}

// Deposit returns one deposit.
func (tx *Tx) Deposit(id int64) (Deposit, error) {
	list, err := tx.Deposits("", time.Time{}, time.Time{})
	if err != nil {
		return Deposit{}, err
	}
	for _, d := range list {
		if d.ID == id {
			return d, nil
		}
	}
	return Deposit{}, Errorf(NotFound, "La remise en banque n° %d n'existe pas", id)
}

// CancelDeposit undoes a deposit recorded by mistake: its cheques are
// waiting again and its 511 entry, if any, is deleted. A deposit whose
// cheque came back unpaid stays: cancel the bounce first.
func (tx *Tx) CancelDeposit(id int64) error {
	d, err := tx.Deposit(id)
	if err != nil {
		return err
	}
	where := d.describe()
	if closed, err := tx.closedAt(d.Date); err != nil {
		return err
	} else if closed {
		return Errorf(Locked, "%s : l'exercice est clos, la remise ne peut plus être annulée", where)
	}
	list, err := tx.Receipts(ReceiptFilter{DepositID: id})
	if err != nil {
		return err
	}
	for _, r := range list {
		if r.Bounced() {
			return Errorf(Conflict, "%s : le chèque %s est revenu impayé ; annulez d'abord l'impayé", where, chequeName(r))
		}
	}
	if d.EntryID != 0 {
		if err := tx.refuseTicked(d.EntryID, where+" : son virement vers la banque"); err != nil {
			return err
		}
	}
	if _, err := tx.exec(where, `UPDATE receipts SET deposit_id = NULL WHERE deposit_id = ?`, id); err != nil {
		return err
	}
	if _, err := tx.exec(where, `DELETE FROM deposits WHERE id = ?`, id); err != nil {
		return err
	}
	if d.EntryID != 0 {
		return tx.DeleteEntry(d.EntryID)
	}
	return nil
}

// refuseTicked refuses to remove an entry one of whose lines is ticked on a
// bank statement: the statement would no longer add up.
func (tx *Tx) refuseTicked(entryID int64, what string) error {
	var ref string
	err := tx.queryRow(`SELECT coalesce(max(reconciled), '') FROM lines WHERE entry_id = ?`, entryID).Scan(&ref)
	if err != nil {
		return sqlError(err, what)
	}
	if ref != "" {
		return Errorf(Conflict, "%s est pointé sur le relevé bancaire du %s : dépointez-le d'abord dans le rapprochement", what, FrenchDate(parseStored(ref)))
	}
	return nil
}
