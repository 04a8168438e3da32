package ledger

import (
	"database/sql"
	"strings"
	"time"
	"unicode/utf8"
)

// Statuses of an imported bank line (migration 011_bank_lines.sql).
const (
	BankLinePending = "pending" // waits in the « Relevés » list for the syndic
	BankLinePosted  = "posted"  // posted (entry_id) or settled a deposit slip (deposit_id)
	BankLineIgnored = "ignored" // set aside by the syndic: nothing to post
)

// BankLine is one movement of a bank statement as the residence keeps it:
// the pending list, and the memory that makes a re-import skip what was
// already imported.
type BankLine struct {
	ID               int64
	BankAccount      string // the residence's 5xxxxx account the statement is of
	Date             time.Time
	ValueDate        time.Time
	Amount           Amount // signed: a credit (money in) positive
	Label            string
	Details          string // the further texts, one a line
	Reference        string // the bank's own reference of the movement
	EndToEnd         string
	CounterpartyName string
	CounterpartyIBAN string
	Code             string
	Fingerprint      string // hex SHA-256 of the line's content
	Occurrence       int    // among lines of the same account, date, amount and fingerprint
	Status           string
	EntryID          int64
	DepositID        int64
	ImportedAt       time.Time
	File             string // the statement file's name
}

// Text is the label and the details on one line, for messages and matching.
func (l BankLine) Text() string {
	return strings.TrimSpace(l.Label + " " + strings.ReplaceAll(l.Details, "\n", " "))
}

// bankText makes a text read from a statement storable: the forbidden
// characters (CleanText's policy) dropped rather than refused, since the
// file is the bank's and cannot be retyped, line breaks kept only where
// multiline, and the text cut to the column's limit.
func bankText(s string, kind TextKind) string {
	var b strings.Builder
	n := 0
	for _, r := range strings.ToValidUTF8(s, "") {
		if n >= kind.Max {
			break
		}
		switch {
		case r == '\n' && kind.Multiline:
		case r == '\t' || r == '\n' || r == '\r':
			r = ' '
		case forbiddenRune(r):
			continue
		}
		b.WriteRune(r)
		n++
	}
	out := strings.TrimSpace(b.String())
	if utf8.RuneCountInString(out) > kind.Max { // cannot happen; the trigger would refuse it
		out = string([]rune(out)[:kind.Max])
	}
	return out
}

const bankLineColumns = `id, bank_account, date, value_date, amount, label, details, reference, end_to_end,
	counterparty_name, counterparty_iban, code, fingerprint, occurrence, status, entry_id, deposit_id, imported_at, file`

func scanBankLine(r interface{ Scan(...any) error }) (BankLine, error) {
	var l BankLine
	var date, value, imported string
	err := r.Scan(&l.ID, &l.BankAccount, &date, &value, &l.Amount, &l.Label, &l.Details, &l.Reference, &l.EndToEnd,
		&l.CounterpartyName, &l.CounterpartyIBAN, &l.Code, &l.Fingerprint, &l.Occurrence, &l.Status, &l.EntryID, &l.DepositID,
		&imported, &l.File)
	l.Date, l.ValueDate, l.ImportedAt = parseStored(date), parseStored(value), parseStored(imported)
	return l, err
}

// SaveBankLine records an imported line and sets its ID. Its texts are
// made storable (bankText); its occurrence must be free (the import counts
// the lines already there).
func (tx *Tx) SaveBankLine(l *BankLine) error {
	// The bank account is not looked up here (5 000 lines a file): the
	// caller tied it, and the foreign key refuses an unknown one.
	if l.Date.IsZero() {
		return Errorf(Invalid, "Ligne de relevé sans date")
	}
	if l.Status == "" {
		l.Status = BankLinePending
	}
	if l.ImportedAt.IsZero() {
		l.ImportedAt = Now()
	}
	l.Label = bankText(l.Label, LabelText)
	l.Details = bankText(l.Details, NotesText)
	l.Reference = bankText(l.Reference, NameText)
	l.EndToEnd = bankText(l.EndToEnd, NameText)
	l.CounterpartyName = bankText(l.CounterpartyName, NameText)
	l.CounterpartyIBAN = bankText(normalizeID(l.CounterpartyIBAN), ShortText)
	l.Code = bankText(l.Code, ShortText)
	l.File = bankText(l.File, NameText)
	st, err := tx.stmt(`INSERT INTO bank_lines (bank_account, date, value_date, amount, label, details, reference, end_to_end,
		counterparty_name, counterparty_iban, code, fingerprint, occurrence, status, entry_id, deposit_id, imported_at, file)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	res, err := st.Exec(l.BankAccount, ISO(l.Date), ISO(l.ValueDate), int64(l.Amount), l.Label, l.Details, l.Reference, l.EndToEnd,
		l.CounterpartyName, l.CounterpartyIBAN, l.Code, l.Fingerprint, l.Occurrence, l.Status, l.EntryID, l.DepositID,
		ISO(l.ImportedAt), l.File)
	if err != nil {
		return sqlError(err, "enregistrement de la ligne de relevé du "+FrenchDate(l.Date)+" ("+l.Amount.String()+")")
	}
	l.ID, _ = res.LastInsertId()
	return nil
}

// SaveBankLines records several lines (SaveBankLine each).
func (tx *Tx) SaveBankLines(lines []BankLine) error {
	for i := range lines {
		if err := tx.SaveBankLine(&lines[i]); err != nil {
			return err
		}
	}
	return nil
}

// ImportedBankLines lists the lines already imported on a bank account
// dated from..to: what a new statement is compared with.
func (tx *Tx) ImportedBankLines(account string, from, to time.Time) ([]BankLine, error) {
	return collect(tx, "lecture des lignes de relevé", `SELECT `+bankLineColumns+` FROM bank_lines
		WHERE bank_account = ? AND date BETWEEN ? AND ? ORDER BY id`, []any{account, ISO(from), ISO(to)},
		func(r *sql.Rows) (BankLine, error) { return scanBankLine(r) })
}

// PendingBankLines lists the lines waiting for the syndic, by date.
func (tx *Tx) PendingBankLines() ([]BankLine, error) {
	return collect(tx, "lecture des lignes de relevé en attente", `SELECT `+bankLineColumns+` FROM bank_lines
		WHERE status = ? ORDER BY date, id`, []any{BankLinePending},
		func(r *sql.Rows) (BankLine, error) { return scanBankLine(r) })
}

// BankLine reads one imported line.
func (tx *Tx) BankLine(id int64) (BankLine, error) {
	l, err := scanBankLine(tx.queryRow(`SELECT `+bankLineColumns+` FROM bank_lines WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return l, Errorf(NotFound, "La ligne de relevé n° %d n'existe pas", id)
	}
	return l, sqlError(err, "lecture d'une ligne de relevé")
}

// MarkBankLinePosted records that a pending line was posted by entry (or
// settled deposit slip deposit, entry then 0).
func (tx *Tx) MarkBankLinePosted(id, entry, deposit int64) error {
	res, err := tx.exec("ligne de relevé comptabilisée", `UPDATE bank_lines SET status = ?, entry_id = ?, deposit_id = ?
		WHERE id = ? AND status = ?`, BankLinePosted, entry, deposit, id, BankLinePending)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(Conflict, "La ligne de relevé n° %d n'est plus en attente", id)
	}
	return nil
}

// IgnoreBankLine sets a pending line aside: nothing will be posted for it.
func (tx *Tx) IgnoreBankLine(id int64) error {
	res, err := tx.exec("ligne de relevé écartée", `UPDATE bank_lines SET status = ? WHERE id = ? AND status = ?`,
		BankLineIgnored, id, BankLinePending)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(Conflict, "La ligne de relevé n° %d n'est pas en attente", id)
	}
	return nil
}

// SettledDeposits lists the deposit slips a bank line already settled.
func (tx *Tx) SettledDeposits() (map[int64]bool, error) {
	ids, err := collect(tx, "lecture des remises rapprochées", `SELECT deposit_id FROM bank_lines WHERE deposit_id <> 0`, nil,
		func(r *sql.Rows) (int64, error) {
			var id int64
			return id, r.Scan(&id)
		})
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, err
}

// NormalizeIBAN is an IBAN as stored: upper case, without spaces.
func NormalizeIBAN(s string) string { return normalizeID(s) }

// ValidIBAN checks an IBAN's ISO 13616 key (after NormalizeIBAN).
func ValidIBAN(s string) bool { return validIBAN(normalizeID(s)) }

// AddOwnerIBAN records that owner pays from iban (checked), learnt on day
// at; an IBAN already known for him is left as it is.
func (tx *Tx) AddOwnerIBAN(owner, iban string, at time.Time) error {
	iban = normalizeID(iban)
	if !validIBAN(iban) {
		return Errorf(Invalid, "L'IBAN « %s » n'est pas valide (vérifiez la clé)", iban)
	}
	if _, err := tx.Owner(owner); err != nil {
		return err
	}
	if at.IsZero() {
		at = Now()
	}
	_, err := tx.exec("IBAN du copropriétaire "+owner, `INSERT INTO owner_ibans (owner, iban, learnt_at) VALUES (?, ?, ?)
		ON CONFLICT (owner, iban) DO NOTHING`, owner, iban, ISO(at))
	return err
}

// OwnerIBANs lists the IBANs an owner pays from.
func (tx *Tx) OwnerIBANs(owner string) ([]string, error) {
	return collect(tx, "lecture des IBAN du copropriétaire", `SELECT iban FROM owner_ibans WHERE owner = ? ORDER BY learnt_at, iban`,
		[]any{owner}, func(r *sql.Rows) (string, error) {
			var s string
			return s, r.Scan(&s)
		})
}

// OwnersByIBAN maps every known payer IBAN to the owners paying from it
// (a joint account may be two owners').
func (tx *Tx) OwnersByIBAN() (map[string][]string, error) {
	type row struct{ iban, owner string }
	rows, err := collect(tx, "lecture des IBAN des copropriétaires", `SELECT iban, owner FROM owner_ibans ORDER BY iban, owner`, nil,
		func(r *sql.Rows) (row, error) {
			var x row
			return x, r.Scan(&x.iban, &x.owner)
		})
	out := make(map[string][]string, len(rows))
	for _, x := range rows {
		out[x.iban] = append(out[x.iban], x.owner)
	}
	return out, err
}

// SetOwnerIBANs makes ibans the accounts owner pays from, as the syndic
// typed them on the owner's form: each checked, the others forgotten; an
// IBAN kept keeps the day it was learnt.
func (tx *Tx) SetOwnerIBANs(owner string, ibans []string, at time.Time) error {
	keep := map[string]bool{}
	for _, iban := range ibans {
		iban = normalizeID(iban)
		if iban == "" {
			continue
		}
		if !validIBAN(iban) {
			return Errorf(Invalid, "Copropriétaire %s : l'IBAN « %s » n'est pas valide (vérifiez-le sur son RIB : la clé ne correspond pas)", owner, iban)
		}
		keep[iban] = true
	}
	known, err := tx.OwnerIBANs(owner)
	if err != nil {
		return err
	}
	for _, iban := range known {
		if !keep[iban] {
			if _, err := tx.exec("oubli d'un IBAN du copropriétaire", `DELETE FROM owner_ibans WHERE owner = ? AND iban = ?`, owner, iban); err != nil {
				return err
			}
		}
	}
	for iban := range keep {
		if err := tx.AddOwnerIBAN(owner, iban, at); err != nil {
			return err
		}
	}
	return nil
}
