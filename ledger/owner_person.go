package ledger

import (
	"strings"
	"unicode"
)

// legalForms are the first words by which a civility or a name says the
// owner is a legal person (personne morale: SCI, société…) or a group
// (indivision, succession, consorts): letters to them open with « Madame,
// Monsieur », whatever personal civility was typed for their representative.
// Lower case; accented words are listed with and without their accents,
// as people type them both ways.
var legalForms = map[string]bool{
	"sci": true, "sarl": true, "sas": true, "sasu": true, "sa": true, "snc": true, "eurl": true, "scp": true, "scm": true,
	"sccv": true, "gie": true, "gfa": true, "ets": true,
	"société": true, "societe": true, "indivision": true, "succession": true, "consorts": true, "hoirie": true,
	"héritiers": true, "heritiers": true, "association": true, "syndicat": true, "commune": true, "mairie": true,
	"office": true, "oph": true, "fondation": true, "cabinet": true, "entreprise": true, "compagnie": true,
	"groupement": true, "établissement": true, "etablissement": true, "établissements": true, "etablissements": true,
	"copropriété": true, "copropriete": true,
}

// LegalPerson says whether the owner is a legal person or a group of
// persons, told by the first word of the civility or of the name (« SCI »,
// « Société Civile Immobilière … », « Indivision Martin »).
func (o Owner) LegalPerson() bool {
	return legalForms[firstWord(o.Civility)] || legalForms[firstWord(o.Name)]
}

func firstWord(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
