package ledger

import (
	"database/sql"
	"strings"
)

// Account is an account of the residence's chart.
type Account struct {
	Code   string
	Label  string
	Hidden bool // not offered in pick lists; still valid
	// Recoverable is what a new charge line on the account proposes in
	// its « R » column: the percent a landlord may recover from his tenant
	// (décret n° 87-713), 0 when none. Migration 019.
	Recoverable int
}

// Class is the account's class digit.
func (a Account) Class() int { return AccountClass(a.Code) }

// Journal is a book of entries (AC, BQ, OD, AN, and the user's own).
type Journal struct {
	Code  string
	Label string
}

// Accounts lists the chart, in code order.
func (tx *Tx) Accounts() ([]Account, error) {
	return collect(tx, "lecture du plan comptable", `SELECT code, label, hidden, recoverable FROM accounts ORDER BY code`, nil,
		func(r *sql.Rows) (Account, error) {
			var a Account
			return a, r.Scan(&a.Code, &a.Label, &a.Hidden, &a.Recoverable)
		})
}

// Account returns one account.
func (tx *Tx) Account(code string) (Account, error) {
	a := Account{Code: code}
	err := tx.queryRow(`SELECT label, hidden, recoverable FROM accounts WHERE code = ?`, code).Scan(&a.Label, &a.Hidden, &a.Recoverable)
	if err == sql.ErrNoRows {
		return a, Errorf(NotFound, "Le compte %s n'existe pas dans le plan comptable", code)
	}
	return a, sqlError(err, "lecture du compte")
}

// AddAccount adds a sub-account of the official chart.
func (tx *Tx) AddAccount(a Account) error {
	if err := cleanTexts(textField{&a.Code, "numéro du compte", ShortText}, textField{&a.Label, "libellé du compte", LabelText}); err != nil {
		return err
	}
	a.Code = strings.ToUpper(strings.TrimSpace(a.Code))
	if err := CheckAccountCode(a.Code); err != nil {
		return err
	}
	if strings.TrimSpace(a.Label) == "" {
		return Errorf(Invalid, "Le libellé du compte %s est obligatoire", a.Code)
	}
	_, err := tx.exec("création du compte "+a.Code, `INSERT INTO accounts (code, label, hidden) VALUES (?, ?, ?)`, a.Code, strings.TrimSpace(a.Label), a.Hidden)
	tx.forget("lookups")
	if KindOf(err) == Conflict {
		return Errorf(Conflict, "Le compte %s existe déjà", a.Code)
	}
	return err
}

// UpdateAccount changes an account's label and visibility (never its code).
func (tx *Tx) UpdateAccount(a Account) error {
	if err := cleanTexts(textField{&a.Label, "libellé du compte " + a.Code, LabelText}); err != nil {
		return err
	}
	if strings.TrimSpace(a.Label) == "" {
		return Errorf(Invalid, "Le libellé du compte %s est obligatoire", a.Code)
	}
	res, err := tx.exec("modification du compte", `UPDATE accounts SET label = ?, hidden = ? WHERE code = ?`, strings.TrimSpace(a.Label), a.Hidden, a.Code)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le compte %s n'existe pas", a.Code)
	}
	return nil
}

// SetAccountRecoverable sets the share of an expense account that its new
// lines propose as recoverable from tenants (0 to 100 %).
func (tx *Tx) SetAccountRecoverable(code string, percent int) error {
	if AccountClass(code) != 6 {
		return Errorf(Invalid, "Le compte %s n'est pas une charge : seules les charges (classe 6) sont récupérables", code)
	}
	if percent < 0 || percent > 100 {
		return Errorf(Invalid, "Compte %s : la part récupérable va de 0 à 100 %% (%d)", code, percent)
	}
	res, err := tx.exec("modification du compte", `UPDATE accounts SET recoverable = ? WHERE code = ?`, percent, code)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le compte %s n'existe pas", code)
	}
	return nil
}

// ensureAccount creates the account when missing (owners, suppliers, banks).
func (tx *Tx) ensureAccount(code, label string) error {
	if err := cleanTexts(textField{&label, "libellé du compte " + code, LabelText}); err != nil {
		return err
	}
	if err := CheckAccountCode(code); err != nil {
		return err
	}
	_, err := tx.exec("création du compte "+code, `INSERT INTO accounts (code, label) VALUES (?, ?)
		ON CONFLICT (code) DO UPDATE SET label = excluded.label`, code, label)
	tx.forget("lookups")
	return err
}

// Journals lists the journals.
func (tx *Tx) Journals() ([]Journal, error) {
	return collect(tx, "lecture des journaux", `SELECT code, label FROM journals
		ORDER BY CASE code WHEN 'AC' THEN 1 WHEN 'BQ' THEN 2 WHEN 'OD' THEN 3 WHEN 'AN' THEN 4 ELSE 5 END, code`, nil,
		func(r *sql.Rows) (Journal, error) {
			var j Journal
			return j, r.Scan(&j.Code, &j.Label)
		})
}

// AddJournal adds a user journal (e.g. a second bank).
func (tx *Tx) AddJournal(j Journal) error {
	if err := cleanTexts(textField{&j.Code, "code du journal", ShortText}, textField{&j.Label, "libellé du journal", NameText}); err != nil {
		return err
	}
	j.Code = strings.ToUpper(strings.TrimSpace(j.Code))
	if len(j.Code) < 1 || len(j.Code) > 4 {
		return Errorf(Invalid, "Le code d'un journal a de 1 à 4 caractères")
	}
	if strings.TrimSpace(j.Label) == "" {
		return Errorf(Invalid, "Le libellé du journal %s est obligatoire", j.Code)
	}
	_, err := tx.exec("création du journal "+j.Code, `INSERT INTO journals (code, label) VALUES (?, ?)`, j.Code, j.Label)
	tx.forget("lookups")
	if KindOf(err) == Conflict {
		return Errorf(Conflict, "Le journal %s existe déjà", j.Code)
	}
	return err
}
