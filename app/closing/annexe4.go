package closing

import (
	"strings"
	"time"

	"tantieme/ledger"
	"tantieme/reports"
)

// Annexe 4, « Compte de gestion pour travaux de l'article 14-2 et
// opérations exceptionnelles hors budget prévisionnel » (ANNEXES §5): the
// works and operations closed in the exercise.

// WorksFigures are the four figures of annexe 4 on one line.
type WorksFigures struct {
	Voted      ledger.Amount
	Spent      ledger.Amount // dépenses réalisées (class 6)
	Provisions ledger.Amount // provisions, loans, subsidies, works fund (class 7)
}

// Solde is Provisions − Spent: excess +, shortfall −.
func (f WorksFigures) Solde() ledger.Amount { return f.Provisions - f.Spent }

func (f *WorksFigures) add(o WorksFigures) {
	f.Voted += o.Voted
	f.Spent += o.Spent
	f.Provisions += o.Provisions
}

// Annexe4Key is an operation's figures on one key.
type Annexe4Key struct {
	Key   string
	Label string
	WorksFigures
}

// Annexe4Operation is a works campaign or exceptional operation closed in N.
type Annexe4Operation struct {
	Code   string // "" for the exceptional operations outside any campaign
	Label  string
	Type   ledger.WorksType
	AGDate time.Time
	Keys   []Annexe4Key
	Total  WorksFigures
}

// Annexe4 lists the operations closed in N.
type Annexe4 struct {
	Works            []Annexe4Operation // travaux de l'article 14-2
	Exceptional      []Annexe4Operation // opérations exceptionnelles
	TotalWorks       WorksFigures
	TotalExceptional WorksFigures
	Total            WorksFigures
}

// annexe4 lists the works and exceptional operations closed in N, per key,
// from N's amounts before the distribution (unfinished works are on 120
// by then).
func (ab *annexBuilder) annexe4() error {
	a := &ab.d.A4
	ops := map[string]*Annexe4Operation{}
	figures := map[string]map[string]*WorksFigures{}
	for k, amt := range amountsOf(ab.n.before, func(k acctKey) bool {
		r := ab.b.role(k.account)
		return r == roleWorks && ledger.AccountClass(k.account) >= 6 || r == roleExcCharge || r == roleExcIncome
	}) {
		code := ab.b.campaign(k.account)
		if ops[code] == nil {
			op := &Annexe4Operation{Code: code, Label: "Opérations exceptionnelles hors campagne de travaux", Type: ledger.ExceptionalOperation}
			if w, ok := ab.b.works[code]; ok {
				op.Label, op.Type, op.AGDate = w.Label, w.Type, w.AGDate
			}
			ops[code] = op
			figures[code] = map[string]*WorksFigures{}
		}
		f := figures[code][k.key]
		if f == nil {
			f = &WorksFigures{}
			figures[code][k.key] = f
		}
		if ledger.AccountClass(k.account) == 6 {
			f.Spent += amt
		} else {
			f.Provisions += amt
		}
	}
	// Campaigns finished in N with nothing left to show still print their
	// vote: they were closed this year.
	for _, s := range ab.sectionsClosed() {
		if _, ok := ops[s]; !ok {
			if w, ok := ab.b.works[s]; ok {
				ops[s] = &Annexe4Operation{Code: s, Label: w.Label, Type: w.Type, AGDate: w.AGDate}
				figures[s] = map[string]*WorksFigures{}
			}
		}
	}
	for _, code := range sortedKeys(ops) {
		op := ops[code]
		if w, ok := ab.b.works[code]; ok {
			for _, wk := range w.Keys {
				f := figures[code][wk.Key]
				if f == nil {
					f = &WorksFigures{}
					figures[code][wk.Key] = f
				}
				f.Voted += wk.Amount
			}
		}
		for _, key := range sortedKeys(figures[code]) {
			f := figures[code][key]
			label := ab.b.keyLabel(key)
			if key == "" {
				label = "clé non précisée"
			}
			op.Keys = append(op.Keys, Annexe4Key{Key: key, Label: label, WorksFigures: *f})
			op.Total.add(*f)
		}
		if op.Type == ledger.Art142Works {
			a.Works = append(a.Works, *op)
			a.TotalWorks.add(op.Total)
		} else {
			a.Exceptional = append(a.Exceptional, *op)
			a.TotalExceptional.add(op.Total)
		}
	}
	a.Total.add(a.TotalWorks)
	a.Total.add(a.TotalExceptional)
	return nil
}

// sectionsClosed lists the campaigns the closing of N distributes: the
// plan's, or the record's once N is closed.
func (ab *annexBuilder) sectionsClosed() []string {
	var out []string
	if ab.plan != nil {
		for _, s := range ab.plan.Sections {
			if s.Works != nil {
				out = append(out, s.Code)
			}
		}
		return out
	}
	seen := map[string]bool{}
	for _, k := range ab.record.Keys {
		seen[k.Section] = true
	}
	for _, p := range ab.record.Parts {
		seen[p.Section] = true
	}
	for _, code := range sortedKeys(seen) {
		if _, ok := ab.b.works[code]; ok {
			out = append(out, code)
		}
	}
	return out
}

func (ar annexRenderer) annexe4() reports.Annex {
	a4 := ar.d.A4
	a := reports.Annex{Title: "COMPTE DE GESTION POUR TRAVAUX DE L'ARTICLE 14-2 ET OPÉRATIONS EXCEPTIONNELLES HORS BUDGET PRÉVISIONNEL DE L'EXERCICE CLOS RÉALISÉ"}
	groups := []reports.AnnexGroup{{Span: 2}, {Title: "Exercice clos", Span: 1}, {Title: "Exercice clos réalisé à approuver " + ar.d.Exercise.Name(), Span: 2}, {Span: 1}}
	cols := []reports.Column{{Title: "Travaux ou opération (1) (2)"}, {Title: "Clé de répartition (3)", Width: 48},
		{Title: "Dépenses votées", Width: 34, Right: true}, {Title: "Dépenses réalisées", Width: 34, Right: true},
		{Title: "Provisions appelées, emprunts et subventions reçus, affectation du fonds de travaux", Width: 46, Right: true},
		{Title: "Solde (excédent + / insuffisance −)", Width: 34, Right: true}}
	figures := func(f WorksFigures) []string {
		return []string{f.Voted.Format(), f.Spent.Format(), f.Provisions.Format(), f.Solde().Format()}
	}
	var rows []reports.AnnexRow
	ops := func(title string, list []Annexe4Operation, total WorksFigures, totalLabel string) {
		rows = append(rows, reports.AnnexRow{Cells: []string{title}, Style: reports.StyleHeading})
		if len(list) == 0 {
			rows = append(rows, reports.AnnexRow{Cells: []string{"Aucune opération close dans l'exercice"}})
		}
		for _, op := range list {
			name := op.Label
			if op.Code != "" {
				name = op.Code + " " + op.Label
			}
			if !op.AGDate.IsZero() {
				name += " (AG du " + ledger.FrenchDate(op.AGDate) + ")"
			}
			for i, k := range op.Keys {
				label := name
				style := reports.StyleNormal
				if i > 0 {
					label, style = "", reports.StyleDetail
				}
				rows = append(rows, reports.AnnexRow{Cells: append([]string{label, strings.TrimSpace(k.Key + " " + k.Label)}, figures(k.WorksFigures)...), Style: style})
			}
			if len(op.Keys) != 1 {
				rows = append(rows, reports.AnnexRow{Cells: append([]string{"Total " + name, ""}, figures(op.Total)...), Style: reports.StyleSubtotal})
			}
		}
		rows = append(rows, reports.AnnexRow{Cells: append([]string{totalLabel, ""}, figures(total)...), Style: reports.StyleSubtotal})
	}
	ops("TRAVAUX DE L'ARTICLE 14-2", a4.Works, a4.TotalWorks, "TOTAL TRAVAUX ARTICLE 14-2")
	ops("OPÉRATIONS EXCEPTIONNELLES", a4.Exceptional, a4.TotalExceptional, "TOTAL OPÉRATIONS EXCEPTIONNELLES")
	rows = append(rows, reports.AnnexRow{Cells: append([]string{"TOTAL TRAVAUX DE L'ART. 14-2 ET OPÉRATIONS EXCEPTIONNELLES", ""}, figures(a4.Total)...), Style: reports.StyleTotal})
	a.Parts = []reports.AnnexPart{{Table: &reports.AnnexTable{Groups: groups, Columns: cols, Rows: rows}, Notes: []string{
		"(1) Détail par poste ou imputation ; les numéros de compte sont facultatifs. (2) Par marché de travaux ou opération exceptionnelle. (3) Sur toutes les clés de répartition concernées.",
		"Dépenses et provisions cumulées depuis le début de l'opération, avant répartition aux copropriétaires ; la répartition du solde figure sur le décompte de chacun.",
	}}}
	return a
}
