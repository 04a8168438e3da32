package reports

import (
	"strings"
	"testing"
	"time"

	"tantieme/ledger/ledgertest"
)

// A fact sheet never cuts a value: a long name and a long address wrap
// under their label, every word printed; only the running head, which
// shares its line with the subtitle, shortens the name (once, with « … »),
// and the subtitle stays whole.
func TestFactSheetWrapsValues(t *testing.T) {
	name := "Syndicat des copropriétaires de l'ensemble immobilier Les Grands Tilleuls du Parc de la Tête d'Or, bâtiments A à F"
	address := "Indivision Lefèvre-Martin-Garçon, chez Mme Hélène Lefèvre, 14 rue des Tilleuls, bâtiment A, escalier 2, 1er étage gauche, 69003 Lyon"
	pdf, err := FicheSynthetiquePDF(FactSheet{
		Residence: name, Title: "Fiche synthétique de la copropriété", Subtitle: "Établie le 01/02/2026",
		Sections: []FactSection{{Heading: "Identification", Rows: []Fact{
			{Label: "Nom d'usage", Value: name},
			{Label: "Adresse du syndic", Value: address},
			{Label: "Sommes restant dues par les copropriétaires", Value: "12 406,53 €", Strong: true},
		}}},
		Notes:   []string{"Une note."},
		Printed: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	text := ledgertest.Flat(ledgertest.PDF(t, pdf))
	for _, want := range []string{name, address, "Établie le 01/02/2026", "12 406,53 €", "Une note."} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "…"); n != 1 {
		t.Errorf("%d ellipses, want 1 (the running head's name):\n%s", n, text)
	}
	if n := len(ledgertest.Pages(ledgertest.PDF(t, pdf))); n != 1 {
		t.Errorf("%d pages", n)
	}
}
