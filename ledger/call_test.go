package ledger_test

import (
	"strconv"
	"testing"
	"time"

	"tantieme/ledger"
)

// testCall is a call of 1 000 € on key 001 and 100,01 € on key 002 of the
// test residence (001: 400/300/200+100; 002: 100/200), with its entry at
// the "by account and key" level.
func testCall(due string) (*ledger.Call, *ledger.Entry) {
	d := ledger.MustDate(due)
	c := &ledger.Call{Kind: ledger.BudgetCall, Number: 1, Count: 4, Due: d, PeriodStart: d, PeriodEnd: d.AddDate(0, 3, -1),
		Label: "Appel de fonds", Account: "701000", Level: "account_key", Piece: "A0001",
		Keys: []ledger.CallKey{{Key: "001", TotalShares: dec("1000"), Amount: amt("1000")}, {Key: "002", TotalShares: dec("300"), Amount: amt("100,01")}},
		Parts: []ledger.CallPart{
			{Owner: "450001", Key: "001", Shares: dec("400"), Amount: amt("400")},
			{Owner: "450001", Key: "002", Shares: dec("100"), Amount: amt("33,34")},
			{Owner: "450002", Key: "001", Shares: dec("300"), Amount: amt("300")},
			{Owner: "450002", Key: "002", Shares: dec("200"), Amount: amt("66,67")},
			{Owner: "450003", Key: "001", Shares: dec("300"), Amount: amt("300")},
		}}
	e := entry(due, "OD", "A0001",
		dr("450001", "", "433,34"), dr("450002", "", "366,67"), dr("450003", "", "300"),
		cr("701000", "001", "1000"), cr("701000", "002", "100,01"))
	return c, e
}

func postTestCall(t *testing.T, db *ledger.DB, due string) *ledger.Call {
	t.Helper()
	c, e := testCall(due)
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.PostCall(c, e) })
	return c
}

func TestPostCallRecordsPartsAndEntry(t *testing.T) {
	db := mustCreate(t)
	c := postTestCall(t, db, "2025-01-01")
	if c.ID == 0 || c.EntryID == 0 || c.ExerciseID == 0 {
		t.Fatalf("ids not set: %+v", c)
	}
	mustView(t, db, func(tx *ledger.Tx) error {
		got, err := tx.Call(c.ID)
		if err != nil {
			return err
		}
		if got.Total() != amt("1100,01") || len(got.Parts) != 5 || got.Cancelled() || got.Piece != "A0001" || got.Kind != ledger.BudgetCall {
			t.Errorf("call read back: %+v", got)
		}
		if o := got.OwnerTotals(); o["450001"] != amt("433,34") || o["450003"] != amt("300") {
			t.Errorf("owner totals %v", o)
		}
		if !got.Keys[1].TotalShares.Equal(dec("300")) || !got.Parts[1].Shares.Equal(dec("100")) {
			t.Errorf("shares not kept: %+v %+v", got.Keys, got.Parts)
		}
		list, err := tx.Calls(ledger.CallFilter{Live: true, Kind: ledger.BudgetCall})
		if err != nil {
			return err
		}
		if len(list) != 1 || len(list[0].Keys) != 2 || list[0].Parts != nil {
			t.Errorf("Calls = %+v", list)
		}
		bal, err := tx.OwnerBalances(ledger.Date(2025, 1, 1))
		if bal["450002"] != amt("366,67") {
			t.Errorf("balances %v", bal)
		}
		return err
	})
	wantNoProblem(t, db)
}

func TestPostCallRefusesInconsistentCalls(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *ledger.Call, e *ledger.Entry)
		want   string
	}{
		{"parts short of the key", func(c *ledger.Call, e *ledger.Entry) { c.Parts[1].Amount-- },
			"les parts des copropriétaires sur la clé 002 font 100,00 € au lieu de 100,01 €"},
		{"entry differs from parts", func(c *ledger.Call, e *ledger.Entry) {
			e.Lines[0].Debit--
			e.Lines[2].Debit++
		}, "l'écriture porte 433,33 € au compte 450001, ses parts font 433,34 €"},
		{"entry credits another account", func(c *ledger.Call, e *ledger.Entry) { e.Lines[4].Account = "702000" },
			"l'écriture mouvemente le compte 702000, qui n'est ni un compte de copropriétaire ni le compte 701000 de l'appel"},
		{"owner without part", func(c *ledger.Call, e *ledger.Entry) { c.Parts = c.Parts[:4]; c.Keys[0].Amount = amt("700") },
			"l'écriture mouvemente le compte 450003, qui n'a aucune part de l'appel"},
		{"part on a key not called", func(c *ledger.Call, e *ledger.Entry) { c.Parts[4].Key = "003" },
			"porte sur la clé 003, qui n'est pas appelée"},
		{"key without shares", func(c *ledger.Call, e *ledger.Entry) { c.Keys[1].TotalShares = dec("0") },
			"la clé 002 n'a aucun tantième"},
		{"due out of its period", func(c *ledger.Call, e *ledger.Entry) { c.PeriodStart = c.Due.AddDate(0, 0, 1) },
			"l'échéance doit tomber dans la période appelée"},
		{"entry on another day", func(c *ledger.Call, e *ledger.Entry) { e.Date = e.Date.AddDate(0, 0, 1) },
			"l'écriture doit être datée du jour de l'échéance"},
		{"works call without campaign", func(c *ledger.Call, e *ledger.Entry) { c.Kind = ledger.WorksCall },
			"un appel de travaux doit indiquer sa campagne"},
		{"unknown campaign", func(c *ledger.Call, e *ledger.Entry) { c.Kind, c.Works = ledger.WorksCall, "ZZZ" },
			"la campagne de travaux ZZZ n'existe pas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := mustCreate(t)
			c, e := testCall("2025-04-01")
			tt.change(c, e)
			err := db.Update(func(tx *ledger.Tx) error { return tx.PostCall(c, e) })
			wantRefused(t, err, tt.want, tt.name)
			if n := entryCount(t, db); n != 0 {
				t.Errorf("a refused call left %d entries", n)
			}
		})
	}
}

func TestCallEntryIsProtected(t *testing.T) {
	db := mustCreate(t)
	c := postTestCall(t, db, "2025-01-01")
	err := db.Update(func(tx *ledger.Tx) error { return tx.DeleteEntry(c.EntryID) })
	wantRefused(t, err, "est celle d'un appel de fonds", "deleting a call's entry")
	if ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("kind %v, want Conflict", ledger.KindOf(err))
	}
	_, e := testCall("2025-01-01")
	err = db.Update(func(tx *ledger.Tx) error { return tx.ReplaceEntry(c.EntryID, e) })
	wantRefused(t, err, "ne peut être ni modifiée ni supprimée", "replacing a call's entry")

	// Raw SQL meets the same walls.
	for _, tt := range []struct{ sql, want string }{
		{`DELETE FROM entries WHERE id = ` + itoa(c.EntryID), "celle d'un appel de fonds"},
		{`DELETE FROM calls`, "ne peut pas être supprimé"},
		{`UPDATE calls SET due_date = '2025-02-01'`, "ne peut pas être modifié"},
		{`UPDATE calls SET entry_id = 999`, "ne peut pas être modifié"},
		{`UPDATE call_parts SET amount = amount + 1`, "ne peuvent pas changer"},
		{`DELETE FROM call_parts WHERE owner = '450003'`, "ne peuvent pas changer"},
		{`UPDATE call_keys SET amount = 1`, "ne peuvent pas changer"},
		{`DELETE FROM call_keys`, "ne peuvent pas changer"},
		{`UPDATE calls SET cancel_entry_id = 999`, "rattachée à son écriture validée"},
		{`INSERT INTO calls (kind, exercise_id, number, count, due_date, period_start, period_end, label, account, level, piece, entry_id)
		  VALUES ('budget', 1, 1, 1, '2025-01-01', '2025-01-01', '2025-12-31', 'x', '701000', '', 'A9', 999)`, "rattaché à son écriture validée"},
		{`DELETE FROM keys WHERE code = '002'`, "clé utilisée (appels de fonds"},
	} {
		wantRefused(t, db.Exec(tt.sql), tt.want, tt.sql)
	}
	wantNoProblem(t, db)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestCancelCall(t *testing.T) {
	db := mustCreate(t)
	c := postTestCall(t, db, "2025-04-01")
	var rev ledger.Entry
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if _, err := tx.CancelCall(c.ID, ledger.Date(2025, 3, 31)); err == nil {
			t.Error("a cancellation dated before the call was accepted")
		}
		if _, err := tx.CancelCall(c.ID, ledger.Date(2026, 1, 5)); err == nil {
			t.Error("a cancellation dated in another exercise was accepted")
		}
		var err error
		rev, err = tx.CancelCall(c.ID, time.Time{})
		return err
	})
	if !rev.Date.Equal(c.Due) || rev.Piece != "A0001" || len(rev.Lines) != 5 {
		t.Errorf("reversing entry %+v", rev)
	}
	for acc, bal := range ownerBalances(t, db, "2025-12-31") {
		if bal != 0 {
			t.Errorf("%s: balance %s after cancelling", acc, bal)
		}
	}
	if tb := trialBalance(t, db, "2025-01-01", "2025-12-31"); tb["701000"].Balance() != 0 {
		t.Errorf("701000 after cancelling: %v", tb["701000"])
	}
	mustView(t, db, func(tx *ledger.Tx) error {
		got, err := tx.Call(c.ID)
		if !got.Cancelled() || got.CancelEntryID != rev.ID {
			t.Errorf("call after cancelling: %+v", got)
		}
		live, _ := tx.Calls(ledger.CallFilter{Live: true})
		if len(live) != 0 {
			t.Errorf("%d live calls after cancelling", len(live))
		}
		return err
	})
	err := db.Update(func(tx *ledger.Tx) error { _, err := tx.CancelCall(c.ID, time.Time{}); return err })
	wantRefused(t, err, "cet appel est déjà annulé", "cancelling twice")
	err = db.Update(func(tx *ledger.Tx) error { return tx.DeleteEntry(rev.ID) })
	wantRefused(t, err, "celle d'un appel de fonds", "deleting the reversing entry")
	wantNoProblem(t, db)
}

func TestCancelCallOfClosedExercise(t *testing.T) {
	db := mustCreate(t)
	c := postTestCall(t, db, "2025-01-01")
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		return tx.CloseExercise(ex.ID)
	})
	err := db.Update(func(tx *ledger.Tx) error { _, err := tx.CancelCall(c.ID, time.Time{}); return err })
	wantRefused(t, err, "l'exercice 2025 est clos, ses appels ne peuvent plus être annulés", "cancelling in a closed exercise")
	if ledger.KindOf(err) != ledger.Locked {
		t.Errorf("kind %v, want Locked", ledger.KindOf(err))
	}
	// The file answers "locked" too, before anything else.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		return tx.PostEntry(entry("2026-01-02", "OD", "X", dr("450001", "", "1"), cr("701000", "001", "1")))
	})
	err = db.Exec(`UPDATE calls SET cancel_entry_id = (SELECT max(id) FROM entries)`)
	wantRefused(t, err, "ses appels de fonds ne peuvent plus être annulés", "raw cancel in a closed exercise")
	if ledger.KindOf(err) != ledger.Locked {
		t.Errorf("raw cancel: kind %v, want Locked", ledger.KindOf(err))
	}
	err = db.Exec(`DELETE FROM entries WHERE id = ` + itoa(c.EntryID))
	if ledger.KindOf(err) != ledger.Locked {
		t.Errorf("deleting a closed call's entry: %v, want Locked", err)
	}
}

func TestCheckFindsBrokenCall(t *testing.T) {
	db := mustCreate(t)
	postTestCall(t, db, "2025-01-01")
	for _, q := range []string{`DROP TRIGGER call_parts_update`, `UPDATE call_parts SET amount = amount + 1 WHERE owner = '450003'`} {
		if err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	problems, err := db.Check(false)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"la protection « call_parts_update » du fichier a été retirée":                                 false,
		"l'appel de fonds A0001 du 2025-01-01 : les parts de la clé 001 ne font pas le montant appelé": false,
	}
	for _, p := range problems {
		if _, ok := want[p.Text]; ok {
			want[p.Text] = true
		}
	}
	for text, found := range want {
		if !found {
			t.Errorf("Check did not report %q; got %v", text, problems)
		}
	}
}

// The same period cannot be called twice while its first call stands.
func TestCallPeriodOnce(t *testing.T) {
	db := mustCreate(t)
	first := postTestCall(t, db, "2025-01-01")
	c, e := testCall("2025-01-01")
	c.Piece, e.Piece = "A0002", "A0002"
	err := db.Update(func(tx *ledger.Tx) error { return tx.PostCall(c, e) })
	if ledger.KindOf(err) != ledger.Conflict {
		t.Fatalf("second call of the same period: %v", err)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error { _, err := tx.CancelCall(first.ID, time.Time{}); return err })
	c, e = testCall("2025-01-01")
	c.Piece, e.Piece = "A0002", "A0002"
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.PostCall(c, e) })
	wantNoProblem(t, db)
}
