package importing

import (
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/sheet"
)

// balanceImport reads a trial balance to take over the books: account,
// label, debit, credit (and, by its header only, a key). All of it becomes
// one entry: in journal AN on the first day of exercise N (opening), or in
// journal OD on the last day of exercise N-1 (closing, "avant
// répartition", to be followed by the closing of N-1). N is the working
// exercise unless Options.Year names another.
type balanceImport struct{}

func (balanceImport) identity() []string { return []string{fAccount, fAccountLabel} }

type balanceData struct {
	rf    *importRefs
	entry *ledger.Entry
}

func (balanceImport) plan(tx *ledger.Tx, p *Plan) error {
	rf, err := loadImportRefs(tx)
	if err != nil {
		return err
	}
	var n ledger.Exercise
	if p.opts.Year != 0 {
		n, err = tx.ExerciseOfYear(p.opts.Year)
	} else {
		n, err = tx.WorkingExercise()
	}
	if err != nil {
		return err
	}
	e := &ledger.Entry{Journal: ledger.JournalOpening, Date: n.Start, Label: p.opts.Label, Origin: "import:" + p.File}
	switch p.opts.At {
	case BalanceOpening, "":
	case BalanceClosing:
		e.Journal, e.Date = ledger.JournalMisc, n.Start.AddDate(0, 0, -1)
		prev, ok := rf.exerciseAt(e.Date)
		if !ok {
			return ledger.Errorf(ledger.Invalid, "Le %s, dernier jour de l'exercice qui précède %s, n'appartient à aucun exercice de la résidence : importez la balance à l'ouverture (à nouveaux) ou choisissez un exercice plus récent", ledger.FrenchDate(e.Date), n.Name())
		}
		if prev.Closed {
			return ledger.Errorf(ledger.Locked, "L'exercice %s est clos : la balance ne peut plus y être importée", prev.Name())
		}
	default:
		return ledger.Errorf(ledger.Invalid, "Position « %s » inconnue pour la balance (opening ou closing)", p.opts.At)
	}
	if at, _ := rf.exerciseAt(e.Date); at.Closed {
		return ledger.Errorf(ledger.Locked, "L'exercice %s est clos : la balance ne peut plus y être importée", at.Name())
	}
	if e.Label == "" {
		e.Label = "Reprise de la balance"
	}
	defaulted := 0
	p.walk(func(rc *rowCtx) {
		account, okA := rf.account(rc, fAccountLabel)
		key := ""
		if okA {
			key, _ = rf.key(rc, account, &defaulted)
		}
		debit, okD := rc.amount(fDebit)
		credit, okC := rc.amount(fCredit)
		if !okD || !okC {
			return
		}
		if debit < 0 {
			rc.warn(fDebit, "solde négatif au débit : il est porté au crédit")
			debit, credit = 0, credit-debit
		}
		if credit < 0 {
			rc.warn(fCredit, "solde négatif au crédit : il est porté au débit")
			debit, credit = debit-credit, 0
		}
		rc.set(fDebit, amountOrBlank(debit))
		rc.set(fCredit, amountOrBlank(credit))
		if debit == 0 && credit == 0 {
			if len(rc.pr.Problems) == 0 {
				rc.pr.Skipped = "solde nul"
			}
			return
		}
		if okA {
			rf.keep()
		}
		// A row with both columns filled (a balance of movements rather than
		// of balances) gives two lines: nothing is netted.
		for _, amt := range []ledger.Line{{Debit: debit}, {Credit: credit}} {
			if amt.Debit != 0 || amt.Credit != 0 {
				e.Lines = append(e.Lines, ledger.Line{Account: account, Key: key, Debit: amt.Debit, Credit: amt.Credit})
			}
		}
	})
	d, c := e.Totals()
	if d != c {
		p.failSheet("la balance n'est pas équilibrée : total des débits %s, total des crédits %s, écart %s", d, c, (d - c).Abs())
	}
	if len(e.Lines) == 0 && !p.Blocking() {
		p.failSheet("aucun solde à importer")
	}
	p.checkTotalRow(map[string]ledger.Amount{fDebit: d, fCredit: c})
	existing, err := tx.Entries(ledger.EntryFilter{Journal: e.Journal, From: e.Date, To: e.Date})
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		p.warnSheet("le journal %s contient déjà %s au %s : la balance s'y ajoute", e.Journal, fr.Count(len(existing), "écriture", "écritures"), ledger.FrenchDate(e.Date))
	}
	p.data = &balanceData{rf: rf, entry: e}
	if len(e.Lines) > 0 {
		p.Report.Entries, p.Report.Lines = 1, len(e.Lines)
	}
	where := "à nouveaux (journal AN) au " + ledger.FrenchDate(e.Date)
	if e.Journal == ledger.JournalMisc {
		where = "journal OD au " + ledger.FrenchDate(e.Date) + ", dernier jour de l'exercice précédent"
	}
	p.note("Balance passée en une écriture « %s » : %s", e.Label, where)
	rf.noteNewAccounts(p)
	rf.keyAliasNote(p)
	if defaulted > 0 {
		p.note("La clé générale %s est attribuée à %s", rf.general, fr.Count(defaulted, "compte de charges ou de produits sans clé", "comptes de charges ou de produits sans clé"))
	}
	return nil
}

// checkTotalRow compares the amounts of a total row at the bottom of the
// sheet with the sums of the rows read: a difference means a row was
// missed or mistyped. It is a warning, the rows being what is imported.
func (p *Plan) checkTotalRow(sums map[string]ledger.Amount) {
	for _, r := range p.totals {
		for _, f := range p.Fields {
			want, ok := sums[f.Name]
			c := p.Mapping[f.Name]
			if !ok || c == 0 {
				continue
			}
			got, empty, msg := sheet.ReadAmount(p.sh.Cell(r, c))
			if empty || msg != "" || got == want {
				continue
			}
			p.add(&Problem{Row: r, Col: c, Field: f.Label, Warning: true,
				Msg: "la ligne de total indique " + got.String() + ", la somme des lignes importées est " + want.String()})
		}
	}
}

func (balanceImport) apply(tx *ledger.Tx, p *Plan) error {
	d := p.data.(*balanceData)
	if err := d.rf.createAccounts(tx); err != nil {
		return err
	}
	return tx.PostEntry(d.entry)
}
