package cfonb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tantieme/bankfile"
)

// want is what one statement of a fixture holds. The figures were read off
// the files by hand and with awk (13 digits and the sign character of
// positions 91-104 for CFONB 120, the 12 digits of 229-240 for CFONB 240),
// never from this parser's output.
type want struct {
	number          string
	lines           []int64 // each line's signed cents, in order
	opening, closed int64   // stated balances (CFONB 120)
	from, to        string  // DD/MM/YYYY
}

func day(s string) time.Time {
	t, err := time.Parse("02/01/2006", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestFixtures(t *testing.T) {
	for _, tc := range []struct {
		file   string
		format string
		want   []want
	}{
		{"cfonb120_pennylane_example.txt", format120, []want{
			{"98765432100", []int64{-3221, -1070, -790}, -19040, -24121, "15/05/2019", "16/05/2019"},
			{"00123456789", []int64{9749, -1210, -790}, -24121, -16372, "16/05/2019", "17/05/2019"},
		}},
		{"cfonb120_silarhi_complex.txt", format120, []want{
			{"00012345603", []int64{-2279}, 1669565, 1667286, "06/04/2020", "07/04/2020"},
			{"00020427603", []int64{-2011, -500000}, 1667286, 1165275, "07/04/2020", "08/04/2020"},
			{"00020427603", nil, 1165275, 1165275, "08/04/2020", "09/04/2020"},
			{"00020427603", []int64{-11775}, 1165275, 1153500, "09/04/2020", "10/04/2020"},
			{"00020427603", nil, 1153500, 1153500, "10/04/2020", "13/04/2020"},
			{"00020427603", []int64{-5025}, 1153500, 1148475, "13/04/2020", "14/04/2020"},
			{"00020427603", nil, 1148475, 1148475, "14/04/2020", "15/04/2020"},
			{"00020427603", nil, 58435302, 58435302, "23/04/2020", "24/04/2020"},
		}},
		{"cfonb240_silarhi_totals_fixed.txt", format240, []want{
			{"00020030401", []int64{171200, 287280}, 0, 0, "21/12/2020", "21/12/2020"},
			{"00020030401", []int64{11760}, 0, 0, "22/12/2020", "22/12/2020"},
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if !Sniff(data) {
				t.Errorf("Sniff does not recognise %s", tc.file)
			}
			st, err := Parse(tc.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(st) != len(tc.want) {
				t.Fatalf("%d statements, want %d", len(st), len(tc.want))
			}
			for i, w := range tc.want {
				s := st[i]
				if s.Format != tc.format || s.Currency != "EUR" || s.Account.Number != w.number {
					t.Errorf("statement %d: %s %s account %q, want %s EUR %q", i+1, s.Format, s.Currency, s.Account.Number, tc.format, w.number)
				}
				if len(s.Lines) != len(w.lines) {
					t.Errorf("statement %d: %d lines, want %d", i+1, len(s.Lines), len(w.lines))
					continue
				}
				var sum int64
				for j, a := range w.lines {
					sum += a
					if s.Lines[j].Amount != a {
						t.Errorf("statement %d line %d: %d cents, want %d", i+1, j+1, s.Lines[j].Amount, a)
					}
				}
				if s.Total() != sum {
					t.Errorf("statement %d: total %d, want %d", i+1, s.Total(), sum)
				}
				if !s.From.Equal(day(w.from)) || !s.To.Equal(day(w.to)) {
					t.Errorf("statement %d: %s–%s, want %s–%s", i+1, dateText(s.From), dateText(s.To), w.from, w.to)
				}
				if tc.format == format240 {
					if s.Opening != nil || s.Closing != nil {
						t.Errorf("statement %d: CFONB 240 states no balance", i+1)
					}
					continue
				}
				if s.Opening == nil || s.Closing == nil || s.Opening.Amount != w.opening || s.Closing.Amount != w.closed {
					t.Errorf("statement %d: balances %+v %+v, want %d %d", i+1, s.Opening, s.Closing, w.opening, w.closed)
				}
				if err := s.CheckBalances(tc.file); err != nil {
					t.Errorf("statement %d: %v", i+1, err)
				}
			}
		})
	}
}

// The pennylane sample's 05 complements: LIB as details, NPY as the
// payer's name, RCN as the end-to-end reference, an unknown qualifier kept
// with its code, a blank complement dropped.
func TestPennylaneDetails(t *testing.T) {
	data, _ := os.ReadFile("testdata/cfonb120_pennylane_example.txt")
	st, err := Parse("example.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	l := st[0].Lines[0]
	if l.Label != "PRLV SEPA TEST CABINET" || l.Code != "B1" || l.Counterparty.Name != "INTERNET SFR" || l.EndToEnd != "OTHER REFERENCE" ||
		!l.Date.Equal(day("16/05/2019")) || !l.ValueDate.Equal(day("16/05/2019")) || l.Where != "ligne 3" {
		t.Errorf("first line: %+v", l)
	}
	wantDetails := []string{"MENSUEAUHTR13133", "MENSUEAUHTR13DUP", "Référence de la remise : REFERENCE", "Référence client : OTHER REFERENCE PURPOSE",
		"Payeur : INTERNET SFR", "AAA INTERNETA AAA", "AAA INTERNETA ABB", "BBB INTERNETE BBB", "CCC INTERNETI CCC",
		"N Y EXAMPLE WITH EMPTY SPACE", "2'C EXAMPLE WITH OTHER COMBINATIONS"}
	if strings.Join(l.Details, "|") != strings.Join(wantDetails, "|") {
		t.Errorf("details:\n%q\nwant\n%q", l.Details, wantDetails)
	}
	l = st[0].Lines[1]
	if l.Reference != "REFERENCE" || l.Counterparty.Name != "ELEC ERDF" || l.Label != "VIR SEPA DEMONSTRATION" {
		t.Errorf("second line: %+v", l)
	}
	if l := st[0].Lines[2]; l.Code != "62" || l.Label != "F COMMISSION D INTERVENTION" || l.Where != "ligne 19" {
		t.Errorf("third line: %+v", l)
	}
	if a := st[1].Account; a.Bank != "18706" || a.Branch != "00000" || a.Number != "00123456789" || a.String() != "RIB 18706 00000 00123456789" {
		t.Errorf("second account: %+v", a)
	}
}

func TestSilarhi240Details(t *testing.T) {
	data, _ := os.ReadFile("testdata/cfonb240_silarhi_totals_fixed.txt")
	st, err := Parse("240.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	a := st[0].Account
	if a.Bank != "30066" || a.Branch != "10771" || a.Number != "00020030401" || st[0].Where != "ligne 1" {
		t.Errorf("account: %+v %s", a, st[0].Where)
	}
	l := st[0].Lines[0]
	if l.Code != "20" || l.Counterparty.Name != "OFFICE NATL DU AAAAAAAA" || l.Label != "Virement reçu" || l.Where != "ligne 2" ||
		len(l.Details) != 1 || l.Details[0] != "RIB de la contrepartie : 14989 00001 22140469732" ||
		l.Counterparty.IBAN != ribIBAN("14989", "00001", "22140469732") || len(l.Counterparty.IBAN) != 27 {
		t.Errorf("first line: %+v", l)
	}
	if l := st[1].Lines[0]; l.Counterparty.Name != "CHIC WWW WWWWWWW" || l.Label != "F2012017" {
		t.Errorf("second sequence: %+v", l)
	}
}

// The published 240 sample states totals that are not the sums of its
// details (anonymised amounts): it is refused, naming the line and the gap.
func TestSilarhi240WrongTotal(t *testing.T) {
	data, _ := os.ReadFile("testdata/cfonb240_silarhi_complex.txt")
	_, err := Parse("cfonb240_silarhi_complex.txt", data)
	want := "« cfonb240_silarhi_complex.txt », ligne 4 : le total de la séquence annonce 4 652,70 € mais les opérations de la séquence ouverte ligne 1 font 4 584,80 € (écart de 67,90 €)"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v\nwant %s", err, want)
	}
	var be *bankfile.Error
	if _, ok := err.(*bankfile.Error); !ok {
		t.Errorf("not a *bankfile.Error: %T %v", err, be)
	}
}
