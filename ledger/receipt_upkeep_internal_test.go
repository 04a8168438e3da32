package ledger

import (
	"path/filepath"
	"testing"
)

// receiptRows counts the rows of receipts, orphans included (Receipts
// hides an orphan behind its join on entries).
func receiptRows(t *testing.T, d *DB) int {
	t.Helper()
	var n int
	if err := d.sql.QueryRow(`SELECT count(*) FROM receipts`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func upkeepResidence(t *testing.T) *DB {
	t.Helper()
	d, err := Create(filepath.Join(t.TempDir(), "Upkeep.copro"), Setup{
		Residence: Residence{Name: "Upkeep"}, FirstStart: Date(2025, 1, 1),
		Bank: &BankAccount{Account: "512001", Label: "Compte courant"},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.Update(func(tx *Tx) error { return tx.AddOwner(&Owner{Account: "450001", Name: "Dupont Zoé"}) }); err != nil {
		t.Fatal(err)
	}
	return d
}

func postTestReceipt(t *testing.T, d *DB, mode PaymentMode, account string) Receipt {
	t.Helper()
	r := Receipt{Owner: "450001", Date: Date(2025, 2, 1), Amount: 10000, Mode: mode, BankAccount: "512001", Account: account}
	if err := d.Update(func(tx *Tx) error { _, err := tx.PostReceipt(&r); return err }); err != nil {
		t.Fatal(err)
	}
	return r
}

// Deleting a receipt's entry forgets the receipt at once; replacing it
// keeps it (the corrected receipt keeps its details).
func TestDeleteEntryForgetsItsReceipt(t *testing.T) {
	d := upkeepResidence(t)
	kept := postTestReceipt(t, d, ByTransfer, "")
	gone := postTestReceipt(t, d, ByTransfer, "")
	err := d.Update(func(tx *Tx) error {
		e, err := tx.Entry(kept.EntryID)
		if err != nil {
			return err
		}
		e.Label = "Virement corrigé"
		if err := tx.ReplaceEntry(kept.EntryID, &e); err != nil {
			return err
		}
		return tx.DeleteEntry(gone.EntryID)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := receiptRows(t, d); n != 1 {
		t.Fatalf("%d receipt rows after deleting one of two, want 1", n)
	}
	err = d.View(func(tx *Tx) error {
		_, err := tx.Receipt(kept.EntryID)
		return err
	})
	if err != nil {
		t.Fatalf("the replaced receipt is lost: %v", err)
	}
}

// Migration 010 forgets the orphans left by earlier versions and gives an
// old chart 511000, so that a cheque can wait on it without upkeep on
// every receipt.
func TestReceiptUpkeepMigration(t *testing.T) {
	d := upkeepResidence(t)
	r := postTestReceipt(t, d, ByTransfer, "")
	body, err := migrations.ReadFile("migrations/010_receipt_upkeep.sql")
	if err != nil {
		t.Fatal(err)
	}
	// As an earlier version left things: the entry deleted, its receipt
	// still there, and no 511000 in the chart.
	err = d.Update(func(tx *Tx) error {
		if _, err := tx.tx.Exec(`DELETE FROM entries WHERE id = ?`, r.EntryID); err != nil {
			return err
		}
		_, err := tx.tx.Exec(`DELETE FROM accounts WHERE code = ?`, ChequesAccount)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := receiptRows(t, d); n != 1 {
		t.Fatalf("setup: %d receipt rows, want the orphan alone", n)
	}
	if err := d.Update(func(tx *Tx) error { _, err := tx.tx.Exec(string(body)); return err }); err != nil {
		t.Fatal(err)
	}
	if n := receiptRows(t, d); n != 0 {
		t.Errorf("%d receipt rows after migration 010, want 0", n)
	}
	var label string
	if err := d.sql.QueryRow(`SELECT label FROM accounts WHERE code = ?`, ChequesAccount).Scan(&label); err != nil || label != "Chèques à encaisser" {
		t.Errorf("511000 after migration 010: %q, %v", label, err)
	}
}
