package closing

import (
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/ledger"
)

// QuoteParts is the manual's « Détail répartitions »: for an exercise, per
// owner and per key, his share of the voted budget and of the actual
// charges of current operations. The actual is the closing's own
// distribution (read from its record once closed, previewed otherwise:
// Provisional), never a second computation; the budget's share is the
// key's net budget split at the same attribution date by the same rule
// (app.Distribute: per owner, largest remainder).
type QuoteParts struct {
	Exercise    ledger.Exercise
	Provisional bool      // the exercise is not closed: the actual is a projection of the books
	OwnersAt    time.Time // the owners the closing attributes to
	Keys        []QuoteKey
	Owners      []QuoteOwner
	Budget      ledger.Amount // Σ keys: the net budget
	Actual      ledger.Amount // Σ keys: the net charges distributed
}

// QuoteKey is a key's totals.
type QuoteKey struct {
	Key, Label  string
	TotalShares decimal.Decimal
	Budget      ledger.Amount // charges − income voted
	Actual      ledger.Amount // net charges distributed
}

// QuoteOwner is one owner's parts, by key.
type QuoteOwner struct {
	Account, Name string
	Lots          []string
	Parts         []QuotePart
	Budget        ledger.Amount
	Actual        ledger.Amount
}

// QuotePart is an owner's share on one key.
type QuotePart struct {
	Key, Label  string
	Shares      decimal.Decimal
	TotalShares decimal.Decimal
	Budget      ledger.Amount
	Actual      ledger.Amount
}

// Owner is one owner's parts; false when he has none.
func (q *QuoteParts) Owner(account string) (QuoteOwner, bool) {
	for _, o := range q.Owners {
		if o.Account == account {
			return o, true
		}
	}
	return QuoteOwner{}, false
}

// QuotePartsOf gathers the quote-parts of exercise ex.
func QuotePartsOf(r *app.Residence, ex ledger.Exercise) (*QuoteParts, error) {
	p, preview, err := Of(r, ex, Options{})
	if err != nil {
		return nil, err
	}
	q := &QuoteParts{Exercise: ex, Provisional: preview, OwnersAt: p.OwnersAt}
	budget, err := r.BudgetView(ex.Year())
	if err != nil {
		return nil, err
	}
	keys := map[string]*QuoteKey{}
	key := func(code, label string) *QuoteKey {
		if keys[code] == nil {
			keys[code] = &QuoteKey{Key: code, Label: label}
		}
		return keys[code]
	}
	owners := map[string]*QuoteOwner{}
	part := func(acc, name string, lots []string, k *QuoteKey) *QuotePart {
		o := owners[acc]
		if o == nil {
			o = &QuoteOwner{Account: acc, Name: name, Lots: lots}
			owners[acc] = o
		}
		for i := range o.Parts {
			if o.Parts[i].Key == k.Key {
				return &o.Parts[i]
			}
		}
		o.Parts = append(o.Parts, QuotePart{Key: k.Key, Label: k.Label})
		return &o.Parts[len(o.Parts)-1]
	}
	if s, ok := p.Section(CurrentSection); ok {
		for _, k := range s.Keys {
			if k.Key == "" {
				continue // provisions typed by hand: no charges
			}
			qk := key(k.Key, k.Label)
			qk.Actual, qk.TotalShares = k.Net(), k.TotalShares
		}
	}
	lotsOf := map[string][]string{}
	for _, o := range p.Owners {
		lotsOf[o.Account] = o.Lots
		for _, os := range o.Sections {
			if os.Code != CurrentSection {
				continue
			}
			for _, pp := range os.Parts {
				if pp.Key == "" || pp.Part == 0 {
					continue
				}
				qp := part(o.Account, o.Name, o.Lots, key(pp.Key, pp.Label))
				qp.Actual += pp.Part
				qp.Shares, qp.TotalShares = pp.Shares, pp.TotalShares
			}
		}
	}
	for _, bk := range budget.Keys {
		net := bk.Total.Budget[0]
		if net == 0 || bk.Key == "" {
			continue
		}
		qk := key(bk.Key, bk.Label)
		qk.Budget = net
		d, err := r.Distribute(bk.Key, net, p.OwnersAt)
		if err != nil {
			return nil, err
		}
		if qk.TotalShares.IsZero() {
			qk.TotalShares = d.TotalShares
		}
		for _, row := range d.Rows {
			lots := lotsOf[row.Account]
			if lots == nil {
				lots = row.Lots
			}
			qp := part(row.Account, row.Name, lots, qk)
			qp.Budget += row.Part
			qp.Shares, qp.TotalShares = row.Shares, d.TotalShares
		}
	}
	for _, code := range sortedKeys(keys) {
		k := *keys[code]
		q.Keys = append(q.Keys, k)
		q.Budget += k.Budget
		q.Actual += k.Actual
	}
	for _, acc := range sortedKeys(owners) {
		o := *owners[acc]
		sort.Slice(o.Parts, func(i, j int) bool { return o.Parts[i].Key < o.Parts[j].Key })
		for _, pt := range o.Parts {
			o.Budget += pt.Budget
			o.Actual += pt.Actual
		}
		q.Owners = append(q.Owners, o)
	}
	return q, nil
}
