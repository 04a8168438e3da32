package app_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// The seed's water example end to end: the statement, the estimate key
// written before the first call, the call made on it, then the estimate
// key refused (a call was made with it) while the actual key still takes
// the consumptions.
func TestMetersSeedExample(t *testing.T) {
	r := apptest.Meters(t)
	st, err := r.MeterStatement("EAU", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if st.GeneralTotal != ledger.MustAmount("2265") || st.Total != ledger.MustAmount("2190") || st.CommonTotal != ledger.MustAmount("75") {
		t.Errorf("general %s, lots %s, common %s; want 2 265, 2 190, 75", st.GeneralTotal, st.Total, st.CommonTotal)
	}
	ch, err := r.ApplyMeterKey("EAU", 2025, ledger.EstimateRole)
	if err != nil {
		t.Fatal(err)
	}
	if got := app.MeterChangeText(ch); got != "la clé 800 reçoit les estimations : 4 lots, total des tantièmes 0 → 750" {
		t.Errorf("change said %q", got)
	}
	ex := apptest.Year(t, r, 2025)
	if err := r.SetBudgetLine(ex.ID, apptest.Budget("601000", "800", "3000.00")); err != nil {
		t.Fatal(err)
	}
	plan, err := r.PlanBudgetCalls(ex, 4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(err)
	}
	_, err = r.ApplyMeterKey("EAU", 2025, ledger.EstimateRole)
	if ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), "a servi à l'appel") {
		t.Errorf("estimate key after a call: %v", err)
	}
	ch, err = r.ApplyMeterKey("EAU", 2025, ledger.ActualRole)
	if err != nil {
		t.Fatal(err)
	}
	totals, _ := r.KeyTotals()
	for _, k := range totals {
		if k.Code == "801" && (k.DeclaredTotal.String() != "730" || !k.Matches()) {
			t.Errorf("key 801: %+v", k)
		}
	}
	// Lot 4's meter removed from the readings: applying again takes it out of the key.
	if err := r.DeleteMeterReading("EAU", 2025, "4"); err != nil {
		t.Fatal(err)
	}
	ch, err = r.ApplyMeterKey("EAU", 2025, ledger.ActualRole)
	if err != nil {
		t.Fatal(err)
	}
	if got := app.MeterChangeText(ch); got != "la clé 801 reçoit les consommations relevées : 3 lots, total des tantièmes 730 → 650 ; le lot 4 sort de la clé" {
		t.Errorf("change said %q", got)
	}
}

func TestMeterSheetPDF(t *testing.T) {
	ledgertest.Isolate(t)
	r := apptest.Meters(t)
	path, err := r.WriteMeterSheet("EAU", 2025, time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	text := ledgertest.Flat(ledgertest.PDFFile(t, path, "-layout"))
	for _, want := range []string{"Compteur EAU — Eau froide — 2025", "Prix unitaire : 3,00 € le m3", "2 190,00 €", "Consommation commune (écart) 25 m3 — 75,00 €",
		"Consommation générale 755 m3 — 2 265,00 €", "Forfait, compteur non relevé", "Changé : dépose 2 080, pose 0", "Propriétaire 001"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q:\n%s", want, text)
		}
	}
	docs, err := r.DocumentRegister(ledger.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Kind != "meter_reading" {
		t.Errorf("register: %+v", docs)
	}
}

// readingsWorkbook writes rows (cells separated by |; a cell that reads as a
// number is written as one) as the first sheet of a workbook.
func readingsWorkbook(t *testing.T, rows ...string) string {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, row := range rows {
		for j, v := range strings.Split(row, "|") {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if n, err := ledger.ParseAmount(v); err == nil && v != "" && !strings.ContainsAny(v, " ,") {
				x.SetCellFloat("Sheet1", ref, float64(n)/100, -1, 64)
			} else if v != "" {
				x.SetCellStr("Sheet1", ref, v)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "releves.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportMeterReadings(t *testing.T) {
	r := apptest.Meters(t)
	const head = "Lot|Ancien index|Nouvel index|Consommation|Estimation|Forfait"
	res, err := r.ImportMeterReadings("EAU", 2025, readingsWorkbook(t, head,
		"1|1000|1310||300|", "2|2000|2050|||", "3|||140||oui", "4|40|30|12||"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 4 {
		t.Errorf("%d rows", res.Rows)
	}
	st, _ := r.MeterStatement("EAU", 2025)
	got := map[string]string{}
	for _, l := range st.Lines {
		got[l.Lot] = l.Consumption.String() + "/" + l.Estimate.String()
	}
	// Lot 2 keeps its estimate (the file gives none); lot 4's consumption
	// is forced (its meter went back).
	want := map[string]string{"1": "310/300", "2": "50/220", "3": "140/150", "4": "12/100"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("lot %s: %s, want %s", k, got[k], v)
		}
	}
	if l := st.Lines[2]; !l.Flat || l.Changed || l.Reason != ledger.FlatReason {
		t.Errorf("lot 3 flat, meter not changed: %+v", l.MeterReading)
	}

	for _, c := range []struct {
		name string
		rows []string
		want string
	}{
		{"text in a number", []string{head, "1|1000|douze|||"}, "ligne 2, colonne C (Nouvel index) : « douze » n'est pas un nombre"},
		{"negative", []string{head, "1|-5|10|||"}, "ligne 2, colonne B (Ancien index) : « -5 » est négatif"},
		{"new below old", []string{head, "1|1000|900|||"}, "ligne 2, colonne C (Nouvel index) : le nouvel index (900) est inférieur à l'ancien (1000)"},
		{"unknown lot", []string{head, "1|0|5|||", "9|0|5|||"}, "ligne 3, colonne A (Lot) : le lot « 9 » n'existe pas"},
		{"duplicate", []string{head, "1|0|5|||", "2|0|5|||", "1|0|7|||"}, "ligne 4, colonne A (Lot) : le lot 1 figure déjà ligne 2"},
		{"flat without consumption", []string{head, "3|||||x"}, "colonne D (Consommation) : un compteur non relevé"},
		{"bad flat flag", []string{head, "3|||5||peut-être"}, "colonne F (Forfait)"},
		{"no header", []string{"a|b", "1|2"}, "aucune ligne d'en-tête"},
	} {
		before, _ := r.MeterStatement("EAU", 2025)
		_, err := r.ImportMeterReadings("EAU", 2025, readingsWorkbook(t, c.rows...))
		if err == nil || !strings.Contains(ledger.Message(err), c.want) || !strings.Contains(ledger.Message(err), "releves.xlsx") {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
		after, _ := r.MeterStatement("EAU", 2025)
		if before.Consumption.String() != after.Consumption.String() {
			t.Errorf("%s: something was written", c.name)
		}
	}
}
