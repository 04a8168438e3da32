package app

import (
	"strings"

	"tantieme/internal/fr"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// ParseShares reads tantièmes as people type them: "125", "12,5", "1 000",
// "12.5"; empty is zero (the lot takes no part in the key).
func ParseShares(text string) (decimal.Decimal, error) {
	s := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\t':
			return -1
		case ',':
			return '.'
		}
		return r
	}, text)
	if s == "" {
		return decimal.Zero, nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil || strings.ContainsAny(s, "eE") {
		return decimal.Zero, ledger.Errorf(ledger.Invalid, "« %s » n'est pas un nombre de tantièmes (par exemple 125 ou 12,5)", strings.TrimSpace(text))
	}
	if d.IsNegative() {
		return decimal.Zero, ledger.Errorf(ledger.Invalid, "Les tantièmes ne peuvent pas être négatifs (« %s »)", strings.TrimSpace(text))
	}
	return d, nil
}

// KeyFill sets the shares of many lots in one key at once: a new key
// ("ascenseur": the flats of building A) or one to redo.
type KeyFill struct {
	Key  string
	Lots []string // the lots that take part in the key
	// FromKey copies each lot's shares of that key (the règlement often
	// defines a building's key by the general tantièmes); empty: Value.
	FromKey string
	Value   decimal.Decimal // the same shares for each lot, when FromKey is empty
	// ClearOthers takes the lots not listed out of the key (their shares
	// become zero); otherwise they keep theirs.
	ClearOthers bool
	// SetDeclared makes the key's declared total the new sum of its shares.
	SetDeclared bool
}

// FillKey applies f in one transaction and returns the key's new totals.
func (r *Residence) FillKey(f KeyFill) (ledger.KeyTotal, error) {
	var out ledger.KeyTotal
	err := r.Update(func(tx *ledger.Tx) error {
		keys, err := tx.KeyTotals()
		if err != nil {
			return err
		}
		var key *ledger.KeyTotal
		for i := range keys {
			if keys[i].Code == f.Key {
				key = &keys[i]
			}
		}
		if key == nil {
			return ledger.Errorf(ledger.NotFound, "La clé %s n'existe pas", f.Key)
		}
		if len(f.Lots) == 0 {
			return ledger.Errorf(ledger.Invalid, "Choisissez au moins un lot pour la clé %s", f.Key)
		}
		if f.FromKey == f.Key {
			return ledger.Errorf(ledger.Invalid, "Choisissez une autre clé que la clé %s elle-même pour recopier les tantièmes", f.Key)
		}
		if f.FromKey == "" && !f.Value.IsPositive() {
			return ledger.Errorf(ledger.Invalid, "Indiquez les tantièmes à donner à chaque lot (un nombre plus grand que zéro)")
		}
		source := map[string]decimal.Decimal{}
		if f.FromKey != "" {
			list, err := tx.SharesOfKey(f.FromKey)
			if err != nil {
				return err
			}
			for _, s := range list {
				source[s.Lot] = s.Shares
			}
		}
		chosen := map[string]bool{}
		for _, lot := range f.Lots {
			chosen[lot] = true
			v := f.Value
			if f.FromKey != "" {
				v = source[lot]
			}
			if err := tx.SetShare(lot, f.Key, v); err != nil {
				return err
			}
		}
		if f.ClearOthers {
			current, err := tx.SharesOfKey(f.Key)
			if err != nil {
				return err
			}
			for _, s := range current {
				if !chosen[s.Lot] {
					if err := tx.SetShare(s.Lot, f.Key, decimal.Zero); err != nil {
						return err
					}
				}
			}
		}
		if f.SetDeclared {
			sum, err := sumOfKey(tx, f.Key)
			if err != nil {
				return err
			}
			k := key.Key
			k.DeclaredTotal = sum
			if err := tx.UpdateKey(k); err != nil {
				return err
			}
		}
		keys, err = tx.KeyTotals()
		if err != nil {
			return err
		}
		for _, k := range keys {
			if k.Code == f.Key {
				out = k
			}
		}
		return nil
	})
	return out, err
}

func sumOfKey(tx *ledger.Tx, key string) (decimal.Decimal, error) {
	list, err := tx.SharesOfKey(key)
	sum := decimal.Zero
	for _, s := range list {
		sum = sum.Add(s.Shares)
	}
	return sum, err
}

// SetLotShares writes a lot's shares in several keys in one transaction
// (key code → shares; zero takes the lot out of the key).
func (r *Residence) SetLotShares(lot string, shares map[string]decimal.Decimal) error {
	return r.Update(func(tx *ledger.Tx) error {
		for key, v := range shares {
			if err := tx.SetShare(lot, key, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// UnsharedLots names the lots of a key that lack a share (k.Unshared) in
// French: « le lot 12 », « les lots 12 et 14 ».
func UnsharedLots(k ledger.KeyTotal) string {
	if len(k.Unshared) == 1 {
		return "le lot " + k.Unshared[0]
	}
	return "les lots " + fr.Join(k.Unshared, "et")
}
