package ledger

import (
	"database/sql"
	"strings"
)

// The general key is the key whose shares are the owners' votes at the AG
// (loi 1965 art. 22: « chaque copropriétaire dispose d'un nombre de voix
// correspondant à sa quote-part dans les parties communes »), and the key
// assumed where none is given. Every residence is created with GeneralKey
// (001); Val Compta lets the syndic name another one (« clé principale »),
// e.g. when the règlement de copropriété numbers its keys from 1 or keeps
// 001 for a building. The choice is a residence option; this file is its
// only reader.

// optGeneralKey is the option naming the general key.
const optGeneralKey = "general_key"

// GeneralKeyCode is the residence's general key: the chosen one while it
// exists, otherwise GeneralKey.
func (tx *Tx) GeneralKeyCode() (string, error) {
	code, err := tx.Option(optGeneralKey, "")
	if err != nil || code == "" || code == GeneralKey {
		return GeneralKey, err
	}
	var one int
	switch err := tx.queryRow(`SELECT 1 FROM keys WHERE code = ?`, code).Scan(&one); err {
	case nil:
		return code, nil
	case sql.ErrNoRows: // deleted since it was chosen: the default again
		return GeneralKey, nil
	default:
		return "", sqlError(err, "lecture de la clé générale")
	}
}

// SetGeneralKey chooses the general key among the residence's keys.
func (tx *Tx) SetGeneralKey(code string) error {
	if err := cleanTexts(textField{&code, "clé générale", ShortText}); err != nil {
		return err
	}
	code = strings.TrimSpace(code)
	if code == "" {
		return Errorf(Invalid, "Indiquez le code de la clé générale (par exemple %s)", GeneralKey)
	}
	var one int
	switch err := tx.queryRow(`SELECT 1 FROM keys WHERE code = ?`, code).Scan(&one); err {
	case nil:
	case sql.ErrNoRows:
		return Errorf(NotFound, "La clé %s n'existe pas : créez-la dans Clés de répartition avant d'en faire la clé générale", code)
	default:
		return sqlError(err, "lecture des clés")
	}
	return tx.SetOption(optGeneralKey, code)
}
