package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
	"tantieme/sheet"
)

// Importing a meter's readings from a workbook (issue 20: « Import of
// readings from Excel »): the first sheet, a header row naming the columns
// (lot, ancien index, nouvel index or consommation, estimation, forfait,
// optionally période, motif, index de dépose and de pose for a meter
// changed in the year), a row per lot. Every problem is located (file,
// sheet, row, column) and any problem writes nothing.

// meterField is a column of a readings workbook.
type meterField int

const (
	mfLot meterField = iota
	mfOld
	mfNew
	mfConsumption
	mfEstimate
	mfFlat
	mfPeriod
	mfReason
	mfChangedEnd
	mfChangedStart
	meterFieldCount
)

// meterFieldNames are the French names of the columns, as messages say them.
var meterFieldNames = [meterFieldCount]string{"Lot", "Ancien index", "Nouvel index", "Consommation", "Estimation", "Forfait",
	"Période", "Motif", "Index de dépose", "Index de pose"}

// meterHeaders are the headers each column is known by, normalised
// (sheet.NormHeader).
var meterHeaders = [meterFieldCount][]string{
	{"lot", "lots", "n lot", "n de lot", "numero de lot", "numero du lot", "lot n"},
	{"ancien index", "ancien", "index precedent", "index ancien", "ancien releve"},
	{"nouvel index", "nouveau", "nouvel", "index actuel", "nouvel releve", "index nouveau", "nouveau index"},
	{"consommation", "conso", "consommation reelle"},
	{"estimation", "estime", "consommation estimee"},
	{"forfait", "forfaitaire", "non releve"},
	{"periode"},
	{"motif", "raison", "commentaire", "remarque"},
	{"index de depose", "depose", "index depose"},
	{"index de pose", "pose", "index pose"},
}

// MeterColumns maps each field to its 1-based column, 0 when absent.
type MeterColumns [meterFieldCount]int

// findMeterColumns reads a header row; ok is false when the row has no
// lot column (not the header).
func findMeterColumns(cells []sheet.Cell) (cols MeterColumns, ok bool) {
	for i, c := range cells {
		n := sheet.NormHeader(c.Text())
		for f, names := range meterHeaders {
			if cols[f] != 0 {
				continue
			}
			for _, h := range names {
				if n == h {
					cols[f] = i + 1
				}
			}
		}
	}
	return cols, cols[mfLot] != 0
}

// MeterRow is one data row read: the reading, and whether its file gave
// the estimate and the period (else the line keeps those it has).
type MeterRow struct {
	Row         int
	Reading     ledger.MeterReading
	HasEstimate bool
	HasPeriod   bool
}

// ParseMeterRow reads one data row (cell gives a column's cell, 1-based)
// into a reading. It checks what a row alone can tell: numbers that read
// and are not negative, a consumption or a new index, a new index not below
// the old one unless the consumption is given, a flat reading with its
// consumption. Problems come without the file and sheet.
func ParseMeterRow(row int, cols MeterColumns, cell func(col int) sheet.Cell) (MeterRow, []*sheet.Problem) {
	out := MeterRow{Row: row}
	var problems []*sheet.Problem
	fail := func(f meterField, format string, args ...any) {
		problems = append(problems, &sheet.Problem{Row: row, Col: cols[f], Field: meterFieldNames[f], Msg: fmt.Sprintf(format, args...)})
	}
	get := func(f meterField) sheet.Cell {
		if cols[f] == 0 {
			return sheet.Cell{}
		}
		return cell(cols[f])
	}
	num := func(f meterField) (decimal.Decimal, bool, bool) {
		d, empty, msg := sheet.ReadDecimal(get(f))
		if msg != "" {
			fail(f, "%s", msg)
			return d, false, false
		}
		if empty {
			return d, true, true
		}
		if p := ledger.MeterNumberProblem(d); p != "" {
			fail(f, "%s", p)
			return d, false, false
		}
		return d, false, true
	}
	r := &out.Reading
	r.Lot = sheet.CleanText(get(mfLot).Text())
	if _, err := ledger.CleanText("numéro du lot", r.Lot, ledger.ShortText); err != nil {
		fail(mfLot, "le numéro du lot contient un caractère de contrôle invisible ou est trop long")
		r.Lot = ""
	} else if r.Lot == "" {
		fail(mfLot, "le numéro du lot est obligatoire")
	} else if len([]rune(r.Lot)) > 5 {
		fail(mfLot, "« %s » n'est pas un numéro de lot (5 caractères au plus)", r.Lot)
	}
	var emptyOld, emptyNew, emptyCons, okOld, okNew, okCons bool
	r.Old, emptyOld, okOld = num(mfOld)
	r.New, emptyNew, okNew = num(mfNew)
	var cons decimal.Decimal
	cons, emptyCons, okCons = num(mfConsumption)
	var okEst, emptyEst bool
	r.Estimate, emptyEst, okEst = num(mfEstimate)
	out.HasEstimate = okEst && !emptyEst
	var emptyEnd, emptyStart, okEnd, okStart bool
	r.ChangedEnd, emptyEnd, okEnd = num(mfChangedEnd)
	r.ChangedStart, emptyStart, okStart = num(mfChangedStart)
	if okEnd && okStart && emptyEnd != emptyStart {
		fail(mfChangedStart, "un compteur changé demande l'index de dépose de l'ancien et l'index de pose du nouveau")
	}
	r.Changed = okEnd && okStart && !emptyEnd && !emptyStart
	if p := sheet.CleanText(get(mfPeriod).Text()); p != "" {
		r.Period, out.HasPeriod = p, true
	}
	r.Reason = sheet.CleanText(get(mfReason).Text())

	flatCell := get(mfFlat)
	switch v := sheet.NormHeader(flatCell.Text()); v {
	case "", "non", "0", "faux", "false", "n":
	case "oui", "x", "1", "vrai", "true", "o", "forfait":
		r.Flat = true
	default:
		fail(mfFlat, "« %s » : écrivez oui ou x pour un compteur non relevé, rien sinon", sheet.CleanText(flatCell.Text()))
	}
	if !okOld || !okNew || !okCons {
		return out, problems
	}
	switch {
	case !emptyCons:
		measured := r.Measured()
		if r.Flat || emptyNew || !cons.Equal(measured) {
			r.Forced, r.ForcedValue = true, cons
			if r.Reason == "" && r.Flat {
				r.Reason = ledger.FlatReason
			} else if r.Reason == "" {
				r.Reason = "Consommation indiquée par le fichier des relevés"
			}
		}
	case r.Flat:
		fail(mfConsumption, "un compteur non relevé (forfait) demande la consommation forfaitaire")
	case emptyNew:
		fail(mfNew, "indiquez le nouvel index ou la consommation")
	case r.Changed && r.ChangedEnd.LessThan(r.Old):
		fail(mfChangedEnd, "l'index de dépose (%s) est inférieur à l'ancien index (%s)", get(mfChangedEnd).Text(), get(mfOld).Text())
	case r.Changed && r.New.LessThan(r.ChangedStart):
		fail(mfNew, "le nouvel index (%s) est inférieur à l'index de pose (%s)", get(mfNew).Text(), get(mfChangedStart).Text())
	case !r.Changed && r.New.LessThan(r.Old):
		old := "0"
		if !emptyOld {
			old = get(mfOld).Text()
		}
		fail(mfNew, "le nouvel index (%s) est inférieur à l'ancien (%s) : indiquez la consommation dans sa colonne, avec un motif, si le compteur a été remis à zéro", get(mfNew).Text(), old)
	}
	return out, problems
}

// MeterImport is what an import of readings did.
type MeterImport struct {
	Rows     int // readings written
	Problems []*sheet.Problem
}

// ImportMeterReadings reads the readings of the meter code of year from
// path and writes them, in one transaction, or nothing when any row has a
// problem (the error then names the first, located).
func (r *Residence) ImportMeterReadings(code string, year int, path string) (MeterImport, error) {
	wb, err := sheet.OpenWorkbook(path)
	if err != nil {
		return MeterImport{}, err
	}
	sh, err := wb.Sheet("")
	if err != nil {
		return MeterImport{}, err
	}
	return r.importMeterSheet(code, year, wb.Name, sh)
}

func (r *Residence) importMeterSheet(code string, year int, file string, sh *sheet.Sheet) (MeterImport, error) {
	var out MeterImport
	locate := func(p *sheet.Problem) *sheet.Problem { p.File, p.Sheet = file, sh.Name; return p }
	header := 0
	var cols MeterColumns
	for row := 1; row <= sh.RowCount() && row <= 20 && header == 0; row++ {
		if c, ok := findMeterColumns(sh.Row(row)); ok {
			header, cols = row, c
		}
	}
	if header == 0 {
		p := locate(&sheet.Problem{Msg: "aucune ligne d'en-tête avec une colonne « Lot » dans ses 20 premières lignes"})
		return out, ledger.Wrap(ledger.Invalid, p, "%s ; rien n'a été importé.", strings.TrimSuffix(p.Error(), "."))
	}
	if cols[mfNew] == 0 && cols[mfConsumption] == 0 {
		p := locate(&sheet.Problem{Row: header, Msg: "il faut une colonne « Nouvel index » ou « Consommation »"})
		return out, ledger.Wrap(ledger.Invalid, p, "%s ; rien n'a été importé.", strings.TrimSuffix(p.Error(), "."))
	}
	var rows []MeterRow
	firstRow := map[string]int{}
	for row := header + 1; row <= sh.RowCount(); row++ {
		empty := true
		for _, c := range sh.Row(row) {
			if !c.IsEmpty() {
				empty = false
				break
			}
		}
		if empty {
			continue
		}
		mr, problems := ParseMeterRow(row, cols, func(col int) sheet.Cell { return sh.Cell(row, col) })
		for _, p := range problems {
			out.Problems = append(out.Problems, locate(p))
		}
		if len(problems) == 0 {
			rows = append(rows, mr)
		}
	}
	err := r.Update(func(tx *ledger.Tx) error {
		if _, err := tx.Meter(code, year); err != nil {
			return err
		}
		lots, err := tx.Lots()
		if err != nil {
			return err
		}
		known := map[string]string{} // as typed, and without leading zeros → lot number
		for _, l := range lots {
			known[l.Number] = l.Number
		}
		for _, l := range lots {
			if k := strings.TrimLeft(l.Number, "0"); k != "" && known[k] == "" {
				known[k] = l.Number
			}
		}
		have, err := tx.MeterReadings(code, year)
		if err != nil {
			return err
		}
		current := map[string]ledger.MeterReading{}
		for _, h := range have {
			current[h.Lot] = h
		}
		for _, mr := range rows {
			lot := known[mr.Reading.Lot]
			if lot == "" {
				lot = known[strings.TrimLeft(mr.Reading.Lot, "0")]
			}
			if lot == "" {
				out.Problems = append(out.Problems, locate(&sheet.Problem{Row: mr.Row, Col: cols[mfLot], Field: meterFieldNames[mfLot],
					Msg: fmt.Sprintf("le lot « %s » n'existe pas dans la résidence", mr.Reading.Lot)}))
				continue
			}
			if first, dup := firstRow[lot]; dup {
				out.Problems = append(out.Problems, locate(&sheet.Problem{Row: mr.Row, Col: cols[mfLot], Field: meterFieldNames[mfLot],
					Msg: fmt.Sprintf("le lot %s figure déjà ligne %d", lot, first)}))
				continue
			}
			firstRow[lot] = mr.Row
			rd := mr.Reading
			rd.Lot = lot
			if old, ok := current[lot]; ok {
				if !mr.HasEstimate {
					rd.Estimate = old.Estimate
				}
				if !mr.HasPeriod {
					rd.Period = old.Period
				}
			}
			if len(out.Problems) > 0 {
				continue // nothing will be written: only look for more problems
			}
			if err := tx.SaveMeterReading(code, year, rd); err != nil {
				out.Problems = append(out.Problems, locate(&sheet.Problem{Row: mr.Row, Msg: strings.TrimSuffix(ledger.Message(err), ".")}))
				continue
			}
			out.Rows++
		}
		if len(out.Problems) > 0 {
			return meterImportError(out.Problems)
		}
		if out.Rows == 0 {
			return ledger.Errorf(ledger.Invalid, "%s ne contient aucun relevé sous son en-tête (ligne %d) ; rien n'a été importé", filepath.Base(file), header)
		}
		return nil
	})
	if err != nil {
		out.Rows = 0
	}
	return out, err
}

// meterImportError is the first problem and how many others there are.
func meterImportError(problems []*sheet.Problem) error {
	msg := strings.TrimSuffix(problems[0].Error(), ".")
	switch n := len(problems); n {
	case 1:
		msg += " ; rien n'a été importé."
	case 2:
		msg += " (et 1 autre problème) ; rien n'a été importé."
	default:
		msg += fmt.Sprintf(" (et %d autres problèmes) ; rien n'a été importé.", n-1)
	}
	return &ledger.Error{Kind: ledger.Invalid, Msg: msg, Err: problems[0]}
}
