package ledger

import (
	"database/sql"
	"strings"
)

// Editing the chart of accounts and the journals (Val Compta's « Plan
// comptable » and « Journaux »): an account may go only while nothing in
// the books names it, and the four journals the program posts to stay.

// accountUses are the places that name an account, in the order the user
// is told of them: the first one found is the reason a deletion is refused.
var accountUses = []struct{ query, what string }{
	{`SELECT 1 FROM lines WHERE account = ? LIMIT 1`, "il a des écritures"},
	{`SELECT 1 FROM budget WHERE account = ? LIMIT 1`, "il figure dans un budget"},
	{`SELECT 1 FROM calls WHERE account = ? LIMIT 1`, "un appel de fonds l'utilise"},
	{`SELECT 1 FROM invoices WHERE supplier = ? LIMIT 1`, "il a des factures"},
	{`SELECT 1 FROM bank_accounts WHERE account = ? OR fund = ? LIMIT 1`, "c'est un compte bancaire de la résidence (ou le fonds d'un livret)"},
	{`SELECT 1 FROM owners WHERE account = ? LIMIT 1`, "c'est le compte d'un copropriétaire"},
	{`SELECT 1 FROM suppliers WHERE account = ? LIMIT 1`, "c'est le compte d'un fournisseur"},
	{`SELECT 1 FROM receipts WHERE account = ? OR bank_account = ? LIMIT 1`, "un règlement l'utilise"},
	// A campaign's accounts end with its code (102ASC, 671ASC…: the works
	// code of three capitals); the program posts to them.
	{`SELECT 1 FROM works WHERE code = substr(?, 4, 3) LIMIT 1`, "il appartient à une campagne de travaux"},
}

// DeleteAccount removes a sub-account that nothing uses. The accounts of
// the official chart stay (hiding one clears it from the pick lists): the
// program posts to some of them by itself (calls on 701, advances on 103,
// the closing's), and a residence keeps the arrêté's chart whole; the
// collective accounts are named by the FEC for every owner and supplier.
func (tx *Tx) DeleteAccount(code string) error {
	code = strings.TrimSpace(code)
	if _, err := tx.Account(code); err != nil {
		return err
	}
	if code == OwnersCollective || code == SuppliersCollective {
		return Errorf(Conflict, "Le compte %s ne peut pas être supprimé : c'est le compte collectif des %s", code,
			map[bool]string{true: "copropriétaires", false: "fournisseurs"}[code == OwnersCollective])
	}
	for _, u := range accountUses {
		args := []any{code}
		if strings.Count(u.query, "?") == 2 {
			args = append(args, code)
		}
		var one int
		switch err := tx.queryRow(u.query, args...).Scan(&one); err {
		case nil:
			return Errorf(Conflict, "Le compte %s ne peut pas être supprimé : %s. Vous pouvez le masquer pour qu'il ne soit plus proposé", code, u.what)
		case sql.ErrNoRows:
		default:
			return sqlError(err, "lecture des usages du compte "+code)
		}
	}
	for _, c := range OfficialChart() {
		if c.Code == code {
			return Errorf(Conflict, "Le compte %s ne peut pas être supprimé : c'est un compte du plan comptable officiel. Masquez-le pour qu'il ne soit plus proposé", code)
		}
	}
	// The schema refuses what the list above misses (a foreign key of a
	// later table): the user gets the same advice.
	if _, err := tx.exec("suppression du compte "+code, `DELETE FROM accounts WHERE code = ?`, code); err != nil {
		if KindOf(err) == Conflict {
			return Errorf(Conflict, "Le compte %s ne peut pas être supprimé : il est encore utilisé dans le dossier. Vous pouvez le masquer pour qu'il ne soit plus proposé", code)
		}
		return err
	}
	tx.forget("lookups")
	return nil
}

// IsStandardJournal says whether a journal is one of the four the program
// posts to (created with every residence); they cannot be deleted.
func IsStandardJournal(code string) bool {
	switch code {
	case JournalPurchases, JournalBank, JournalMisc, JournalOpening:
		return true
	}
	return false
}

// RenameJournal changes a journal's label (never its code: entries name it).
func (tx *Tx) RenameJournal(j Journal) error {
	if err := cleanTexts(textField{&j.Code, "code du journal", ShortText}, textField{&j.Label, "libellé du journal", NameText}); err != nil {
		return err
	}
	j.Code, j.Label = strings.ToUpper(strings.TrimSpace(j.Code)), strings.TrimSpace(j.Label)
	if j.Label == "" {
		return Errorf(Invalid, "Le libellé du journal %s est obligatoire", j.Code)
	}
	res, err := tx.exec("modification du journal "+j.Code, `UPDATE journals SET label = ? WHERE code = ?`, j.Label, j.Code)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le journal %s n'existe pas", j.Code)
	}
	return nil
}

// DeleteJournal removes a journal of the user's that has no entry.
func (tx *Tx) DeleteJournal(code string) error {
	code = strings.ToUpper(strings.TrimSpace(code))
	if IsStandardJournal(code) {
		return Errorf(Conflict, "Le journal %s ne peut pas être supprimé : Tantième y passe ses écritures", code)
	}
	var one int
	switch err := tx.queryRow(`SELECT 1 FROM entries WHERE journal = ? LIMIT 1`, code).Scan(&one); err {
	case nil:
		return Errorf(Conflict, "Le journal %s ne peut pas être supprimé : il a des écritures", code)
	case sql.ErrNoRows:
	default:
		return sqlError(err, "lecture du journal "+code)
	}
	res, err := tx.exec("suppression du journal "+code, `DELETE FROM journals WHERE code = ?`, code)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le journal %s n'existe pas", code)
	}
	tx.forget("lookups")
	return nil
}
