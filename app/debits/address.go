package debits

import (
	"strings"

	"tantieme/internal/fr"
	"tantieme/sepa"
)

// postal is an address as a SEPA file takes it since November 2026:
// structured (here hybrid: the street lines, post code, town, country)
// when it is complete, else none at all — never free text alone, which
// the banks now refuse. An empty country is France: the residence's, and
// most owners'.
func postal(street, zip, city, country string) sepa.Address {
	lines := fr.NonEmpty(strings.Split(street, "\n")...)
	code := countryCode(country)
	if len(lines) == 0 || strings.TrimSpace(zip) == "" || strings.TrimSpace(city) == "" || code == "" {
		return sepa.Address{}
	}
	if len(lines) > 2 {
		lines = []string{lines[0], strings.Join(lines[1:], " ")}
	}
	return sepa.Address{Lines: lines, PostCode: strings.TrimSpace(zip), Town: strings.TrimSpace(city), Country: code}
}

// countryCode reads the country as owners' cards spell it: ISO 3166
// alpha-2, or the name of a country near France; "" when unknown.
func countryCode(country string) string {
	c := strings.TrimSpace(country)
	if len(c) == 2 && strings.ToUpper(c) == c && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' {
		return c
	}
	return map[string]string{"": "FR", "france": "FR", "belgique": "BE", "suisse": "CH", "luxembourg": "LU", "monaco": "MC",
		"allemagne": "DE", "espagne": "ES", "italie": "IT", "royaume-uni": "GB", "pays-bas": "NL", "portugal": "PT"}[fr.Fold(c)]
}
