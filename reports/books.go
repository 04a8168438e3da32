package reports

import (
	"fmt"
	"strconv"
	"time"

	"tantieme/internal/fr"
)

// BookHead is what every page of a book repeats.
type BookHead struct {
	Residence string
	Period    string // "Exercice 2025 – du 01/01/2025 au 31/12/2025"
	Printed   time.Time
	// Fingerprint of the books when printed (Page.Fingerprint).
	Fingerprint string
}

func (h BookHead) page(title string, landscape bool) Page {
	return Page{Title: title, Subtitle: h.Period, Residence: h.Residence, Printed: h.Printed, Landscape: landscape, Fingerprint: h.Fingerprint}
}

// Amounts of the books are cents (int64): the tables add them up page by
// page for the carried totals, and format them themselves.

// JournalBook is the journal of a period: one section per journal, and for
// the general journal a summary per journal and month (centralisation).
type JournalBook struct {
	BookHead
	Title    string // "Journal général", "Journal BQ – Banque"
	Journals []JournalSection
	Debit    int64
	Credit   int64
	Recap    []JournalRecapRow // empty: no summary
	VAT      bool              // a TVA column: the period has VAT on some line
}

// JournalSection is one journal's entries over the period.
type JournalSection struct {
	Code, Label   string
	Entries       []JournalEntry
	Debit, Credit int64
}

// JournalEntry is an entry with its lines.
type JournalEntry struct {
	Number int64
	Date   string
	Piece  string
	Label  string
	Lines  []JournalLine
}

// JournalLine is a line of an entry; Label is the line's own text or the
// entry's.
type JournalLine struct {
	Account, AccountLabel string
	Label                 string
	Key                   string
	Debit, Credit         int64
	VAT                   int64
}

// JournalRecapRow is a line of the centralisation: a journal's month, a
// journal's total (Strong) or the grand total (Strong, Journal "").
type JournalRecapRow struct {
	Journal, Label string
	Month          string
	Entries        int
	Debit, Credit  int64
	Strong         bool
}

var journalColumns = []Column{
	{Title: "Date", Width: 19, Whole: true},
	{Title: "N°", Width: 11, Right: true},
	{Title: "Pièce", Width: 30, Whole: true},
	{Title: "Compte", Width: 15, Whole: true},
	{Title: "Intitulé du compte", Width: 50},
	{Title: "Libellé"},
	{Title: "Clé", Width: 9},
	{Title: "Débit", Width: 24, Right: true},
	{Title: "Crédit", Width: 24, Right: true},
}

// JournalPDF prints a journal (landscape: the account's label and the
// entry's text both need room).
func JournalPDF(b JournalBook) ([]byte, error) {
	d := NewDoc(b.page(b.Title, true))
	d.AddPage()
	cols, carry := vatColumns(journalColumns, []int{7, 8}, b.VAT)
	t := newBookTable(d, cols, carry, 5)
	if len(b.Journals) == 0 {
		d.Paragraph("Aucune écriture sur la période.")
	}
	for _, j := range b.Journals {
		t.begin("Journal "+j.Code+" – "+j.Label, 3)
		for _, e := range j.Entries {
			rows := make([]bookRow, len(e.Lines))
			for i, l := range e.Lines {
				cells := []string{"", "", "", l.Account, l.AccountLabel, l.Label, l.Key, moneyBlank(l.Debit), moneyBlank(l.Credit)}
				if i == 0 {
					cells[0], cells[1], cells[2] = e.Date, strconv.FormatInt(e.Number, 10), e.Piece
				}
				cells = vatCell(cells, b.VAT, l.VAT)
				rows[i] = bookRow{cells: cells, sums: []int64{l.Debit, l.Credit}}
			}
			if len(rows) > 0 {
				rows[0].keep = len(rows)
				rows[len(rows)-1].rule = true
			}
			t.add(rows)
		}
		t.add([]bookRow{{cells: vatCell([]string{"", "", "", "", "", fmt.Sprintf("Total du journal %s (%s)", j.Code, fr.Count(len(j.Entries), "écriture", "écritures")),
			"", fr.Money(j.Debit), fr.Money(j.Credit)}, b.VAT, 0), strong: true}})
		t.end()
	}
	if len(b.Journals) > 1 {
		t.total(bookRow{cells: vatCell([]string{"", "", "", "", "", "Total général", "", fr.Money(b.Debit), fr.Money(b.Credit)}, b.VAT, 0), strong: true})
	}
	if len(b.Recap) > 0 {
		rt := newBookTable(d, []Column{
			{Title: "Journal", Width: 18}, {Title: "Intitulé", Width: 60}, {Title: "Mois"},
			{Title: "Écritures", Width: 22, Right: true}, {Title: "Débit", Width: 32, Right: true}, {Title: "Crédit", Width: 32, Right: true},
		}, nil, 1)
		rt.begin("Centralisation des journaux", 4)
		for _, r := range b.Recap {
			rt.add([]bookRow{{cells: []string{r.Journal, r.Label, r.Month, strconv.Itoa(r.Entries), fr.Money(r.Debit), fr.Money(r.Credit)}, strong: r.Strong}})
		}
		rt.end()
	}
	return d.Bytes()
}

// GeneralLedgerBook is the grand livre: every account moved in the period
// with its lines and running balance.
type GeneralLedgerBook struct {
	BookHead
	Accounts      []LedgerAccount
	Debit, Credit int64 // of the period's lines, openings excluded
	VAT           bool  // a TVA column: the period has VAT on some line
}

// LedgerAccount is one account of the grand livre, or an owner's statement.
type LedgerAccount struct {
	Account, Label string
	// Opening is the balance brought forward before the period; printed
	// when OpeningLabel is set ("Solde au 31/03/2025").
	Opening       int64
	OpeningLabel  string
	Lines         []LedgerLine
	Debit, Credit int64 // of the lines
	Closing       int64
	ClosingLabel  string // "Solde au 31/12/2025"
}

// LedgerLine is a line of an account with the balance after it.
type LedgerLine struct {
	Date, Journal string
	Number        int64
	Piece, Label  string
	Key, Letter   string
	Debit, Credit int64
	Balance       int64
	VAT           int64
}

var ledgerColumns = []Column{
	{Title: "Date", Width: 20, Whole: true},
	{Title: "Jnl", Width: 10},
	{Title: "N°", Width: 12, Right: true},
	{Title: "Pièce", Width: 30, Whole: true},
	{Title: "Libellé"},
	{Title: "Clé", Width: 9},
	{Title: "Let.", Width: 10},
	{Title: "Débit", Width: 27, Right: true},
	{Title: "Crédit", Width: 27, Right: true},
	{Title: "Solde", Width: 31, Right: true},
}

// GeneralLedgerPDF prints the grand livre (landscape).
func GeneralLedgerPDF(b GeneralLedgerBook) ([]byte, error) {
	d := NewDoc(b.page("Grand livre", true))
	d.AddPage()
	cols, carry := vatColumns(ledgerColumns, []int{7, 8}, b.VAT)
	t := newBookTable(d, cols, carry, 4)
	if len(b.Accounts) == 0 {
		d.Paragraph("Aucun compte mouvementé sur la période.")
	}
	for _, a := range b.Accounts {
		t.begin(a.Account+" – "+a.Label, 3)
		t.add(vatRows(ledgerRows(a), a, b.VAT))
		t.end()
	}
	if len(b.Accounts) > 0 {
		t.total(bookRow{cells: vatCell([]string{"", "", "", "", "Total général des mouvements de la période", "", "", fr.Money(b.Debit), fr.Money(b.Credit), ""}, b.VAT, 0), strong: true})
	}
	return d.Bytes()
}

// ledgerRows are an account's rows: opening, lines, totals, closing. The
// opening counts in the carried totals (it is part of the account's page),
// the total row then says what the period's lines add up to.
func ledgerRows(a LedgerAccount) []bookRow {
	var rows []bookRow
	if a.OpeningLabel != "" {
		var dr, cr int64
		if a.Opening > 0 {
			dr = a.Opening
		} else {
			cr = -a.Opening
		}
		rows = append(rows, bookRow{cells: []string{"", "", "", "", a.OpeningLabel, "", "", moneyBlank(dr), moneyBlank(cr), balanceDC(a.Opening)},
			sums: []int64{dr, cr}})
	}
	for _, l := range a.Lines {
		num := ""
		if l.Number != 0 {
			num = strconv.FormatInt(l.Number, 10)
		}
		rows = append(rows, bookRow{cells: []string{l.Date, l.Journal, num, l.Piece, l.Label, l.Key, l.Letter,
			moneyBlank(l.Debit), moneyBlank(l.Credit), balanceDC(l.Balance)}, sums: []int64{l.Debit, l.Credit}})
	}
	rows = append(rows, bookRow{cells: []string{"", "", "", "", "Total des mouvements " + a.Account, "", "", fr.Money(a.Debit), fr.Money(a.Credit), ""}, strong: true})
	label := a.ClosingLabel
	if label == "" {
		label = "Solde"
	}
	rows = append(rows, bookRow{cells: []string{"", "", "", "", label, "", "", "", "", balanceDC(a.Closing)}, strong: true})
	// The totals and the balance stay with the account's last line.
	if n := len(rows); n >= 3 {
		rows[n-3].keep = 3
	}
	return rows
}

// TrialBalanceBook is the balance générale: accounts by class with class
// sub-totals and the grand total.
type TrialBalanceBook struct {
	BookHead
	// OpeningLabel names the opening column ("Solde au 31/03/2025") when
	// the period starts after the exercise; "" leaves it out.
	OpeningLabel string
	Classes      []TrialClass
	Total        TrialRow
}

// TrialClass is one class of accounts with its sub-total.
type TrialClass struct {
	Label string // "Classe 4 – Comptes de tiers"
	Rows  []TrialRow
	Total TrialRow
}

// TrialRow is an account's figures: balance before the period, the
// period's movements, and the balance at its end (debit − credit).
type TrialRow struct {
	Account, Label string
	Opening        int64
	Debit, Credit  int64
	Balance        int64
	// BalanceDebit and BalanceCredit split the end balances for totals:
	// an account's balance goes to one side only, a total adds both sides.
	BalanceDebit, BalanceCredit int64
}

// TrialBalancePDF prints the balance (portrait; landscape with the opening
// column).
func TrialBalancePDF(b TrialBalanceBook) ([]byte, error) {
	wide := b.OpeningLabel != ""
	d := NewDoc(b.page("Balance générale", wide))
	d.AddPage()
	cols := []Column{{Title: "Compte", Width: 17, Whole: true}, {Title: "Intitulé"}}
	if wide {
		cols = append(cols, Column{Title: b.OpeningLabel, Width: 38, Right: true})
	}
	amount := 25.0
	if wide {
		amount = 29
	}
	cols = append(cols, Column{Title: "Débit", Width: amount, Right: true}, Column{Title: "Crédit", Width: amount, Right: true},
		Column{Title: "Solde débiteur", Width: amount, Right: true}, Column{Title: "Solde créditeur", Width: amount, Right: true})
	t := newBookTable(d, cols, nil, 1)
	cells := func(r TrialRow, strong bool) []string {
		c := []string{r.Account, r.Label}
		if wide {
			c = append(c, balanceDC(r.Opening))
		}
		if strong {
			return append(c, fr.Money(r.Debit), fr.Money(r.Credit), fr.Money(r.BalanceDebit), fr.Money(r.BalanceCredit))
		}
		return append(c, moneyBlank(r.Debit), moneyBlank(r.Credit), moneyBlank(r.BalanceDebit), moneyBlank(r.BalanceCredit))
	}
	if len(b.Classes) == 0 {
		d.Paragraph("Aucun compte mouvementé sur la période.")
	}
	for _, c := range b.Classes {
		t.begin(c.Label, 2)
		for _, r := range c.Rows {
			t.add([]bookRow{{cells: cells(r, false)}})
		}
		t.add([]bookRow{{cells: cells(c.Total, true), strong: true}})
		t.end()
	}
	t.total(bookRow{cells: cells(b.Total, true), strong: true})
	return d.Bytes()
}

// KeyBalanceBook is the balance par clé: per key, the accounts that carry
// it; then the check that it agrees with the balance générale.
type KeyBalanceBook struct {
	BookHead
	// Note says what the figures are, printed above them ("" for none):
	// after the closing, the balance before its distribution entries.
	Note   string
	Keys   []KeySection
	Checks []KeyCheck
	Agree  bool
}

// KeySection is one key's accounts and total.
type KeySection struct {
	Code, Label string
	Shares      string // the key's total shares, "1 000"
	Rows        []TrialRow
	Total       TrialRow
}

// KeyCheck compares one charge account's total over the keys with its
// balance in the balance générale.
type KeyCheck struct {
	Account, Label string
	ByKeys         int64
	General        int64
}

// KeyBalancePDF prints the balance par clé (portrait).
func KeyBalancePDF(b KeyBalanceBook) ([]byte, error) {
	d := NewDoc(b.page("Balance par clé de répartition", false))
	d.AddPage()
	cols := []Column{{Title: "Compte", Width: 17, Whole: true}, {Title: "Intitulé"}, {Title: "Débit", Width: 27, Right: true},
		{Title: "Crédit", Width: 27, Right: true}, {Title: "Solde", Width: 30, Right: true}}
	t := newBookTable(d, cols, nil, 1)
	if b.Note != "" {
		d.Paragraph(b.Note)
	}
	if len(b.Keys) == 0 {
		d.Paragraph("Aucune ligne portant une clé sur la période.")
	}
	for _, k := range b.Keys {
		caption := "Clé " + k.Code + " – " + k.Label
		if k.Shares != "" {
			caption += " (" + k.Shares + " tantièmes)"
		}
		t.begin(caption, 2)
		for _, r := range k.Rows {
			t.add([]bookRow{{cells: []string{r.Account, r.Label, moneyBlank(r.Debit), moneyBlank(r.Credit), balanceDC(r.Balance)}}})
		}
		t.add([]bookRow{{cells: []string{"", "Total de la clé " + k.Code, fr.Money(k.Total.Debit), fr.Money(k.Total.Credit), balanceDC(k.Total.Balance)}, strong: true}})
		t.end()
	}
	if len(b.Checks) > 0 {
		ct := newBookTable(d, []Column{{Title: "Compte", Width: 17, Whole: true}, {Title: "Intitulé"}, {Title: "Total des clés", Width: 30, Right: true},
			{Title: "Balance générale", Width: 30, Right: true}, {Title: "Écart", Width: 24, Right: true}}, nil, 1)
		ct.begin("Concordance avec la balance générale (charges, classe 6)", 3)
		var byKeys, general int64
		var rows []bookRow
		for _, c := range b.Checks {
			byKeys += c.ByKeys
			general += c.General
			rows = append(rows, bookRow{cells: []string{c.Account, c.Label, balanceDC(c.ByKeys), balanceDC(c.General), moneyBlank(c.ByKeys - c.General)}})
		}
		rows = append(rows, bookRow{cells: []string{"", "Total", balanceDC(byKeys), balanceDC(general), fr.Money(byKeys - general)}, strong: true})
		// The total stays with the last accounts.
		rows[max(0, len(rows)-3)].keep = min(3, len(rows))
		ct.add(rows)
		ct.end()
		if b.Agree {
			d.Paragraph("La balance par clé et la balance générale concordent.")
		} else {
			d.Paragraph("ATTENTION : la balance par clé et la balance générale ne concordent pas ; vérifiez les écritures des comptes signalés.")
		}
	}
	return d.Bytes()
}

// OwnerAccountsBook is the account statement (fiche) of each owner, each
// on its own pages.
type OwnerAccountsBook struct {
	BookHead
	Owners []OwnerAccount
}

// OwnerAccount is an owner's account over the period.
type OwnerAccount struct {
	LedgerAccount
	Name    string   // with civility
	Address []string // postal lines
	Lots    string   // "Lots 001, 016 (125 tantièmes généraux)"
	Owes    string   // what the closing balance means: "à payer", "en votre faveur"
	// Notes print under the table: the owner's share of the works fund on
	// the statement a publication gives him (issue 19).
	Notes []string
}

var ownerAccountColumns = []Column{
	{Title: "Date", Width: 19, Whole: true},
	{Title: "Jnl", Width: 9},
	{Title: "Pièce", Width: 21, Whole: true},
	{Title: "Libellé"},
	{Title: "Débit", Width: 23, Right: true},
	{Title: "Crédit", Width: 23, Right: true},
	{Title: "Solde", Width: 26, Right: true},
}

// OwnerAccountsPDF prints the statements, one owner per page (or run of
// pages), so that each can be handed out.
func OwnerAccountsPDF(b OwnerAccountsBook) ([]byte, error) {
	d := NewDoc(b.page("Relevés de compte des copropriétaires", false))
	if len(b.Owners) == 0 {
		d.AddPage()
		d.Paragraph("Aucun compte de copropriétaire mouvementé sur la période.")
		return d.Bytes()
	}
	for _, o := range b.Owners {
		d.AddPage()
		f := d.pdf
		f.SetFont(family, "B", 11)
		for _, l := range d.wrap(o.Name+" – compte "+o.Account, d.Width()) {
			f.CellFormat(d.Width(), 6, l, "", 1, "L", false, 0, "")
		}
		f.SetFont(family, "", 9)
		for _, a := range o.Address {
			for _, l := range d.wrap(a, d.Width()) {
				f.CellFormat(d.Width(), 4.5, l, "", 1, "L", false, 0, "")
			}
		}
		if o.Lots != "" {
			for _, l := range d.wrap(o.Lots, d.Width()) {
				f.CellFormat(d.Width(), 4.5, l, "", 1, "L", false, 0, "")
			}
		}
		f.Ln(3)
		t := newBookTable(d, ownerAccountColumns, []int{4, 5}, 3)
		t.begin("Relevé de compte – "+o.Name, 3)
		rows := ledgerRows(o.LedgerAccount)
		// A statement has no entry number, key nor letter: an owner reads
		// dates, pieces and texts.
		for i := range rows {
			c := rows[i].cells
			rows[i].cells = []string{c[0], c[1], c[3], c[4], c[7], c[8], c[9]}
		}
		if o.Owes != "" {
			last := &rows[len(rows)-1]
			last.cells[3] += " (" + o.Owes + ")"
		}
		t.add(rows)
		t.end()
		for _, n := range o.Notes {
			d.Paragraph(n)
		}
	}
	return d.Bytes()
}

// vatAt is where the books' TVA column goes: before Débit (the journal's
// and the grand livre's eighth column).
const vatAt = 7

// vatColumns adds the TVA column to a book's columns when the period has
// VAT (issue 20: a syndicat's books are TTC; the VAT of its charges is
// shown beside them), moving the carried columns after it.
func vatColumns(cols []Column, carry []int, vat bool) ([]Column, []int) {
	if !vat {
		return cols, carry
	}
	out := append(append(append([]Column{}, cols[:vatAt]...), Column{Title: "dont TVA", Width: 22, Right: true}), cols[vatAt:]...)
	moved := make([]int, len(carry))
	for i, c := range carry {
		moved[i] = c
		if c >= vatAt {
			moved[i]++
		}
	}
	return out, moved
}

// vatCell inserts a line's VAT (blank when none) into its cells.
func vatCell(cells []string, vat bool, amount int64) []string {
	if !vat {
		return cells
	}
	return append(append(append([]string{}, cells[:vatAt]...), moneyBlank(amount)), cells[vatAt:]...)
}

// vatRows inserts the VAT column into an account's rows of the grand
// livre: its lines' VAT, blank on the opening, totals and balance.
func vatRows(rows []bookRow, a LedgerAccount, vat bool) []bookRow {
	if !vat {
		return rows
	}
	first := 0
	if a.OpeningLabel != "" {
		first = 1
	}
	for i := range rows {
		var amount int64
		if j := i - first; j >= 0 && j < len(a.Lines) {
			amount = a.Lines[j].VAT
		}
		rows[i].cells = vatCell(rows[i].cells, true, amount)
	}
	return rows
}
