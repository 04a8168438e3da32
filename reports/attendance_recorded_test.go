package reports

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/ledger/ledgertest"
)

// recordedAttendance is the ten-owner AG of the ledger's tests, recorded:
// 450001 present, 450002 absent, 450003 postal in time, 450004 postal too
// late, 450005 present holding three proxies (450006, 450007, 450008),
// 450009's proxy refused (the fourth), 450010 present.
func recordedAttendance() Attendance {
	a := Attendance{Residence: "Résidence Les Tilleuls", Title: "Feuille de présence", Meeting: "Assemblée générale du 05/06/2026",
		KeyLabel: "Voix : tantièmes de la clé 001 – Charges générales", Printed: printedDay, KeyTotal: decimal.NewFromInt(1000)}
	votes := []int64{50, 80, 90, 100, 100, 110, 120, 130, 100, 120}
	names := []string{"M. Arnaud", "Mme Blanc", "M. Carré", "Mme Dubois", "M. Étienne", "Mme Fabre", "M. Garnier", "Mme Hugo", "M. Ibert", "Mme Joly"}
	for i, v := range votes {
		acc := "4500" + string(rune('0'+(i+1)/10)) + string(rune('0'+(i+1)%10))
		a.Owners = append(a.Owners, AttendanceOwner{Account: acc, Name: names[i], Votes: decimal.NewFromInt(v),
			Address: []string{"1 rue des Tilleuls", "69003 Lyon"}, Lots: []AttendanceLot{{Number: acc[3:], Shares: decimal.NewFromInt(v)}},
			Record: &AttendanceRecord{}})
	}
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	o := a.Owners
	o[0].Record.Mode = AttPresent
	o[2].Record.Mode, o[2].Record.Form = AttPostal, day("2026-06-01")
	o[3].Record.Mode, o[3].Record.Form = AttPostal, day("2026-06-02")
	o[3].Record.Refusal = "formulaire de vote par correspondance reçu le 02/06/2026, hors délai : il doit parvenir au syndic au moins trois jours francs avant l'assemblée (décret du 17 mars 1967, art. 9 bis)"
	o[4].Record.Mode = AttPresent
	o[4].Record.Mandants = []AttendanceMandant{{"Mme Fabre", decimal.NewFromInt(110)}, {"M. Garnier", decimal.NewFromInt(120)}, {"Mme Hugo", decimal.NewFromInt(130)}}
	for _, i := range []int{5, 6, 7, 8} {
		o[i].Record.Mode, o[i].Record.Holder = AttRepresented, "M. Étienne"
	}
	o[8].Record.Refusal = "pouvoir refusé : son mandataire, M. Étienne, détient déjà 3 pouvoirs et ses voix avec celles de ses mandants (560) dépasseraient 10 % des voix du syndicat (100) (loi du 10 juillet 1965, art. 22)"
	o[9].Record.Mode = AttPresent
	// Present 50 + 100 + 120 = 270 (3), represented 110 + 120 + 130 =
	// 360 (3), postal 90 (1), défaillants 80 + 100 + 100 = 280 (3).
	a.Totals = &AttendanceTotals{Present: AttendanceCount{3, decimal.NewFromInt(270)}, Represented: AttendanceCount{3, decimal.NewFromInt(360)},
		Postal: AttendanceCount{1, decimal.NewFromInt(90)}, Defaulting: AttendanceCount{3, decimal.NewFromInt(280)}}
	return a
}

func TestAttendanceRecorded(t *testing.T) {
	a := recordedAttendance()
	pdf, err := AttendancePDF(a)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TANTIEME_PDF_DIR"); dir != "" {
		os.WriteFile(dir+"/attendance_recorded.pdf", pdf, 0o644)
	}
	text := ledgertest.Flat(pdfText(t, pdf))
	for _, want := range []string{
		"01/06/2026", "hors délai",
		"Défaillant — formulaire de vote par correspondance reçu le 02/06/2026, hors délai",
		"3 pouvoirs détenus : Mme Fabre (110), M. Garnier (120), Mme Hugo (130)",
		"pouvoir refusé", "Défaillant — pouvoir refusé : son mandataire, M. Étienne, détient déjà 3 pouvoirs",
		"Présence enregistrée", "Présents 3 270", "Représentés 3 360", "Par correspondance 1 90", "Défaillants 3 280", "Total 10 1 000",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("recorded sheet lacks %q", want)
		}
	}
	// The pages' boxes hold their recorded rows: nine on page 1 (present
	// 50 + 100 = 150, represented 360, postal 90), the last with the grand
	// total on page 2 (present 120); 150 + 120 = 270.
	ps := pages(pdfText(t, pdf))
	if len(ps) != 2 {
		t.Fatalf("%d pages", len(ps))
	}
	for i, want := range [][]string{{"Présents 2 150", "Représentés 3 360", "Par correspondance 1 90"}, {"Présents 1 120", "Représentés 0 0", "Par correspondance 0 0"}} {
		for _, w := range want {
			if !strings.Contains(ledgertest.Flat(ps[i]), w) {
				t.Errorf("page %d's boxes lack %q", i+1, w)
			}
		}
	}
	if n := strings.Count(text, "reçu le"); n != 3 { // two cells and the refusal
		t.Errorf("« reçu le » %d times", n)
	}
	if strings.Count(text, "M. Étienne") < 5 { // his row, upside down, 4 mandants' rows (name wrapped or not)
		t.Errorf("mandataire named %d times", strings.Count(text, "M. Étienne"))
	}
}

// An owner of 600 of 1 000 votes, reduced to 400: the sheet shows both.
func TestAttendanceRecordedReduction(t *testing.T) {
	four := decimal.NewFromInt(400)
	a := Attendance{Residence: "Résidence Les Tilleuls", Meeting: "Assemblée générale du 05/06/2026", Printed: printedDay, KeyTotal: decimal.NewFromInt(1000),
		Owners: []AttendanceOwner{
			{Account: "450001", Name: "SCI Majoritaire", Votes: decimal.NewFromInt(600), Record: &AttendanceRecord{Mode: AttPresent, Reduced: &four}},
			{Account: "450002", Name: "M. Petit", Votes: decimal.NewFromInt(400), Record: &AttendanceRecord{Mode: AttPresent}},
		},
		// 400 + 400 = 800 present.
		Totals: &AttendanceTotals{Present: AttendanceCount{2, decimal.NewFromInt(800)}}}
	pdf, err := AttendancePDF(a)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TANTIEME_PDF_DIR"); dir != "" {
		os.WriteFile(dir+"/attendance_reduced.pdf", pdf, 0o644)
	}
	text := ledgertest.Flat(pdfText(t, pdf))
	for _, want := range []string{"réduit à", "Voix : 400 au lieu de 600, " + ReductionNote, "Présents 2 800", "Total 2 800", "Total des tantièmes (voix) : 1 000"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
}
