package ledger_test

import (
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// weights builds recipients from "code=weight" pairs.
func weights(pairs ...string) []ledger.Weight {
	out := make([]ledger.Weight, len(pairs))
	for i, p := range pairs {
		code, w, _ := strings.Cut(p, "=")
		out[i] = ledger.Weight{Code: code, Weight: dec(w)}
	}
	return out
}

func TestAllocate(t *testing.T) {
	tests := []struct {
		name    string
		total   ledger.Amount
		weights []ledger.Weight
		want    []ledger.Amount
	}{
		{"exact", 100000, weights("450001=400", "450002=300", "450003=200", "450004=100"), []ledger.Amount{40000, 30000, 20000, 10000}},
		// DOMAIN §4: leftover cents go to the largest remainders, and among
		// equal remainders to the lower owner account, whatever the order.
		{"equal weights, one cent left", 10000, weights("450003=1", "450001=1", "450002=1"), []ledger.Amount{3333, 3334, 3333}},
		{"equal weights, two cents left", 2, weights("450003=5", "450001=5", "450002=5"), []ledger.Amount{0, 1, 1}},
		{"negative is the negated split", -10000, weights("450003=1", "450001=1", "450002=1"), []ledger.Amount{-3333, -3334, -3333}},
		{"negative two cents", -2, weights("450003=5", "450001=5", "450002=5"), []ledger.Amount{0, -1, -1}},
		{"zero total", 0, weights("450001=1", "450002=2"), []ledger.Amount{0, 0}},
		{"zero weight gets nothing", 101, weights("450001=0", "450002=1", "450003=1"), []ledger.Amount{0, 51, 50}},
		{"single recipient", -12345, weights("450009=7"), []ledger.Amount{-12345}},
		// 10000 × 33.333 / 100 = 3333.3 (twice) and 3333.4: the last gets the cent.
		{"fractional shares", 10000, weights("450001=33.333", "450002=33.333", "450003=33.334"), []ledger.Amount{3333, 3333, 3334}},
		// Largest remainder beats the lower code: 100 × 1/6 = 16.67, 100 × 5/6 = 83.33.
		{"largest remainder first", 100, weights("450001=1", "450002=5"), []ledger.Amount{17, 83}},
		{"decimal weights with different scales", 1, weights("450002=0.5", "450001=0.50"), []ledger.Amount{0, 1}},
	}
	for _, tt := range tests {
		got, err := ledger.Allocate(tt.total, tt.weights)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: Allocate(%d) = %v, want %v", tt.name, int64(tt.total), got, tt.want)
		}
	}
}

func TestAllocateRefused(t *testing.T) {
	tests := []struct {
		name    string
		total   ledger.Amount
		weights []ledger.Weight
		msg     string
	}{
		{"all zero weights", 100, weights("450001=0", "450002=0"), "le total des tantièmes est nul"},
		{"no recipient", 100, nil, "le total des tantièmes est nul"},
		{"negative weight", 100, weights("450001=10", "450002=-1"), "les tantièmes de 450002 sont négatifs"},
		{"negative weight, negative total", -100, weights("450001=-1", "450002=3"), "les tantièmes de 450001 sont négatifs"},
		// -MinInt64 does not exist: the split of its absolute value cannot be
		// computed in int64, so it must be refused rather than come out wrong.
		{"out of range", math.MinInt64, weights("450001=1", "450002=1"), "Répartition impossible"},
	}
	for _, tt := range tests {
		got, err := ledger.Allocate(tt.total, tt.weights)
		if err == nil {
			t.Errorf("%s: Allocate = %v, want an error", tt.name, got)
			continue
		}
		if ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), tt.msg) {
			t.Errorf("%s: error %v (kind %v), want Invalid saying %q", tt.name, err, ledger.KindOf(err), tt.msg)
		}
	}
}

func TestSplitEven(t *testing.T) {
	tests := []struct {
		total ledger.Amount
		n     int
		want  []ledger.Amount
	}{
		{100003, 4, []ledger.Amount{25001, 25001, 25001, 25000}}, // DOMAIN §4
		{-100003, 4, []ledger.Amount{-25001, -25001, -25001, -25000}},
		{100000, 4, []ledger.Amount{25000, 25000, 25000, 25000}},
		{12345, 1, []ledger.Amount{12345}},
		{-12345, 1, []ledger.Amount{-12345}},
		{2, 3, []ledger.Amount{1, 1, 0}},
		{0, 3, []ledger.Amount{0, 0, 0}},
		{100, 12, []ledger.Amount{9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8}},
		{5, 0, nil},
		{5, -1, nil},
		{math.MaxInt64, 1, []ledger.Amount{math.MaxInt64}},
		{math.MinInt64, 1, []ledger.Amount{math.MinInt64}},
		{math.MinInt64, 2, []ledger.Amount{math.MinInt64 / 2, math.MinInt64 / 2}},
		{math.MinInt64, 3, []ledger.Amount{-3074457345618258603, -3074457345618258603, -3074457345618258602}},
	}
	for _, tt := range tests {
		got := ledger.SplitEven(tt.total, tt.n)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("SplitEven(%d, %d) = %v, want %v", int64(tt.total), tt.n, got, tt.want)
		}
	}
}

// exactShares computes, independently of Allocate, each recipient's exact
// share |total| × w / Σw as floor + rem/den: the weights are scaled to
// integers (by the largest number of decimals), so that every share is an
// integer fraction over the same denominator den = Σ scaled weights.
func exactShares(abs ledger.Amount, ws []ledger.Weight) (floors []int64, rems []*big.Int, den *big.Int) {
	places := int32(0)
	for _, w := range ws {
		if e := -w.Weight.Exponent(); e > places {
			places = e
		}
	}
	scaled := make([]*big.Int, len(ws))
	den = new(big.Int)
	for i, w := range ws {
		scaled[i] = w.Weight.Shift(places).BigInt()
		den.Add(den, scaled[i])
	}
	t := big.NewInt(int64(abs))
	floors = make([]int64, len(ws))
	rems = make([]*big.Int, len(ws))
	for i := range ws {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(t, scaled[i]), den, new(big.Int))
		floors[i], rems[i] = q.Int64(), r
	}
	return floors, rems, den
}

// checkAllocation verifies every property of a largest-remainder split.
func checkAllocation(t *testing.T, total ledger.Amount, ws []ledger.Weight, parts []ledger.Amount) {
	t.Helper()
	if len(parts) != len(ws) {
		t.Fatalf("Allocate(%d, %v): %d parts for %d recipients", int64(total), ws, len(parts), len(ws))
	}
	var sum ledger.Amount
	for _, p := range parts {
		sum += p
	}
	if sum != total {
		t.Fatalf("Allocate(%d, %v) = %v: sum %d", int64(total), ws, parts, int64(sum))
	}
	sumW := decimal.Zero
	for _, w := range ws {
		sumW = sumW.Add(w.Weight)
	}
	if sumW.IsZero() {
		// Only a zero total may be split over no shares at all (nothing to
		// give, so Allocate does not look at the weights).
		for _, p := range parts {
			if total != 0 || p != 0 {
				t.Fatalf("Allocate(%d, %v) = %v over a zero total of shares", int64(total), ws, parts)
			}
		}
		return
	}
	abs := total.Abs()
	floors, rems, den := exactShares(abs, ws)
	var sumFloors int64
	bumped := make([]bool, len(ws))
	nBumped := 0
	for i, w := range ws {
		sumFloors += floors[i]
		p := int64(parts[i])
		if total < 0 {
			p = -p
		}
		switch p {
		case floors[i]:
		case floors[i] + 1:
			bumped[i] = true
			nBumped++
		default:
			t.Fatalf("Allocate(%d, %v) = %v: part of %s is %d, exact share %d + %s/%s", int64(total), ws, parts, w.Code,
				int64(parts[i]), floors[i], rems[i], den)
		}
	}
	if want := int64(abs) - sumFloors; int64(nBumped) != want {
		t.Fatalf("Allocate(%d, %v) = %v: %d parts rounded up, want %d", int64(total), ws, parts, nBumped, want)
	}
	// Every part rounded up must come before every part rounded down in the
	// order (remainder descending, code ascending): compare the last of the
	// former with the first of the latter.
	before := func(i, j int) bool { // i comes before j in that order
		if c := rems[i].Cmp(rems[j]); c != 0 {
			return c > 0
		}
		return ws[i].Code < ws[j].Code
	}
	lastUp, firstDown := -1, -1
	for i := range ws {
		if bumped[i] && (lastUp < 0 || before(lastUp, i)) {
			lastUp = i
		}
		if !bumped[i] && (firstDown < 0 || before(i, firstDown)) {
			firstDown = i
		}
	}
	if lastUp >= 0 && firstDown >= 0 && !before(lastUp, firstDown) {
		t.Fatalf("Allocate(%d, %v) = %v: %s (remainder %s/%s) got an extra cent but not %s (remainder %s/%s)", int64(total), ws, parts,
			ws[lastUp].Code, rems[lastUp], den, ws[firstDown].Code, rems[firstDown], den)
	}
}

// randomWeights draws n recipients with distinct codes and weights that are
// integers, decimals with up to 4 places, or zero (at least one non-zero).
func randomWeights(r *rand.Rand, n int) []ledger.Weight {
	ws := make([]ledger.Weight, n)
	codes := r.Perm(999)
	nonZero := false
	for i := range ws {
		var w decimal.Decimal
		switch r.Intn(5) {
		case 0:
			w = decimal.Zero
		case 1: // equal small weights: many ties
			w = decimal.NewFromInt(int64(1 + r.Intn(3)))
		case 2:
			w = decimal.NewFromInt(r.Int63n(10000))
		default:
			w = decimal.New(r.Int63n(10_000_000), -int32(r.Intn(5)))
		}
		if !w.IsZero() {
			nonZero = true
		}
		ws[i] = ledger.Weight{Code: fmt.Sprintf("450%03d", codes[i]+1), Weight: w}
	}
	if !nonZero {
		ws[r.Intn(n)].Weight = decimal.NewFromInt(1)
	}
	return ws
}

func randomTotal(r *rand.Rand) ledger.Amount {
	var a int64
	switch r.Intn(3) {
	case 0:
		a = r.Int63n(20) // a few cents among many owners: all about ties
	case 1:
		a = r.Int63n(10_000_000)
	default:
		a = r.Int63n(1 << 50)
	}
	if r.Intn(2) == 0 {
		a = -a
	}
	return ledger.Amount(a)
}

func TestAllocateProperties(t *testing.T) {
	r := rand.New(rand.NewSource(1965))
	for range 3000 {
		ws := randomWeights(r, 1+r.Intn(40))
		total := randomTotal(r)
		parts, err := ledger.Allocate(total, ws)
		if err != nil {
			t.Fatalf("Allocate(%d, %v): %v", int64(total), ws, err)
		}
		checkAllocation(t, total, ws, parts)

		// The split of the negated total is the negated split.
		neg, err := ledger.Allocate(-total, ws)
		if err != nil {
			t.Fatal(err)
		}
		for i := range parts {
			if neg[i] != -parts[i] {
				t.Fatalf("Allocate(%d) = %v but Allocate(%d) = %v", int64(total), parts, int64(-total), neg)
			}
		}

		// Each code gets the same part whatever the order of recipients.
		shuffled := append([]ledger.Weight(nil), ws...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		again, err := ledger.Allocate(total, shuffled)
		if err != nil {
			t.Fatal(err)
		}
		byCode := map[string]ledger.Amount{}
		for i, w := range ws {
			byCode[w.Code] = parts[i]
		}
		for i, w := range shuffled {
			if again[i] != byCode[w.Code] {
				t.Fatalf("Allocate(%d): %s gets %d in one order, %d in another (%v / %v)",
					int64(total), w.Code, int64(byCode[w.Code]), int64(again[i]), ws, shuffled)
			}
		}
	}
}

func TestSplitEvenProperties(t *testing.T) {
	r := rand.New(rand.NewSource(14))
	for range 5000 {
		total := randomTotal(r)
		n := 1 + r.Intn(24)
		parts := ledger.SplitEven(total, n)
		var sum ledger.Amount
		for i, p := range parts {
			sum += p
			if i > 0 && p.Abs() > parts[i-1].Abs() {
				t.Fatalf("SplitEven(%d, %d) = %v: later part larger", int64(total), n, parts)
			}
			if d := parts[0].Abs() - p.Abs(); d > 1 {
				t.Fatalf("SplitEven(%d, %d) = %v: parts differ by more than a cent", int64(total), n, parts)
			}
		}
		if len(parts) != n || sum != total {
			t.Fatalf("SplitEven(%d, %d) = %v: sum %d", int64(total), n, parts, int64(sum))
		}
	}
}

// FuzzAllocate reads recipients from the bytes (3 bytes each: weight low,
// weight high, decimal places) and checks the split adds up.
func FuzzAllocate(f *testing.F) {
	f.Add(int64(100003), []byte{1, 0, 0, 1, 0, 0, 1, 0, 0})
	f.Add(int64(-2), []byte{5, 0, 0, 5, 0, 0, 5, 0, 0})
	f.Add(int64(10000), []byte{0x35, 0x82, 3, 0x35, 0x82, 3, 0x36, 0x82, 3})
	f.Add(int64(0), []byte{})
	f.Add(int64(7), []byte{0, 0, 0})
	f.Add(int64(math.MaxInt64), []byte{1, 0, 0, 2, 0, 1})
	f.Add(int64(math.MinInt64), []byte{1, 0, 0, 2, 0, 1})
	f.Fuzz(func(t *testing.T, total int64, data []byte) {
		var ws []ledger.Weight
		for i := 0; i+2 < len(data) && len(ws) < 64; i += 3 {
			w := decimal.New(int64(data[i])|int64(data[i+1])<<8, -int32(data[i+2]%6))
			ws = append(ws, ledger.Weight{Code: fmt.Sprintf("450%03d", len(ws)+1), Weight: w})
		}
		parts, err := ledger.Allocate(ledger.Amount(total), ws)
		if err == nil {
			checkAllocation(t, ledger.Amount(total), ws, parts)
		} else if ledger.KindOf(err) != ledger.Invalid {
			t.Fatalf("Allocate(%d, %v): %v is not Invalid", total, ws, err)
		}
		n := len(data)%13 + 1
		var sum ledger.Amount
		for _, p := range ledger.SplitEven(ledger.Amount(total), n) {
			sum += p
		}
		if sum != ledger.Amount(total) {
			t.Fatalf("SplitEven(%d, %d) sums to %d", total, n, int64(sum))
		}
	})
}
