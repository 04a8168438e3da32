package export

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

func TestLatin9(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Quote-part clé 001 – Charges générales", "Quote-part clé 001 - Charges générales"},
		{"Régularisation — exercice 2025", "Régularisation - exercice 2025"},
		{"l’appel « n° 2 » de “mars”…", `l'appel « n° 2 » de "mars"...`},
		{"Œuvre 12 €, Ÿ, š, ž", "Œuvre 12 €, Ÿ, š, ž"},
		{"Erdős, Dvořák, Łódź", "Erdos, Dvorák, ?ódz"},
		{"e\u0301te\u0301", "été"},
		{"1\u202f234,56", "1 234,56"},
		{"loyer 😀 payé", "loyer ? payé"},
		{"½ ¤", "? ?"}, // Latin-1's, not ISO 8859-15's
	} {
		got := latin9(c.in)
		if got != c.want {
			t.Errorf("latin9(%q) = %q, want %q", c.in, got, c.want)
		}
		if !isLatin9(got) {
			t.Errorf("latin9(%q) = %q is not ISO 8859-15", c.in, got)
		}
	}
}

// Whatever a text holds, its FEC form encodes in ISO 8859-15 and reads
// back the same.
func FuzzLatin9(f *testing.F) {
	for _, s := range []string{"", "Clôture – 2025", "“x” … ő 😀", "e\u0301", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := latin9(s)
		enc, err := charmap.ISO8859_15.NewEncoder().String(got)
		if err != nil {
			t.Fatalf("latin9(%q) = %q does not encode: %v", s, got, err)
		}
		back, err := charmap.ISO8859_15.NewDecoder().String(enc)
		if err != nil || back != got {
			t.Fatalf("latin9(%q) = %q reads back as %q (%v)", s, got, back, err)
		}
	})
}
