package closing

import (
	"tantieme/ledger"
	"tantieme/reports"
)

// Annexe 2, « Compte de gestion général de l'exercice clos réalisé et
// budget prévisionnel » (ANNEXES §3): every charge and income in the five
// columns.

// Annexe2 is the compte de gestion général.
type Annexe2 struct {
	Current AnnexBlock // I. opérations courantes
	Works   AnnexBlock // II. travaux de l'article 14-2 et opérations exceptionnelles
}

// annexe2 builds the compte de gestion général: current operations by
// account with the five columns, works and exceptional operations closed
// in N by account root with the actual columns.
func (ab *annexBuilder) annexe2() error {
	a := &ab.d.A2
	charges, income := map[string]AnnexValues{}, map[string]AnnexValues{}
	add := func(m map[string]AnnexValues, acc string, col int, amt ledger.Amount) {
		v := m[acc]
		v[col] += amt
		m[acc] = v
	}
	ab.actualColumns(func(k acctKey) bool {
		r := ab.b.role(k.account)
		return r == roleCharge || r == roleIncome || r == roleProvision
	}, func(k acctKey, col int, amt ledger.Amount) {
		if ledger.AccountClass(k.account) == 6 {
			add(charges, k.account, col, amt)
		} else {
			add(income, k.account, col, amt)
		}
	})
	for _, col := range []int{ColBudget, ColNextBudget, ColNext2Budget} {
		for _, b := range ab.budgets[col] {
			switch {
			case ledger.AccountClass(b.Account) == 6:
				add(charges, b.Account, col, b.Amount)
			case ledger.AccountClass(b.Account) == 7 && !ledger.IsCalledProvision(b.Account):
				add(income, b.Account, col, b.Amount)
			}
		}
		var called ledger.Amount
		for _, n := range budgetNet(ab.budgets[col]) {
			called += n
		}
		if ab.d.Columns[col].Exercise.ID != 0 {
			add(income, "701000", col, called)
		}
	}
	a.Current = AnnexBlock{Charges: ab.accountLines(charges, modelCharges, true), Income: ab.accountLines(income, modelIncome, false), Budgeted: true}
	a.Current.settle()

	// Part II: by account root (671RAV and 671ETU are both 671).
	wc, wi := map[string]AnnexValues{}, map[string]AnnexValues{}
	ab.actualColumns(func(k acctKey) bool {
		r := ab.b.role(k.account)
		return r == roleWorks && ledger.AccountClass(k.account) >= 6 || r == roleExcCharge || r == roleExcIncome
	}, func(k acctKey, col int, amt ledger.Amount) {
		root := k.account[:3] + "000"
		if ledger.AccountClass(k.account) == 6 {
			add(wc, root, col, amt)
		} else {
			add(wi, root, col, amt)
		}
	})
	a.Works = AnnexBlock{Charges: ab.accountLines(wc, nil, false), Income: ab.accountLines(wi, nil, false)}
	a.Works.settle()
	return nil
}

func (ar annexRenderer) annexe2() reports.Annex {
	a := reports.Annex{Title: "COMPTE DE GESTION GÉNÉRAL DE L'EXERCICE CLOS RÉALISÉ ET BUDGET PRÉVISIONNEL"}
	current := ar.block(ar.d.A2.Current, "I", "I. CHARGES POUR OPÉRATIONS COURANTES", "I. PRODUITS POUR OPÉRATIONS COURANTES")
	for i := range current {
		current[i].Notes = ar.missingBudgets()
	}
	a.Parts = append(a.Parts, current...)
	works := ar.block(ar.d.A2.Works, "II", "II. CHARGES POUR TRAVAUX DE L'ARTICLE 14-2 ET OPÉRATIONS EXCEPTIONNELLES",
		"II. PRODUITS POUR TRAVAUX DE L'ARTICLE 14-2 ET OPÉRATIONS EXCEPTIONNELLES")
	works[1].Notes = []string{
		"Partie II : travaux et opérations exceptionnelles clos dans l'exercice (détail à l'annexe n° 4) ; ceux qui ne sont pas terminés sont au compte 12 (annexe n° 5). Votés hors budget, ils n'ont pas de colonnes budgétaires.",
		"Montants avant répartition aux copropriétaires. Le budget voté est appelé au compte 701 : la ligne 701 des colonnes budgétaires en est le total (charges moins produits prévus).",
	}
	a.Parts = append(a.Parts, works...)
	return a
}
