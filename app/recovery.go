package app

import (
	"fmt"
	"sort"
	"time"

	"tantieme/ledger"
)

// The recovery of unpaid charges (issue 20): each owner's file, the steps
// recorded with their dates, and the next step the law allows.

// RecoveryState says where an owner's file stands.
type RecoveryState string

const (
	RecoveryOpen    RecoveryState = "en cours"
	RecoverySettled RecoveryState = "soldé"
)

// RecoveryFile is an owner's recovery: his steps and what he owes.
type RecoveryFile struct {
	Owner    string
	Name     string
	At       time.Time     // the day the balance is taken
	Balance  ledger.Amount // his 450 account, positive: he owes
	Doubtful ledger.Amount // his debt moved to 459
	State    RecoveryState
	Steps    []ledger.RecoveryStep
	Next     NextStep
}

// Owed is all he owes: his account and his doubtful debt.
func (f RecoveryFile) Owed() ledger.Amount { return f.Balance + f.Doubtful }

// NextStepKind says what the next step of a file is.
type NextStepKind string

const (
	NextNone         NextStepKind = ""
	NextNotice       NextStepKind = "notice"       // send a mise en demeure
	NextService      NextStepKind = "service"      // record the mise en demeure's receipt
	NextWait         NextStepKind = "wait"         // the thirty days run
	NextAcceleration NextStepKind = "acceleration" // the provisions may be demanded
	NextDossier      NextStepKind = "dossier"      // the court: injonction de payer
)

// NextStep is the step the file proposes, with its legal reason and the
// day it becomes possible.
type NextStep struct {
	Kind   NextStepKind
	Date   time.Time
	Reason string // French, one or two sentences citing the law
}

// RecoveryFiles lists the owners with a recovery file at day at (their
// steps up to it), by account; at zero: the last entry date.
func (r *Residence) RecoveryFiles(at time.Time) ([]RecoveryFile, error) {
	var out []RecoveryFile
	err := r.View(func(tx *ledger.Tx) error {
		steps, err := tx.RecoverySteps("")
		if err != nil {
			return err
		}
		var owners []string
		for _, s := range steps {
			if len(owners) == 0 || owners[len(owners)-1] != s.Owner {
				owners = append(owners, s.Owner)
			}
		}
		sort.Strings(owners)
		for _, o := range owners {
			f, err := recoveryFile(tx, o, at)
			if err != nil {
				return err
			}
			out = append(out, f)
		}
		return nil
	})
	return out, err
}

// RecoveryFile is one owner's file at day at (zero: the last entry date).
func (r *Residence) RecoveryFile(owner string, at time.Time) (RecoveryFile, error) {
	return read(r, func(tx *ledger.Tx) (RecoveryFile, error) { return recoveryFile(tx, owner, at) })
}

func recoveryDay(tx *ledger.Tx, at time.Time) (time.Time, error) {
	if !at.IsZero() {
		return at, nil
	}
	d, err := tx.LastEntryDate()
	if err != nil {
		return d, err
	}
	if d.IsZero() {
		d = ledger.Today()
	}
	return d, nil
}

func recoveryFile(tx *ledger.Tx, owner string, at time.Time) (RecoveryFile, error) {
	o, err := tx.Owner(owner)
	if err != nil {
		return RecoveryFile{}, err
	}
	if at, err = recoveryDay(tx, at); err != nil {
		return RecoveryFile{}, err
	}
	f := RecoveryFile{Owner: owner, Name: o.DisplayName(), At: at}
	steps, err := tx.RecoverySteps(owner)
	if err != nil {
		return f, err
	}
	for _, s := range steps {
		if !s.Date.After(at) {
			f.Steps = append(f.Steps, s)
		}
	}
	if _, err := tx.ExerciseAt(at); err == nil {
		if f.Balance, err = tx.AccountBalanceAt(owner, at); err != nil {
			return f, err
		}
		doubtful, _ := ledger.DoubtfulAccount(owner)
		if _, err := tx.Account(doubtful); err == nil {
			if f.Doubtful, err = tx.AccountBalanceAt(doubtful, at); err != nil {
				return f, err
			}
		}
	}
	f.State = RecoverySettled
	if f.Owed() > 0 {
		f.State = RecoveryOpen
	}
	f.Next = nextStep(f)
	if f.Next.Kind == NextAcceleration {
		// Art. 19-2 only brings forward provisions still to fall due:
		// once every call of the budget is posted there is nothing to
		// bring forward, and the court is what is left.
		if ex, err := tx.ExerciseAt(f.At); err == nil && !ex.Closed {
			if _, err := planCalls(tx, callRequest{exerciseID: ex.ID, budget: true}); ledger.KindOf(err) == ledger.Conflict {
				f.Next = NextStep{Kind: NextDossier, Date: f.At, Reason: fmt.Sprintf("La mise en demeure est restée sans réponse %d jours, mais tous les appels du budget %s sont passés : rien n'est à exiger par anticipation (loi 1965 art. 19-2). Le dossier d'injonction de payer réunit les pièces que demande le tribunal pour les %s dus.",
					ledger.AccelerationDelay, ex.Name(), f.Owed())}
			}
		}
	}
	return f, nil
}

// nextStep proposes what the law allows next: a mise en demeure once
// reminded, its receipt, the acceleration thirty days after it (loi 1965
// art. 19-2), then the court.
func nextStep(f RecoveryFile) NextStep {
	if f.State == RecoverySettled {
		return NextStep{Reason: "Le compte est soldé : rien n'est à recouvrer."}
	}
	n, ok := ledger.LastNotice(f.Steps, f.At)
	if !ok {
		return NextStep{Kind: NextNotice, Date: f.At, Reason: fmt.Sprintf("%s reste dû au %s : une mise en demeure par lettre recommandée ouvre le délai de %d jours de l'article 19-2 de la loi de 1965, et rend les frais de recouvrement imputables à ce seul copropriétaire (art. 10-1).",
			f.Owed(), ledger.FrenchDate(f.At), ledger.AccelerationDelay)}
	}
	if n.Received.IsZero() {
		return NextStep{Kind: NextService, Date: n.Date, Reason: fmt.Sprintf("La mise en demeure du %s attend son avis de réception : indiquez le jour où elle a été reçue ou présentée, d'où court le délai de %d jours.",
			ledger.FrenchDate(n.Date), ledger.AccelerationDelay)}
	}
	accelerated := false
	for _, s := range f.Steps {
		if s.Kind == ledger.StepAcceleration && !s.Date.Before(n.Date) {
			accelerated = true
		}
	}
	from := n.AccelerationFrom()
	switch {
	case accelerated:
		return NextStep{Kind: NextDossier, Date: f.At, Reason: fmt.Sprintf("Les provisions de l'exercice ont été rendues exigibles et %s reste dû : le dossier d'injonction de payer réunit les pièces que demande le tribunal.", f.Owed())}
	case f.At.Before(from):
		return NextStep{Kind: NextWait, Date: from, Reason: fmt.Sprintf("La mise en demeure du %s court jusqu'au %s : à partir du %s, les provisions restantes de l'exercice pourront être exigées (loi 1965 art. 19-2).",
			ledger.FrenchDate(n.Date), ledger.FrenchDate(from.AddDate(0, 0, -1)), ledger.FrenchDate(from))}
	}
	return NextStep{Kind: NextAcceleration, Date: from, Reason: fmt.Sprintf("La mise en demeure du %s est restée sans réponse %d jours : les provisions restantes de l'exercice peuvent être exigées (loi 1965 art. 19-2).",
		ledger.FrenchDate(n.Date), ledger.AccelerationDelay)}
}

// NoticeUnanswered says whether the owner has a mise en demeure served
// more than days days before day d and still owes at d (the sale of a lot
// asks it with 45 days).
func (r *Residence) NoticeUnanswered(owner string, d time.Time, days int) (bool, error) {
	f, err := r.RecoveryFile(owner, d)
	if err != nil || f.State == RecoverySettled {
		return false, err
	}
	n, ok := ledger.LastNotice(f.Steps, d)
	return ok && n.UnansweredDays(d) > days, nil
}

// recordReminders records a reminder step for each owner reminded on day
// at for the amount he owed (the reminders write it once written).
func (r *Residence) recordReminders(at time.Time, debtors []Debtor) error {
	if r.ReadOnly() || len(debtors) == 0 {
		return nil
	}
	return r.Update(func(tx *ledger.Tx) error {
		for _, d := range debtors {
			// Writing the same day's reminders again records nothing new.
			steps, err := tx.RecoverySteps(d.Account)
			if err != nil {
				return err
			}
			again := false
			for _, s := range steps {
				again = again || (s.Kind == ledger.StepReminder && s.Date.Equal(at))
			}
			if again {
				continue
			}
			s := ledger.RecoveryStep{Owner: d.Account, Kind: ledger.StepReminder, Date: at, Amount: d.Balance, Label: "Relance du " + ledger.FrenchDate(at)}
			if err := tx.AddRecoveryStep(&s); err != nil {
				return err
			}
		}
		return nil
	})
}
