package ledger

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// VATRate is a rate of VAT in basis points (2000 = 20 %).
//
// The rates are constants of the program, not a table of the file: they are
// set by law (code général des impôts, art. 278 to 281 nonies), change
// seldom and for everyone at once, so a change comes with an update of
// Tantième. A rate only proposes an amount: the VAT of a line stays
// editable, so an invoice at another or an older rate is entered exactly as
// printed, and a typo in a rate table can never silently change later
// invoices.
type VATRate int

// The rates a charge line may propose: normal, intermediate (works of
// improvement, art. 279-0 bis), reduced (energy-saving works, art. 278-0
// bis A), particular (art. 281 quater) and none.
const (
	VATNormal       VATRate = 2000
	VATIntermediate VATRate = 1000
	VATReduced      VATRate = 550
	VATParticular   VATRate = 210
	VATNone         VATRate = 0
)

// VATRates lists the rates in the order pickers offer them.
var VATRates = []VATRate{VATNormal, VATIntermediate, VATReduced, VATParticular, VATNone}

// String is the rate as printed: « 20 % », « 5,5 % ».
func (r VATRate) String() string {
	return decimal.New(int64(r), -2).String() + " %"
}

// Label is the rate's French text in pickers, with the comma: « 5,5 % ».
func (r VATRate) Label() string {
	s := decimal.New(int64(r), -2).String()
	for i := range s {
		if s[i] == '.' {
			s = s[:i] + "," + s[i+1:]
		}
	}
	return s + " %"
}

// ParseVATRate reads a rate as a picker shows it (« 5,5 % », « 20 »).
func ParseVATRate(s string) (VATRate, error) {
	for _, r := range VATRates {
		if s == r.Label() || s == r.String() {
			return r, nil
		}
	}
	return 0, Errorf(Invalid, "Taux de TVA « %s » inconnu : choisissez 20 %%, 10 %%, 5,5 %%, 2,1 %% ou 0 %%", s)
}

// VATIncluded is the VAT included in an amount TTC at rate r:
// TTC × r / (1 + r), to the nearest cent (a half cent up), as invoices
// print it.
func VATIncluded(ttc Amount, r VATRate) Amount {
	if r <= 0 || ttc == 0 {
		return 0
	}
	t := decimal.NewFromInt(int64(ttc))
	rate := decimal.New(int64(r), -4)
	v := t.Mul(rate).Div(decimal.NewFromInt(1).Add(rate)).Round(0)
	return Amount(v.IntPart())
}

// SplitVAT shares the VAT of an invoice over its parts (one per key), in
// proportion to their amounts and to the cent (Allocate's largest
// remainder), so that the lines' VAT adds up to the invoice's.
func SplitVAT(vat Amount, parts []Amount) ([]Amount, error) {
	ws := make([]Weight, len(parts))
	for i, p := range parts {
		ws[i] = Weight{Code: fmt.Sprintf("%06d", i), Weight: decimal.NewFromInt(int64(p))}
	}
	return Allocate(vat, ws)
}

// RecoverableShare is what a line's « R » column proposes on account a:
// the account's default share when it has one, else the whole line (a
// syndic who ticks R on an account without default means all of it).
func RecoverableShare(a Account) int {
	if a.Recoverable > 0 {
		return a.Recoverable
	}
	return 100
}

// RecoverablePart is the part of amount a landlord may recover at percent
// share (0 to 100), to the cent (a half cent up).
func RecoverablePart(amount Amount, percent int) Amount {
	if percent >= 100 {
		return amount
	}
	if percent <= 0 {
		return 0
	}
	v := decimal.NewFromInt(int64(amount)).Mul(decimal.NewFromInt(int64(percent))).Div(decimal.NewFromInt(100)).Round(0)
	return Amount(v.IntPart())
}
