package reports

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/ledger/ledgertest"
)

// Twelve resolutions run over pages: each question's title stays on the
// page of its vote's table, the art. 42 notice and the signatures close
// the last page, and a resolution without opposed owners lists none.
func TestMinutesPages(t *testing.T) {
	m := Minutes{Residence: "Résidence Les Tilleuls", Date: printedDay, Chair: "Mme Joly", Secretary: "M. Arnaud",
		Scrutineers: []string{"Mme Hugo", "M. Garnier"}, Members: 3, Votes: decimal.NewFromInt(1000), Printed: printedDay,
		Attendance: AttendanceTotals{Present: AttendanceCount{2, decimal.NewFromInt(700)}, Defaulting: AttendanceCount{1, decimal.NewFromInt(300)}}}
	for i := 1; i <= 12; i++ {
		v := MinutesVote{Article: "article 24", Rule: "majorité des voix exprimées", Required: "plus de 350 voix (700 exprimées)",
			For: AttendanceCount{2, decimal.NewFromInt(700)}, Defaulting: AttendanceCount{1, decimal.NewFromInt(300)}, Adopted: true,
			Defaulters: []MinutesOwner{{"Mme Blanc", decimal.NewFromInt(300)}}}
		m.Resolutions = append(m.Resolutions, MinutesResolution{Number: fmt.Sprint(i), Title: fmt.Sprintf("Question %02d", i),
			Text: strings.Repeat("L'assemblée générale décide des travaux de ravalement. ", 4), Vote: v})
	}
	pdf, err := MinutesPDF(m)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TANTIEME_PDF_DIR"); dir != "" {
		os.WriteFile(dir+"/minutes_pages.pdf", pdf, 0o644)
	}
	ps := pages(pdfText(t, pdf))
	if len(ps) < 3 {
		t.Fatalf("%d pages for 12 resolutions", len(ps))
	}
	for i, p := range ps {
		for q := 1; q <= 12; q++ {
			title := fmt.Sprintf("Question %02d", q)
			if at := strings.Index(p, title); at >= 0 && !strings.Contains(p[at:], "Résolution adoptée.") {
				t.Errorf("page %d: %s without its vote", i+1, title)
			}
		}
	}
	last := ledgertest.Flat(ps[len(ps)-1])
	for _, want := range []string{"Délai de contestation", "art. 42, alinéa 2", "Le président de séance", "Le secrétaire", "Le scrutateur", "M. Garnier"} {
		if !strings.Contains(last, want) {
			t.Errorf("last page lacks %q", want)
		}
	}
	text := ledgertest.Flat(strings.Join(ps, "\n"))
	if strings.Contains(text, "Se sont opposés") || strings.Count(text, "Défaillants (1 copropriétaire, 300 tantièmes) : Mme Blanc (300).") != 12 {
		t.Errorf("lists of the votes wrong")
	}
	if !strings.Contains(text, "Scrutateurs : Mme Hugo et M. Garnier") {
		t.Errorf("scrutineers not named")
	}
}
