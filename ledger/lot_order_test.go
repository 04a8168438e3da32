package ledger_test

import (
	"slices"
	"testing"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// TestLotsNaturalOrder: lots are listed as a syndic counts them, « 1, 001,
// 002, 3, 10 », never « 1, 3, 001, 002 » (issue 16, item 11), by the books'
// reads as by CompareLots.
func TestLotsNaturalOrder(t *testing.T) {
	lots := []string{"10", "002", "B1", "3", "a12", "001", "1", "A2", "2bis"}
	want := []string{"1", "001", "002", "2bis", "3", "10", "A2", "a12", "B1"}
	got := slices.Clone(lots)
	ledger.SortLots(got)
	if !slices.Equal(got, want) {
		t.Fatalf("SortLots = %v, want %v", got, want)
	}
	file := ledgertest.Create(t, ledgertest.Setup("Ordre"), func(tx *ledger.Tx) error {
		for _, n := range lots {
			if err := tx.AddLot(ledger.Lot{Number: n, Label: "Lot " + n}); err != nil {
				return err
			}
		}
		return nil
	})
	db, err := ledger.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.View(func(tx *ledger.Tx) error {
		list, err := tx.Lots()
		var numbers []string
		for _, l := range list {
			numbers = append(numbers, l.Number)
		}
		if !slices.Equal(numbers, want) {
			t.Errorf("Lots = %v, want %v", numbers, want)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
}
