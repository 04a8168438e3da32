package app

import (
	"time"

	"tantieme/ledger"
	"tantieme/reports"
)

// AttendanceRecord is one owner's recorded attendance, as the AG storage
// keeps it: how he takes part, his proxy, the day his postal form arrived.
// The rules (ledger.CheckAttendance) decide what counts.
type AttendanceRecord struct {
	Account  string
	Presence ledger.Presence
	Proxy    ledger.Proxy // when Represented
	Form     time.Time    // when Postal
}

// recordAttendance applies the records to the sheet's owners: an owner
// without a record is absent. It sets each owner's Member and the sheet's
// Roll.
func recordAttendance(s *AttendanceSheet, records []AttendanceRecord) error {
	byAccount := map[string]AttendanceRecord{}
	index := map[string]int{}
	for i, o := range s.Owners {
		index[o.Owner.Account] = i
	}
	for _, rec := range records {
		if _, ok := index[rec.Account]; !ok {
			return ledger.Errorf(ledger.Invalid, "Le compte %s de la présence enregistrée ne possède pas de lot le %s", rec.Account, ledger.FrenchDate(s.Date))
		}
		if _, dup := byAccount[rec.Account]; dup {
			return ledger.Errorf(ledger.Invalid, "La présence du copropriétaire %s est enregistrée deux fois", rec.Account)
		}
		byAccount[rec.Account] = rec
	}
	list := make([]ledger.Attendee, len(s.Owners))
	for i, o := range s.Owners {
		rec := byAccount[o.Owner.Account]
		list[i] = ledger.Attendee{Account: o.Owner.Account, Name: o.Owner.DisplayName(), Votes: o.Votes,
			Presence: rec.Presence, Proxy: rec.Proxy, Form: rec.Form}
	}
	roll, err := ledger.CheckAttendance(s.Date, list)
	if err != nil {
		return err
	}
	s.Roll = &roll
	for i := range s.Owners {
		s.Owners[i].Member = &roll.Members[i]
	}
	return nil
}

// attendanceRecords turns the checked roll into what the sheet prints.
func attendanceRecords(s AttendanceSheet, a *reports.Attendance) {
	if s.Roll == nil {
		return
	}
	mandants := map[string][]reports.AttendanceMandant{}
	for _, m := range s.Roll.Members {
		if m.Counted == ledger.Represented && m.Proxy.Holder != "" {
			mandants[m.Proxy.Holder] = append(mandants[m.Proxy.Holder], reports.AttendanceMandant{Name: m.Name, Votes: m.Votes})
		}
	}
	for i, o := range s.Owners {
		m := o.Member
		mode := map[ledger.Presence]reports.AttendanceMode{ledger.Present: reports.AttPresent, ledger.Represented: reports.AttRepresented,
			ledger.Postal: reports.AttPostal}[m.Presence]
		rec := &reports.AttendanceRecord{Mode: mode, Form: m.Form, Refusal: m.Refusal, Mandants: mandants[m.Account]}
		if m.Presence == ledger.Represented {
			rec.Holder = s.Roll.HolderLabel(*m)
		}
		if !m.Reduced.Equal(m.Votes) {
			reduced := m.Reduced
			rec.Reduced = &reduced
		}
		a.Owners[i].Record = rec
	}
	totals := s.Roll.Totals()
	count := func(p ledger.Presence) reports.AttendanceCount {
		return reports.AttendanceCount{Owners: totals[p].Owners, Votes: totals[p].Votes}
	}
	a.Totals = &reports.AttendanceTotals{Present: count(ledger.Present), Represented: count(ledger.Represented),
		Postal: count(ledger.Postal), Defaulting: count(ledger.Absent)}
}
