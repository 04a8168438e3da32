package ledger

import (
	"math"
	"sort"

	"github.com/shopspring/decimal"
)

// Weight is one recipient of an allocation: its code (an owner's account,
// which breaks ties) and its weight (shares, a decimal).
type Weight struct {
	Code   string
	Weight decimal.Decimal
}

// Allocate splits total over the recipients in proportion to their weights,
// to the cent, so that the parts add up exactly to total (largest-remainder
// rounding, DOMAIN §4). Each part is the exact share rounded down, and the
// cents left over go one each to the largest remainders, ties to the lower
// code. A negative total is split as its absolute value, then negated.
// The parts come back in the order of recipients.
func Allocate(total Amount, recipients []Weight) ([]Amount, error) {
	parts := make([]Amount, len(recipients))
	if total == math.MinInt64 {
		// Its absolute value does not fit in an Amount: the split would
		// silently come out with the wrong sign and sum.
		return nil, Errorf(Invalid, "Répartition impossible : le montant %s est hors limites", total)
	}
	sum := decimal.Zero
	for _, r := range recipients {
		if r.Weight.IsNegative() {
			return nil, Errorf(Invalid, "Répartition impossible : les tantièmes de %s sont négatifs", r.Code)
		}
		sum = sum.Add(r.Weight)
	}
	if total == 0 {
		return parts, nil // nothing to share, even over no shares at all
	}
	if sum.IsZero() {
		return nil, Errorf(Invalid, "Répartition impossible : le total des tantièmes est nul")
	}
	neg := total < 0
	abs := total.Abs()
	t := decimal.NewFromInt(int64(abs))
	rems := make([]decimal.Decimal, len(recipients))
	var given Amount
	for i, r := range recipients {
		// q = floor(t·w / sum), rem = t·w − q·sum, both exact.
		q, rem := t.Mul(r.Weight).QuoRem(sum, 0)
		parts[i] = Amount(q.IntPart())
		rems[i] = rem
		given += parts[i]
	}
	order := make([]int, len(recipients))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ia, ib := order[a], order[b]
		if c := rems[ia].Cmp(rems[ib]); c != 0 {
			return c > 0
		}
		return recipients[ia].Code < recipients[ib].Code
	})
	for k := 0; given < abs; k++ {
		parts[order[k]]++
		given++
	}
	if neg {
		for i := range parts {
			parts[i] = -parts[i]
		}
	}
	return parts, nil
}

// SplitEven splits total into n parts of the same number of cents, the extra
// cents going one each to the first parts (1 000,03 € in 4: 250,01 · 250,01 ·
// 250,01 · 250,00). A negative total is split as its absolute value.
func SplitEven(total Amount, n int) []Amount {
	if n <= 0 {
		return nil
	}
	// Unsigned, so that math.MinInt64 (whose absolute value is no Amount)
	// splits right too.
	abs := uint64(total)
	if total < 0 {
		abs = -abs
	}
	base, extra := abs/uint64(n), abs%uint64(n)
	parts := make([]Amount, n)
	for i := range parts {
		p := base
		if uint64(i) < extra {
			p++
		}
		parts[i] = Amount(p)
		if total < 0 {
			parts[i] = -parts[i]
		}
	}
	return parts
}
