package app

import (
	"strings"
	"time"

	"tantieme/ledger"
)

// OneOffRequest is a one-off call as the syndic types it (« appel direct »,
// seed 002): an amount on one key, for an AG decision that is not a works
// campaign, or an advance (fonds de roulement) when Account is a 103.
type OneOffRequest struct {
	Key     string
	Amount  ledger.Amount
	Due     time.Time
	Label   string
	Account string // credited; ledger.IsOneOffCallAccount
}

// PlanOneOffCall previews a one-off or advance call: the amount split
// exactly over the owners of the key on the due date (largest remainder,
// as every call). Nothing is written until PostCalls.
func (r *Residence) PlanOneOffCall(req OneOffRequest) (*CallPlan, error) {
	req.Key = strings.TrimSpace(req.Key)
	req.Account = strings.TrimSpace(req.Account)
	req.Label = strings.TrimSpace(req.Label)
	var p *CallPlan
	err := r.View(func(tx *ledger.Tx) error {
		if req.Due.IsZero() {
			return ledger.Errorf(ledger.Invalid, "Appel ponctuel : la date d'échéance est obligatoire")
		}
		ex, err := tx.ExerciseAt(req.Due)
		if err != nil {
			return ledger.Errorf(ledger.Invalid, "Appel ponctuel : le %s n'appartient à aucun exercice de la résidence", ledger.FrenchDate(req.Due))
		}
		p, err = planCalls(tx, callRequest{exerciseID: ex.ID, oneOff: &req})
		return err
	})
	return p, err
}

// oneOff plans a one-off call: its kind follows the account credited.
func (pl *planner) oneOff(req OneOffRequest) error {
	switch {
	case req.Amount <= 0:
		return ledger.Errorf(ledger.Invalid, "Appel ponctuel : le montant doit être positif")
	case req.Label == "":
		return ledger.Errorf(ledger.Invalid, "Appel ponctuel : le libellé est obligatoire (la décision de l'assemblée générale qu'il applique)")
	case !ledger.IsOneOffCallAccount(req.Account):
		return ledger.Errorf(ledger.Invalid, "Appel ponctuel : le compte %s ne convient pas ; choisissez 701 (provisions sur opérations courantes), 702000, 704000, 102000 ou un compte 103 (avances)", req.Account)
	}
	if _, err := pl.tx.Account(req.Account); err != nil {
		return ledger.Errorf(ledger.NotFound, "Appel ponctuel : le compte %s n'existe pas dans le plan comptable de la résidence", req.Account)
	}
	if _, ok := pl.keys[req.Key]; !ok {
		return ledger.Errorf(ledger.NotFound, "Appel ponctuel : la clé « %s » n'existe pas", req.Key)
	}
	kind := ledger.OneOffCallKind(req.Account)
	n, err := pl.tx.NextOneOffNumber(kind, pl.plan.Exercise.ID)
	if err != nil {
		return err
	}
	c := PlannedCall{Kind: kind, Number: n, Count: n, Due: req.Due, PeriodStart: req.Due, PeriodEnd: req.Due,
		Period: req.Label, Label: req.Label, Account: req.Account}
	if err := pl.allocate(&c, []keyAmount{{req.Key, req.Amount}}); err != nil {
		return err
	}
	pl.add(c)
	return nil
}

// OneOffAccounts lists the accounts of the chart a one-off call may
// credit, advances last: what the form offers.
func (r *Residence) OneOffAccounts(advance bool) ([]ledger.Account, error) {
	all, err := r.Accounts()
	if err != nil {
		return nil, err
	}
	var out []ledger.Account
	for _, a := range all {
		if ledger.IsOneOffCallAccount(a.Code) && ledger.IsAdvance(a.Code) == advance {
			out = append(out, a)
		}
	}
	return out, nil
}

// advanceNote says under an advance call's section what the advance is and
// what the owner has advanced in all with it: the manual's « fonds de
// roulement » shown pro rata on the notices (seed 002), here as posted.
func advanceNote(tx *ledger.Tx, owner string, due time.Time, c noticeCall) (string, error) {
	list, err := tx.AdvanceBalances(owner, due)
	if err != nil {
		return "", err
	}
	var held ledger.Amount
	for _, b := range list {
		if b.Account == c.account {
			held += b.Balance()
		}
	}
	if !c.posted {
		held += c.ownerTotal(owner)
	}
	return "Avance remboursable (compte " + c.account + "), calculée au prorata de vos tantièmes ; elle vous est rendue à la vente de vos lots ou sur décision de l'assemblée générale. Vos avances au syndicat après cet appel : " + held.String() + ".", nil
}
