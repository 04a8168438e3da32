package ledger

import (
	"database/sql"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
)

// optDecimal is a decimal column that may be empty (no value).
func optDecimal(present bool, d decimal.Decimal) string {
	if !present {
		return ""
	}
	return d.String()
}

func readDecimal(s string) decimal.Decimal {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero // the columns' CHECKs allow digits and dots only
	}
	return d
}

const meterColumns = `code, year, label, unit, unit_price, estimate_key, actual_key, general_old, general_new`

func scanMeter(r *sql.Rows) (Meter, error) {
	var m Meter
	var price, gOld, gNew string
	if err := r.Scan(&m.Code, &m.Year, &m.Label, &m.Unit, &price, &m.EstimateKey, &m.ActualKey, &gOld, &gNew); err != nil {
		return m, err
	}
	m.UnitPrice = readDecimal(price)
	m.HasGeneral = gOld != "" || gNew != ""
	m.GeneralOld, m.GeneralNew = readDecimal(gOld), readDecimal(gNew)
	return m, nil
}

// Meters lists the meters, latest year first, then by code.
func (tx *Tx) Meters() ([]Meter, error) {
	return collect(tx, "lecture des compteurs", `SELECT `+meterColumns+` FROM meters ORDER BY year DESC, code`, nil, scanMeter)
}

// Meter reads one meter of one year.
func (tx *Tx) Meter(code string, year int) (Meter, error) {
	list, err := collect(tx, "lecture du compteur", `SELECT `+meterColumns+` FROM meters WHERE code = ? AND year = ?`,
		[]any{strings.ToUpper(strings.TrimSpace(code)), year}, scanMeter)
	if err != nil {
		return Meter{}, err
	}
	if len(list) == 0 {
		return Meter{}, Errorf(NotFound, "Le compteur %s de %d n'existe pas", code, year)
	}
	return list[0], nil
}

// SaveMeter creates a meter (creating) or changes one (its code and year
// stay). The keys must exist.
func (tx *Tx) SaveMeter(m Meter, creating bool) error {
	if err := m.validate(); err != nil {
		return err
	}
	keys, err := tx.Keys()
	if err != nil {
		return err
	}
	for _, k := range []string{m.EstimateKey, m.ActualKey} {
		if !slices.ContainsFunc(keys, func(x Key) bool { return x.Code == k }) {
			return Errorf(NotFound, "La clé %s n'existe pas : créez-la d'abord dans « Clés et tantièmes », sans tantièmes", k)
		}
	}
	args := []any{m.Label, m.Unit, m.UnitPrice.String(), m.EstimateKey, m.ActualKey,
		optDecimal(m.HasGeneral, m.GeneralOld), optDecimal(m.HasGeneral, m.GeneralNew), m.Code, m.Year}
	if creating {
		_, err := tx.exec("création du compteur "+m.Code, `INSERT INTO meters (label, unit, unit_price, estimate_key, actual_key, general_old, general_new, code, year)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if KindOf(err) == Conflict {
			return Errorf(Conflict, "Le compteur %s de %d existe déjà", m.Code, m.Year)
		}
		return err
	}
	res, err := tx.exec("modification du compteur "+m.Code, `UPDATE meters SET label = ?, unit = ?, unit_price = ?, estimate_key = ?, actual_key = ?,
		general_old = ?, general_new = ? WHERE code = ? AND year = ?`, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le compteur %s de %d n'existe pas", m.Code, m.Year)
	}
	return nil
}

// DeleteMeter removes a meter without readings (the seed: « Pour supprimer
// un compteur, il ne doit pas y avoir de lignes de relevés »).
func (tx *Tx) DeleteMeter(code string, year int) error {
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM meter_readings WHERE meter = ? AND year = ?`, code, year).Scan(&n); err != nil {
		return sqlError(err, "lecture des relevés")
	}
	if n > 0 {
		return Errorf(Conflict, "Le compteur %s de %d a %d ligne%s de relevés : supprimez-les d'abord", code, year, n, fr.S(n))
	}
	res, err := tx.exec("suppression du compteur", `DELETE FROM meters WHERE code = ? AND year = ?`, code, year)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "Le compteur %s de %d n'existe pas", code, year)
	}
	return nil
}

// MeterReadings lists a meter's readings of its year, by lot.
func (tx *Tx) MeterReadings(code string, year int) ([]MeterReading, error) {
	list, err := collect(tx, "lecture des relevés", `SELECT lot, period, old_index, new_index, changed_end, changed_start, forced, reason, flat, estimate
		FROM meter_readings WHERE meter = ? AND year = ?`, []any{code, year},
		func(r *sql.Rows) (MeterReading, error) {
			var x MeterReading
			var oldI, newI, cEnd, cStart, forced, est string
			if err := r.Scan(&x.Lot, &x.Period, &oldI, &newI, &cEnd, &cStart, &forced, &x.Reason, &x.Flat, &est); err != nil {
				return x, err
			}
			x.Old, x.New, x.Estimate = readDecimal(oldI), readDecimal(newI), readDecimal(est)
			x.Changed = cEnd != ""
			x.ChangedEnd, x.ChangedStart = readDecimal(cEnd), readDecimal(cStart)
			x.Forced = forced != ""
			x.ForcedValue = readDecimal(forced)
			return x, nil
		})
	slices.SortFunc(list, func(a, b MeterReading) int { return CompareLots(a.Lot, b.Lot) })
	return list, err
}

// SaveMeterReading writes a lot's reading (a new line, or the lot's line
// changed).
func (tx *Tx) SaveMeterReading(code string, year int, r MeterReading) error {
	if err := r.validate(); err != nil {
		return err
	}
	if _, err := tx.Meter(code, year); err != nil {
		return err
	}
	var lots int
	if err := tx.queryRow(`SELECT count(*) FROM lots WHERE number = ?`, r.Lot).Scan(&lots); err != nil {
		return sqlError(err, "lecture des lots")
	}
	if lots == 0 {
		return Errorf(NotFound, "Le lot %s n'existe pas", r.Lot)
	}
	_, err := tx.exec("relevé du lot "+r.Lot, `INSERT INTO meter_readings (meter, year, lot, period, old_index, new_index, changed_end, changed_start, forced, reason, flat, estimate)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (meter, year, lot) DO UPDATE SET period = excluded.period, old_index = excluded.old_index, new_index = excluded.new_index,
		changed_end = excluded.changed_end, changed_start = excluded.changed_start, forced = excluded.forced, reason = excluded.reason,
		flat = excluded.flat, estimate = excluded.estimate`,
		code, year, r.Lot, r.Period, r.Old.String(), r.New.String(), optDecimal(r.Changed, r.ChangedEnd), optDecimal(r.Changed, r.ChangedStart),
		optDecimal(r.Forced, r.ForcedValue), r.Reason, r.Flat, r.Estimate.String())
	return err
}

// DeleteMeterReading removes a lot's line (a cellar generated by mistake).
func (tx *Tx) DeleteMeterReading(code string, year int, lot string) error {
	_, err := tx.exec("suppression du relevé", `DELETE FROM meter_readings WHERE meter = ? AND year = ? AND lot = ?`, code, year, lot)
	return err
}

// MeterLots are the lots a meter's readings are generated for. Val Compta
// generates them for the « lots principaux », a flag of its lot card that
// Tantième's lots do not have; the lots that take part in the meter's
// keys stand for them: the actual key's, else the estimate key's, else
// every lot with an owner (the syndic then deletes the cellars' lines).
func (tx *Tx) MeterLots(m Meter) ([]string, error) {
	for _, k := range []string{m.ActualKey, m.EstimateKey} {
		shares, err := tx.SharesOfKey(k)
		if err != nil {
			return nil, err
		}
		if len(shares) > 0 {
			out := make([]string, len(shares))
			for i, s := range shares {
				out[i] = s.Lot
			}
			return out, nil
		}
	}
	lots, err := tx.Lots()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range lots {
		if l.Owner != "" {
			out = append(out, l.Number)
		}
	}
	return out, nil
}

// GenerateMeterReadings adds a line for each of the meter's lots that has
// none (the seed's « Génération pour lots principaux »), its old index being
// the new index of the same meter's previous year when there is one. It
// returns how many lines it added.
func (tx *Tx) GenerateMeterReadings(code string, year int, period string) (int, error) {
	m, err := tx.Meter(code, year)
	if err != nil {
		return 0, err
	}
	lots, err := tx.MeterLots(m)
	if err != nil {
		return 0, err
	}
	have, err := tx.MeterReadings(code, year)
	if err != nil {
		return 0, err
	}
	before, err := tx.MeterReadings(code, year-1)
	if err != nil {
		return 0, err
	}
	last := map[string]decimal.Decimal{}
	for _, r := range before {
		last[r.Lot] = r.New
	}
	added := 0
	for _, lot := range lots {
		if slices.ContainsFunc(have, func(r MeterReading) bool { return r.Lot == lot }) {
			continue
		}
		r := MeterReading{Lot: lot, Period: period, Old: last[lot], New: last[lot]}
		if err := tx.SaveMeterReading(code, year, r); err != nil {
			return added, err
		}
		added++
	}
	return added, nil
}

// MeterStatementOf reads a meter and works out its year.
func (tx *Tx) MeterStatementOf(code string, year int) (MeterStatement, error) {
	m, err := tx.Meter(code, year)
	if err != nil {
		return MeterStatement{}, err
	}
	readings, err := tx.MeterReadings(code, year)
	if err != nil {
		return MeterStatement{}, err
	}
	return ComputeMeter(m, readings)
}
