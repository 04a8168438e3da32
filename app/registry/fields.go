package registry

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"tantieme/ledger"
)

// The profile's fields as the CLI's --set, the options and the form name
// them, with the values they accept.

// Choice is one value a field of the profile may take: its code (as the
// CLI and the options store it) and its French label.
type Choice struct{ Code, Label string }

// The choices of the profile's closed fields, as the register's form
// offers them.
var (
	SyndicKinds = []Choice{
		{"benevole", "Syndic bénévole (non professionnel)"},
		{"cooperatif", "Syndic coopératif (non professionnel)"},
		{"professionnel", "Syndic professionnel"},
	}
	Structures = []Choice{
		{"unique", "Ni principal ni secondaire"},
		{"principal", "Syndicat principal"},
		{"secondaire", "Syndicat secondaire"},
	}
	Heatings = []Choice{
		{"", "Non renseigné"},
		{"collectif", "Collectif"},
		{"individuel", "Individuel"},
		{"mixte", "Mixte"},
		{"aucun", "Pas de chauffage"},
	}
	// Periods are the register's construction periods.
	Periods = []Choice{
		{"", "Non renseignée"},
		{"avant-1949", "Avant 1949"},
		{"1949-1960", "De 1949 à 1960"},
		{"1961-1974", "De 1961 à 1974"},
		{"1975-1993", "De 1975 à 1993"},
		{"1994-2000", "De 1994 à 2000"},
		{"2001-2010", "De 2001 à 2010"},
		{"depuis-2011", "Depuis 2011"},
	}
)

// Label is the label of code among choices ("" when unknown).
func Label(choices []Choice, code string) string {
	for _, c := range choices {
		if c.Code == code {
			return c.Label
		}
	}
	return ""
}

// MaxCount bounds the numbers of buildings and lifts: more is a typing slip.
const MaxCount = 999

// A field of the profile, as the CLI's --set and the options name it.
type Field struct {
	Name    string   // registration, regulation-date…
	Label   string   // French
	Choices []Choice // nil for free text, numbers, dates and yes/no
	Kind    string   // "text", "date", "number", "yesno", "choice"
}

// Fields are the profile's fields, in the order the forms show them.
var Fields = []Field{
	{Name: "registration", Label: "numéro d'immatriculation", Kind: "text"},
	{Name: "regulation-date", Label: "date du règlement de copropriété", Kind: "date"},
	{Name: "siret", Label: "SIRET du syndicat", Kind: "text"},
	{Name: "syndic", Label: "nature du syndic", Kind: "choice", Choices: SyndicKinds},
	{Name: "structure", Label: "syndicat principal ou secondaire", Kind: "choice", Choices: Structures},
	{Name: "service-residence", Label: "résidence-services", Kind: "yesno"},
	{Name: "buildings", Label: "nombre de bâtiments", Kind: "number"},
	{Name: "heating", Label: "chauffage", Kind: "choice", Choices: Heatings},
	{Name: "lifts", Label: "nombre d'ascenseurs", Kind: "number"},
	{Name: "construction", Label: "période de construction", Kind: "choice", Choices: Periods},
	{Name: "staff", Label: "personnel employé par le syndicat", Kind: "yesno"},
}

// FieldNames lists the fields with what they accept, on one line, for
// the CLI's --help: « registration=texte (numéro d'immatriculation), … ».
func FieldNames() string {
	var out []string
	for _, f := range Fields {
		accepts := map[string]string{"text": "texte", "date": "AAAA-MM-JJ", "number": "0 à 999", "yesno": "oui|non"}[f.Kind]
		if f.Choices != nil {
			var codes []string
			for _, c := range f.Choices {
				if c.Code != "" {
					codes = append(codes, c.Code)
				}
			}
			accepts = strings.Join(codes, "|")
		}
		out = append(out, fmt.Sprintf("%s=%s (%s)", f.Name, accepts, f.Label))
	}
	return strings.Join(out, ", ")
}

func fieldByName(name string) (Field, bool) {
	for _, f := range Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Get is a field's value as text, as Set reads it back.
func (p Profile) Get(name string) string {
	switch name {
	case "registration":
		return p.Registration
	case "regulation-date":
		if p.RegulationDate.IsZero() {
			return ""
		}
		return ledger.ISO(p.RegulationDate)
	case "siret":
		return p.SIRET
	case "syndic":
		return p.Syndic
	case "structure":
		return p.Structure
	case "service-residence":
		return yesNo(p.ServiceResidence)
	case "buildings":
		return strconv.Itoa(p.Buildings)
	case "heating":
		return p.Heating
	case "lifts":
		return strconv.Itoa(p.Lifts)
	case "construction":
		return p.Construction
	case "staff":
		return yesNo(p.Staff)
	}
	return ""
}

func yesNo(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}

// Set reads a field's value typed by the user (the CLI's field=value, a
// form's text). The whole profile is checked by Validate before it is
// kept.
func (p *Profile) Set(name, value string) error {
	f, ok := fieldByName(name)
	if !ok {
		return ledger.Errorf(ledger.Invalid, "Champ inconnu : « %s » (champs : %s)", clip(name), strings.Join(names(), ", "))
	}
	clean, err := ledger.CleanText(f.Label, value, ledger.NameText)
	if err != nil {
		return err
	}
	clean = strings.TrimSpace(clean)
	switch f.Kind {
	case "date":
		var d time.Time
		if clean != "" {
			if d, err = ledger.ParseDate(clean); err != nil {
				return ledger.Errorf(ledger.Invalid, "%s : %s", upperFirst(f.Label), ledger.Message(err))
			}
		}
		p.RegulationDate = d
		return nil
	case "number":
		n := 0
		if clean != "" {
			if n, err = strconv.Atoi(clean); err != nil || n < 0 || n > MaxCount {
				return ledger.Errorf(ledger.Invalid, "%s : « %s » n'est pas un nombre de 0 à %d", upperFirst(f.Label), clip(clean), MaxCount)
			}
		}
		if name == "buildings" {
			p.Buildings = n
		} else {
			p.Lifts = n
		}
		return nil
	case "yesno":
		var b bool
		switch strings.ToLower(clean) {
		case "oui", "o", "yes", "true", "1":
			b = true
		case "non", "n", "no", "false", "0", "":
		default:
			return ledger.Errorf(ledger.Invalid, "%s : répondez « oui » ou « non » (pas « %s »)", upperFirst(f.Label), clip(clean))
		}
		if name == "staff" {
			p.Staff = b
		} else {
			p.ServiceResidence = b
		}
		return nil
	}
	q := *p // kept only when valid
	switch name {
	case "registration":
		q.Registration = clean
	case "siret":
		q.SIRET = clean
	case "syndic":
		q.Syndic = clean
	case "structure":
		q.Structure = clean
	case "heating":
		q.Heating = clean
	case "construction":
		q.Construction = clean
	}
	if err := q.Validate(); err != nil {
		return err
	}
	*p = q
	return nil
}

func names() []string {
	out := make([]string, len(Fields))
	for i, f := range Fields {
		out[i] = f.Name
	}
	return out
}

// clip shortens a hostile value before it is quoted in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}
