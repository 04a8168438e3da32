package app

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tantieme/ledger"
)

var (
	payRe    = regexp.MustCompile(`Montant (?:à payer, exigible|prélevé) le \d\d/\d\d/\d{4} (-?[\d ]+,\d\d) €`)
	creditRe = regexp.MustCompile(`Solde en votre faveur : rien à payer (-?[\d ]+,\d\d) €`)
)

// letterAmount reads what a notice asks: the amount to pay, or the credit
// it leaves (negative).
func letterAmount(t *testing.T, path string) ledger.Amount {
	t.Helper()
	text := fileText(t, path)
	if m := payRe.FindStringSubmatch(text); m != nil {
		a, err := ledger.ParseAmount(m[1])
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	if m := creditRe.FindStringSubmatch(text); m != nil {
		a, err := ledger.ParseAmount(m[1])
		if err != nil {
			t.Fatal(err)
		}
		return -a
	}
	if strings.Contains(text, "Montant à payer 0,00 €") {
		return 0
	}
	t.Fatalf("%s says no amount:\n%s", filepath.Base(path), text)
	return 0
}

// An owner who pays every letter of a batch pays exactly what he owes after
// it: the previous balance is not asked again on each letter (issue 13,
// item 1). Over every owner of the demo, with one owner far in credit and
// one in debt before the batch.
func TestBatchNoticesPayWhatIsOwed(t *testing.T) {
	r := writeDemo(t)
	first := ledger.Date(2026, 1, 1)
	err := r.Update(func(tx *ledger.Tx) error {
		// 450002 paid in advance more than two quarters; 450004 owes a bounced cheque.
		if err := tx.PostEntry(&ledger.Entry{Journal: "BQ", Date: first, Label: "Avance", Lines: []ledger.Line{
			{Account: "512001", Debit: 300000}, {Account: "450002", Credit: 300000}}}); err != nil {
			return err
		}
		return tx.PostEntry(&ledger.Entry{Journal: "BQ", Date: first, Label: "Chèque impayé", Lines: []ledger.Line{
			{Account: "450004", Debit: 12345}, {Account: "512001", Credit: 12345}}})
	})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	plan, err := r.PlanBudgetCalls(year(t, r, 2026), 4)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	posted, err := r.PostCalls(plan)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	files, err := r.WriteCallNotices(t.TempDir(), posted, NoticeOptions{Printed: letterDate, Statement: true})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if len(files) != 4 {
		t.Fatalf("%d due dates", len(files))
	}
	// The balance after the batch: the account on the first due date plus
	// the batch's later calls.
	after := map[string]ledger.Amount{}
	before := map[string]ledger.Amount{} // the account before the batch's first calls
	view(t, r, func(tx *ledger.Tx) error {
		bal, err := tx.OwnerBalances(first)
		if err != nil {
			return err
		}
		for o, b := range bal {
			after[o], before[o] = b, b
		}
		for _, c := range posted {
			full, err := tx.Call(c.ID)
			if err != nil {
				return err
			}
			for o, a := range full.OwnerTotals() {
				if c.Due.After(first) {
					after[o] += a
				} else {
					before[o] -= a
				}
			}
		}
		return nil
	})
	letters := map[string][]string{} // by owner, in due-date order
	for _, f := range files {
		for _, p := range f.Owners {
			account := strings.Split(filepath.Base(p), "_")[5]
			letters[account] = append(letters[account], p)
		}
	}
	if len(letters) < 10 {
		t.Fatalf("%d owners", len(letters))
	}
	var sawCredit, sawDebt bool
	for account, paths := range letters {
		var paid, last ledger.Amount
		for _, p := range paths {
			last = letterAmount(t, p)
			if last > 0 {
				paid += last
			}
		}
		want := max(after[account], 0)
		if paid != want {
			t.Errorf("%s: the %d letters ask %s in all, the balance after the batch is %s", account, len(paths), paid, after[account])
		}
		if after[account] < 0 && last != after[account] {
			t.Errorf("%s: the last letter leaves %s, the balance after the batch is %s", account, last, after[account])
		}
		sawCredit = sawCredit || account == "450002" && letterAmount(t, paths[0]) < 0
		sawDebt = sawDebt || account == "450004" && strings.Contains(fileText(t, paths[0]), "Solde antérieur (restant dû)")
	}
	if !sawCredit || !sawDebt {
		t.Errorf("the advance (%v) or the debt (%v) did not show on the first letters", sawCredit, sawDebt)
	}
	// Each letter says what its previous balance covers; its statement
	// explains that balance, before the batch.
	one := letters["450004"]
	for i, p := range one {
		if text := fileText(t, p); !strings.Contains(text, "Solde antérieur au 01/01/2026 "+before["450004"].Format()) || before["450004"] <= 12345 {
			t.Errorf("letter %d's statement does not end on the balance before the batch:\n%s", i+1, text)
		}
	}
	for i, want := range []string{
		"Solde antérieur : solde de votre compte au 01/01/2026, avant les appels de ce lot ; il n'est compté que sur cet avis, pas sur les avis du 01/04/2026, 01/07/2026 et 01/10/2026",
		"Votre solde antérieur figure sur l'avis du 01/01/2026 envoyé avec celui-ci",
	} {
		if text := fileText(t, one[i]); !strings.Contains(text, want) {
			t.Errorf("letter %d lacks %q:\n%s", i+1, want, text)
		}
	}
	if text := fileText(t, letters["450002"][1]); !strings.Contains(text, "Crédit restant après l'avis du 01/01/2026") {
		t.Errorf("450002's second letter does not bring the credit left:\n%s", text)
	}
}
