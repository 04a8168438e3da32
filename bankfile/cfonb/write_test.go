package cfonb

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"tantieme/bankfile"
)

// sameCents says how two readings of statements differ in what counts:
// the number of statements and lines, each line's cents and date, the
// stated balances (when the first states them and the format of the
// second can say them).
func sameCents(a, b []bankfile.Statement) string {
	if len(a) != len(b) {
		return "nombre de relevés"
	}
	for i := range a {
		if len(a[i].Lines) != len(b[i].Lines) {
			return "nombre de lignes du relevé " + a[i].Where
		}
		for j := range a[i].Lines {
			if a[i].Lines[j].Amount != b[i].Lines[j].Amount || !a[i].Lines[j].Date.Equal(b[i].Lines[j].Date) {
				return "ligne " + a[i].Lines[j].Where
			}
		}
		if b[i].Format == format240 {
			continue
		}
		for _, p := range [][2]*bankfile.Balance{{a[i].Opening, b[i].Opening}, {a[i].Closing, b[i].Closing}} {
			if p[0] != nil && (p[1] == nil || p[0].Amount != p[1].Amount || !p[0].Date.Equal(p[1].Date)) {
				return "soldes du relevé " + a[i].Where
			}
		}
	}
	return ""
}

// Every fixture, read, written in CFONB 120 and in CFONB 240 and read
// again, gives the same cents; CFONB 120 keeps labels, references, codes,
// names and end-to-end references too.
func TestRoundTripFixtures(t *testing.T) {
	for _, f := range []string{"cfonb120_pennylane_example.txt", "cfonb120_silarhi_complex.txt", "cfonb240_silarhi_totals_fixed.txt"} {
		data, _ := os.ReadFile("testdata/" + f)
		st, err := Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []func(*bytes.Buffer, []bankfile.Statement) error{
			func(b *bytes.Buffer, s []bankfile.Statement) error { return Write(b, s) },
			func(b *bytes.Buffer, s []bankfile.Statement) error { return Write240(b, s) },
		} {
			var buf bytes.Buffer
			if err := w(&buf, st); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			back, err := Parse(f, buf.Bytes())
			if err != nil {
				t.Fatalf("%s: %v\n%s", f, err, buf.String())
			}
			if d := sameCents(st, back); d != "" {
				t.Errorf("%s: %s differs\n%s", f, d, buf.String())
			}
			if back[0].Format == format240 {
				continue
			}
			for i := range st {
				if err := back[i].CheckBalances(f); err != nil {
					t.Error(err)
				}
				for j, l := range st[i].Lines {
					m := back[i].Lines[j]
					if l.Label != m.Label || l.Reference != m.Reference || l.Code != m.Code || l.Counterparty.Name != m.Counterparty.Name ||
						l.EndToEnd != m.EndToEnd || !l.ValueDate.Equal(m.ValueDate) {
						t.Errorf("%s statement %d line %d:\n%+v\n%+v", f, i+1, j+1, l, m)
					}
				}
			}
		}
	}
}

// A statement as the test year writes it: long labels, accents,
// details, an IBAN and no stated balance.
func TestWriteGenerated(t *testing.T) {
	d := time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
	st := []bankfile.Statement{{
		Account: bankfile.Account{Bank: "30004", Branch: "00123", Number: "00012345678", Name: "SDC LES TILLEULS"},
		Lines: []bankfile.Line{
			{Date: d, Amount: 45012, Label: "VIR SEPA M OU MME DUPONT-LÉGER", Code: "05", Reference: "R1",
				Counterparty: bankfile.Party{Name: "M OU MME DUPONT-LÉGER JEAN", IBAN: "FR7630006000011234567890189"},
				EndToEnd:     "APPEL 2025-T1 LOT 12", Details: []string{"APPEL DE FONDS T1 2025 " + strings.Repeat("X", 60)}},
			{Date: d.AddDate(0, 0, 2), ValueDate: d.AddDate(0, 0, 3), Amount: -12000, Label: "PRLV EDF", Counterparty: bankfile.Party{Name: "EDF"}},
		},
	}}
	var buf bytes.Buffer
	if err := Write(&buf, st); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n") {
		if n := len([]rune(line)); n != 120 {
			t.Errorf("record %d: %d characters", i+1, n)
		}
	}
	back, err := Parse("gen.txt", buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	s := back[0]
	if s.Opening.Amount != 0 || s.Closing.Amount != 33012 || s.CheckBalances("gen.txt") != nil || !s.From.Equal(d) || !s.To.Equal(d.AddDate(0, 0, 2)) {
		t.Errorf("balances: %+v %+v %s %s", s.Opening, s.Closing, s.From, s.To)
	}
	l := s.Lines[0]
	if l.Label != "VIR SEPA M OU MME DUPONT-LÉGER" || l.Counterparty.Name != "M OU MME DUPONT-LÉGER JEAN" ||
		l.Counterparty.IBAN != "FR7630006000011234567890189" || l.EndToEnd != "APPEL 2025-T1 LOT 12" || l.Reference != "R1" {
		t.Errorf("credit: %+v", l)
	}
	if !strings.Contains(strings.Join(l.Details, ""), "APPEL DE FONDS T1 2025 "+strings.Repeat("X", 60)) {
		t.Errorf("details cut: %q", l.Details)
	}
	if l := s.Lines[1]; l.Counterparty.Name != "EDF" || l.Amount != -12000 || !l.ValueDate.Equal(d.AddDate(0, 0, 3)) {
		t.Errorf("debit: %+v", l)
	}
	buf.Reset()
	if err := Write240(&buf, st); err != nil {
		t.Fatal(err)
	}
	back, err = Parse("gen240.txt", buf.Bytes())
	if err != nil || len(back) != 1 || back[0].Total() != 33012 || back[0].Lines[0].Counterparty.Name != "M OU MME DUPONT-LÉGER JE" ||
		back[0].Lines[1].Code != "80" || back[0].Account.Name != "SDC LES TILLEULS" {
		t.Errorf("240: %v %+v", err, back)
	}
}

func TestWriteRefuses(t *testing.T) {
	d := time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
	acct := bankfile.Account{Bank: "30004", Branch: "00123", Number: "00012345678"}
	for _, tc := range []struct {
		name string
		st   bankfile.Statement
		want string
	}{
		{"no RIB", bankfile.Statement{Account: bankfile.Account{IBAN: "FR7630006000011234567890189"}, From: d}, "pas de numéro"},
		{"dollars", bankfile.Statement{Account: acct, Currency: "USD", From: d}, "euros"},
		{"no date", bankfile.Statement{Account: acct}, "date manquante"},
		{"year", bankfile.Statement{Account: acct, Lines: []bankfile.Line{{Date: d.AddDate(80, 0, 0), Amount: 1}}}, "année 2105"},
		{"huge", bankfile.Statement{Account: acct, From: d, Lines: []bankfile.Line{{Date: d, Amount: -maxAmount - 1}}}, "démesuré"},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, []bankfile.Statement{tc.st}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}
