package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
)

// Attendance is the feuille de présence of a general meeting: one row per
// owner, with what he brings to the votes and the boxes filled in during
// the meeting.
type Attendance struct {
	Residence string
	Title     string // "Feuille de présence" (editable)
	Meeting   string // "Assemblée générale du 12/06/2025"
	KeyLabel  string // "Tantièmes de la clé 001 – Charges générales"
	Owners    []AttendanceOwner
	// KeyTotal is the key's total over every lot; the owners' votes add up
	// to it unless a lot had no owner on the day (printed on the last page).
	KeyTotal decimal.Decimal
	Printed  time.Time
	// Totals are the recorded attendance's totals (nil on a blank sheet,
	// whose total boxes are filled in by hand).
	Totals *AttendanceTotals
}

// AttendanceOwner is one row: the owner and his lots on the meeting's day.
type AttendanceOwner struct {
	Account string
	Name    string // with civility, printed whole (wrapped when long)
	// SignName is the name printed upside down in the signature cell,
	// where room is short: the name without civility ("" for Name).
	SignName string
	Address  []string // postal lines
	Lots     []AttendanceLot
	Votes    decimal.Decimal   // his shares on the key
	Record   *AttendanceRecord // his recorded attendance; nil on a blank sheet
}

// AttendanceLot is a lot and its shares on the key.
type AttendanceLot struct {
	Number string
	Shares decimal.Decimal
}

// Column widths of the sheet (portrait A4, 180 mm between the margins).
var attendanceCols = []Column{
	{Title: "Copropriétaire", Width: 53},
	{Title: "Lots (tantièmes)", Width: 26},
	{Title: "Voix", Width: 13, Right: true},
	{Title: "Présent", Width: 13},
	{Title: "Représenté par", Width: 29},
	{Title: "Vote par corresp.", Width: 15},
	{Title: "Signature", Width: 31},
}

const (
	attColName = iota
	attColLots
	attColVotes
	attColPresent
	attColProxy
	attColMail
	attColSignature
)

const (
	attMinRowH  = 15.0 // room to sign
	attPad      = 1.2
	attHeadH    = 9.0
	attFootBoxH = 24.0 // the page-total boxes
	attGrandH   = 30.0 // the grand total on the last page
	attCertH    = 38.0 // the chair's certification under it
)

// AttendancePDF prints the sheet. Rows are never split across pages; every
// page ends with boxes for its totals (filled in by hand) and the page's
// printed total of shares; the last page adds the grand total, the number
// of owners and the shares.
func AttendancePDF(a Attendance) ([]byte, error) {
	title := strings.TrimSpace(a.Title)
	if title == "" {
		title = "Feuille de présence"
	}
	d := NewDoc(Page{Title: title, Subtitle: a.Meeting, Residence: a.Residence, Printed: a.Printed})
	w := &attendanceWriter{d: d, a: a, widths: d.columnWidths(attendanceCols)}
	w.newPage()
	for i := range a.Owners {
		r := w.layout(&a.Owners[i])
		room := w.rowsLimit()
		if i == len(a.Owners)-1 {
			// The grand total and the certification follow the last
			// row on its page.
			room -= w.grandH() + attCertH
		}
		if d.pdf.GetY()+r.height > room && w.rows > 0 {
			w.endPage()
			w.newPage()
		}
		w.row(r)
	}
	w.grandTotal()
	w.certify()
	w.endPage()
	return d.Bytes()
}

type attendanceWriter struct {
	d      *Doc
	a      Attendance
	widths []float64
	// the current page's rows
	rows       int
	pageShares decimal.Decimal
	page       pageCounts // recorded rows of the page
	// the whole sheet
	owners int
	total  decimal.Decimal
}

// grandH is the height of the grand total's box: one more row of boxes
// (the défaillants) when the attendance is recorded.
func (w *attendanceWriter) grandH() float64 {
	if w.a.Totals != nil {
		return attGrandH + 5
	}
	return attGrandH
}

// limit is the lowest y the page's content may reach (above the footer).
func (w *attendanceWriter) limit() float64 {
	_, pageH := w.d.pdf.GetPageSize()
	_, _, _, bottom := w.d.pdf.GetMargins()
	return pageH - bottom
}

func (w *attendanceWriter) rowsLimit() float64 { return w.limit() - attFootBoxH - 2 }

func (w *attendanceWriter) newPage() {
	w.d.AddPage()
	w.rows = 0
	w.pageShares = decimal.Zero
	w.page = pageCounts{}
	f := w.d.pdf
	if w.a.KeyLabel != "" {
		f.SetFont(family, "", 8)
		f.CellFormat(w.d.Width(), 4, w.d.fit(w.a.KeyLabel, w.d.Width()), "", 1, "L", false, 0, "")
		f.Ln(1)
	}
	// Why a name is upside down: syndics asked (issue 16, item 11).
	f.SetFont(family, "", 7)
	f.SetTextColor(90, 90, 90)
	for _, l := range w.d.wrap(signNameNote, w.d.Width()) {
		f.CellFormat(w.d.Width(), 3.3, l, "", 1, "L", false, 0, "")
	}
	f.SetTextColor(0, 0, 0)
	f.Ln(0.8)
	w.header()
}

// signNameNote explains the name printed upside down in each signature
// cell: the sheet lies on the table facing the signer, and the member of
// the bureau across the table reads, the right way up, whose cell it is
// and checks that the right person signs in it.
const signNameNote = "Le nom à l'envers dans la case « Signature » se lit par le membre du bureau assis en face du signataire : il vérifie qui signe."

// header prints the column titles on up to two lines.
func (w *attendanceWriter) header() {
	f := w.d.pdf
	f.SetFont(family, "B", 7)
	f.SetFillColor(31, 78, 121)
	f.SetTextColor(255, 255, 255)
	x0, y0 := f.GetX(), f.GetY()
	x := x0
	for i, c := range attendanceCols {
		f.Rect(x, y0, w.widths[i], attHeadH, "F")
		lines := w.d.wrap(c.Title, w.widths[i]-2)
		top := y0 + (attHeadH-3.3*float64(len(lines)))/2
		for j, l := range lines {
			f.SetXY(x, top+3.3*float64(j))
			align := "C"
			if i == attColName || i == attColLots {
				align = "L"
			}
			f.CellFormat(w.widths[i], 3.3, l, "", 0, align, false, 0, "")
		}
		x += w.widths[i]
	}
	f.SetTextColor(0, 0, 0)
	f.SetXY(x0, y0+attHeadH)
}

// attendanceRow is an owner's row laid out: its lines per cell and height.
type attendanceRow struct {
	o       *AttendanceOwner
	name    []string
	address []string
	lots    []string
	sigSize float64
	sig     []string
	height  float64
	// A recorded row: the mandataire's and the form's lines in their
	// columns, the notes in a strip under the cells (but the signature's),
	// and the height of the cells above the strip.
	holder, mail, notes []string
	main                float64
}

const (
	attNameSize = 8.5
	attNameH    = 3.7
	attSmall    = 7.0
	attSmallH   = 3.1
)

func (w *attendanceWriter) layout(o *AttendanceOwner) attendanceRow {
	f := w.d.pdf
	r := attendanceRow{o: o}
	inner := w.widths[attColName] - 2*attPad
	f.SetFont(family, "B", attNameSize)
	r.name = w.d.wrap(o.Name, inner)
	f.SetFont(family, "", attSmall)
	for _, a := range o.Address {
		r.address = append(r.address, w.d.wrap(a, inner)...)
	}
	r.lots = w.lotLines(o.Lots)
	// The name upside down for whoever faces the signer: on one line when a
	// slightly smaller font makes it fit, else on two lines.
	sign := o.SignName
	if sign == "" {
		sign = o.Name
	}
	r.sigSize, r.sig = w.signatureName(sign)
	nameH := attSmallH + attNameH*float64(len(r.name)) + attSmallH*float64(len(r.address))
	lotsH := attSmallH * float64(len(r.lots))
	r.height = max(attMinRowH, 2*attPad+max(nameH, lotsH), w.recordedLayout(&r))
	r.main = r.height
	if r.notes = w.recordedNotes(o); len(r.notes) > 0 {
		r.height += 2*attPad + attSmallH*float64(len(r.notes))
	}
	return r
}

func (w *attendanceWriter) row(r attendanceRow) {
	f := w.d.pdf
	x0, y0 := f.GetX(), f.GetY()
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.2)
	x := x0
	for i := range attendanceCols {
		h := r.main
		if i == attColSignature {
			h = r.height
		}
		f.Rect(x, y0, w.widths[i], h, "D")
		x += w.widths[i]
	}
	if len(r.notes) > 0 {
		f.Rect(x0, y0+r.main, w.noteWidth(), r.height-r.main, "D")
		f.SetFont(family, "", attSmall)
		if r.o.Record.Refusal != "" {
			f.SetTextColor(180, 0, 0)
		}
		for i, l := range r.notes {
			f.SetXY(x0+attPad, y0+r.main+attPad+attSmallH*float64(i))
			f.CellFormat(w.noteWidth()-2*attPad, attSmallH, l, "", 0, "L", false, 0, "")
		}
		f.SetTextColor(0, 0, 0)
	}
	left := func(col int) float64 {
		x := x0
		for i := 0; i < col; i++ {
			x += w.widths[i]
		}
		return x
	}
	// Owner: account, name, address.
	nx := left(attColName) + attPad
	y := y0 + attPad
	f.SetTextColor(90, 90, 90)
	f.SetFont(family, "", attSmall)
	f.SetXY(nx, y)
	f.CellFormat(w.widths[attColName]-2*attPad, attSmallH, r.o.Account, "", 0, "L", false, 0, "")
	f.SetTextColor(0, 0, 0)
	y += attSmallH
	f.SetFont(family, "B", attNameSize)
	for _, l := range r.name {
		f.SetXY(nx, y)
		f.CellFormat(w.widths[attColName]-2*attPad, attNameH, l, "", 0, "L", false, 0, "")
		y += attNameH
	}
	f.SetFont(family, "", attSmall)
	for _, l := range r.address {
		f.SetXY(nx, y)
		f.CellFormat(w.widths[attColName]-2*attPad, attSmallH, l, "", 0, "L", false, 0, "")
		y += attSmallH
	}
	// Lots.
	y = y0 + attPad
	for _, l := range r.lots {
		f.SetXY(left(attColLots)+attPad, y)
		f.CellFormat(w.widths[attColLots]-2*attPad, attSmallH, l, "", 0, "L", false, 0, "")
		y += attSmallH
	}
	// Votes.
	f.SetFont(family, "B", 9)
	f.SetXY(left(attColVotes), y0+attPad)
	f.CellFormat(w.widths[attColVotes]-attPad, 4.5, fr.Shares(r.o.Votes), "", 0, "R", false, 0, "")
	// Boxes to tick.
	for _, col := range []int{attColPresent, attColMail} {
		bx := left(col) + (w.widths[col]-4.5)/2
		f.Rect(bx, y0+attPad+0.5, 4.5, 4.5, "D")
	}
	if r.o.Record != nil {
		w.recordedCells(r, left, y0)
	}
	w.upsideDown(r, left(attColSignature), y0)

	f.SetXY(x0, y0+r.height)
	w.rows++
	w.owners++
	w.pageShares = w.pageShares.Add(r.o.Votes)
	w.total = w.total.Add(r.o.Votes)
	w.page.add(r.o)
}

// attMaxLotLines bounds the lots column, so that the row of an owner of
// hundreds of lots (a social landlord) still fits on a page.
const attMaxLotLines = 40

// lotLines lists the lots one per line, or, past 8 lots, several per line;
// past attMaxLotLines lines the rest is counted (the votes stay whole).
func (w *attendanceWriter) lotLines(lots []AttendanceLot) []string {
	f := w.d.pdf
	f.SetFont(family, "", attSmall)
	width := w.widths[attColLots] - 2*attPad
	var lines []string
	if len(lots) <= 8 {
		for _, l := range lots {
			lines = append(lines, w.d.wrap("Lot "+l.Number+" : "+fr.Shares(l.Shares), width)...)
		}
		return lines
	}
	items := make([]string, len(lots))
	for i, l := range lots {
		items[i] = l.Number + " : " + fr.Shares(l.Shares)
	}
	lines = w.d.wrap("Lots "+strings.Join(items, ", "), width)
	if len(lines) > attMaxLotLines {
		lines = lines[:attMaxLotLines-1]
		// Count what the kept lines show (each ends after a whole item,
		// or inside one: then that item counts as not shown).
		shown := strings.Count(strings.Join(lines, " "), " : ")
		lines = append(lines, w.d.wrap(fmt.Sprintf("… et %d autres lots", len(lots)-shown), width)...)
	}
	return lines
}

// signatureName chooses the font size and lines of the upside-down name:
// one line from 7.5 pt down to 6 pt, else two lines from 7 pt down to
// 5.5 pt, else three at 5.5 pt, shortened with "…" only when even that
// cannot hold it.
func (w *attendanceWriter) signatureName(name string) (float64, []string) {
	cw := w.widths[attColSignature] - 2*attPad
	f := w.d.pdf
	for size := 7.5; size >= 6; size -= 0.5 {
		f.SetFont(family, "B", size)
		if f.GetStringWidth(name) <= cw {
			return size, []string{name}
		}
	}
	for size := 7.0; size >= 5.5; size -= 0.5 {
		f.SetFont(family, "B", size)
		if lines := w.d.wrap(name, cw); len(lines) <= 2 {
			return size, lines
		}
	}
	lines := w.d.wrap(name, cw)
	if len(lines) > 3 {
		lines = lines[:3]
		lines[2] = w.d.fit(lines[2]+"…", cw)
	}
	return 5.5, lines
}

// upsideDown prints the owner's name rotated by 180° at the top of the
// signature cell, so that the council member seated across the table reads
// it while the owner signs below.
func (w *attendanceWriter) upsideDown(r attendanceRow, x, y float64) {
	f := w.d.pdf
	cw := w.widths[attColSignature] - 2*attPad
	f.SetFont(family, "B", r.sigSize)
	lh := r.sigSize * 0.3528 * 1.15
	bx, by := x+attPad, y+attPad
	bh := lh * float64(len(r.sig))
	f.SetTextColor(70, 70, 70)
	f.TransformBegin()
	f.TransformRotate(180, bx+cw/2, by+bh/2)
	for i, l := range r.sig {
		lw := f.GetStringWidth(l)
		f.Text(bx+(cw-lw)/2, by+lh*float64(i+1)-lh*0.25, l)
	}
	f.TransformEnd()
	f.SetTextColor(0, 0, 0)
	// A dotted line parts the name from the room to sign.
	f.SetDrawColor(150, 150, 150)
	f.SetDashPattern([]float64{0.6, 0.6}, 0)
	f.Line(bx, by+bh+0.8, bx+cw, by+bh+0.8)
	f.SetDashPattern([]float64{}, 0)
	f.SetDrawColor(0, 0, 0)
}

// endPage prints the page-total boxes at the foot of the page.
func (w *attendanceWriter) endPage() {
	f := w.d.pdf
	x0 := marginX
	y0 := w.limit() - attFootBoxH
	f.SetLineWidth(0.3)
	f.Rect(x0, y0, w.d.Width(), attFootBoxH, "D")
	f.SetLineWidth(0.2)
	// Left: what the page holds.
	f.SetXY(x0+2, y0+1.5)
	f.SetFont(family, "B", 9)
	f.CellFormat(64, 5, "Totaux de cette page", "", 2, "L", false, 0, "")
	f.SetFont(family, "", 8)
	f.SetX(x0 + 2)
	f.CellFormat(64, 4.5, fr.Count(w.rows, "copropriétaire", "copropriétaires"), "", 2, "L", false, 0, "")
	f.SetX(x0 + 2)
	f.CellFormat(64, 4.5, "Tantièmes de la page : "+fr.Shares(w.pageShares), "", 2, "L", false, 0, "")
	// Right: the boxes filled in at the meeting.
	var values [][2]string
	if w.a.Totals != nil {
		values = [][2]string{w.page.present.cells(), w.page.represented.cells(), w.page.postal.cells()}
	}
	w.totalsGrid(x0+70, y0+1.5, w.d.Width()-72, "", []string{"Présents", "Représentés", "Par correspondance"}, values)
}

// totalsGrid draws a grid of boxes: one row per label, a count and shares
// for each, under a caption; blank unless values are given (one per label).
func (w *attendanceWriter) totalsGrid(x, y, width float64, caption string, labels []string, values [][2]string) {
	f := w.d.pdf
	labelW := width * 0.38
	colW := (width - labelW) / 2
	const h = 5.0
	f.SetFont(family, "", 6.5)
	f.SetXY(x, y)
	f.CellFormat(labelW, h-0.5, caption, "", 0, "L", false, 0, "")
	f.SetFont(family, "B", 7.5)
	f.SetXY(x+labelW, y)
	f.CellFormat(colW, h-0.5, "Nombre", "", 0, "C", false, 0, "")
	f.CellFormat(colW, h-0.5, "Tantièmes", "", 0, "C", false, 0, "")
	f.SetFont(family, "", 8)
	for i, l := range labels {
		ry := y + (h - 0.5) + h*float64(i)
		f.SetXY(x, ry)
		var v [2]string
		if i < len(values) {
			v = values[i]
		}
		f.CellFormat(labelW, h, l, "1", 0, "L", false, 0, "")
		f.CellFormat(colW, h, v[0], "1", 0, "C", false, 0, "")
		f.CellFormat(colW, h, v[1], "1", 0, "C", false, 0, "")
	}
}

// grandTotal prints, after the last row, the number of owners and shares
// and boxes for the totals of all the pages.
func (w *attendanceWriter) grandTotal() {
	f := w.d.pdf
	y0 := f.GetY() + 3
	x0 := marginX
	f.SetLineWidth(0.3)
	f.Rect(x0, y0, w.d.Width(), w.grandH()-4, "D")
	f.SetLineWidth(0.2)
	f.SetXY(x0+2, y0+1.5)
	f.SetFont(family, "B", 9)
	f.CellFormat(64, 5, "Total général", "", 2, "L", false, 0, "")
	f.SetFont(family, "", 8)
	f.SetX(x0 + 2)
	f.CellFormat(64, 4.5, fr.Count(w.owners, "copropriétaire", "copropriétaires"), "", 2, "L", false, 0, "")
	f.SetX(x0 + 2)
	f.CellFormat(64, 4.5, "Total des tantièmes (voix) : "+fr.Shares(w.total), "", 2, "L", false, 0, "")
	if !w.a.KeyTotal.IsZero() && !w.a.KeyTotal.Equal(w.total) {
		f.SetX(x0 + 2)
		f.SetFont(family, "", 7)
		for _, l := range w.d.wrap(fmt.Sprintf("Total de la clé : %s (des lots n'avaient pas de propriétaire ce jour-là)", fr.Shares(w.a.KeyTotal)), 64) {
			f.SetX(x0 + 2)
			f.CellFormat(64, 3.2, l, "", 2, "L", false, 0, "")
		}
	}
	if t := w.a.Totals; t != nil {
		all := AttendanceCount{Owners: t.Present.Owners + t.Represented.Owners + t.Postal.Owners + t.Defaulting.Owners,
			Votes: t.Present.Votes.Add(t.Represented.Votes).Add(t.Postal.Votes).Add(t.Defaulting.Votes)}
		w.totalsGrid(x0+70, y0+1.5, w.d.Width()-72, "Présence enregistrée", []string{"Présents", "Représentés", "Par correspondance", "Défaillants", "Total"},
			[][2]string{t.Present.cells(), t.Represented.cells(), t.Postal.cells(), t.Defaulting.cells(), all.cells()})
	} else {
		w.totalsGrid(x0+70, y0+1.5, w.d.Width()-72, "Somme des totaux des pages", []string{"Présents", "Représentés", "Par correspondance", "Total"}, nil)
	}
	f.SetXY(x0, y0+w.grandH()-4)
}

// CertifyText is the chair's certification at the end of the sheet: the
// feuille de présence is « certifiée exacte par le président de
// l'assemblée » (décret n° 67-223 du 17 mars 1967, art. 14).
const CertifyText = "Feuille de présence certifiée sincère et véritable par le président de séance"

// certify prints, under the grand total, the chair's certification with
// lines for the place, the date, his name and his signature.
func (w *attendanceWriter) certify() {
	f := w.d.pdf
	x0, y0 := marginX, f.GetY()+3
	width := w.d.Width()
	f.SetLineWidth(0.3)
	f.Rect(x0, y0, width, attCertH-4, "D")
	f.SetLineWidth(0.2)
	f.SetXY(x0+2, y0+1.5)
	f.SetFont(family, "B", 9)
	f.CellFormat(width-4, 5, CertifyText, "", 2, "L", false, 0, "")
	f.SetFont(family, "", 7)
	f.SetX(x0 + 2)
	f.CellFormat(width-4, 3.5, "(décret n° 67-223 du 17 mars 1967, art. 14)", "", 2, "L", false, 0, "")
	// Lines to fill in by hand: a label, then a line to write on.
	field := func(x, y, labelW, lineW float64, label string) {
		f.SetFont(family, "", 8.5)
		f.SetXY(x, y)
		f.CellFormat(labelW, 5, label, "", 0, "L", false, 0, "")
		f.SetDrawColor(120, 120, 120)
		f.Line(x+labelW, y+4.2, x+labelW+lineW, y+4.2)
		f.SetDrawColor(0, 0, 0)
	}
	left := width*0.55 - 4
	y := y0 + 12
	field(x0+2, y, 12, left-12, "Fait à")
	field(x0+2, y+7, 12, left-12, "Le")
	field(x0+2, y+14, 12, left-12, "Nom")
	// The signature's box on the right.
	sx := x0 + width*0.55
	f.SetFont(family, "", 8.5)
	f.SetXY(sx, y0+10)
	f.CellFormat(width*0.45-2, 4.5, "Signature du président de séance", "", 0, "L", false, 0, "")
	f.SetDrawColor(120, 120, 120)
	f.Rect(sx, y0+15, width*0.45-3, attCertH-4-16, "D")
	f.SetDrawColor(0, 0, 0)
	f.SetXY(x0, y0+attCertH-4)
}
