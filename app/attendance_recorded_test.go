package app

import (
	"strconv"
	"strings"
	"testing"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// Twelve owners of buildOwners: owner i holds 20 + i shares, 3 more for
// every fourth (a cellar): 21, 22, 23, 27, 25, 26, 27, 31, 29, 30, 31, 35
// = 327 votes; 10 % = 32,7. The AG is on 12 June 2026.
//
//	450001 present, holds 450002 (22), 450003 (23), 450004 (27) and 450005
//	       (25, fourth: 21 + 22 + 23 + 27 + 25 = 118 > 32,7, refused);
//	450006 postal, form of 8 June (9, 10, 11: three clear days);
//	450007 postal, form of 9 June: too late;
//	450008 proxy to the syndic: refused; 450009…450012 absent.
//
// Present 21 (1); represented 22 + 23 + 27 = 72 (3); postal 26 (1);
// défaillants 25 + 27 + 31 + 29 + 30 + 31 + 35 = 208 (7); 21 + 72 + 26 +
// 208 = 327.
func TestAttendanceRecords(t *testing.T) {
	r := buildOwners(t, 12)
	records := []AttendanceRecord{
		{Account: "450001", Presence: ledger.Present},
		{Account: "450006", Presence: ledger.Postal, Form: ledger.MustDate("2026-06-08")},
		{Account: "450007", Presence: ledger.Postal, Form: ledger.MustDate("2026-06-09")},
		{Account: "450008", Presence: ledger.Represented, Proxy: ledger.Proxy{HolderName: "M. Syndic", Tie: ledger.TieSyndic}},
	}
	for i, acc := range []string{"450002", "450003", "450004", "450005"} {
		records = append(records, AttendanceRecord{Account: acc, Presence: ledger.Represented, Proxy: ledger.Proxy{Holder: "450001", Rank: i + 1}})
	}
	opt := AttendanceOptions{Date: agDay, Order: ByAccount, Records: records, Printed: ledger.Date(2026, 6, 12)}
	s, err := r.Attendance(opt)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if s.Roll == nil || s.Roll.Total.String() != "327" {
		t.Fatalf("roll %+v", s.Roll)
	}
	tot := s.Roll.Totals()
	for p, w := range map[ledger.Presence][2]string{ledger.Present: {"1", "21"}, ledger.Represented: {"3", "72"}, ledger.Postal: {"1", "26"}, ledger.Absent: {"7", "208"}} {
		if g := tot[p]; g.Votes.String() != w[1] || strconv.Itoa(g.Owners) != w[0] {
			t.Errorf("%v: %d owners, %s votes; want %s, %s", p, g.Owners, g.Votes, w[0], w[1])
		}
	}
	if m := s.Owners[4].Member; m.Account != "450005" || !strings.Contains(m.Refusal, "détient déjà 3 pouvoirs") {
		t.Errorf("450005: %+v", m)
	}
	pdf, err := r.AttendancePDF(opt)
	if err != nil {
		t.Fatal(err)
	}
	text := ledgertest.Flat(strings.Join(pdfPageTexts(t, pdf), " "))
	for _, want := range []string{"Présents 1 21", "Représentés 3 72", "Par correspondance 1 26", "Défaillants 7 208", "Total 12 327",
		"3 pouvoirs détenus", "le syndic ne peut pas recevoir de mandat", "hors délai", "08/06/2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}

	for _, bad := range []struct {
		records []AttendanceRecord
		want    string
	}{
		{[]AttendanceRecord{{Account: "450099", Presence: ledger.Present}}, "450099"},
		{[]AttendanceRecord{{Account: "450001", Presence: ledger.Present}, {Account: "450001", Presence: ledger.Absent}}, "deux fois"},
		{[]AttendanceRecord{{Account: "450001", Presence: ledger.Postal}}, "date de réception"},
	} {
		if _, err := r.Attendance(AttendanceOptions{Date: agDay, Records: bad.records}); ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), bad.want) {
			t.Errorf("%+v: %v, want %q", bad.records, err, bad.want)
		}
	}
}
