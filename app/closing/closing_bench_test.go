package closing

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// The closing benchmarks read a residence of 600 owners (plus 10 buyers),
// 1 000 lots on four keys and 200 000 entries in 2025: its calls (budget,
// works fund, a finished campaign and an unfinished one), receipts,
// invoices and payments. Building it takes a while: it is made once per
// schema and generator version and kept in the temp folder, like the
// ledger's benchmark residence.
const (
	closingBenchEntries   = 200_000
	closingBenchGenerator = 1 // bump when the generator changes
)

func closingBenchPath() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("tantieme-closing-bench-schema%d-gen%d.copro", ledger.SchemaVersion(), closingBenchGenerator))
}

var closingBenchOnce sync.Once

// closingBenchResidence returns the template residence (2025 open).
func closingBenchResidence(b *testing.B) string {
	b.Helper()
	path := closingBenchPath()
	closingBenchOnce.Do(func() {
		if _, err := os.Stat(path); err == nil {
			return
		}
		start := time.Now()
		tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
		os.Remove(tmp)
		buildClosingBench(b, tmp)
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		b.Logf("closing benchmark residence %s built in %v", path, time.Since(start).Round(time.Second))
	})
	if _, err := os.Stat(path); err != nil {
		b.Fatal(err)
	}
	return path
}

func buildClosingBench(tb testing.TB, file string) {
	ledgertest.Large(tb, file)
	r, err := app.Open(file)
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	rng := rand.New(rand.NewSource(1965))
	err = r.Update(func(tx *ledger.Tx) error {
		// Ten sales on 01/07/2025 to new owners 450601–450610.
		for i := 1; i <= 10; i++ {
			o := ledger.Owner{Account: fmt.Sprintf("450%03d", 600+i), Name: fmt.Sprintf("Acquéreur %02d", i)}
			if err := tx.AddOwner(&o); err != nil {
				return err
			}
			if err := tx.TransferLot(fmt.Sprint(i*97), o.Account, ledger.Date(2025, 7, 1)); err != nil {
				return err
			}
		}
		for _, w := range []ledger.Works{
			{Code: "RAV", Label: "Ravalement des façades", Type: ledger.Art142Works, AGDate: ledger.Date(2024, 6, 20), Voted: ledger.MustAmount("90000"),
				End: ledger.Date(2025, 10, 31), Finished: true, Keys: []ledger.WorksKey{{Key: "001", Amount: ledger.MustAmount("90000")}},
				Schedule: []time.Time{ledger.Date(2025, 2, 1), ledger.Date(2025, 5, 1)}},
			{Code: "ETU", Label: "Audit énergétique", Type: ledger.ExceptionalOperation, AGDate: ledger.Date(2025, 1, 20), Voted: ledger.MustAmount("30000"),
				End: ledger.Date(2026, 6, 30), Keys: []ledger.WorksKey{{Key: "002", Amount: ledger.MustAmount("30000")}},
				Schedule: []time.Time{ledger.Date(2025, 3, 1), ledger.Date(2025, 9, 1), ledger.Date(2026, 3, 1)}},
		} {
			if err := tx.AddWorks(w); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(ledger.Message(err))
	}
	ex := apptest.Year(tb, r, 2025)
	for _, planOf := range []func() (*app.CallPlan, error){
		func() (*app.CallPlan, error) { return r.PlanBudgetCalls(ex, 4) },
		func() (*app.CallPlan, error) { return r.PlanWorksCalls("RAV", ex) },
		func() (*app.CallPlan, error) { return r.PlanWorksCalls("ETU", ex) },
	} {
		plan, err := planOf()
		if err != nil {
			tb.Fatal(ledger.Message(err))
		}
		if err := plan.Err(); err != nil {
			tb.Fatal(ledger.Message(err))
		}
		if _, err := r.PostCalls(plan); err != nil {
			tb.Fatal(ledger.Message(err))
		}
	}
	err = r.Update(func(tx *ledger.Tx) error {
		charges := []struct{ account, key string }{
			{"601000", "004"}, {"602000", "001"}, {"603000", "003"}, {"611000", "001"}, {"614000", "002"},
			{"615000", "001"}, {"615000", "002"}, {"616000", "001"}, {"621100", "001"}, {"662000", "001"},
		}
		var entries []*ledger.Entry
		day := func() time.Time { return ledger.Date(2025, 1, 1).AddDate(0, 0, rng.Intn(365)) }
		n := closingBenchEntries - 12 // the calls' entries
		for i := 0; i < n; i++ {
			a := ledger.Amount(1000 + rng.Int63n(200_000))
			var e *ledger.Entry
			switch i % 4 {
			case 0, 1:
				o := fmt.Sprintf("450%03d", 1+rng.Intn(610))
				e = &ledger.Entry{Journal: "BQ", Label: "Règlement", Lines: []ledger.Line{{Account: "512001", Debit: a}, {Account: o, Credit: a}}}
			case 2:
				e = &ledger.Entry{Journal: "AC", Label: "Facture", Lines: []ledger.Line{{Account: "401000", Credit: a}}}
				switch {
				case i%1000 == 2:
					e.Lines = append(e.Lines, ledger.Line{Account: "671RAV", Key: "001", Debit: a})
				case i%1000 == 6:
					e.Lines = append(e.Lines, ledger.Line{Account: "673ETU", Key: "002", Debit: a})
				default:
					for _, p := range ledger.SplitEven(a, 1+rng.Intn(3)) {
						c := charges[rng.Intn(len(charges))]
						e.Lines = append(e.Lines, ledger.Line{Account: c.account, Key: c.key, Debit: p})
					}
				}
			default:
				e = &ledger.Entry{Journal: "BQ", Label: "Paiement", Lines: []ledger.Line{{Account: "401000", Debit: a}, {Account: "512001", Credit: a}}}
			}
			e.Date = day()
			e.Piece = fmt.Sprintf("P%06d", i+1)
			entries = append(entries, e)
		}
		sort.SliceStable(entries, func(i, j int) bool { return entries[i].Date.Before(entries[j].Date) })
		for _, e := range entries {
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(ledger.Message(err))
	}
}

// BenchmarkClosing600 closes 2025 of the 600-owner residence with 200 000
// entries: checks and preview, then the posting (distribution, works, AN,
// lock) in one transaction.
//
//	go test ./app -run XXX -bench Closing600 -benchtime 3x
func BenchmarkClosing600(b *testing.B) {
	template := closingBenchResidence(b)
	var plan, post time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		file := filepath.Join(b.TempDir(), "run.copro")
		ledgertest.CopyFile(b, template, file)
		r, err := app.Open(file)
		if err != nil {
			b.Fatal(err)
		}
		ex := apptest.Year(b, r, 2025)
		b.StartTimer()
		start := time.Now()
		p, err := Prepare(r, ex, Options{OwnersAt: ledger.Date(2026, 3, 1)})
		if err != nil {
			b.Fatal(ledger.Message(err))
		}
		if err := p.Err(); err != nil {
			b.Fatal(ledger.Message(err))
		}
		mid := time.Now()
		res, err := Post(r, p)
		if err != nil {
			b.Fatal(ledger.Message(err))
		}
		plan += mid.Sub(start)
		post += time.Since(mid)
		b.StopTimer()
		if len(p.Owners) != 610 || len(res.Entries) < 8 || len(p.Sections) != 2 || len(p.Pending) != 1 {
			b.Fatalf("%d owners, %d entries, %d sections, %d pending", len(p.Owners), len(res.Entries), len(p.Sections), len(p.Pending))
		}
		r.Close()
		b.StartTimer()
	}
	b.ReportMetric(plan.Seconds()/float64(b.N), "s-preview/op")
	b.ReportMetric(post.Seconds()/float64(b.N), "s-post/op")
}

// closedBench is the benchmark residence with 2025 closed, made once per
// benchmark run.
func closedBench(b *testing.B) (*app.Residence, ledger.Exercise) {
	b.Helper()
	file := filepath.Join(b.TempDir(), "closed.copro")
	ledgertest.CopyFile(b, closingBenchResidence(b), file)
	r, err := app.Open(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { r.Close() })
	ex := apptest.Year(b, r, 2025)
	p, err := Prepare(r, ex, Options{OwnersAt: ledger.Date(2026, 3, 1)})
	if err != nil {
		b.Fatal(ledger.Message(err))
	}
	if _, err := Post(r, p); err != nil {
		b.Fatal(ledger.Message(err))
	}
	return r, apptest.Year(b, r, 2025)
}

// BenchmarkAnnexes600 gathers the five annexes of the closed 2025 and
// prints them: each in its own PDF and the five in one.
func BenchmarkAnnexes600(b *testing.B) {
	r, ex := closedBench(b)
	dir := b.TempDir()
	for b.Loop() {
		af, err := WriteAnnexes(r, dir, ex, ledger.Date(2026, 2, 1))
		if err != nil {
			b.Fatal(ledger.Message(err))
		}
		if len(af.Data.Failed()) > 0 || len(af.Data.A1.Owners) < 600 {
			b.Fatalf("failed checks %+v, %d owners", af.Data.Failed(), len(af.Data.A1.Owners))
		}
	}
}

// BenchmarkDecomptes600 writes the 610 owner statements of the closed 2025.
func BenchmarkDecomptes600(b *testing.B) {
	r, ex := closedBench(b)
	dir := b.TempDir()
	for b.Loop() {
		df, err := WriteDecomptes(r, dir, ex, DecompteOptions{Printed: ledger.Date(2026, 2, 1)})
		if err != nil {
			b.Fatal(ledger.Message(err))
		}
		if len(df.Owners) != 610 {
			b.Fatalf("%d décomptes", len(df.Owners))
		}
	}
}
