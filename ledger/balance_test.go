package ledger_test

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"tantieme/ledger"
)

func sumTrial(list []ledger.AccountBalance) (d, c ledger.Amount) {
	for _, b := range list {
		d += b.Debit
		c += b.Credit
	}
	return d, c
}

// post2025 writes a year of books: a call, a receipt, an invoice on two
// keys and its payment, then the year-end distribution (DOMAIN §6) dated
// 2025-12-31. Owner balances at the end: see end2025.
func post2025(t *testing.T, db *ledger.DB) {
	t.Helper()
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for _, e := range []*ledger.Entry{
			entry("2025-01-01", "OD", "A0001", dr("450001", "", "400"), dr("450002", "", "300"), dr("450003", "", "300"), cr("701000", "001", "1000")),
			entry("2025-01-20", "BQ", "R1", dr("512001", "", "400"), cr("450001", "", "400")),
			entry("2025-03-05", "AC", "F1", dr("601000", "001", "250"), dr("614000", "002", "50"), cr("401000", "", "300")),
			entry("2025-04-10", "BQ", "P1", dr("401000", "", "300"), cr("512001", "", "300")),
			// Closing: 601000 (key 001: 250 × 400/300/200+100 of 1000) and
			// 614000 (key 002: 50 × 100/200 of 300), 701000 back to the owners.
			entry("2025-12-31", "OD", "CL1",
				dr("450001", "", "100"), dr("450002", "", "75"), dr("450003", "", "75"), cr("601000", "001", "250"),
				dr("450001", "", "16,67"), dr("450002", "", "33,33"), cr("614000", "002", "50"),
				dr("701000", "001", "1000"), cr("450001", "", "400"), cr("450002", "", "300"), cr("450003", "", "300")),
		} {
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// The 2025 year-end balances of post2025.
var end2025 = map[string]ledger.Amount{"450001": -28333, "450002": 10833, "450003": 7500, "512001": 10000}

// post2026 writes a call and a receipt in 2026.
func post2026(t *testing.T, db *ledger.DB) {
	t.Helper()
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for _, e := range []*ledger.Entry{
			entry("2026-01-01", "OD", "A0002", dr("450001", "", "40"), dr("450002", "", "30"), dr("450003", "", "30"), cr("701000", "001", "100")),
			entry("2026-02-01", "BQ", "R2", dr("512001", "", "108,33"), cr("450002", "", "108,33")),
			entry("2026-03-01", "AC", "F2", dr("601000", "001", "12"), cr("401000", "", "12")),
		} {
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// carryForward posts the AN entry of 2026 from the 2025 balances and closes
// 2025, as the closing workflow does.
func carryForward(t *testing.T, db *ledger.DB) {
	t.Helper()
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		an := entry("2026-01-01", "AN", "AN2026")
		for _, acc := range []string{"450001", "450002", "450003", "512001"} {
			if b := end2025[acc]; b > 0 {
				an.Lines = append(an.Lines, ledger.Line{Account: acc, Debit: b})
			} else {
				an.Lines = append(an.Lines, ledger.Line{Account: acc, Credit: -b})
			}
		}
		if err := tx.PostEntry(an); err != nil {
			return err
		}
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		return tx.CloseExercise(ex.ID)
	})
}

func TestTrialBalance(t *testing.T) {
	db := mustCreate(t)
	post2025(t, db)
	post2026(t, db)
	mustView(t, db, func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		list, err := tx.TrialBalanceOf(ex)
		if err != nil {
			return err
		}
		if d, c := sumTrial(list); d != c || d != 330000 {
			t.Errorf("2025 totals: debit %v, credit %v", d, c)
		}
		want := map[string]string{
			"401000": "Factures parvenues 30000/30000",
			"450001": "Dupont Zoé 51667/80000",
			"450002": "Garçon Loïc 40833/30000",
			"450003": "Martin Anaïs 37500/30000",
			"512001": "Compte courant 40000/30000",
			"601000": "Eau 25000/25000",
			"614000": "Contrats de maintenance 5000/5000",
			"701000": "Provisions sur opérations courantes 100000/100000",
		}
		if len(list) != len(want) {
			t.Errorf("2025 trial balance has %d accounts, want %d: %v", len(list), len(want), list)
		}
		for i, b := range list {
			if got := fmt.Sprintf("%s %d/%d", b.Label, int64(b.Debit), int64(b.Credit)); got != want[b.Account] {
				t.Errorf("%s: %q, want %q", b.Account, got, want[b.Account])
			}
			if i > 0 && list[i-1].Account >= b.Account {
				t.Errorf("trial balance not in account order: %s then %s", list[i-1].Account, b.Account)
			}
		}

		// Up to a date: the exercise's start to that day, inclusive.
		at, err := tx.TrialBalanceAt(ledger.MustDate("2025-03-05"))
		if err != nil {
			return err
		}
		if got := fmt.Sprint(at); got != fmt.Sprint([]ledger.AccountBalance{
			{Account: "401000", Label: "Factures parvenues", Credit: 30000},
			{Account: "450001", Label: "Dupont Zoé", Debit: 40000, Credit: 40000},
			{Account: "450002", Label: "Garçon Loïc", Debit: 30000},
			{Account: "450003", Label: "Martin Anaïs", Debit: 30000},
			{Account: "512001", Label: "Compte courant", Debit: 40000},
			{Account: "601000", Label: "Eau", Debit: 25000},
			{Account: "614000", Label: "Contrats de maintenance", Debit: 5000},
			{Account: "701000", Label: "Provisions sur opérations courantes", Credit: 100000},
		}) {
			t.Errorf("TrialBalanceAt(2025-03-05) = %v", got)
		}
		// In 2026 it starts on 2026-01-01, whatever 2025 holds.
		at, err = tx.TrialBalanceAt(ledger.MustDate("2026-02-15"))
		if err != nil {
			return err
		}
		if d, c := sumTrial(at); d != c || d != 20833 || len(at) != 5 {
			t.Errorf("TrialBalanceAt(2026-02-15) = %v", at)
		}
		if _, err := tx.TrialBalanceAt(ledger.MustDate("2031-01-01")); ledger.KindOf(err) != ledger.NotFound {
			t.Errorf("TrialBalanceAt out of every exercise: %v, want NotFound", err)
		}
		empty, err := tx.TrialBalance(ledger.MustDate("2027-01-01"), ledger.MustDate("2027-12-31"))
		if err != nil || len(empty) != 0 {
			t.Errorf("empty period: %v %v", empty, err)
		}
		return nil
	})
}

// checkKeyAgreement checks the "two balances must agree" rule: per account,
// the sum over keys equals the trial balance, for every class 6/7 account.
func checkKeyAgreement(t *testing.T, tx *ledger.Tx, from, to time.Time) {
	t.Helper()
	tb, err := tx.TrialBalance(from, to)
	if err != nil {
		t.Fatal(err)
	}
	keyed, err := tx.BalanceByKey(from, to)
	if err != nil {
		t.Fatal(err)
	}
	perAccount := map[string][2]ledger.Amount{}
	for _, k := range keyed {
		p := perAccount[k.Account]
		perAccount[k.Account] = [2]ledger.Amount{p[0] + k.Debit, p[1] + k.Credit}
	}
	for _, b := range tb {
		if c := ledger.AccountClass(b.Account); c != 6 && c != 7 {
			continue
		}
		if p := perAccount[b.Account]; p[0] != b.Debit || p[1] != b.Credit {
			t.Errorf("%s %s..%s: by key %v/%v, trial balance %v/%v", b.Account, ledger.ISO(from), ledger.ISO(to), p[0], p[1], b.Debit, b.Credit)
		}
	}
}

func TestBalanceByKey(t *testing.T) {
	db := mustCreate(t)
	post2025(t, db)
	mustView(t, db, func(tx *ledger.Tx) error {
		from, to := ledger.Date(2025, 1, 1), ledger.Date(2025, 12, 31)
		checkKeyAgreement(t, tx, from, to)
		checkKeyAgreement(t, tx, from, ledger.Date(2025, 6, 30))
		list, err := tx.BalanceByKey(from, ledger.Date(2025, 6, 30))
		if err != nil {
			return err
		}
		want := []ledger.KeyBalance{
			{Key: "001", Account: "601000", Label: "Eau", Debit: 25000},
			{Key: "001", Account: "701000", Label: "Provisions sur opérations courantes", Credit: 100000},
			{Key: "002", Account: "614000", Label: "Contrats de maintenance", Debit: 5000},
		}
		if fmt.Sprint(list) != fmt.Sprint(want) {
			t.Errorf("BalanceByKey to 2025-06-30 = %v, want %v", list, want)
		}
		return nil
	})
}

func ownerBalances(t *testing.T, db *ledger.DB, date string) map[string]ledger.Amount {
	t.Helper()
	var out map[string]ledger.Amount
	mustView(t, db, func(tx *ledger.Tx) error {
		var err error
		out, err = tx.OwnerBalances(ledger.MustDate(date))
		return err
	})
	return out
}

func TestOwnerBalancesAtDates(t *testing.T) {
	db := mustCreate(t)
	post2025(t, db)
	tests := []struct {
		date string
		want map[string]ledger.Amount
	}{
		{"2024-12-31", map[string]ledger.Amount{}},
		{"2025-01-01", map[string]ledger.Amount{"450001": 40000, "450002": 30000, "450003": 30000}},
		{"2025-01-20", map[string]ledger.Amount{"450001": 0, "450002": 30000, "450003": 30000}},
		{"2025-12-30", map[string]ledger.Amount{"450001": 0, "450002": 30000, "450003": 30000}},
		{"2025-12-31", map[string]ledger.Amount{"450001": -28333, "450002": 10833, "450003": 7500}},
	}
	for _, tt := range tests {
		if got := ownerBalances(t, db, tt.date); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("OwnerBalances(%s) = %v, want %v", tt.date, got, tt.want)
		}
	}
}

// The balance start rule: a closed exercise whose balances were carried
// forward by an AN entry is never summed again.
func TestBalanceStartRule(t *testing.T) {
	wantIn2026 := map[string]ledger.Amount{"450001": -28333 + 4000, "450002": 10833 + 3000 - 10833, "450003": 7500 + 3000}

	t.Run("2025 closed, AN carried", func(t *testing.T) {
		db := mustCreate(t)
		post2025(t, db)
		carryForward(t, db)
		post2026(t, db)
		if got := ownerBalances(t, db, "2026-03-01"); fmt.Sprint(got) != fmt.Sprint(wantIn2026) {
			t.Errorf("OwnerBalances(2026-03-01) = %v, want AN + 2026 = %v", got, wantIn2026)
		}
		// Inside the closed exercise, its own entries still count.
		if got := ownerBalances(t, db, "2025-12-31"); got["450001"] != -28333 {
			t.Errorf("OwnerBalances(2025-12-31) = %v", got)
		}
		mustView(t, db, func(tx *ledger.Tx) error {
			bal, err := tx.AccountBalanceAt("512001", ledger.MustDate("2026-02-01"))
			if err != nil || bal != 10000+10833 {
				t.Errorf("512001 at 2026-02-01 = %v, %v; want AN + receipt", bal, err)
			}
			bal, err = tx.AccountBalanceAt("601000", ledger.MustDate("2026-12-31"))
			if err != nil || bal != 1200 {
				t.Errorf("601000 at 2026-12-31 = %v, %v; want the 2026 charges only", bal, err)
			}
			return nil
		})
		wantNoProblem(t, db)
	})

	t.Run("2025 open", func(t *testing.T) {
		db := mustCreate(t)
		post2025(t, db)
		post2026(t, db)
		// No AN yet: the 2026 balances include all of 2025.
		if got := ownerBalances(t, db, "2026-03-01"); fmt.Sprint(got) != fmt.Sprint(wantIn2026) {
			t.Errorf("OwnerBalances(2026-03-01) = %v, want 2025 + 2026 = %v", got, wantIn2026)
		}
		mustView(t, db, func(tx *ledger.Tx) error {
			bal, err := tx.AccountBalanceAt("512001", ledger.MustDate("2026-02-01"))
			if err != nil || bal != 10000+10833 {
				t.Errorf("512001 at 2026-02-01 = %v, %v", bal, err)
			}
			// Charges never carry over, open or not.
			bal, err = tx.AccountBalanceAt("601000", ledger.MustDate("2026-12-31"))
			if err != nil || bal != 1200 {
				t.Errorf("601000 at 2026-12-31 = %v, %v; want the 2026 charges only", bal, err)
			}
			return nil
		})
	})
}

func TestAccountStatement(t *testing.T) {
	statement := func(t *testing.T, db *ledger.DB, account, from, to string) ledger.Statement {
		t.Helper()
		var st ledger.Statement
		mustView(t, db, func(tx *ledger.Tx) error {
			var err error
			st, err = tx.AccountStatement(account, ledger.MustDate(from), ledger.MustDate(to))
			return err
		})
		return st
	}
	check := func(t *testing.T, st ledger.Statement, opening ledger.Amount, pieces string) {
		t.Helper()
		if st.Opening != opening {
			t.Errorf("%s from %s: opening %v, want %v", st.Account, ledger.ISO(st.From), st.Opening, opening)
		}
		run, d, c := st.Opening, ledger.Amount(0), ledger.Amount(0)
		got := ""
		for _, l := range st.Lines {
			run += l.Debit - l.Credit
			d += l.Debit
			c += l.Credit
			if l.Balance != run {
				t.Errorf("%s %s: running balance %v, want %v", st.Account, l.Piece, l.Balance, run)
			}
			if l.Date.Before(st.From) || l.Date.After(st.To) {
				t.Errorf("%s: line %s dated %s outside %s..%s", st.Account, l.Piece, ledger.ISO(l.Date), ledger.ISO(st.From), ledger.ISO(st.To))
			}
			if got != "" {
				got += " "
			}
			got += l.Piece
		}
		if got != pieces {
			t.Errorf("%s from %s: lines %q, want %q", st.Account, ledger.ISO(st.From), got, pieces)
		}
		if st.TotalDebit != d || st.TotalCredit != c || st.Closing != run || st.Closing != st.Opening+d-c {
			t.Errorf("%s: totals %v/%v closing %v, want %v/%v closing %v", st.Account, st.TotalDebit, st.TotalCredit, st.Closing, d, c, run)
		}
	}

	t.Run("2025 closed", func(t *testing.T) {
		db := mustCreate(t)
		post2025(t, db)
		carryForward(t, db)
		post2026(t, db)

		st := statement(t, db, "450002", "2025-01-01", "2025-12-31")
		check(t, st, 0, "A0001 CL1 CL1 CL1")
		if st.Label != "Garçon Loïc" || st.Lines[0].Label != "test A0001" || st.Lines[0].Journal != "OD" {
			t.Errorf("statement header/lines: %+v", st)
		}
		check(t, statement(t, db, "450002", "2025-02-01", "2025-12-31"), 30000, "CL1 CL1 CL1")
		// The AN line is the first line of the exercise, not an opening.
		check(t, statement(t, db, "450002", "2026-01-01", "2026-12-31"), 0, "AN2026 A0002 R2")
		// From later in 2026: AN and January make the opening, 2025 does not.
		st = statement(t, db, "450002", "2026-01-02", "2026-12-31")
		check(t, st, 10833+3000, "R2")
		if st.Closing != 3000 {
			t.Errorf("450002 closing 2026 = %v", st.Closing)
		}
		check(t, statement(t, db, "512001", "2026-03-01", "2026-12-31"), 20833, "")
	})

	t.Run("2025 open", func(t *testing.T) {
		db := mustCreate(t)
		post2025(t, db)
		post2026(t, db)
		// Balance-sheet accounts carry 2025 while it is open.
		check(t, statement(t, db, "450002", "2026-01-01", "2026-12-31"), 10833, "A0002 R2")
		check(t, statement(t, db, "512001", "2026-01-01", "2026-01-31"), 10000, "")
		// Charges start at their exercise's start: 2026 only.
		check(t, statement(t, db, "601000", "2026-01-01", "2026-12-31"), 0, "F2")
		check(t, statement(t, db, "601000", "2026-03-02", "2026-12-31"), 1200, "")
		check(t, statement(t, db, "601000", "2025-03-06", "2025-12-31"), 25000, "CL1")
		check(t, statement(t, db, "701000", "2025-06-01", "2025-12-31"), -100000, "CL1")
	})

	t.Run("unknown account", func(t *testing.T) {
		db := mustCreate(t)
		err := db.View(func(tx *ledger.Tx) error {
			_, err := tx.AccountStatement("450999", ledger.Date(2025, 1, 1), ledger.Date(2025, 12, 31))
			return err
		})
		if ledger.KindOf(err) != ledger.NotFound {
			t.Errorf("statement of an unknown account: %v, want NotFound", err)
		}
	})
}

// Random balanced books: every view of them agrees with the lines.
func TestBooksAgreeOnRandomEntries(t *testing.T) {
	db := mustCreate(t)
	r := rand.New(rand.NewSource(1967))
	owners := []string{"450001", "450002", "450003"}
	charges := []string{"601000", "602000", "614000", "615000", "621100"}
	keys := []string{"001", "002"}
	days := func(y int) time.Time { return ledger.Date(y, 1, 1).AddDate(0, 0, r.Intn(365)) }
	var all []*ledger.Entry
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for i := range 400 {
			d := days(2025 + r.Intn(2))
			a := ledger.Amount(1 + r.Int63n(500000))
			var e *ledger.Entry
			switch r.Intn(4) {
			case 0: // call split over the owners
				parts := ledger.SplitEven(a, len(owners))
				e = &ledger.Entry{Journal: "OD", Lines: []ledger.Line{{Account: "701000", Key: keys[r.Intn(2)], Credit: a}}}
				for j, o := range owners {
					if parts[j] != 0 {
						e.Lines = append(e.Lines, ledger.Line{Account: o, Debit: parts[j]})
					}
				}
				if len(e.Lines) < 2 {
					continue
				}
			case 1:
				e = &ledger.Entry{Journal: "BQ", Lines: []ledger.Line{{Account: "512001", Debit: a}, {Account: owners[r.Intn(3)], Credit: a}}}
			case 2:
				b := ledger.Amount(r.Int63n(int64(a)))
				e = &ledger.Entry{Journal: "AC", Lines: []ledger.Line{{Account: charges[r.Intn(len(charges))], Key: keys[r.Intn(2)], Debit: a - b}, {Account: "401000", Credit: a}}}
				if b > 0 {
					e.Lines = append(e.Lines, ledger.Line{Account: charges[r.Intn(len(charges))], Key: keys[r.Intn(2)], Debit: b})
				}
				if a-b == 0 {
					e.Lines = e.Lines[1:]
				}
			default:
				e = &ledger.Entry{Journal: "BQ", Lines: []ledger.Line{{Account: "401000", Debit: a}, {Account: "512001", Credit: a}}}
			}
			e.Date, e.Piece = d, fmt.Sprintf("P%d", i)
			if err := tx.PostEntry(e); err != nil {
				return err
			}
			all = append(all, e)
		}
		// Delete and replace some, so the totals go down as well as up.
		for i := 0; i < len(all); i += 7 {
			if i%2 == 0 {
				if err := tx.DeleteEntry(all[i].ID); err != nil {
					return err
				}
				continue
			}
			repl := *all[i]
			repl.Date = days(2025 + r.Intn(2))
			repl.Lines = append([]ledger.Line(nil), all[i].Lines...)
			if err := tx.ReplaceEntry(all[i].ID, &repl); err != nil {
				return err
			}
		}
		return nil
	})
	wantNoProblem(t, db)

	mustView(t, db, func(tx *ledger.Tx) error {
		entries, err := tx.Entries(ledger.EntryFilter{})
		if err != nil {
			return err
		}
		// Reference sums straight from the lines.
		perYear := map[int]map[string]ledger.Amount{2025: {}, 2026: {}}
		for _, e := range entries {
			if d, c := e.Totals(); d != c {
				t.Fatalf("entry %d does not balance", e.ID)
			}
			for _, l := range e.Lines {
				perYear[e.Date.Year()][l.Account] += l.Balance()
			}
		}
		for _, y := range []int{2025, 2026} {
			from, to := ledger.Date(y, 1, 1), ledger.Date(y, 12, 31)
			tb, err := tx.TrialBalance(from, to)
			if err != nil {
				return err
			}
			if d, c := sumTrial(tb); d != c {
				t.Errorf("%d: trial balance debit %v, credit %v", y, d, c)
			}
			for _, b := range tb {
				if b.Balance() != perYear[y][b.Account] {
					t.Errorf("%d %s: trial balance %v, lines %v", y, b.Account, b.Balance(), perYear[y][b.Account])
				}
			}
			checkKeyAgreement(t, tx, from, to)
		}
		// 2025 is open: 2026 balances of owners include 2025.
		ob, err := tx.OwnerBalances(ledger.Date(2026, 12, 31))
		if err != nil {
			return err
		}
		for _, o := range owners {
			if want := perYear[2025][o] + perYear[2026][o]; ob[o] != want {
				t.Errorf("%s at the end of 2026: %v, want %v", o, ob[o], want)
			}
			st, err := tx.AccountStatement(o, ledger.Date(2026, 7, 1), ledger.Date(2026, 12, 31))
			if err != nil {
				return err
			}
			if st.Closing != ob[o] {
				t.Errorf("%s: statement closing %v, OwnerBalances %v", o, st.Closing, ob[o])
			}
		}
		return nil
	})
}

func TestKeyTotals(t *testing.T) {
	db := mustCreate(t)
	show := func() string {
		var s string
		mustView(t, db, func(tx *ledger.Tx) error {
			list, err := tx.KeyTotals()
			for _, k := range list {
				s += fmt.Sprintf("%s:%s/%s/%d/%v ", k.Code, k.DeclaredTotal, k.SumOfShares, k.Lots, k.Matches())
			}
			return err
		})
		return s
	}
	if got, want := show(), "001:1000/1000/4/true 002:300/300/2/true "; got != want {
		t.Errorf("KeyTotals = %q, want %q", got, want)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.SetShare("3", "002", dec("0.5")); err != nil {
			return err
		}
		if err := tx.SetShare("1", "001", dec("0")); err != nil { // zero removes the share
			return err
		}
		return tx.AddKey(ledger.Key{Code: "003", Label: "Vide"})
	})
	if got, want := show(), "001:1000/600/3/false 002:300/300.5/3/false 003:0/0/0/true "; got != want {
		t.Errorf("KeyTotals = %q, want %q", got, want)
	}
	// Equal values written differently still match.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		return tx.UpdateKey(ledger.Key{Code: "002", Label: "Ascenseur", DeclaredTotal: dec("300.50")})
	})
	if got, want := show(), "001:1000/600/3/false 002:300.5/300.5/3/true 003:0/0/0/true "; got != want {
		t.Errorf("KeyTotals = %q, want %q", got, want)
	}
}
