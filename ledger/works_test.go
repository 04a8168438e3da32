package ledger_test

import (
	"testing"
	"time"

	"tantieme/ledger"
)

func testWorks() ledger.Works {
	return ledger.Works{Code: "rav", Label: "Ravalement des façades", Type: ledger.Art142Works,
		AGDate: ledger.Date(2024, 6, 12), Voted: amt("30000"), End: ledger.Date(2026, 9, 30),
		Keys:     []ledger.WorksKey{{Key: "001", Amount: amt("24000")}, {Key: "002", Amount: amt("6000")}},
		Schedule: []time.Time{ledger.Date(2025, 1, 1), ledger.Date(2025, 7, 1), ledger.Date(2026, 1, 1)}}
}

func TestAddWorksCreatesAccounts(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.AddWorks(testWorks()) })
	mustView(t, db, func(tx *ledger.Tx) error {
		for _, code := range ledger.WorksAccounts("RAV") {
			a, err := tx.Account(code)
			if err != nil {
				t.Errorf("account %s: %v", code, err)
				continue
			}
			if a.Label == "" {
				t.Errorf("account %s has no label", code)
			}
		}
		w, err := tx.Works("rav")
		if err != nil {
			return err
		}
		if w.Code != "RAV" || len(w.Keys) != 2 || len(w.Schedule) != 3 || !w.Schedule[2].Equal(ledger.Date(2026, 1, 1)) || w.Voted != amt("30000") {
			t.Errorf("works read back: %+v", w)
		}
		ex25, _ := tx.ExerciseOfYear(2025)
		ex26, _ := tx.ExerciseOfYear(2026)
		if w.EndsIn(ex25) || !w.EndsIn(ex26) {
			t.Errorf("EndsIn 2025 %v, 2026 %v", w.EndsIn(ex25), w.EndsIn(ex26))
		}
		return nil
	})
	// The accounts can take entries: a supplier invoice on 671RAV with a key.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		return tx.PostEntry(entry("2025-03-01", "AC", "F1", dr("671RAV", "001", "1000"), cr("401RAV", "", "1000")))
	})
	wantNoProblem(t, db)
}

func TestWorksRefused(t *testing.T) {
	tests := []struct {
		name   string
		change func(w *ledger.Works)
		want   string
	}{
		{"digits in code", func(w *ledger.Works) { w.Code = "001" }, "doit faire trois lettres"},
		{"short code", func(w *ledger.Works) { w.Code = "RA" }, "doit faire trois lettres"},
		{"no label", func(w *ledger.Works) { w.Label = " " }, "le libellé est obligatoire"},
		{"no type", func(w *ledger.Works) { w.Type = "" }, "choisissez le type"},
		{"keys off the vote", func(w *ledger.Works) { w.Keys[1].Amount = amt("5000") }, "les montants par clé font 29 000,00 €, le montant voté 30 000,00 €"},
		{"unknown key", func(w *ledger.Works) { w.Keys[1].Key = "009" }, "la clé 009 n'existe pas"},
		{"key twice", func(w *ledger.Works) { w.Keys[1].Key = "001" }, "la clé 001 figure deux fois"},
		{"dates backwards", func(w *ledger.Works) { w.Schedule[1] = ledger.Date(2024, 12, 1) }, "l'échéance n° 2 (01/12/2024) doit suivre la précédente"},
		{"more than three years", func(w *ledger.Works) { w.Schedule[2] = ledger.Date(2028, 1, 1) }, "sur 3 ans au plus"},
		{"date out of every exercise", func(w *ledger.Works) {
			w.Schedule = []time.Time{ledger.Date(2027, 6, 1), ledger.Date(2028, 6, 1)}
		}, "l'échéance du 01/06/2028 n'appartient à aucun exercice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := mustCreate(t)
			w := testWorks()
			tt.change(&w)
			err := db.Update(func(tx *ledger.Tx) error { return tx.AddWorks(w) })
			wantRefused(t, err, tt.want, tt.name)
		})
	}
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.AddWorks(testWorks()) })
	err := db.Update(func(tx *ledger.Tx) error { return tx.AddWorks(testWorks()) })
	if ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("second campaign RAV: %v", err)
	}
	wantRefused(t, db.Exec(`UPDATE works SET code = 'RAW'`), "code d'une campagne de travaux ne peut pas changer", "recoding")
}

// worksCall posts the first call of campaign RAV: 8 000 € on key 001 and
// 2 000 € on key 002, credited to 102RAV.
func worksCall(t *testing.T, db *ledger.DB) *ledger.Call {
	t.Helper()
	d := ledger.Date(2025, 1, 1)
	c := &ledger.Call{Kind: ledger.WorksCall, Works: "RAV", Number: 1, Count: 3, Due: d, PeriodStart: d, PeriodEnd: d,
		Label: "Travaux RAV 1/3", Account: "102RAV", Piece: "A0001",
		Keys: []ledger.CallKey{{Key: "001", TotalShares: dec("1000"), Amount: amt("8000")}, {Key: "002", TotalShares: dec("300"), Amount: amt("2000")}},
		Parts: []ledger.CallPart{
			{Owner: "450001", Key: "001", Shares: dec("400"), Amount: amt("3200")},
			{Owner: "450001", Key: "002", Shares: dec("100"), Amount: amt("666,67")},
			{Owner: "450002", Key: "001", Shares: dec("300"), Amount: amt("2400")},
			{Owner: "450002", Key: "002", Shares: dec("200"), Amount: amt("1333,33")},
			{Owner: "450003", Key: "001", Shares: dec("300"), Amount: amt("2400")},
		}}
	e := entry("2025-01-01", "OD", "A0001", dr("450001", "", "3866,67"), dr("450002", "", "3733,33"), dr("450003", "", "2400"),
		cr("102RAV", "", "10000"))
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.PostCall(c, e) })
	return c
}

func TestUpdateWorksKeepsWhatWasCalled(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.AddWorks(testWorks()) })
	c := worksCall(t, db)
	mustView(t, db, func(tx *ledger.Tx) error {
		called, err := tx.WorksCalled("RAV")
		if called["001"] != amt("8000") || called["002"] != amt("2000") {
			t.Errorf("called %v", called)
		}
		return err
	})

	w := testWorks()
	w.Schedule[0] = ledger.Date(2025, 2, 1)
	err := db.Update(func(tx *ledger.Tx) error { return tx.UpdateWorks(w) })
	wantRefused(t, err, "l'échéance n° 1 du 01/01/2025 est déjà appelée", "moving a called date")

	w = testWorks()
	w.Voted, w.Keys[1].Amount = amt("25500"), amt("1500")
	err = db.Update(func(tx *ledger.Tx) error { return tx.UpdateWorks(w) })
	wantRefused(t, err, "2 000,00 € ont déjà été appelés sur la clé 002", "lowering a key below what was called")

	// A revised vote and a later date for the calls to come are fine.
	w = testWorks()
	w.Voted, w.Keys[0].Amount = amt("33000"), amt("27000")
	w.Schedule[2] = ledger.Date(2026, 3, 1)
	w.Label = "Ravalement des façades sur rue"
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.UpdateWorks(w) })
	mustView(t, db, func(tx *ledger.Tx) error {
		got, err := tx.Works("RAV")
		if got.Voted != amt("33000") || !got.Schedule[2].Equal(ledger.Date(2026, 3, 1)) || got.Label != w.Label {
			t.Errorf("after update: %+v", got)
		}
		return err
	})

	err = db.Update(func(tx *ledger.Tx) error { return tx.DeleteWorks("RAV") })
	wantRefused(t, err, "a déjà été appelée", "deleting a called campaign")
	wantRefused(t, db.Exec(`DELETE FROM works_schedule WHERE works = 'RAV' AND number = 1`), "déjà appelée ne peut pas être supprimée", "raw delete of a called date")

	// Once its call is cancelled, the date may move again.
	mustUpdate(t, db, func(tx *ledger.Tx) error { _, err := tx.CancelCall(c.ID, time.Time{}); return err })
	w.Schedule[0] = ledger.Date(2025, 2, 1)
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.UpdateWorks(w) })
	wantNoProblem(t, db)
}

func TestDeleteWorksNeverCalled(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.AddWorks(testWorks()) })
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.DeleteWorks("RAV") })
	mustView(t, db, func(tx *ledger.Tx) error {
		if _, err := tx.Works("RAV"); ledger.KindOf(err) != ledger.NotFound {
			t.Errorf("deleted campaign: %v", err)
		}
		return nil
	})
	err := db.Update(func(tx *ledger.Tx) error { return tx.DeleteWorks("RAV") })
	if ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("deleting twice: %v", err)
	}
}

func TestWorksFund(t *testing.T) {
	db := mustCreate(t)
	var ex ledger.Exercise
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		var err error
		if ex, err = tx.ExerciseOfYear(2025); err != nil {
			return err
		}
		if _, ok, err := tx.WorksFund(ex.ID); ok || err != nil {
			t.Errorf("fund before any: %v %v", ok, err)
		}
		if err := tx.SetWorksFund(ledger.WorksFund{ExerciseID: ex.ID, Amount: amt("1500"), Key: "009"}); err == nil {
			t.Error("a fund on an unknown key was accepted")
		}
		return tx.SetWorksFund(ledger.WorksFund{ExerciseID: ex.ID, Amount: amt("1500"), Key: "001"})
	})
	mustView(t, db, func(tx *ledger.Tx) error {
		f, ok, err := tx.WorksFund(ex.ID)
		if !ok || f.Amount != amt("1500") || f.Key != "001" {
			t.Errorf("fund %+v %v", f, ok)
		}
		return err
	})
	wantRefused(t, db.Exec(`DELETE FROM keys WHERE code = '001'`), "clé utilisée", "deleting the fund's key")
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.SetWorksFund(ledger.WorksFund{ExerciseID: ex.ID}); err != nil {
			return err
		}
		if _, ok, _ := tx.WorksFund(ex.ID); ok {
			t.Error("fund still set after a zero amount")
		}
		return tx.CloseExercise(ex.ID)
	})
	err := db.Update(func(tx *ledger.Tx) error {
		return tx.SetWorksFund(ledger.WorksFund{ExerciseID: ex.ID, Amount: amt("10"), Key: "001"})
	})
	if ledger.KindOf(err) != ledger.Locked {
		t.Errorf("fund of a closed exercise: %v", err)
	}
}

func TestLetterTemplatesAndImages(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if _, ok, err := tx.LetterTemplate("pied"); ok || err != nil {
			t.Errorf("template before any: %v %v", ok, err)
		}
		if err := tx.SetLetterTemplate("pied", "Merci, {{.Syndic.Name}}"); err != nil {
			return err
		}
		return tx.SetLetterImage("signature", []byte{0x89, 'P', 'N', 'G'})
	})
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		body, ok, err := tx.LetterTemplate("pied")
		if !ok || body != "Merci, {{.Syndic.Name}}" || err != nil {
			t.Errorf("template %q %v %v", body, ok, err)
		}
		img, err := tx.LetterImage("signature")
		if len(img) != 4 || err != nil {
			t.Errorf("image %v %v", img, err)
		}
		if err := tx.SetLetterTemplate("pied", "  "); err != nil {
			return err
		}
		if _, ok, _ := tx.LetterTemplate("pied"); ok {
			t.Error("a blank text did not go back to the default")
		}
		if err := tx.SetLetterImage("signature", nil); err != nil {
			return err
		}
		img, err = tx.LetterImage("signature")
		if img != nil {
			t.Error("image still there")
		}
		return err
	})
}
