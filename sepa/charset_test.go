package sepa

import (
	"strings"
	"testing"
)

func TestTransliterate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Zoé Lefèvre", "Zoe Lefevre"},
		{"François Garçon", "Francois Garcon"},
		{"Œuvre cœur ŒUVRE", "Oeuvre coeur OEUVRE"},
		{"Æsop ex æquo", "Aesop ex aequo"},
		{"Straße", "Strasse"},
		{"ÀÂÄ àâä ÉÈÊË éèêë ÎÏ îï ÔÖ ôö ÙÛÜ ùûü Ÿ ÿ Ç ç Ñ ñ", "AAA aaa EEEE eeee II ii OO oo UUU uuu Y y C c N n"},
		{"L’Église d‘en face", "L'Eglise d'en face"},
		{"Saint‑Rémy – Provence — Alpes", "Saint-Remy - Provence - Alpes"},
		{"1\u00a0234\u202f567", "1 234 567"},
		{"  Facture\tn° 12\r\n  ", "Facture no 12"},
		{"Łódź, Dvořák, Ørsted, Þór", "Lodz, Dvorak, Orsted, Thor"},
		{"a-z A-Z 0-9 / - ? : ( ) . , ' +", "a-z A-Z 0-9 / - ? : ( ) . , ' +"},
		{"", ""},
	} {
		got, err := Transliterate(c.in)
		if err != nil || got != c.want {
			t.Errorf("Transliterate(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, bad string }{
		{"Dupont & Fils", "« & »"},
		{"100 €", "« € »"},
		{"« Les Tilleuls »", "« « »"},
		{"a\x00b", "U+0000"},
		{"jean@exemple.fr", "« @ »"},
		{"Σωκράτης", "« Σ »"},
		{"n°1; n°2", "« ; »"},
		{"a_b", "« _ »"},
		{"\"Le Parc\"", "« \" »"},
		{"bad \xff byte", "UTF-8"},
	} {
		_, err := Transliterate(c.in)
		if err == nil || !strings.Contains(err.Error(), c.bad) {
			t.Errorf("Transliterate(%q): %v, want an error naming %s", c.in, err, c.bad)
		}
	}
}

// The table only ever gives characters of the SEPA set.
func TestTranslitTableInSet(t *testing.T) {
	for r, s := range translit {
		for _, o := range s {
			if !sepaChar(o) {
				t.Errorf("%q → %q: %q is not in the SEPA set", r, s, o)
			}
		}
		if sepaChar(r) {
			t.Errorf("%q is in the set and needs no spelling", r)
		}
	}
}

func TestCheckID(t *testing.T) {
	for _, ok := range []string{"VIREFOND-20270105-1", "RUM/2026/0001", "A", strings.Repeat("9", 35), "a+b?c:(d).e,f'g"} {
		if err := checkID(ok); err != nil {
			t.Errorf("checkID(%q): %v", ok, err)
		}
	}
	for _, c := range []struct{ in, msg string }{
		{"", "manquant"},
		{strings.Repeat("9", 36), "trop long (36 caractères"},
		{"RUM 12", "espace"},
		{"RUMé12", "« é »"},
		{"RUM_12", "« _ »"},
		{"/RUM12", "« / »"},
		{"RUM12/", "« / »"},
		{"RUM//12", "« // »"},
		{"RUM\n12", "U+000A"},
	} {
		err := checkID(c.in)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("checkID(%q): %v, want %q", c.in, err, c.msg)
		}
	}
}

func TestCut(t *testing.T) {
	if got := cut(strings.Repeat("ab ", 50), 140); len(got) > 140 || strings.HasSuffix(got, " ") {
		t.Errorf("cut: %q", got)
	}
	if got := cut("court", 140); got != "court" {
		t.Errorf("cut: %q", got)
	}
}
