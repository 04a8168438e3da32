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

// Annexe1 is the état financier après répartition.
type Annexe1 struct {
	Left, Right   []AnnexLine // Values[0] N-1, Values[1] N
	TotalLeft     [2]ledger.Amount
	TotalRight    [2]ledger.Amount
	Loans         [2]ledger.Amount // emprunts : montant restant dû (off the books)
	Owners        []OwnerBalanceLine
	OwnersDebit   ledger.Amount    // Σ debit balances after distribution
	OwnersCredit  ledger.Amount    // Σ credit balances after distribution
	Pending       [2]ledger.Amount // row 12 (credit +)
	OwnersRow     [2]ledger.Amount // row 45 créances, N-1 and N
	OwnersRowDebt [2]ledger.Amount // row 45 dettes
}

// OwnerBalanceLine is one owner in the list attached to annexe 1.
type OwnerBalanceLine struct {
	Account      string
	Name         string
	Before       ledger.Amount // before distribution (debit − credit)
	Distribution ledger.Amount // the closing's régularisation
	After        ledger.Amount
}

// Annexe2 is the compte de gestion général.
type Annexe2 struct {
	Current AnnexBlock // I. opérations courantes
	Works   AnnexBlock // II. travaux de l'article 14-2 et opérations exceptionnelles
}

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

// PendingFigures are the columns of annexe 5 (each with its latest date).
type PendingFigures struct {
	Voted         ledger.Amount // A
	Paid          ledger.Amount // B: debits of the campaign's 401xxx
	PaidDate      time.Time
	Done          ledger.Amount // C: its charges, since the start
	DoneDate      time.Time
	Called        ledger.Amount // D: provisions, loans, subsidies, works fund received
	CalledDate    time.Time
	ToReceive     ledger.Amount // F: subsidies and loans granted, not received (131xxx)
	ToReceiveDate time.Time
}

// Pending is E = D − C, the balance waiting on 120xxx (credit +).
func (f PendingFigures) Pending() ledger.Amount { return f.Called - f.Done }

// Annexe5Key is a campaign's figures on one key (A, C, D, E).
type Annexe5Key struct {
	Key    string
	Label  string
	Voted  ledger.Amount
	Done   ledger.Amount
	Called ledger.Amount
}

// Annexe5Operation is a campaign voted and not finished at the end of N.
type Annexe5Operation struct {
	Code   string
	Label  string
	Type   ledger.WorksType
	AGDate time.Time
	PendingFigures
	Keys []Annexe5Key
}

// Annexe5 lists the works voted and not finished.
type Annexe5 struct {
	Operations []Annexe5Operation
	Total      PendingFigures
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

// Residence option holding the loans' remaining annuities at the end of an
// exercise: they are off the books (arrêté art. 10) but annexe 1 prints
// them.
func loansOption(year int) string { return fmt.Sprintf("annexe1.emprunts.%d", year) }

// LoansRemaining returns the remaining annuities of the syndicat's loans at
// the end of the exercise starting in year (zero when none was entered).
func LoansRemaining(r *app.Residence, year int) (ledger.Amount, error) {
	var a ledger.Amount
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		a, err = loansRemaining(tx, year)
		return err
	})
	return a, err
}

func loansRemaining(tx *ledger.Tx, year int) (ledger.Amount, error) {
	v, err := tx.Option(loansOption(year), "")
	if err != nil || v == "" {
		return 0, err
	}
	return ledger.ParseAmount(v)
}

// SetLoansRemaining records the loans' remaining annuities at the end of
// the exercise starting in year, for annexe 1.
func SetLoansRemaining(r *app.Residence, year int, a ledger.Amount) error {
	if a < 0 {
		return ledger.Errorf(ledger.Invalid, "Le montant restant dû des emprunts ne peut pas être négatif")
	}
	return r.Update(func(tx *ledger.Tx) error { return tx.SetOption(loansOption(year), a.Plain()) })
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

// annexe1 classifies every balance of classes 1, 4 and 5 after the
// distribution, each third-party account by the sign of its own balance
// (no netting, ANNEXES §2.8).
func (ab *annexBuilder) annexe1() error {
	a := &ab.d.A1
	type rowID int
	const (
		rFunds rowID = iota
		rBanks
		rCash
		rOwnersDue
		rDoubtful
		rOtherDebtors4244
		rDebtors46
		rSuspenseDebit
		rAccrualsDebit
		rSuppliersDebit
		r102
		r103
		r1031
		r1032
		r1033
		r105
		r106
		r131
		r12
		rOwnersCredit
		rSuppliers
		rOther4244
		rCreditors46
		rSuspenseCredit
		rAccrualsCredit
		r49
		rCount
	)
	var vals [rCount][2]ledger.Amount
	classify := func(v bookView, col int) {
		perAccount := map[string]ledger.Amount{}
		for k, amt := range v {
			perAccount[k.account] += amt
		}
		for acc, bal := range perAccount {
			if bal == 0 {
				continue
			}
			debit := bal > 0
			pick := func(ifDebit, ifCredit rowID) {
				if debit {
					vals[ifDebit][col] += bal
				} else {
					vals[ifCredit][col] += -bal
				}
			}
			switch ledger.BalanceGroup(acc) {
			case "50":
				vals[rFunds][col] += bal
			case "51":
				vals[rBanks][col] += bal
			case "53":
				vals[rCash][col] += bal
			case "459":
				vals[rDoubtful][col] += bal
			case "45":
				pick(rOwnersDue, rOwnersCredit)
			case "40":
				pick(rSuppliersDebit, rSuppliers)
			case "42-44":
				pick(rOtherDebtors4244, rOther4244)
			case "46", "4":
				pick(rDebtors46, rCreditors46)
			case "47":
				pick(rSuspenseDebit, rSuspenseCredit)
			case "48":
				pick(rAccrualsDebit, rAccrualsCredit)
			case "49":
				vals[r49][col] += -bal
			case "1031":
				vals[r1031][col] += -bal
			case "1032":
				vals[r1032][col] += -bal
			case "1033":
				vals[r1033][col] += -bal
			case "103":
				vals[r103][col] += -bal
			case "102", "1":
				// "1": any other provision or advance account of class 1.
				vals[r102][col] += -bal
			case "105":
				vals[r105][col] += -bal
			case "106":
				vals[r106][col] += -bal
			case "131":
				vals[r131][col] += -bal
			case "12":
				vals[r12][col] += -bal
			}
			// Classes 6 and 7 are zero after the distribution; a balance
			// left there makes the two totals differ, which the check says.
		}
	}
	hasPrev := ab.prev != nil
	if hasPrev {
		classify(ab.prev.after, 0)
	}
	classify(ab.n.after, 1)
	line := func(code, label string, r rowID) AnnexLine {
		return AnnexLine{Code: code, Label: label, Values: AnnexValues{vals[r][0], vals[r][1]}}
	}
	optional := func(l AnnexLine) bool { return l.Values[0] != 0 || l.Values[1] != 0 }
	sum := func(lines []AnnexLine) [2]ledger.Amount {
		var t [2]ledger.Amount
		for _, l := range lines {
			if l.Style == LineNormal || l.Style == LineDetail {
				t[0] += l.Values[0]
				t[1] += l.Values[1]
			}
		}
		return t
	}
	total := func(label string, t [2]ledger.Amount, style LineStyle) AnnexLine {
		return AnnexLine{Label: label, Values: AnnexValues{t[0], t[1]}, Style: style}
	}
	treasury := []AnnexLine{line("50", "Fonds placés", rFunds), line("51", "Banques ou fonds disponibles en banque (1)", rBanks), line("53", "Caisse", rCash)}
	debts := []AnnexLine{line("45", "Copropriétaires – sommes exigibles restant à recevoir (2)", rOwnersDue),
		line("459", "Copropriétaires – créances douteuses (2)", rDoubtful),
		line("42 à 44", "Autres créances", rOtherDebtors4244), line("46", "Débiteurs divers", rDebtors46),
		line("47", "Compte d'attente", rSuspenseDebit), line("48", "Comptes de régularisation", rAccrualsDebit)}
	// 409 has no row in the model; without it the totals could not agree
	// (ANNEXES §2.7): printed only when it holds something.
	if l := line("409", "Fournisseurs débiteurs", rSuppliersDebit); optional(l) {
		debts = append(debts, l)
	}
	provisions := []AnnexLine{line("102", "Provisions pour travaux", r102), line("103", "Avances", r103),
		{Code: "1031", Label: "Avances de trésorerie", Values: AnnexValues{vals[r1031][0], vals[r1031][1]}, Style: LineDetail}}
	if l := (AnnexLine{Code: "1032", Label: "Avances travaux", Values: AnnexValues{vals[r1032][0], vals[r1032][1]}, Style: LineDetail}); optional(l) {
		provisions = append(provisions, l)
	}
	provisions = append(provisions,
		AnnexLine{Code: "1033", Label: "Autres avances", Values: AnnexValues{vals[r1033][0], vals[r1033][1]}, Style: LineDetail},
		line("105", "Fonds de travaux", r105),
		line("106", "Provisions pour travaux (délégation de pouvoirs au conseil syndical)", r106),
		line("131", "Subventions en instance d'affectation", r131),
		line("12", "Solde en attente sur travaux ou opérations exceptionnelles", r12))
	liabilities := []AnnexLine{line("45", "Copropriétaires – excédents versés (2)", rOwnersCredit), line("40", "Fournisseurs", rSuppliers),
		line("42 à 44", "Autres dettes", rOther4244), line("46", "Créditeurs divers", rCreditors46),
		line("47", "Compte d'attente", rSuspenseCredit), line("48", "Comptes de régularisation", rAccrualsCredit),
		line("49", "Dépréciation des comptes de tiers", r49)}

	tI, tII := sum(treasury), sum(debts)
	a.Left = append(a.Left, AnnexLine{Label: "Trésorerie", Style: LineHeading})
	a.Left = append(a.Left, treasury...)
	a.Left = append(a.Left, total("Trésorerie disponible Total I", tI, LineSubtotal))
	a.Left = append(a.Left, AnnexLine{Label: "Créances", Style: LineHeading})
	a.Left = append(a.Left, debts...)
	a.Left = append(a.Left, total("Total II", tII, LineSubtotal))
	a.TotalLeft = [2]ledger.Amount{tI[0] + tII[0], tI[1] + tII[1]}
	a.Left = append(a.Left, total("Total général (I) + (II)", a.TotalLeft, LineTotal))

	pI, pII := sum(provisions), sum(liabilities)
	a.Right = append(a.Right, AnnexLine{Label: "Provisions et avances", Style: LineHeading})
	a.Right = append(a.Right, provisions...)
	a.Right = append(a.Right, total("Total I", pI, LineSubtotal))
	a.Right = append(a.Right, AnnexLine{Label: "Dettes", Style: LineHeading})
	a.Right = append(a.Right, liabilities...)
	a.Right = append(a.Right, total("Total II", pII, LineSubtotal))
	a.TotalRight = [2]ledger.Amount{pI[0] + pII[0], pI[1] + pII[1]}
	a.Right = append(a.Right, total("Total général (I) + (II)", a.TotalRight, LineTotal))
	a.Pending = vals[r12]
	a.OwnersRow = vals[rOwnersDue]
	a.OwnersRowDebt = vals[rOwnersCredit]

	var err error
	if hasPrev {
		if a.Loans[0], err = loansRemaining(ab.tx, ab.d.Previous.Year()); err != nil {
			return err
		}
	}
	if a.Loans[1], err = loansRemaining(ab.tx, ab.d.Exercise.Year()); err != nil {
		return err
	}

	// The list of the owners' balances (footnote 2), before and after the
	// distribution.
	dist := bookView{}
	for _, e := range ab.n.dist {
		dist.apply(e.Lines, 1)
	}
	accounts := map[string]bool{}
	for k := range ab.n.after {
		if ledger.IsOwnerAccount(k.account) {
			accounts[k.account] = true
		}
	}
	for k := range dist {
		if ledger.IsOwnerAccount(k.account) {
			accounts[k.account] = true
		}
	}
	for _, acc := range sortedKeys(accounts) {
		after := ab.n.after.account(acc)
		moved := dist.account(acc)
		l := OwnerBalanceLine{Account: acc, Name: ab.b.ownerName(acc), Before: after - moved, Distribution: moved, After: after}
		if l.Before == 0 && l.Distribution == 0 && l.After == 0 {
			continue
		}
		if after > 0 {
			a.OwnersDebit += after
		} else {
			a.OwnersCredit += -after
		}
		a.Owners = append(a.Owners, l)
	}
	return nil
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

// annexe5 lists the works voted and not finished at the end of N: the
// amounts the closing moved to 120 (cumulated since their start, the
// reversals bringing them back each year), payments to their supplier and
// subsidies to receive.
func (ab *annexBuilder) annexe5() error {
	a := &ab.d.A5
	ex := ab.d.Exercise
	moved := map[string]bookView{}
	for _, e := range ab.n.works {
		code := strings.TrimPrefix(e.Origin, ledger.ClosingOrigin(ex)+"wip:")
		if moved[code] == nil {
			moved[code] = bookView{}
		}
		moved[code].apply(e.Lines, -1) // the transfer credits charges: take them back as debits
	}
	for _, w := range ab.b.workList {
		if worksFinishedIn(w, ex) || (!w.AGDate.IsZero() && w.AGDate.After(ex.End)) {
			continue
		}
		op := Annexe5Operation{Code: w.Code, Label: w.Label, Type: w.Type, AGDate: w.AGDate}
		op.Voted = w.Voted
		keys := map[string]*Annexe5Key{}
		key := func(k string) *Annexe5Key {
			if keys[k] == nil {
				label := ab.b.keyLabel(k)
				if k == "" {
					label = "clé non précisée"
				}
				keys[k] = &Annexe5Key{Key: k, Label: label}
			}
			return keys[k]
		}
		for _, wk := range w.Keys {
			key(wk.Key).Voted += wk.Amount
		}
		for k, amt := range moved[w.Code] {
			switch ledger.AccountClass(k.account) {
			case 6:
				key(k.key).Done += amt
				op.Done += amt
			case 7:
				key(k.key).Called += -amt
				op.Called += -amt
			}
		}
		var err error
		if op.PaidDate, op.Paid, err = ab.movements("401"+w.Code, true); err != nil {
			return err
		}
		if op.ToReceiveDate, _, err = ab.movements("131"+w.Code, false); err != nil {
			return err
		}
		op.ToReceive = -ab.n.after.account("131" + w.Code)
		for _, root := range []string{"6", "7"} {
			last, err := ab.lastDate(w.Code, root)
			if err != nil {
				return err
			}
			if root == "6" {
				op.DoneDate = last
			} else {
				op.CalledDate = last
			}
		}
		for _, code := range sortedKeys(keys) {
			op.Keys = append(op.Keys, *keys[code])
		}
		a.Operations = append(a.Operations, op)
		a.Total.Voted += op.Voted
		a.Total.Paid += op.Paid
		a.Total.Done += op.Done
		a.Total.Called += op.Called
		a.Total.ToReceive += op.ToReceive
	}
	return nil
}

// movements sums an account's debits (or credits) since the start of the
// books up to N's end, leaving out opening balances and closing entries,
// and gives the date of the latest one.
func (ab *annexBuilder) movements(account string, debits bool) (time.Time, ledger.Amount, error) {
	if _, ok := ab.b.accounts[account]; !ok {
		return time.Time{}, 0, nil
	}
	entries, err := ab.tx.Entries(ledger.EntryFilter{To: ab.d.Exercise.End, Account: account})
	if err != nil {
		return time.Time{}, 0, err
	}
	var last time.Time
	var sum ledger.Amount
	for _, e := range entries {
		if e.Journal == ledger.JournalOpening || strings.HasPrefix(e.Origin, "closing") {
			continue
		}
		for _, l := range e.Lines {
			if l.Account != account {
				continue
			}
			a := l.Credit
			if debits {
				a = l.Debit
			}
			if a != 0 {
				sum += a
				last = e.Date
			}
		}
	}
	return last, sum, nil
}

// lastDate is the date of the latest line of a campaign's class-6 or
// class-7 accounts up to N's end, transfers to 120 left out.
func (ab *annexBuilder) lastDate(code, class string) (time.Time, error) {
	var last time.Time
	for acc := range ab.b.accounts {
		if !strings.HasPrefix(acc, class) || ab.b.campaign(acc) != code {
			continue
		}
		d, _, err := ab.movements(acc, class == "6")
		if err != nil {
			return last, err
		}
		if d.After(last) {
			last = d
		}
	}
	return last, nil
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
