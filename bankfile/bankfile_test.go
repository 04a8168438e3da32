package bankfile

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParseDecimal(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		err  bool
	}{
		{"1234.5", 123450, false}, {"0,07", 7, false}, {"12", 1200, false}, {"-3.10", -310, false},
		{"1.000", 100, false}, {"1.005", 0, true}, {"", 0, true}, {"1a", 0, true}, {"1234567890123456", 0, true},
	} {
		got, err := ParseDecimal(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseDecimal(%q) = %d, %v", tc.in, got, err)
		}
	}
}

// What ParseDecimal reads, written back with two decimals, reads the same.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"1234.5", "0,07", "-3.10", "12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseDecimal(s)
		if err != nil {
			return
		}
		a := v
		sign := ""
		if a < 0 {
			sign, a = "-", -a
		}
		back := sign + strconv.FormatInt(a/100, 10) + "." + strconv.FormatInt(a%100/10, 10) + strconv.FormatInt(a%10, 10)
		if w, err := ParseDecimal(back); err != nil || w != v {
			t.Fatalf("%q → %d → %q → %d, %v", s, v, back, w, err)
		}
	})
}

func TestCheckBalances(t *testing.T) {
	d := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	s := Statement{Account: Account{IBAN: "FR7630006000011234567890189"}, Where: "ligne 1",
		Opening: &Balance{d, 10000}, Closing: &Balance{d, 12500},
		Lines: []Line{{Amount: 3000}, {Amount: -500}}}
	if err := s.CheckBalances("releve.txt"); err != nil {
		t.Errorf("a statement that adds up: %v", err)
	}
	s.Lines = s.Lines[:1]
	err := s.CheckBalances("releve.txt")
	if err == nil || !strings.Contains(err.Error(), "« releve.txt », ligne 1 : le relevé du compte FR7630006000011234567890189 ne tombe pas juste") ||
		!strings.Contains(err.Error(), "écart de -5,00 €") {
		t.Errorf("a gap: %v", err)
	}
	s.Opening = nil
	if err := s.CheckBalances("releve.txt"); err != nil {
		t.Errorf("no opening balance, nothing to check: %v", err)
	}
}
