package reports

import "time"

// MeterSheet is a meter's reading sheet (seed 002: « l'impression du
// relevé »): each lot's indexes, consumption, estimate, gap and total, the
// general meter and the common part. Figures come formatted.
type MeterSheet struct {
	Residence string
	Title     string // « Compteur EAU — Eau froide — 2025 »
	Price     string // « Prix unitaire : 3,00 € le m3 »
	Lines     []MeterSheetLine
	Totals    MeterSheetLine // Lot holds the caption
	// The general meter and the common part, each a caption and a value;
	// empty when the meter has no general meter.
	General [][2]string
	Printed time.Time
}

// MeterSheetLine is a lot's line of the sheet.
type MeterSheetLine struct {
	Lot, Owner, Period                   string
	Old, New, Consumption, Estimate, Gap string
	Total                                string
	Note                                 string // forced, flat, meter changed
}

// MeterSheetPDF renders the sheet, in landscape: ten columns.
func MeterSheetPDF(s MeterSheet) ([]byte, error) {
	d := NewDoc(Page{Title: "Relevé de compteur", Subtitle: s.Title, Residence: s.Residence, Printed: s.Printed, Landscape: true})
	d.AddPage()
	if s.Price != "" {
		d.Paragraph(s.Price)
	}
	cols := []Column{{Title: "Lot", Width: 12, Whole: true}, {Title: "Copropriétaire", Width: 36}, {Title: "Période", Width: 26},
		{Title: "Ancien", Width: 20, Right: true}, {Title: "Nouveau", Width: 20, Right: true},
		{Title: "Consommation", Width: 28, Right: true}, {Title: "Estimation", Width: 22, Right: true},
		{Title: "Écart", Width: 18, Right: true}, {Title: "Total", Width: 26, Right: true}, {Title: "Remarque"}}
	row := func(l MeterSheetLine, strong bool) Row {
		return Row{Cells: []string{l.Lot, l.Owner, l.Period, l.Old, l.New, l.Consumption, l.Estimate, l.Gap, l.Total, l.Note}, Strong: strong}
	}
	rows := make([]Row, 0, len(s.Lines)+1)
	for _, l := range s.Lines {
		rows = append(rows, row(l, false))
	}
	rows = append(rows, row(s.Totals, true))
	d.Table(cols, rows)
	if len(s.General) > 0 {
		g := make([]Row, len(s.General))
		for i, x := range s.General {
			g[i] = Row{Cells: []string{x[0], x[1]}, Strong: i == len(s.General)-1}
		}
		d.Table([]Column{{Title: "Compteur général", Width: 80}, {Title: "", Width: 60, Right: true}}, g)
	}
	return d.Bytes()
}
