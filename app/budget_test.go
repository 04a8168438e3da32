package app

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

func findRow(v BudgetView, key, account string) (BudgetRow, bool) {
	for _, k := range v.Keys {
		for _, r := range k.Rows {
			if r.Key == key && r.Account == account {
				return r, true
			}
		}
	}
	return BudgetRow{}, false
}

func TestBudgetViewOfTheDemo(t *testing.T) {
	r := writeDemo(t)
	v, err := r.BudgetView(2025)
	if err != nil {
		t.Fatal(err)
	}
	if v.Exercises[0].Year() != 2025 || v.Exercises[2].Year() != 2027 || v.Previous.ID != 0 {
		t.Errorf("exercises %v, previous %v", v.Exercises, v.Previous)
	}
	if len(v.Keys) != 4 || v.Keys[1].Label != "Ascenseur" {
		t.Fatalf("keys %+v", v.Keys)
	}
	clean, ok := findRow(v, "001", "611000")
	if !ok || clean.Budget != [3]ledger.Amount{1188000, 1223640, 1259280} || clean.Actual != 1188000 || clean.AccountLabel != "Nettoyage des locaux" {
		t.Errorf("cleaning on 001: %+v", clean)
	}
	// Income assigned to a key (the insurance indemnity) counts against it.
	ins, ok := findRow(v, "001", "713000")
	if !ok || !ins.Income || ins.Actual != 115000 || ins.Budget[0] != 0 {
		t.Errorf("indemnity: %+v", ins)
	}
	// The calls themselves (701) and the fund (105) are not actual charges.
	if _, ok := findRow(v, "001", "701000"); ok {
		t.Error("701000 in the budget view")
	}
	var budget ledger.Amount
	for _, k := range v.Keys {
		var net ledger.Amount
		for _, row := range k.Rows {
			budget += row.Budget[0]
			if row.Income {
				net -= row.Actual
			} else {
				net += row.Actual
			}
		}
		if net != k.Total.Actual {
			t.Errorf("key %s: total %s, rows %s", k.Key, k.Total.Actual, net)
		}
	}
	if budget != v.Total.Budget[0] || budget != 4474143 {
		t.Errorf("budget 2025 %s, total row %s", budget, v.Total.Budget[0])
	}
	if v.Fund[0].Amount != 223708 || v.Fund[1].Amount == 0 || v.Fund[0].Key != "001" {
		t.Errorf("funds %+v", v.Fund)
	}
	if _, err := r.BudgetView(1999); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("budget of 1999: %v", err)
	}
}

func TestCopyBudgetAndStartFromActual(t *testing.T) {
	r := writeDemo(t)
	n, err := r.CopyBudget(2025, 2027, decimal.NewFromInt(10))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := r.BudgetView(2025)
	ins, _ := findRow(v, "001", "616000")
	if n != 14 || ins.Budget[2] != 620749 { // 5 643,17 € + 10 % = 6 207,487 → 6 207,49 €
		t.Errorf("%d lines, insurance 2027 %s", n, ins.Budget[2])
	}
	if _, err := r.CopyBudget(2025, 2026, decimal.Zero); err != nil {
		t.Fatal(err)
	}
	v, _ = r.BudgetView(2025)
	if v.Total.Budget[1] != v.Total.Budget[0] {
		t.Errorf("plain copy: %s then %s", v.Total.Budget[0], v.Total.Budget[1])
	}

	n, err = r.BudgetFromActual(2025, 2026)
	if err != nil {
		t.Fatal(err)
	}
	v, _ = r.BudgetView(2025)
	for _, k := range v.Keys {
		for _, row := range k.Rows {
			if row.Budget[1] != row.Actual {
				t.Errorf("%s/%s: budget 2026 %s, actual 2025 %s", row.Key, row.Account, row.Budget[1], row.Actual)
			}
		}
	}
	if n < 10 {
		t.Errorf("%d lines from the actual", n)
	}
	if _, err := r.CopyBudget(2025, 2025, decimal.Zero); err == nil {
		t.Error("copying a budget onto itself was accepted")
	}
	if _, err := r.BudgetFromActual(2027, 2026); err == nil || !strings.Contains(ledger.Message(err), "rien à reprendre") {
		t.Errorf("from an empty year: %v", err)
	}
}

// The year-end distribution brings charges to zero; the actual is read
// before it.
func TestActualLeavesTheClosingOut(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "100"))
	err := r.Update(func(tx *ledger.Tx) error {
		for _, e := range []ledger.Entry{
			{Journal: "AC", Date: ledger.Date(2025, 3, 1), Label: "EDF", Lines: []ledger.Line{
				{Account: "602000", Key: "001", Debit: 12345}, {Account: "401000", Credit: 12345}}},
			{Journal: "OD", Date: ledger.Date(2025, 12, 31), Label: "Répartition", Origin: "closing:2025", Lines: []ledger.Line{
				{Account: "450001", Debit: 12345}, {Account: "602000", Key: "001", Credit: 12345}}},
		} {
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	v, err := r.BudgetView(2025)
	if err != nil {
		t.Fatal(err)
	}
	if row, _ := findRow(v, "001", "602000"); row.Actual != 12345 || row.Budget[0] != 10000 {
		t.Errorf("electricity %+v", row)
	}
}

func TestWorksFundStatus(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "10000"), bl("713000", "001", "100"))
	ex := year(t, r, 2025)
	st, err := r.WorksFund(ex)
	if err != nil {
		t.Fatal(err)
	}
	if st.Set || st.Budget != 1000000 || st.Minimum != 50000 || !strings.Contains(st.Warning, "Aucun fonds de travaux n'est fixé pour l'exercice 2025") {
		t.Errorf("no fund: %+v", st)
	}
	st, err = r.SetWorksFund(ex, 49999, "001")
	if err != nil {
		t.Fatal(err)
	}
	if !st.Set || !strings.Contains(st.Warning, "(499,99 €) est inférieur à 5 % du budget (10 000,00 €, soit 500,00 € au moins)") {
		t.Errorf("low fund: %+v", st)
	}
	if st, _ = r.SetWorksFund(ex, 50000, "001"); st.Warning != "" {
		t.Errorf("fund at the minimum: %q", st.Warning)
	}
	if _, err := r.SetWorksFund(ex, 50000, "999"); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("unknown key: %v", err)
	}
	if FundMinimum(1) != 1 || FundMinimum(0) != 0 || FundMinimum(2000) != 100 {
		t.Error("FundMinimum")
	}
}
