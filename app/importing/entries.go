package importing

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// entriesImport reads entries in the column order of Val Compta's import
// (key, account, account label, journal, date, label, debit, credit, VAT),
// plus an optional piece number: one row per line. Its rules:
//   - accounts are normalised (normAccount) and created when missing;
//   - a charge or income line without a key takes the general key 001;
//   - the date must fall in an open exercise of the residence;
//   - rows without a journal get one from their entry (see inferJournal);
//   - lines balance per journal and date; they become one entry per piece
//     when each piece balances, else one entry per journal and date.
type entriesImport struct{}

func (entriesImport) identity() []string { return []string{fAccount} }

type entryRow struct {
	idx     int // in p.Rows
	row     int
	journal string
	date    time.Time
	piece   string
	label   string
	line    ledger.Line
}

type entriesData struct {
	rf      *importRefs
	entries []*ledger.Entry
}

func (entriesImport) plan(tx *ledger.Tx, p *Plan) error {
	rf, err := loadImportRefs(tx)
	if err != nil {
		return err
	}
	rows := make([]entryRow, 0, p.sh.RowCount()) // at most one per row, allocated once
	// Groups (journal and date) with a line whose amount, journal or date
	// could not be read are not said to be unbalanced: that line's own
	// problem comes first. An empty journal taints its whole day.
	tainted := map[taint]bool{}
	defaultedKeys, vat := 0, 0
	p.walk(func(rc *rowCtx) {
		er := entryRow{idx: rc.idx, row: rc.row}
		known := true // the row counts in the balance of its journal and date
		account, okA := rf.account(rc, fAccountLabel)
		er.line.Account = account
		if okA {
			er.line.Key, _ = rf.key(rc, account, &defaultedKeys)
		}
		if j := strings.ToUpper(rc.code(fJournal)); j != "" {
			er.journal = j
			rc.set(fJournal, j)
			if !rf.journals[j] {
				rc.fail(fJournal, "le journal « %s » n'existe pas (journaux : %s)", j, strings.Join(rf.journalCs, ", "))
				known = false
			}
		}
		if d, ok := rc.date(fDate); ok {
			if d.IsZero() {
				rc.fail(fDate, "la date est obligatoire")
			} else if !rf.checkDate(rc, d) {
				known = false
			}
			er.date = d
		}
		er.label = rc.text(fLabel)
		er.line.Label = er.label
		er.piece = rc.code(fPiece)
		debit, okD := rc.amount(fDebit)
		credit, okC := rc.amount(fCredit)
		known = known && okD && okC
		if okD && okC {
			if debit < 0 {
				rc.warn(fDebit, "montant négatif au débit : il est porté au crédit")
				debit, credit = 0, credit-debit
			}
			if credit < 0 {
				rc.warn(fCredit, "montant négatif au crédit : il est porté au débit")
				debit, credit = debit-credit, 0
			}
			switch {
			case debit == 0 && credit == 0:
				rc.fail("", "ni débit ni crédit : chaque ligne porte un montant au débit ou au crédit")
				known = false
			case debit != 0 && credit != 0:
				rc.fail(fCredit, "une ligne est au débit ou au crédit, pas les deux (débit %s, crédit %s)", debit, credit)
				known = false
			}
			rc.set(fDebit, amountOrBlank(debit))
			rc.set(fCredit, amountOrBlank(credit))
		}
		er.line.Debit, er.line.Credit = debit, credit
		// The VAT is kept as given (Val Compta's column), once checked: it
		// is part of a charge line's amount.
		if a, ok := rc.amount(fVAT); ok && a != 0 {
			switch {
			case a < 0:
				rc.fail(fVAT, "la TVA ne peut pas être négative (%s)", a)
			case ledger.AccountClass(account) != 6:
				rc.fail(fVAT, "la TVA ne se porte que sur une ligne de charge (compte de classe 6), pas sur le compte %s", account)
			case known && a > debit+credit:
				rc.fail(fVAT, "la TVA (%s) dépasse le montant TTC de la ligne (%s)", a, debit+credit)
			default:
				er.line.VAT = a
				vat++
			}
		}
		if ledger.AccountClass(account) == 6 {
			er.line.Recoverable = rf.recoverable[account]
		}
		switch {
		case er.date.IsZero():
		case known:
			rf.keep()
			rows = append(rows, er)
		default:
			tainted[taint{er.journal, er.date}] = true
		}
	})
	inferred := inferJournals(p, rows)
	d := &entriesData{rf: rf}
	d.entries = buildEntries(p, rows, tainted, "import:"+p.File)
	p.data = d
	for _, e := range d.entries {
		p.Report.Entries++
		p.Report.Lines += len(e.Lines)
	}
	rf.noteNewAccounts(p)
	rf.keyAliasNote(p)
	if defaultedKeys > 0 {
		p.note("La clé générale %s est attribuée à %s sans clé", rf.general, fr.Count(defaultedKeys, "ligne de charge ou de produit", "lignes de charges ou de produits"))
	}
	if inferred != "" {
		p.note("Journal déduit pour les lignes sans code journal : %s", inferred)
	}
	if vat > 0 {
		p.note("TVA conservée sur %s de charges (les comptes restent tenus TTC)", fr.Count(vat, "ligne", "lignes"))
	}
	if len(d.entries) == 0 && !p.Blocking() {
		p.failSheet("aucune ligne d'écriture à importer")
	}
	return nil
}

func hasBlocking(list []*Problem) bool {
	for _, e := range list {
		if !e.Warning {
			return true
		}
	}
	return false
}

func amountOrBlank(a ledger.Amount) string {
	if a == 0 {
		return ""
	}
	return a.Format()
}

// inferJournals gives a journal to rows without one. Val Compta decides
// line by line (6 or 401 credit: AC; 7, 450 credit or 401 debit: BQ; else
// OD), which splits a call (450 debit, 701 credit) over OD and BQ so that
// neither balances. Here the rule looks at the whole entry, the rows
// without journal of the same date and piece: a charge or a supplier
// credit makes it AC, else a bank or cash line (class 5) BQ, else OD. For
// the usual entries this is what Val Compta's rules mean (an interest or a
// receipt goes through the bank). It returns a summary for the report.
func inferJournals(p *Plan, rows []entryRow) string {
	type bucket struct {
		date  time.Time
		piece string
	}
	groups := map[bucket][]int{}
	var order []bucket
	for i, r := range rows {
		if r.journal != "" {
			continue
		}
		b := bucket{r.date, r.piece}
		if _, ok := groups[b]; !ok {
			order = append(order, b)
		}
		groups[b] = append(groups[b], i)
	}
	counts := map[string]int{}
	for _, b := range order {
		j := ledger.JournalMisc
		for _, i := range groups[b] {
			l := rows[i].line
			switch {
			case ledger.AccountClass(l.Account) == 6 || ledger.IsSupplierAccount(l.Account) && l.Credit > 0:
				j = ledger.JournalPurchases
			case ledger.AccountClass(l.Account) == 5 && j == ledger.JournalMisc:
				j = ledger.JournalBank
			}
		}
		for _, i := range groups[b] {
			rows[i].journal = j
			p.setRow(rows[i].idx, fJournal, j)
		}
		counts[j] += len(groups[b])
	}
	var parts []string
	for _, j := range []string{ledger.JournalPurchases, ledger.JournalBank, ledger.JournalMisc} {
		if counts[j] > 0 {
			parts = append(parts, fmt.Sprintf("%s pour %s", j, fr.Count(counts[j], "ligne", "lignes")))
		}
	}
	return strings.Join(parts, ", ")
}

// buildEntries groups rows by journal and date, checks that each group
// balances (a located problem otherwise) and makes the entries: one per
// piece when every piece of the group balances, else one for the group.
// taint is a journal and date (journal "" for the whole day).
type taint struct {
	journal string
	date    time.Time
}

func buildEntries(p *Plan, rows []entryRow, tainted map[taint]bool, origin string) []*ledger.Entry {
	type gkey struct {
		journal string
		date    time.Time
	}
	groups := map[gkey][]int{}
	var order []gkey
	for i, r := range rows {
		k := gkey{r.journal, r.date}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	var out []*ledger.Entry
	for _, k := range order {
		idx := groups[k]
		var debit, credit ledger.Amount
		for _, i := range idx {
			debit += rows[i].line.Debit
			credit += rows[i].line.Credit
		}
		first, last := rows[idx[0]].row, rows[idx[len(idx)-1]].row
		if tainted[taint{k.journal, k.date}] || tainted[taint{"", k.date}] {
			continue // a line of that day has no readable amount: its own problem comes first
		}
		if debit != credit {
			where := fmt.Sprintf("ligne %d", first)
			if len(idx) > 1 {
				where = fmt.Sprintf("%d lignes, de la ligne %d à la ligne %d", len(idx), first, last)
			}
			p.add(&Problem{Row: first, Msg: fmt.Sprintf("les lignes du journal %s du %s (%s) ne sont pas équilibrées : débit %s, crédit %s, écart %s",
				k.journal, ledger.FrenchDate(k.date), where, debit, credit, (debit - credit).Abs())})
			continue
		}
		if len(idx) < 2 {
			continue // a single line cannot balance unless zero, refused above
		}
		// Sub-groups by piece, in order of first appearance.
		pieces := map[string][]int{}
		var porder []string
		for _, i := range idx {
			pc := rows[i].piece
			if _, ok := pieces[pc]; !ok {
				porder = append(porder, pc)
			}
			pieces[pc] = append(pieces[pc], i)
		}
		split := len(porder) > 1
		for _, pc := range porder {
			var d, c ledger.Amount
			for _, i := range pieces[pc] {
				d += rows[i].line.Debit
				c += rows[i].line.Credit
			}
			if d != c || len(pieces[pc]) < 2 {
				split = false
			}
		}
		if !split {
			porder = []string{porder[0]}
			pieces = map[string][]int{porder[0]: idx}
		}
		for _, pc := range porder {
			members := pieces[pc]
			e := &ledger.Entry{Journal: k.journal, Date: k.date, Origin: origin}
			if split || samePiece(rows, members) {
				e.Piece = pc
			}
			for _, i := range members {
				if e.Label == "" {
					e.Label = rows[i].label
				}
				e.Lines = append(e.Lines, rows[i].line)
			}
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

func samePiece(rows []entryRow, members []int) bool {
	for _, i := range members[1:] {
		if rows[i].piece != rows[members[0]].piece {
			return false
		}
	}
	return true
}

func (entriesImport) apply(tx *ledger.Tx, p *Plan) error {
	d := p.data.(*entriesData)
	if err := d.rf.createAccounts(tx); err != nil {
		return err
	}
	// One call for all: the entries are posted as one by one, in grouped
	// statements (issue 22: 100,000 lines).
	return tx.PostEntries(d.entries)
}
