package fr

import "strings"

// SyndicatName is the syndicat's legal name as a SEPA creditor and a
// mandate print it: « Syndicat des copropriétaires de la résidence Les
// Tilleuls ». A name that already starts with « Résidence » is not
// doubled: « Résidence des Tests » gives « … de la résidence des Tests ».
func SyndicatName(residence string) string {
	name := strings.TrimSpace(residence)
	if strings.HasPrefix(Fold(name), "residence ") {
		name = strings.TrimSpace(name[strings.IndexByte(name, ' '):])
	}
	return "Syndicat des copropriétaires de la résidence " + name
}
