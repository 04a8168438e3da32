package closing

import (
	"math/big"
	"sort"
	"strings"
	"testing"

	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// splitByHand is the exact split a second way: exact fractions, floors,
// then the cents left one each to the largest remainders (ties to the
// lower account, the order given).
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

// The demo's 2025, not closed: the quote-parts are provisional. The budget
// voted (demoBudget2025, added by hand: 001 27 313,17 + 002 4 732,46 + 003
// 4 283,30 + 004 8 412,50 = 44 741,43 €) is split entirely over the owners;
// the owners' actual parts add up to the keys' net charges, which are the
// closing's own; key 002's budget (4 732,46 € over 500 tantièmes) is split
// per owner as computed by hand from the owners' shares at the attribution
// date.
func TestQuotePartsAddUp(t *testing.T) {
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	q, err := QuotePartsOf(r, ex)
	if err != nil {
		t.Fatal(err)
	}
	if !q.Provisional {
		t.Error("an open exercise's quote-parts are provisional")
	}
	if q.Budget != 4474143 {
		t.Errorf("budget %s, want 44 741,43 €", q.Budget)
	}
	var budget, actual ledger.Amount
	for _, o := range q.Owners {
		budget += o.Budget
		actual += o.Actual
	}
	if budget != q.Budget || actual != q.Actual || actual == 0 {
		t.Errorf("owners: budget %s actual %s; keys: %s %s", budget, actual, q.Budget, q.Actual)
	}
	p, _, err := Of(r, ex, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := p.Section(CurrentSection)
	if cur.Net() != q.Actual {
		t.Errorf("actual %s, the closing distributes %s", q.Actual, cur.Net())
	}

	sums, err := r.OwnerSummaries(q.OwnersAt)
	if err != nil {
		t.Fatal(err)
	}
	var accounts []string
	var shares []int64
	for _, o := range sums {
		if s := o.Shares["002"]; s.IsPositive() {
			accounts = append(accounts, o.Account)
			shares = append(shares, s.IntPart())
		}
	}
	want := splitByHand(473246, shares)
	for i, acc := range accounts {
		o, _ := q.Owner(acc)
		var got ledger.Amount
		for _, pt := range o.Parts {
			if pt.Key == "002" {
				got = pt.Budget
			}
		}
		if int64(got) != want[i] {
			t.Errorf("%s: budget 002 %s, want %d cents", acc, got, want[i])
		}
	}
}

// The printed quote-parts say « provisoire », and give the keys' and one
// owner's figures.
func TestQuotePartsPDF(t *testing.T) {
	r := apptest.Demo(t)
	q, err := QuotePartsOf(r, apptest.Year(t, r, 2025))
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := QuotePartsPDF(r, q, "450001", ledger.Date(2026, 1, 15))
	if err != nil {
		t.Fatal(err)
	}
	text := ledgertest.PDF(t, pdf, "-layout")
	o, _ := q.Owner("450001")
	for _, want := range []string{"Détail des répartitions (provisoire)", "PROVISOIRE", "Par clé de répartition", "44 741,43",
		"Par copropriétaire", "450001", "Total 450001", o.Budget.Format(), "128 / 500"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if strings.Contains(text, "450002") {
		t.Errorf("another owner is printed")
	}
}

// The full owner file of 450001 for the demo's 2025: every part is there,
// with his lots' shares (lot 9: 98 on 001, 128 on 002), his quote-parts,
// the calls made on him and his account; no closing yet.
func TestOwnerFilePDF(t *testing.T) {
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	pdf, err := OwnerFilePDF(r, "450001", ex, ledger.Date(2026, 1, 15))
	if err != nil {
		t.Fatal(err)
	}
	text := ledgertest.PDF(t, pdf, "-layout")
	q, _ := QuotePartsOf(r, ex)
	o, _ := q.Owner("450001")
	for _, want := range []string{"Fiche complète — M. et Mme Bernard Jean-Luc et Françoise", "Compte 450001 · exercice 2025",
		"Informations", "Lots au 31/12/2025", "Quote-parts du budget et du réel — exercice 2025", "PROVISOIRE", o.Budget.Format(),
		"Charges réparties à la dernière clôture", "Aucun exercice n'a encore été clos par Tantième.",
		"Provisions appelées — exercice 2025", "Compte du 01/01/2025 au 31/12/2025", "Solde au 31/12/2025"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if strings.Contains(text, "450002") {
		t.Errorf("another owner in his file")
	}
}
