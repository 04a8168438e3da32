package closing

import (
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// closingLots: keys 001 (1 000), 002 lift (300), 003 heating (100); owner
// 450004 sells lot 4 on 15/05/2025 and keeps lot 5, so that his calls must
// be split lot by lot between him and the buyer (450005).
var closingLots = []apptest.Lot{
	{Number: "1", Owner: "450001", Shares: map[string]string{"001": "300", "002": "100", "003": "40"}},
	{Number: "2", Owner: "450002", Shares: map[string]string{"001": "250", "002": "120", "003": "35"}},
	{Number: "3", Owner: "450003", Shares: map[string]string{"001": "200", "002": "80"}},
	{Number: "4", Owner: "450004", Shares: map[string]string{"001": "150", "003": "25"}},
	{Number: "5", Owner: "450004", Shares: map[string]string{"001": "100"}},
}

const (
	closingSeller = "450004"
	closingBuyer  = "450005"
)

var closingSale = ledger.Date(2025, 5, 15)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
}

func post(t testing.TB, r *app.Residence, e *ledger.Entry) {
	t.Helper()
	must(t, r.Update(func(tx *ledger.Tx) error { return tx.PostEntry(e) }))
}

func en(date, journal, label string, lines ...ledger.Line) *ledger.Entry {
	return &ledger.Entry{Journal: journal, Date: ledger.MustDate(date), Label: label, Lines: lines}
}

func dl(account, key, amount string) ledger.Line {
	return ledger.Line{Account: account, Key: key, Debit: ledger.MustAmount(amount)}
}

func cl(account, key, amount string) ledger.Line {
	return ledger.Line{Account: account, Key: key, Credit: ledger.MustAmount(amount)}
}

// postAllCalls posts the budget calls (with the works fund) and the works
// calls of an exercise.
func postAllCalls(t testing.TB, r *app.Residence, ex ledger.Exercise, works ...string) {
	t.Helper()
	plan, err := r.PlanBudgetCalls(ex, 4)
	must(t, err)
	_, err = r.PostCalls(plan)
	must(t, err)
	for _, w := range works {
		plan, err := r.PlanWorksCalls(w, ex)
		must(t, err)
		_, err = r.PostCalls(plan)
		must(t, err)
	}
}

// closingScenario is the residence: several keys, a budget with an
// income, receipts, an insurance indemnity and interest on keys, an
// exceptional charge outside any campaign, a works campaign finished in
// 2025 (RAV) and an operation that runs into 2026 (ETU: called on 102ETU,
// partly paid, a subsidy received and another notified), and lot 4 sold
// on 15/05/2025.
func closingScenario(t testing.TB) *app.Residence {
	t.Helper()
	r := apptest.Calls(t, closingLots,
		apptest.Budget("602000", "001", "3000,03"), apptest.Budget("611000", "001", "4800"), apptest.Budget("614000", "002", "2400,02"),
		apptest.Budget("603000", "003", "6000"), apptest.Budget("714000", "001", "120"))
	ex25 := apptest.Year(t, r, 2025)
	_, err := r.SetWorksFund(ex25, ledger.MustAmount("800"), "001")
	must(t, err)
	_, err = r.SellLots(app.Sale{Lots: []string{"4"}, Date: closingSale,
		Buyer: ledger.Owner{Civility: "Mme", Name: "Acheteuse Joséphine", Address: "4 rue Basse", Zip: "38000", City: "Grenoble"}})
	must(t, err)
	must(t, r.CreateWorks(ledger.Works{Code: "RAV", Label: "Ravalement de la façade", Type: ledger.Art142Works,
		AGDate: ledger.Date(2024, 12, 10), Voted: ledger.MustAmount("6000"), End: ledger.Date(2025, 9, 30), Finished: true,
		Keys: []ledger.WorksKey{{Key: "001", Amount: ledger.MustAmount("6000")}}},
		&app.WorksSchedule{Count: 2, First: ledger.Date(2025, 3, 1), EveryMonths: 3}))
	must(t, r.CreateWorks(ledger.Works{Code: "ETU", Label: "Étude de structure", Type: ledger.ExceptionalOperation,
		AGDate: ledger.Date(2025, 2, 1), Voted: ledger.MustAmount("3000"), End: ledger.Date(2026, 6, 30),
		Keys: []ledger.WorksKey{{Key: "002", Amount: ledger.MustAmount("3000")}}},
		&app.WorksSchedule{Count: 3, First: ledger.Date(2025, 4, 1), EveryMonths: 6}))
	must(t, r.Update(func(tx *ledger.Tx) error {
		return tx.AddAccount(ledger.Account{Code: "711ETU", Label: "Subventions – Étude de structure"})
	}))
	postAllCalls(t, r, ex25, "RAV", "ETU")

	for _, e := range []*ledger.Entry{
		en("2025-02-10", "AC", "Électricité", dl("602000", "001", "2950"), cl("401000", "", "2950")),
		en("2025-03-31", "AC", "Nettoyage", dl("611000", "001", "4800"), cl("401000", "", "4800")),
		en("2025-04-15", "AC", "Maintenance ascenseur", dl("614000", "002", "2460"), cl("401000", "", "2460")),
		en("2025-11-30", "AC", "Chauffage", dl("603000", "003", "5400"), dl("615000", "001", "317,17"), cl("401000", "", "5717,17")),
		en("2025-12-01", "BQ", "Paiement fournisseurs", dl("401000", "", "12000"), cl("512001", "", "12000")),
		en("2025-10-14", "BQ", "Indemnité d'assurance", dl("512001", "", "450"), cl("713000", "001", "450")),
		en("2025-12-31", "BQ", "Intérêts", dl("512001", "", "12,34"), cl("716000", "002", "12,34")),
		en("2025-08-20", "BQ", "Frais de contentieux", dl("678000", "001", "99,99"), cl("512001", "", "99,99")),
		en("2025-09-30", "AC", "Ravalement", dl("671RAV", "001", "6120"), cl("401RAV", "", "6120")),
		en("2025-10-30", "BQ", "Paiement ravalement", dl("401RAV", "", "6120"), cl("512001", "", "6120")),
		en("2025-06-20", "AC", "Bureau d'études", dl("673ETU", "002", "1800"), cl("401ETU", "", "1800")),
		en("2025-07-20", "BQ", "Acompte bureau d'études", dl("401ETU", "", "1000"), cl("512001", "", "1000")),
		en("2025-09-01", "BQ", "Subvention étude reçue", dl("512001", "", "500"), cl("711ETU", "002", "500")),
		en("2025-11-02", "OD", "Subvention notifiée", dl("441000", "", "700"), cl("131ETU", "", "700")),
		en("2025-03-05", "BQ", "Règlement", dl("512001", "", "4000"), cl("450001", "", "4000")),
		en("2025-06-05", "BQ", "Règlement", dl("512001", "", "3500"), cl("450002", "", "3500")),
		en("2025-04-10", "BQ", "Règlement", dl("512001", "", "1500"), cl(closingSeller, "", "1500")),
		en("2025-07-05", "BQ", "Règlement", dl("512001", "", "900"), cl(closingBuyer, "", "900")),
	} {
		post(t, r, e)
	}
	return r
}

var closingOwnersAt = ledger.Date(2026, 3, 15)

func ownerBalances(t testing.TB, r *app.Residence, d time.Time) map[string]ledger.Amount {
	t.Helper()
	var out map[string]ledger.Amount
	apptest.View(t, r, func(tx *ledger.Tx) error {
		var err error
		out, err = tx.OwnerBalances(d)
		return err
	})
	return out
}

func trial(t testing.TB, r *app.Residence, ex ledger.Exercise) map[string]ledger.Amount {
	t.Helper()
	out := map[string]ledger.Amount{}
	apptest.View(t, r, func(tx *ledger.Tx) error {
		tb, err := tx.TrialBalanceOf(ex)
		for _, b := range tb {
			out[b.Account] = b.Balance()
		}
		return err
	})
	return out
}

func TestClosingScenario(t *testing.T) {
	r := closingScenario(t)
	ex25 := apptest.Year(t, r, 2025)
	before := ownerBalances(t, r, ex25.End)
	plan, err := Prepare(r, ex25, Options{OwnersAt: closingOwnersAt})
	must(t, err)
	for _, p := range plan.Problems {
		if p.Blocking {
			t.Errorf("blocking: %s", p.Text)
		}
	}
	if t.Failed() {
		t.FailNow()
	}

	// The sections: current operations, the finished campaign RAV and the
	// exceptional charge; ETU waits on 120ETU.
	var codes []string
	for _, s := range plan.Sections {
		codes = append(codes, s.Code)
	}
	if strings.Join(codes, ",") != ",RAV,*" {
		t.Fatalf("sections %q", codes)
	}
	cur, _ := plan.Section(CurrentSection)
	key := func(s Section, k string) Key {
		for _, ck := range s.Keys {
			if ck.Key == k {
				return ck
			}
		}
		t.Fatalf("section %q has no key %s", s.Code, k)
		return Key{}
	}
	// Net charges per key: charges less the income assigned to the key.
	for _, c := range []struct{ key, charges, income, net string }{
		{"001", "8067,17", "450", "7617,17"}, {"002", "2460", "12,34", "2447,66"}, {"003", "5400", "0", "5400"},
	} {
		k := key(cur, c.key)
		if k.Charges != ledger.MustAmount(c.charges) || k.Income != ledger.MustAmount(c.income) || k.Net() != ledger.MustAmount(c.net) {
			t.Errorf("key %s: charges %s income %s net %s, want %s %s %s", c.key, k.Charges, k.Income, k.Net(), c.charges, c.income, c.net)
		}
	}
	// Provisions: the budget's charges less its income, all called.
	if want := ledger.MustAmount("16080,05"); cur.Provisions != want {
		t.Errorf("current provisions %s, want %s", cur.Provisions, want)
	}
	if len(plan.Pending) != 1 || plan.Pending[0].Works.Code != "ETU" || plan.Pending[0].Charges != ledger.MustAmount("1800") ||
		plan.Pending[0].Income != ledger.MustAmount("500") {
		t.Errorf("pending works %+v", plan.Pending)
	}

	// Σ régularisations = net charges − provisions, owner by owner too.
	var sum, net, prov ledger.Amount
	for _, o := range plan.Owners {
		sum += o.Regularisation
		var ch, pv ledger.Amount
		for _, s := range o.Sections {
			ch += s.Charges
			pv += s.Provisions()
		}
		if o.Regularisation != ch-pv || o.BalanceAfter != o.BalanceBefore+o.Regularisation {
			t.Errorf("%s: régularisation %s, charges %s provisions %s, balances %s → %s", o.Account, o.Regularisation, ch, pv, o.BalanceBefore, o.BalanceAfter)
		}
	}
	for _, s := range plan.Sections {
		net += s.Net()
		prov += s.Provisions
	}
	if sum != net-prov || plan.Regularisation != sum {
		t.Errorf("Σ régularisations %s, net charges %s − provisions %s = %s (plan %s)", sum, net, prov, net-prov, plan.Regularisation)
	}

	// The sale: the buyer gets lot 4's part of the year and the provisions
	// called on lot 4 from the seller; the seller keeps lot 5's.
	seller, _ := plan.Owner(closingSeller)
	buyer, _ := plan.Owner(closingBuyer)
	sc, bc := seller.Sections[0], buyer.Sections[0]
	if sc.Moved >= 0 || bc.Moved != -sc.Moved || sc.Moved+bc.Moved != 0 {
		t.Errorf("provisions moved: seller %s, buyer %s", sc.Moved, bc.Moved)
	}
	if len(bc.Transfers) != 1 || bc.Transfers[0].Other != closingSeller || strings.Join(bc.Transfers[0].Lots, ",") != "4" {
		t.Errorf("buyer's transfers %+v", bc.Transfers)
	}
	// Lot 4 holds 150 of the seller's 250 shares on 001 and all 25 on 003:
	// the seller's two calls before the sale (Q1 and Q2: Q2 is due 1 April)
	// move in those proportions.
	if strings.Join(buyer.Lots, ",") != "4" || strings.Join(seller.Lots, ",") != "5" {
		t.Errorf("lots: buyer %v, seller %v", buyer.Lots, seller.Lots)
	}

	res, err := Post(r, plan)
	must(t, err)
	if res.Next.Year() != 2026 {
		t.Errorf("next exercise %s", res.Next.Name())
	}
	for _, e := range res.Entries {
		if d, c := e.Totals(); d != c || d == 0 {
			t.Errorf("entry %s %q: debit %s credit %s", e.Piece, e.Label, d, c)
		}
	}
	ex25 = apptest.Year(t, r, 2025)
	if !ex25.Closed {
		t.Fatal("2025 not closed")
	}
	tb := trial(t, r, ex25)
	for acc, b := range tb {
		if c := ledger.AccountClass(acc); (c == 6 || c == 7) && b != 0 {
			t.Errorf("after closing, %s holds %s", acc, b)
		}
	}
	after := ownerBalances(t, r, ex25.End)
	for _, o := range plan.Owners {
		if after[o.Account] != before[o.Account]+o.Regularisation {
			t.Errorf("%s: balance %s, before %s + régularisation %s", o.Account, after[o.Account], before[o.Account], o.Regularisation)
		}
	}
	if tb["120ETU"] != ledger.MustAmount("1300") || tb["673ETU"] != 0 || tb["711ETU"] != 0 || tb["102ETU"] != -ledger.MustAmount("2000") {
		t.Errorf("ETU at the end of 2025: 120 %s, 673 %s, 711 %s, 102 %s", tb["120ETU"], tb["673ETU"], tb["711ETU"], tb["102ETU"])
	}

	// The opening balances of 2026 are 2025's closing balances of classes
	// 1, 4 and 5; the reversal brings ETU back into 2026's accounts.
	var an, rev []ledger.Entry
	apptest.View(t, r, func(tx *ledger.Tx) error {
		var err error
		if an, err = tx.Entries(ledger.EntryFilter{Journal: "AN", From: ledger.Date(2026, 1, 1), To: ledger.Date(2026, 1, 1)}); err != nil {
			return err
		}
		rev, err = tx.Entries(ledger.EntryFilter{Origin: "closing-reversal:2025:ETU"})
		return err
	})
	if len(an) != 1 {
		t.Fatalf("%d AN entries", len(an))
	}
	carried := map[string]ledger.Amount{}
	for _, l := range an[0].Lines {
		carried[l.Account] += l.Debit - l.Credit
	}
	for acc, b := range tb {
		if c := ledger.AccountClass(acc); (c == 1 || c == 4 || c == 5) && carried[acc] != b {
			t.Errorf("AN %s: %s, closing balance %s", acc, carried[acc], b)
		}
	}
	for acc := range carried {
		if c := ledger.AccountClass(acc); c != 1 && c != 4 && c != 5 {
			t.Errorf("AN carries %s", acc)
		}
	}
	if len(rev) != 1 || !rev[0].Date.Equal(ledger.Date(2026, 1, 1)) {
		t.Fatalf("reversal %+v", rev)
	}
	tb26 := trial(t, r, apptest.Year(t, r, 2026))
	if tb26["673ETU"] != ledger.MustAmount("1800") || tb26["120ETU"] != 0 || tb26["711ETU"] != -ledger.MustAmount("500") {
		t.Errorf("2026 after the reversal: 673ETU %s, 120ETU %s, 711ETU %s", tb26["673ETU"], tb26["120ETU"], tb26["711ETU"])
	}

	// The closed exercise refuses writes; it cannot be reopened while 2026
	// holds entries (the AN are such entries).
	err = r.Update(func(tx *ledger.Tx) error {
		return tx.PostEntry(en("2025-06-01", "OD", "trop tard", dl("615000", "001", "1"), cl("401000", "", "1")))
	})
	if ledger.KindOf(err) != ledger.Locked {
		t.Errorf("posting into the closed exercise: %v", err)
	}
	err = ledgertest.SQL(t, r.Path(), `UPDATE exercises SET closed = 0 WHERE id = ?`, ex25.ID)
	if err == nil || !strings.Contains(ledger.Message(err), "ne peut pas être rouvert") {
		t.Errorf("reopening: %v", err)
	}
	if _, err := Prepare(r, ex25, Options{}); ledger.KindOf(err) != ledger.Locked {
		t.Errorf("closing twice: %v", err)
	}
	var working ledger.Exercise
	apptest.View(t, r, func(tx *ledger.Tx) error {
		var err error
		working, err = tx.WorkingExercise()
		return err
	})
	if working.Year() != 2026 {
		t.Errorf("working exercise %s", working.Name())
	}
	if problems, err := r.Check(true); err != nil || len(problems) > 0 {
		t.Errorf("check after closing: %v %v", problems, err)
	}

	// Every cross-check of the annexes holds, and the figures agree with
	// the closing.
	d, err := Annexes(r, ex25)
	must(t, err)
	if d.Provisional {
		t.Error("annexes of a closed exercise printed as a projection")
	}
	for _, c := range d.Checks {
		if !c.OK() && !c.Warning {
			t.Errorf("check failed: %s (%s / %s)", c.Text, c.Left, c.Right)
		}
	}
	if len(d.A4.Works) != 1 || d.A4.Works[0].Code != "RAV" || d.A4.Works[0].Total.Spent != ledger.MustAmount("6120") ||
		d.A4.Works[0].Total.Provisions != ledger.MustAmount("6000") || d.A4.Works[0].Total.Voted != ledger.MustAmount("6000") {
		t.Errorf("annexe 4 works %+v", d.A4.Works)
	}
	if len(d.A4.Exceptional) != 1 || d.A4.Exceptional[0].Total.Spent != ledger.MustAmount("99,99") {
		t.Errorf("annexe 4 exceptional %+v", d.A4.Exceptional)
	}
	if len(d.A5.Operations) != 1 {
		t.Fatalf("annexe 5 %+v", d.A5.Operations)
	}
	etu := d.A5.Operations[0]
	if etu.Code != "ETU" || etu.Done != ledger.MustAmount("1800") || etu.Called != ledger.MustAmount("500") ||
		etu.Paid != ledger.MustAmount("1000") || etu.ToReceive != ledger.MustAmount("700") || etu.Pending() != -ledger.MustAmount("1300") {
		t.Errorf("annexe 5 ETU %+v", etu)
	}
	if d.A1.Pending[1] != -ledger.MustAmount("1300") {
		t.Errorf("annexe 1 row 12: %s", d.A1.Pending[1])
	}
	if d.A3.NetTotal[ColActual] != ledger.MustAmount("15464,83") || d.A3.Provisions[ColActual] != cur.Provisions {
		t.Errorf("annexe 3: net %s, provisions %s", d.A3.NetTotal[ColActual], d.A3.Provisions[ColActual])
	}
	if d.A2.Current.ChargesTotal[ColBudget] != ledger.MustAmount("16200,05") || d.A3.Provisions[ColBudget] != ledger.MustAmount("16080,05") {
		t.Errorf("annexe 2 budget: charges %s, 701 %s", d.A2.Current.ChargesTotal[ColBudget], d.A3.Provisions[ColBudget])
	}

	// The statements read the record: the same figures as the plan.
	again, preview, err := Of(r, ex25, Options{})
	must(t, err)
	if preview || len(again.Owners) != len(plan.Owners) {
		t.Fatalf("closing read back: preview %v, %d owners", preview, len(again.Owners))
	}
	for i, o := range again.Owners {
		p := plan.Owners[i]
		if o.Account != p.Account || o.Regularisation != p.Regularisation || o.BalanceAfter != p.BalanceAfter || o.Charges != p.Charges {
			t.Errorf("read back %+v, planned %+v", o, p)
		}
	}

	// 2026: ETU ends; its 102ETU is taken into 702ETU and distributed with
	// every call of the campaign; the annexes compare 2026 with 2025.
	ex26 := apptest.Year(t, r, 2026)
	w := mustWorks(t, r, "ETU")
	w.Finished = true
	must(t, r.UpdateWorks(w, nil))
	_, err = r.CopyBudget(2025, 2026, decimal.Zero)
	must(t, err)
	postAllCalls(t, r, ex26, "ETU")
	post(t, r, en("2026-03-10", "AC", "Bureau d'études, solde", dl("673ETU", "002", "1300"), cl("401ETU", "", "1300")))
	post(t, r, en("2026-05-10", "AC", "Électricité", dl("602000", "001", "2800"), cl("401000", "", "2800")))
	plan26, err := Prepare(r, ex26, Options{OwnersAt: ledger.Date(2027, 2, 1)})
	must(t, err)
	must(t, plan26.Err())
	s, ok := plan26.Section("ETU")
	if !ok || s.Charges != ledger.MustAmount("3100") || s.Income != ledger.MustAmount("500") || s.Provisions != ledger.MustAmount("3000") {
		t.Fatalf("ETU in 2026: %+v", s)
	}
	_, err = Post(r, plan26)
	must(t, err)
	tb26 = trial(t, r, apptest.Year(t, r, 2026))
	for _, acc := range []string{"102ETU", "120ETU", "673ETU", "702ETU", "711ETU"} {
		if tb26[acc] != 0 {
			t.Errorf("2026 closed: %s holds %s", acc, tb26[acc])
		}
	}
	d26, err := Annexes(r, apptest.Year(t, r, 2026))
	must(t, err)
	for _, c := range d26.Checks {
		if !c.OK() && !c.Warning {
			t.Errorf("2026 check failed: %s (%s / %s)", c.Text, c.Left, c.Right)
		}
	}
	if len(d26.A4.Exceptional) != 1 || d26.A4.Exceptional[0].Code != "ETU" || d26.A4.Exceptional[0].Total.Spent != ledger.MustAmount("3100") ||
		d26.A4.Exceptional[0].Total.Provisions != ledger.MustAmount("3500") {
		t.Errorf("annexe 4 of 2026: %+v", d26.A4.Exceptional)
	}
	if d26.A2.Current.ChargesTotal[ColPrevActual] != d.A2.Current.ChargesTotal[ColActual] ||
		d26.A1.TotalLeft[0] != d.A1.TotalLeft[1] {
		t.Errorf("2026's previous column differs from 2025: %s / %s, %s / %s", d26.A2.Current.ChargesTotal[ColPrevActual],
			d.A2.Current.ChargesTotal[ColActual], d26.A1.TotalLeft[0], d.A1.TotalLeft[1])
	}
}

func mustWorks(t testing.TB, r *app.Residence, code string) ledger.Works {
	t.Helper()
	var w ledger.Works
	apptest.View(t, r, func(tx *ledger.Tx) error {
		var err error
		w, err = tx.Works(code)
		return err
	})
	return w
}

// The checks block what the closing cannot distribute, and a blocked or
// stale closing leaves the file untouched.
func TestClosingRefuses(t *testing.T) {
	r := closingScenario(t)
	ex := apptest.Year(t, r, 2025)
	file := r.Path()
	opt := Options{OwnersAt: closingOwnersAt}
	blocked := func(want string) {
		t.Helper()
		p, err := Prepare(r, ex, opt)
		must(t, err)
		if err := p.Err(); err == nil || !strings.Contains(ledger.Message(err)+allProblems(p), want) {
			t.Errorf("want a blocking problem %q, got %v / %s", want, err, allProblems(p))
		}
		snap, _ := os.ReadFile(file)
		if _, err := Post(r, p); err == nil {
			t.Fatalf("a blocked closing was posted")
		}
		if after, _ := os.ReadFile(file); string(after) != string(snap) {
			t.Errorf("a refused closing changed the file")
		}
	}
	for _, c := range []struct {
		e    *ledger.Entry
		want string
	}{
		// A suspense account not cleared.
		{en("2025-12-20", "BQ", "Virement inconnu", dl("512001", "", "42"), cl("471000", "", "42")), "Le compte d'attente 471000 n'est pas soldé"},
		// Income without a key.
		{en("2025-12-22", "BQ", "Intérêts sans clé", dl("512001", "", "1"), cl("716000", "", "1")), "Le produit 716000 (1,00 €) n'est affecté à aucune clé"},
		// Provisions typed by hand with another account: nobody can tell whose.
		{en("2025-12-23", "OD", "Provisions mystère", dl("512001", "", "10"), cl("701000", "001", "10")), "avec le compte 512001"},
		// Opening balances of 2026 already there (a balance taken over).
		{en("2026-01-01", "AN", "Reprise", dl("512001", "", "5"), cl("450001", "", "5")), "Le journal des à-nouveaux (AN) du 01/01/2026 contient déjà 1 écriture(s)"},
	} {
		post(t, r, c.e)
		blocked(c.want)
		must(t, r.Update(func(tx *ledger.Tx) error { return tx.DeleteEntry(c.e.ID) }))
	}

	// A key whose declared total is not the sum of its shares.
	must(t, r.Update(func(tx *ledger.Tx) error {
		return tx.UpdateKey(ledger.Key{Code: "003", Label: "Chauffage", DeclaredTotal: decimal.NewFromInt(1)})
	}))
	blocked("Clé 003 « Chauffage » : le total déclaré")
	must(t, r.Update(func(tx *ledger.Tx) error {
		return tx.UpdateKey(ledger.Key{Code: "003", Label: "Chauffage", DeclaredTotal: decimal.NewFromInt(100)})
	}))

	// A call not posted.
	var last ledger.Call
	apptest.View(t, r, func(tx *ledger.Tx) error {
		calls, err := tx.Calls(ledger.CallFilter{ExerciseID: ex.ID, Kind: ledger.BudgetCall, Live: true})
		last = calls[len(calls)-1]
		return err
	})
	_, err := r.CancelCall(last.ID, time.Time{})
	must(t, err)
	blocked("Il manque 1 appel(s) du budget sur 4")
	plan, err := r.PlanBudgetCalls(ex, 4)
	must(t, err)
	_, err = r.PostCalls(plan)
	must(t, err)

	// Everything is in order again; a change after the preview refuses
	// the posting of the stale plan.
	p, err := Prepare(r, ex, opt)
	must(t, err)
	must(t, p.Err())
	post(t, r, en("2025-12-30", "AC", "Facture tardive", dl("615000", "001", "10"), cl("401000", "", "10")))
	if _, err := Post(r, p); ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("stale plan: %v", err)
	}
	p, err = Prepare(r, ex, opt)
	must(t, err)
	_, err = Post(r, p)
	must(t, err)
}

func allProblems(p *Plan) string {
	var b strings.Builder
	for _, pr := range p.Problems {
		b.WriteString(pr.Text)
		b.WriteString(" | ")
	}
	return b.String()
}

// The demo closes cleanly, and its projected annexes are those of the
// posted closing.
func TestClosingDemo(t *testing.T) {
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	opt := Options{OwnersAt: ledger.Date(2026, 3, 1)}
	p, err := Prepare(r, ex, opt)
	must(t, err)
	must(t, p.Err())
	warned := false
	for _, w := range p.Warnings() {
		warned = warned || strings.Contains(w, "n'est pas rapproché")
	}
	if !warned {
		t.Errorf("no reconciliation warning: %v", p.Warnings())
	}
	seller, _ := p.Owner(app.DemoSeller)
	if seller.Regularisation != 0 || seller.Sections[0].Called == 0 || seller.Sections[0].Moved != -seller.Sections[0].Called {
		t.Errorf("the seller of every lot keeps no régularisation: %+v", seller)
	}
	var projected *AnnexesData
	apptest.View(t, r, func(tx *ledger.Tx) error {
		var err error
		projected, err = annexes(tx, ex.ID, opt)
		return err
	})
	if !projected.Provisional || len(projected.Failed()) > 0 {
		t.Errorf("projected annexes: provisional %v, failed %+v", projected.Provisional, projected.Failed())
	}
	_, err = Post(r, p)
	must(t, err)
	d, err := Annexes(r, apptest.Year(t, r, 2025))
	must(t, err)
	if len(d.Failed()) > 0 {
		t.Errorf("failed checks %+v", d.Failed())
	}
	if d.A1.TotalLeft != projected.A1.TotalLeft || d.A3.Solde != projected.A3.Solde || len(d.A1.Owners) != len(projected.A1.Owners) {
		t.Errorf("annexes after closing differ from the projection")
	}
	if d.A1.TotalLeft[1] != ledger.MustAmount("11086,21") || d.A3.Solde[ColActual] != ledger.MustAmount("3851,21") {
		t.Errorf("demo annexe 1 total %s, annexe 3 solde %s", d.A1.TotalLeft[1], d.A3.Solde[ColActual])
	}
}

// TestClosingProperty closes random residences and checks what a closing
// must always do: Σ régularisations = net charges − provisions, each
// owner's balance moves by exactly his régularisation, classes 6 and 7 end
// at zero, the opening balances are the closing balances of classes 1, 4
// and 5, and every cross-check of the annexes holds.
func TestClosingProperty(t *testing.T) {
	runs := 16
	if testing.Short() {
		runs = 4
	}
	for seed := int64(1); seed <= int64(runs); seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { closeRandomResidence(t, seed) })
	}
}

func closeRandomResidence(t *testing.T, seed int64) {
	rng := rand.New(rand.NewSource(seed))
	money := func(max int64) string { return ledger.Amount(100 + rng.Int63n(max)).Plain() }
	keys := []string{"001"}
	for _, k := range []string{"002", "003"} {
		if rng.Intn(2) == 0 {
			keys = append(keys, k)
		}
	}
	var lots []apptest.Lot
	owners := 2 + rng.Intn(5)
	n := 0
	for o := 1; o <= owners; o++ {
		for l := 0; l < 1+rng.Intn(2); l++ {
			n++
			shares := map[string]string{}
			for _, k := range keys {
				if k == "001" || rng.Intn(3) > 0 {
					shares[k] = fmt.Sprint(1 + rng.Intn(500))
				}
			}
			lots = append(lots, apptest.Lot{Number: fmt.Sprint(n), Owner: fmt.Sprintf("450%03d", o), Shares: shares})
		}
	}
	// Every key needs shares somewhere.
	for _, k := range keys {
		lots[0].Shares[k] = fmt.Sprint(1 + rng.Intn(500))
	}
	var budget []ledger.BudgetLine
	for _, k := range keys {
		budget = append(budget, apptest.Budget("602000", k, money(500000)))
	}
	if rng.Intn(2) == 0 {
		budget = append(budget, apptest.Budget("714000", "001", money(20000)))
	}
	r := apptest.Calls(t, lots, budget...)
	ex := apptest.Year(t, r, 2025)
	all := []string{}
	for o := 1; o <= owners; o++ {
		all = append(all, fmt.Sprintf("450%03d", o))
	}
	if rng.Intn(3) > 0 {
		lot := lots[rng.Intn(len(lots))]
		d := ledger.Date(2025, time.Month(2+rng.Intn(10)), 1+rng.Intn(27))
		res, err := r.SellLots(app.Sale{Lots: []string{lot.Number}, Date: d, Buyer: ledger.Owner{Name: "Acheteur " + lot.Number}})
		must(t, err)
		all = append(all, res.Buyer.Account)
	}
	plan, err := r.PlanBudgetCalls(ex, []int{1, 2, 4}[rng.Intn(3)])
	must(t, err)
	_, err = r.PostCalls(plan)
	must(t, err)
	day := func() string { return ledger.ISO(ledger.Date(2025, time.Month(1+rng.Intn(12)), 1+rng.Intn(28))) }
	charges := []string{"601000", "602000", "611000", "615000", "616000", "621100", "662000"}
	for i := 0; i < 3+rng.Intn(12); i++ {
		a := money(300000)
		post(t, r, en(day(), "AC", "Facture", dl(charges[rng.Intn(len(charges))], keys[rng.Intn(len(keys))], a), cl("401000", "", a)))
	}
	for i := 0; i < rng.Intn(3); i++ {
		a := money(50000)
		post(t, r, en(day(), "BQ", "Produit", dl("512001", "", a), cl([]string{"713000", "714000", "716000"}[rng.Intn(3)], keys[rng.Intn(len(keys))], a)))
	}
	if rng.Intn(3) == 0 { // provisions typed by hand, owner by owner
		a := money(30000)
		post(t, r, en(day(), "OD", "Provision", dl(all[rng.Intn(len(all))], "", a), cl("701000", "001", a)))
	}
	for i := 0; i < rng.Intn(8); i++ {
		a := money(200000)
		post(t, r, en(day(), "BQ", "Règlement", dl("512001", "", a), cl(all[rng.Intn(len(all))], "", a)))
	}

	before := ownerBalances(t, r, ex.End)
	cp, err := Prepare(r, ex, Options{OwnersAt: ledger.Date(2026, 2, 1)})
	must(t, err)
	must(t, cp.Err())
	var sum, net, prov ledger.Amount
	for _, o := range cp.Owners {
		sum += o.Regularisation
	}
	for _, s := range cp.Sections {
		net += s.Net()
		prov += s.Provisions
	}
	if sum != net-prov {
		t.Errorf("Σ régularisations %s ≠ net charges %s − provisions %s", sum, net, prov)
	}
	_, err = Post(r, cp)
	must(t, err)
	after := ownerBalances(t, r, ex.End)
	for _, o := range cp.Owners {
		if after[o.Account] != before[o.Account]+o.Regularisation {
			t.Errorf("%s: %s ≠ %s + %s", o.Account, after[o.Account], before[o.Account], o.Regularisation)
		}
	}
	tb := trial(t, r, ex)
	var an []ledger.Entry
	apptest.View(t, r, func(tx *ledger.Tx) error {
		var err error
		an, err = tx.Entries(ledger.EntryFilter{Journal: "AN"})
		return err
	})
	carried := map[string]ledger.Amount{}
	for _, e := range an {
		for _, l := range e.Lines {
			carried[l.Account] += l.Debit - l.Credit
		}
	}
	for acc, b := range tb {
		switch ledger.AccountClass(acc) {
		case 6, 7:
			if b != 0 {
				t.Errorf("%s holds %s after closing", acc, b)
			}
		default:
			if carried[acc] != b {
				t.Errorf("AN %s = %s, closing balance %s", acc, carried[acc], b)
			}
		}
	}
	d, err := Annexes(r, ex)
	must(t, err)
	for _, c := range d.Failed() {
		t.Errorf("annexes: %s (%s / %s)", c.Text, c.Left, c.Right)
	}
}
