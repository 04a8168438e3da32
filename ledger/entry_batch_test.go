package ledger_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"tantieme/ledger"
)

// batchEntries is a mix that crosses every grouping of PostEntries: 300
// entries (more than a round of 256), of 2, 3 and 70 lines (statements of
// 64, 8 and 1 rows), with VAT, a piece or none, in 2025 and 2026.
func batchEntries() []*ledger.Entry {
	var out []*ledger.Entry
	for i := 0; i < 300; i++ {
		date := fmt.Sprintf("%d-%02d-%02d", 2025+i%2, 1+i%12, 1+i%28)
		piece := fmt.Sprintf("B%d", i+1)
		if i%10 == 9 {
			piece = ""
		}
		var e *ledger.Entry
		switch i % 3 {
		case 0:
			e = entry(date, "AC", piece, dr("601000", "001", "120,00"), cr("401000", "", "120,00"))
			e.Lines[0].VAT = amt("20,00")
		case 1:
			e = entry(date, "OD", piece, dr("450001", "", "1,01"), dr("450002", "", "2,02"), cr("701000", "001", "3,03"))
		default:
			// 69 owners' lines of 0,01 € against one income line of 0,69 €.
			e = entry(date, "OD", piece)
			for j := 0; j < 69; j++ {
				e.Lines = append(e.Lines, dr(fmt.Sprintf("45000%d", 1+j%3), "", "0,01"))
			}
			e.Lines = append(e.Lines, cr("701000", "002", "0,69"))
		}
		out = append(out, e)
	}
	return out
}

// booksState is what posting must leave: the entries with their numbers
// and line numbers, each exercise's trial balance (from the day totals),
// the head of the chain (whose link covers every record before it).
type booksState struct {
	Entries []ledger.Entry
	Balance [][]ledger.AccountBalance
	Head    ledger.ChainRecord
}

func readBooks(t *testing.T, db *ledger.DB) booksState {
	t.Helper()
	var s booksState
	mustView(t, db, func(tx *ledger.Tx) error {
		var err error
		if s.Entries, err = tx.Entries(ledger.EntryFilter{}); err != nil {
			return err
		}
		for _, y := range []int{2025, 2026} {
			ex, err := tx.ExerciseOfYear(y)
			if err != nil {
				return err
			}
			b, err := tx.TrialBalanceOf(ex)
			if err != nil {
				return err
			}
			s.Balance = append(s.Balance, b)
		}
		s.Head, _, err = tx.ChainHead()
		return err
	})
	return s
}

func TestPostEntriesSameAsPostEntry(t *testing.T) {
	one, batch := mustCreate(t), mustCreate(t)
	mustUpdate(t, one, func(tx *ledger.Tx) error {
		for _, e := range batchEntries() {
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		return nil
	})
	posted := batchEntries()
	mustUpdate(t, batch, func(tx *ledger.Tx) error { return tx.PostEntries(posted) })
	// The numbers given back: consecutive after the fill's own entries.
	for i, e := range posted[1:] {
		if e.ID != posted[i].ID+1 || e.Lines[0].ID != posted[i].Lines[len(posted[i].Lines)-1].ID+1 {
			t.Fatalf("entry %d numbered %d (line %d) after %d (last line %d)", i+2, e.ID, e.Lines[0].ID, posted[i].ID, posted[i].Lines[len(posted[i].Lines)-1].ID)
		}
	}
	a, b := readBooks(t, one), readBooks(t, batch)
	// 300 entries: 100 of 2 lines, 100 of 3, 100 of 70 = 7,500 lines.
	n := 0
	for _, e := range b.Entries {
		if strings.HasPrefix(e.Label, "test ") {
			n += len(e.Lines)
		}
	}
	if n != 7500 {
		t.Fatalf("%d lines posted, want 7500", n)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("PostEntries left other books than PostEntry:\nhead %+v\nwant %+v", b.Head, a.Head)
	}
	for _, db := range []*ledger.DB{one, batch} {
		problems, err := db.Check(true)
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) != 0 {
			t.Errorf("check: %v", problems)
		}
	}
}

func TestPostEntriesRefused(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(e *ledger.Entry)
		kind  ledger.Kind
		msg   string
	}{
		{"unknown account", func(e *ledger.Entry) { e.Lines[1].Account = "401999" }, ledger.Invalid,
			"Écriture B272 du 20/08/2026, ligne 2 : le compte 401999 n'existe pas dans le plan comptable"},
		{"unknown journal", func(e *ledger.Entry) { e.Journal = "ZZ" }, ledger.Invalid, "Écriture B272 du 20/08/2026 : le journal ZZ n'existe pas"},
		{"unbalanced", func(e *ledger.Entry) { e.Lines[0].Debit++ }, ledger.Invalid, "Écriture B272 du 20/08/2026 : écriture déséquilibrée"},
		{"no exercise", func(e *ledger.Entry) { e.Date = ledger.MustDate("2031-01-01") }, ledger.Invalid, "la date n'appartient à aucun exercice"},
		{"before the first exercise", func(e *ledger.Entry) { e.Date = ledger.MustDate("2024-12-31") }, ledger.Invalid, "la date n'appartient à aucun exercice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := mustCreate(t)
			before := readBooks(t, db)
			es := batchEntries()
			tt.spoil(es[271]) // in the second round
			err := db.Update(func(tx *ledger.Tx) error { return tx.PostEntries(es) })
			if ledger.KindOf(err) != tt.kind || !strings.Contains(ledger.Message(err), tt.msg) {
				t.Fatalf("got %v (kind %v), want %v saying %q", err, ledger.KindOf(err), tt.kind, tt.msg)
			}
			// Nothing written, the first round included.
			if after := readBooks(t, db); !reflect.DeepEqual(before, after) {
				t.Errorf("books changed by a refused PostEntries")
			}
		})
	}
}

// A closed year refuses the whole posting, naming the entry.
func TestPostEntriesClosedYear(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		return tx.CloseExercise(ex.ID)
	})
	before := readBooks(t, db)
	es := batchEntries()[1:] // the first in 2026, the second in 2025
	err := db.Update(func(tx *ledger.Tx) error { return tx.PostEntries(es) })
	if ledger.KindOf(err) != ledger.Locked || !strings.Contains(ledger.Message(err), "Écriture B3 du 03/03/2025 : l'exercice 2025 est clos") {
		t.Fatalf("got %v (kind %v), want Locked naming B3", err, ledger.KindOf(err))
	}
	if after := readBooks(t, db); !reflect.DeepEqual(before, after) {
		t.Errorf("books changed by a refused PostEntries")
	}
}
