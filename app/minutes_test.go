package app

import (
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
	"tantieme/reports"
)

// The minutes of the ten-owner AG (ledger's tests): 450001 M. Arnaud 50
// present, 450002 Mme Blanc 80 absent, 450003 M. Carré 90 postal (form of
// 1 June), 450004 Mme Dubois 100 postal too late, 450005 M. Étienne 100
// present holding 450006 Mme Fabre 110, 450007 M. Garnier 120, 450008
// Mme Hugo 130 and 450009 M. Ibert 100 (fourth, refused), 450010 Mme Joly
// 120 present. Défaillants: Blanc 80, Dubois 100, Ibert 100 = 280.
func TestMinutesOfTenOwners(t *testing.T) {
	names := []string{"M. Arnaud", "Mme Blanc", "M. Carré", "Mme Dubois", "M. Étienne", "Mme Fabre", "M. Garnier", "Mme Hugo", "M. Ibert", "Mme Joly"}
	votes := []int64{50, 80, 90, 100, 100, 110, 120, 130, 100, 120}
	acc := func(i int) string { return "4500" + string(rune('0'+(i+1)/10)) + string(rune('0'+(i+1)%10)) }
	var list []ledger.Attendee
	for i, n := range names {
		list = append(list, ledger.Attendee{Account: acc(i), Name: n, Votes: decimal.NewFromInt(votes[i])})
	}
	list[0].Presence, list[4].Presence, list[9].Presence = ledger.Present, ledger.Present, ledger.Present
	list[2].Presence, list[2].Form = ledger.Postal, ledger.MustDate("2026-06-01")
	list[3].Presence, list[3].Form = ledger.Postal, ledger.MustDate("2026-06-02")
	for i := 5; i <= 8; i++ {
		list[i].Presence, list[i].Proxy = ledger.Represented, ledger.Proxy{Holder: "450005", Rank: i}
	}
	roll, err := ledger.CheckAttendance(ledger.MustDate("2026-06-05"), list)
	if err != nil {
		t.Fatal(err)
	}
	ch := func(s string) ledger.Choices {
		out := ledger.Choices{}
		for _, f := range strings.Fields(s) {
			i := int(f[0]-'0') - 1
			if f[0] == 'J' {
				i = 9
			}
			out[acc(i)] = map[byte]ledger.Choice{'+': ledger.For, '-': ledger.Against, '=': ledger.Abstain}[f[1]]
		}
		return out
	}
	type vote struct {
		res    ledger.Question
		r1, r2 string
	}
	m := reports.Minutes{Residence: "Résidence Les Tilleuls", Date: ledger.MustDate("2026-06-05"), Time: "18 h 30",
		Place: "salle polyvalente, 3 rue des Tilleuls à Lyon", Syndic: "M. Étienne, syndic bénévole",
		Chair: "Mme Joly", Secretary: "M. Arnaud", Scrutineers: []string{"Mme Hugo"}, Printed: ledger.MustDate("2026-06-05")}
	m.Attendance, m.Members, m.Votes = MinutesAttendance(roll)
	for _, v := range []vote{
		// 1: art. 24, pour 350, contre Garnier 120 + Joly 120 = 240,
		// abstention Hugo 130.
		{ledger.Question{Number: "1", Title: "Approbation des comptes de l'exercice 2025", Majority: ledger.Art24}, "1+ 5+ J- 6+ 7- 8= 3+", ""},
		// 2: art. 25 at 340 ≥ 1 000 / 3, second vote at art. 24: 390
		// pour, contre Garnier 120 + Carré 90 (his form left it blank: a
		// vote against, loi art. 17-1 A, carried to the second vote),
		// abstention Joly 120.
		{ledger.Question{Number: "2", Title: "Désignation du syndic", Majority: ledger.Art25}, "5+ 6+ 8+ 1- J- 7-", "1+ 5+ 6+ 8+ J= 7-"},
		// 3: art. 26, pour 460 by 4 of 7 taking part → second vote at
		// art. 25: 510 pour.
		{ledger.Question{Number: "3", Title: "Modification du règlement de copropriété", Majority: ledger.Art26}, "5+ 6+ 7+ 8+ 1- J- 3-", "1+ 5+ 6+ 7+ 8+ J-"},
	} {
		var r2 ledger.Choices
		if v.r2 != "" {
			r2 = ch(v.r2)
		}
		r, err := roll.Count(v.res, ch(v.r1), r2)
		if err != nil {
			t.Fatal(err)
		}
		m.Resolutions = append(m.Resolutions, MinutesResolution(r, ""))
	}
	pdf, err := reports.MinutesPDF(m)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TANTIEME_PDF_DIR"); dir != "" {
		os.WriteFile(dir+"/minutes.pdf", pdf, 0o644)
	}
	text := ledgertest.Flat(strings.Join(pdfPageTexts(t, pdf), " "))
	for _, want := range []string{
		"Le 05/06/2026 à 18 h 30, les membres du syndicat des copropriétaires de la résidence Les Tilleuls se sont réunis en assemblée générale, salle polyvalente",
		"Présents 3 270", "Représentés 3 360", "Votes par correspondance 1 90", "Absents et défaillants 3 280", "Syndicat des copropriétaires 10 1 000",
		"Président de séance : Mme Joly", "Secrétaire : M. Arnaud", "Scrutateur : Mme Hugo",
		// Question 1.
		"Résolution n° 1 – Approbation des comptes de l'exercice 2025", "Pour 4 350", "Contre 2 240", "Abstention 1 130", "Défaillants 3 280",
		"soit plus de 295 voix (590 exprimées)", "Résolution adoptée.",
		"Se sont opposés (2 copropriétaires, 240 tantièmes) : M. Garnier (120), Mme Joly (120).",
		"Se sont abstenus (1 copropriétaire, 130 tantièmes) : Mme Hugo (130).",
		"Défaillants (3 copropriétaires, 280 tantièmes) : Mme Blanc (80), Mme Dubois (100), M. Ibert (100).",
		// Question 2: art. 25-1.
		"soit plus de 500 voix sur 1 000", "Pour 3 340", "Majorité non atteinte.", "au moins le tiers des voix de tous les copropriétaires (340 sur 1 000)",
		"art. 25-1", "Second vote – majorité de l'article 24", "Pour 4 390",
		"Se sont opposés (2 copropriétaires, 210 tantièmes) : M. Carré, par correspondance (sans choix ou abstention : compté contre, art. 17-1 A) (90), M. Garnier (120).",
		"Se sont abstenus (1 copropriétaire, 120 tantièmes) : Mme Joly (120).",
		// Question 3: art. 26 then 25.
		"au moins 6 copropriétaires sur 10, représentant au moins les deux tiers des voix, soit 666,67 voix sur 1 000", "Pour 4 460",
		"art. 26, dernier alinéa", "Second vote – majorité de l'article 25", "Pour 5 510",
		"Délai de contestation", "opposants ou défaillants dans un délai de deux mois", "art. 42, alinéa 2",
		"Le président de séance", "Le secrétaire", "Le scrutateur",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
	if n := strings.Count(text, "Résolution adoptée."); n != 3 { // 1, 2's second vote, 3's second vote
		t.Errorf("%d resolutions adopted, want 3", n)
	}
}
