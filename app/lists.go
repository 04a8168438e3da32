package app

import (
	"path/filepath"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// PrintedList is a list as a screen shows it: the columns the user kept
// (« Colonnes… »), the rows in their order, the totals. The list screens
// export it to Excel and print it.
type PrintedList struct {
	Title    string // « Copropriétaires »
	Subtitle string // « au 31/12/2025 »
	Titles   []string
	Right    []bool // amounts and numbers
	Rows     [][]string
	Totals   []string // nil: no totals row
}

// ListPDF prints a list: landscape when it has more than five columns,
// the header repeated on every page, the totals in bold.
func (r *Residence) ListPDF(l PrintedList, printed time.Time) ([]byte, error) {
	name, err := r.residenceName()
	if err != nil {
		return nil, err
	}
	if printed.IsZero() {
		printed = ledger.Now()
	}
	landscape := len(l.Titles) > 5
	widths := listWidths(l, landscape)
	cols := make([]reports.Column, len(l.Titles))
	for i, t := range l.Titles {
		cols[i] = reports.Column{Title: t, Right: i < len(l.Right) && l.Right[i], Width: widths[i]}
	}
	rows := make([]reports.Row, 0, len(l.Rows)+1)
	for _, cells := range l.Rows {
		rows = append(rows, reports.Row{Cells: cells})
	}
	if l.Totals != nil {
		rows = append(rows, reports.Row{Cells: l.Totals, Strong: true})
	}
	intro := []string{fr.Count(len(l.Rows), "ligne", "lignes") + "."}
	pdf, err := reports.List(reports.Page{Title: l.Title, Subtitle: l.Subtitle, Residence: name, Printed: printed, Landscape: landscape},
		[]reports.ListSection{{Intro: intro, Columns: cols, Rows: rows}})
	return pdfResult(pdf, err, "la liste « "+l.Title+" »")
}

// listWidths shares the page's width (millimetres between the margins)
// between the columns in proportion to their longest text, title
// included, each between 6 and 40 characters' worth: a name column gets
// room, a number column no more than it needs.
func listWidths(l PrintedList, landscape bool) []float64 {
	page := 180.0
	if landscape {
		page = 267.0
	}
	need := make([]float64, len(l.Titles))
	measure := func(cells []string) {
		for i, c := range cells {
			if i < len(need) {
				need[i] = max(need[i], float64(utf8.RuneCountInString(c)))
			}
		}
	}
	measure(l.Titles)
	for _, r := range l.Rows {
		measure(r)
	}
	measure(l.Totals)
	sum := 0.0
	for i := range need {
		need[i] = min(max(need[i], 6), 40)
		sum += need[i]
	}
	for i := range need {
		need[i] = page * need[i] / sum
	}
	return need
}

// ListFileName names a list written on day, without its extension:
// « LISTE_COPROPRIETAIRES_2025-12-31 ».
func ListFileName(title string, day time.Time) string {
	return "LISTE_" + fr.FileName(title) + "_" + day.Format("2006-01-02")
}

// ListProduced is the register's line of a printed list written in dir.
// Lists go to the council's binder: the owners' list carries addresses
// and balances, not for every owner's eyes.
func (r *Residence) ListProduced(dir string, l PrintedList, day time.Time) Produced {
	title := l.Title
	if l.Subtitle != "" {
		title += " " + l.Subtitle
	}
	return Produced{Path: filepath.Join(dir, ListFileName(l.Title, day)+".pdf"), Kind: "list", Date: day, Exercise: r.ExerciseIDAt(day),
		Title: "Liste : " + title}
}

// FolderLists is the documents' subfolder of the printed and exported
// lists.
const FolderLists = "Listes"

// SharesList is every lot's shares on every key with its owner at day at,
// and each key's total: the manual's printed list of keys and shares.
func (r *Residence) SharesList(at time.Time) (PrintedList, error) {
	l := PrintedList{Title: "Tantièmes par lot et par clé", Subtitle: "au " + ledger.FrenchDate(at)}
	err := r.View(func(tx *ledger.Tx) error {
		keys, err := tx.Keys()
		if err != nil {
			return err
		}
		lots, err := tx.Lots()
		if err != nil {
			return err
		}
		shares, err := tx.Shares()
		if err != nil {
			return err
		}
		holder, err := tx.OwnersAt(at)
		if err != nil {
			return err
		}
		owners, err := ownerIndex(tx)
		if err != nil {
			return err
		}
		l.Titles = []string{"Lot", "Propriétaire"}
		l.Right = []bool{false, false}
		col := map[string]int{}
		for i, k := range keys {
			l.Titles = append(l.Titles, k.Code+" "+k.Label)
			l.Right = append(l.Right, true)
			col[k.Code] = i
		}
		grid := map[string][]decimal.Decimal{}
		totals := make([]decimal.Decimal, len(keys))
		for _, s := range shares {
			if grid[s.Lot] == nil {
				grid[s.Lot] = make([]decimal.Decimal, len(keys))
			}
			grid[s.Lot][col[s.Key]] = s.Shares
			totals[col[s.Key]] = totals[col[s.Key]].Add(s.Shares)
		}
		for _, lot := range lots { // in lot order
			row := []string{lot.Number, owners[holder[lot.Number]].DisplayName()}
			for i := range keys {
				cell := ""
				if g := grid[lot.Number]; g != nil && !g[i].IsZero() {
					cell = fr.Shares(g[i])
				}
				row = append(row, cell)
			}
			l.Rows = append(l.Rows, row)
		}
		l.Totals = []string{"Total", fr.Count(len(lots), "lot", "lots")}
		for _, t := range totals {
			l.Totals = append(l.Totals, fr.Shares(t))
		}
		return nil
	})
	return l, err
}
