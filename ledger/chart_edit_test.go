package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

// An account goes only while nothing names it: each use found is the
// reason given; an account never used is deleted.
func TestDeleteAccount(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for _, code := range []string{"606100", "606200", "606300"} {
			if err := tx.AddAccount(ledger.Account{Code: code, Label: "Fournitures " + code}); err != nil {
				return err
			}
		}
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		if err := tx.SetBudgetLine(ex.ID, ledger.BudgetLine{Account: "606200", Key: "001", Amount: amt("100")}); err != nil {
			return err
		}
		return tx.PostEntry(entry("2025-02-01", "OD", "X1", dr("606100", "001", "10"), cr("401000", "", "10")))
	})
	for code, why := range map[string]string{
		"606100": "il a des écritures", "606200": "il figure dans un budget", "512001": "compte bancaire",
		"450001": "copropriétaire", "401000": "compte collectif", "999999": "n'existe pas",
		"622000": "plan comptable officiel",
	} {
		err := db.Update(func(tx *ledger.Tx) error { return tx.DeleteAccount(code) })
		if err == nil || !strings.Contains(ledger.Message(err), why) {
			t.Errorf("delete %s: %v, want « %s »", code, err, why)
		}
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.DeleteAccount("606300") })
	mustView(t, db, func(tx *ledger.Tx) error {
		if _, err := tx.Account("606300"); ledger.KindOf(err) != ledger.NotFound {
			t.Errorf("606300 still there: %v", err)
		}
		return nil
	})
}

// Journals: the user's are added, renamed and deleted while empty; the
// four standard ones are renamed but never deleted.
func TestJournalsEdit(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.AddJournal(ledger.Journal{Code: "bq2", Label: "Banque postale"}); err != nil {
			return err
		}
		if err := tx.RenameJournal(ledger.Journal{Code: "BQ2", Label: "La Banque postale"}); err != nil {
			return err
		}
		return tx.RenameJournal(ledger.Journal{Code: "OD", Label: "Opérations diverses et appels"})
	})
	for _, c := range []struct {
		do   func(tx *ledger.Tx) error
		kind ledger.Kind
	}{
		{func(tx *ledger.Tx) error { return tx.AddJournal(ledger.Journal{Code: "BANQU", Label: "x"}) }, ledger.Invalid},
		{func(tx *ledger.Tx) error { return tx.AddJournal(ledger.Journal{Code: "BQ2", Label: "x"}) }, ledger.Conflict},
		{func(tx *ledger.Tx) error { return tx.RenameJournal(ledger.Journal{Code: "ZZ", Label: "x"}) }, ledger.NotFound},
		{func(tx *ledger.Tx) error { return tx.RenameJournal(ledger.Journal{Code: "BQ2", Label: " "}) }, ledger.Invalid},
		{func(tx *ledger.Tx) error { return tx.DeleteJournal("AN") }, ledger.Conflict},
	} {
		if err := db.Update(c.do); ledger.KindOf(err) != c.kind {
			t.Errorf("%v, want kind %v", err, c.kind)
		}
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.PostEntry(entry("2025-02-01", "BQ2", "X1", dr("512001", "", "10"), cr("450001", "", "10"))); err != nil {
			return err
		}
		if err := tx.DeleteJournal("BQ2"); ledger.KindOf(err) != ledger.Conflict {
			t.Errorf("journal with entries deleted: %v", err)
		}
		js, err := tx.Journals()
		got := map[string]string{}
		for _, j := range js {
			got[j.Code] = j.Label
		}
		if got["BQ2"] != "La Banque postale" || got["OD"] != "Opérations diverses et appels" || len(js) != 5 {
			t.Errorf("journals %v", js)
		}
		return err
	})
}
