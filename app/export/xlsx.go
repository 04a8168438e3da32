package export

import (
	"fmt"
	"io"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"tantieme/app"
	"tantieme/ledger"
)

// Export sheets. Three of them are laid out as the imports read them, so
// that a workbook exported from one residence feeds another:
// Copropriétaires → import owners, Tantièmes → import shares,
// Écritures → import entries (Balance → import balance gives the same
// trial balance too, in one entry).
const (
	SheetOwners  = "Copropriétaires"
	SheetShares  = "Tantièmes"
	SheetEntries = "Écritures"
	SheetBalance = "Balance"
	SheetLedger  = "Grand livre"
)

// MoneyFormat is the number format of amounts in exported workbooks.
const MoneyFormat = `#,##0.00 "€"`

// DateFormat is the number format of dates in exported workbooks.
const DateFormat = "dd/mm/yyyy"

// XLSX writes the residence as one Excel workbook: owners with their
// lots and balances at the end of exercise ex, the shares grid, and the
// entries, trial balance and general ledger of ex. Amounts are numbers
// shown as 1 234,56 €, dates are dates; headers stay on screen when
// scrolling. Text is always written as text: a label such as "=1+1" or
// "-5 %" never becomes a formula.
func XLSX(r *app.Residence, w io.Writer, ex ledger.Exercise) error {
	var data xlsxExport
	if err := r.View(func(tx *ledger.Tx) error { return data.load(tx, ex) }); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return ledger.Wrap(ledger.Internal, err, "Préparation du classeur impossible")
	}
	sheets := []struct {
		name  string
		table *xlsxTable
	}{
		{SheetOwners, data.ownersTable()},
		{SheetShares, data.sharesTable()},
		{SheetEntries, data.entriesTable()},
		{SheetBalance, data.balanceTable()},
		{SheetLedger, data.ledgerTable()},
	}
	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.name)
		} else {
			_, err = f.NewSheet(s.name)
		}
		if err == nil {
			err = s.table.write(f, s.name, st)
		}
		if err != nil {
			return ledger.Wrap(ledger.Internal, err, "Écriture de la feuille « %s » impossible", s.name)
		}
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return ledger.Wrap(ledger.Internal, err, "Écriture du classeur impossible")
	}
	return nil
}

// xlsxExport is what the workbook shows, read in one transaction.
type xlsxExport struct {
	ex       ledger.Exercise
	owners   []app.OwnerSummary
	lots     []ledger.Lot
	keys     []ledger.Key
	shares   map[string]map[string]decimal.Decimal // lot → key → shares
	entries  []ledger.Entry
	accounts map[string]string
	balance  []ledger.AccountBalance
	ledger   []ledger.Statement
}

func (d *xlsxExport) load(tx *ledger.Tx, ex ledger.Exercise) error {
	d.ex = ex
	var err error
	if d.owners, err = app.ReadOwnerSummaries(tx, ex.End); err != nil {
		return err
	}
	if d.lots, err = tx.Lots(); err != nil {
		return err
	}
	if d.keys, err = tx.Keys(); err != nil {
		return err
	}
	shares, err := tx.Shares()
	if err != nil {
		return err
	}
	d.shares = map[string]map[string]decimal.Decimal{}
	for _, s := range shares {
		if d.shares[s.Lot] == nil {
			d.shares[s.Lot] = map[string]decimal.Decimal{}
		}
		d.shares[s.Lot][s.Key] = s.Shares
	}
	if d.entries, err = tx.Entries(ledger.EntryFilter{From: ex.Start, To: ex.End}); err != nil {
		return err
	}
	accounts, err := tx.Accounts()
	if err != nil {
		return err
	}
	d.accounts = map[string]string{}
	for _, a := range accounts {
		d.accounts[a.Code] = a.Label
	}
	if d.balance, err = tx.TrialBalanceOf(ex); err != nil {
		return err
	}
	for _, b := range d.balance {
		st, err := tx.AccountStatement(b.Account, ex.Start, ex.End)
		if err != nil {
			return err
		}
		d.ledger = append(d.ledger, st)
	}
	return nil
}

// Cell values of a table: text, money, date, number (shares), or nil.
type (
	xlMoney  ledger.Amount
	xlDate   time.Time
	xlNumber decimal.Decimal
)

type xlsxTableRow struct {
	cells []any
	bold  bool
}

type xlsxTable struct {
	headers []string
	rows    []xlsxTableRow
}

func (t *xlsxTable) add(cells ...any) { t.rows = append(t.rows, xlsxTableRow{cells: cells}) }

func (t *xlsxTable) addBold(cells ...any) {
	t.rows = append(t.rows, xlsxTableRow{cells: cells, bold: true})
}

type xlsxStyles struct {
	header, money, date, number, text, boldText, boldMoney, boldNumber int
}

func newXLSXStyles(f *excelize.File) (*xlsxStyles, error) {
	moneyFmt, dateFmt := MoneyFormat, DateFormat
	bold := &excelize.Font{Bold: true}
	defs := []*excelize.Style{
		{Font: bold, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
			Border: []excelize.Border{{Type: "bottom", Color: "7F8C9F", Style: 1}}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}},
		{CustomNumFmt: &moneyFmt},
		{CustomNumFmt: &dateFmt},
		{NumFmt: 0},
		{NumFmt: 49}, // "@": text, so that Excel keeps "001" and "=x" as typed when the cell is edited
		{Font: bold, NumFmt: 49},
		{Font: bold, CustomNumFmt: &moneyFmt},
		{Font: bold, NumFmt: 0},
	}
	ids := make([]int, len(defs))
	for i, s := range defs {
		id, err := f.NewStyle(s)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return &xlsxStyles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7]}, nil
}

// write streams the table into a sheet: header row frozen, columns sized to
// their content.
func (t *xlsxTable) write(f *excelize.File, sheet string, st *xlsxStyles) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths := make([]int, len(t.headers))
	for i, h := range t.headers {
		widths[i] = utf8.RuneCountInString(h) + 2
	}
	for _, r := range t.rows {
		for i, c := range r.cells {
			if i < len(widths) {
				widths[i] = max(widths[i], xlCellWidth(c))
			}
		}
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, float64(min(max(w, 8), 60))); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	head := make([]any, len(t.headers))
	for i, h := range t.headers {
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	for n, r := range t.rows {
		vals := make([]any, len(r.cells))
		for i, c := range r.cells {
			vals[i] = st.cell(c, r.bold)
		}
		ref, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(ref, vals); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cell turns a table value into a styled cell. Text goes in as a string
// cell (never a formula, whatever it starts with) with the text format.
func (st *xlsxStyles) cell(v any, bold bool) any {
	pick := func(plain, strong int) int {
		if bold {
			return strong
		}
		return plain
	}
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		if v == "" {
			return nil
		}
		// A control character is not allowed in the sheet's XML: a text
		// written before the text rules (or by raw SQL) is made safe here.
		return excelize.Cell{StyleID: pick(st.text, st.boldText), Value: ledger.SafeText(v, true)}
	case xlMoney:
		// A double holds every amount of cents below 2^53 as the nearest
		// value to cents/100, which Excel writes back with two decimals.
		return excelize.Cell{StyleID: pick(st.money, st.boldMoney), Value: float64(v) / 100}
	case xlDate:
		return excelize.Cell{StyleID: st.date, Value: time.Time(v)}
	case xlNumber:
		fv, _ := decimal.Decimal(v).Float64()
		return excelize.Cell{StyleID: pick(st.number, st.boldNumber), Value: fv}
	}
	return excelize.Cell{StyleID: st.text, Value: fmt.Sprint(v)}
}

func xlCellWidth(v any) int {
	switch v := v.(type) {
	case string:
		return utf8.RuneCountInString(v) + 2
	case xlMoney:
		return len(ledger.Amount(v).String()) + 2
	case xlDate:
		return 12
	case xlNumber:
		return len(decimal.Decimal(v).String()) + 2
	}
	return 0
}

func xlOptMoney(a ledger.Amount) any {
	if a == 0 {
		return nil
	}
	return xlMoney(a)
}

func (d *xlsxExport) ownersTable() *xlsxTable {
	t := &xlsxTable{headers: []string{"N° compte", "Nom", "Adresse", "Code postal", "Ville", "E-mail", "Téléphone",
		"N° lot", "Désignation du lot", "Tantièmes", "Civilité", "Solde au " + ledger.FrenchDate(d.ex.End)}}
	labels := map[string]string{}
	for _, l := range d.lots {
		labels[l.Number] = l.Label
		if l.Label == "" {
			labels[l.Number] = l.Type
		}
	}
	for _, o := range d.owners {
		lots := o.Lots
		if len(lots) == 0 {
			lots = []string{""}
		}
		for i, lot := range lots {
			var shares any
			if s, ok := d.shares[lot][o.General]; ok && lot != "" {
				shares = xlNumber(s)
			}
			var bal any
			if i == 0 {
				bal = xlMoney(o.Balance)
			}
			t.add(o.Account, o.Name, o.Address, o.Zip, o.City, o.Email, o.Phone, lot, labels[lot], shares, o.Civility, bal)
		}
	}
	return t
}

func (d *xlsxExport) sharesTable() *xlsxTable {
	t := &xlsxTable{headers: []string{"N° lot"}}
	for _, k := range d.keys {
		t.headers = append(t.headers, k.Code+" - "+k.Label)
	}
	for _, l := range d.lots {
		cells := []any{l.Number}
		for _, k := range d.keys {
			if s, ok := d.shares[l.Number][k.Code]; ok {
				cells = append(cells, xlNumber(s))
			} else {
				cells = append(cells, nil)
			}
		}
		t.add(cells...)
	}
	total := []any{"Total"}
	for _, k := range d.keys {
		total = append(total, xlNumber(k.DeclaredTotal))
	}
	t.addBold(total...)
	return t
}

func (d *xlsxExport) entriesTable() *xlsxTable {
	t := &xlsxTable{headers: []string{"Clé", "N° compte", "Intitulé du compte", "Journal", "Date", "Libellé", "Débit", "Crédit",
		"TVA", "Pièce", "N° écriture"}}
	for _, e := range d.entries {
		for _, l := range e.Lines {
			label := l.Label
			if label == "" {
				label = e.Label
			}
			t.add(l.Key, l.Account, d.accounts[l.Account], e.Journal, xlDate(e.Date), label, xlOptMoney(l.Debit), xlOptMoney(l.Credit),
				nil, e.Piece, fmt.Sprint(e.ID))
		}
	}
	return t
}

func (d *xlsxExport) balanceTable() *xlsxTable {
	t := &xlsxTable{headers: []string{"Compte", "Intitulé", "Débit", "Crédit", "Solde débiteur", "Solde créditeur"}}
	var td, tc, sd, sc ledger.Amount
	for _, b := range d.balance {
		var debitBal, creditBal ledger.Amount
		if bal := b.Balance(); bal > 0 {
			debitBal = bal
		} else {
			creditBal = -bal
		}
		t.add(b.Account, b.Label, xlMoney(b.Debit), xlMoney(b.Credit), xlOptMoney(debitBal), xlOptMoney(creditBal))
		td, tc, sd, sc = td+b.Debit, tc+b.Credit, sd+debitBal, sc+creditBal
	}
	t.addBold("Total", nil, xlMoney(td), xlMoney(tc), xlMoney(sd), xlMoney(sc))
	return t
}

func (d *xlsxExport) ledgerTable() *xlsxTable {
	t := &xlsxTable{headers: []string{"Compte", "Intitulé", "Date", "Journal", "Pièce", "Libellé", "Clé", "Débit", "Crédit", "Solde"}}
	sort.SliceStable(d.ledger, func(i, j int) bool { return d.ledger[i].Account < d.ledger[j].Account })
	for _, st := range d.ledger {
		if st.Opening != 0 {
			t.add(st.Account, st.Label, xlDate(st.From), nil, nil, "Solde au "+ledger.FrenchDate(st.From), nil, nil, nil, xlMoney(st.Opening))
		}
		for _, l := range st.Lines {
			t.add(st.Account, st.Label, xlDate(l.Date), l.Journal, l.Piece, l.Label, l.Key, xlOptMoney(l.Debit), xlOptMoney(l.Credit), xlMoney(l.Balance))
		}
		t.addBold(st.Account, "Total "+st.Label, nil, nil, nil, nil, nil, xlMoney(st.TotalDebit), xlMoney(st.TotalCredit), xlMoney(st.Closing))
	}
	return t
}
