package ledger

import (
	"strings"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
)

// Meter is a compteur of one year (seed 002, « Compteurs »): water, heating
// or electricity shared by what each lot consumed. Its readings become the
// shares of two keys the syndic made beforehand: EstimateKey, on which the
// calls of the year are made, and ActualKey, on which the invoices are
// entered and which the closing distributes.
type Meter struct {
	Code        string // 1 to 3 capital letters or digits, as in the seed's fiche
	Year        int
	Label       string
	Unit        string          // "m3", "kWh"…; free
	UnitPrice   decimal.Decimal // euros per unit, to the millionth
	EstimateKey string
	ActualKey   string
	// The general meter, when the residence has one: its consumption less
	// the lots' is the common consumption (the seed's 25 m3 of 755).
	HasGeneral             bool
	GeneralOld, GeneralNew decimal.Decimal
}

// MeterReading is a lot's reading of a meter for its year.
type MeterReading struct {
	Lot    string
	Period string // « 01/01/2011 – 31/12/2011 », free
	Old    decimal.Decimal
	New    decimal.Decimal
	// Changed says the meter was replaced during the year: the old meter
	// ran from Old to ChangedEnd, the new one from ChangedStart to New, and
	// the consumption is both parts summed.
	Changed      bool
	ChangedEnd   decimal.Decimal
	ChangedStart decimal.Decimal
	// Forced replaces the consumption the indexes give by Forced (a meter
	// reset, a leak agreed with the owner…), with Reason. Flat says the
	// meter could not be read and Forced is the flat consumption charged.
	Forced      bool
	ForcedValue decimal.Decimal
	Reason      string
	Flat        bool
	Estimate    decimal.Decimal // the consumption the calls assumed
}

// Meter numbers (indexes, consumptions, prices) stay below this and carry
// at most six decimals: a meter never shows more, and the bound keeps
// every product far from overflowing an Amount.
var (
	maxMeterNumber   = decimal.New(1, 12)
	meterNumberScale = int32(6)
)

// MeterNumberProblem says what is wrong with a meter number (negative,
// huge, over-precise), "" when nothing is: « « -5 » est négatif ».
func MeterNumberProblem(d decimal.Decimal) string {
	switch {
	case d.IsNegative():
		return "« " + fr.Shares(d) + " » est négatif"
	case d.GreaterThanOrEqual(maxMeterNumber):
		return "« " + fr.Shares(d) + " » est trop grand"
	case !d.Equal(d.Truncate(meterNumberScale)):
		return "« " + fr.Shares(d) + " » a plus de six décimales"
	}
	return ""
}

// CheckMeterNumber refuses a negative, huge or over-precise meter number;
// field names it in the message (« nouvel index du lot 12 »).
func CheckMeterNumber(field string, d decimal.Decimal) error {
	if p := MeterNumberProblem(d); p != "" {
		return Errorf(Invalid, "%s : %s", upperFirst(field), p)
	}
	return nil
}

// Measured is what the indexes say was consumed, both parts summed for a
// meter changed during the year.
func (r MeterReading) Measured() decimal.Decimal {
	if r.Changed {
		return r.ChangedEnd.Sub(r.Old).Add(r.New.Sub(r.ChangedStart))
	}
	return r.New.Sub(r.Old)
}

// Consumption is the lot's consumption of the year: the forced (or flat)
// value when there is one, else what the indexes say. The seed: « La
// consommation peut être forcée … mais l'écart et le total sont toujours
// recalculés et cohérents avec les autres valeurs ».
func (r MeterReading) Consumption() decimal.Decimal {
	if r.Forced {
		return r.ForcedValue
	}
	return r.Measured()
}

// Gap is the estimate less the consumption (the seed's « Écart »):
// positive when the calls assumed more than was consumed.
func (r MeterReading) Gap() decimal.Decimal { return r.Estimate.Sub(r.Consumption()) }

// FlatReason is said on a flat reading when the syndic gave no reason.
const FlatReason = "Compteur non relevé : consommation forfaitaire"

type meterNumber struct {
	name string
	v    decimal.Decimal
}

func (r *MeterReading) validate() error {
	if err := cleanTexts(textField{&r.Period, "période du relevé du lot " + r.Lot, ShortText},
		textField{&r.Reason, "motif du relevé du lot " + r.Lot, LabelText}); err != nil {
		return err
	}
	r.Reason = strings.TrimSpace(r.Reason)
	r.Period = strings.TrimSpace(r.Period)
	nums := []meterNumber{{"ancien index du lot", r.Old}, {"nouvel index du lot", r.New}, {"estimation du lot", r.Estimate}}
	if r.Changed {
		nums = append(nums, meterNumber{"index de dépose de l'ancien compteur du lot", r.ChangedEnd},
			meterNumber{"index de pose du nouveau compteur du lot", r.ChangedStart})
	}
	if r.Forced || r.Flat {
		nums = append(nums, meterNumber{"consommation du lot", r.ForcedValue})
	}
	for _, n := range nums {
		if err := CheckMeterNumber(n.name+" "+r.Lot, n.v); err != nil {
			return err
		}
	}
	if r.Flat {
		r.Forced = true
		if r.Reason == "" {
			r.Reason = FlatReason
		}
	}
	if r.Forced {
		if r.Reason == "" {
			return Errorf(Invalid, "Lot %s : indiquez pourquoi la consommation est forcée (compteur remis à zéro, fuite…)", r.Lot)
		}
		return nil
	}
	if r.Changed {
		if r.ChangedEnd.LessThan(r.Old) {
			return Errorf(Invalid, "Lot %s : l'index de dépose de l'ancien compteur (%s) est inférieur à son ancien index (%s)", r.Lot, fr.Shares(r.ChangedEnd), fr.Shares(r.Old))
		}
		if r.New.LessThan(r.ChangedStart) {
			return Errorf(Invalid, "Lot %s : le nouvel index (%s) est inférieur à l'index de pose du nouveau compteur (%s)", r.Lot, fr.Shares(r.New), fr.Shares(r.ChangedStart))
		}
		return nil
	}
	if r.New.LessThan(r.Old) {
		return Errorf(Invalid, "Lot %s : le nouvel index (%s) est inférieur à l'ancien (%s) ; si le compteur a été changé, indiquez-le ; sinon forcez la consommation en disant pourquoi",
			r.Lot, fr.Shares(r.New), fr.Shares(r.Old))
	}
	return nil
}

func (m *Meter) validate() error {
	if err := cleanTexts(textField{&m.Code, "code du compteur", ShortText}, textField{&m.Label, "libellé du compteur", NameText},
		textField{&m.Unit, "unité du compteur", ShortText}); err != nil {
		return err
	}
	m.Code = strings.ToUpper(strings.TrimSpace(m.Code))
	m.Label = strings.TrimSpace(m.Label)
	m.Unit = strings.TrimSpace(m.Unit)
	if n := len(m.Code); n < 1 || n > 3 || strings.Trim(m.Code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
		return Errorf(Invalid, "Le code du compteur « %s » doit avoir de 1 à 3 lettres ou chiffres (par exemple EAU)", m.Code)
	}
	if m.Year < 1900 || m.Year > 2999 {
		return Errorf(Invalid, "L'année du compteur %s (%d) n'est pas une année", m.Code, m.Year)
	}
	if m.Label == "" {
		return Errorf(Invalid, "Le libellé du compteur %s est obligatoire", m.Code)
	}
	if m.EstimateKey == "" || m.ActualKey == "" {
		return Errorf(Invalid, "Choisissez les deux clés du compteur %s : celle de l'estimation (pour les appels) et celle de la consommation réelle (pour la clôture)", m.Code)
	}
	if m.EstimateKey == m.ActualKey {
		return Errorf(Invalid, "Le compteur %s a besoin de deux clés différentes : l'estimation sert aux appels, la consommation réelle à la répartition des factures", m.Code)
	}
	if err := CheckMeterNumber("prix unitaire du compteur "+m.Code, m.UnitPrice); err != nil {
		return err
	}
	if m.HasGeneral {
		if err := CheckMeterNumber("ancien index du compteur général", m.GeneralOld); err != nil {
			return err
		}
		if err := CheckMeterNumber("nouvel index du compteur général", m.GeneralNew); err != nil {
			return err
		}
		if m.GeneralNew.LessThan(m.GeneralOld) {
			return Errorf(Invalid, "Compteur général : le nouvel index (%s) est inférieur à l'ancien (%s)", fr.Shares(m.GeneralNew), fr.Shares(m.GeneralOld))
		}
	}
	return nil
}

// MeterCost is a quantity at a unit price, to the cent: the exact product
// rounded to the nearest cent, a half cent up, as a supplier's invoice line
// is. It is computed once per total (the lots', the general meter's), and
// the lots' part of their total is split by Allocate, so that the lines add
// up exactly to it.
func MeterCost(quantity, price decimal.Decimal) Amount {
	return Amount(quantity.Mul(price).Shift(2).Round(0).IntPart())
}

// MeterLine is a reading with what follows from it.
type MeterLine struct {
	MeterReading
	Consumption decimal.Decimal
	Gap         decimal.Decimal
	Total       Amount // the lot's part of the lots' total, in proportion to its consumption
}

// MeterStatement is a meter's year: each lot's line, the lots' totals, the
// general meter and the common consumption (general less the lots').
type MeterStatement struct {
	Meter       Meter
	Lines       []MeterLine
	Consumption decimal.Decimal // sum of the lots'
	Estimate    decimal.Decimal // sum of the lots'
	Total       Amount          // MeterCost of Consumption
	// When the meter has a general meter: its consumption and cost, and the
	// common part, what it measured beyond the lots' meters (negative when
	// the lots' meters say more than the general one: worth a look).
	General      decimal.Decimal
	GeneralTotal Amount
	Common       decimal.Decimal
	CommonTotal  Amount
}

// ComputeMeter works out a meter's year from its readings: the seed's water
// example (755 m3 at 3 € = 2 265 €: 730 m3, 2 190 € for the lots, 25 m3,
// 75 € common). Each lot's total is its part of the lots' total in
// proportion to its consumption, by the rounding of the calls (Allocate), so
// the lines add up to the cent.
func ComputeMeter(m Meter, readings []MeterReading) (MeterStatement, error) {
	st := MeterStatement{Meter: m, Lines: make([]MeterLine, len(readings))}
	weights := make([]Weight, len(readings))
	for i, r := range readings {
		c := r.Consumption()
		st.Lines[i] = MeterLine{MeterReading: r, Consumption: c, Gap: r.Gap()}
		st.Consumption = st.Consumption.Add(c)
		st.Estimate = st.Estimate.Add(r.Estimate)
		weights[i] = Weight{Code: r.Lot, Weight: c}
	}
	st.Total = MeterCost(st.Consumption, m.UnitPrice)
	if st.Consumption.IsPositive() {
		parts, err := Allocate(st.Total, weights)
		if err != nil {
			return st, err
		}
		for i := range parts {
			st.Lines[i].Total = parts[i]
		}
	}
	if m.HasGeneral {
		st.General = m.GeneralNew.Sub(m.GeneralOld)
		st.GeneralTotal = MeterCost(st.General, m.UnitPrice)
		st.Common = st.General.Sub(st.Consumption)
		st.CommonTotal = st.GeneralTotal - st.Total
	}
	return st, nil
}
