package app_test

import (
	"math/big"
	"sort"
	"strings"
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// splitByHand is a second way to the exact split: each owner's exact part
// as a fraction, its floor, then the cents left one each to the largest
// remainders (ties to the lower account, the order given).
func splitByHand(cents int64, shares []int64) []int64 {
	var total int64
	for _, s := range shares {
		total += s
	}
	out := make([]int64, len(shares))
	rem := make([]*big.Rat, len(shares))
	left := cents
	for i, s := range shares {
		exact := big.NewRat(cents*s, total)
		fl := new(big.Int).Quo(exact.Num(), exact.Denom())
		out[i] = fl.Int64()
		rem[i] = new(big.Rat).Sub(exact, new(big.Rat).SetInt(fl))
		left -= out[i]
	}
	idx := make([]int, len(shares))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return rem[idx[a]].Cmp(rem[idx[b]]) > 0 })
	for _, i := range idx[:left] {
		out[i]++
	}
	return out
}

// 1 000,00 € over the demo's key 001 on 01/09/2025 (after the sale of lots
// 5 and 16): each owner's shares read a second way (the owners' summaries
// at that day), split by hand, and the total exactly 100 000 cents.
func TestDistributeDemoKey001(t *testing.T) {
	r := apptest.Demo(t)
	at := ledger.Date(2025, time.September, 1)
	d, err := r.Distribute("001", 100000, at)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := r.OwnerSummaries(at)
	if err != nil {
		t.Fatal(err)
	}
	var accounts []string
	var shares []int64
	for _, o := range sums {
		if s := o.GeneralShares(); s.IsPositive() {
			accounts = append(accounts, o.Account)
			shares = append(shares, s.IntPart())
		}
	}
	want := splitByHand(100000, shares)
	if len(d.Rows) != len(accounts) {
		t.Fatalf("%d owners, want %d", len(d.Rows), len(accounts))
	}
	for i, row := range d.Rows {
		if row.Account != accounts[i] || int64(row.Part) != want[i] || row.Shares.IntPart() != shares[i] {
			t.Errorf("row %d: %s %s %s, want %s %d %d", i, row.Account, row.Shares, row.Part, accounts[i], shares[i], want[i])
		}
		if row.Account == app.DemoSeller {
			t.Errorf("the seller keeps no part after the sale")
		}
	}
	if d.Total() != 100000 || !d.TotalShares.Equal(d.TotalShares.Truncate(0)) || d.TotalShares.IntPart() != 1000 {
		t.Errorf("total %s over %s shares", d.Total(), d.TotalShares)
	}
}

// Posting charges each owner his part and credits the account chosen with
// the key, in one entry; a changed share since the preview refuses it.
func TestPostDistribution(t *testing.T) {
	r := apptest.Demo(t)
	at := ledger.Date(2025, time.September, 1)
	d, err := r.Distribute("002", 12345, at)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.PostDistribution(d, "512001", "x"); err == nil {
		t.Error("a bank account was accepted as the other side")
	}
	e, err := r.PostDistribution(d, "671000", "Remise en état du portail (AG du 12/06/2025)")
	if err != nil {
		t.Fatal(err)
	}
	var debit, credit ledger.Amount
	for _, l := range e.Lines {
		debit += l.Debit
		credit += l.Credit
		if l.Credit != 0 && (l.Account != "671000" || l.Key != "002") {
			t.Errorf("credit line %+v", l)
		}
		if l.Debit != 0 && !ledger.IsOwnerAccount(l.Account) {
			t.Errorf("debit line %+v", l)
		}
	}
	if debit != 12345 || credit != 12345 || !strings.HasPrefix(e.Origin, app.DistributionOrigin) {
		t.Errorf("entry %+v", e)
	}
	if err := r.SetShare("9", "002", d.TotalShares); err != nil {
		t.Fatal(err)
	}
	if _, err := r.PostDistribution(d, "671000", "encore"); ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("stale preview: %v", err)
	}
}

// The printed distribution names the key, the day and each owner's part,
// and ends on the amount; written through the register.
func TestDistributionPDF(t *testing.T) {
	r := apptest.Demo(t)
	d, err := r.Distribute("001", 100000, ledger.Date(2025, time.September, 1))
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := r.DistributionPDF(d, ledger.Date(2025, time.September, 2))
	if err != nil {
		t.Fatal(err)
	}
	text := ledgertest.PDF(t, pdf, "-layout")
	for _, want := range []string{"Répartition d'un montant", "Montant réparti : 1 000,00 € sur la clé 001 « Charges générales »", "au 01/09/2025",
		"450013", "1 000,00", "Petit Maxime et Julie"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	meta := r.DistributionProduced(t.TempDir(), d)
	if err := r.WriteDocument(pdf, meta); err != nil {
		t.Fatal(err)
	}
	var docs []ledger.Document
	apptest.View(t, r, func(tx *ledger.Tx) (err error) {
		docs, err = tx.Documents(ledger.DocumentFilter{Kind: "distribution"})
		return
	})
	found := false
	for _, doc := range docs {
		found = found || (doc.Kind == "distribution" && doc.Binder == "conseil")
	}
	if !found {
		t.Errorf("not registered: %+v", docs)
	}
}
