package app

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"tantieme/ledger"
)

// Acceleration is what art. 19-2 makes due at once: the owner's parts of
// the budget's calls of the exercise not yet posted, per key.
type Acceleration struct {
	Owner    string
	Name     string
	Date     time.Time
	Exercise ledger.Exercise
	Notice   ledger.RecoveryStep
	Keys     []KeyPart // by key
	Total    ledger.Amount
}

// KeyPart is an amount on a key.
type KeyPart struct {
	Key    string
	Label  string
	Amount ledger.Amount
}

// PlanAcceleration previews the acceleration of loi 1965 art. 19-2 for
// owner at day d: refused before a mise en demeure served and left
// unanswered thirty days, or when nothing remains to call. Nothing is
// written.
func (r *Residence) PlanAcceleration(owner string, d time.Time) (Acceleration, error) {
	return read(r, func(tx *ledger.Tx) (Acceleration, error) { return planAcceleration(tx, owner, d) })
}

func planAcceleration(tx *ledger.Tx, owner string, d time.Time) (Acceleration, error) {
	a := Acceleration{Owner: owner, Date: d}
	o, err := tx.Owner(owner)
	if err != nil {
		return a, err
	}
	a.Name = o.DisplayName()
	if d.IsZero() {
		return a, ledger.Errorf(ledger.Invalid, "Indiquez la date de l'exigibilité anticipée")
	}
	steps, err := tx.RecoverySteps(owner)
	if err != nil {
		return a, err
	}
	if a.Notice, err = ledger.CheckAcceleration(steps, d); err != nil {
		return a, err
	}
	if a.Exercise, err = tx.ExerciseAt(d); err != nil {
		return a, err
	}
	if a.Exercise.Closed {
		return a, ledger.Errorf(ledger.Locked, "L'exercice %s est clos : aucune provision ne peut y être exigée", a.Exercise.Name())
	}
	bal, err := tx.AccountBalanceAt(owner, d)
	if err != nil {
		return a, err
	}
	if bal <= 0 {
		return a, ledger.Errorf(ledger.Invalid, "%s ne doit rien au %s : la mise en demeure du %s a été suivie d'effet, l'article 19-2 ne s'applique pas",
			a.Name, ledger.FrenchDate(d), ledger.FrenchDate(a.Notice.Date))
	}
	// The provisions not yet due are the owner's parts of the budget's
	// calls still to post, computed as the calls themselves will be (the
	// works fund's are left to their calls: 19-2 names the budget's
	// provisions of art. 14-1).
	plan, err := planCalls(tx, callRequest{exerciseID: a.Exercise.ID, budget: true})
	if ledger.KindOf(err) == ledger.Conflict {
		return a, ledger.Errorf(ledger.Invalid, "Tous les appels du budget %s sont déjà passés : aucune provision de l'exercice ne reste à échoir", a.Exercise.Name())
	}
	if err != nil {
		return a, err
	}
	if plan.Blocked() {
		return a, plan.Err()
	}
	per := map[string]ledger.Amount{}
	labels := map[string]string{}
	for _, c := range plan.Calls {
		if c.Kind != ledger.BudgetCall {
			continue
		}
		for _, k := range c.Keys {
			labels[k.Key] = k.Label
		}
		for _, po := range c.Owners {
			if po.Account != owner {
				continue
			}
			for _, p := range po.Parts {
				per[p.Key] += p.Amount
			}
		}
	}
	for k, amt := range per {
		if amt != 0 {
			a.Keys = append(a.Keys, KeyPart{Key: k, Label: labels[k], Amount: amt})
			a.Total += amt
		}
	}
	sort.Slice(a.Keys, func(i, j int) bool { return a.Keys[i].Key < a.Keys[j].Key })
	if a.Total <= 0 {
		return a, ledger.Errorf(ledger.Invalid, "Aucune provision du budget %s ne reste à échoir pour %s après le %s", a.Exercise.Name(), a.Name, ledger.FrenchDate(d))
	}
	return a, nil
}

// Accelerate posts the acceleration previewed for owner at day d, in one
// transaction with its step: his parts of the budget's calls to come are
// debited to his account now, credited to 701 per key; the calls that
// follow leave him out.
func (r *Residence) Accelerate(owner string, d time.Time) (Acceleration, error) {
	var a Acceleration
	err := r.Update(func(tx *ledger.Tx) error {
		var err error
		if a, err = planAcceleration(tx, owner, d); err != nil {
			return err
		}
		piece, err := tx.NextPiece(ledger.CallPiecePrefix(a.Exercise))
		if err != nil {
			return err
		}
		label := "Exigibilité anticipée (loi 1965 art. 19-2) – provisions " + a.Exercise.Name()
		e := ledger.Entry{Journal: ledger.JournalMisc, Date: d, Piece: piece, Label: label, Origin: "recovery:acceleration"}
		e.Lines = append(e.Lines, ledger.Line{Account: owner, Label: label, Debit: a.Total})
		for _, k := range a.Keys {
			e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: budgetProvisionAccount, Key: k.Key, Label: "Clé " + k.Key + " " + k.Label + " – " + a.Name}, -k.Amount))
		}
		if err := tx.PostEntry(&e); err != nil {
			return err
		}
		s := ledger.RecoveryStep{Owner: owner, Kind: ledger.StepAcceleration, Date: d, Amount: a.Total, EntryID: e.ID,
			Label: fmt.Sprintf("Provisions restantes de l'exercice %s exigées après la mise en demeure du %s", a.Exercise.Name(), ledger.FrenchDate(a.Notice.Date))}
		return tx.AddRecoveryStep(&s)
	})
	return a, err
}

// budgetProvisionAccount is where the budget's calls credit the provisions
// (701), as the planner writes them.
const budgetProvisionAccount = "701000"

// RecoveryCost is a cost of recovery to charge to one owner.
type RecoveryCost struct {
	Owner   string
	Date    time.Time
	Amount  ledger.Amount
	Label   string
	Account string // the expense account it was paid from; "" for ledger.RecoveryCostAccount
	Key     string // that expense's key; "" for the general key
}

// ChargeRecoveryCost charges a recovery cost to the defaulting owner alone
// (loi 1965 art. 10-1: the costs from the mise en demeure on): the expense
// the syndicat paid is taken off its account (credited, on its key) and
// debited to the owner's, so the other owners bear nothing of it. One
// transaction with the step.
func (r *Residence) ChargeRecoveryCost(c RecoveryCost) (ledger.Entry, error) {
	var e ledger.Entry
	if c.Account == "" {
		c.Account = ledger.RecoveryCostAccount
	}
	if c.Key == "" {
		c.Key = ledger.GeneralKey
	}
	c.Label = strings.TrimSpace(c.Label)
	err := r.Update(func(tx *ledger.Tx) error {
		o, err := tx.Owner(c.Owner)
		if err != nil {
			return err
		}
		switch {
		case c.Date.IsZero():
			return ledger.Errorf(ledger.Invalid, "Indiquez la date des frais de recouvrement")
		case c.Amount <= 0:
			return ledger.Errorf(ledger.Invalid, "Le montant des frais de recouvrement doit être positif")
		case c.Label == "":
			return ledger.Errorf(ledger.Invalid, "Indiquez ce que sont ces frais (« Lettre recommandée du … », « Commissaire de justice »)")
		case ledger.AccountClass(c.Account) != 6:
			return ledger.Errorf(ledger.Invalid, "Les frais de recouvrement se reprennent sur le compte de charges où ils ont été payés (classe 6), pas sur le compte %s", c.Account)
		}
		steps, err := tx.RecoverySteps(c.Owner)
		if err != nil {
			return err
		}
		if err := ledger.CheckRecoveryCost(steps, c.Date); err != nil {
			return err
		}
		label := "Frais de recouvrement (art. 10-1) – " + c.Label
		e = ledger.Entry{Journal: ledger.JournalMisc, Date: c.Date, Label: label, Origin: "recovery:cost",
			Lines: []ledger.Line{{Account: c.Owner, Label: label, Debit: c.Amount}, {Account: c.Account, Key: c.Key, Label: label + " – " + o.DisplayName(), Credit: c.Amount}}}
		if err := tx.PostEntry(&e); err != nil {
			return err
		}
		s := ledger.RecoveryStep{Owner: c.Owner, Kind: ledger.StepCost, Date: c.Date, Amount: c.Amount, Label: c.Label, EntryID: e.ID}
		return tx.AddRecoveryStep(&s)
	})
	return e, err
}
