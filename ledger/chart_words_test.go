package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

// The everyday words find the accounts a volunteer means.
func TestAccountWords(t *testing.T) {
	for _, tc := range []struct {
		code, word string
	}{
		{"614000", "ascenseur"},
		{"615000", "ascenseur"},
		{"614100", "ascenseur"}, // a subdivision takes its account's words
		{"611000", "menage"},
		{"604000", "menage"},
		{"601000", "eau"},
		{"602000", "electricite"},
		{"603000", "fioul"},
		{"603000", "gaz"},
		{"616000", "assurance"},
		{"621100", "syndic"},
		{"622000", "honoraires"},
		{"615000", "espaces verts"},
		{"611000", "ordures"},
		{"641000", "gardien"},
		{"642000", "concierge"},
		{"671000", "travaux"},
		{"662000", "frais bancaires"},
		{"613000", "poubelles"},
	} {
		if w := ledger.AccountWords(tc.code); !strings.Contains(" "+w+" ", " "+tc.word+" ") {
			t.Errorf("AccountWords(%s) = %q, want it to hold %q", tc.code, w, tc.word)
		}
	}
	if w := ledger.AccountWords("450001"); w != "" {
		t.Errorf("an owner's account has words %q", w)
	}
	if w := ledger.AccountWords("616000"); strings.Contains(w, "ascenseur") {
		t.Errorf("616 (assurance) answers ascenseur: %q", w)
	}
}

// The words are written folded (the search folds what is typed: lower
// case, no accents) and belong to accounts of the chart.
func TestAccountWordsFolded(t *testing.T) {
	for _, c := range ledger.OfficialChart() {
		w := ledger.AccountWords(c.Code)
		for _, r := range w {
			if !(r >= 'a' && r <= 'z' || r == ' ' || r == '\'') {
				t.Errorf("%s: %q holds %q, not folded", c.Number, w, r)
				break
			}
		}
	}
}
