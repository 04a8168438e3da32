package app

import (
	"fmt"
	"path/filepath"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// Meters (issue 20, seed 002 « Compteurs »): the window's Compteurs screen
// and the CLI's meters command read and write them here, each write one
// transaction.

// FolderMeters is the documents' subfolder of the reading sheets.
const FolderMeters = "Compteurs"

// Meters lists the meters, latest year first.
func (r *Residence) Meters() ([]ledger.Meter, error) { return read(r, (*ledger.Tx).Meters) }

// MeterStatement is a meter's year worked out from its readings.
func (r *Residence) MeterStatement(code string, year int) (ledger.MeterStatement, error) {
	return read(r, func(tx *ledger.Tx) (ledger.MeterStatement, error) { return tx.MeterStatementOf(code, year) })
}

// SaveMeter creates a meter or changes one.
func (r *Residence) SaveMeter(m ledger.Meter, creating bool) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.SaveMeter(m, creating) })
}

// DeleteMeter removes a meter without readings.
func (r *Residence) DeleteMeter(code string, year int) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteMeter(code, year) })
}

// SaveMeterReading writes a lot's reading.
func (r *Residence) SaveMeterReading(code string, year int, rd ledger.MeterReading) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.SaveMeterReading(code, year, rd) })
}

// DeleteMeterReading removes a lot's line.
func (r *Residence) DeleteMeterReading(code string, year int, lot string) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteMeterReading(code, year, lot) })
}

// GenerateMeterReadings adds a line for each of the meter's lots that has
// none; it returns how many.
func (r *Residence) GenerateMeterReadings(code string, year int, period string) (n int, err error) {
	err = r.Update(func(tx *ledger.Tx) error { n, err = tx.GenerateMeterReadings(code, year, period); return err })
	return n, err
}

// SetMeterPeriod gives every line of the meter the same period (the seed:
// « Il est possible d'affecter la même période à toutes les lignes »).
func (r *Residence) SetMeterPeriod(code string, year int, period string) (n int, err error) {
	err = r.Update(func(tx *ledger.Tx) error {
		list, err := tx.MeterReadings(code, year)
		if err != nil {
			return err
		}
		for _, rd := range list {
			rd.Period = period
			if err := tx.SaveMeterReading(code, year, rd); err != nil {
				return err
			}
		}
		n = len(list)
		return nil
	})
	return n, err
}

// PlanMeterKey says what ApplyMeterKey would do, or why it may not.
func (r *Residence) PlanMeterKey(code string, year int, role ledger.MeterKeyRole) (ledger.MeterKeyChange, error) {
	return read(r, func(tx *ledger.Tx) (ledger.MeterKeyChange, error) { return tx.PlanMeterKey(code, year, role) })
}

// ApplyMeterKey writes the meter's consumptions (or estimates) as the
// shares of its actual (or estimate) key, and the key's declared total.
func (r *Residence) ApplyMeterKey(code string, year int, role ledger.MeterKeyRole) (ch ledger.MeterKeyChange, err error) {
	err = r.Update(func(tx *ledger.Tx) error { ch, err = tx.ApplyMeterKey(code, year, role); return err })
	return ch, err
}

// MeterChangeText says what ApplyMeterKey does, before (the confirmation)
// or after: « Clé 801 : 4 lots, total 0 → 730 ; le lot 5 sort de la clé ».
func MeterChangeText(ch ledger.MeterKeyChange) string {
	what := "les consommations relevées"
	if ch.Role == ledger.EstimateRole {
		what = "les estimations"
	}
	s := fmt.Sprintf("la clé %s reçoit %s : %s, total des tantièmes %s → %s", ch.Key, what, fr.Count(ch.Lots, "lot", "lots"),
		fr.Shares(ch.Before), fr.Shares(ch.After))
	if n := len(ch.Removed); n > 0 {
		s += fmt.Sprintf(" ; %s %s %s de la clé", fr.Word(n, "le lot", "les lots"), fr.Join(ch.Removed, "et"), fr.Word(n, "sort", "sortent"))
	}
	return s
}

// MeterOfKey finds the meter of year whose estimate or actual key is key
// (the CLI's « meters FILE apply --year N --key K »).
func (r *Residence) MeterOfKey(year int, key string) (ledger.Meter, ledger.MeterKeyRole, error) {
	list, err := r.Meters()
	if err != nil {
		return ledger.Meter{}, 0, err
	}
	for _, m := range list {
		if m.Year != year {
			continue
		}
		if role, ok := m.RoleOfKey(key); ok {
			return m, role, nil
		}
	}
	return ledger.Meter{}, 0, ledger.Errorf(ledger.NotFound, "Aucun compteur de %d n'a la clé %s pour estimation ni pour consommation réelle", year, key)
}

// MeterSheetData is the reading sheet of a meter's year, formatted.
func (r *Residence) MeterSheetData(code string, year int, now time.Time) (reports.MeterSheet, error) {
	var out reports.MeterSheet
	err := r.View(func(tx *ledger.Tx) error {
		st, err := tx.MeterStatementOf(code, year)
		if err != nil {
			return err
		}
		info, err := tx.Residence()
		if err != nil {
			return err
		}
		lots, err := tx.Lots()
		if err != nil {
			return err
		}
		owners, err := tx.Owners()
		if err != nil {
			return err
		}
		names := map[string]string{}
		for _, o := range owners {
			names[o.Account] = o.Name
		}
		ownerOf := map[string]string{}
		for _, l := range lots {
			ownerOf[l.Number] = names[l.Owner]
		}
		m := st.Meter
		out = reports.MeterSheet{Residence: info.Name, Title: fmt.Sprintf("Compteur %s — %s — %d", m.Code, m.Label, m.Year), Printed: now}
		out.Price = "Prix unitaire : " + MeterPrice(m)
		for _, l := range st.Lines {
			out.Lines = append(out.Lines, reports.MeterSheetLine{Lot: l.Lot, Owner: ownerOf[l.Lot], Period: l.Period,
				Old: fr.Shares(l.Old), New: fr.Shares(l.New), Consumption: fr.Shares(l.Consumption), Estimate: fr.Shares(l.Estimate),
				Gap: fr.Shares(l.Gap), Total: l.Total.String(), Note: MeterNote(l.MeterReading)})
		}
		out.Totals = reports.MeterSheetLine{Lot: "Total", Owner: fr.Count(len(st.Lines), "lot", "lots"), Consumption: fr.Shares(st.Consumption),
			Estimate: fr.Shares(st.Estimate), Gap: fr.Shares(st.Estimate.Sub(st.Consumption)), Total: st.Total.String()}
		if m.HasGeneral {
			out.General = [][2]string{
				{"Compteur général : ancien index", fr.Shares(m.GeneralOld)},
				{"Compteur général : nouvel index", fr.Shares(m.GeneralNew)},
				{"Consommation générale", fr.Shares(st.General) + " " + m.Unit + " — " + st.GeneralTotal.String()},
				{"Consommations des lots", fr.Shares(st.Consumption) + " " + m.Unit + " — " + st.Total.String()},
				{"Consommation commune (écart)", fr.Shares(st.Common) + " " + m.Unit + " — " + st.CommonTotal.String()},
			}
		}
		return nil
	})
	return out, err
}

// MeterPrice is the unit price as the screens say it: « 3,00 € le m3 ».
func MeterPrice(m ledger.Meter) string {
	p := fr.Shares(m.UnitPrice)
	if m.UnitPrice.Equal(m.UnitPrice.Truncate(2)) {
		p = fr.Money(m.UnitPrice.Shift(2).IntPart())
	}
	s := p + " €"
	if m.Unit != "" {
		s += " le " + m.Unit
	}
	return s
}

// MeterNote says what is special about a reading: flat, forced, changed.
func MeterNote(rd ledger.MeterReading) string {
	var notes []string
	if rd.Changed {
		notes = append(notes, fmt.Sprintf("changé : dépose %s, pose %s", fr.Shares(rd.ChangedEnd), fr.Shares(rd.ChangedStart)))
	}
	switch {
	case rd.Flat && rd.Reason == ledger.FlatReason:
		notes = append(notes, "forfait, compteur non relevé")
	case rd.Flat:
		notes = append(notes, "forfait : "+rd.Reason)
	case rd.Forced:
		notes = append(notes, "forcée : "+rd.Reason)
	}
	return fr.UpperFirst(fr.Join(notes, "et"))
}

// WriteMeterSheet prints a meter's reading sheet into the documents
// folder's « Compteurs » subfolder and registers it; it returns its path.
func (r *Residence) WriteMeterSheet(code string, year int, now time.Time) (string, error) {
	data, err := r.MeterSheetData(code, year, now)
	if err != nil {
		return "", err
	}
	pdf, err := reports.MeterSheetPDF(data)
	if err != nil {
		return "", ledger.Wrap(ledger.Internal, err, "Le relevé du compteur %s ne peut pas être mis en page", code)
	}
	dir, err := r.DocumentsSubfolder(FolderMeters)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, fr.FileName(fmt.Sprintf("Relevé %s %d", code, year))+".pdf")
	ex := int64(0)
	if e, err := r.ExerciseOfYear(year); err == nil {
		ex = e.ID
	}
	return path, r.WriteDocument(pdf, Produced{Path: path, Kind: "meter_reading", Title: data.Title, Date: now, Exercise: ex})
}
