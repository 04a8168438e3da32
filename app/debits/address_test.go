package debits

import (
	"reflect"
	"testing"

	"tantieme/sepa"
)

// TestPostal: an address is given whole (street lines, post code, town,
// country) or not at all, never as free text alone (SEPA, November 2026).
func TestPostal(t *testing.T) {
	tests := []struct {
		name                       string
		street, zip, city, country string
		want                       sepa.Address
	}{
		{"French, country left empty", "3 allée des Cèdres", "38000", "Grenoble", "", sepa.Address{Lines: []string{"3 allée des Cèdres"}, PostCode: "38000", Town: "Grenoble", Country: "FR"}},
		{"Belgian by name", "Rue Haute 12\nBoîte 3", "1000", "Bruxelles", "Belgique", sepa.Address{Lines: []string{"Rue Haute 12", "Boîte 3"}, PostCode: "1000", Town: "Bruxelles", Country: "BE"}},
		{"three lines kept in two", "a\nb\nc", "38000", "Grenoble", "FR", sepa.Address{Lines: []string{"a", "b c"}, PostCode: "38000", Town: "Grenoble", Country: "FR"}},
		{"no town", "3 allée des Cèdres", "38000", "", "", sepa.Address{}},
		{"no street", "", "38000", "Grenoble", "", sepa.Address{}},
		{"unknown country", "1 Main St", "10001", "New York", "Etats-Unis", sepa.Address{}},
	}
	for _, tt := range tests {
		if got := postal(tt.street, tt.zip, tt.city, tt.country); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
