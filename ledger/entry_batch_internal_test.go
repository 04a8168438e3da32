package ledger

import (
	"path/filepath"
	"testing"
)

// A grouped INSERT refused by a trigger is run again row by row, so that the
// message names the row as PostEntry's one-row INSERT did: here the 41st of
// 70 draft entries (in the first statement, of 64 rows) has a validation day
// that only the schema's CHECK refuses (the rows skip checkEntry).
func TestInsertRowsNamesTheRefusedRow(t *testing.T) {
	file := filepath.Join(t.TempDir(), "r.copro")
	db, err := Create(file, Setup{Residence: Residence{Name: "R"}, FirstStart: Date(2025, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *Tx) error {
		first, err := tx.nextID("entries")
		if err != nil {
			return err
		}
		var rows []batchRow
		for i := 0; i < 70; i++ {
			e := &Entry{ID: first + int64(i), Journal: "OD", Date: Date(2025, 3, 1), Piece: "D" + string(rune('A'+i%26)) + string(rune('0'+i/26)), Label: "brouillon"}
			validated := ISO(e.Date)
			if i == 40 {
				validated = "hier"
			}
			rows = append(rows, batchRow{entry: e, args: []any{e.ID, e.Journal, ISO(e.Date), e.Piece, e.Label, "", validated}})
		}
		return tx.insertRows(`INSERT INTO entries (id, journal, date, piece, label, origin, validated) VALUES `, 7, rows)
	})
	// Row 41 (index 40): piece "DO1" ('A'+40%26 = 'O', '0'+40/26 = '1').
	if KindOf(err) != Invalid || Message(err) != "Écriture DO1 du 01/03/2025 : une valeur n'est pas valide." {
		t.Fatalf("got %v (kind %v), want Invalid naming entry DO1", err, KindOf(err))
	}
	var n int
	if err := db.View(func(tx *Tx) error { return tx.queryRow(`SELECT count(*) FROM entries`).Scan(&n) }); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d entries kept after the refused transaction", n)
	}
}
