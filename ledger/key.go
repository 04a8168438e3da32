package ledger

import (
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Key is a clé de répartition. DeclaredTotal is the total of shares stated in
// the règlement de copropriété; the sum of the lots' shares should equal it.
type Key struct {
	Code          string
	Label         string
	DeclaredTotal decimal.Decimal
}

// Share is a lot's weight (tantièmes) in a key.
type Share struct {
	Lot    string
	Key    string
	Shares decimal.Decimal
}

func (k *Key) validate() error {
	if err := cleanTexts(textField{&k.Code, "code de la clé", ShortText}, textField{&k.Label, "libellé de la clé", NameText}); err != nil {
		return err
	}
	k.Code = strings.TrimSpace(k.Code)
	if n := len(k.Code); n < 1 || n > 3 {
		return Errorf(Invalid, "Le code de clé « %s » doit avoir de 1 à 3 caractères", k.Code)
	}
	if strings.TrimSpace(k.Label) == "" {
		return Errorf(Invalid, "Le libellé de la clé %s est obligatoire", k.Code)
	}
	if k.DeclaredTotal.IsNegative() {
		return Errorf(Invalid, "Le total de la clé %s ne peut pas être négatif", k.Code)
	}
	return nil
}

// Keys lists the keys in code order.
func (tx *Tx) Keys() ([]Key, error) {
	return collect(tx, "lecture des clés", `SELECT code, label, declared_total FROM keys ORDER BY code`, nil,
		func(r *sql.Rows) (Key, error) {
			var k Key
			var total string
			if err := r.Scan(&k.Code, &k.Label, &total); err != nil {
				return k, err
			}
			var err error
			k.DeclaredTotal, err = decimal.NewFromString(total)
			return k, err
		})
}

// AddKey creates a key.
func (tx *Tx) AddKey(k Key) error {
	if err := k.validate(); err != nil {
		return err
	}
	_, err := tx.exec("création de la clé "+k.Code, `INSERT INTO keys (code, label, declared_total) VALUES (?, ?, ?)`,
		k.Code, strings.TrimSpace(k.Label), k.DeclaredTotal.String())
	tx.forget("lookups")
	if KindOf(err) == Conflict {
		return Errorf(Conflict, "La clé %s existe déjà", k.Code)
	}
	return err
}

// UpdateKey changes a key's label and declared total.
func (tx *Tx) UpdateKey(k Key) error {
	if err := k.validate(); err != nil {
		return err
	}
	res, err := tx.exec("modification de la clé", `UPDATE keys SET label = ?, declared_total = ? WHERE code = ?`,
		strings.TrimSpace(k.Label), k.DeclaredTotal.String(), k.Code)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "La clé %s n'existe pas", k.Code)
	}
	return nil
}

// DeleteKey removes a key no share, budget line or entry uses.
func (tx *Tx) DeleteKey(code string) error {
	res, err := tx.exec("suppression de la clé", `DELETE FROM keys WHERE code = ?`, code)
	if err != nil {
		// The file's keys_delete trigger refuses a key still in use; its
		// message is right but sqlError files trigger refusals as Invalid,
		// while "still in use" is a Conflict.
		var e *Error
		if errors.As(err, &e) && e.Kind == Invalid {
			e.Kind = Conflict
		}
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "La clé %s n'existe pas", code)
	}
	return nil
}

// SetShare sets a lot's shares in a key; zero removes them.
func (tx *Tx) SetShare(lot, key string, shares decimal.Decimal) error {
	if shares.IsNegative() {
		return Errorf(Invalid, "Les tantièmes du lot %s (clé %s) ne peuvent pas être négatifs", lot, key)
	}
	if shares.IsZero() {
		_, err := tx.exec("tantièmes", `DELETE FROM shares WHERE lot = ? AND key = ?`, lot, key)
		return err
	}
	_, err := tx.exec("tantièmes du lot "+lot, `INSERT INTO shares (lot, key, shares) VALUES (?, ?, ?)
		ON CONFLICT (lot, key) DO UPDATE SET shares = excluded.shares`, lot, key, shares.String())
	if KindOf(err) == Conflict {
		return Errorf(NotFound, "Le lot %s ou la clé %s n'existe pas", lot, key)
	}
	return err
}

// Shares lists every share, by key then lot.
func (tx *Tx) Shares() ([]Share, error) {
	list, err := collect(tx, "lecture des tantièmes", `SELECT lot, key, shares FROM shares`, nil, scanShare)
	slices.SortFunc(list, func(a, b Share) int {
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		return CompareLots(a.Lot, b.Lot)
	})
	return list, err
}

// SharesOfKey lists the shares of one key, by lot.
func (tx *Tx) SharesOfKey(key string) ([]Share, error) {
	list, err := collect(tx, "lecture des tantièmes", `SELECT lot, key, shares FROM shares WHERE key = ?`, []any{key}, scanShare)
	slices.SortFunc(list, func(a, b Share) int { return CompareLots(a.Lot, b.Lot) })
	return list, err
}

func scanShare(r *sql.Rows) (Share, error) {
	var s Share
	var v string
	if err := r.Scan(&s.Lot, &s.Key, &v); err != nil {
		return s, err
	}
	var err error
	s.Shares, err = decimal.NewFromString(v)
	return s, err
}

// KeyTotal compares a key's declared total with the sum of its shares.
type KeyTotal struct {
	Key
	SumOfShares decimal.Decimal
	Lots        int
	// Unshared lists the lots with an owner and no share where they need
	// one: on the general key only. Every lot has its quote-part of the
	// parties communes, which the general charges follow (loi du 10 juillet
	// 1965, art. 5 and 10); a special key (lift, heating) rightly leaves
	// lots out.
	Unshared []string
	// General says this is the residence's general key (GeneralKeyCode).
	General bool
}

// TotalsMatch says whether the declared total equals the sum of the shares.
func (k KeyTotal) TotalsMatch() bool { return k.DeclaredTotal.Equal(k.SumOfShares) }

// Matches says whether the key is conforme: its declared total is the sum
// of its shares and no lot that needs a share lacks one (Unshared). The
// keys screen, the dashboard and the reference data all ask this.
func (k KeyTotal) Matches() bool { return k.TotalsMatch() && len(k.Unshared) == 0 }

// WithShare is the key once a lot's share goes from stored to v, as typed
// in a grid before it is saved; owned says whether the lot has an owner.
func (k KeyTotal) WithShare(lot string, owned bool, stored, v decimal.Decimal) KeyTotal {
	k.SumOfShares = k.SumOfShares.Sub(stored).Add(v)
	switch {
	case stored.IsZero() && !v.IsZero():
		k.Lots++
	case !stored.IsZero() && v.IsZero():
		k.Lots--
	}
	unshared := k.Unshared[:0:0]
	for _, l := range k.Unshared {
		if l != lot {
			unshared = append(unshared, l)
		}
	}
	if v.IsZero() && owned && k.General {
		unshared = append(unshared, lot)
	}
	k.Unshared = unshared
	return k
}

// KeyTotals lists every key with its declared total and its sum of shares.
func (tx *Tx) KeyTotals() ([]KeyTotal, error) {
	keys, err := tx.Keys()
	if err != nil {
		return nil, err
	}
	shares, err := tx.Shares()
	if err != nil {
		return nil, err
	}
	lots, err := tx.Lots()
	if err != nil {
		return nil, err
	}
	general, err := tx.GeneralKeyCode()
	if err != nil {
		return nil, err
	}
	sums := map[string]decimal.Decimal{}
	counts := map[string]int{}
	shared := map[string]bool{} // general key's lots with a share
	for _, s := range shares {
		sums[s.Key] = sums[s.Key].Add(s.Shares)
		counts[s.Key]++
		if s.Key == general && !s.Shares.IsZero() {
			shared[s.Lot] = true
		}
	}
	out := make([]KeyTotal, len(keys))
	for i, k := range keys {
		out[i] = KeyTotal{Key: k, SumOfShares: sums[k.Code], Lots: counts[k.Code], General: k.Code == general}
		if !out[i].General {
			continue
		}
		for _, l := range lots {
			if l.Owner != "" && !shared[l.Number] {
				out[i].Unshared = append(out[i].Unshared, l.Number)
			}
		}
	}
	return out, nil
}
