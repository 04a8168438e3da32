package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// attendanceName is a 40-character owner name.
const attendanceName = "Wolfgang-Maximilien Dupré-Wéry de Lattre"

// buildOwners writes a residence of n owners through the books' API: one
// flat each, a cellar for one owner in four, a parking without general
// shares for owner 3; one owner in three lives elsewhere, one in 25 sits
// on the council.
func buildOwners(tb testing.TB, n int) *Residence {
	tb.Helper()
	r, err := Create(filepath.Join(tb.TempDir(), "Parc.copro"), ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence du Parc", Address: "1 avenue du Parc", Zip: "69100", City: "Villeurbanne"},
		FirstStart: ledger.Date(2025, 1, 1),
	})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { r.db.Close() })
	err = r.Update(func(tx *ledger.Tx) error {
		total := decimal.Zero
		lot := 0
		addLot := func(owner string, shares int64) error {
			lot++
			num := fmt.Sprintf("%03d", lot)
			if err := tx.AddLot(ledger.Lot{Number: num, Owner: owner}); err != nil {
				return err
			}
			total = total.Add(decimal.NewFromInt(shares))
			return tx.SetShare(num, "001", decimal.NewFromInt(shares))
		}
		for i := 1; i <= n; i++ {
			o := ledger.Owner{Account: fmt.Sprintf("450%03d", i), Civility: []string{"M.", "Mme", "M. et Mme"}[i%3],
				// Names in an order unlike the accounts': sorting by name shows.
				Name:    fmt.Sprintf("%s Élodie-%03d", []string{"Dupré", "Bernard", "Zola", "Émery", "Martin"}[i%5], i),
				Address: fmt.Sprintf("1 avenue du Parc, bât. %c, porte %d", 'A'+rune(i%4), i), Zip: "69100", City: "Villeurbanne",
				Council: i%25 == 0}
			if i%3 == 0 {
				o.Address, o.Zip, o.City = fmt.Sprintf("%d rue de Vaugirard", i), "75006", "Paris"
			}
			if i == 7 {
				o.Name = attendanceName
			}
			if err := tx.AddOwner(&o); err != nil {
				return err
			}
			if err := addLot(o.Account, int64(20+i%37)); err != nil {
				return err
			}
			if i%4 == 0 {
				if err := addLot(o.Account, 3); err != nil {
					return err
				}
			}
		}
		lot++
		if err := tx.AddLot(ledger.Lot{Number: fmt.Sprintf("%03d", lot), Owner: "450003"}); err != nil {
			return err
		}
		return tx.UpdateKey(ledger.Key{Code: "001", Label: "Charges générales", DeclaredTotal: total})
	})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

var agDay = ledger.Date(2026, 6, 12)

// 150 owners: everyone who owns a lot signs once, his votes are his lots'
// general shares, the votes add up to the key, and the PDF breaks pages
// between rows with the totals of each page and the grand total at the end.
func TestAttendance150Owners(t *testing.T) {
	r := buildOwners(t, 150)
	s, err := r.Attendance(AttendanceOptions{Date: agDay})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	var keyTotal decimal.Decimal
	view(t, r, func(tx *ledger.Tx) error {
		kts, err := tx.KeyTotals()
		keyTotal = kts[0].SumOfShares
		return err
	})
	if len(s.Owners) != 150 || !s.Votes.Equal(keyTotal) || s.Title != DefaultAttendanceTitle || s.Key.Code != "001" {
		t.Fatalf("%d owners, %s votes (key %s), title %q", len(s.Owners), s.Votes, keyTotal, s.Title)
	}
	for i, o := range s.Owners {
		sum := decimal.Zero
		for _, l := range o.Lots {
			sum = sum.Add(l.Shares)
		}
		if !sum.Equal(o.Votes) {
			t.Errorf("%s: votes %s, lots %s", o.Owner.Account, o.Votes, sum)
		}
		if i > 0 && fr.Fold(s.Owners[i-1].Owner.Name) > fr.Fold(o.Owner.Name) {
			t.Errorf("not sorted by name: %q before %q", s.Owners[i-1].Owner.Name, o.Owner.Name)
		}
	}
	if got := s.Owners[0].Owner.Name; !strings.HasPrefix(got, "Bernard") {
		t.Errorf("first by name: %q", got)
	}
	three := s.Owners[0]
	for _, o := range s.Owners {
		if o.Owner.Account == "450003" {
			three = o
		}
	}
	if len(three.Lots) != 2 || !three.Lots[1].Shares.IsZero() {
		t.Errorf("owner 3's parking without general shares: %+v", three.Lots)
	}

	pdf, err := r.AttendancePDF(AttendanceOptions{Date: agDay, Title: "Émargement AG 2026", Printed: ledger.Date(2026, 6, 1)})
	if err != nil {
		t.Fatal(err)
	}
	ps := pdfPageTexts(t, pdf)
	if len(ps) < 8 {
		t.Fatalf("%d pages for 150 owners", len(ps))
	}
	onPage := map[string]int{}
	pagesTotal := decimal.Zero
	for i, p := range ps {
		for _, want := range []string{"Émargement AG 2026", "Assemblée générale du 12/06/2026", "Résidence du Parc", "Totaux de cette page",
			"Présents", "Représentés", "Par correspondance", fmt.Sprintf("Page %d / %d", i+1, len(ps))} {
			if !strings.Contains(p, want) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
		sum, count := decimal.Zero, 0
		for _, o := range s.Owners {
			if !strings.Contains(p, o.Owner.Account) {
				continue
			}
			onPage[o.Owner.Account]++
			sum = sum.Add(o.Votes)
			count++
			// The row is whole on the page: its last lot and its name.
			if last := o.Lots[len(o.Lots)-1]; !strings.Contains(p, "Lot "+last.Lot+" : "+fr.Shares(last.Shares)) {
				t.Errorf("page %d: %s without its lot %s", i+1, o.Owner.Account, last.Lot)
			}
			// The name column may wrap after a hyphen; the upside-down copy
			// of a short name holds on one line.
			for _, part := range strings.FieldsFunc(o.Owner.DisplayName(), func(r rune) bool { return r == ' ' || r == '-' }) {
				if !strings.Contains(p, part) {
					t.Errorf("page %d: %s's name lacks %q", i+1, o.Owner.Account, part)
				}
			}
			if len([]rune(o.Owner.Name)) <= 20 && !strings.Contains(p, o.Owner.Name) {
				t.Errorf("page %d: %s's name is not printed upside down", i+1, o.Owner.Account)
			}
		}
		if want := "Tantièmes de la page : " + fr.Shares(sum); !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q (%d owners)", i+1, want, count)
		}
		pagesTotal = pagesTotal.Add(sum)
	}
	for _, o := range s.Owners {
		if onPage[o.Owner.Account] != 1 {
			t.Errorf("%s is on %d pages", o.Owner.Account, onPage[o.Owner.Account])
		}
	}
	if !pagesTotal.Equal(keyTotal) {
		t.Errorf("pages add up to %s, key 001 holds %s", pagesTotal, keyTotal)
	}
	last := ps[len(ps)-1]
	for _, want := range []string{"Total général", "150 copropriétaires", "Total des tantièmes (voix) : " + fr.Shares(keyTotal)} {
		if !strings.Contains(last, want) {
			t.Errorf("last page lacks %q", want)
		}
	}
	// By account, 450001 opens the sheet.
	byAccount, err := r.Attendance(AttendanceOptions{Date: agDay, Order: ByAccount})
	if err != nil || byAccount.Owners[0].Owner.Account != "450001" || byAccount.Owners[149].Owner.Account != "450150" {
		t.Errorf("by account: %v", err)
	}
}

// The sheet lists whoever owns the lots on the meeting's day: the seller
// before the sale, the buyer after it.
func TestAttendanceFollowsSales(t *testing.T) {
	r := writeDemo(t)
	for _, c := range []struct {
		day       string
		in, out   string
		lotsOfNew string
	}{
		{"2025-06-12", DemoSeller, DemoBuyer, "5 16"},
		{"2025-06-20", DemoBuyer, DemoSeller, "5 16"},
	} {
		s, err := r.Attendance(AttendanceOptions{Date: ledger.MustDate(c.day)})
		if err != nil {
			t.Fatal(err)
		}
		var found *AttendanceOwner
		for i, o := range s.Owners {
			if o.Owner.Account == c.out {
				t.Errorf("%s: %s signs", c.day, c.out)
			}
			if o.Owner.Account == c.in {
				found = &s.Owners[i]
			}
		}
		if found == nil {
			t.Fatalf("%s: %s does not sign", c.day, c.in)
		}
		var lots []string
		for _, l := range found.Lots {
			lots = append(lots, l.Lot)
		}
		if strings.Join(lots, " ") != c.lotsOfNew || len(s.Owners) != 12 || s.Votes.String() != "1000" {
			t.Errorf("%s: %s holds %v; %d owners, %s votes", c.day, c.in, lots, len(s.Owners), s.Votes)
		}
	}
	if _, err := r.Attendance(AttendanceOptions{}); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("no date: %v", err)
	}
	if _, err := r.Attendance(AttendanceOptions{Date: agDay, Key: "009"}); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("unknown key: %v", err)
	}
}

func TestParseOwnerOrder(t *testing.T) {
	for s, want := range map[string]OwnerOrder{"": ByName, "name": ByName, "Nom": ByName, "account": ByAccount, "compte": ByAccount} {
		if got, err := ParseOwnerOrder(s); err != nil || got != want {
			t.Errorf("%q → %v %v", s, got, err)
		}
	}
	if _, err := ParseOwnerOrder("date"); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("unknown order: %v", err)
	}
}

// Labels: one per owner of the day, or only those living elsewhere; the
// council: the members who own a lot.
func TestLabelsAndCouncil(t *testing.T) {
	r := writeDemo(t)
	_, n, err := r.LabelsPDF(LabelOptions{Date: ledger.Date(2025, 12, 31), Columns: 3})
	if err != nil || n != 12 {
		t.Errorf("labels: %d, %v", n, err)
	}
	pdf, n, err := r.LabelsPDF(LabelOptions{Date: ledger.Date(2025, 6, 12), Columns: 2, Elsewhere: true})
	if err != nil || n != 4 {
		t.Fatalf("labels elsewhere: %d, %v", n, err)
	}
	text := strings.Join(pdfPageTexts(t, pdf), "\n")
	for _, want := range []string{"SCI Les Marronniers", "27 cours Émile-Zola", "69100 Villeurbanne", "M. Fournier Loïc", "33000 Bordeaux",
		"M. Mercier Benoît", "75006 Paris", "M. Faure Jérôme", "38000 Grenoble"} {
		if !strings.Contains(text, want) {
			t.Errorf("labels lack %q", want)
		}
	}
	if strings.Contains(text, "Bernard") || strings.Contains(text, "Imprimé") || strings.Contains(text, "Page 1") {
		t.Errorf("labels print more than the addresses of owners living elsewhere:\n%s", text)
	}
	if _, _, err := r.LabelsPDF(LabelOptions{Columns: 4}); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("4 columns: %v", err)
	}
	members, err := r.CouncilMembers(ledger.Date(2025, 12, 31), ByName)
	if err != nil || len(members) != 2 || members[0].Account != "450001" || members[1].Account != "450007" {
		t.Fatalf("council: %v %+v", err, members)
	}
	pdf, n, err = r.CouncilPDF(ledger.Date(2025, 12, 31), ByName, ledger.Date(2026, 1, 15))
	if err != nil || n != 2 {
		t.Fatalf("council PDF: %d, %v", n, err)
	}
	text = strings.Join(pdfPageTexts(t, pdf), "\n")
	for _, want := range []string{"Membres du conseil syndical", "au 31/12/2025", "Bernard", "Mme Dubois Chloé", "450001", "450007", "2 membres"} {
		if !strings.Contains(text, want) {
			t.Errorf("council list lacks %q", want)
		}
	}
}

func TestLivesInResidence(t *testing.T) {
	res := ledger.Residence{Address: "14 rue des Tilleuls", Zip: "69003"}
	for _, c := range []struct {
		o    ledger.Owner
		want bool
	}{
		{ledger.Owner{Address: "14 rue des Tilleuls, bât. A", Zip: "69003"}, true},
		{ledger.Owner{Address: "14 Rue des TILLEULS", Zip: "69003"}, true},
		{ledger.Owner{Address: "", Zip: ""}, true},
		{ledger.Owner{Address: "14 rue des Tilleuls", Zip: "75006"}, false},
		{ledger.Owner{Address: "52 rue de Vaugirard", Zip: "69003"}, false},
	} {
		if got := livesInResidence(c.o, res); got != c.want {
			t.Errorf("%+v: %v", c.o, got)
		}
	}
}

func benchmarkAttendance(b *testing.B, r *Residence) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.AttendancePDF(AttendanceOptions{Date: agDay}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAttendance150(b *testing.B) { benchmarkAttendance(b, buildOwners(b, 150)) }

// 600 owners and 1 000 lots (buildLargeResidence).
func BenchmarkAttendance600(b *testing.B) {
	file := filepath.Join(b.TempDir(), "large.copro")
	ledgertest.Large(b, file)
	r, err := Open(file)
	if err != nil {
		b.Fatal(err)
	}
	defer r.db.Close()
	benchmarkAttendance(b, r)
}
