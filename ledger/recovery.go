package ledger

import (
	"database/sql"
	"strings"
	"time"
)

// The recovery of unpaid charges, recorded per owner with dates (issue 20):
// reminders, the mise en demeure, the acceleration of loi 1965 art. 19-2,
// the costs of art. 10-1 and the doubtful debts of the closing. The rules
// of the law that bear on dates and accounts are written here once.

// RecoveryKind says what a step of a recovery is.
type RecoveryKind string

const (
	StepReminder     RecoveryKind = "reminder"     // a reminder written
	StepNotice       RecoveryKind = "notice"       // mise en demeure, registered letter
	StepAcceleration RecoveryKind = "acceleration" // art. 19-2: the exercise's provisions owed at once
	StepCost         RecoveryKind = "cost"         // art. 10-1: recovery costs charged to him alone
	StepDoubtful     RecoveryKind = "doubtful"     // debt moved to 459 with a 491 provision
)

// Label is the step's kind in French, as the owner card lists it.
func (k RecoveryKind) Label() string {
	switch k {
	case StepReminder:
		return "Relance"
	case StepNotice:
		return "Mise en demeure"
	case StepAcceleration:
		return "Exigibilité anticipée (art. 19-2)"
	case StepCost:
		return "Frais de recouvrement (art. 10-1)"
	case StepDoubtful:
		return "Créance douteuse"
	}
	return string(k)
}

// AccelerationDelay is the time a mise en demeure must be left unanswered
// before the provisions not yet due become due (loi 1965 art. 19-2: « après
// mise en demeure restée infructueuse passé un délai de trente jours »).
const AccelerationDelay = 30

// RecoveryStep is one step of an owner's recovery.
type RecoveryStep struct {
	ID     int64
	Owner  string
	Kind   RecoveryKind
	Date   time.Time // sent, posted or written
	Amount Amount    // the debt named, or what was posted
	Label  string
	// A mise en demeure's registered letter: its number, the day it was
	// received or first presented, and whether it came back unclaimed.
	LetterNumber string
	Received     time.Time
	Unclaimed    bool
	EntryID      int64 // the entry of an acceleration, a cost, a doubtful debt
}

// Served is the day a mise en demeure counts from: the day it was received
// or, unclaimed, first presented (case law holds an unclaimed registered
// letter served on its first presentation). Zero while unknown.
func (s RecoveryStep) Served() time.Time { return s.Received }

// AccelerationFrom is the first day the acceleration may be asked after
// the mise en demeure s: the day after the thirty days that follow its
// service. Zero while the letter's service is not recorded.
func (s RecoveryStep) AccelerationFrom() time.Time {
	if s.Kind != StepNotice || s.Received.IsZero() {
		return time.Time{}
	}
	return s.Received.AddDate(0, 0, AccelerationDelay+1)
}

// UnansweredDays counts the days since the mise en demeure was served, at
// day d (the sale of a lot asks whether it exceeds 45); -1 while its
// service is not recorded.
func (s RecoveryStep) UnansweredDays(d time.Time) int {
	if s.Kind != StepNotice || s.Received.IsZero() {
		return -1
	}
	return DaysBetween(s.Received, d)
}

// DaysBetween counts the calendar days from a to b (negative when b is
// before a), whatever the clock changes between them.
func DaysBetween(a, b time.Time) int {
	a = Date(a.Year(), a.Month(), a.Day())
	b = Date(b.Year(), b.Month(), b.Day())
	return int(b.Sub(a).Hours()+12) / 24
}

// DoubtfulAccount is the 459 account that holds an owner's doubtful debt:
// 459 and the owner's number (450004 → 459004), so that the debt stays
// his, as the chart allows sub-accounts.
func DoubtfulAccount(owner string) (string, error) {
	if !IsOwnerAccount(owner) {
		return "", Errorf(Invalid, "Le compte %s n'est pas celui d'un copropriétaire", owner)
	}
	return "459" + owner[3:], nil
}

// DoubtfulOwner is the owner whose doubtful debt account is holds
// (459004 → 450004), the inverse of DoubtfulAccount; false for any other
// account.
func DoubtfulOwner(account string) (string, bool) {
	if len(account) != 6 || !strings.HasPrefix(account, "459") {
		return "", false
	}
	owner := "450" + account[3:]
	return owner, IsOwnerAccount(owner)
}

// Accounts of the doubtful debts' provision (arrêté du 14 mars 2005: 491
// « Dépréciation des comptes de copropriétaires », its charge 68).
const (
	DoubtfulProvisionAccount = "491000"
	DoubtfulChargeAccount    = "680000"
)

// RecoveryCostAccount is the expense account a recovery cost is taken from
// when none is chosen: 623 « Rémunérations de tiers intervenants » (the
// commissaire de justice, the lawyer); a registered letter's postage is
// 6213 « Frais postaux ».
const RecoveryCostAccount = "623000"

const recoveryColumns = `id, owner, kind, date, amount, label, letter_number, received_at, unclaimed, coalesce(entry_id, 0)`

func scanRecoveryStep(r interface{ Scan(...any) error }) (RecoveryStep, error) {
	var s RecoveryStep
	var kind, date, received string
	err := r.Scan(&s.ID, &s.Owner, &kind, &date, &s.Amount, &s.Label, &s.LetterNumber, &received, &s.Unclaimed, &s.EntryID)
	s.Kind, s.Date, s.Received = RecoveryKind(kind), parseStored(date), parseStored(received)
	return s, err
}

// AddRecoveryStep records a step; s.ID is set. The entry of an
// acceleration, a cost or a doubtful debt is posted first by the caller,
// in the same transaction.
func (tx *Tx) AddRecoveryStep(s *RecoveryStep) error {
	if err := cleanTexts(textField{&s.Label, "libellé de l'étape du recouvrement", LabelText},
		textField{&s.LetterNumber, "numéro de la lettre recommandée", ShortText}); err != nil {
		return err
	}
	s.Label, s.LetterNumber = strings.TrimSpace(s.Label), strings.TrimSpace(s.LetterNumber)
	if _, err := tx.Owner(s.Owner); err != nil {
		return err
	}
	switch {
	case s.Date.IsZero():
		return Errorf(Invalid, "%s : la date est obligatoire", s.Kind.Label())
	case s.Amount < 0:
		return Errorf(Invalid, "%s : le montant ne peut pas être négatif", s.Kind.Label())
	case s.Kind != StepNotice && (s.LetterNumber != "" || !s.Received.IsZero() || s.Unclaimed):
		return Errorf(Invalid, "%s : seule une mise en demeure a une lettre recommandée", s.Kind.Label())
	case (s.Kind == StepAcceleration || s.Kind == StepCost || s.Kind == StepDoubtful) != (s.EntryID != 0):
		return Errorf(Invalid, "%s : l'écriture de l'étape manque ou n'a pas lieu d'être", s.Kind.Label())
	case !s.Received.IsZero() && s.Received.Before(s.Date):
		return Errorf(Invalid, "La mise en demeure envoyée le %s ne peut pas avoir été reçue le %s", FrenchDate(s.Date), FrenchDate(s.Received))
	case s.Unclaimed && s.Received.IsZero():
		return Errorf(Invalid, "Une lettre non réclamée demande la date de sa première présentation")
	}
	var entry any
	if s.EntryID != 0 {
		entry = s.EntryID
	}
	res, err := tx.exec("enregistrement d'une étape du recouvrement", `INSERT INTO recovery_steps
		(owner, kind, date, amount, label, letter_number, received_at, unclaimed, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.Owner, string(s.Kind), ISO(s.Date), int64(s.Amount), s.Label, s.LetterNumber, ISO(s.Received), s.Unclaimed, entry)
	if err != nil {
		return err
	}
	s.ID, _ = res.LastInsertId()
	return nil
}

// RecordNoticeService records what became of a mise en demeure's
// registered letter: received (or, unclaimed, first presented) on day, and
// its number when given.
func (tx *Tx) RecordNoticeService(id int64, day time.Time, unclaimed bool, number string) error {
	s, err := scanRecoveryStep(tx.queryRow(`SELECT `+recoveryColumns+` FROM recovery_steps WHERE id = ?`, id))
	if err == sql.ErrNoRows || (err == nil && s.Kind != StepNotice) {
		return Errorf(NotFound, "Cette mise en demeure n'existe pas")
	}
	if err != nil {
		return sqlError(err, "lecture du recouvrement")
	}
	if err := cleanTexts(textField{&number, "numéro de la lettre recommandée", ShortText}); err != nil {
		return err
	}
	if number = strings.TrimSpace(number); number == "" {
		number = s.LetterNumber
	}
	switch {
	case day.IsZero():
		return Errorf(Invalid, "Indiquez le jour où la mise en demeure a été reçue ou présentée")
	case day.Before(s.Date):
		return Errorf(Invalid, "La mise en demeure envoyée le %s ne peut pas avoir été reçue le %s", FrenchDate(s.Date), FrenchDate(day))
	}
	_, err = tx.exec("enregistrement de la réception d'une mise en demeure", `UPDATE recovery_steps SET received_at = ?, unclaimed = ?, letter_number = ? WHERE id = ?`,
		ISO(day), unclaimed, number, id)
	return err
}

// RecoverySteps are an owner's steps, oldest first ("" owner: every
// owner's, by owner then date).
func (tx *Tx) RecoverySteps(owner string) ([]RecoveryStep, error) {
	q, args := `SELECT `+recoveryColumns+` FROM recovery_steps ORDER BY owner, date, id`, []any(nil)
	if owner != "" {
		q, args = `SELECT `+recoveryColumns+` FROM recovery_steps WHERE owner = ? ORDER BY date, id`, []any{owner}
	}
	return collect(tx, "lecture du recouvrement", q, args, func(r *sql.Rows) (RecoveryStep, error) { return scanRecoveryStep(r) })
}

// LastNotice is the owner's latest mise en demeure at day d, if any.
func LastNotice(steps []RecoveryStep, d time.Time) (RecoveryStep, bool) {
	var out RecoveryStep
	ok := false
	for _, s := range steps {
		if s.Kind == StepNotice && !s.Date.After(d) {
			out, ok = s, true
		}
	}
	return out, ok
}

// CheckAcceleration says whether the acceleration of art. 19-2 may be asked
// of an owner at day d given his steps: a mise en demeure served, left
// unanswered more than thirty days, and no acceleration since it.
func CheckAcceleration(steps []RecoveryStep, d time.Time) (RecoveryStep, error) {
	n, ok := LastNotice(steps, d)
	if !ok {
		return n, Errorf(Invalid, "Aucune mise en demeure n'a été envoyée : l'exigibilité anticipée de l'article 19-2 en demande une, restée sans réponse %d jours", AccelerationDelay)
	}
	if n.Received.IsZero() {
		return n, Errorf(Invalid, "La mise en demeure du %s n'a pas de date de réception : indiquez le jour où elle a été reçue ou présentée (avis de réception)", FrenchDate(n.Date))
	}
	if from := n.AccelerationFrom(); d.Before(from) {
		return n, Errorf(Invalid, "La mise en demeure du %s a été reçue le %s : le délai de %d jours de l'article 19-2 court jusqu'au %s, l'exigibilité anticipée n'est possible qu'à partir du %s",
			FrenchDate(n.Date), FrenchDate(n.Received), AccelerationDelay, FrenchDate(from.AddDate(0, 0, -1)), FrenchDate(from))
	}
	for _, s := range steps {
		if s.Kind == StepAcceleration && !s.Date.Before(n.Date) {
			return n, Errorf(Conflict, "Les provisions ont déjà été rendues exigibles le %s après la mise en demeure du %s", FrenchDate(s.Date), FrenchDate(n.Date))
		}
	}
	return n, nil
}

// CheckRecoveryCost says whether a recovery cost may be charged to the
// owner at day d: art. 10-1 puts on him alone the costs from the mise en
// demeure on, never those before it (a plain reminder's).
func CheckRecoveryCost(steps []RecoveryStep, d time.Time) error {
	if _, ok := LastNotice(steps, d); !ok {
		for _, s := range steps {
			if s.Kind == StepNotice {
				return Errorf(Invalid, "La mise en demeure est du %s : les frais de recouvrement ne sont à la charge du copropriétaire qu'à partir de cette date (loi 1965 art. 10-1)", FrenchDate(s.Date))
			}
		}
		return Errorf(Invalid, "Aucune mise en demeure n'a été envoyée : les frais de recouvrement ne sont à la charge du seul copropriétaire qu'à partir d'elle (loi 1965 art. 10-1)")
	}
	return nil
}

// Accelerated is what the accelerations of an exercise made due, per
// owner and key: the credits of their entries on the budget's provisions
// (701). The budget's later calls leave these owners out (app's planner).
func (tx *Tx) Accelerated(ex Exercise) (map[string]map[string]Amount, error) {
	type row struct {
		owner, key string
		amount     Amount
	}
	rows, err := collect(tx, "lecture des exigibilités anticipées", `SELECT s.owner, coalesce(l.key, ''), sum(l.credit) - sum(l.debit)
		FROM recovery_steps s JOIN entries e ON e.id = s.entry_id JOIN lines l ON l.entry_id = e.id
		WHERE s.kind = 'acceleration' AND e.date BETWEEN ? AND ? AND l.account GLOB '701*'
		GROUP BY s.owner, coalesce(l.key, '')`, []any{ISO(ex.Start), ISO(ex.End)}, func(r *sql.Rows) (row, error) {
		var x row
		return x, r.Scan(&x.owner, &x.key, &x.amount)
	})
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]Amount{}
	for _, x := range rows {
		if out[x.owner] == nil {
			out[x.owner] = map[string]Amount{}
		}
		out[x.owner][x.key] += x.amount
	}
	return out, nil
}
