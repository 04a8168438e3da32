package closing

import (
	"sort"

	"tantieme/app"
	"tantieme/ledger"
)

// The checks of a closing: what blocks it and what deserves a look first,
// which the assistant's first screen lists (Checks).

// checkBooks looks at the balances: suspense accounts, lines without keys,
// key totals.
func (c *closer) checkBooks() error {
	p, ex := c.p, c.p.Exercise
	suspense := map[string]ledger.Amount{}
	for k, a := range c.view {
		if ledger.IsSuspenseAccount(k.account) {
			suspense[k.account] += a
		}
		if k.key != "" {
			continue
		}
		switch role := c.b.role(k.account); {
		case ledger.AccountClass(k.account) == 6:
			p.block("Le compte %s porte %s de charges sans clé de répartition : indiquez la clé de ces lignes.", k.account, a.Abs())
		case role == roleIncome || role == roleExcIncome:
			p.block("Le produit %s (%s) n'est affecté à aucune clé : indiquez la clé de ses lignes, pour savoir entre qui le répartir.",
				k.account, a.Abs())
		case role == roleWorks && ledger.AccountClass(k.account) == 7 && !ledger.IsWorksProvision(k.account) &&
			worksFinishedIn(*c.b.works[k.account[3:]], ex):
			p.block("Le produit %s des travaux %s (%s) n'est affecté à aucune clé : indiquez la clé de ses lignes.", k.account, k.account[3:], a.Abs())
		}
	}
	if p.Next.ID != 0 {
		an, err := c.tx.Entries(ledger.EntryFilter{Journal: ledger.JournalOpening, From: p.Next.Start, To: p.Next.Start})
		if err != nil {
			return err
		}
		if len(an) > 0 {
			p.block("Le journal des à-nouveaux (AN) du %s contient déjà %d écriture(s) (une reprise de balance ?) : la clôture y reporterait les soldes une seconde fois. Supprimez-les avant de clôturer.",
				ledger.FrenchDate(p.Next.Start), len(an))
		}
	}
	for _, acc := range sortedKeys(suspense) {
		if a := suspense[acc]; a != 0 {
			p.block("Le compte d'attente %s n'est pas soldé au %s (%s %s) : imputez ces sommes sur les bons comptes avant de clôturer.",
				acc, ledger.FrenchDate(ex.End), a.Abs(), debitCredit(a))
		}
	}
	return nil
}

func debitCredit(a ledger.Amount) string {
	if a < 0 {
		return "au crédit"
	}
	return "au débit"
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// checkCalls makes sure the year's calls were all posted: the closing gives
// back provisions that were called, not those that should have been.
func (c *closer) checkCalls() error {
	p, ex, tx := c.p, c.p.Exercise, c.tx
	budget, err := tx.Budget(ex.ID)
	if err != nil {
		return err
	}
	live := map[ledger.CallKind][]ledger.Call{}
	for _, call := range c.calls {
		if call.ExerciseID == ex.ID && !call.Cancelled() {
			live[call.Kind] = append(live[call.Kind], call)
		}
	}
	series := func(kind ledger.CallKind, what string) {
		calls := live[kind]
		if len(calls) == 0 {
			p.block("Aucun appel %s n'est passé pour l'exercice %s : générez-les avant de clôturer.", what, ex.Name())
			return
		}
		if n := calls[0].Count; len(calls) < n {
			p.block("Il manque %d appel(s) %s sur %d pour l'exercice %s : générez-les avant de clôturer.", n-len(calls), what, n, ex.Name())
		}
	}
	if len(budget) > 0 {
		series(ledger.BudgetCall, "du budget")
	} else if len(live[ledger.BudgetCall]) == 0 {
		p.warn("L'exercice %s n'a ni budget ni appel de provisions : toutes ses charges seront appelées par la régularisation.", ex.Name())
	}
	if _, ok, err := tx.WorksFund(ex.ID); err != nil {
		return err
	} else if ok {
		series(ledger.FundCall, "du fonds de travaux")
	}
	called := map[string]map[int]bool{}
	for _, call := range live[ledger.WorksCall] {
		if called[call.Works] == nil {
			called[call.Works] = map[int]bool{}
		}
		called[call.Works][call.Number] = true
	}
	for _, w := range c.b.workList {
		for i, d := range w.Schedule {
			if ex.Contains(d) && !called[w.Code][i+1] {
				p.block("Travaux %s : l'appel n° %d, dû le %s, n'est pas passé : générez-le avant de clôturer.", w.Code, i+1, ledger.FrenchDate(d))
			}
		}
		if worksFinishedIn(w, ex) {
			left := 0
			for i, d := range w.Schedule {
				if d.After(ex.End) && !called[w.Code][i+1] {
					left++
				}
			}
			if left > 0 {
				p.warn("Les travaux %s sont terminés mais %d de leurs appels restent prévus après l'exercice %s : la répartition ne porte que sur ce qui a été appelé ; supprimez ces échéances ou passez-les avant de clôturer.",
					w.Code, left, ex.Name())
			}
		}
		switch {
		case !w.Finished && !w.End.IsZero() && !w.End.After(ex.End):
			p.warn("Les travaux %s devaient se terminer le %s mais ne sont pas marqués terminés : ils restent en attente au compte 120%s. Marquez-les terminés pour les répartir.",
				w.Code, ledger.FrenchDate(w.End), w.Code)
		case w.Finished && w.End.After(ex.End):
			p.warn("Les travaux %s sont marqués terminés, mais leur date de fin (%s) suit l'exercice %s : ils seront répartis à la clôture de l'exercice où ils se terminent.",
				w.Code, ledger.FrenchDate(w.End), ex.Name())
		}
	}
	return nil
}

// checkBanks warns about bank accounts not reconciled at the year end.
func (c *closer) checkBanks() error {
	banks, err := c.tx.BankAccounts()
	if err != nil {
		return err
	}
	for _, b := range banks {
		open, err := c.tx.UnreconciledLines(b.Account, c.p.Exercise.End)
		if err != nil {
			return err
		}
		if open > 0 {
			c.p.warn("Le compte %s (%s) n'est pas rapproché au %s : %d opération(s) non pointée(s) sur un relevé. Vérifiez-le avec le relevé de la banque.",
				b.Account, b.Label, ledger.FrenchDate(c.p.Exercise.End), open)
		}
	}
	return nil
}

// checkWorksBooking warns, at closing, of the exercise's works spending off
// its campaigns' accounts: annexe 5 would understate what was paid or done.
func (c *closer) checkWorksBooking() error {
	if len(c.b.workList) == 0 {
		return nil
	}
	ex := c.p.Exercise
	campaign := c.b.campaign
	seen := map[int64]bool{}
	type where struct{ code, charge, supplier string }
	sums := map[where]ledger.Amount{}
	var order []where
	for _, w := range c.b.workList {
		for _, root := range []string{"401", "671", "672", "673"} {
			acc := root + w.Code
			if _, ok := c.b.accounts[acc]; !ok {
				continue
			}
			entries, err := c.tx.Entries(ledger.EntryFilter{From: ex.Start, To: ex.End, Account: acc})
			if err != nil {
				return err
			}
			for _, e := range entries {
				if seen[e.ID] || ledger.IsClosingOrigin(e.Origin) {
					continue
				}
				seen[e.ID] = true
				for _, m := range app.WorksMisbooked(campaign, e.Lines) {
					k := where{m.Code, m.Charge, m.Supplier}
					if _, ok := sums[k]; !ok {
						order = append(order, k)
					}
					sums[k] += m.Amount
				}
			}
		}
	}
	for _, k := range order {
		c.p.warn("%s", app.WorksMisbooking{Code: k.code, Charge: k.charge, Supplier: k.supplier, Amount: sums[k]}.Text())
	}
	return nil
}
