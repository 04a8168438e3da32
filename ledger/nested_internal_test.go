package ledger

import (
	"path/filepath"
	"testing"
	"time"
)

// A View inside an Update's callback cannot get the connection its caller
// holds: it must fail with a message, not hang the program.
func TestNestedTransactionFailsInsteadOfHanging(t *testing.T) {
	old := connWait
	connWait = 200 * time.Millisecond
	defer func() { connWait = old }()
	db, err := Create(filepath.Join(t.TempDir(), "x.copro"), Setup{Residence: Residence{Name: "X"}, FirstStart: Date(2025, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	done := make(chan error, 1)
	go func() {
		done <- db.Update(func(tx *Tx) error {
			return db.View(func(*Tx) error { return nil })
		})
	}()
	select {
	case err := <-done:
		if KindOf(err) != Internal || err == nil {
			t.Errorf("nested View: %v, want an Internal error", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nested View hung")
	}
	// The connection is free again afterwards.
	if err := db.View(func(*Tx) error { return nil }); err != nil {
		t.Errorf("View after the failure: %v", err)
	}
}
