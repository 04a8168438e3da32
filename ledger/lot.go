package ledger

import (
	"database/sql"
	"slices"
	"strings"
	"time"
)

// Lot is a unit of the residence (flat, cellar, parking, shop…).
type Lot struct {
	Number    string // 1 to 5 characters, "001"
	Label     string
	Type      string
	Building  string
	Staircase string
	Floor     string
	Door      string
	Owner     string // current owner's account (the latest ownership)
}

// Ownership is one period of a lot's history: owner from a date on.
// A zero From means "since the start of the residence's books".
type Ownership struct {
	Lot   string
	Owner string
	From  time.Time
}

func (l *Lot) validate() error {
	if err := cleanTexts(
		textField{&l.Number, "numéro du lot", ShortText},
		textField{&l.Label, "désignation du lot", NameText},
		textField{&l.Type, "type du lot", ShortText},
		textField{&l.Building, "bâtiment du lot", ShortText},
		textField{&l.Staircase, "escalier du lot", ShortText},
		textField{&l.Floor, "étage du lot", ShortText},
		textField{&l.Door, "porte du lot", ShortText},
	); err != nil {
		return err
	}
	l.Number = strings.TrimSpace(l.Number)
	if n := len([]rune(l.Number)); n < 1 || n > 5 {
		return Errorf(Invalid, "Le numéro de lot « %s » doit avoir de 1 à 5 caractères", l.Number)
	}
	return nil
}

// Lots lists the lots in number order, with their current owner.
func (tx *Tx) Lots() ([]Lot, error) {
	list, err := collect(tx, "lecture des lots", `SELECT l.number, l.label, l.type, l.building, l.staircase, l.floor, l.door,
		coalesce((SELECT owner FROM lot_owners o WHERE o.lot = l.number ORDER BY from_date DESC LIMIT 1), '')
		FROM lots l`, nil,
		func(r *sql.Rows) (Lot, error) {
			var l Lot
			return l, r.Scan(&l.Number, &l.Label, &l.Type, &l.Building, &l.Staircase, &l.Floor, &l.Door, &l.Owner)
		})
	slices.SortFunc(list, func(a, b Lot) int { return CompareLots(a.Number, b.Number) })
	return list, err
}

// AddLot creates a lot; a non-empty Owner becomes its owner with no known
// date (since the start of the books).
func (tx *Tx) AddLot(l Lot) error {
	if err := l.validate(); err != nil {
		return err
	}
	if _, err := tx.exec("création du lot "+l.Number, `INSERT INTO lots (number, label, type, building, staircase, floor, door)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, l.Number, l.Label, l.Type, l.Building, l.Staircase, l.Floor, l.Door); err != nil {
		if KindOf(err) == Conflict {
			return Errorf(Conflict, "Le lot %s existe déjà", l.Number)
		}
		return err
	}
	if l.Owner != "" {
		return tx.TransferLot(l.Number, l.Owner, time.Time{})
	}
	return nil
}

// UpdateLot saves a lot's description (not its number nor its owner: a
// change of owner is a sale, see TransferLot).
func (tx *Tx) UpdateLot(l Lot) error {
	if err := l.validate(); err != nil {
		return err
	}
	res, err := tx.exec("modification du lot", `UPDATE lots SET label = ?, type = ?, building = ?, staircase = ?, floor = ?, door = ?
		WHERE number = ?`, l.Label, l.Type, l.Building, l.Staircase, l.Floor, l.Door, l.Number)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le lot %s n'existe pas", l.Number)
	}
	return nil
}

// DeleteLot removes a lot that carries no shares.
func (tx *Tx) DeleteLot(number string) error {
	var n int
	tx.queryRow(`SELECT count(*) FROM shares WHERE lot = ?`, number).Scan(&n)
	if n > 0 {
		return Errorf(Conflict, "Le lot %s a des tantièmes : mettez-les à zéro avant de le supprimer", number)
	}
	if _, err := tx.exec("suppression du lot", `DELETE FROM lot_owners WHERE lot = ?`, number); err != nil {
		return err
	}
	res, err := tx.exec("suppression du lot", `DELETE FROM lots WHERE number = ?`, number)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le lot %s n'existe pas", number)
	}
	return nil
}

// TransferLot makes owner the owner of lot from day `from` on (a sale, or the
// first owner when from is zero). Earlier periods keep their owner, so calls
// already due stay with the seller (DOMAIN §9).
func (tx *Tx) TransferLot(lot, owner string, from time.Time) error {
	if _, err := tx.Owner(owner); err != nil {
		return err
	}
	hist, err := tx.LotHistory(lot)
	if err != nil {
		return err
	}
	if len(hist) > 0 {
		last := hist[len(hist)-1]
		if !from.After(last.From) {
			if from.IsZero() && last.From.IsZero() && last.Owner == owner {
				return nil
			}
			if last.From.IsZero() {
				// There is no date to name in the message below ("après le ,").
				return Errorf(Invalid, "Le lot %s appartient déjà à %s : indiquez la date de la vente", lot, last.Owner)
			}
			return Errorf(Invalid, "La vente du lot %s doit être datée après le %s, date de la précédente mutation", lot, FrenchDate(last.From))
		}
		if last.Owner == owner {
			return Errorf(Invalid, "Le lot %s appartient déjà à %s", lot, owner)
		}
	} else {
		var n int
		tx.queryRow(`SELECT count(*) FROM lots WHERE number = ?`, lot).Scan(&n)
		if n == 0 {
			return Errorf(NotFound, "Le lot %s n'existe pas", lot)
		}
	}
	_, err = tx.exec("mutation du lot "+lot, `INSERT INTO lot_owners (lot, owner, from_date) VALUES (?, ?, ?)`, lot, owner, ISO(from))
	return err
}

// LotHistory lists the owners of a lot, oldest first.
func (tx *Tx) LotHistory(lot string) ([]Ownership, error) {
	return collect(tx, "lecture de l'historique du lot", `SELECT lot, owner, from_date FROM lot_owners WHERE lot = ? ORDER BY from_date`,
		[]any{lot}, scanOwnership)
}

func scanOwnership(r *sql.Rows) (Ownership, error) {
	var o Ownership
	var from string
	err := r.Scan(&o.Lot, &o.Owner, &from)
	o.From = parseStored(from)
	return o, err
}

// OwnersAt maps every lot to its owner on day d. Lots without an owner on
// that day are absent.
func (tx *Tx) OwnersAt(d time.Time) (map[string]string, error) {
	list, err := collect(tx, "lecture des propriétaires", `SELECT lot, owner, from_date FROM lot_owners
		WHERE from_date <= ? ORDER BY lot, from_date`, []any{ISO(d)}, scanOwnership)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, o := range list {
		out[o.Lot] = o.Owner // later periods overwrite earlier ones
	}
	return out, nil
}
