package reports

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
)

// The attendance sheet once the attendance is recorded: who came, who gave
// a proxy to whom, whose postal form arrived when, what was refused and
// why, whose votes were reduced, and the totals. A sheet without records
// (Attendance.Totals nil, every AttendanceOwner.Record nil) is the blank
// one signed in the room.

// AttendanceMode is how an owner said he takes part.
type AttendanceMode int

const (
	AttAbsent AttendanceMode = iota
	AttPresent
	AttRepresented
	AttPostal
)

// AttendanceRecord is an owner's recorded attendance.
type AttendanceRecord struct {
	Mode   AttendanceMode
	Holder string    // AttRepresented: his mandataire's name
	Form   time.Time // AttPostal: the day his form arrived
	// Refusal says why his form or his proxy does not count (he is then
	// défaillant); "" when it counts.
	Refusal string
	// Reduced holds his votes after the reduction of loi art. 22 I al. 2
	// when he holds more than half of them (nil: not reduced).
	Reduced *decimal.Decimal
	// Mandants are the owners whose proxies he holds and which count.
	Mandants []AttendanceMandant
}

// AttendanceMandant is an owner represented by the row's owner.
type AttendanceMandant struct {
	Name  string
	Votes decimal.Decimal
}

// AttendanceCount is a number of owners and their votes.
type AttendanceCount struct {
	Owners int
	Votes  decimal.Decimal
}

// AttendanceTotals are the recorded totals, printed on the last page (the
// votes after reduction).
type AttendanceTotals struct {
	Present, Represented, Postal, Defaulting AttendanceCount
}

// ReductionNote explains a reduced row.
const ReductionNote = "voix réduites à la somme des voix des autres copropriétaires (loi du 10 juillet 1965, art. 22)"

// counted says how a recorded row counts: its mode, or absent when refused.
func (r *AttendanceRecord) counted() AttendanceMode {
	if r.Refusal != "" {
		return AttAbsent
	}
	return r.Mode
}

// votes are the row's votes as counted (reduced when they are).
func (r *AttendanceRecord) votes(o *AttendanceOwner) decimal.Decimal {
	if r.Reduced != nil {
		return *r.Reduced
	}
	return o.Votes
}

// recordedNotes are the lines printed across the row under its cells:
// the proxies held, the refusal, the reduction.
func (w *attendanceWriter) recordedNotes(o *AttendanceOwner) []string {
	rec := o.Record
	if rec == nil {
		return nil
	}
	f := w.d.pdf
	f.SetFont(family, "", attSmall)
	width := w.noteWidth() - 2*attPad
	var lines []string
	if len(rec.Mandants) > 0 {
		items := make([]string, len(rec.Mandants))
		for i, m := range rec.Mandants {
			items[i] = m.Name + " (" + fr.Shares(m.Votes) + ")"
		}
		lines = append(lines, w.d.wrap(fr.Count(len(rec.Mandants), "pouvoir détenu", "pouvoirs détenus")+" : "+strings.Join(items, ", "), width)...)
	}
	if rec.Refusal != "" {
		lines = append(lines, w.d.wrap("Défaillant — "+rec.Refusal, width)...)
	}
	if rec.Reduced != nil {
		lines = append(lines, w.d.wrap("Voix : "+fr.Shares(*rec.Reduced)+" au lieu de "+fr.Shares(o.Votes)+", "+ReductionNote, width)...)
	}
	return lines
}

// noteWidth is the width of the notes' strip: every column but the
// signature's, which keeps the row's whole height.
func (w *attendanceWriter) noteWidth() float64 {
	sum := 0.0
	for _, x := range w.widths[:attColSignature] {
		sum += x
	}
	return sum
}

// recordedCells fills the cells of a recorded row: the tick of a counted
// presence or postal vote, the mandataire, the form's date, the reduced
// votes; a refusal is printed in red where it applies.
func (w *attendanceWriter) recordedCells(r attendanceRow, left func(int) float64, y0 float64) {
	rec := r.o.Record
	f := w.d.pdf
	tick := func(col int) {
		bx := left(col) + (w.widths[col]-4.5)/2
		by := y0 + attPad + 0.5
		f.SetLineWidth(0.4)
		f.Line(bx+0.8, by+0.8, bx+3.7, by+3.7)
		f.Line(bx+3.7, by+0.8, bx+0.8, by+3.7)
		f.SetLineWidth(0.2)
	}
	small := func(col int, y float64, lines []string, red bool) {
		f.SetFont(family, "", 6.5)
		if red {
			f.SetTextColor(180, 0, 0)
		}
		for i, l := range lines {
			f.SetXY(left(col)+0.5, y+2.8*float64(i))
			f.CellFormat(w.widths[col]-1, 2.8, l, "", 0, "C", false, 0, "")
		}
		f.SetTextColor(0, 0, 0)
	}
	below := y0 + attPad + 6
	switch rec.Mode {
	case AttPresent:
		tick(attColPresent)
	case AttRepresented:
		small(attColProxy, y0+attPad, r.holder, false)
		if rec.Refusal != "" {
			small(attColProxy, y0+attPad+2.8*float64(len(r.holder))+0.5, []string{"pouvoir refusé"}, true)
		}
	case AttPostal:
		if rec.Refusal == "" {
			tick(attColMail)
		}
		small(attColMail, below, r.mail, rec.Refusal != "")
	}
	if rec.Reduced != nil {
		f.SetFont(family, "", 6.5)
		f.SetTextColor(180, 0, 0)
		f.SetXY(left(attColVotes), y0+attPad+4.8)
		f.CellFormat(w.widths[attColVotes]-attPad, 2.8, "réduit à", "", 2, "R", false, 0, "")
		f.SetFont(family, "B", 8)
		f.SetX(left(attColVotes))
		f.CellFormat(w.widths[attColVotes]-attPad, 3.5, fr.Shares(*rec.Reduced), "", 0, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
	}
}

// recordedLayout wraps the mandataire's name and the form's date in their
// narrow columns; it returns the height they need.
func (w *attendanceWriter) recordedLayout(r *attendanceRow) float64 {
	rec := r.o.Record
	if rec == nil {
		return 0
	}
	f := w.d.pdf
	f.SetFont(family, "", 6.5)
	h := 0.0
	switch rec.Mode {
	case AttRepresented:
		r.holder = w.d.wrap(rec.Holder, w.widths[attColProxy]-1)
		h = 2.8*float64(len(r.holder)+1) + 0.5
	case AttPostal:
		r.mail = []string{"reçu le", frenchDay(rec.Form)}
		if rec.Refusal != "" {
			r.mail = append(r.mail, "hors délai")
		}
		h = 6 + 2.8*float64(len(r.mail))
	}
	return 2*attPad + h
}

func frenchDay(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return t.Format("02/01/2006")
}

// pageCounts are the recorded totals of the rows of one page.
type pageCounts struct {
	present, represented, postal, defaulting AttendanceCount
}

func (c *pageCounts) add(o *AttendanceOwner) {
	rec := o.Record
	if rec == nil {
		return
	}
	var t *AttendanceCount
	switch rec.counted() {
	case AttPresent:
		t = &c.present
	case AttRepresented:
		t = &c.represented
	case AttPostal:
		t = &c.postal
	default:
		t = &c.defaulting
	}
	t.Owners++
	t.Votes = t.Votes.Add(rec.votes(o))
}

func (c AttendanceCount) cells() [2]string {
	return [2]string{groupCount(c.Owners), fr.Shares(c.Votes)}
}

func groupCount(n int) string { return fr.Shares(decimal.NewFromInt(int64(n))) }
