package sepa

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"tantieme/internal/fr"
)

// Lengths of the XSD types (Max70Text…) that the EPC guidelines keep.
const (
	maxName   = 70 // Nm: Max140Text in the XSD, restricted to 70 by the EPC guidelines
	maxUstrd  = 140
	maxStreet = 70 // StrtNm, AdrLine: Max70Text
	maxTown   = 35 // TwnNm: Max35Text
	maxShort  = 16 // BldgNb, PstCd: Max16Text
)

// The XSD patterns of the identifiers written (IBAN2007Identifier,
// BICIdentifier of the 2009 messages, BICFIDec2014Identifier of the 2019
// ones, CountryCode).
var (
	ibanRE  = regexp.MustCompile(`^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$`)
	bic09RE = regexp.MustCompile(`^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$`)
	bic19RE = regexp.MustCompile(`^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$`)
	ctryRE  = regexp.MustCompile(`^[A-Z]{2}$`)
)

// party is a Party ready to write: texts in the SEPA set and cut, IBAN and
// BIC without spaces, address nil when none.
type party struct {
	name, iban, bic string
	addr            *address
}

type address struct {
	street, building, postCode, town, country string
	lines                                     []string
}

// checker checks one file's data; where names the payment or party being
// checked in the errors.
type checker struct {
	v2019 bool // the 2019 messages (BICFI…)
	where string
}

func (c *checker) fail(field, format string, args ...any) error {
	return &Error{Where: c.where, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// text transliterates a free text and cuts it to max (a name, a
// remittance, a street: cutting loses the end of a long text, which the
// bank would otherwise refuse whole).
func (c *checker) text(field, s string, max int) (string, error) {
	t, err := Transliterate(s)
	if err != nil {
		return "", c.fail(field, "%v", err)
	}
	return cut(t, max), nil
}

// code transliterates a short code (a building number, a post code), which
// is refused, not cut, when too long: a cut post code is a wrong one.
func (c *checker) code(field, s string, max int) (string, error) {
	t, err := Transliterate(s)
	if err != nil {
		return "", c.fail(field, "%v", err)
	}
	if len(t) > max {
		return "", c.fail(field, "« %s » est trop long (%d caractères au plus)", show(t), max)
	}
	return t, nil
}

func (c *checker) id(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if err := checkID(s); err != nil {
		return "", c.fail(field, "%v", err)
	}
	return s, nil
}

// endToEnd is the payment's reference, NOTPROVIDED when there is none
// (EPC Implementation Guidelines, EndToEndId).
func (c *checker) endToEnd(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return notProvided, nil
	}
	return c.id("référence de bout en bout", s)
}

func (c *checker) amount(cents int64) error {
	switch {
	case cents <= 0:
		return c.fail("montant", "%s : un montant SEPA doit être positif", fr.Euros(cents))
	case cents > MaxAmount:
		return c.fail("montant", "%s dépasse le plafond d'un paiement SEPA (%s)", fr.Euros(cents), fr.Euros(MaxAmount))
	}
	return nil
}

// date is a day of the file: present, and of a year the XSD's xs:date can
// say and a bank can mean.
func (c *checker) date(field string, t time.Time) (string, error) {
	if t.IsZero() {
		return "", c.fail(field, "manquante")
	}
	if t.Year() < 1900 || t.Year() > 9999 {
		return "", c.fail(field, "année %d impossible", t.Year())
	}
	return t.Format("2006-01-02"), nil
}

// frDate writes a day of the file (2006-01-02) the French way, for a
// message.
func frDate(iso string) string {
	if len(iso) != 10 {
		return iso
	}
	return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4]
}

func compact(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

func (c *checker) iban(s string) (string, error) {
	s = compact(s)
	switch {
	case s == "":
		return "", c.fail("IBAN", "manquant")
	case !ibanRE.MatchString(s):
		return "", c.fail("IBAN", "« %s » n'a pas la forme d'un IBAN", show(s))
	}
	return s, nil
}

func (c *checker) bic(s string) (string, error) {
	s = compact(s)
	re := bic09RE
	if c.v2019 {
		re = bic19RE
	}
	if s != "" && !re.MatchString(s) {
		return "", c.fail("BIC", "« %s » n'a pas la forme d'un BIC (8 ou 11 lettres et chiffres)", show(s))
	}
	return s, nil
}

// party checks a debtor or creditor. Every SEPA party has a name (EPC
// guidelines: Nm mandatory for Debtor and Creditor) and an IBAN.
func (c *checker) party(p Party) (party, error) {
	var out party
	var err error
	if out.name, err = c.text("nom", p.Name, maxName); err != nil {
		return out, err
	}
	if out.name == "" {
		return out, c.fail("nom", "manquant")
	}
	if out.iban, err = c.iban(p.IBAN); err != nil {
		return out, err
	}
	if out.bic, err = c.bic(p.BIC); err != nil {
		return out, err
	}
	out.addr, err = c.address(p.Address)
	return out, err
}

// address applies the rule in force since November 2026 in every message
// version (EPC guidance on structured and hybrid addresses, EPC 2023
// rulebooks): an address is structured (StrtNm, BldgNb, PstCd, TwnNm,
// Ctry) or hybrid (the same with at most two AdrLine), and in both TwnNm
// and Ctry are mandatory. An address given as lines only is no longer
// accepted by the banks: it is refused here rather than written as
// AdrLine.
func (c *checker) address(a Address) (*address, error) {
	var out address
	var err error
	if out.street, err = c.text("rue", a.Street, maxStreet); err != nil {
		return nil, err
	}
	if out.building, err = c.code("numéro de rue", a.Building, maxShort); err != nil {
		return nil, err
	}
	if out.postCode, err = c.code("code postal", a.PostCode, maxShort); err != nil {
		return nil, err
	}
	if out.town, err = c.text("ville", a.Town, maxTown); err != nil {
		return nil, err
	}
	out.country = compact(a.Country)
	for i, l := range a.Lines {
		t, err := c.text(fmt.Sprintf("ligne d'adresse n° %d", i+1), l, maxStreet)
		if err != nil {
			return nil, err
		}
		if t != "" {
			out.lines = append(out.lines, t)
		}
	}
	if out.street == "" && out.building == "" && out.postCode == "" && out.town == "" &&
		out.country == "" && len(out.lines) == 0 {
		return nil, nil
	}
	switch {
	case out.town == "" || out.country == "":
		return nil, c.fail("adresse", "la ville et le pays sont obligatoires dans une adresse SEPA (une adresse en lignes libres seulement n'est plus acceptée) ; complétez-les ou laissez l'adresse vide")
	case !ctryRE.MatchString(out.country):
		return nil, c.fail("pays", "« %s » n'est pas un code pays à deux lettres (FR, BE…)", show(a.Country))
	case len(out.lines) > 2:
		return nil, c.fail("adresse", "%d lignes d'adresse : deux au plus à côté de la ville et du pays", len(out.lines))
	}
	return &out, nil
}
