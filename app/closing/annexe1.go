package closing

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/reports"
)

// Annexe 1, « État financier après répartition » (ANNEXES §2): the
// balance sheet after the distribution, with the owners' balances and the
// loans remaining, which the books do not hold and the user types.

// Annexe1 is the état financier après répartition.
type Annexe1 struct {
	Left, Right   []AnnexLine // Values[0] N-1, Values[1] N
	TotalLeft     [2]ledger.Amount
	TotalRight    [2]ledger.Amount
	Loans         [2]ledger.Amount // emprunts : montant restant dû (off the books)
	LoansLabel    string           // lender and purpose of N's loans, as typed ("" when none)
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

// loansLabelOption holds the lender and purpose of the loans of an
// exercise (« Crédit Foncier, ravalement 2024 »), printed under annexe 1.
func loansLabelOption(year int) string { return fmt.Sprintf("annexe1.emprunts.%d.libelle", year) }

// MaxLoansLabel is the longest lender-and-purpose text, one line of a note.
const MaxLoansLabel = 120

// LoansLabel returns the lender and purpose typed for the loans of the
// exercise starting in year.
func LoansLabel(r *app.Residence, year int) (string, error) {
	var s string
	err := r.View(func(tx *ledger.Tx) (err error) { s, err = tx.Option(loansLabelOption(year), ""); return err })
	return s, err
}

// SetLoansLabel records the lender and purpose of the loans of the
// exercise starting in year ("" clears it).
func SetLoansLabel(r *app.Residence, year int, label string) error {
	return SetLoans(r, year, nil, &label)
}

// SetLoansRemaining records the loans' remaining annuities at the end of
// the exercise starting in year, for annexe 1.
func SetLoansRemaining(r *app.Residence, year int, a ledger.Amount) error {
	return SetLoans(r, year, &a, nil)
}

// SetLoans records, in one transaction, what is given of the loans of the
// exercise starting in year: the amount remaining due at its end, the
// lender and purpose.
func SetLoans(r *app.Residence, year int, remaining *ledger.Amount, label *string) error {
	if remaining != nil && *remaining < 0 {
		return ledger.Errorf(ledger.Invalid, "Le montant restant dû des emprunts ne peut pas être négatif")
	}
	var clean string
	if label != nil {
		clean = strings.Join(strings.Fields(*label), " ")
		for i, c := range []rune(clean) {
			if unicode.IsControl(c) || unicode.Is(unicode.Cf, c) { // typed or pasted from elsewhere: never printed
				return ledger.Errorf(ledger.Invalid, "Le prêteur et l'objet des emprunts contiennent un caractère invisible (U+%04X, position %d) : retapez-les", c, i+1)
			}
		}
		if n := utf8.RuneCountInString(clean); n > MaxLoansLabel {
			return ledger.Errorf(ledger.Invalid, "Le prêteur et l'objet des emprunts tiennent en %d caractères (%d tapés)", MaxLoansLabel, n)
		}
	}
	return r.Update(func(tx *ledger.Tx) error {
		if _, err := tx.ExerciseOfYear(year); err != nil { // a year the books know, not a typing slip
			return err
		}
		if remaining != nil {
			if err := tx.SetOption(loansOption(year), remaining.Plain()); err != nil {
				return err
			}
		}
		if label != nil {
			return tx.SetOption(loansLabelOption(year), clean)
		}
		return nil
	})
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
	if a.LoansLabel, err = ab.tx.Option(loansLabelOption(ab.d.Exercise.Year()), ""); err != nil {
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

// annexe1 prints the two halves side by side, as the model does.
func (ar annexRenderer) annexe1() reports.Annex {
	d, a := ar.d, ar.d.A1
	a1 := reports.Annex{Title: "ÉTAT FINANCIER APRÈS RÉPARTITION AU " + ledger.FrenchDate(d.Exercise.End)}
	prev := "Exercice précédent approuvé"
	if d.Previous.ID != 0 {
		prev += "\n" + d.Previous.Name()
	}
	closed := "Exercice clos\n" + d.Exercise.Name()
	cols := []reports.Column{{Title: "", Width: 12}, {Title: ""}, {Title: prev, Width: 24, Right: true}, {Title: closed, Width: 24, Right: true},
		{Title: "", Width: 12}, {Title: ""}, {Title: prev, Width: 24, Right: true}, {Title: closed, Width: 24, Right: true}}
	half := func(l AnnexLine) ([]string, reports.AnnexStyle) {
		if l.Style == LineHeading {
			return []string{"", l.Label, "", ""}, reports.StyleHeading
		}
		n1 := ""
		if d.Previous.ID != 0 {
			n1 = l.Values[0].Format()
		}
		return []string{l.Code, l.Label, n1, l.Values[1].Format()}, styleOf(l.Style)
	}
	pair := func(left, right []AnnexLine, totals int) []reports.AnnexRow {
		var rows []reports.AnnexRow
		add := func(l, r *AnnexLine) {
			var cells []string
			var styles []reports.AnnexStyle
			for _, side := range []*AnnexLine{l, r} {
				if side == nil {
					cells = append(cells, "", "", "", "")
					styles = append(styles, reports.StyleEmpty, reports.StyleEmpty, reports.StyleEmpty, reports.StyleEmpty)
					continue
				}
				c, st := half(*side)
				cells = append(cells, c...)
				styles = append(styles, st, st, st, st)
			}
			rows = append(rows, reports.AnnexRow{Cells: cells, Styles: styles})
		}
		add(&left[0], &right[0])
		li, ri := left[1:len(left)-totals], right[1:len(right)-totals]
		for i := 0; i < max(len(li), len(ri)); i++ {
			var l, r *AnnexLine
			if i < len(li) {
				l = &li[i]
			}
			if i < len(ri) {
				r = &ri[i]
			}
			add(l, r)
		}
		for i := totals; i > 0; i-- {
			add(&left[len(left)-i], &right[len(right)-i])
		}
		return rows
	}
	cut := func(lines []AnnexLine) ([]AnnexLine, []AnnexLine) {
		for i, l := range lines {
			if l.Style == LineSubtotal {
				return lines[:i+1], lines[i+1:]
			}
		}
		return lines, nil
	}
	l1, l2 := cut(a.Left)
	r1, r2 := cut(a.Right)
	a1.Parts = append(a1.Parts,
		reports.AnnexPart{Heading: "I. SITUATION FINANCIÈRE ET TRÉSORERIE", Table: &reports.AnnexTable{Columns: cols, Rows: pair(l1, r1, 1)}},
		reports.AnnexPart{Heading: "II. ÉTAT DES DETTES ET DES CRÉANCES", Table: &reports.AnnexTable{Columns: cols, Rows: pair(l2, r2, 2), Footer: 3}})
	// The loans' remaining annuities print under the totals, outside them
	// (off the books): one more row of part II, its right half empty.
	loans := []string{"", "Emprunts : montant restant dû (hors comptabilité, hors totaux)", "", a.Loans[1].Format(), "", "", "", ""}
	if d.Previous.ID != 0 {
		loans[2] = a.Loans[0].Format()
	}
	part2 := a1.Parts[1].Table
	part2.Rows = append(part2.Rows, reports.AnnexRow{Cells: loans, Styles: []reports.AnnexStyle{reports.StyleNormal, reports.StyleNormal,
		reports.StyleNormal, reports.StyleNormal, reports.StyleEmpty, reports.StyleEmpty, reports.StyleEmpty, reports.StyleEmpty}})
	a1.Parts[1].Notes = []string{
		"(1) Une somme précédée du signe « - » indique un découvert bancaire (dette du syndicat).",
		"(2) La liste individualisée des copropriétaires (nom et montant) est jointe ci-après.",
	}
	if a.LoansLabel != "" {
		a1.Parts[1].Notes = append(a1.Parts[1].Notes, "Emprunts : "+a.LoansLabel+".")
	}

	owners := []reports.Column{{Title: "Compte", Width: 17}, {Title: "Copropriétaire"},
		{Title: "Solde avant répartition", Width: 34, Right: true}, {Title: "Répartition (régularisation)", Width: 34, Right: true},
		{Title: "Solde après répartition débiteur", Width: 34, Right: true}, {Title: "Solde après répartition créditeur", Width: 34, Right: true}}
	var rows []reports.AnnexRow
	var before, moved ledger.Amount
	for _, o := range a.Owners {
		deb, cred := "", ""
		if o.After > 0 {
			deb = o.After.Format()
		} else if o.After < 0 {
			cred = (-o.After).Format()
		}
		rows = append(rows, reports.AnnexRow{Cells: []string{o.Account, o.Name, o.Before.Format(), o.Distribution.Format(), deb, cred}})
		before += o.Before
		moved += o.Distribution
	}
	rows = append(rows, reports.AnnexRow{Cells: []string{"", fmt.Sprintf("Total (%d copropriétaires)", len(a.Owners)), before.Format(), moved.Format(),
		a.OwnersDebit.Format(), a.OwnersCredit.Format()}, Style: reports.StyleTotal})
	a1.Parts = append(a1.Parts, reports.AnnexPart{NewPage: true,
		Heading: "Liste des soldes des copropriétaires au " + ledger.FrenchDate(d.Exercise.End) + " (jointe à l'annexe n° 1, renvoi 2)",
		Table:   &reports.AnnexTable{Columns: owners, Rows: rows},
		Notes:   []string{"Soldes : débiteur, somme due par le copropriétaire ; créditeur, somme en sa faveur. « Répartition » est la régularisation de l'exercice (quote-part des charges moins provisions appelées) portée à son compte par la clôture."},
	})
	return a1
}
