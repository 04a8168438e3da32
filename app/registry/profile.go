// Package registry produces what the law asks of a syndicat about itself:
// the fiche synthétique de la copropriété (loi n° 65-557 du 10 juillet
// 1965 art. 8-2, content fixed by the décret n° 2016-1822 du 21 décembre
// 2016) and the annual update of the registre national d'immatriculation
// des copropriétés (code de la construction et de l'habitation art.
// L.711-1 to L.711-7 and R.711-1 onwards; arrêté du 10 octobre 2016).
//
// Everything the books hold is computed from them (the closing's annexes,
// the lots, the owners); the rest — the registration number, the heating,
// the lifts… — is asked once and kept as residence options (Profile).
package registry

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// Profile is what the fiche synthétique and the register need that the
// books do not hold. Zero values mean « not given ».
type Profile struct {
	// Registration is the number the registre national gave the
	// syndicat (CCH L.711-1), as printed on its certificate.
	Registration string
	// RegulationDate is the date of the règlement de copropriété.
	RegulationDate time.Time
	// SIRET of the syndicat, "" when it has none.
	SIRET string
	// Syndic is the kind of syndic: a key of SyndicKinds.
	Syndic string
	// Structure says whether the syndicat is a principal or secondary one
	// (loi art. 27): a key of Structures.
	Structure string
	// ServiceResidence: a résidence-services (loi art. 41-1).
	ServiceResidence bool
	// Buildings is the number of buildings; 0 counts them from the lots.
	Buildings int
	// Heating: a key of Heatings ("" not given).
	Heating string
	// Lifts is the number of lifts.
	Lifts int
	// Construction is the construction period: a key of Periods.
	Construction string
	// Staff: the syndicat employs staff (a caretaker, a cleaner).
	Staff bool
}

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

// MaxRegistration bounds the registration number: the register's are 9
// characters (« AB1234567 »), printed with separators at most.
const MaxRegistration = 20

// Validate checks and normalises the profile: the texts, the SIRET's key,
// the registration number's characters, the choices, the numbers.
func (p *Profile) Validate() error {
	reg, err := ledger.CleanText("numéro d'immatriculation", p.Registration, ledger.ShortText)
	if err != nil {
		return err
	}
	reg = strings.ToUpper(strings.Join(strings.Fields(reg), ""))
	if n := len([]rune(reg)); n > MaxRegistration {
		return ledger.Errorf(ledger.Invalid, "Le numéro d'immatriculation a %d caractères : %d au plus (il s'écrit comme « AB1234567 »)", n, MaxRegistration)
	}
	for i, c := range reg {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return ledger.Errorf(ledger.Invalid, "Le numéro d'immatriculation « %s » ne peut contenir que des lettres, des chiffres et des tirets (caractère %d)", clip(reg), i+1)
		}
	}
	p.Registration = reg
	if p.SIRET, err = ledger.NormalizeSIRET(p.SIRET); err != nil {
		return err
	}
	if p.Syndic == "" {
		p.Syndic = SyndicKinds[0].Code // Tantième's users are volunteers
	}
	if p.Structure == "" {
		p.Structure = Structures[0].Code
	}
	for _, c := range []struct {
		v       string
		choices []Choice
		label   string
	}{{p.Syndic, SyndicKinds, "nature du syndic"}, {p.Structure, Structures, "syndicat principal ou secondaire"},
		{p.Heating, Heatings, "chauffage"}, {p.Construction, Periods, "période de construction"}} {
		if Label(c.choices, c.v) == "" {
			var codes []string
			for _, ch := range c.choices {
				if ch.Code != "" {
					codes = append(codes, ch.Code)
				}
			}
			return ledger.Errorf(ledger.Invalid, "%s : « %s » n'est pas une valeur possible (%s)", upperFirst(c.label), clip(c.v), strings.Join(codes, ", "))
		}
	}
	if p.Buildings < 0 || p.Buildings > MaxCount {
		return ledger.Errorf(ledger.Invalid, "Nombre de bâtiments : %d n'est pas un nombre de 0 à %d", p.Buildings, MaxCount)
	}
	if p.Lifts < 0 || p.Lifts > MaxCount {
		return ledger.Errorf(ledger.Invalid, "Nombre d'ascenseurs : %d n'est pas un nombre de 0 à %d", p.Lifts, MaxCount)
	}
	if !p.RegulationDate.IsZero() && (p.RegulationDate.Year() < 1800 || p.RegulationDate.After(ledger.Now())) {
		return ledger.Errorf(ledger.Invalid, "Date du règlement de copropriété : le %s n'est pas possible", ledger.FrenchDate(p.RegulationDate))
	}
	return nil
}

// optionName is the residence option holding a field of the profile.
func optionName(field string) string { return "registre." + field }

// LoadProfile reads the profile kept in the residence (Validate's
// defaults where nothing was given).
func LoadProfile(r *app.Residence) (Profile, error) {
	var p Profile
	err := r.View(func(tx *ledger.Tx) (err error) { p, err = loadProfile(tx); return err })
	return p, err
}

func loadProfile(tx *ledger.Tx) (Profile, error) {
	var p Profile
	for _, f := range Fields {
		v, err := tx.Option(optionName(f.Name), "")
		if err != nil {
			return p, err
		}
		if err := p.Set(f.Name, v); err != nil {
			// A value stored by an older or damaged file: left blank so the
			// documents still print, the form shows it empty.
			continue
		}
	}
	err := p.Validate()
	return p, err
}

// SetProfile checks the profile and keeps it, in one transaction.
func SetProfile(r *app.Residence, p Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return r.Update(func(tx *ledger.Tx) error {
		for _, f := range Fields {
			if err := tx.SetOption(optionName(f.Name), p.Get(f.Name)); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetFields changes some fields of the kept profile (field=value pairs,
// as the CLI takes them), all or none.
func SetFields(r *app.Residence, pairs []string) (Profile, error) {
	p, err := LoadProfile(r)
	if err != nil {
		return p, err
	}
	for _, pair := range pairs {
		name, value, ok := strings.Cut(pair, "=")
		if !ok {
			return p, ledger.Errorf(ledger.Invalid, "« %s » : écrivez champ=valeur (champs : %s)", clip(pair), strings.Join(names(), ", "))
		}
		if err := p.Set(strings.TrimSpace(name), value); err != nil {
			return p, err
		}
	}
	if err := SetProfile(r, p); err != nil {
		return p, err
	}
	return LoadProfile(r)
}
