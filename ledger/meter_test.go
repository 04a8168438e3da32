package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// waterMeter is the seed's water example (seed 002, « Compteurs ») on the
// four lots of « Résidence des Tests »: a general meter from 10 000 to
// 10 755 m3 (755 m3), the lots' meters 730 m3 (lot 1 300; lot 2 200 with
// its meter changed in the year, 80 on the old one and 120 on the new;
// lot 3 not read, a flat 150; lot 4 80), water at 3 € the m3. By hand:
// 755 × 3 = 2 265 €, 730 × 3 = 2 190 €, 25 m3 × 3 = 75 € common; lots
// 900 + 600 + 450 + 240 = 2 190 €.
func waterMeter(tb testing.TB) *ledger.DB {
	tb.Helper()
	file := ledgertest.Create(tb, ledgertest.TestsSetup(), func(tx *ledger.Tx) error {
		if err := ledgertest.TestsFill(tx); err != nil {
			return err
		}
		for _, k := range []ledger.Key{{Code: "800", Label: "Eau estimation 2025"}, {Code: "801", Label: "Eau consommation 2025"}} {
			if err := tx.AddKey(k); err != nil {
				return err
			}
		}
		m := ledger.Meter{Code: "eau", Year: 2025, Label: "Eau froide", Unit: "m3", UnitPrice: dec("3"), EstimateKey: "800", ActualKey: "801",
			HasGeneral: true, GeneralOld: dec("10000"), GeneralNew: dec("10755")}
		if err := tx.SaveMeter(m, true); err != nil {
			return err
		}
		for _, r := range []ledger.MeterReading{
			{Lot: "1", Old: dec("1000"), New: dec("1300"), Estimate: dec("280")},
			{Lot: "2", Old: dec("2000"), Changed: true, ChangedEnd: dec("2080"), ChangedStart: dec("0"), New: dec("120"), Estimate: dec("220")},
			{Lot: "3", Old: dec("500"), New: dec("500"), Flat: true, ForcedValue: dec("150"), Estimate: dec("150")},
			{Lot: "4", Old: dec("40"), New: dec("120"), Estimate: dec("100")},
		} {
			if err := tx.SaveMeterReading("EAU", 2025, r); err != nil {
				return err
			}
		}
		return nil
	})
	db, err := ledger.Open(file)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestMeterSeedWaterExample(t *testing.T) {
	db := waterMeter(t)
	var st ledger.MeterStatement
	if err := db.View(func(tx *ledger.Tx) (err error) { st, err = tx.MeterStatementOf("EAU", 2025); return err }); err != nil {
		t.Fatal(err)
	}
	if !st.General.Equal(dec("755")) || st.GeneralTotal != ledger.MustAmount("2265") {
		t.Errorf("general %s m3, %s; want 755 m3, 2 265,00 €", st.General, st.GeneralTotal)
	}
	if !st.Consumption.Equal(dec("730")) || st.Total != ledger.MustAmount("2190") {
		t.Errorf("lots %s m3, %s; want 730 m3, 2 190,00 €", st.Consumption, st.Total)
	}
	if !st.Common.Equal(dec("25")) || st.CommonTotal != ledger.MustAmount("75") {
		t.Errorf("common %s m3, %s; want 25 m3, 75,00 €", st.Common, st.CommonTotal)
	}
	want := map[string][3]string{ // consumption, gap, total
		"1": {"300", "-20", "900"}, "2": {"200", "20", "600"}, "3": {"150", "0", "450"}, "4": {"80", "20", "240"},
	}
	for _, l := range st.Lines {
		w := want[l.Lot]
		if !l.Consumption.Equal(dec(w[0])) || !l.Gap.Equal(dec(w[1])) || l.Total != ledger.MustAmount(w[2]) {
			t.Errorf("lot %s: %s m3, gap %s, %s; want %v", l.Lot, l.Consumption, l.Gap, l.Total, w)
		}
	}
	if l := st.Lines[2]; !l.Flat || l.Reason != ledger.FlatReason {
		t.Errorf("lot 3 is flat with reason %q, got %+v", ledger.FlatReason, l.MeterReading)
	}

	// The consumptions become the actual key's shares, its total follows.
	if err := db.Update(func(tx *ledger.Tx) error { _, err := tx.ApplyMeterKey("EAU", 2025, ledger.ActualRole); return err }); err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *ledger.Tx) error { _, err := tx.ApplyMeterKey("EAU", 2025, ledger.EstimateRole); return err }); err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *ledger.Tx) error {
		got := map[string]string{}
		for _, k := range []string{"800", "801"} {
			shares, _ := tx.SharesOfKey(k)
			for _, s := range shares {
				got[k+"/"+s.Lot] = s.Shares.String()
			}
		}
		want := map[string]string{"801/1": "300", "801/2": "200", "801/3": "150", "801/4": "80",
			"800/1": "280", "800/2": "220", "800/3": "150", "800/4": "100"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("shares %s = %q, want %s", k, got[k], v)
			}
		}
		totals, _ := tx.KeyTotals()
		for _, k := range totals {
			if (k.Code == "801" && !k.DeclaredTotal.Equal(dec("730"))) || (k.Code == "800" && !k.DeclaredTotal.Equal(dec("750"))) {
				t.Errorf("key %s declared %s", k.Code, k.DeclaredTotal)
			}
			if (k.Code == "800" || k.Code == "801") && !k.Matches() {
				t.Errorf("key %s not conforme: %+v", k.Code, k)
			}
		}
		return nil
	})
}

// The lots' totals add up to the cent: 3 lots of 1 m3 at 3,333 € are
// 9,999 €, 10,00 € to share, 3,34 + 3,33 + 3,33 (the extra cent to the
// lowest lot, all remainders being equal).
func TestMeterTotalsAddUp(t *testing.T) {
	m := ledger.Meter{UnitPrice: dec("3.333")}
	st, err := ledger.ComputeMeter(m, []ledger.MeterReading{{Lot: "1", New: dec("1")}, {Lot: "2", New: dec("1")}, {Lot: "3", New: dec("1")}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Total != ledger.MustAmount("10") {
		t.Errorf("total %s, want 10,00 €", st.Total)
	}
	for i, w := range []string{"3.34", "3.33", "3.33"} {
		if st.Lines[i].Total != ledger.MustAmount(w) {
			t.Errorf("lot %d: %s, want %s", i+1, st.Lines[i].Total, w)
		}
	}
}

func TestMeterRefusals(t *testing.T) {
	db := waterMeter(t)
	for _, c := range []struct {
		name string
		r    ledger.MeterReading
		want string
	}{
		{"new below old", ledger.MeterReading{Lot: "1", Old: dec("10"), New: dec("5")}, "inférieur à l'ancien"},
		{"forced without reason", ledger.MeterReading{Lot: "1", Forced: true, ForcedValue: dec("5")}, "pourquoi"},
		{"negative", ledger.MeterReading{Lot: "1", Old: dec("-1"), New: dec("5")}, "est négatif"},
		{"unknown lot", ledger.MeterReading{Lot: "99"}, "n'existe pas"},
		{"changed meter backwards", ledger.MeterReading{Lot: "1", Old: dec("10"), Changed: true, ChangedEnd: dec("8"), New: dec("1")}, "dépose"},
	} {
		err := db.Update(func(tx *ledger.Tx) error { return tx.SaveMeterReading("EAU", 2025, c.r) })
		if err == nil || !strings.Contains(ledger.Message(err), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	// Forced with a reason passes even below the old index.
	if err := db.Update(func(tx *ledger.Tx) error {
		return tx.SaveMeterReading("EAU", 2025, ledger.MeterReading{Lot: "1", Old: dec("10"), New: dec("5"), Forced: true, ForcedValue: dec("7"), Reason: "Compteur remis à zéro"})
	}); err != nil {
		t.Errorf("forced reading: %v", err)
	}
	if err := db.Update(func(tx *ledger.Tx) error { return tx.DeleteMeter("EAU", 2025) }); ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("deleting a meter with readings: %v", err)
	}
	// The actual key must not carry charges of another exercise.
	if err := db.Update(func(tx *ledger.Tx) error {
		return tx.PostEntry(&ledger.Entry{Journal: ledger.JournalPurchases, Date: ledger.Date(2026, 3, 1), Piece: "F1", Label: "Facture eau", Lines: []ledger.Line{
			{Account: "601000", Key: "801", Debit: ledger.MustAmount("100")}, {Account: "401000", Credit: ledger.MustAmount("100")}}})
	}); err != nil {
		t.Fatal(err)
	}
	err := db.Update(func(tx *ledger.Tx) error { _, err := tx.ApplyMeterKey("EAU", 2025, ledger.ActualRole); return err })
	if ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), "hors de l'exercice 2025") {
		t.Errorf("actual key used in 2026: %v", err)
	}
}
