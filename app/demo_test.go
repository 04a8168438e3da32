package app

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
)

func writeDemo(tb testing.TB) *Residence {
	tb.Helper()
	r, err := WriteDemo(filepath.Join(tb.TempDir(), DemoName+".copro"))
	if err != nil {
		tb.Fatalf("WriteDemo: %v", err)
	}
	tb.Cleanup(func() { r.Close() })
	return r
}

func view(tb testing.TB, r *Residence, fn func(tx *ledger.Tx) error) {
	tb.Helper()
	if err := r.View(fn); err != nil {
		tb.Fatal(err)
	}
}

func TestDemoChecksClean(t *testing.T) {
	r := writeDemo(t)
	problems, err := r.Check(true)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("Check: %s", p)
	}
}

func TestDemoReferenceData(t *testing.T) {
	r := writeDemo(t)
	view(t, r, func(tx *ledger.Tx) error {
		owners, err := tx.Owners()
		if err != nil {
			return err
		}
		lots, err := tx.Lots()
		if err != nil {
			return err
		}
		totals, err := tx.KeyTotals()
		if err != nil {
			return err
		}
		if len(owners) < 12 || len(lots) < 20 || len(totals) != 4 {
			t.Errorf("%d owners, %d lots, %d keys; want ≥ 12, ≥ 20, 4", len(owners), len(lots), len(totals))
		}
		for _, k := range totals {
			if !k.Matches() || k.DeclaredTotal.IsZero() {
				t.Errorf("key %s: declared %s, sum of shares %s", k.Code, k.DeclaredTotal, k.SumOfShares)
			}
		}
		council := 0
		for _, o := range owners {
			if o.Council {
				council++
			}
		}
		if council != 2 {
			t.Errorf("%d council members, want 2", council)
		}

		// Lift shares only above the ground floor of building A; building B
		// shares only in building B; water only for flats.
		shares, err := tx.Shares()
		if err != nil {
			return err
		}
		byLot := map[string]ledger.Lot{}
		for _, l := range lots {
			byLot[l.Number] = l
		}
		for _, s := range shares {
			l := byLot[s.Lot]
			switch {
			case s.Key == "002" && (l.Type != "Appartement" || l.Building != "A" || l.Floor == "RDC"),
				s.Key == "003" && l.Building != "B",
				s.Key == "004" && l.Type != "Appartement":
				t.Errorf("lot %s (%s, bât. %s, %s) has shares on key %s", l.Number, l.Type, l.Building, l.Floor, s.Key)
			}
		}

		banks, err := tx.BankAccounts()
		if err != nil {
			return err
		}
		suppliers, err := tx.Suppliers()
		if err != nil {
			return err
		}
		if len(banks) != 2 || len(suppliers) < 6 {
			t.Errorf("%d bank accounts, %d suppliers", len(banks), len(suppliers))
		}
		ibans := 0
		for _, b := range banks {
			checkIBAN(t, b.IBAN)
			ibans++
		}
		for _, s := range suppliers {
			if s.IBAN != "" {
				checkIBAN(t, s.IBAN)
				ibans++
			}
		}
		if ibans < 8 {
			t.Errorf("only %d IBANs", ibans)
		}

		// The works fund is at least 5 % of the budget, and later budgets
		// are set too.
		for _, y := range []int{2025, 2026, 2027} {
			ex, err := tx.ExerciseOfYear(y)
			if err != nil {
				return err
			}
			budget, err := tx.Budget(ex.ID)
			if err != nil {
				return err
			}
			var total ledger.Amount
			for _, b := range budget {
				total += b.Amount
			}
			if total < 4000000 || total > 6000000 {
				t.Errorf("budget %d: %s, want 40 to 60 k€", y, total)
			}
			if y == 2025 {
				tb, err := tx.TrialBalanceOf(ex)
				if err != nil {
					return err
				}
				for _, b := range tb {
					if b.Account == "105000" && b.Credit*100 < total*5 {
						t.Errorf("works fund %s below 5 %% of the budget %s", b.Credit, total)
					}
				}
			}
		}
		return nil
	})
}

// checkIBAN checks the ISO 13616 key and, for French IBANs, the RIB key.
func checkIBAN(t *testing.T, iban string) {
	t.Helper()
	if len(iban) != 27 || !strings.HasPrefix(iban, "FR") {
		t.Errorf("IBAN %q: not a French IBAN", iban)
		return
	}
	mod := 0
	for _, c := range iban[4:] + iban[:4] {
		switch {
		case c >= '0' && c <= '9':
			mod = (mod*10 + int(c-'0')) % 97
		default:
			mod = (mod*100 + int(c-'A') + 10) % 97
		}
	}
	if mod != 1 {
		t.Errorf("IBAN %s: wrong check digits", iban)
	}
	// RIB key: 89·bank + 15·branch + 3·account + key ≡ 0 (mod 97).
	num := func(s string) int {
		n := 0
		for _, c := range s {
			n = (n*10 + int(c-'0')) % 97
		}
		return n
	}
	b, g, a, k := num(iban[4:9]), num(iban[9:14]), num(iban[14:25]), num(iban[25:27])
	if (89*b+15*g+3*a+k)%97 != 0 {
		t.Errorf("IBAN %s: wrong RIB key", iban)
	}
}

func TestDemoBooks(t *testing.T) {
	r := writeDemo(t)
	view(t, r, func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		tb, err := tx.TrialBalanceOf(ex)
		if err != nil {
			return err
		}
		var debit, credit ledger.Amount
		moved := map[string]bool{}
		for _, b := range tb {
			debit += b.Debit
			credit += b.Credit
			for _, p := range []string{"450", "512", "401", "6", "7"} {
				if strings.HasPrefix(b.Account, p) {
					moved[p] = true
				}
			}
		}
		if debit != credit {
			t.Errorf("trial balance: debit %s, credit %s", debit, credit)
		}
		if len(moved) != 5 {
			t.Errorf("movements only on %v", moved)
		}

		budget, err := tx.Budget(ex.ID)
		if err != nil {
			return err
		}
		keyTotals := map[string]ledger.Amount{}
		for _, b := range budget {
			keyTotals[b.Key] += b.Amount
		}
		calls, err := tx.Entries(ledger.EntryFilter{Origin: "call:"})
		if err != nil {
			return err
		}
		if len(calls) != 4 {
			t.Fatalf("%d calls, want 4", len(calls))
		}
		for q, c := range calls {
			var owners, provisions ledger.Amount
			debited := map[string]bool{}
			for _, l := range c.Lines {
				switch {
				case strings.HasPrefix(l.Account, "450"):
					owners += l.Debit - l.Credit
					debited[l.Account] = true
				case l.Account == "701000":
					provisions += l.Credit
					if want := ledger.SplitEven(keyTotals[l.Key], 4)[q]; l.Credit != want {
						t.Errorf("call %s key %s: %s, want %s", ledger.ISO(c.Date), l.Key, l.Credit, want)
					}
				default:
					t.Errorf("call %s: line on %s", ledger.ISO(c.Date), l.Account)
				}
			}
			if owners != provisions || provisions == 0 {
				t.Errorf("call %s: owners %s, 701 %s", ledger.ISO(c.Date), owners, provisions)
			}
			beforeSale := c.Date.Before(demoSale)
			if debited[DemoSeller] != beforeSale || debited[DemoBuyer] == beforeSale {
				t.Errorf("call %s: seller called %v, buyer called %v", ledger.ISO(c.Date), debited[DemoSeller], debited[DemoBuyer])
			}
		}
		funds, err := tx.Entries(ledger.EntryFilter{Origin: "fund:"})
		if err != nil {
			return err
		}
		if len(funds) != 4 {
			t.Errorf("%d works fund calls, want 4", len(funds))
		}
		for _, c := range funds {
			var owners, fund ledger.Amount
			debited := map[string]bool{}
			for _, l := range c.Lines {
				if strings.HasPrefix(l.Account, "450") {
					owners += l.Debit
					debited[l.Account] = true
				} else if l.Account == "105000" {
					fund += l.Credit
				}
			}
			if owners != fund || fund == 0 {
				t.Errorf("fund call %s: owners %s, 105 %s", ledger.ISO(c.Date), owners, fund)
			}
			beforeSale := c.Date.Before(demoSale)
			if debited[DemoSeller] != beforeSale || debited[DemoBuyer] == beforeSale {
				t.Errorf("fund call %s: seller called %v, buyer called %v", ledger.ISO(c.Date), debited[DemoSeller], debited[DemoBuyer])
			}
		}

		balances, err := tx.OwnerBalances(ex.End)
		if err != nil {
			return err
		}
		for acc, bal := range balances {
			switch acc {
			case demoLate:
				if bal <= 0 {
					t.Errorf("late payer %s: balance %s", acc, bal)
				}
			case demoTwice:
				if bal >= 0 {
					t.Errorf("double payer %s: balance %s", acc, bal)
				}
			default:
				if bal != 0 {
					t.Errorf("owner %s: balance %s, want 0", acc, bal)
				}
			}
		}

		// The current account never goes below zero.
		st, err := tx.AccountStatement(demoBank, ex.Start, ex.End)
		if err != nil {
			return err
		}
		for _, l := range st.Lines {
			if l.Balance < 0 {
				t.Errorf("bank overdrawn on %s: %s (%s)", ledger.ISO(l.Date), l.Balance, l.Label)
				break
			}
		}
		return nil
	})
}

func TestDemoSale(t *testing.T) {
	r := writeDemo(t)
	view(t, r, func(tx *ledger.Tx) error {
		before, err := tx.OwnersAt(demoSale.AddDate(0, 0, -1))
		if err != nil {
			return err
		}
		after, err := tx.OwnersAt(demoSale)
		if err != nil {
			return err
		}
		for _, lot := range demoSold {
			if before[lot] != DemoSeller || after[lot] != DemoBuyer {
				t.Errorf("lot %s: %s then %s", lot, before[lot], after[lot])
			}
		}
		for lot, o := range after {
			if o == DemoSeller {
				t.Errorf("seller still owns lot %s", lot)
			}
		}
		seller, err := tx.Owner(DemoSeller)
		if err != nil {
			return err
		}
		if !seller.ExitDate.Equal(demoSale) {
			t.Errorf("seller's exit date %s", ledger.ISO(seller.ExitDate))
		}
		return nil
	})
}

type demoSnapshot struct {
	Trial    []ledger.AccountBalance
	ByKey    []ledger.KeyBalance
	Owners   map[string]ledger.Amount
	Entries  []ledger.Entry
	Shares   []ledger.Share
	Lots     []ledger.Lot
	Owners2  []ledger.Owner
	Supplier []ledger.Supplier
}

func snapshot(t *testing.T, r *Residence) demoSnapshot {
	var s demoSnapshot
	view(t, r, func(tx *ledger.Tx) error {
		var err error
		from, to := ledger.Date(2025, 1, 1), ledger.Date(2027, 12, 31)
		if s.Trial, err = tx.TrialBalance(from, to); err != nil {
			return err
		}
		if s.ByKey, err = tx.BalanceByKey(from, to); err != nil {
			return err
		}
		if s.Owners, err = tx.OwnerBalances(ledger.Date(2025, 12, 31)); err != nil {
			return err
		}
		if s.Entries, err = tx.Entries(ledger.EntryFilter{}); err != nil {
			return err
		}
		if s.Shares, err = tx.Shares(); err != nil {
			return err
		}
		if s.Lots, err = tx.Lots(); err != nil {
			return err
		}
		if s.Owners2, err = tx.Owners(); err != nil {
			return err
		}
		s.Supplier, err = tx.Suppliers()
		return err
	})
	return s
}

func TestDemoDeterministic(t *testing.T) {
	a, b := snapshot(t, writeDemo(t)), snapshot(t, writeDemo(t))
	if !reflect.DeepEqual(a, b) {
		t.Error("two demos differ")
	}
	if len(a.Entries) < 100 {
		t.Errorf("only %d entries", len(a.Entries))
	}
}

func TestDemoRefusesExistingFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "déjà là.copro")
	content := []byte("not a residence, and not to be touched")
	if err := os.WriteFile(file, content, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := WriteDemo(file)
	if err == nil {
		r.Close()
		t.Fatal("WriteDemo overwrote an existing file")
	}
	if ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("error kind %v, want Conflict: %v", ledger.KindOf(err), err)
	}
	if got, _ := os.ReadFile(file); string(got) != string(content) {
		t.Errorf("existing file changed: %q", got)
	}

	// An existing demo is refused too, and stays whole.
	demo := filepath.Join(t.TempDir(), "demo.copro")
	r, err = WriteDemo(demo)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	if _, err := WriteDemo(demo); ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("second WriteDemo on the same file: %v", err)
	}
	r, err = Open(demo)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if p, err := r.Check(true); err != nil || len(p) != 0 {
		t.Errorf("demo after a refused overwrite: %v %v", p, err)
	}
}

func TestFrenchIBAN(t *testing.T) {
	// The example RIB of the French banking federation's documentation.
	if got, want := frenchIBAN("30006", "00001", "12345678901"), "FR7630006000011234567890189"; got != want {
		t.Errorf("frenchIBAN = %s, want %s", got, want)
	}
}

// TestDemoSummary logs what the demo holds (go test -run Summary -v).
func TestDemoSummary(t *testing.T) {
	start := time.Now()
	r := writeDemo(t)
	t.Logf("generated in %v", time.Since(start))
	view(t, r, func(tx *ledger.Tx) error {
		ex, _ := tx.ExerciseOfYear(2025)
		budget, _ := tx.Budget(ex.ID)
		perKey := map[string]ledger.Amount{}
		var total ledger.Amount
		for _, b := range budget {
			perKey[b.Key] += b.Amount
			total += b.Amount
		}
		t.Logf("budget 2025: %s %v", total, perKey)
		calls, _ := tx.Entries(ledger.EntryFilter{Origin: "call:"})
		for _, c := range calls {
			d, _ := c.Totals()
			t.Logf("call %s %s %s: %s", c.Piece, ledger.ISO(c.Date), c.Label, d)
		}
		funds, _ := tx.Entries(ledger.EntryFilter{Origin: "fund:"})
		for _, c := range funds {
			d, _ := c.Totals()
			t.Logf("fund %s %s: %s", c.Piece, ledger.ISO(c.Date), d)
		}
		all, _ := tx.Entries(ledger.EntryFilter{})
		t.Logf("%d entries", len(all))
		sums, _ := ReadOwnerSummaries(tx, ex.End)
		for _, s := range sums {
			t.Logf("%s %-40s lots %-12s 001=%-4s balance %s", s.Account, s.DisplayName(), strings.Join(s.Lots, ","), s.GeneralShares(), s.Balance)
		}
		tb, _ := tx.TrialBalanceOf(ex)
		for _, b := range tb {
			t.Logf("%s %-45s %12s %12s %12s", b.Account, b.Label, b.Debit.Format(), b.Credit.Format(), b.Balance().Format())
		}
		return nil
	})
}
