package fr

import (
	"math"
	"strings"
	"testing"
	"testing/quick"

	"github.com/shopspring/decimal"
)

func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		cents int64
		want  string
	}{
		{0, "0,00"}, {5, "0,05"}, {-5, "-0,05"}, {100, "1,00"}, {123456, "1 234,56"}, {-123456, "-1 234,56"},
		{100000000, "1 000 000,00"}, {math.MinInt64, "-92 233 720 368 547 758,08"}, {math.MaxInt64, "92 233 720 368 547 758,07"},
	} {
		if got := Money(tc.cents); got != tc.want {
			t.Errorf("Money(%d) = %q, want %q", tc.cents, got, tc.want)
		}
	}
}

// Property: without its spaces and with a dot, Money gives back the cents.
func TestMoneyRoundTrip(t *testing.T) {
	f := func(c int64) bool {
		s := strings.ReplaceAll(strings.Replace(Money(c), ",", ".", 1), " ", "")
		d, err := decimal.NewFromString(s)
		return err == nil && d.Shift(2).Equal(decimal.NewFromInt(c))
	}
	if err := quick.Check(f, nil); err != nil {
		t.Error(err)
	}
}

func TestShares(t *testing.T) {
	for in, want := range map[string]string{"0": "0", "1000": "1 000", "12.5": "12,5", "-1234.25": "-1 234,25", "999": "999"} {
		if got := Shares(decimal.RequireFromString(in)); got != want {
			t.Errorf("Shares(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	if got := Join([]string{"9", "14", "19"}, "et"); got != "9, 14 et 19" {
		t.Errorf("Join = %q", got)
	}
	if Join(nil, "et") != "" || Join([]string{"a"}, "ou") != "a" {
		t.Error("Join of 0 or 1 item")
	}
	for _, tc := range []struct {
		n     int
		count string
		s     string
	}{{0, "0 écriture", ""}, {1, "1 écriture", ""}, {2, "2 écritures", "s"}} {
		if got := Count(tc.n, "écriture", "écritures"); got != tc.count {
			t.Errorf("Count(%d) = %q", tc.n, got)
		}
		if got := S(tc.n); got != tc.s {
			t.Errorf("S(%d) = %q", tc.n, got)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Zoé":                "zoe",
		"  L’Œuvre   d'Ærø ": "l'oeuvre d'aerø",
		"Straße":             "strasse",
		"N° de COMPTE":       "n° de compte",
		"plain  ascii ":      "plain ascii",
		"Ça":                 "ca",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIBAN(t *testing.T) {
	if got := IBAN("fr7630002008470000071433944"); got != "FR76 3000 2008 4700 0007 1433 944" {
		t.Errorf("IBAN = %q", got)
	}
}

func TestKeepTogether(t *testing.T) {
	nb := string(NoBreak)
	for in, want := range map[string]string{
		"un total de 12 650,34 € au 31/12": "un total de 12" + nb + "650,34" + nb + "€ au 31/12",
		"-1 234 567,00 €":                  "-1" + nb + "234" + nb + "567,00" + nb + "€",
		"soit 12,5 % des 1 000 tantièmes":  "soit 12,5" + nb + "% des 1" + nb + "000 tantièmes",
		"lots 9, 14 et 19 : 2025 1234":     "lots 9, 14 et 19 : 2025 1234",
		"du 01/01/2025 au 31/12/2025":      "du 01/01/2025 au 31/12/2025",
		"3 rue des 1000 Lacs":              "3 rue des 1000 Lacs",
	} {
		if got := KeepTogether(in); got != want {
			t.Errorf("KeepTogether(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSyndicatName(t *testing.T) {
	for in, want := range map[string]string{
		"Les Tilleuls":        "Syndicat des copropriétaires de la résidence Les Tilleuls",
		"Résidence des Tests": "Syndicat des copropriétaires de la résidence des Tests",
		" RESIDENCE  du Parc": "Syndicat des copropriétaires de la résidence du Parc",
	} {
		if got := SyndicatName(in); got != want {
			t.Errorf("SyndicatName(%q) = %q, want %q", in, got, want)
		}
	}
}
