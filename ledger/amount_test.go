package ledger_test

import (
	"math"
	"math/rand"
	"strings"
	"testing"

	"tantieme/ledger"
)

// maxParsable is the largest amount ParseAmount accepts: it refuses integer
// parts that could overflow once the cents are added, so the round-trip
// property only holds up to here.
const maxParsable = ledger.Amount((math.MaxInt64/100-1)*100 + 99)

func TestAmountFormat(t *testing.T) {
	tests := []struct {
		a      ledger.Amount
		format string
		plain  string
	}{
		{0, "0,00", "0.00"},
		{5, "0,05", "0.05"},
		{-5, "-0,05", "-0.05"},
		{100, "1,00", "1.00"},
		{99999, "999,99", "999.99"},
		{123456, "1 234,56", "1234.56"},
		{-123456, "-1 234,56", "-1234.56"},
		{100000000, "1 000 000,00", "1000000.00"},
		{-123456789, "-1 234 567,89", "-1234567.89"},
		{math.MaxInt64, "92 233 720 368 547 758,07", "92233720368547758.07"},
		{math.MinInt64, "-92 233 720 368 547 758,08", "-92233720368547758.08"},
	}
	for _, tt := range tests {
		if got := tt.a.Format(); got != tt.format {
			t.Errorf("Amount(%d).Format() = %q, want %q", int64(tt.a), got, tt.format)
		}
		if got := tt.a.String(); got != tt.format+" €" {
			t.Errorf("Amount(%d).String() = %q, want %q", int64(tt.a), got, tt.format+" €")
		}
		if got := tt.a.Plain(); got != tt.plain {
			t.Errorf("Amount(%d).Plain() = %q, want %q", int64(tt.a), got, tt.plain)
		}
	}
}

func TestParseAmountAccepted(t *testing.T) {
	tests := []struct {
		in   string
		want ledger.Amount
	}{
		{"1234,56", 123456},
		{"1 234,56", 123456},
		{"1 234,56 €", 123456},
		{"1234,56€", 123456},
		{"1\u00a0234,56", 123456},          // NBSP, as Excel and LibreOffice write it
		{"1\u202f234,56\u00a0€", 123456},   // narrow NBSP, as CLDR fr formats it
		{"\u00a01 234,56 €\u00a0", 123456}, // NBSP around the figure
		{"1234.56", 123456},
		{"1.234,56", 123456},
		{"1,234.56", 123456},
		{"1'234,56", 123456},
		{"1.234.567", 123456700},
		{"1 234 567,89", 123456789},
		{"-12", -1200},
		{"- 12", -1200},
		{"12,5", 1250},
		{"12.5", 1250},
		{"+3", 300},
		{"€ 5", 500},
		{"€5", 500},
		{"12,50 EUR", 1250},
		{"12,50EUR", 1250},
		{"  7 ", 700},
		{"0,05", 5},
		{"-0,05", -5},
		{"-0", 0},
		{"0", 0},
		{",5", 50},
		{"92233720368547757,99", maxParsable},
		{"-92 233 720 368 547 757,99", -maxParsable},
	}
	for _, tt := range tests {
		got, err := ledger.ParseAmount(tt.in)
		if err != nil {
			t.Errorf("ParseAmount(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseAmount(%q) = %d, want %d", tt.in, int64(got), int64(tt.want))
		}
	}
}

func TestParseAmountRefused(t *testing.T) {
	const invalid = "n'est pas un montant valide"
	tests := []struct {
		in  string
		msg string // part of the French message the user sees
	}{
		{"", invalid},
		{"   ", invalid},
		{"abc", invalid},
		{"€", invalid},
		{"EUR", invalid},
		{"-", invalid},
		{"+", invalid},
		{",", invalid},
		{"1,234", invalid},  // thousands or decimals? refused rather than guessed
		{"1.234", invalid},  // same
		{"12,345", invalid}, // three decimals
		{"0,001", invalid},
		{"1,999", invalid},
		{"1.2.3", invalid},
		{"1.234.56", invalid},
		{"1,234,5", invalid},
		{"1..234", invalid},   // thousands come in groups of three
		{"1.23.456", invalid}, // same
		{"1234.567,89", invalid},
		{"1.2345,00", invalid},
		{"1,23.45", invalid},
		{"1.234,567", invalid},
		{"--1", invalid},
		{"+-1", invalid},
		{"-€5", invalid},
		{"12a", invalid},
		{"1e5", invalid},
		{"0x10", invalid},
		{"١٢", invalid}, // Arabic-Indic digits are not ours
		{"\xff", invalid},
		{"99999999999999999999", "trop grand"},
		{"92233720368547758", "trop grand"},
		{"-92233720368547758,08", "trop grand"},
	}
	for _, tt := range tests {
		got, err := ledger.ParseAmount(tt.in)
		if err == nil {
			t.Errorf("ParseAmount(%q) = %d, want an error", tt.in, int64(got))
			continue
		}
		if k := ledger.KindOf(err); k != ledger.Invalid {
			t.Errorf("ParseAmount(%q): kind %v, want Invalid", tt.in, k)
		}
		msg := ledger.Message(err)
		if !strings.Contains(msg, tt.msg) || !strings.Contains(msg, "« "+strings.TrimSpace(tt.in)+" »") {
			t.Errorf("ParseAmount(%q): message %q, want it to quote the input and say %q", tt.in, msg, tt.msg)
		}
	}
}

func TestMustAmountPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustAmount(\"abc\") did not panic")
		}
	}()
	ledger.MustAmount("abc")
}

// randomAmounts returns amounts covering every order of magnitude that
// ParseAmount accepts, both signs and the bounds.
func randomAmounts(r *rand.Rand, n int) []ledger.Amount {
	out := []ledger.Amount{0, 1, -1, 99, -99, 100, 999, 1000, 100000, maxParsable, -maxParsable}
	for len(out) < n {
		var a int64
		switch r.Intn(3) {
		case 0: // small: everyday amounts
			a = r.Int63n(1_000_000)
		case 1: // any number of digits
			a = r.Int63n(int64(math.Pow10(1 + r.Intn(18))))
		default: // anywhere in the range
			a = r.Int63n(int64(maxParsable) + 1)
		}
		if r.Intn(2) == 0 {
			a = -a
		}
		out = append(out, ledger.Amount(a))
	}
	return out
}

func TestAmountRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(2005_240))
	for _, a := range randomAmounts(r, 20000) {
		for _, s := range []string{a.Format(), a.String(), a.Plain()} {
			got, err := ledger.ParseAmount(s)
			if err != nil {
				t.Fatalf("ParseAmount(%q) of Amount(%d): %v", s, int64(a), err)
			}
			if got != a {
				t.Fatalf("ParseAmount(%q) = %d, want %d", s, int64(got), int64(a))
			}
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{
		"1234,56", "1 234,56", "1 234,56 €", "1\u00a0234,56", "1\u202f234,56", "1234.56", "1.234,56",
		"1,234.56", "-12", "12,5", "+3", "€ 5", "12 EUR", "", "abc", "1,234", "12,345", "1.2.3", "--1",
		"0,001", "1.234.567", "92233720368547757,99", "99999999999999999999", "-0", ",5", "1'234",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ledger.ParseAmount(s)
		if err != nil {
			if ledger.KindOf(err) != ledger.Invalid || ledger.Message(err) == "" {
				t.Fatalf("ParseAmount(%q): error %v is not an Invalid error with a message", s, err)
			}
			return
		}
		for _, out := range []string{a.Format(), a.String(), a.Plain()} {
			b, err := ledger.ParseAmount(out)
			if err != nil {
				t.Fatalf("ParseAmount(%q) = %d, but its form %q does not parse: %v", s, int64(a), out, err)
			}
			if b != a {
				t.Fatalf("ParseAmount(%q) = %d, but ParseAmount(%q) = %d", s, int64(a), out, int64(b))
			}
		}
	})
}
