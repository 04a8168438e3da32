package ledger_test

import (
	"fmt"
	"math/rand"
	"os"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// The large residence the benchmarks read: 1,000 lots, 600 owners, 4 keys,
// 200,000 entries over 2025–2028. Building it takes a while, so it is made
// once per schema (and generator) version and kept in the temp folder.
const (
	benchLots      = 1000
	benchOwners    = 600
	benchBuyers    = 10 // owners 591–600 start without lots and buy some in 2026
	benchSuppliers = 30
	benchEntries   = 200_000
)

var benchYears = []int{2025, 2026, 2027, 2028}

// benchPath is the cached residence; named with the schema version so that a
// new migration never benchmarks an outdated file (ledgertest.BenchGenerator
// is bumped when the generator below changes).
func benchPath() string { return ledgertest.BenchResidencePath() }

var benchResidence = sync.OnceValues(func() (string, error) {
	path := benchPath()
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	// Built under a temporary name and renamed only when complete, so an
	// interrupted build is never taken for the residence.
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	os.Remove(tmp)
	if err := buildBenchResidence(tmp); err != nil {
		os.Remove(tmp)
		os.Remove(tmp + "-journal")
		return "", err
	}
	return path, os.Rename(tmp, path)
})

// openBench opens the large residence read-only (benchmarks never change it).
func openBench(b *testing.B) *ledger.DB {
	b.Helper()
	start := time.Now()
	path, err := benchResidence()
	if err != nil {
		b.Fatalf("building the benchmark residence: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		b.Logf("benchmark residence %s built in %v", path, d.Round(time.Second))
	}
	db, err := ledger.OpenReadOnly(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

type benchLot struct {
	number string
	owner  string // owner since the start
	shares map[string]decimal.Decimal
}

func buildBenchResidence(path string) error {
	r := rand.New(rand.NewSource(1965_07_10))
	db, err := ledger.Create(path, ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence du Banc d'Essai", City: "Grenoble"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant"},
	})
	if err != nil {
		return err
	}
	defer db.Close()

	owner := func(i int) string { return fmt.Sprintf("450%03d", i) }
	supplier := func(i int) string { return fmt.Sprintf("401%03d", i) }
	keys := []string{"001", "002", "003", "004"}
	lots := make([]benchLot, benchLots)
	for i := range lots {
		n := i + 1
		l := benchLot{number: fmt.Sprint(n), owner: owner(i%(benchOwners-benchBuyers) + 1), shares: map[string]decimal.Decimal{}}
		l.shares["001"] = decimal.NewFromInt(int64(50 + r.Intn(150)))
		if n <= 600 { // buildings A and B have the lift
			l.shares["002"] = decimal.NewFromInt(int64(10 + r.Intn(90)))
		}
		if n <= 800 { // flats are heated; shares from the heating survey
			l.shares["003"] = decimal.New(int64(1000+r.Intn(99000)), -3)
		} else { // parking spaces
			l.shares["004"] = decimal.NewFromInt(1)
		}
		lots[i] = l
	}
	// Ten sales on 2026-07-01: the buyers are owners 591–600.
	sales := map[string]string{}
	for i := range benchBuyers {
		sales[lots[i*97].number] = owner(benchOwners - benchBuyers + 1 + i)
	}
	saleDate := ledger.Date(2026, 7, 1)
	charges := []struct{ account, key string }{
		{"601000", "001"}, {"602000", "001"}, {"602000", "002"}, {"603000", "003"}, {"611000", "001"},
		{"614000", "002"}, {"615000", "001"}, {"615000", "004"}, {"616000", "001"}, {"621100", "001"},
		{"622300", "001"}, {"662000", "001"},
	}
	callAmount := map[string]ledger.Amount{"001": 3_000_000, "002": 500_000, "003": 2_000_012, "004": 200_001}

	return db.Update(func(tx *ledger.Tx) error {
		if _, err := tx.AddNextExercise(); err != nil {
			return err
		}
		totals := map[string]decimal.Decimal{}
		for _, l := range lots {
			for k, s := range l.shares {
				totals[k] = totals[k].Add(s)
			}
		}
		for _, k := range keys {
			if k != "001" {
				if err := tx.AddKey(ledger.Key{Code: k, Label: "Clé " + k}); err != nil {
					return err
				}
			}
			if err := tx.UpdateKey(ledger.Key{Code: k, Label: "Clé " + k, DeclaredTotal: totals[k]}); err != nil {
				return err
			}
		}
		for i := 1; i <= benchOwners; i++ {
			if err := tx.AddOwner(&ledger.Owner{Account: owner(i), Name: fmt.Sprintf("Copropriétaire %d", i)}); err != nil {
				return err
			}
		}
		for i := 1; i <= benchSuppliers; i++ {
			if err := tx.AddSupplier(&ledger.Supplier{Account: supplier(i), Name: fmt.Sprintf("Fournisseur %d", i)}); err != nil {
				return err
			}
		}
		for _, l := range lots {
			if err := tx.AddLot(ledger.Lot{Number: l.number, Owner: l.owner}); err != nil {
				return err
			}
			for k, s := range l.shares {
				if err := tx.SetShare(l.number, k, s); err != nil {
					return err
				}
			}
			if buyer, ok := sales[l.number]; ok {
				if err := tx.TransferLot(l.number, buyer, saleDate); err != nil {
					return err
				}
			}
		}

		posted := 0
		for yi, y := range benchYears {
			var year []*ledger.Entry
			// Quarterly calls: one entry per key and quarter, one 450 line
			// per owner (his lots' shares on the due date).
			for q := range 4 {
				due := ledger.Date(y, time.Month(1+3*q), 1)
				for _, k := range keys {
					weights := map[string]decimal.Decimal{}
					for _, l := range lots {
						s, ok := l.shares[k]
						if !ok {
							continue
						}
						o := l.owner
						if buyer, sold := sales[l.number]; sold && !due.Before(saleDate) {
							o = buyer
						}
						weights[o] = weights[o].Add(s)
					}
					var ws []ledger.Weight
					for o, w := range weights {
						ws = append(ws, ledger.Weight{Code: o, Weight: w})
					}
					sort.Slice(ws, func(i, j int) bool { return ws[i].Code < ws[j].Code })
					parts, err := ledger.Allocate(callAmount[k], ws)
					if err != nil {
						return err
					}
					e := &ledger.Entry{Journal: "OD", Date: due, Piece: fmt.Sprintf("A%d%d%s", y, q+1, k), Label: "Appel de fonds",
						Origin: fmt.Sprintf("call:%d-T%d", y, q+1)}
					for i, w := range ws {
						if parts[i] != 0 {
							e.Lines = append(e.Lines, ledger.Line{Account: w.Code, Debit: parts[i]})
						}
					}
					e.Lines = append(e.Lines, ledger.Line{Account: "701000", Key: k, Credit: callAmount[k]})
					year = append(year, e)
				}
			}
			// The rest of the year's entries: half receipts, a quarter
			// supplier invoices, a quarter supplier payments.
			others := benchEntries - len(benchYears)*16
			n := others / len(benchYears)
			if yi == len(benchYears)-1 {
				n += others % len(benchYears)
			}
			days := ledger.Date(y+1, 1, 1).Sub(ledger.Date(y, 1, 1)).Hours() / 24
			for i := range n {
				d := ledger.Date(y, 1, 1).AddDate(0, 0, r.Intn(int(days)))
				a := ledger.Amount(1000 + r.Int63n(300_000))
				var e *ledger.Entry
				switch i % 4 {
				case 0, 1:
					o := owner(1 + r.Intn(benchOwners))
					e = &ledger.Entry{Journal: "BQ", Label: "Règlement", Origin: "receipt", Lines: []ledger.Line{
						{Account: "512001", Debit: a}, {Account: o, Credit: a}}}
				case 2:
					s := supplier(1 + r.Intn(benchSuppliers))
					e = &ledger.Entry{Journal: "AC", Label: "Facture", Lines: []ledger.Line{{Account: s, Credit: a}}}
					parts := ledger.SplitEven(a, 1+r.Intn(3))
					for _, p := range parts {
						c := charges[r.Intn(len(charges))]
						e.Lines = append(e.Lines, ledger.Line{Account: c.account, Key: c.key, Debit: p})
					}
				default:
					s := supplier(1 + r.Intn(benchSuppliers))
					e = &ledger.Entry{Journal: "BQ", Label: "Paiement", Lines: []ledger.Line{
						{Account: s, Debit: a}, {Account: "512001", Credit: a}}}
				}
				e.Date = d
				year = append(year, e)
			}
			// Posted in date order, as a syndic types them.
			sort.SliceStable(year, func(i, j int) bool { return year[i].Date.Before(year[j].Date) })
			for _, e := range year {
				if e.Piece == "" {
					e.Piece = fmt.Sprintf("P%06d", posted+1)
				}
				if err := tx.PostEntry(e); err != nil {
					return err
				}
				posted++
			}
		}
		if posted != benchEntries {
			return fmt.Errorf("generated %d entries, want %d", posted, benchEntries)
		}
		return nil
	})
}

func BenchmarkTrialBalance(b *testing.B) {
	db := openBench(b)
	from, to := ledger.Date(2026, 1, 1), ledger.Date(2026, 12, 31)
	for b.Loop() {
		err := db.View(func(tx *ledger.Tx) error {
			list, err := tx.TrialBalance(from, to)
			if err == nil && len(list) == 0 {
				err = fmt.Errorf("empty trial balance")
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTrialBalanceAllYears(b *testing.B) {
	db := openBench(b)
	from, to := ledger.Date(2025, 1, 1), ledger.Date(2028, 12, 31)
	for b.Loop() {
		err := db.View(func(tx *ledger.Tx) error {
			_, err := tx.TrialBalance(from, to)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOwnerBalances(b *testing.B) {
	db := openBench(b)
	at := ledger.Date(2028, 12, 31)
	for b.Loop() {
		err := db.View(func(tx *ledger.Tx) error {
			bal, err := tx.OwnerBalances(at)
			if err == nil && len(bal) != benchOwners {
				err = fmt.Errorf("%d owner balances, want %d", len(bal), benchOwners)
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAccountStatement(b *testing.B) {
	db := openBench(b)
	from, to := ledger.Date(2026, 1, 1), ledger.Date(2026, 12, 31)
	for b.Loop() {
		err := db.View(func(tx *ledger.Tx) error {
			st, err := tx.AccountStatement("512001", from, to)
			if err == nil && len(st.Lines) == 0 {
				err = fmt.Errorf("empty statement")
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen is the price of an opening and its close: the protections
// and the balance of the books are checked every time; SQLite's quick check
// too, unless the file is exactly as it was when it last passed it
// ("verified": the state remembered, the whole file's CRC read at opening
// and at closing).
func BenchmarkOpen(b *testing.B) {
	path, err := benchResidence()
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B, o ledger.Options, skipped bool) {
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			db, err := o.OpenReadOnly(path)
			if err != nil {
				b.Fatal(err)
			}
			if db.QuickCheckSkipped() != skipped {
				b.Fatalf("quick check skipped = %v", db.QuickCheckSkipped())
			}
			db.Close()
		}
	}
	b.Run("full", func(b *testing.B) { run(b, ledger.Options{}, false) })
	b.Run("verified", func(b *testing.B) {
		store := newMemStore()
		db, err := ledger.Options{Verified: store}.OpenReadOnly(path)
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
		run(b, ledger.Options{Verified: store}, true)
	})
}

// BenchmarkBackup writes and verifies a backup archive of the big residence.
func BenchmarkBackup(b *testing.B) {
	db := openBench(b)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := db.WriteArchive(dir, ledger.ArchiveOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyChain walks the chain of the big residence's 200,000
// entries and checks each entry against its last chained version (the part
// of check that issue 12 added).
func BenchmarkVerifyChain(b *testing.B) {
	db := openBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := db.VerifyChain()
		if err != nil || len(rep.Problems) != 0 || rep.Entries == 0 {
			b.Fatal(rep.Problems, err)
		}
	}
}
