package importing

import (
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// budgetImport reads budget lines (account, key, amount) into the exercise
// starting in Options.Year. A line replaces the one of the same
// account and key; other lines of the budget stay. Rows of the same account
// and key are added up (with a warning).
type budgetImport struct{}

func (budgetImport) identity() []string { return []string{fAccount} }

type budgetData struct {
	rf       *importRefs
	exercise ledger.Exercise
	lines    []ledger.BudgetLine
}

func (budgetImport) plan(tx *ledger.Tx, p *Plan) error {
	if p.opts.Year == 0 {
		return ledger.Errorf(ledger.Invalid, "Indiquez l'exercice du budget (l'année où il commence)")
	}
	ex, err := tx.ExerciseOfYear(p.opts.Year)
	if err != nil {
		return err
	}
	if ex.Closed {
		return ledger.Errorf(ledger.Locked, "L'exercice %s est clos : son budget ne peut plus changer", ex.Name())
	}
	rf, err := loadImportRefs(tx)
	if err != nil {
		return err
	}
	current, err := tx.Budget(ex.ID)
	if err != nil {
		return err
	}
	had := map[[2]string]bool{}
	for _, b := range current {
		had[[2]string{b.Account, b.Key}] = true
	}
	d := &budgetData{rf: rf, exercise: ex}
	seen := map[[2]string]int{} // → index in d.lines
	firstRow := map[[2]string]int{}
	defaulted := 0
	var total ledger.Amount
	p.walk(func(rc *rowCtx) {
		account, okA := rf.account(rc, fAccountLabel)
		if okA {
			if c := ledger.AccountClass(account); c != 6 && c != 7 {
				rc.fail(fAccount, "le budget porte sur des comptes de charges ou de produits (classes 6 et 7), pas sur %s", account)
				okA = false
			}
		}
		key := ""
		okK := false
		if okA {
			key, okK = rf.key(rc, account, &defaulted)
		}
		amount, okM := rc.amount(fAmount)
		if !okA || !okK || !okM {
			return
		}
		if amount == 0 {
			if rc.raw(fAmount).IsEmpty() {
				rc.fail(fAmount, "le montant est obligatoire")
			} else if len(rc.pr.Problems) == 0 {
				rc.pr.Skipped = "montant nul"
			}
			return
		}
		total += amount
		rf.keep()
		k := [2]string{account, key}
		if i, dup := seen[k]; dup {
			rc.warn(fAmount, "le compte %s sur la clé %s figure déjà ligne %d : les montants sont additionnés", account, key, firstRow[k])
			d.lines[i].Amount += amount
			return
		}
		seen[k], firstRow[k] = len(d.lines), rc.row
		d.lines = append(d.lines, ledger.BudgetLine{Account: account, Key: key, Amount: amount})
	})
	replaced := 0
	for _, b := range d.lines {
		if had[[2]string{b.Account, b.Key}] {
			replaced++
		}
	}
	p.checkTotalRow(map[string]ledger.Amount{fAmount: total})
	p.data = d
	p.Report.BudgetLines = len(d.lines)
	p.note("Budget de l'exercice %s : %s, total %s", ex.Name(), fr.Count(len(d.lines), "ligne", "lignes"), total)
	if replaced > 0 {
		p.note("%s du budget existant %s remplacée%s", fr.Count(replaced, "ligne", "lignes"), map[bool]string{true: "est", false: "sont"}[replaced == 1], map[bool]string{true: "", false: "s"}[replaced == 1])
	}
	rf.noteNewAccounts(p)
	rf.keyAliasNote(p)
	if defaulted > 0 {
		p.note("La clé générale %s est attribuée à %s", rf.general, fr.Count(defaulted, "ligne sans clé", "lignes sans clé"))
	}
	if len(d.lines) == 0 && !p.Blocking() {
		p.failSheet("aucune ligne de budget à importer")
	}
	return nil
}

func (budgetImport) apply(tx *ledger.Tx, p *Plan) error {
	d := p.data.(*budgetData)
	if err := d.rf.createAccounts(tx); err != nil {
		return err
	}
	for _, b := range d.lines {
		if err := tx.SetBudgetLine(d.exercise.ID, b); err != nil {
			return err
		}
	}
	return nil
}
