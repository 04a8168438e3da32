package reports

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"tantieme/internal/fr"
)

var printedDay = time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)

func TestMoneyFormats(t *testing.T) {
	for _, c := range []struct {
		cents int64
		plain string
		dc    string
	}{
		{0, "0,00", "0,00"}, {5, "0,05", "0,05 D"}, {-5, "-0,05", "0,05 C"}, {123456, "1 234,56", "1 234,56 D"},
		{-100000000, "-1 000 000,00", "1 000 000,00 C"},
	} {
		if got := fr.Money(c.cents); got != c.plain {
			t.Errorf("fr.Money(%d) = %q, want %q", c.cents, got, c.plain)
		}
		if got := balanceDC(c.cents); got != c.dc {
			t.Errorf("balanceDC(%d) = %q, want %q", c.cents, got, c.dc)
		}
	}
	if moneyBlank(0) != "" || moneyBlank(1) != "0,01" {
		t.Error("moneyBlank")
	}
}

// A journal long enough to run over several pages carries its totals: the
// "À reporter" at the foot of a page is the "Report" at the top of the
// next, and equals the sum of the lines printed so far.
func TestJournalCarriedTotals(t *testing.T) {
	b := JournalBook{BookHead: BookHead{Residence: "Résidence Les Tilleuls", Period: "Exercice 2025", Printed: printedDay}, Title: "Journal général"}
	j := JournalSection{Code: "BQ", Label: "Banque"}
	for i := 1; i <= 120; i++ {
		amount := int64(10000 + i) // 100,01 € … 101,20 €
		j.Entries = append(j.Entries, JournalEntry{Number: int64(i), Date: "05/03/2025", Piece: fmt.Sprintf("R%04d", i), Label: "Règlement",
			Lines: []JournalLine{
				{Account: "512001", AccountLabel: "Compte courant", Label: "Règlement", Debit: amount},
				{Account: "450001", AccountLabel: "Bernard", Label: "Règlement", Credit: amount},
			}})
		j.Debit += amount
		j.Credit += amount
	}
	b.Journals = []JournalSection{j}
	b.Debit, b.Credit = j.Debit, j.Credit
	pdf, err := JournalPDF(b)
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(pdfText(t, pdf))
	if len(ps) < 3 {
		t.Fatalf("%d pages for 240 lines", len(ps))
	}
	carryRe := regexp.MustCompile(`(À reporter|Report)\s+([0-9 ]+,[0-9]{2})\s+([0-9 ]+,[0-9]{2})`)
	lineRe := regexp.MustCompile(`(?m)^.*512001.*?([0-9]{3},[0-9]{2})\s*$`)
	var printed int64 // debits printed so far
	for i, p := range ps {
		carries := carryRe.FindAllStringSubmatch(p, -1)
		if i > 0 {
			if len(carries) == 0 || carries[0][1] != "Report" {
				t.Fatalf("page %d does not start with the report of the previous page", i+1)
			}
			if got := carries[0][2]; got != fr.Money(printed) {
				t.Errorf("page %d: report %s, want %s", i+1, got, fr.Money(printed))
			}
		}
		for _, m := range lineRe.FindAllStringSubmatch(p, -1) {
			v, _ := strconv.ParseInt(strings.Replace(m[1], ",", "", 1), 10, 64)
			printed += v
		}
		if i < len(ps)-1 {
			last := carries[len(carries)-1]
			if last[1] != "À reporter" || last[2] != fr.Money(printed) || last[3] != fr.Money(printed) {
				t.Errorf("page %d: carried %q, want À reporter %s %s", i+1, last[0], fr.Money(printed), fr.Money(printed))
			}
		}
	}
	if printed != j.Debit {
		t.Errorf("lines add up to %s, journal total %s", fr.Money(printed), fr.Money(j.Debit))
	}
	if !strings.Contains(ps[len(ps)-1], "Total du journal BQ (120 écritures)") || !strings.Contains(ps[len(ps)-1], fr.Money(j.Debit)) {
		t.Error("the journal's total is missing")
	}
	// An entry's two lines are never parted by a page break.
	for i, p := range ps {
		lines := strings.Split(p, "\n")
		for k, l := range lines {
			if strings.Contains(l, "512001") && !(k+1 < len(lines) && strings.Contains(lines[k+1], "450001")) {
				t.Errorf("page %d: an entry's lines are split: %q", i+1, l)
			}
		}
	}
}

// The trial balance's totals and class sub-totals are printed, and an
// opening column appears for a period that starts after the exercise.
func TestTrialBalancePDF(t *testing.T) {
	b := TrialBalanceBook{BookHead: BookHead{Residence: "R", Period: "Exercice 2025 – période du 01/04/2025 au 30/06/2025", Printed: printedDay},
		OpeningLabel: "Solde au 31/03/2025",
		Classes: []TrialClass{{Label: "Classe 4 – Copropriétaires et tiers",
			Rows:  []TrialRow{{Account: "450001", Label: "Bernard", Opening: 1000, Debit: 5000, Credit: 2000, Balance: 4000, BalanceDebit: 4000}},
			Total: TrialRow{Label: "Total de la classe 4", Opening: 1000, Debit: 5000, Credit: 2000, Balance: 4000, BalanceDebit: 4000}}},
		Total: TrialRow{Label: "Total général", Opening: 1000, Debit: 5000, Credit: 2000, BalanceDebit: 4000}}
	pdf, err := TrialBalancePDF(b)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"Solde au 31/03/2025", "Solde débiteur", "Solde créditeur", "450001", "10,00 D", "50,00", "20,00", "40,00",
		"Total de la classe 4", "Total général"} {
		if !strings.Contains(text, want) {
			t.Errorf("balance lacks %q", want)
		}
	}
}

// A text too long for its column wraps in it, the row growing, and a piece
// reference shrinks to stay whole on its line: the books never cut a text.
func TestBookTableWrapsTexts(t *testing.T) {
	label := "Virement étude Maître Carron, vente des lots 5 et 16 : solde vendeur après déduction des provisions reportées sur l'acquéreur"
	b := JournalBook{BookHead: BookHead{Residence: "R", Period: "Exercice 2025", Printed: printedDay}, Title: "Journal général",
		Journals: []JournalSection{{Code: "BQ", Label: "Banque", Debit: 92168, Credit: 92168, Entries: []JournalEntry{{Number: 66, Date: "15/06/2025",
			Piece: "MLA-MRI-447120-25-BIS", Label: label, Lines: []JournalLine{
				{Account: "512001", AccountLabel: "Compte courant de la résidence auprès de la Banque Populaire Auvergne Rhône Alpes", Label: label, Debit: 92168},
				{Account: "450005", AccountLabel: "M. et Mme Nguyen Thierry et Marie-Christine", Label: label, Credit: 92168},
			}}}}},
		Debit: 92168, Credit: 92168}
	pdf, err := JournalPDF(b)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	if strings.Contains(text, "…") {
		t.Errorf("a text is cut:\n%s", text)
	}
	if strings.Count(text, "MLA-MRI-447120-25-BIS") != 1 {
		t.Errorf("the piece is not printed whole on one line:\n%s", text)
	}
	words := strings.Fields(text)
	count := func(w string) int {
		n := 0
		for _, x := range words {
			if x == w {
				n++
			}
		}
		return n
	}
	for _, w := range strings.Fields(label + " Banque Populaire Auvergne Rhône Alpes Marie-Christine") {
		if count(w) == 0 {
			t.Errorf("%q is missing:\n%s", w, text)
		}
	}
	if n := count("l'acquéreur"); n != 2 {
		t.Errorf("the label's last word printed %d times, want once per line", n)
	}
}

// A journal's heading never sits alone at the foot of a page over an
// « À reporter 0,00 »: when its first entry does not fit, the heading goes
// to the next page with it. The first journal's length moves the second
// one's start across every position of a page.
func TestJournalHeadingKeptWithFirstEntry(t *testing.T) {
	for n := 1; n <= 40; n++ {
		b := JournalBook{BookHead: BookHead{Residence: "R", Period: "Exercice 2026", Printed: printedDay}, Title: "Journal général"}
		od := JournalSection{Code: "OD", Label: "Opérations diverses"}
		for i := 1; i <= n; i++ {
			od.Entries = append(od.Entries, JournalEntry{Number: int64(i), Date: "01/01/2026", Piece: fmt.Sprintf("A%04d", i), Lines: []JournalLine{
				{Account: "450001", AccountLabel: "Bernard", Label: "Appel", Debit: 100},
				{Account: "450002", AccountLabel: "Lefèvre", Label: "Appel", Debit: 100},
				{Account: "701000", AccountLabel: "Provisions", Label: "Appel", Credit: 200},
			}})
			od.Debit, od.Credit = od.Debit+200, od.Credit+200
		}
		an := JournalSection{Code: "AN", Label: "À nouveaux", Entries: []JournalEntry{{Number: 999, Date: "01/01/2026", Piece: "AN0001"}}}
		for i := 0; i < 20; i++ {
			an.Entries[0].Lines = append(an.Entries[0].Lines, JournalLine{Account: fmt.Sprintf("4500%02d", i), AccountLabel: "Copropriétaire", Label: "À nouveau", Debit: 10, Credit: 10})
		}
		an.Debit, an.Credit = 200, 200
		b.Journals = []JournalSection{od, an}
		pdf, err := JournalPDF(b)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range pages(pdfText(t, pdf)) {
			if strings.Contains(p, "Journal AN – À nouveaux") && !strings.Contains(p, "Journal AN – À nouveaux (suite)") && !strings.Contains(p, "AN0001") {
				t.Errorf("%d OD entries: page %d has the AN heading without its entry:\n%s", n, i+1, p)
			}
		}
	}
}
