package app

import (
	"fmt"
	"sort"

	"tantieme/ledger"
)

// DoubtfulProposal is an owner under recovery whose debt the closing
// proposes to treat as doubtful: moved from his 450 to his 459 account,
// with a 491 provision of what may not be recovered (arrêté du 14 mars
// 2005: 459 « Copropriétaires – créances douteuses », 491 « Dépréciation
// des comptes de copropriétaires »).
type DoubtfulProposal struct {
	Owner     string
	Name      string
	Balance   ledger.Amount // his debt on the exercise's last day
	Provision ledger.Amount // proposed: the whole debt
	Reason    string
}

// DoubtfulProposals lists, for the closing of ex, the owners with a mise
// en demeure in their recovery file who still owe on the exercise's last
// day and whose debt is not doubtful yet. Nothing is written: the syndic
// accepts each (AcceptDoubtful).
func (r *Residence) DoubtfulProposals(ex ledger.Exercise) ([]DoubtfulProposal, error) {
	return read(r, func(tx *ledger.Tx) ([]DoubtfulProposal, error) { return doubtfulProposals(tx, ex) })
}

func doubtfulProposals(tx *ledger.Tx, ex ledger.Exercise) ([]DoubtfulProposal, error) {
	steps, err := tx.RecoverySteps("")
	if err != nil {
		return nil, err
	}
	notice := map[string]ledger.RecoveryStep{}
	done := map[string]bool{}
	for _, s := range steps {
		switch {
		case s.Date.After(ex.End):
		case s.Kind == ledger.StepNotice:
			notice[s.Owner] = s
		case s.Kind == ledger.StepDoubtful && !s.Date.Before(ex.Start):
			done[s.Owner] = true
		}
	}
	owners := make([]string, 0, len(notice))
	for o := range notice {
		owners = append(owners, o)
	}
	sort.Strings(owners)
	var out []DoubtfulProposal
	for _, o := range owners {
		if done[o] {
			continue
		}
		bal, err := tx.AccountBalanceAt(o, ex.End)
		if err != nil {
			return nil, err
		}
		if bal <= 0 {
			continue
		}
		owner, err := tx.Owner(o)
		if err != nil {
			return nil, err
		}
		n := notice[o]
		out = append(out, DoubtfulProposal{Owner: o, Name: owner.DisplayName(), Balance: bal, Provision: bal,
			Reason: fmt.Sprintf("Mis en demeure le %s, doit encore %s au %s", ledger.FrenchDate(n.Date), bal, ledger.FrenchDate(ex.End))})
	}
	return out, nil
}

// AcceptDoubtful posts, on the last day of ex and in one transaction, an
// owner's debt as doubtful: his 450 balance moved to his 459 account, and
// a provision of provision (at most that debt) charged to 680 on the
// general key against 491. The provision is a charge of every owner, as
// the loss would be; the debt stays his, on 459, until paid or lost.
func (r *Residence) AcceptDoubtful(owner string, ex ledger.Exercise, provision ledger.Amount) (ledger.Entry, error) {
	var e ledger.Entry
	err := r.Update(func(tx *ledger.Tx) error {
		list, err := doubtfulProposals(tx, ex)
		if err != nil {
			return err
		}
		var p *DoubtfulProposal
		for i := range list {
			if list[i].Owner == owner {
				p = &list[i]
			}
		}
		if p == nil {
			return ledger.Errorf(ledger.Invalid, "Le copropriétaire %s n'a pas de dette à passer en créance douteuse à la clôture de %s (une mise en demeure et un solde débiteur au %s sont nécessaires)",
				owner, ex.Name(), ledger.FrenchDate(ex.End))
		}
		if provision < 0 || provision > p.Balance {
			return ledger.Errorf(ledger.Invalid, "La provision pour créance douteuse de %s doit être comprise entre 0 et sa dette, %s", p.Name, p.Balance)
		}
		acc, err := ledger.DoubtfulAccount(owner)
		if err != nil {
			return err
		}
		if _, err := tx.Account(acc); ledger.KindOf(err) == ledger.NotFound {
			if err := tx.AddAccount(ledger.Account{Code: acc, Label: "Créance douteuse – " + p.Name}); err != nil {
				return err
			}
		} else if err != nil {
			return err
		}
		label := "Créance douteuse – " + p.Name
		e = ledger.Entry{Journal: ledger.JournalMisc, Date: ex.End, Label: label, Origin: "recovery:doubtful",
			Lines: []ledger.Line{{Account: acc, Label: label, Debit: p.Balance}, {Account: owner, Label: label, Credit: p.Balance}}}
		if provision > 0 {
			pl := "Provision pour créance douteuse – " + p.Name
			e.Lines = append(e.Lines, ledger.Line{Account: ledger.DoubtfulChargeAccount, Key: ledger.GeneralKey, Label: pl, Debit: provision},
				ledger.Line{Account: ledger.DoubtfulProvisionAccount, Label: pl, Credit: provision})
		}
		if err := tx.PostEntry(&e); err != nil {
			return err
		}
		s := ledger.RecoveryStep{Owner: owner, Kind: ledger.StepDoubtful, Date: ex.End, Amount: p.Balance, EntryID: e.ID,
			Label: fmt.Sprintf("Dette passée en créance douteuse (compte %s), provision de %s", acc, provision)}
		return tx.AddRecoveryStep(&s)
	})
	return e, err
}
