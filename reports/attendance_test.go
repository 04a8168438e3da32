package reports

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
)

func attendanceOf(n int) Attendance {
	a := Attendance{Residence: "Résidence Les Tilleuls", Title: "Feuille de présence", Meeting: "Assemblée générale du 12/06/2025",
		KeyLabel: "Voix : tantièmes de la clé 001 – Charges générales", Printed: printedDay}
	total := decimal.Zero
	for i := 1; i <= n; i++ {
		o := AttendanceOwner{Account: fmt.Sprintf("450%03d", i), Name: fmt.Sprintf("M. Copropriétaire Numéro%03d", i),
			Address: []string{fmt.Sprintf("%d rue des Tilleuls, bât. A", i), "69003 Lyon"}}
		if i == 7 {
			o.Name, o.SignName = longName, strings.TrimPrefix(longName, "M. et Mme ")
		}
		lots := 1 + i%3
		for l := 0; l < lots; l++ {
			s := decimal.NewFromInt(int64(10 + (i*7+l)%50))
			o.Lots = append(o.Lots, AttendanceLot{Number: fmt.Sprintf("%03d", i*3+l), Shares: s})
			o.Votes = o.Votes.Add(s)
		}
		total = total.Add(o.Votes)
		a.Owners = append(a.Owners, o)
	}
	a.KeyTotal = total
	return a
}

// 150 owners: every page ends with its total boxes and its printed total
// of shares, no row is split across pages, the pages' shares add up to the
// grand total, and the last page says how many owners and shares.
func TestAttendancePagesAndTotals(t *testing.T) {
	a := attendanceOf(150)
	pdf, err := AttendancePDF(a)
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(pdfText(t, pdf))
	if len(ps) < 8 {
		t.Fatalf("%d pages for 150 owners", len(ps))
	}
	pageShares := decimal.Zero
	seen := map[string]int{}
	for i, p := range ps {
		for _, want := range []string{"Feuille de présence", "Assemblée générale du 12/06/2025", "Totaux de cette page", "Présents", "Représentés",
			"Par correspondance", "Tantièmes", fmt.Sprintf("Page %d / %d", i+1, len(ps)), "Représenté par", "Signature"} {
			if !strings.Contains(p, want) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
		// The page's own total, checked against the rows it holds.
		sum, count := decimal.Zero, 0
		for _, o := range a.Owners {
			if strings.Contains(p, o.Account) {
				seen[o.Account]++
				count++
				sum = sum.Add(o.Votes)
				// The whole row is on this page: its name (twice: once
				// upside down for the council) and every lot.
				fields := strings.Fields(o.Name)
				name := fields[len(fields)-1] // "Numéro042", "Dupré-Wéry"
				if n := strings.Count(p, name); n != 2 {
					t.Errorf("page %d: %s printed %d times, want 2 (once upside down)", i+1, o.Account, n)
				}
				for _, l := range o.Lots {
					if !strings.Contains(p, "Lot "+l.Number+" : "+fr.Shares(l.Shares)) {
						t.Errorf("page %d: lot %s of %s missing", i+1, l.Number, o.Account)
					}
				}
			}
		}
		if want := "Tantièmes de la page : " + fr.Shares(sum); !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
		if want := fr.Count(count, "copropriétaire", "copropriétaires"); !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
		pageShares = pageShares.Add(sum)
		if i < len(ps)-1 && strings.Contains(p, "Total général") {
			t.Errorf("page %d has the grand total", i+1)
		}
	}
	for _, o := range a.Owners {
		if seen[o.Account] != 1 {
			t.Errorf("%s appears on %d pages", o.Account, seen[o.Account])
		}
	}
	last := ps[len(ps)-1]
	for _, want := range []string{"Total général", "150 copropriétaires", "Total des tantièmes (voix) : " + fr.Shares(a.KeyTotal), "Somme des totaux des pages"} {
		if !strings.Contains(last, want) {
			t.Errorf("last page lacks %q", want)
		}
	}
	if !pageShares.Equal(a.KeyTotal) {
		t.Errorf("pages add up to %s shares, total %s", pageShares, a.KeyTotal)
	}
}

// A 40-character name is printed whole inside the owner column (wrapped),
// and its upside-down copy stays inside the signature cell.
func TestAttendanceLongNameStaysInItsColumn(t *testing.T) {
	pdf, err := AttendancePDF(attendanceOf(10))
	if err != nil {
		t.Fatal(err)
	}
	left := marginX
	nameEnd := left + attendanceCols[attColName].Width
	sigStart := left
	for _, c := range attendanceCols[:attColSignature] {
		sigStart += c.Width
	}
	sigEnd := sigStart + attendanceCols[attColSignature].Width
	var inName, inSig []string
	for _, w := range pdfWords(t, pdf) {
		if w.page != 1 || !strings.Contains(longName, w.text) || len([]rune(w.text)) < 2 {
			continue
		}
		switch {
		case w.xMin >= left-0.2 && w.xMin < nameEnd:
			if w.xMax > nameEnd+0.2 {
				t.Errorf("%q ends at %.1f mm, past the owner column (%.1f mm)", w.text, w.xMax, nameEnd)
			}
			inName = append(inName, w.text)
		case w.xMin >= sigStart-0.2:
			if w.xMax > sigEnd+0.2 {
				t.Errorf("upside-down %q ends at %.1f mm, past the signature cell (%.1f mm)", w.text, w.xMax, sigEnd)
			}
			inSig = append(inSig, w.text)
		}
	}
	// Words may wrap after a hyphen: look for each part of the name.
	parts := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
	}
	name, sign := strings.Join(inName, " "), strings.Join(inSig, " ")
	for _, part := range parts(longName) {
		if !strings.Contains(name, part) {
			t.Errorf("%q of the long name is not printed in the owner column (%v)", part, inName)
		}
	}
	for _, part := range parts(strings.TrimPrefix(longName, "M. et Mme ")) {
		if !strings.Contains(sign, part) {
			t.Errorf("%q of the long name is not printed upside down in the signature cell (%v)", part, inSig)
		}
	}
}

// A sheet whose owners do not hold the whole key says so on the last page.
func TestAttendanceKeyTotalMismatch(t *testing.T) {
	a := attendanceOf(3)
	a.KeyTotal = a.KeyTotal.Add(decimal.NewFromInt(100))
	pdf, err := AttendancePDF(a)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdfText(t, pdf)), " ")
	if !strings.Contains(text, "Total de la clé : "+fr.Shares(a.KeyTotal)) {
		t.Errorf("the key's total is not recalled:\n%s", text)
	}
}

// An owner of hundreds of lots still gets one row on one page, with his
// votes whole.
func TestAttendanceOwnerOfManyLots(t *testing.T) {
	a := attendanceOf(3)
	big := &a.Owners[1]
	big.Lots, big.Votes = nil, decimal.Zero
	for i := 1; i <= 400; i++ {
		big.Lots = append(big.Lots, AttendanceLot{Number: fmt.Sprintf("%d", 1000+i), Shares: decimal.NewFromInt(2)})
		big.Votes = big.Votes.Add(decimal.NewFromInt(2))
	}
	pdf, err := AttendancePDF(a)
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(pdfText(t, pdf))
	if len(ps) > 2 {
		t.Errorf("%d pages for 3 owners", len(ps))
	}
	text := strings.Join(ps, "\n")
	for _, want := range []string{"1001 : 2", "autres", "800"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
	// The rows end above the page-total box.
	boxTop := 297 - (footerH + 4) - attFootBoxH
	for _, w := range pdfWords(t, pdf) {
		// The lots are 1001…1400 (the box's own « 1 copropriétaire » is not
		// one of them).
		if (w.text == "autres" || len(w.text) == 4 && strings.HasPrefix(w.text, "1")) && w.yMax > boxTop && w.yMin < 297-footerH {
			t.Errorf("page %d: %q runs into the page-total box (%.1f mm > %.1f mm)", w.page, w.text, w.yMax, boxTop)
		}
	}
}

// The sheet ends with the chair's certification, on the last page only,
// under the grand total and above the page's total boxes, with the place,
// date, name and signature to fill in, whatever the number of owners (the
// last row always takes it with it onto its page).
func TestAttendanceCertifiedByTheChair(t *testing.T) {
	for n := 1; n <= 26; n++ {
		a := attendanceOf(n)
		if n == 26 {
			a = attendanceOf(150)
		}
		pdf, err := AttendancePDF(a)
		if err != nil {
			t.Fatal(err)
		}
		ps := pages(pdfText(t, pdf))
		for i, p := range ps {
			if got, want := strings.Count(p, CertifyText), map[bool]int{true: 1, false: 0}[i == len(ps)-1]; got != want {
				t.Errorf("%d owners, page %d: the certification printed %d times, want %d", len(a.Owners), i+1, got, want)
			}
		}
		last := ps[len(ps)-1]
		for _, want := range []string{"Fait à", "Le", "Nom", "Signature du président de séance", "décret n° 67-223 du 17 mars 1967, art. 14",
			a.Owners[len(a.Owners)-1].Account} {
			if !strings.Contains(last, want) {
				t.Errorf("%d owners: the last page lacks %q", len(a.Owners), want)
			}
		}
		// Layout: grand total, then the certification, then the page's boxes.
		y := map[string]float64{}
		for _, w := range pdfWords(t, pdf) {
			if w.page != len(ps) {
				continue
			}
			switch w.text {
			case "général", "certifiée", "Fait", "Totaux":
				y[w.text] = w.yMin
			case "Signature":
				y["Signature"] = max(y["Signature"], w.yMin)
			}
		}
		if !(y["général"] < y["certifiée"] && y["certifiée"] < y["Fait"] && y["Fait"] < y["Totaux"] && y["Signature"] < y["Totaux"]) {
			t.Errorf("%d owners: the last page's blocks are out of order: %v", len(a.Owners), y)
		}
	}
}

// TestAttendanceExplainsUpsideDownNames: every page says why the names in
// the signature cells are upside down (issue 16, item 11).
func TestAttendanceExplainsUpsideDownNames(t *testing.T) {
	pdf, err := AttendancePDF(attendanceOf(40))
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(pdfText(t, pdf))
	for i, p := range ps {
		p = strings.Join(strings.Fields(p), " ")
		if !strings.Contains(p, "Le nom à l'envers dans la case « Signature » se lit par le membre du bureau assis en face du signataire") {
			t.Errorf("page %d does not explain the upside-down names:\n%s", i+1, p)
		}
	}
}
