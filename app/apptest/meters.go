package apptest

import (
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// MetersFile writes « Résidence du Parc » (ledgertest.Calls: lots 1 to 4,
// owners 450001 to 450003) with the seed's water example (seed 002,
// « Compteurs ») as its meter EAU of 2025: keys 800 (estimate) and 801
// (actual) without shares, a general meter from 10 000 to 10 755 m3 (755
// m3), the lots' meters 730 m3 — lot 1 300; lot 2 200, its meter changed
// in the year (80 on the old one, 120 on the new); lot 3 not read, a flat
// 150; lot 4 80 — water at 3 € the m3. By hand: 755 × 3 = 2 265 €, 730 ×
// 3 = 2 190 € for the lots (900, 600, 450, 240), 25 m3 and 75 € common;
// estimates 280, 220, 150, 100 (750). It returns the file's path.
func MetersFile(tb testing.TB) string {
	tb.Helper()
	file := ledgertest.Calls(tb, []Lot{
		{Number: "1", Owner: "450001", Shares: map[string]string{"001": "400"}},
		{Number: "2", Owner: "450002", Shares: map[string]string{"001": "300"}},
		{Number: "3", Owner: "450003", Shares: map[string]string{"001": "200"}},
		{Number: "4", Owner: "450003", Shares: map[string]string{"001": "100"}},
	})
	r, err := app.Open(file)
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	d := decimal.RequireFromString
	for _, k := range []ledger.Key{{Code: "800", Label: "Eau (estimation)"}, {Code: "801", Label: "Eau (consommation)"}} {
		if err := r.SaveKey(k, true); err != nil {
			tb.Fatal(err)
		}
	}
	if err := r.SaveMeter(ledger.Meter{Code: "EAU", Year: 2025, Label: "Eau froide", Unit: "m3", UnitPrice: d("3"), EstimateKey: "800", ActualKey: "801",
		HasGeneral: true, GeneralOld: d("10000"), GeneralNew: d("10755")}, true); err != nil {
		tb.Fatal(err)
	}
	for _, rd := range []ledger.MeterReading{
		{Lot: "1", Period: "2025", Old: d("1000"), New: d("1300"), Estimate: d("280")},
		{Lot: "2", Period: "2025", Old: d("2000"), Changed: true, ChangedEnd: d("2080"), ChangedStart: d("0"), New: d("120"), Estimate: d("220")},
		{Lot: "3", Period: "2025", Old: d("500"), New: d("500"), Flat: true, ForcedValue: d("150"), Estimate: d("150")},
		{Lot: "4", Period: "2025", Old: d("40"), New: d("120"), Estimate: d("100")},
	} {
		if err := r.SaveMeterReading("EAU", 2025, rd); err != nil {
			tb.Fatal(err)
		}
	}
	return file
}

// Meters opens MetersFile.
func Meters(tb testing.TB) *app.Residence {
	tb.Helper()
	return Open(tb, MetersFile(tb))
}
