package ledger

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// SEPAKind says what a SEPA file orders: transfers out of one of the
// residence's accounts (pain.001), or direct debits of owners (pain.008).
type SEPAKind string

const (
	SEPATransfer SEPAKind = "transfer"
	SEPADebit    SEPAKind = "debit"
)

// SEPAFile is a SEPA file the program produced, kept whole (migration
// 012_sepa.sql): it is made once, in the transaction that posts its
// entries, and when writing it to disk failed it is written again from
// here byte for byte, so that the bank never receives two payment orders
// for the same money.
type SEPAFile struct {
	ID           int64
	MsgID        string // GrpHdr/MsgId, unique
	Kind         SEPAKind
	Schema       string // pain.001.001.09, pain.001.001.03, pain.008.001.08, pain.008.001.02
	BankAccount  string // the residence's account debited (transfer) or credited (debit)
	Created      time.Time
	Execution    time.Time // requested execution or collection date
	Name         string    // file name, without folder
	Content      []byte    // loaded by SEPAFile, not by SEPAFiles
	SHA256       string
	Transactions int
	Total        Amount
	Payments     []SEPAPayment // loaded by SEPAFile, not by SEPAFiles
}

// SEPAPayment is one transaction of a file and the entry that posted it.
type SEPAPayment struct {
	EndToEnd      string
	EntryID       int64
	Account       string // the owner debited, or the account credited
	Amount        Amount
	MandateID     int64  // a direct debit's mandate; 0 for a transfer
	Sequence      string // FRST, RCUR, OOFF, FNAL for a debit; "" for a transfer
	ReturnedEntry int64  // the entry that reversed a returned debit
}

var sepaSchemas = map[SEPAKind][]string{
	SEPATransfer: {"pain.001.001.09", "pain.001.001.03"},
	SEPADebit:    {"pain.008.001.08", "pain.008.001.02"},
}

// SaveSEPAFile records a file and its payments. It is meant to run in the
// transaction that posted the payments' entries: the totals, the entries
// and the bank account are checked here, the checksum computed here.
func (tx *Tx) SaveSEPAFile(f *SEPAFile) error {
	where := fmt.Sprintf("Fichier SEPA « %s »", f.Name)
	schemas, ok := sepaSchemas[f.Kind]
	if !ok {
		return Errorf(Invalid, "%s : sorte « %s » inconnue (virement ou prélèvement)", where, f.Kind)
	}
	known := false
	for _, s := range schemas {
		known = known || s == f.Schema
	}
	if !known {
		return Errorf(Invalid, "%s : format « %s » inconnu pour cette sorte de fichier", where, f.Schema)
	}
	if err := tx.checkBankAccount(f.BankAccount); err != nil {
		return err
	}
	if len(f.Content) == 0 || len(f.Payments) == 0 {
		return Errorf(Invalid, "%s : fichier vide", where)
	}
	var total Amount
	for _, p := range f.Payments {
		if p.Amount <= 0 {
			return Errorf(Invalid, "%s, transaction %s : montant nul ou négatif", where, p.EndToEnd)
		}
		if _, err := tx.Entry(p.EntryID); err != nil {
			return Errorf(Invalid, "%s, transaction %s : l'écriture n° %d n'existe pas", where, p.EndToEnd, p.EntryID)
		}
		total += p.Amount
	}
	f.Transactions, f.Total = len(f.Payments), total
	sum := sha256.Sum256(f.Content)
	f.SHA256 = hex.EncodeToString(sum[:])
	res, err := tx.exec(where, `INSERT INTO sepa_files (msg_id, kind, schema, bank_account, created_at, execution, name,
		content, sha256, transactions, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.MsgID, string(f.Kind), f.Schema, f.BankAccount, ISO(f.Created), ISO(f.Execution), f.Name,
		f.Content, f.SHA256, f.Transactions, int64(f.Total))
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return Errorf(Conflict, "%s : l'identifiant de message %s a déjà servi à un autre fichier", where, f.MsgID)
		}
		return err
	}
	f.ID, _ = res.LastInsertId()
	for _, p := range f.Payments {
		var mandate any
		if p.MandateID != 0 {
			mandate = p.MandateID
		}
		if _, err := tx.exec(where+", transaction "+p.EndToEnd, `INSERT INTO sepa_payments (file_id, end_to_end, entry_id, account,
			amount, mandate_id, sequence, returned_entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			f.ID, p.EndToEnd, p.EntryID, p.Account, int64(p.Amount), mandate, p.Sequence, p.ReturnedEntry); err != nil {
			return err
		}
	}
	return nil
}

const sepaFileColumns = `id, msg_id, kind, schema, bank_account, created_at, execution, name, sha256, transactions, total`

func scanSEPAFile(r interface{ Scan(...any) error }) (SEPAFile, error) {
	var f SEPAFile
	var created, exec string
	if err := r.Scan(&f.ID, &f.MsgID, &f.Kind, &f.Schema, &f.BankAccount, &created, &exec, &f.Name, &f.SHA256,
		&f.Transactions, &f.Total); err != nil {
		return f, err
	}
	f.Created, f.Execution = parseStored(created), parseStored(exec)
	return f, nil
}

// SEPAFiles lists the files of one kind (every kind when kind is ""),
// newest first, without their content.
func (tx *Tx) SEPAFiles(kind SEPAKind) ([]SEPAFile, error) {
	return collect(tx, "lecture des fichiers SEPA", `SELECT `+sepaFileColumns+` FROM sepa_files
		WHERE ?1 = '' OR kind = ?1 ORDER BY id DESC`, []any{string(kind)},
		func(r *sql.Rows) (SEPAFile, error) { return scanSEPAFile(r) })
}

// SEPAFile returns one file with its content and its payments; the content
// is checked against the checksum recorded with it.
func (tx *Tx) SEPAFile(id int64) (SEPAFile, error) {
	return tx.sepaFile(`id = ?`, id)
}

// SEPAFileByMsgID returns the file of a message id, like SEPAFile.
func (tx *Tx) SEPAFileByMsgID(msgID string) (SEPAFile, error) {
	return tx.sepaFile(`msg_id = ?`, msgID)
}

func (tx *Tx) sepaFile(where string, arg any) (SEPAFile, error) {
	f, err := scanSEPAFile(tx.queryRow(`SELECT `+sepaFileColumns+` FROM sepa_files WHERE `+where, arg))
	if err == sql.ErrNoRows {
		return f, Errorf(NotFound, "Ce fichier SEPA n'existe pas dans la résidence")
	}
	if err != nil {
		return f, sqlError(err, "lecture du fichier SEPA")
	}
	if err := tx.queryRow(`SELECT content FROM sepa_files WHERE id = ?`, f.ID).Scan(&f.Content); err != nil {
		return f, sqlError(err, "lecture du fichier SEPA")
	}
	sum := sha256.Sum256(f.Content)
	if hex.EncodeToString(sum[:]) != f.SHA256 {
		return f, Errorf(Internal, "Le fichier SEPA « %s » gardé dans la résidence est abîmé (empreinte différente) : ne l'envoyez pas à la banque", f.Name)
	}
	f.Content = bytes.Clone(f.Content)
	f.Payments, err = collect(tx, "lecture des transactions SEPA", `SELECT end_to_end, entry_id, account, amount,
		coalesce(mandate_id, 0), sequence, returned_entry FROM sepa_payments WHERE file_id = ? ORDER BY rowid`, []any{f.ID},
		func(r *sql.Rows) (SEPAPayment, error) {
			var p SEPAPayment
			return p, r.Scan(&p.EndToEnd, &p.EntryID, &p.Account, &p.Amount, &p.MandateID, &p.Sequence, &p.ReturnedEntry)
		})
	return f, err
}

// NextSEPACounter is the number the next file of the residence will get:
// one more than the last file ever recorded (sqlite_sequence keeps it even
// for a row gone), so that it names the file and its message id for good.
func (tx *Tx) NextSEPACounter() (int64, error) {
	var n int64
	if err := tx.queryRow(`SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sepa_files'), 0)`).Scan(&n); err != nil {
		return 0, sqlError(err, "lecture du compteur des fichiers SEPA")
	}
	return n + 1, nil
}

// NextSEPAMsgID is the message id of the next file of a kind: the
// residence's name (letters and digits, at most 16), V for a transfer or P
// for a direct debit, and NextSEPACounter, so that no two files of a
// residence ever share one (banks refuse a message id they already
// received from the same sender). At most 25 characters, all of the SEPA
// identifier set: SEPAEndToEnd adds a transaction rank.
func (tx *Tx) NextSEPAMsgID(kind SEPAKind) (string, error) {
	letter, ok := map[SEPAKind]string{SEPATransfer: "V", SEPADebit: "P"}[kind]
	if !ok {
		return "", Errorf(Invalid, "Sorte de fichier SEPA « %s » inconnue", kind)
	}
	r, err := tx.Residence()
	if err != nil {
		return "", err
	}
	name := strings.ToUpper(strings.ReplaceAll(ArchiveSlug(r.Name), "-", ""))
	if len(name) > 16 {
		name = name[:16]
	}
	n, err := tx.NextSEPACounter()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s-%s%06d", name, letter, n), nil
}

// SEPAEndToEnd is the end-to-end id of the k-th transaction (from 1) of the
// file msgID: both statements give it back, which ties a statement line
// or a returned debit to its payment.
func SEPAEndToEnd(msgID string, k int) string { return fmt.Sprintf("%s-%d", msgID, k) }

// IBANBankCode is the bank's code inside an IBAN, as file names of the
// bank's folder give it: the five-digit code banque of a French (or
// Monegasque) IBAN, the first four characters of the national part for
// others.
func IBANBankCode(iban string) string {
	iban = strings.ToUpper(strings.ReplaceAll(iban, " ", ""))
	n := 4
	if strings.HasPrefix(iban, "FR") || strings.HasPrefix(iban, "MC") {
		n = 5
	}
	if len(iban) < 4+n {
		return ""
	}
	return iban[4 : 4+n]
}
