package ledger

import (
	"path/filepath"
	"strings"
	"testing"
)

// Issue 20: a residence whose entries were chained before migration 019
// (VAT and recoverable shares on lines) still verifies after it, keeps its
// links, and chains new entries with VAT on top of them.
func TestChainBeforeVATStillVerifies(t *testing.T) {
	file := filepath.Join(t.TempDir(), "ancienne.copro")
	if err := OldSchemaFileForTest(file, 6); err != nil {
		t.Fatal(err)
	}
	d, err := connect(file, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO entries (id, journal, date, label) VALUES (7, 'AC', '2024-03-01', 'facture')`,
		`INSERT INTO lines (entry_id, account, key, debit) VALUES (7, '601000', '001', 1200)`,
		`INSERT INTO lines (entry_id, account, credit) VALUES (7, '401000', 1200)`,
		`UPDATE entries SET posted = 1 WHERE id = 7`,
	} {
		if _, err := d.sql.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	// Up to the last schema before 019: the entry is chained by 007's step.
	if err := d.migrateTo(6, 18); err != nil {
		t.Fatal(err)
	}
	var before []byte
	if err := d.sql.QueryRow(`SELECT link FROM chain ORDER BY seq DESC LIMIT 1`).Scan(&before); err != nil {
		t.Fatal(err)
	}
	d.sql.Close()

	db, err := Open(file) // applies 019
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rep, err := db.VerifyChain()
	if err != nil || len(rep.Problems) != 0 || rep.Entries != 1 {
		t.Fatalf("chain after 019: %+v %v", rep, err)
	}
	if string(rep.Head.Link[:]) != string(before) {
		t.Errorf("the link before 019 changed: %x → %s", before, rep.Head.Link.Hex())
	}
	err = db.Update(func(tx *Tx) error {
		return tx.PostEntry(&Entry{Journal: "AC", Date: Date(2024, 4, 2), Label: "avec TVA", Lines: []Line{
			{Account: "601000", Key: "001", Debit: 12000, VAT: 2000, Recoverable: 100}, {Account: "401000", Credit: 12000}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err = db.VerifyChain()
	if err != nil || len(rep.Problems) != 0 || rep.Entries != 2 {
		t.Fatalf("chain with a VAT entry: %+v %v", rep, err)
	}
}

// The encoding of a line without VAT is version 1's, byte for byte (the
// links of every file written before 019 depend on it); VAT and share
// follow the label only when set, and read back.
func TestEncodeEntryVAT(t *testing.T) {
	e := Entry{ID: 7, Journal: "AC", Date: Date(2024, 3, 1), Label: "facture", Lines: []Line{
		{Account: "601000", Key: "001", Debit: 1200}, {Account: "401000", Credit: 1200}}}
	want := "tantieme-ecriture-1\nnumero\t7\ndate\t2024-03-01\njournal\tAC\npiece\t\nlibelle\tfacture\n" +
		"ligne\t601000\t001\t1200\t0\t\nligne\t401000\t\t0\t1200\t\n"
	if got := EncodeEntry(&e); got != want {
		t.Errorf("without VAT:\n%q\nwant\n%q", got, want)
	}
	e.Lines[0].VAT, e.Lines[0].Recoverable = 200, 75
	body := EncodeEntry(&e)
	if !strings.Contains(body, "ligne\t601000\t001\t1200\t0\t\ttva=200\trecuperable=75\n") {
		t.Errorf("with VAT: %q", body)
	}
	back, err := DecodeEntry(body)
	if err != nil || back.Lines[0].VAT != 200 || back.Lines[0].Recoverable != 75 || EncodeEntry(&back) != body {
		t.Errorf("read back: %+v %v", back, err)
	}
}
