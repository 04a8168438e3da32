package ledger_test

import (
	"testing"

	"tantieme/ledger"
)

func TestOwnerLegalPerson(t *testing.T) {
	for _, c := range []struct {
		civility, name string
		want           bool
	}{
		{"Mme", "Société Civile Immobilière des Héritiers de Marie-Thérèse de La Rochefoucauld-Montmorency", true},
		{"SCI", "Les Marronniers", true},
		{"", "SCI Les Lilas", true},
		{"M.", "Indivision Martin", true},
		{"", "Succession Dupont", true},
		{"", "SARL Immo-Rhône", true},
		{"", "societe generale d'immeubles", true},
		{"Mme", "Dupont Zoé", false},
		{"M. et Mme", "Bernard Jean-Luc et Françoise", false},
		{"", "Sauvage Sacha", false}, // a name that starts like « sa… »
		{"", "", false},
	} {
		o := ledger.Owner{Civility: c.civility, Name: c.name}
		if got := o.LegalPerson(); got != c.want {
			t.Errorf("%q %q: legal person %v, want %v", c.civility, c.name, got, c.want)
		}
	}
}
