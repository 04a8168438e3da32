package app

import (
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// The statutory books (journaux, grand livre, balance, balance par clé,
// relevés des copropriétaires) of one exercise, or of a period inside it.
//
// What a book of exercise N counts is what `balance --year N` counts: N's
// opening balances (journal AN, dated on its first day), its entries and its
// closing entries, never an earlier exercise again. An AN entry dated after
// the first day of the exercise is left out, as ledger.TrialBalance leaves
// it out (it would count a carried balance twice); the workflows never write
// one. A period that starts after the exercise brings the balances of the
// days before it forward as an opening line (grand livre) or column
// (balance), so its closing balances are those of the exercise at its end.

// BookOptions choose what a book covers.
type BookOptions struct {
	Exercise ledger.Exercise
	From, To time.Time // inside the exercise; zero: its first / last day
	Journal  string    // journals: one journal; "" for the general journal (all of them)
	Accounts []string  // owner statements: only these owners; nil for all
	Printed  time.Time // the print date on every page; zero: today
}

// BookPeriod is the span a book covers, inside one exercise.
type BookPeriod struct {
	Exercise ledger.Exercise
	From, To time.Time
}

// Whole says whether the period is the whole exercise.
func (p BookPeriod) Whole() bool { return p.From.Equal(p.Exercise.Start) && p.To.Equal(p.Exercise.End) }

// Opens says whether days of the exercise come before the period: their
// balances are brought forward.
func (p BookPeriod) Opens() bool { return p.From.After(p.Exercise.Start) }

// Name is how the books' page headers name the period: "Exercice 2025 –
// du 01/01/2025 au 31/12/2025", "Exercice 2025 – période du 01/04/2025 au
// 30/06/2025".
func (p BookPeriod) Name() string {
	s := "Exercice " + p.Exercise.Name()
	if !p.Whole() {
		return s + " – période du " + ledger.FrenchDate(p.From) + " au " + ledger.FrenchDate(p.To)
	}
	if !strings.Contains(p.Exercise.Name(), "/") {
		s += " – du " + ledger.FrenchDate(p.From) + " au " + ledger.FrenchDate(p.To)
	}
	return s
}

// period checks the options' dates against the exercise.
func (o BookOptions) period() (BookPeriod, error) {
	ex := o.Exercise
	if ex.Start.IsZero() {
		return BookPeriod{}, ledger.Errorf(ledger.Invalid, "Choisissez l'exercice du document")
	}
	p := BookPeriod{Exercise: ex, From: o.From, To: o.To}
	if p.From.IsZero() {
		p.From = ex.Start
	}
	if p.To.IsZero() {
		p.To = ex.End
	}
	if !ex.Contains(p.From) || !ex.Contains(p.To) {
		return BookPeriod{}, ledger.Errorf(ledger.Invalid, "La période du %s au %s doit être comprise dans l'exercice %s (du %s au %s)",
			ledger.FrenchDate(p.From), ledger.FrenchDate(p.To), ex.Name(), ledger.FrenchDate(ex.Start), ledger.FrenchDate(ex.End))
	}
	if p.To.Before(p.From) {
		return BookPeriod{}, ledger.Errorf(ledger.Invalid, "La fin de la période (%s) précède son début (%s)", ledger.FrenchDate(p.To), ledger.FrenchDate(p.From))
	}
	return p, nil
}

func (o BookOptions) printed() time.Time {
	if o.Printed.IsZero() {
		return ledger.Now()
	}
	return o.Printed
}

// PeriodEntries lists the entries of the period as the books count them
// (see the comment at the top of the file); the FEC counts them so too.
func PeriodEntries(tx *ledger.Tx, p BookPeriod, journal string) ([]ledger.Entry, error) {
	all, err := tx.Entries(ledger.EntryFilter{Journal: journal, From: p.From, To: p.To})
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, e := range all {
		if e.Journal == ledger.JournalOpening && e.Date.After(p.Exercise.Start) {
			continue
		}
		out = append(out, e)
	}
	return out, nil
}

// AccountLabels maps every account of the chart to its label.
func AccountLabels(tx *ledger.Tx) (map[string]string, error) {
	list, err := tx.Accounts()
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(list))
	for _, a := range list {
		out[a.Code] = a.Label
	}
	return out, nil
}

// Journals is the journal book of a period: one section per journal.
type Journals struct {
	Period   BookPeriod
	Sections []JournalSection
	Debit    ledger.Amount // all sections
	Credit   ledger.Amount
	Labels   map[string]string // account → label
	General  bool              // every journal (journal général)
}

// JournalSection is one journal's entries and totals.
type JournalSection struct {
	Journal ledger.Journal
	Entries []ledger.Entry
	Debit   ledger.Amount
	Credit  ledger.Amount
}

// Journals reads the journal book: opt.Journal alone, or every journal that
// has entries in the period (the journal général).
func (r *Residence) Journals(opt BookOptions) (Journals, error) {
	var j Journals
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		j, err = journals(tx, opt)
		return err
	})
	return j, err
}

func journals(tx *ledger.Tx, opt BookOptions) (Journals, error) {
	p, err := opt.period()
	if err != nil {
		return Journals{}, err
	}
	j := Journals{Period: p, General: opt.Journal == ""}
	list, err := tx.Journals()
	if err != nil {
		return j, err
	}
	if opt.Journal != "" {
		var found []ledger.Journal
		for _, jl := range list {
			if jl.Code == opt.Journal {
				found = append(found, jl)
			}
		}
		if len(found) == 0 {
			return j, ledger.Errorf(ledger.NotFound, "Le journal %s n'existe pas", opt.Journal)
		}
		list = found
	}
	entries, err := PeriodEntries(tx, p, opt.Journal)
	if err != nil {
		return j, err
	}
	byJournal := map[string][]ledger.Entry{}
	for _, e := range entries {
		byJournal[e.Journal] = append(byJournal[e.Journal], e)
	}
	for _, jl := range list {
		es := byJournal[jl.Code]
		if len(es) == 0 && opt.Journal == "" {
			continue
		}
		s := JournalSection{Journal: jl, Entries: es}
		for i := range es {
			d, c := es[i].Totals()
			s.Debit += d
			s.Credit += c
		}
		j.Debit += s.Debit
		j.Credit += s.Credit
		j.Sections = append(j.Sections, s)
	}
	j.Labels, err = AccountLabels(tx)
	return j, err
}

// JournalPDF prints the journal book: the general journal with its
// centralisation per journal and month, or one journal.
func (r *Residence) JournalPDF(opt BookOptions) ([]byte, error) {
	j, err := r.Journals(opt)
	if err != nil {
		return nil, err
	}
	head, err := r.bookHead(j.Period, opt, "journal")
	if err != nil {
		return nil, err
	}
	b := reports.JournalBook{BookHead: head, Title: "Journal général",
		Debit: j.Debit.Cents(), Credit: j.Credit.Cents()}
	if !j.General && len(j.Sections) == 1 {
		b.Title = "Journal " + j.Sections[0].Journal.Code + " – " + j.Sections[0].Journal.Label
	}
	for _, s := range j.Sections {
		rs := reports.JournalSection{Code: s.Journal.Code, Label: s.Journal.Label, Debit: s.Debit.Cents(), Credit: s.Credit.Cents()}
		for _, e := range s.Entries {
			re := reports.JournalEntry{Number: e.ID, Date: ledger.FrenchDate(e.Date), Piece: e.Piece, Label: e.Label}
			for _, l := range e.Lines {
				text := l.Label
				if text == "" {
					text = e.Label
				}
				re.Lines = append(re.Lines, reports.JournalLine{Account: l.Account, AccountLabel: j.Labels[l.Account], Label: text,
					Key: l.Key, Debit: l.Debit.Cents(), Credit: l.Credit.Cents(), VAT: l.VAT.Cents()})
				b.VAT = b.VAT || l.VAT != 0
			}
			rs.Entries = append(rs.Entries, re)
		}
		b.Journals = append(b.Journals, rs)
	}
	if j.General {
		b.Recap = j.centralisation()
	}
	pdf, err := reports.JournalPDF(b)
	return pdfResult(pdf, err, "le journal")
}

// centralisation sums each journal by month, then by journal, then all.
func (j Journals) centralisation() []reports.JournalRecapRow {
	var rows []reports.JournalRecapRow
	entries := 0
	for _, s := range j.Sections {
		type month struct {
			n    int
			d, c ledger.Amount
		}
		var months []time.Time
		sums := map[time.Time]*month{}
		for i := range s.Entries {
			e := &s.Entries[i]
			m := ledger.Date(e.Date.Year(), e.Date.Month(), 1)
			if sums[m] == nil {
				sums[m] = &month{}
				months = append(months, m)
			}
			d, c := e.Totals()
			sums[m].n++
			sums[m].d += d
			sums[m].c += c
		}
		for _, m := range months {
			rows = append(rows, reports.JournalRecapRow{Journal: s.Journal.Code, Label: s.Journal.Label, Month: MonthName(m),
				Entries: sums[m].n, Debit: sums[m].d.Cents(), Credit: sums[m].c.Cents()})
		}
		rows = append(rows, reports.JournalRecapRow{Journal: s.Journal.Code, Label: "Total " + s.Journal.Label, Entries: len(s.Entries),
			Debit: s.Debit.Cents(), Credit: s.Credit.Cents(), Strong: true})
		entries += len(s.Entries)
	}
	rows = append(rows, reports.JournalRecapRow{Label: "Total général", Entries: entries, Debit: j.Debit.Cents(), Credit: j.Credit.Cents(), Strong: true})
	return rows
}

// GeneralLedger is the grand livre of a period: each account moved (or
// carrying a balance brought forward) with its lines and running balance.
type GeneralLedger struct {
	Period   BookPeriod
	Accounts []ledger.Statement // Opening is the balance before the period
	Debit    ledger.Amount      // the period's lines, openings excluded
	Credit   ledger.Amount
}

// GeneralLedger reads the grand livre.
func (r *Residence) GeneralLedger(opt BookOptions) (GeneralLedger, error) {
	var g GeneralLedger
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		g, err = generalLedger(tx, opt)
		return err
	})
	return g, err
}

func generalLedger(tx *ledger.Tx, opt BookOptions) (GeneralLedger, error) {
	p, err := opt.period()
	if err != nil {
		return GeneralLedger{}, err
	}
	g := GeneralLedger{Period: p}
	openings, err := openingBalances(tx, p)
	if err != nil {
		return g, err
	}
	// The lines of PeriodEntries, read by account (its entries with all
	// their lines, sorted by SQLite, were most of the data's time).
	lines, err := tx.PeriodLines(p.From, p.To, p.Exercise.Start)
	if err != nil {
		return g, err
	}
	labels, err := AccountLabels(tx)
	if err != nil {
		return g, err
	}
	byAccount := map[string]*ledger.Statement{}
	get := func(acc string) *ledger.Statement {
		s := byAccount[acc]
		if s == nil {
			s = &ledger.Statement{Account: acc, Label: labels[acc], From: p.From, To: p.To, Opening: openings[acc]}
			byAccount[acc] = s
		}
		return s
	}
	for acc, bal := range openings {
		if bal != 0 {
			get(acc)
		}
	}
	for acc, l := range lines {
		get(acc).Lines = l
	}
	codes := make([]string, 0, len(byAccount))
	for acc := range byAccount {
		codes = append(codes, acc)
	}
	sort.Strings(codes)
	for _, acc := range codes {
		s := byAccount[acc]
		s.Settle()
		g.Debit += s.TotalDebit
		g.Credit += s.TotalCredit
		g.Accounts = append(g.Accounts, *s)
	}
	return g, nil
}

// openingBalances are the accounts' balances over the days of the
// exercise before the period (none when it starts with the exercise).
func openingBalances(tx *ledger.Tx, p BookPeriod) (map[string]ledger.Amount, error) {
	out := map[string]ledger.Amount{}
	if !p.Opens() {
		return out, nil
	}
	rows, err := tx.TrialBalance(p.Exercise.Start, p.From.AddDate(0, 0, -1))
	if err != nil {
		return nil, err
	}
	for _, b := range rows {
		out[b.Account] = b.Balance()
	}
	return out, nil
}

// GeneralLedgerPDF prints the grand livre.
func (r *Residence) GeneralLedgerPDF(opt BookOptions) ([]byte, error) {
	g, err := r.GeneralLedger(opt)
	if err != nil {
		return nil, err
	}
	head, err := r.bookHead(g.Period, opt, "grand livre")
	if err != nil {
		return nil, err
	}
	b := reports.GeneralLedgerBook{BookHead: head, Debit: g.Debit.Cents(), Credit: g.Credit.Cents()}
	for _, s := range g.Accounts {
		a := ledgerAccount(s, g.Period)
		for _, l := range a.Lines {
			b.VAT = b.VAT || l.VAT != 0
		}
		b.Accounts = append(b.Accounts, a)
	}
	pdf, err := reports.GeneralLedgerPDF(b)
	return pdfResult(pdf, err, "le grand livre")
}

func ledgerAccount(s ledger.Statement, p BookPeriod) reports.LedgerAccount {
	a := reports.LedgerAccount{Account: s.Account, Label: s.Label, Opening: s.Opening.Cents(), Debit: s.TotalDebit.Cents(),
		Credit: s.TotalCredit.Cents(), Closing: s.Closing.Cents(), ClosingLabel: "Solde au " + ledger.FrenchDate(p.To)}
	if s.Opening != 0 || p.Opens() {
		a.OpeningLabel = "Solde au " + ledger.FrenchDate(s.From.AddDate(0, 0, -1))
	}
	for _, l := range s.Lines {
		a.Lines = append(a.Lines, reports.LedgerLine{Date: ledger.FrenchDate(l.Date), Journal: l.Journal, Number: l.EntryID, Piece: l.Piece,
			Label: l.Label, Key: l.Key, Letter: l.Letter, Debit: l.Debit.Cents(), Credit: l.Credit.Cents(), Balance: l.Balance.Cents(), VAT: l.VAT.Cents()})
	}
	return a
}

// TrialBalance is the balance générale of a period.
type TrialBalance struct {
	Period BookPeriod
	Rows   []TrialRow // by account
}

// TrialRow is one account: its balance before the period (zero when the
// period is the whole exercise: the opening balances are then movements
// of journal AN), the period's debits and credits.
type TrialRow struct {
	Account, Label string
	Opening        ledger.Amount
	Debit, Credit  ledger.Amount
}

// Balance is the account's balance at the end of the period.
func (t TrialRow) Balance() ledger.Amount { return t.Opening + t.Debit - t.Credit }

// Totals adds up the rows: movements, and end balances on each side.
func (t TrialBalance) Totals() (debit, credit, balDebit, balCredit ledger.Amount) {
	for _, r := range t.Rows {
		debit += r.Debit
		credit += r.Credit
		if b := r.Balance(); b > 0 {
			balDebit += b
		} else {
			balCredit -= b
		}
	}
	return
}

// TrialBalance reads the balance générale. Movements come from the books'
// day totals (ledger.TrialBalance), not from the lines the grand livre
// reads: the two must agree, and the tests check that they do.
func (r *Residence) TrialBalance(opt BookOptions) (TrialBalance, error) {
	var t TrialBalance
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		t, err = trialBalance(tx, opt)
		return err
	})
	return t, err
}

func trialBalance(tx *ledger.Tx, opt BookOptions) (TrialBalance, error) {
	p, err := opt.period()
	if err != nil {
		return TrialBalance{}, err
	}
	t := TrialBalance{Period: p}
	// Up to the end of the period from the exercise's first day, less the
	// days before the period: both sums count AN the same way (from the
	// exercise's first day), which TrialBalance(From, To) would not.
	upTo, err := tx.TrialBalance(p.Exercise.Start, p.To)
	if err != nil {
		return t, err
	}
	var before []ledger.AccountBalance
	if p.Opens() {
		if before, err = tx.TrialBalance(p.Exercise.Start, p.From.AddDate(0, 0, -1)); err != nil {
			return t, err
		}
	}
	rows := map[string]*TrialRow{}
	var codes []string
	row := func(acc, label string) *TrialRow {
		if rows[acc] == nil {
			rows[acc] = &TrialRow{Account: acc, Label: label}
			codes = append(codes, acc)
		}
		return rows[acc]
	}
	for _, b := range before {
		x := row(b.Account, b.Label)
		x.Opening = b.Balance()
		x.Debit -= b.Debit
		x.Credit -= b.Credit
	}
	for _, b := range upTo {
		x := row(b.Account, b.Label)
		x.Debit += b.Debit
		x.Credit += b.Credit
	}
	sort.Strings(codes)
	for _, c := range codes {
		// An account that moved before the period only, back to zero,
		// has nothing to say about the period.
		if x := rows[c]; x.Opening != 0 || x.Debit != 0 || x.Credit != 0 {
			t.Rows = append(t.Rows, *x)
		}
	}
	return t, nil
}

// classLabels name the classes of the chart in the balance.
var classLabels = map[int]string{
	1: "Classe 1 – Provisions, avances, subventions et emprunts",
	4: "Classe 4 – Copropriétaires et tiers",
	5: "Classe 5 – Comptes financiers",
	6: "Classe 6 – Comptes de charges",
	7: "Classe 7 – Comptes de produits",
}

// TrialBalancePDF prints the balance générale with class sub-totals.
func (r *Residence) TrialBalancePDF(opt BookOptions) ([]byte, error) {
	t, err := r.TrialBalance(opt)
	if err != nil {
		return nil, err
	}
	head, err := r.bookHead(t.Period, opt, "balance générale")
	if err != nil {
		return nil, err
	}
	b := reports.TrialBalanceBook{BookHead: head}
	if t.Period.Opens() {
		b.OpeningLabel = "Solde au " + ledger.FrenchDate(t.Period.From.AddDate(0, 0, -1))
	}
	var class *reports.TrialClass
	for _, x := range t.Rows {
		c := ledger.AccountClass(x.Account)
		label := classLabels[c]
		if label == "" {
			label = "Classe " + x.Account[:1]
		}
		if class == nil || class.Label != label {
			b.Classes = append(b.Classes, reports.TrialClass{Label: label, Total: reports.TrialRow{Label: "Total de la classe " + x.Account[:1]}})
			class = &b.Classes[len(b.Classes)-1]
		}
		row := trialRow(x)
		class.Rows = append(class.Rows, row)
		addTrial(&class.Total, row)
		addTrial(&b.Total, row)
	}
	b.Total.Label = "Total général"
	pdf, err := reports.TrialBalancePDF(b)
	return pdfResult(pdf, err, "la balance")
}

func trialRow(x TrialRow) reports.TrialRow {
	row := reports.TrialRow{Account: x.Account, Label: x.Label, Opening: x.Opening.Cents(), Debit: x.Debit.Cents(),
		Credit: x.Credit.Cents(), Balance: x.Balance().Cents()}
	if row.Balance > 0 {
		row.BalanceDebit = row.Balance
	} else {
		row.BalanceCredit = -row.Balance
	}
	return row
}

func addTrial(total *reports.TrialRow, r reports.TrialRow) {
	total.Opening += r.Opening
	total.Debit += r.Debit
	total.Credit += r.Credit
	total.Balance += r.Balance
	total.BalanceDebit += r.BalanceDebit
	total.BalanceCredit += r.BalanceCredit
}

// KeyBalance is the balance par clé of a period, and its agreement with
// the balance générale.
type KeyBalance struct {
	Period BookPeriod
	Keys   []KeyBalanceSection
	// Checks compare, for each charge account (class 6: every line carries
	// a key), the sum over keys with the balance générale.
	Checks []KeyCheck
	// BeforeDistribution is set when the period holds the distribution
	// entries of the exercise's closing: both balances are then read
	// without them (see keyBalance).
	BeforeDistribution bool
}

// KeyBalanceSection is one key's accounts.
type KeyBalanceSection struct {
	Key    ledger.KeyTotal
	Rows   []ledger.KeyBalance
	Debit  ledger.Amount
	Credit ledger.Amount
}

// KeyCheck is one charge account in both balances.
type KeyCheck struct {
	Account, Label string
	ByKeys         ledger.Amount
	General        ledger.Amount
}

// Agree says whether both balances agree on every charge account.
func (k KeyBalance) Agree() bool {
	for _, c := range k.Checks {
		if c.ByKeys != c.General {
			return false
		}
	}
	return true
}

// KeyBalance reads the balance par clé.
func (r *Residence) KeyBalance(opt BookOptions) (KeyBalance, error) {
	var k KeyBalance
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		k, err = keyBalance(tx, opt)
		return err
	})
	return k, err
}

func keyBalance(tx *ledger.Tx, opt BookOptions) (KeyBalance, error) {
	p, err := opt.period()
	if err != nil {
		return KeyBalance{}, err
	}
	k := KeyBalance{Period: p}
	rows, err := tx.BalanceByKey(p.From, p.To)
	if err != nil {
		return k, err
	}
	// After the closing, its distribution entries bring every charge and
	// income account of every key back to zero: the balance would compare
	// zeros with zeros. The AG and the accountant check the charges and
	// income of the exercise per key as the closing found them, so both
	// balances are read before those entries.
	dist, err := tx.Entries(ledger.EntryFilter{From: p.From, To: p.To, Origin: ledger.DistributionOrigin(p.Exercise)})
	if err != nil {
		return k, err
	}
	undo := map[[2]string][2]ledger.Amount{} // (key, account) → debit, credit
	undoGeneral := map[string]ledger.Amount{}
	for _, e := range dist {
		k.BeforeDistribution = true
		for _, l := range e.Lines {
			undoGeneral[l.Account] += l.Debit - l.Credit
			if l.Key != "" {
				u := undo[[2]string{l.Key, l.Account}]
				undo[[2]string{l.Key, l.Account}] = [2]ledger.Amount{u[0] + l.Debit, u[1] + l.Credit}
			}
		}
	}
	if len(undo) > 0 {
		kept := rows[:0]
		for _, r := range rows {
			u := undo[[2]string{r.Key, r.Account}]
			r.Debit -= u[0]
			r.Credit -= u[1]
			if r.Debit != 0 || r.Credit != 0 {
				kept = append(kept, r)
			}
		}
		rows = kept
	}
	keys, err := tx.KeyTotals()
	if err != nil {
		return k, err
	}
	known := map[string]ledger.KeyTotal{}
	for _, kt := range keys {
		known[kt.Code] = kt
	}
	index := map[string]int{}
	byKeys := map[string]ledger.Amount{}
	for _, r := range rows {
		i, ok := index[r.Key]
		if !ok {
			kt, found := known[r.Key]
			if !found {
				kt = ledger.KeyTotal{Key: ledger.Key{Code: r.Key, Label: "(clé inconnue)"}}
			}
			i = len(k.Keys)
			index[r.Key] = i
			k.Keys = append(k.Keys, KeyBalanceSection{Key: kt})
		}
		s := &k.Keys[i]
		s.Rows = append(s.Rows, r)
		s.Debit += r.Debit
		s.Credit += r.Credit
		byKeys[r.Account] += r.Balance()
	}
	general, err := trialBalance(tx, opt)
	if err != nil {
		return k, err
	}
	for _, g := range general.Rows {
		if ledger.AccountClass(g.Account) != 6 {
			continue
		}
		k.Checks = append(k.Checks, KeyCheck{Account: g.Account, Label: g.Label, ByKeys: byKeys[g.Account],
			General: g.Debit - g.Credit - undoGeneral[g.Account]})
		delete(byKeys, g.Account)
	}
	// A class-6 amount on keys that the balance générale does not know
	// would be a broken file: show it rather than hide it.
	for acc, v := range byKeys {
		if ledger.AccountClass(acc) == 6 {
			k.Checks = append(k.Checks, KeyCheck{Account: acc, ByKeys: v})
		}
	}
	sort.Slice(k.Checks, func(a, b int) bool { return k.Checks[a].Account < k.Checks[b].Account })
	return k, nil
}

// KeyBalancePDF prints the balance par clé.
func (r *Residence) KeyBalancePDF(opt BookOptions) ([]byte, error) {
	k, err := r.KeyBalance(opt)
	if err != nil {
		return nil, err
	}
	head, err := r.bookHead(k.Period, opt, "balance par clé")
	if err != nil {
		return nil, err
	}
	b := reports.KeyBalanceBook{BookHead: head, Agree: k.Agree()}
	if k.BeforeDistribution {
		b.Note = "Exercice clôturé : balance avant les écritures de répartition de la clôture du " + ledger.FrenchDate(k.Period.Exercise.End) +
			", soit les charges et les produits de l'exercice par clé que la clôture a répartis entre les copropriétaires."
	}
	for _, s := range k.Keys {
		sec := reports.KeySection{Code: s.Key.Code, Label: s.Key.Label,
			Total: reports.TrialRow{Debit: s.Debit.Cents(), Credit: s.Credit.Cents(), Balance: (s.Debit - s.Credit).Cents()}}
		if !s.Key.SumOfShares.IsZero() {
			sec.Shares = fr.Shares(s.Key.SumOfShares)
		}
		for _, x := range s.Rows {
			sec.Rows = append(sec.Rows, reports.TrialRow{Account: x.Account, Label: x.Label, Debit: x.Debit.Cents(), Credit: x.Credit.Cents(), Balance: x.Balance().Cents()})
		}
		b.Keys = append(b.Keys, sec)
	}
	for _, c := range k.Checks {
		b.Checks = append(b.Checks, reports.KeyCheck{Account: c.Account, Label: c.Label, ByKeys: c.ByKeys.Cents(), General: c.General.Cents()})
	}
	pdf, err := reports.KeyBalancePDF(b)
	return pdfResult(pdf, err, "la balance par clé")
}

// OwnerAccount is an owner's account over a period, with his lots at its
// end.
type OwnerAccount struct {
	Owner     ledger.Owner
	Lots      []string
	Shares    decimal.Decimal // on key 001
	Statement ledger.Statement
}

// OwnerAccounts reads the statement of every owner whose account moved
// in the period or carries a balance (or of opt.Accounts only). The
// statement is the ledger's (ledger.AccountStatement): its opening balance
// is what the owner owed before the period, earlier exercises included
// while they are not closed, as on his card and his call notices.
func (r *Residence) OwnerAccounts(opt BookOptions) ([]OwnerAccount, BookPeriod, error) {
	var out []OwnerAccount
	var p BookPeriod
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		p, err = opt.period()
		if err != nil {
			return err
		}
		sums, err := ReadOwnerSummaries(tx, p.To)
		if err != nil {
			return err
		}
		wanted, missing := map[string]bool{}, map[string]bool{}
		for _, a := range opt.Accounts {
			wanted[a], missing[a] = true, true
		}
		var picked []OwnerSummary
		var accounts []string
		for _, s := range sums {
			if len(wanted) > 0 && !wanted[s.Account] {
				continue
			}
			delete(missing, s.Account)
			picked = append(picked, s)
			accounts = append(accounts, s.Account)
		}
		// One read for all the statements: one statement each was 600
		// passes over the period's entries for 600 owners.
		sts, err := tx.AccountStatements(accounts, p.From, p.To)
		if err != nil {
			return err
		}
		for i, s := range picked {
			st := sts[i]
			if len(wanted) == 0 && len(st.Lines) == 0 && st.Opening == 0 {
				continue
			}
			out = append(out, OwnerAccount{Owner: s.Owner, Lots: s.Lots, Shares: s.GeneralShares(), Statement: st})
		}
		for _, acc := range opt.Accounts {
			if missing[acc] {
				return ledger.Errorf(ledger.NotFound, "Le copropriétaire %s n'existe pas", acc)
			}
		}
		return nil
	})
	return out, p, err
}

// OwnerAccountsPDF prints the owners' statements, each on its own pages.
func (r *Residence) OwnerAccountsPDF(opt BookOptions) ([]byte, error) {
	list, p, err := r.OwnerAccounts(opt)
	if err != nil {
		return nil, err
	}
	head, err := r.bookHead(p, opt, "comptes des copropriétaires")
	if err != nil {
		return nil, err
	}
	b := reports.OwnerAccountsBook{BookHead: head}
	for _, o := range list {
		b.Owners = append(b.Owners, ownerAccountReport(o, p))
	}
	pdf, err := reports.OwnerAccountsPDF(b)
	return pdfResult(pdf, err, "les relevés de compte")
}

// ownerAccountReport is an owner's statement as printed.
func ownerAccountReport(o OwnerAccount, p BookPeriod) reports.OwnerAccount {
	st := reports.OwnerAccount{LedgerAccount: ledgerAccount(o.Statement, p), Name: o.Owner.DisplayName(), Address: postalLines(o.Owner), Owes: owedWord(o.Statement.Closing)}
	if len(o.Lots) > 0 {
		st.Lots = "Lots " + strings.Join(o.Lots, ", ") + " au " + ledger.FrenchDate(p.To)
		if !o.Shares.IsZero() {
			st.Lots += " – " + fr.Shares(o.Shares) + " tantièmes généraux"
		}
	}
	return st
}

// owedWord says what an owner's balance means for him.
func owedWord(a ledger.Amount) string {
	switch {
	case a > 0:
		return "à payer"
	case a < 0:
		return "en sa faveur"
	}
	return "soldé"
}

// postalLines are an owner's address as printed: street lines, zip and
// city, and the country when there is one.
func postalLines(o ledger.Owner) []string {
	var out []string
	for _, l := range strings.Split(o.Address, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	if city := strings.TrimSpace(strings.TrimSpace(o.Zip) + " " + strings.TrimSpace(o.City)); city != "" {
		out = append(out, city)
	}
	if c := strings.TrimSpace(o.Country); c != "" && !strings.EqualFold(c, "France") {
		out = append(out, strings.ToUpper(c))
	}
	return out
}

// bookHead is the head of every page of a book about period p, with the
// books' fingerprint now (remembered on this computer as printed on what).
func (r *Residence) bookHead(p BookPeriod, opt BookOptions, what string) (reports.BookHead, error) {
	h := reports.BookHead{Period: p.Name(), Printed: opt.printed()}
	err := r.View(func(tx *ledger.Tx) error {
		res, err := tx.Residence()
		if err != nil {
			return err
		}
		h.Residence = res.Name
		h.Fingerprint, err = FingerprintText(tx, p.Exercise)
		return err
	})
	if err == nil {
		r.NoteFingerprint(p.Exercise, what)
	}
	return h, err
}

func (r *Residence) residenceName() (string, error) {
	var name string
	err := r.View(func(tx *ledger.Tx) error {
		res, err := tx.Residence()
		name = res.Name
		return err
	})
	return name, err
}

// pdfResult turns a layout failure into an error for the user.
func pdfResult(pdf []byte, err error, what string) ([]byte, error) {
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "La mise en page de %s a échoué", what)
	}
	return pdf, nil
}
