package app

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

func demoExercise(tb testing.TB, r *Residence) ledger.Exercise {
	tb.Helper()
	var ex ledger.Exercise
	view(tb, r, func(tx *ledger.Tx) (err error) { ex, err = tx.ExerciseOfYear(2025); return err })
	return ex
}

// pdfPageTexts extracts a PDF's text page by page with pdftotext -layout.
func pdfPageTexts(t *testing.T, pdf []byte) []string {
	return ledgertest.Pages(ledgertest.PDF(t, pdf, "-layout"))
}

// The formatting the PDFs do themselves (reports never imports the books)
// is the books' own.
func TestReportsFormatLikeTheBooks(t *testing.T) {
	for _, c := range []int64{0, 1, -1, 99, 100, 123456, -123456, 100000000, 9223372036854775807, -9223372036854775808} {
		if got, want := fr.Money(c), ledger.Amount(c).Format(); got != want {
			t.Errorf("fr.Money(%d) = %q, ledger says %q", c, got, want)
		}
	}
	for _, s := range []string{"0", "1", "12.5", "1000", "1234567.25", "-3"} {
		d := decimal.RequireFromString(s)
		if got, want := fr.Shares(d), fr.Shares(d); got != want {
			t.Errorf("fr.Shares(%s) = %q, FormatShares says %q", s, got, want)
		}
	}
}

func TestBookPeriodChecks(t *testing.T) {
	r := writeDemo(t)
	ex := demoExercise(t, r)
	for _, opt := range []BookOptions{
		{},
		{Exercise: ex, From: ledger.Date(2024, 12, 31)},
		{Exercise: ex, To: ledger.Date(2026, 1, 1)},
		{Exercise: ex, From: ledger.Date(2025, 6, 1), To: ledger.Date(2025, 5, 31)},
	} {
		if _, err := r.TrialBalance(opt); ledger.KindOf(err) != ledger.Invalid {
			t.Errorf("%v → %v, want an Invalid error", opt, err)
		}
	}
	if _, err := r.Journals(BookOptions{Exercise: ex, Journal: "ZZ"}); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("unknown journal: %v", err)
	}
	p := BookPeriod{Exercise: ex, From: ex.Start, To: ex.End}
	if p.Name() != "Exercice 2025 – du 01/01/2025 au 31/12/2025" || !p.Whole() || p.Opens() {
		t.Errorf("whole exercise: %q", p.Name())
	}
	p.From = ledger.Date(2025, 4, 1)
	if p.Name() != "Exercice 2025 – période du 01/04/2025 au 31/12/2025" || p.Whole() || !p.Opens() {
		t.Errorf("period: %q", p.Name())
	}
}

// Each journal's totals are the sums of its entries, the general journal's
// the sums of all the entries of the period, which the balance also counts.
func TestJournalTotals(t *testing.T) {
	r := writeDemo(t)
	ex := demoExercise(t, r)
	j, err := r.Journals(BookOptions{Exercise: ex})
	if err != nil {
		t.Fatal(err)
	}
	var all []ledger.Entry
	var tb []ledger.AccountBalance
	view(t, r, func(tx *ledger.Tx) (err error) {
		if all, err = tx.Entries(ledger.EntryFilter{From: ex.Start, To: ex.End}); err != nil {
			return err
		}
		tb, err = tx.TrialBalanceOf(ex)
		return err
	})
	var d, c ledger.Amount
	entries := 0
	for _, s := range j.Sections {
		var sd, sc ledger.Amount
		for _, e := range s.Entries {
			if e.Journal != s.Journal.Code {
				t.Errorf("entry %d of journal %s in section %s", e.ID, e.Journal, s.Journal.Code)
			}
			for _, l := range e.Lines {
				sd += l.Debit
				sc += l.Credit
			}
		}
		if sd != s.Debit || sc != s.Credit || s.Debit != s.Credit {
			t.Errorf("journal %s: totals %s / %s, lines add up to %s / %s", s.Journal.Code, s.Debit, s.Credit, sd, sc)
		}
		d += s.Debit
		c += s.Credit
		entries += len(s.Entries)
	}
	if d != j.Debit || c != j.Credit || entries != len(all) || len(j.Sections) != 3 {
		t.Errorf("general journal: %d sections, %d entries of %d, totals %s / %s vs %s / %s", len(j.Sections), entries, len(all), j.Debit, j.Credit, d, c)
	}
	var tbd, tbc ledger.Amount
	for _, b := range tb {
		tbd += b.Debit
		tbc += b.Credit
	}
	if tbd != j.Debit || tbc != j.Credit {
		t.Errorf("balance totals %s / %s, journal %s / %s", tbd, tbc, j.Debit, j.Credit)
	}
	// One journal over a quarter.
	q := BookOptions{Exercise: ex, Journal: "BQ", From: ledger.Date(2025, 4, 1), To: ledger.Date(2025, 6, 30)}
	bq, err := r.Journals(q)
	if err != nil {
		t.Fatal(err)
	}
	if len(bq.Sections) != 1 || bq.General || len(bq.Sections[0].Entries) == 0 {
		t.Fatalf("BQ: %+v", bq.Sections)
	}
	var qd ledger.Amount
	for _, e := range all {
		if e.Journal == "BQ" && !e.Date.Before(q.From) && !e.Date.After(q.To) {
			dd, _ := e.Totals()
			qd += dd
		}
	}
	if bq.Debit != qd {
		t.Errorf("BQ in Q2: %s, entries add up to %s", bq.Debit, qd)
	}

	pdf, err := r.JournalPDF(BookOptions{Exercise: ex, Printed: ledger.Date(2026, 1, 15)})
	if err != nil {
		t.Fatal(err)
	}
	ps := pdfPageTexts(t, pdf)
	for i, p := range ps {
		for _, want := range []string{DemoName, "Journal général", "Exercice 2025 – du 01/01/2025 au 31/12/2025", "Imprimé le 15/01/2026",
			fmt.Sprintf("Page %d / %d", i+1, len(ps))} {
			if !strings.Contains(p, want) {
				t.Errorf("journal page %d lacks %q", i+1, want)
			}
		}
	}
	text := strings.Join(ps, "\n")
	for _, s := range j.Sections {
		want := fmt.Sprintf("Total du journal %s (%d écritures)", s.Journal.Code, len(s.Entries))
		if !strings.Contains(text, want) {
			t.Errorf("journal lacks %q", want)
		}
	}
	for _, want := range []string{"Centralisation des journaux", "Total général", j.Debit.Format(), "janvier 2025"} {
		if !strings.Contains(text, want) {
			t.Errorf("journal lacks %q", want)
		}
	}
}

// The grand livre reads the entries' lines; the balance reads the books'
// day totals. Over the exercise and over a quarter, each account's closing
// balance in one is its balance in the other, and the movements agree.
func TestGeneralLedgerAgreesWithTrialBalance(t *testing.T) {
	r := writeDemo(t)
	ex := demoExercise(t, r)
	for _, opt := range []BookOptions{
		{Exercise: ex},
		{Exercise: ex, From: ledger.Date(2025, 4, 1), To: ledger.Date(2025, 6, 30)},
		{Exercise: ex, From: ledger.Date(2025, 10, 1), To: ledger.Date(2025, 10, 1)},
	} {
		g, err := r.GeneralLedger(opt)
		if err != nil {
			t.Fatal(err)
		}
		tb, err := r.TrialBalance(opt)
		if err != nil {
			t.Fatal(err)
		}
		name := g.Period.Name()
		rows := map[string]TrialRow{}
		for _, x := range tb.Rows {
			rows[x.Account] = x
		}
		if len(g.Accounts) != len(tb.Rows) {
			t.Errorf("%s: %d accounts in the grand livre, %d in the balance", name, len(g.Accounts), len(tb.Rows))
		}
		for _, a := range g.Accounts {
			x, ok := rows[a.Account]
			if !ok {
				t.Errorf("%s: %s is in the grand livre, not in the balance", name, a.Account)
				continue
			}
			if a.Closing != x.Balance() || a.Opening != x.Opening || a.TotalDebit != x.Debit || a.TotalCredit != x.Credit {
				t.Errorf("%s, %s: grand livre %s + %s − %s = %s; balance %s + %s − %s = %s", name, a.Account,
					a.Opening, a.TotalDebit, a.TotalCredit, a.Closing, x.Opening, x.Debit, x.Credit, x.Balance())
			}
			if n := len(a.Lines); n > 0 && a.Lines[n-1].Balance != a.Closing {
				t.Errorf("%s, %s: last running balance %s, closing %s", name, a.Account, a.Lines[n-1].Balance, a.Closing)
			}
		}
		d, c, bd, bc := tb.Totals()
		if d != g.Debit || c != g.Credit || d != c {
			t.Errorf("%s: movements %s / %s in the balance, %s / %s in the grand livre", name, d, c, g.Debit, g.Credit)
		}
		// The end balances balance too (debit balances = credit balances).
		if bd != bc {
			t.Errorf("%s: debit balances %s, credit balances %s", name, bd, bc)
		}
	}
	// The whole exercise is what `balance --year` prints.
	tb, err := r.TrialBalance(BookOptions{Exercise: ex})
	if err != nil {
		t.Fatal(err)
	}
	var cli []ledger.AccountBalance
	view(t, r, func(tx *ledger.Tx) (err error) { cli, err = tx.TrialBalanceOf(ex); return err })
	if len(cli) != len(tb.Rows) {
		t.Fatalf("%d rows, TrialBalanceOf has %d", len(tb.Rows), len(cli))
	}
	for i, b := range cli {
		x := tb.Rows[i]
		if x.Account != b.Account || x.Debit != b.Debit || x.Credit != b.Credit || x.Opening != 0 {
			t.Errorf("row %d: %+v, TrialBalanceOf %+v", i, x, b)
		}
	}

	pdf, err := r.GeneralLedgerPDF(BookOptions{Exercise: ex, From: ledger.Date(2025, 4, 1), To: ledger.Date(2025, 6, 30)})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfPageTexts(t, pdf), "\n")
	for _, want := range []string{"Grand livre", "période du 01/04/2025 au 30/06/2025", "Solde au 31/03/2025", "Solde au 30/06/2025", "512001 – Compte courant",
		"Total général des mouvements de la période"} {
		if !strings.Contains(text, want) {
			t.Errorf("grand livre lacks %q", want)
		}
	}
	pdf, err = r.TrialBalancePDF(BookOptions{Exercise: ex})
	if err != nil {
		t.Fatal(err)
	}
	d, c, bd, _ := tb.Totals()
	text = strings.Join(pdfPageTexts(t, pdf), "\n")
	for _, want := range []string{"Balance générale", "Total de la classe 4", "Total de la classe 6", "Total général", d.Format(), c.Format(), bd.Format()} {
		if !strings.Contains(text, want) {
			t.Errorf("balance lacks %q", want)
		}
	}
}

// The balance by key and the balance générale agree on every charge
// account, and the sections hold every keyed line.
func TestKeyBalanceAgreesWithTrialBalance(t *testing.T) {
	r := writeDemo(t)
	ex := demoExercise(t, r)
	k, err := r.KeyBalance(BookOptions{Exercise: ex})
	if err != nil {
		t.Fatal(err)
	}
	tb, err := r.TrialBalance(BookOptions{Exercise: ex})
	if err != nil {
		t.Fatal(err)
	}
	charges := 0
	for _, x := range tb.Rows {
		if ledger.AccountClass(x.Account) == 6 {
			charges++
		}
	}
	if !k.Agree() || len(k.Checks) != charges || charges == 0 {
		t.Errorf("agree %v, %d checks for %d charge accounts", k.Agree(), len(k.Checks), charges)
	}
	byAccount := map[string]ledger.Amount{}
	for _, s := range k.Keys {
		var d, c ledger.Amount
		for _, x := range s.Rows {
			d += x.Debit
			c += x.Credit
			byAccount[x.Account] += x.Balance()
		}
		if d != s.Debit || c != s.Credit {
			t.Errorf("key %s: totals %s / %s, rows %s / %s", s.Key.Code, s.Debit, s.Credit, d, c)
		}
	}
	for _, x := range tb.Rows {
		if ledger.AccountClass(x.Account) == 6 && byAccount[x.Account] != x.Debit-x.Credit {
			t.Errorf("%s: %s over the keys, %s in the balance", x.Account, byAccount[x.Account], x.Debit-x.Credit)
		}
	}
	if len(k.Keys) != 4 || k.Keys[0].Key.Code != "001" || k.Keys[0].Key.SumOfShares.String() != "1000" {
		t.Errorf("keys %+v", k.Keys)
	}
	// A difference is reported, not hidden.
	bad := KeyBalance{Checks: []KeyCheck{{Account: "601000", ByKeys: 100, General: 101}}}
	if bad.Agree() {
		t.Error("a difference is taken for agreement")
	}
	pdf, err := r.KeyBalancePDF(BookOptions{Exercise: ex})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfPageTexts(t, pdf), "\n")
	for _, want := range []string{"Balance par clé de répartition", "Clé 001 – Charges générales (1 000 tantièmes)", "Total de la clé 004",
		"Concordance avec la balance générale", "La balance par clé et la balance générale concordent."} {
		if !strings.Contains(text, want) {
			t.Errorf("balance par clé lacks %q", want)
		}
	}
}

// An owner's statement ends on his balance, as the owners list shows it.
func TestOwnerAccounts(t *testing.T) {
	r := writeDemo(t)
	ex := demoExercise(t, r)
	list, _, err := r.OwnerAccounts(BookOptions{Exercise: ex})
	if err != nil {
		t.Fatal(err)
	}
	var bal map[string]ledger.Amount
	view(t, r, func(tx *ledger.Tx) (err error) { bal, err = tx.OwnerBalances(ex.End); return err })
	if len(list) != 13 {
		t.Errorf("%d statements, want the 13 owners (the seller too)", len(list))
	}
	for _, o := range list {
		if o.Statement.Closing != bal[o.Owner.Account] {
			t.Errorf("%s: statement ends on %s, balance %s", o.Owner.Account, o.Statement.Closing, bal[o.Owner.Account])
		}
	}
	one, _, err := r.OwnerAccounts(BookOptions{Exercise: ex, Accounts: []string{demoLate}})
	if err != nil || len(one) != 1 || one[0].Statement.Closing <= 0 {
		t.Fatalf("the late payer's statement: %v, %d statements", err, len(one))
	}
	if _, _, err := r.OwnerAccounts(BookOptions{Exercise: ex, Accounts: []string{"450999"}}); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("unknown owner: %v", err)
	}
	pdf, err := r.OwnerAccountsPDF(BookOptions{Exercise: ex, Accounts: []string{demoLate}})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfPageTexts(t, pdf), "\n")
	for _, want := range []string{"M. Moreau Stéphane – compte 450004", "14 rue des Tilleuls", "Solde au 31/12/2025 (à payer)", bal[demoLate].Format() + " D"} {
		if !strings.Contains(text, want) {
			t.Errorf("statement lacks %q", want)
		}
	}
}
