package closing

import (
	"fmt"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// The five annexes of the décret 2005-240 (DOMAIN §7, ANNEXES.md), as data
// with their cross-checks. Annexe 1 is read after the distribution; annexes
// 2, 3 and 4 before it, but after unfinished works were moved to 120
// (ANNEXES §1.5); annexe 5 lists those works. For an exercise not closed
// yet, the closing's preview is added to the books in memory: the annexes
// are then a projection, printed as such, and nothing is written.
//
// Each annexe has its file, annexe1.go to annexe5.go: its figures, how
// they are computed and how they are printed. This file holds what they
// share: the columns, the lines and blocks, the view of the books they are
// read from, and the cross-checks between them.

// Column indexes of annexes 2 and 3 (ANNEXES §1.1).
const (
	ColPrevActual  = iota // Exercice précédent approuvé (N-1)
	ColBudget             // Exercice clos, budget voté (N)
	ColActual             // Exercice clos, réalisé à approuver (N)
	ColNextBudget         // Budget prévisionnel en cours voté (N+1)
	ColNext2Budget        // Budget prévisionnel à voter (N+2)
)

// AnnexValues are the five columns of annexes 2 and 3; annexe 1 uses the
// first two (N-1, N).
type AnnexValues [5]ledger.Amount

func (v *AnnexValues) add(o AnnexValues) {
	for i := range v {
		v[i] += o[i]
	}
}

// LineStyle says how a line of an annexe prints.
type LineStyle int

const (
	LineNormal   LineStyle = iota
	LineHeading            // a group title, no amounts
	LineDetail             // a sub-account under its heading, indented
	LineSubtotal           // bold on a light background
	LineTotal              // bold, framed
)

// AnnexLine is one line of an annexe table.
type AnnexLine struct {
	Code   string // as printed: "601", "6211", "42 à 44"; "" for totals
	Label  string
	Values AnnexValues
	Style  LineStyle
}

// AnnexColumn describes a column of annexes 2 and 3.
type AnnexColumn struct {
	Title    string          // the model's wording
	Exercise ledger.Exercise // its exercise; ID 0 when the residence has none
	Actual   bool            // réalisé, not budget
	// Missing: a budget column whose budget was never entered (no line, or
	// no exercise yet). Its figures would all be zero: the annexes say the
	// budget is missing instead, and no check compares its zeros.
	Missing bool
	Name    string // the exercise's name, or its year when not created yet
}

// AnnexBlock is one part of annexe 2: charges above, income below, each
// with its sub-total, the solde on the side it balances, and the total.
type AnnexBlock struct {
	Charges      []AnnexLine
	Income       []AnnexLine
	ChargesTotal AnnexValues
	IncomeTotal  AnnexValues
	Excess       AnnexValues // income > charges: printed under the charges
	Shortfall    AnnexValues // charges > income: printed under the income
	Total        AnnexValues
	Budgeted     bool // the budget columns apply (part I); part II fills only the actual ones
}

// Solde is income − charges per column (positive: excess).
func (b AnnexBlock) Solde() AnnexValues {
	var out AnnexValues
	for i := range out {
		out[i] = b.IncomeTotal[i] - b.ChargesTotal[i]
	}
	return out
}

func (b *AnnexBlock) settle() {
	b.ChargesTotal, b.IncomeTotal = AnnexValues{}, AnnexValues{}
	for _, l := range b.Charges {
		if l.Style == LineNormal || l.Style == LineDetail {
			b.ChargesTotal.add(l.Values)
		}
	}
	for _, l := range b.Income {
		if l.Style == LineNormal || l.Style == LineDetail {
			b.IncomeTotal.add(l.Values)
		}
	}
	for i := range b.Total {
		s := b.IncomeTotal[i] - b.ChargesTotal[i]
		b.Excess[i], b.Shortfall[i] = 0, 0
		if s > 0 {
			b.Excess[i] = s
		} else {
			b.Shortfall[i] = -s
		}
		b.Total[i] = max(b.ChargesTotal[i], b.IncomeTotal[i])
	}
}

// AnnexCheck is one cross-check of DOMAIN §7 / ANNEXES §7, with both sides.
type AnnexCheck struct {
	Annexe  int // the annexe it is printed under
	Text    string
	Left    ledger.Amount
	Right   ledger.Amount
	Warning bool // a warning, not an equality the model requires
}

// OK says whether the check holds.
func (c AnnexCheck) OK() bool { return c.Left == c.Right }

// AnnexesData is everything the five annexes print.
type AnnexesData struct {
	Residence   ledger.Residence
	Exercise    ledger.Exercise
	Previous    ledger.Exercise // N-1; ID 0 when the residence has none
	Columns     [5]AnnexColumn
	Provisional bool      // N is not closed: the distribution is a projection
	OwnersAt    time.Time // whose owners the distribution goes to
	A1          Annexe1
	A2          Annexe2
	A3          Annexe3
	A4          Annexe4
	A5          Annexe5
	Checks      []AnnexCheck
	// Fingerprint of the books presented (fingerprintText): the seal of a
	// closed exercise, the chain's link at the time of a projet.
	Fingerprint string
}

// Failed lists the cross-checks that do not hold.
func (d *AnnexesData) Failed() []AnnexCheck {
	var out []AnnexCheck
	for _, c := range d.Checks {
		if !c.OK() && !c.Warning {
			out = append(out, c)
		}
	}
	return out
}

// Annexes gathers the five annexes of exercise ex. An exercise not closed
// yet is shown as its closing's preview would leave it (Provisional); its
// closing must then be possible (no blocking problem).
func Annexes(r *app.Residence, ex ledger.Exercise) (*AnnexesData, error) {
	var d *AnnexesData
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		d, err = annexes(tx, ex.ID, Options{})
		return err
	})
	return d, err
}

// annexView is an exercise's balances after the distribution and before
// it, with the distribution's entries.
type annexView struct {
	ex     ledger.Exercise
	after  bookView
	before bookView
	dist   []ledger.Entry
	works  []ledger.Entry // the transfers of unfinished works to 120
}

func loadAnnexView(tx *ledger.Tx, x ledger.Exercise, plan *Plan) (*annexView, error) {
	v := &annexView{ex: x}
	var err error
	if v.after, err = loadView(tx, x.Start, x.End); err != nil {
		return nil, err
	}
	var entries []ledger.Entry
	if plan != nil {
		for _, e := range plan.Entries {
			if !e.Date.After(x.End) {
				v.after.apply(e.Lines, 1)
				entries = append(entries, e)
			}
		}
	} else if x.Closed {
		if entries, err = tx.Entries(ledger.EntryFilter{From: x.End, To: x.End, Origin: ledger.ClosingOrigin(x)}); err != nil {
			return nil, err
		}
	}
	v.before = v.after.clone()
	for _, e := range entries {
		switch {
		case strings.HasPrefix(e.Origin, ledger.DistributionOrigin(x)):
			v.dist = append(v.dist, e)
			v.before.apply(e.Lines, -1)
		case strings.HasPrefix(e.Origin, ledger.ClosingOrigin(x)+"wip:"):
			v.works = append(v.works, e)
		}
	}
	return v, nil
}

type annexBuilder struct {
	tx      *ledger.Tx
	b       *books
	d       *AnnexesData
	n, prev *annexView
	budgets [5][]ledger.BudgetLine // by column (budget columns only)
	plan    *Plan
	record  ledger.ClosingRecord // N's, once closed
}

func annexes(tx *ledger.Tx, exerciseID int64, opt Options) (*AnnexesData, error) {
	exs, err := tx.Exercises()
	if err != nil {
		return nil, err
	}
	d := &AnnexesData{}
	idx := -1
	for i, x := range exs {
		if x.ID == exerciseID {
			idx = i
			d.Exercise = x
		}
	}
	if idx < 0 {
		return nil, ledger.Errorf(ledger.NotFound, "Annexes : l'exercice demandé n'existe pas")
	}
	if d.Fingerprint, err = app.FingerprintText(tx, d.Exercise); err != nil {
		return nil, err
	}
	ex := d.Exercise
	at := func(i int) ledger.Exercise {
		if i >= 0 && i < len(exs) {
			return exs[i]
		}
		return ledger.Exercise{}
	}
	d.Previous = at(idx - 1)
	titles := [5]string{"Exercice précédent approuvé", "Exercice clos budget voté", "Exercice clos réalisé à approuver",
		"Budget prévisionnel en cours voté", "Budget prévisionnel à voter"}
	for i, x := range []ledger.Exercise{d.Previous, ex, ex, at(idx + 1), at(idx + 2)} {
		d.Columns[i] = AnnexColumn{Title: titles[i], Exercise: x, Actual: i == ColPrevActual || i == ColActual, Name: x.Name()}
		if x.ID == 0 {
			d.Columns[i].Name = fmt.Sprint(ex.Year() + [5]int{-1, 0, 0, 1, 2}[i])
		}
	}
	if d.Residence, err = tx.Residence(); err != nil {
		return nil, err
	}
	ab := &annexBuilder{tx: tx, d: d}
	if ab.b, err = loadBooks(tx); err != nil {
		return nil, err
	}
	if !ex.Closed {
		for _, x := range exs[:idx] {
			if !x.Closed {
				return nil, ledger.Errorf(ledger.Invalid, "Annexes de l'exercice %s impossibles : l'exercice %s, qui précède, n'est pas clos", ex.Name(), x.Name())
			}
		}
		p, err := planClosing(tx, ex.ID, opt)
		if err != nil {
			return nil, err
		}
		if err := p.Err(); err != nil {
			return nil, ledger.Wrap(ledger.Invalid, err, "Annexes de l'exercice %s impossibles avant la clôture : %s", ex.Name(), fr.LowerFirst(ledger.Message(err)))
		}
		ab.plan, d.Provisional, d.OwnersAt = p, true, p.OwnersAt
	} else {
		rec, ok, err := tx.ClosingRecordOf(ex.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			d.OwnersAt, ab.record = rec.OwnersAt, rec
		}
	}
	if ab.n, err = loadAnnexView(tx, ex, ab.plan); err != nil {
		return nil, err
	}
	if d.Previous.ID != 0 {
		if ab.prev, err = loadAnnexView(tx, d.Previous, nil); err != nil {
			return nil, err
		}
	}
	for _, i := range []int{ColBudget, ColNextBudget, ColNext2Budget} {
		if x := d.Columns[i].Exercise; x.ID != 0 {
			if ab.budgets[i], err = tx.Budget(x.ID); err != nil {
				return nil, err
			}
		}
		d.Columns[i].Missing = true
		for _, b := range ab.budgets[i] {
			if b.Amount != 0 {
				d.Columns[i].Missing = false
			}
		}
	}
	steps := []func() error{ab.annexe1, ab.annexe2, ab.annexe3, ab.annexe4, ab.annexe5, ab.checks}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// printedCode is an account as the annexes print it: "601000" → "601",
// "621100" → "6211"; campaign accounts keep their code.
func printedCode(code string) string {
	c := strings.TrimRight(code, "0")
	for len(c) < 3 {
		c += "0"
	}
	return c
}

// amountsOf gives the before-distribution amounts of an exercise per
// account (and key), charges as debit − credit and income as credit −
// debit, for the accounts keep selects.
func amountsOf(v bookView, keep func(acctKey) bool) map[acctKey]ledger.Amount {
	out := map[acctKey]ledger.Amount{}
	for k, a := range v {
		if !keep(k) {
			continue
		}
		if ledger.AccountClass(k.account) == 7 {
			a = -a
		}
		out[k] += a
	}
	return out
}

// actualColumns fills, for the accounts keep selects, the actual columns
// (N-1 and N, before the distribution) through add.
func (ab *annexBuilder) actualColumns(keep func(acctKey) bool, add func(k acctKey, col int, a ledger.Amount)) {
	if ab.prev != nil {
		for k, a := range amountsOf(ab.prev.before, keep) {
			add(k, ColPrevActual, a)
		}
	}
	for k, a := range amountsOf(ab.n.before, keep) {
		add(k, ColActual, a)
	}
}

// budgetNet is what a budget calls per key: its charges less its income
// (class 7 but 70x, as the calls count it).
func budgetNet(lines []ledger.BudgetLine) map[string]ledger.Amount {
	out := map[string]ledger.Amount{}
	for _, b := range lines {
		switch {
		case ledger.AccountClass(b.Account) == 6:
			out[b.Key] += b.Amount
		case ledger.AccountClass(b.Account) == 7 && !ledger.IsCalledProvision(b.Account):
			out[b.Key] -= b.Amount
		}
	}
	return out
}

// chargeGroups are the headings of annexe 2's current charges.
var chargeGroups = map[string]string{
	"60": "Achats de matières et fournitures",
	"61": "Services extérieurs",
	"62": "Frais d'administration et honoraires",
	"63": "Impôts et taxes",
	"64": "Frais de personnel",
	"65": "Montant alloué au conseil syndical",
	"66": "Charges financières",
	"68": "Dotations aux dépréciations",
}

// modelRows are the rows the models print even when empty (the skeleton);
// an account used below the same root replaces them.
var (
	modelCharges = []string{"601000", "602000", "603000", "611000", "612000", "613000", "614000", "615000", "616000", "621000", "622000"}
	modelIncome  = []string{"701000", "711000", "713000", "714000", "716000"}
)

func (ab *annexBuilder) label(acc string) string {
	switch acc {
	case "701000":
		return "Provisions copropriétaires"
	}
	if l, ok := ab.b.accounts[acc]; ok {
		return l
	}
	return acc
}

// accountLines turns per-account values into lines in code order, the
// model's skeleton rows added, with group headings for charges.
func (ab *annexBuilder) accountLines(values map[string]AnnexValues, skeleton []string, groups bool) []AnnexLine {
	used := map[string]bool{}
	for acc := range values {
		used[acc[:3]] = true
	}
	for _, s := range skeleton {
		if !used[s[:3]] {
			values[s] = values[s]
		}
	}
	var out []AnnexLine
	lastGroup := ""
	for _, acc := range sortedKeys(values) {
		if g := acc[:2]; groups && g != lastGroup {
			if title, ok := chargeGroups[g]; ok {
				out = append(out, AnnexLine{Code: g, Label: title, Style: LineHeading})
			}
			lastGroup = g
		}
		out = append(out, AnnexLine{Code: printedCode(acc), Label: ab.label(acc), Values: values[acc]})
	}
	return out
}

// checks runs the cross-checks of DOMAIN §7 and ANNEXES §7.
func (ab *annexBuilder) checks() error {
	d := ab.d
	add := func(annexe int, warning bool, left, right ledger.Amount, format string, args ...any) {
		d.Checks = append(d.Checks, AnnexCheck{Annexe: annexe, Text: fmt.Sprintf(format, args...), Left: left, Right: right, Warning: warning})
	}
	a1, a2, a3, a4, a5 := &d.A1, &d.A2, &d.A3, &d.A4, &d.A5
	add(1, false, a1.TotalLeft[1], a1.TotalRight[1], "Annexe 1, exercice clos : total général trésorerie et créances = total général provisions, avances et dettes")
	if ab.prev != nil {
		add(1, false, a1.TotalLeft[0], a1.TotalRight[0], "Annexe 1, exercice précédent : total général trésorerie et créances = total général provisions, avances et dettes")
	}
	var left67 ledger.Amount
	for k, a := range ab.n.after {
		if ledger.AccountClass(k.account) >= 6 {
			left67 += a.Abs()
		}
	}
	add(1, false, left67, 0, "Annexe 1 : comptes de charges et de produits (classes 6 et 7) soldés après répartition")
	add(1, false, a1.OwnersDebit, a1.OwnersRow[1], "Annexe 1 : liste des copropriétaires, soldes débiteurs = ligne 45 des créances")
	add(1, false, a1.OwnersCredit, a1.OwnersRowDebt[1], "Annexe 1 : liste des copropriétaires, soldes créditeurs = ligne 45 des dettes")
	for _, col := range []int{ColPrevActual, ColBudget, ColActual, ColNextBudget, ColNext2Budget} {
		if d.Columns[col].Exercise.ID == 0 || d.Columns[col].Missing {
			// Zeros against zeros prove nothing: a budget not entered is
			// said missing on the annexe, not ticked as checked.
			continue
		}
		add(3, false, a3.ChargesTotal[col], a2.Current.ChargesTotal[col], "Annexe 3 (%s) : total des charges de toutes les clés = annexe 2, charges des opérations courantes",
			columnName(d, col))
	}
	add(3, false, a3.Solde[ColActual], a2.Current.Solde()[ColActual], "Annexe 3 : solde (provisions − charges nettes) = annexe 2, solde des opérations courantes (réalisé %s)", d.Exercise.Name())
	add(4, false, a4.Total.Spent, a2.Works.ChargesTotal[ColActual], "Annexe 4 : total des dépenses réalisées = annexe 2, charges des travaux et opérations exceptionnelles (réalisé %s)", d.Exercise.Name())
	add(4, false, a4.Total.Solde(), a2.Works.Solde()[ColActual], "Annexe 4 : total des soldes = annexe 2, solde des travaux et opérations exceptionnelles (réalisé %s)", d.Exercise.Name())
	add(5, false, a5.Total.Pending(), a1.Pending[1], "Annexe 5 : total de la colonne E (solde en attente) = ligne 12 de l'annexe 1 (exercice clos)")

	var suspense ledger.Amount
	for k, a := range ab.n.after {
		if ledger.IsSuspenseAccount(k.account) {
			suspense += a
		}
	}
	add(1, true, suspense, 0, "Compte d'attente 47 soldé à la clôture (arrêté art. 10)")
	var budget ledger.Amount
	for _, b := range ab.budgets[ColBudget] {
		if ledger.AccountClass(b.Account) == 6 {
			budget += b.Amount
		}
	}
	var advance ledger.Amount
	for k, a := range ab.n.after {
		if ledger.IsTreasuryAdvance(k.account) {
			advance += -a
		}
	}
	if limit := budget / 6; advance > limit {
		add(1, true, advance, limit, "Avance de trésorerie (1031) au plus égale au sixième du budget voté (décret de 1967, art. 35)")
	}
	return nil
}

// columnName names a column of annexes 2 and 3 in messages.
func columnName(d *AnnexesData, col int) string {
	c := d.Columns[col]
	return strings.ToLower(c.Title[:1]) + c.Title[1:] + " " + c.Name
}
