package app_test

import (
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/closing"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// The books are evidence: no text of theirs is cut. For each book of the
// demo's closed exercise, pdftotext finds no ellipsis, and every word of
// every label, account label, piece and owner's name appears in the PDF at
// least as many times as the books hold it (a cut « MLA-MRI-4471… » or
// « Solde au 31/12/2025 (en sa fa… » loses words).
func TestBooksPrintTextsWhole(t *testing.T) {
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	p, err := closing.Prepare(r, ex, closing.Options{OwnersAt: ledger.Date(2026, 3, 1)})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := closing.Post(r, p); err != nil {
		t.Fatal(ledger.Message(err))
	}
	opt := app.BookOptions{Exercise: apptest.Year(t, r, 2025)}
	for _, c := range []struct {
		name  string
		pdf   func(app.BookOptions) ([]byte, error)
		texts func(t *testing.T) []string
	}{
		{"journal", r.JournalPDF, func(t *testing.T) []string {
			j, err := r.Journals(opt)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, s := range j.Sections {
				for _, e := range s.Entries {
					out = append(out, e.Piece)
					for _, l := range e.Lines {
						text := l.Label
						if text == "" {
							text = e.Label
						}
						out = append(out, text, j.Labels[l.Account])
					}
				}
			}
			return out
		}},
		{"grand livre", r.GeneralLedgerPDF, func(t *testing.T) []string {
			g, err := r.GeneralLedger(opt)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, a := range g.Accounts {
				out = append(out, a.Label)
				for _, l := range a.Lines {
					out = append(out, l.Piece, l.Label)
				}
			}
			return out
		}},
		{"balance", r.TrialBalancePDF, func(t *testing.T) []string {
			b, err := r.TrialBalance(opt)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, x := range b.Rows {
				out = append(out, x.Label)
			}
			return out
		}},
		{"balance par clé", r.KeyBalancePDF, func(t *testing.T) []string {
			k, err := r.KeyBalance(opt)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, s := range k.Keys {
				out = append(out, s.Key.Label)
				for _, x := range s.Rows {
					out = append(out, x.Label)
				}
			}
			for _, c := range k.Checks {
				out = append(out, c.Label)
			}
			return out
		}},
		{"relevés", r.OwnerAccountsPDF, func(t *testing.T) []string {
			list, _, err := r.OwnerAccounts(opt)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, o := range list {
				out = append(out, o.Owner.DisplayName(), "Solde au 31/12/2025 ("+app.OwedWord(o.Statement.Closing)+")")
				for _, l := range o.Statement.Lines {
					out = append(out, l.Piece, l.Label)
				}
			}
			return out
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			pdf, err := c.pdf(opt)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(ledgertest.Pages(ledgertest.PDF(t, pdf, "-layout")), "\n")
			if n := strings.Count(text, "…"); n > 0 {
				t.Errorf("%d texts cut with « … »", n)
			}
			printed := wordCounts(text)
			want := wordCounts(strings.Join(c.texts(t), "\n"))
			if len(want) == 0 {
				t.Fatal("no text to look for")
			}
			for w, n := range want {
				if printed[w] < n {
					t.Errorf("%q printed %d times, the book holds it %d times", w, printed[w], n)
				}
			}
		})
	}
}

// wordCounts counts the words of text. A hyphen ends a word: a long name
// wraps after its hyphen (« Jean- » / « Luc ») and stays whole.
func wordCounts(text string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.Fields(strings.ReplaceAll(text, "-", "- ")) {
		out[w]++
	}
	return out
}

// After the closing, the balance par clé is the one the closing found: its
// distribution entries, which bring every key's accounts back to zero,
// are left out of both balances, and the book says so.
func TestKeyBalanceBeforeDistribution(t *testing.T) {
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	before, err := r.KeyBalance(app.BookOptions{Exercise: ex})
	if err != nil {
		t.Fatal(err)
	}
	p, err := closing.Prepare(r, ex, closing.Options{OwnersAt: ledger.Date(2026, 3, 1)})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := closing.Post(r, p); err != nil {
		t.Fatal(ledger.Message(err))
	}
	opt := app.BookOptions{Exercise: apptest.Year(t, r, 2025)}
	after, err := r.KeyBalance(opt)
	if err != nil {
		t.Fatal(err)
	}
	if before.BeforeDistribution || !after.BeforeDistribution {
		t.Errorf("before distribution: %v before the closing, %v after", before.BeforeDistribution, after.BeforeDistribution)
	}
	if len(after.Keys) != len(before.Keys) || len(before.Keys) == 0 {
		t.Fatalf("%d keys after the closing, %d before", len(after.Keys), len(before.Keys))
	}
	for i, s := range before.Keys {
		a := after.Keys[i]
		if a.Key.Code != s.Key.Code || a.Debit != s.Debit || a.Credit != s.Credit || len(a.Rows) != len(s.Rows) {
			t.Errorf("key %s: %s / %s on %d accounts after the closing, %s / %s on %d before",
				s.Key.Code, a.Debit, a.Credit, len(a.Rows), s.Debit, s.Credit, len(s.Rows))
			continue
		}
		for j := range s.Rows {
			if a.Rows[j] != s.Rows[j] {
				t.Errorf("key %s: %+v after the closing, %+v before", s.Key.Code, a.Rows[j], s.Rows[j])
			}
		}
	}
	if !after.Agree() || len(after.Checks) != len(before.Checks) {
		t.Errorf("agree %v, %d checks (%d before)", after.Agree(), len(after.Checks), len(before.Checks))
	}
	for i, c := range before.Checks {
		if after.Checks[i] != c || c.General == 0 {
			t.Errorf("check %+v after the closing, %+v before", after.Checks[i], c)
		}
	}
	pdf, err := r.KeyBalancePDF(opt)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(ledgertest.Pages(ledgertest.PDF(t, pdf, "-layout")), "\n")
	for _, want := range []string{"balance avant les écritures de répartition de la clôture du 31/12/2025",
		"Total de la clé 001", before.Keys[0].Debit.Format(), before.Keys[0].Credit.Format()} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("the balance par clé lacks %q", want)
		}
	}
}
