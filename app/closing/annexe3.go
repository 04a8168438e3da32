package closing

import (
	"tantieme/ledger"
	"tantieme/reports"
)

// Annexe 3, « Compte de gestion pour opérations courantes » (ANNEXES §4):
// the current operations key by key in the five columns.

// Annexe3Key is one key's block in annexe 3.
type Annexe3Key struct {
	Key          string
	Label        string
	Charges      []AnnexLine
	Income       []AnnexLine
	ChargesTotal AnnexValues
	IncomeTotal  AnnexValues
	Net          AnnexValues
}

// Annexe3 is the compte de gestion pour opérations courantes, by key.
type Annexe3 struct {
	Keys         []Annexe3Key
	ChargesTotal AnnexValues // gross charges over every key
	NetTotal     AnnexValues
	Provisions   AnnexValues // 701 (budget columns: what the budget calls)
	Solde        AnnexValues // Provisions − NetTotal
}

// annexe3 builds the compte de gestion pour opérations courantes, by key.
func (ab *annexBuilder) annexe3() error {
	a := &ab.d.A3
	type perKey struct {
		charges, income map[string]AnnexValues
	}
	keys := map[string]*perKey{}
	get := func(k string) *perKey {
		if keys[k] == nil {
			keys[k] = &perKey{charges: map[string]AnnexValues{}, income: map[string]AnnexValues{}}
		}
		return keys[k]
	}
	add := func(m map[string]AnnexValues, acc string, col int, amt ledger.Amount) {
		v := m[acc]
		v[col] += amt
		m[acc] = v
	}
	ab.actualColumns(func(k acctKey) bool {
		r := ab.b.role(k.account)
		return r == roleCharge || r == roleIncome
	}, func(k acctKey, col int, amt ledger.Amount) {
		pk := get(k.key)
		if ledger.AccountClass(k.account) == 6 {
			add(pk.charges, k.account, col, amt)
		} else {
			add(pk.income, k.account, col, amt)
		}
	})
	for _, col := range []int{ColBudget, ColNextBudget, ColNext2Budget} {
		for _, b := range ab.budgets[col] {
			pk := get(b.Key)
			switch {
			case ledger.AccountClass(b.Account) == 6:
				add(pk.charges, b.Account, col, b.Amount)
			case ledger.AccountClass(b.Account) == 7 && !ledger.IsCalledProvision(b.Account):
				add(pk.income, b.Account, col, b.Amount)
			}
		}
		if ab.d.Columns[col].Exercise.ID != 0 {
			for _, n := range budgetNet(ab.budgets[col]) {
				a.Provisions[col] += n
			}
		}
	}
	for _, v := range []*annexView{ab.prev, ab.n} {
		if v == nil {
			continue
		}
		col := ColActual
		if v == ab.prev {
			col = ColPrevActual
		}
		for _, amt := range amountsOf(v.before, func(k acctKey) bool { return ab.b.role(k.account) == roleProvision }) {
			a.Provisions[col] += amt
		}
	}
	for _, code := range sortedKeys(keys) {
		pk := keys[code]
		k := Annexe3Key{Key: code, Label: ab.b.keyLabel(code)}
		if code == "" {
			k.Label = "Sans clé de répartition"
		}
		k.Charges = ab.accountLines(pk.charges, nil, false)
		k.Income = ab.accountLines(pk.income, nil, false)
		for _, l := range k.Charges {
			k.ChargesTotal.add(l.Values)
		}
		for _, l := range k.Income {
			k.IncomeTotal.add(l.Values)
		}
		for i := range k.Net {
			k.Net[i] = k.ChargesTotal[i] - k.IncomeTotal[i]
		}
		a.ChargesTotal.add(k.ChargesTotal)
		a.NetTotal.add(k.Net)
		a.Keys = append(a.Keys, k)
	}
	for i := range a.Solde {
		a.Solde[i] = a.Provisions[i] - a.NetTotal[i]
	}
	return nil
}

func (ar annexRenderer) annexe3() reports.Annex {
	a3 := ar.d.A3
	a := reports.Annex{Title: "COMPTE DE GESTION POUR OPÉRATIONS COURANTES DE L'EXERCICE CLOS RÉALISÉ ET BUDGET PRÉVISIONNEL"}
	groups, cols := ar.fiveColumns("Clé de répartition et charges")
	var rows []reports.AnnexRow
	for _, k := range a3.Keys {
		rows = append(rows, reports.AnnexRow{Cells: []string{k.Key, k.Label}, Style: reports.StyleHeading})
		for _, l := range k.Charges {
			rows = append(rows, ar.lineRow(l, true))
		}
		if len(k.Income) > 0 {
			rows = append(rows, ar.valuesRow("Charges", k.ChargesTotal, reports.StyleNormal, true, false))
			for _, l := range k.Income {
				// Deducted from the key's charges: printed negative.
				l.Label = "Produits affectés : " + l.Label
				l.Style = LineDetail
				for i := range l.Values {
					l.Values[i] = -l.Values[i]
				}
				rows = append(rows, ar.lineRow(l, true))
			}
		}
		rows = append(rows, ar.valuesRow("Total net pour la clé "+k.Key, k.Net, reports.StyleSubtotal, true, false))
	}
	rows = append(rows,
		ar.valuesRow("Total des charges de toutes les clés (avant produits affectés)", a3.ChargesTotal, reports.StyleNormal, true, false),
		ar.valuesRow("TOTAL CHARGES NETTES", a3.NetTotal, reports.StyleTotal, true, false),
		ar.valuesRow("Provisions copropriétaires (701)", a3.Provisions, reports.StyleNormal, true, false),
		ar.valuesRow("SOLDE (excédent + / insuffisance −) affecté aux copropriétaires", a3.Solde, reports.StyleTotal, true, false))
	// The SOLDE is the result the AG approves: it stays on the page of the
	// charges, provisions and last key's lines it comes from.
	a.Parts = []reports.AnnexPart{{Table: &reports.AnnexTable{Groups: groups, Columns: cols, Rows: rows, Footer: 4},
		Notes: append(ar.missingBudgets(), "Montants avant répartition aux copropriétaires. Les produits affectés à une clé viennent en déduction de ses charges ; le solde est réparti entre les copropriétaires par la clôture.")}}
	return a
}
