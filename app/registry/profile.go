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
