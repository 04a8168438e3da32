package ledger

import (
	"database/sql"
	"errors"
	"slices"

	"github.com/shopspring/decimal"
)

// MeterKeyRole says which of a meter's two keys its readings update.
type MeterKeyRole int

const (
	// ActualRole: the consumptions become the shares of the actual key,
	// which the closing distributes the invoices by.
	ActualRole MeterKeyRole = iota
	// EstimateRole: the estimates become the shares of the estimate key,
	// on which the calls are made.
	EstimateRole
)

// Key is the meter's key of that role.
func (m Meter) Key(role MeterKeyRole) string {
	if role == EstimateRole {
		return m.EstimateKey
	}
	return m.ActualKey
}

// RoleOfKey says which of the meter's keys key is.
func (m Meter) RoleOfKey(key string) (MeterKeyRole, bool) {
	switch key {
	case m.ActualKey:
		return ActualRole, true
	case m.EstimateKey:
		return EstimateRole, true
	}
	return 0, false
}

// MeterKeyRefusal says why a meter's key may no longer take the readings,
// nil when it may. The seed's two warnings, in Tantième's terms:
//
//   - « Une clé utilisée pour l'estimation et les appels de fonds ne doit
//     pas avoir été utilisée pour un appel réalisé. » A call keeps the shares
//     it was made with; new shares would split the year's later calls
//     otherwise than the earlier ones, and each owner's provisions would no
//     longer follow one key.
//   - « Une clé utilisée pour la consommation réelle ne doit pas avoir été
//     utilisée pour une saisie d'écriture. » Val Compta shares an entry
//     among the owners when it is entered; Tantième does it at the closing.
//     So the actual key is refused once a closing has distributed it, and
//     when it carries charges of another exercise than the meter's: those
//     would be distributed by this year's consumptions (the seed makes one
//     key a year: 801 for 2011, 802 for 2012).
func (tx *Tx) MeterKeyRefusal(m Meter, role MeterKeyRole) error {
	key := m.Key(role)
	if role == EstimateRole {
		var piece, due string
		err := tx.queryRow(`SELECT c.piece, c.due_date FROM calls c JOIN call_keys k ON k.call_id = c.id
			WHERE k.key = ? AND c.cancel_entry_id IS NULL ORDER BY c.due_date LIMIT 1`, key).Scan(&piece, &due)
		if err == nil {
			return Errorf(Conflict, "La clé d'estimation %s a servi à l'appel %s du %s : ses tantièmes ne changent plus, "+
				"sinon les appels de l'année seraient répartis autrement (le manuel : une clé d'estimation ne doit pas avoir servi à un appel réalisé)",
				key, piece, FrenchDate(parseStored(due)))
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return sqlError(err, "lecture des appels")
		}
		return nil
	}
	var closed int64
	err := tx.queryRow(`SELECT exercise_id FROM closing_keys WHERE key = ? LIMIT 1`, key).Scan(&closed)
	if err == nil {
		name := ""
		if exs, e := tx.Exercises(); e == nil {
			for _, x := range exs {
				if x.ID == closed {
					name = " " + x.Name()
				}
			}
		}
		return Errorf(Conflict, "La clé de consommation %s a déjà été répartie par la clôture de l'exercice%s : ses tantièmes ne peuvent plus changer "+
			"(une clé de consommation réelle ne doit pas avoir servi à une répartition). Créez une clé pour la nouvelle année", key, name)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return sqlError(err, "lecture des clôtures")
	}
	start, end := "0000-00-00", "0000-00-00"
	if ex, err := tx.ExerciseOfYear(m.Year); err == nil {
		start, end = ISO(ex.Start), ISO(ex.End)
	}
	var piece, date string
	err = tx.queryRow(`SELECT e.piece, e.date FROM lines l JOIN entries e ON e.id = l.entry_id
		WHERE l.key = ? AND (e.date < ? OR e.date > ?) ORDER BY e.date LIMIT 1`, key, start, end).Scan(&piece, &date)
	if err == nil {
		return Errorf(Conflict, "La clé de consommation %s porte déjà une écriture hors de l'exercice %d (pièce %s du %s) : elle serait répartie selon les consommations de %d. "+
			"Une clé de consommation réelle sert à une seule année : créez une clé pour chaque année", key, m.Year, piece, FrenchDate(parseStored(date)), m.Year)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return sqlError(err, "lecture des écritures")
	}
	return nil
}

// MeterKeyChange is what writing a meter's readings on a key does to it.
type MeterKeyChange struct {
	Key            string
	Role           MeterKeyRole
	Lots           int             // lots with shares after
	Removed        []string        // lots that had shares and have none after
	Before, After  decimal.Decimal // the key's declared total
	SharesByLot    map[string]decimal.Decimal
	PreviousShares map[string]decimal.Decimal
}

// PlanMeterKey says what ApplyMeterKey would write, refusing as it would.
func (tx *Tx) PlanMeterKey(code string, year int, role MeterKeyRole) (MeterKeyChange, error) {
	m, err := tx.Meter(code, year)
	if err != nil {
		return MeterKeyChange{}, err
	}
	if err := tx.MeterKeyRefusal(m, role); err != nil {
		return MeterKeyChange{}, err
	}
	readings, err := tx.MeterReadings(code, year)
	if err != nil {
		return MeterKeyChange{}, err
	}
	key := m.Key(role)
	ch := MeterKeyChange{Key: key, Role: role, SharesByLot: map[string]decimal.Decimal{}, PreviousShares: map[string]decimal.Decimal{}}
	for _, r := range readings {
		v := r.Consumption()
		if role == EstimateRole {
			v = r.Estimate
		}
		if v.IsPositive() {
			ch.SharesByLot[r.Lot] = v
			ch.After = ch.After.Add(v)
			ch.Lots++
		}
	}
	if ch.Lots == 0 {
		what := "aucune consommation"
		if role == EstimateRole {
			what = "aucune estimation"
		}
		return ch, Errorf(Invalid, "Le compteur %s de %d n'a %s : rien à écrire sur la clé %s", code, year, what, key)
	}
	keys, err := tx.Keys()
	if err != nil {
		return ch, err
	}
	if i := slices.IndexFunc(keys, func(k Key) bool { return k.Code == key }); i >= 0 {
		ch.Before = keys[i].DeclaredTotal
	}
	old, err := tx.SharesOfKey(key)
	if err != nil {
		return ch, err
	}
	for _, s := range old {
		ch.PreviousShares[s.Lot] = s.Shares
		if _, ok := ch.SharesByLot[s.Lot]; !ok {
			ch.Removed = append(ch.Removed, s.Lot)
		}
	}
	return ch, nil
}

// ApplyMeterKey writes a meter's readings as the shares of one of its keys
// (the seed's « MAJ » buttons): each lot's consumption (or estimate) becomes
// its shares, a lot without any leaves the key, and the key's declared
// total becomes the new sum, so the key is conforme for the closing.
func (tx *Tx) ApplyMeterKey(code string, year int, role MeterKeyRole) (MeterKeyChange, error) {
	ch, err := tx.PlanMeterKey(code, year, role)
	if err != nil {
		return ch, err
	}
	for _, lot := range ch.Removed {
		if err := tx.SetShare(lot, ch.Key, decimal.Zero); err != nil {
			return ch, err
		}
	}
	for lot, v := range ch.SharesByLot {
		if err := tx.SetShare(lot, ch.Key, v); err != nil {
			return ch, err
		}
	}
	keys, err := tx.Keys()
	if err != nil {
		return ch, err
	}
	i := slices.IndexFunc(keys, func(k Key) bool { return k.Code == ch.Key })
	if i < 0 {
		return ch, Errorf(NotFound, "La clé %s n'existe pas", ch.Key)
	}
	k := keys[i]
	k.DeclaredTotal = ch.After
	return ch, tx.UpdateKey(k)
}
