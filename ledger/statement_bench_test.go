package ledger_test

import (
	"fmt"
	"strings"
	"testing"

	"tantieme/ledger"
)

// BenchmarkAccountStatements reads the 2026 statements of every owner of
// the big residence at once (the owners' statements book), and the
// grand livre's lines of 2026 (PeriodLines); BenchmarkAccountStatement
// reads the bank's alone.
//
//	go test ./ledger -run '^$' -bench 'AccountStatements|PeriodLines' -benchtime 3x
func BenchmarkAccountStatements(b *testing.B) {
	db := openBench(b)
	from, to := ledger.Date(2026, 1, 1), ledger.Date(2026, 12, 31)
	var owners []string
	err := db.View(func(tx *ledger.Tx) error {
		accs, err := tx.Accounts()
		for _, a := range accs {
			if strings.HasPrefix(a.Code, "450") {
				owners = append(owners, a.Code)
			}
		}
		return err
	})
	if err != nil || len(owners) == 0 {
		b.Fatalf("owners: %d, %v", len(owners), err)
	}
	for b.Loop() {
		err := db.View(func(tx *ledger.Tx) error {
			_, err := tx.AccountStatements(owners, from, to)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPeriodLines(b *testing.B) {
	db := openBench(b)
	from, to := ledger.Date(2026, 1, 1), ledger.Date(2026, 12, 31)
	for b.Loop() {
		err := db.View(func(tx *ledger.Tx) error {
			_, err := tx.PeriodLines(from, to, from)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAccountStatementReference is BenchmarkAccountStatement read as
// before issue 22 (StatementByQueryForTest), in the same process: run both
// together to compare them on a busy machine.
//
//	go test ./ledger -run '^$' -bench 'AccountStatement(Reference)?$' -count 5
func BenchmarkAccountStatementReference(b *testing.B) {
	db := openBench(b)
	from, to := ledger.Date(2026, 1, 1), ledger.Date(2026, 12, 31)
	for b.Loop() {
		err := db.View(func(tx *ledger.Tx) error {
			_, err := tx.StatementByQueryForTest("512001", from, to)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAccountStatementOwner is one owner's statement of 2026 on the big
// residence (a few hundred lines among 200,000), what the owner card and
// the statements the syndic prints read; BenchmarkAccountStatement reads
// the bank account's 37,000 lines of the year.
func BenchmarkAccountStatementOwner(b *testing.B) {
	db := openBench(b)
	from, to := ledger.Date(2026, 1, 1), ledger.Date(2026, 12, 31)
	for b.Loop() {
		err := db.View(func(tx *ledger.Tx) error {
			st, err := tx.AccountStatement("450001", from, to)
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
