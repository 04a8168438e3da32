package importing

import (
	"strings"

	"tantieme/sheet"
)

// Kind is what a file holds: owners, shares, balance, entries, budget.
type Kind string

const (
	Owners  Kind = "owners"
	Shares  Kind = "shares"
	Balance Kind = "balance"
	Entries Kind = "entries"
	Budget  Kind = "budget"
)

// Kinds lists the kinds in the order the assistant offers them.
var Kinds = []Kind{Owners, Shares, Balance, Entries, Budget}

// Label is the kind's French name.
func (k Kind) Label() string {
	switch k {
	case Owners:
		return "Copropriétaires, lots et tantièmes"
	case Shares:
		return "Grille des tantièmes"
	case Balance:
		return "Balance (soldes de reprise)"
	case Entries:
		return "Écritures"
	case Budget:
		return "Budget"
	}
	return string(k)
}

// Field is a value read from one column.
type Field struct {
	Name     string // identifier used by `--map name=COL`
	Label    string // French, as the assistant and messages show it
	Required bool
	Position int      // column in the documented order (1 = A), 0 when it is only found by its header
	synonyms []string // normalised (normHeader), the label first
	looses   []string // the same without small words
}

// NoColumn is the assistant's choice « no column » for a field (step
// Colonnes): the messages that suggest it name it as the user sees it.
const NoColumn = "— aucune —"

// Field names, shared by the kinds that read them.
const (
	fAccount      = "account"
	fName         = "name"
	fCivility     = "civility"
	fAddress      = "address"
	fZip          = "zip"
	fCity         = "city"
	fEmail        = "email"
	fPhone        = "phone"
	fIBAN         = "iban"
	fLot          = "lot"
	fLotLabel     = "lot_label"
	fShares       = "shares"
	fKey          = "key"
	fAccountLabel = "account_label"
	fJournal      = "journal"
	fDate         = "date"
	fLabel        = "label"
	fDebit        = "debit"
	fCredit       = "credit"
	fVAT          = "vat"
	fPiece        = "piece"
	fAmount       = "amount"
)

// Header synonyms, in French and English. They are compared after
// normHeader (lower case, no accents, no punctuation), so "N° compte",
// "n° de compte" and "No. Compte" all match "n compte" or, once small words
// are dropped, "compte".
var fieldDefs = map[string]Field{
	fAccount: {Name: fAccount, Label: "N° compte", synonyms: []string{"compte", "n compte", "numero de compte", "no compte",
		"num compte", "compte general", "compte copropriétaire", "code copropriétaire", "code", "account", "account number",
		"account no", "account code", "acct"}},
	fName: {Name: fName, Label: "Nom", synonyms: []string{"nom", "nom prenom", "nom et prenom", "nom du copropriétaire",
		"copropriétaire", "coproprietaires", "propriétaire", "raison sociale", "nom complet", "name", "owner", "owner name",
		"full name"}},
	fCivility: {Name: fCivility, Label: "Civilité", synonyms: []string{"civilite", "titre", "title", "civility", "salutation"}},
	fAddress: {Name: fAddress, Label: "Adresse", synonyms: []string{"adresse", "adresse postale", "rue", "address",
		"street", "adresse 1", "address 1"}},
	fZip: {Name: fZip, Label: "Code postal", synonyms: []string{"code postal", "cp", "c p", "zip", "zip code", "postcode",
		"postal code"}},
	fCity: {Name: fCity, Label: "Ville", synonyms: []string{"ville", "commune", "localite", "city", "town"}},
	fEmail: {Name: fEmail, Label: "E-mail", synonyms: []string{"email", "e mail", "mail", "courriel", "adresse mail",
		"adresse email", "adresse electronique", "email address"}},
	fPhone: {Name: fPhone, Label: "Téléphone", synonyms: []string{"telephone", "tel", "portable", "mobile", "phone",
		"telephone portable", "phone number", "gsm"}},
	fIBAN: {Name: fIBAN, Label: "IBAN", synonyms: []string{"iban", "iban de paiement", "compte bancaire",
		"iban du copropriétaire", "bank account"}},
	fLot: {Name: fLot, Label: "N° lot", synonyms: []string{"lot", "lots", "n lot", "numero de lot", "no lot", "num lot",
		"lot number", "lot no", "unit", "unit number"}},
	fLotLabel: {Name: fLotLabel, Label: "Désignation du lot", synonyms: []string{"designation", "designation du lot",
		"libelle du lot", "type de lot", "type", "nature", "nature du lot", "description", "lot label", "lot description",
		"lot type"}},
	fShares: {Name: fShares, Label: "Tantièmes", synonyms: []string{"tantiemes", "tantieme", "tantiemes generaux",
		"milliemes", "millieme", "quote part", "quotes parts", "charges generales", "tantiemes 001", "shares", "share"}},
	fKey: {Name: fKey, Label: "Clé", synonyms: []string{"cle", "cle de repartition", "cles", "repartition", "code cle",
		"key", "allocation key", "distribution key"}},
	fAccountLabel: {Name: fAccountLabel, Label: "Intitulé du compte", synonyms: []string{"intitule", "intitule du compte",
		"libelle du compte", "libelle compte", "nom du compte", "account label", "account name", "account title"}},
	fJournal: {Name: fJournal, Label: "Journal", synonyms: []string{"journal", "code journal", "jnl", "jal", "jl",
		"journal code"}},
	fDate: {Name: fDate, Label: "Date", synonyms: []string{"date", "date ecriture", "date de l ecriture", "date d ecriture",
		"date comptable", "date piece", "entry date", "posting date"}},
	fLabel: {Name: fLabel, Label: "Libellé", synonyms: []string{"libelle", "libelle ecriture", "libelle de l ecriture",
		"intitule de l ecriture", "description", "designation", "label", "narration", "memo"}},
	fDebit: {Name: fDebit, Label: "Débit", synonyms: []string{"debit", "debits", "montant debit", "solde debiteur",
		"mouvement debit", "debit amount", "dr"}},
	fCredit: {Name: fCredit, Label: "Crédit", synonyms: []string{"credit", "credits", "montant credit", "solde crediteur",
		"mouvement credit", "credit amount", "cr"}},
	fVAT: {Name: fVAT, Label: "TVA", synonyms: []string{"tva", "montant tva", "vat", "tax"}},
	fPiece: {Name: fPiece, Label: "Pièce", synonyms: []string{"piece", "n piece", "numero de piece", "reference", "ref",
		"piece number", "voucher", "document"}},
	fAmount: {Name: fAmount, Label: "Montant", synonyms: []string{"montant", "budget", "montant vote", "budget vote",
		"prevision", "budget previsionnel", "amount", "budgeted amount"}},
}

// field returns the definition with its required mark and position.
func importField(name string, required bool, position int) Field {
	f := fieldDefs[name]
	f.Required, f.Position = required, position
	return f
}

// Fields lists the fields a kind reads, in their documented column
// order (CLI.md); the shares grid has one field, the lot, its other columns
// being keys.
func Fields(kind Kind) []Field {
	switch kind {
	case Owners:
		return []Field{importField(fAccount, false, 1), importField(fName, true, 2), importField(fAddress, false, 3), importField(fZip, false, 4),
			importField(fCity, false, 5), importField(fEmail, false, 6), importField(fPhone, false, 7), importField(fLot, false, 8),
			importField(fLotLabel, false, 9), importField(fShares, false, 10), importField(fCivility, false, 0), importField(fIBAN, false, 0)}
	case Shares:
		return []Field{importField(fLot, true, 1)}
	case Balance:
		return []Field{importField(fAccount, true, 1), importField(fAccountLabel, false, 2), importField(fDebit, true, 3),
			importField(fCredit, true, 4), importField(fKey, false, 0)}
	case Entries:
		return []Field{importField(fKey, false, 1), importField(fAccount, true, 2), importField(fAccountLabel, false, 3),
			importField(fJournal, false, 4), importField(fDate, true, 5), importField(fLabel, false, 6), importField(fDebit, true, 7),
			importField(fCredit, true, 8), importField(fVAT, false, 9), importField(fPiece, false, 10)}
	case Budget:
		return []Field{importField(fAccount, true, 1), importField(fKey, false, 2), importField(fAmount, true, 3),
			importField(fAccountLabel, false, 0)}
	}
	return nil
}

// headerSmallWords are dropped before a second comparison of headers.
var headerSmallWords = map[string]bool{"de": true, "du": true, "des": true, "la": true, "le": true, "les": true, "l": true,
	"d": true, "n": true, "no": true, "num": true, "numero": true, "nr": true, "nb": true, "number": true, "of": true,
	"the": true, "en": true, "au": true, "a": true, "euros": true, "eur": true}

func looseHeader(norm string) string {
	words := strings.Fields(norm)
	out := words[:0:0]
	for _, w := range words {
		if !headerSmallWords[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func init() {
	// Synonyms are compared in their normalised forms, computed once.
	for name, f := range fieldDefs {
		var norms, looses []string
		for _, s := range append([]string{f.Label}, f.synonyms...) {
			n := sheet.NormHeader(s)
			norms = append(norms, n)
			looses = append(looses, looseHeader(n))
		}
		f.synonyms, f.looses = norms, looses
		fieldDefs[name] = f
	}
}

// maxHeaderLen bounds what may be a header: no synonym comes near it, and a
// longer cell (a 100 MB name among the first rows) is then not normalised
// and compared again for every field, which took half a minute.
const maxHeaderLen = 200

// normHeaderCell is normHeader for a cell that may be a header; "" for a
// cell too long to be one.
func normHeaderCell(s string) string {
	if len(s) > maxHeaderLen {
		return ""
	}
	return sheet.NormHeader(s)
}

// matchTier says how well header h (already normHeader'ed) names field f:
// 1 exactly a synonym, 2 the same once small words are dropped, 3 it
// starts with the words of a synonym ("Nom et prénom du propriétaire"), 0 not.
func matchTier(f Field, h string) int {
	if h == "" || len(h) > maxHeaderLen {
		return 0
	}
	loose := looseHeader(h)
	best := 0
	for i, s := range f.synonyms {
		switch {
		case s == h:
			return 1
		case best != 2 && loose != "" && f.looses[i] == loose:
			best = 2
		case best == 0 && len(s) >= 3 && strings.HasPrefix(h+" ", s+" "):
			best = 3
		}
	}
	return best
}
