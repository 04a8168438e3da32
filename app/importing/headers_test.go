package importing

import (
	"testing"

	"tantieme/sheet"
)

func TestHeaderMatching(t *testing.T) {
	fields := Fields(Owners)
	for _, c := range []struct {
		headers []string
		want    map[string]int
	}{
		{[]string{"N° compte", "Nom ", "CP", "Tél.", "N° de lot", "Désignation du lot", "Millièmes"},
			map[string]int{fAccount: 1, fName: 2, fZip: 3, fPhone: 4, fLot: 5, fLotLabel: 6, fShares: 7}},
		{[]string{"Owner name", "Unit", "Shares", "E-mail address", "Postcode"},
			map[string]int{fName: 1, fLot: 2, fShares: 3, fEmail: 4, fZip: 5}},
		{[]string{"Nom et prénom du propriétaire", "Numéro du lot", "Tantièmes généraux (001)"},
			map[string]int{fName: 1, fLot: 2, fShares: 3}},
		{[]string{"Nombre de lots", "NOM"}, map[string]int{fName: 2}},
	} {
		norms := make([]string, len(c.headers))
		for i, h := range c.headers {
			norms[i] = sheet.NormHeader(h)
		}
		got := mapHeaders(fields, norms)
		if len(got) != len(c.want) {
			t.Errorf("%q: %v, want %v", c.headers, got, c.want)
			continue
		}
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("%q: %v, want %v", c.headers, got, c.want)
				break
			}
		}
	}
}

func TestNormAccount(t *testing.T) {
	for _, c := range []struct {
		raw, code string
		cut       bool
		msg       string
	}{
		{"601", "601000", false, ""},
		{" 512 001 ", "512001", false, ""},
		{"4010001", "401000", true, ""},
		{"6010000", "601000", false, ""},
		{"401-ABC", "401ABC", false, ""},
		{"401é", "401E00", false, ""},
		{"2154", "", false, "le compte « 2154 » n'appartient pas aux classes 1, 4, 5, 6 et 7 du plan comptable des copropriétés"},
		{"---", "", false, "« --- » n'est pas un numéro de compte"},
		{"450", "", false, "Un compte de copropriétaire va de 450001 à 450999 (« 450000 » ne convient pas)"},
	} {
		code, cut, msg := normAccount(c.raw)
		if code != c.code || cut != c.cut || msg != c.msg {
			t.Errorf("%q: %q %v %q, want %q %v %q", c.raw, code, cut, msg, c.code, c.cut, c.msg)
		}
	}
}
