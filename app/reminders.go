package app

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// ReminderOptions say whom to remind and by when.
type ReminderOptions struct {
	At        time.Time     // the balances' date
	Threshold ledger.Amount // owners owing strictly more are reminded
	PayBy     time.Time     // the date the letter asks payment by
	Printed   time.Time     // the letters' date; zero: today
	Accounts  []string      // only these owners (among those above the threshold); nil: all of them
}

// Debtor is an owner whose balance is above the threshold.
type Debtor struct {
	Account string
	Name    string
	Balance ledger.Amount // positive: he owes
}

// ReminderFiles says where the reminders were written.
type ReminderFiles struct {
	Combined string
	Owners   []string
	Debtors  []Debtor
	Total    ledger.Amount
}

// Debtors lists the owners whose balance at day at is above threshold, by
// account (Val Compta's "relances": a selection, nothing is recorded).
func (r *Residence) Debtors(at time.Time, threshold ledger.Amount) ([]Debtor, error) {
	var out []Debtor
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		out, err = debtors(tx, at, threshold)
		return err
	})
	return out, err
}

func debtors(tx *ledger.Tx, at time.Time, threshold ledger.Amount) ([]Debtor, error) {
	if at.IsZero() {
		return nil, ledger.Errorf(ledger.Invalid, "Indiquez la date des soldes des relances")
	}
	if threshold < 0 {
		return nil, ledger.Errorf(ledger.Invalid, "Le seuil des relances ne peut pas être négatif")
	}
	if _, err := tx.ExerciseAt(at); err != nil {
		return nil, err
	}
	bal, err := tx.OwnerBalances(at)
	if err != nil {
		return nil, err
	}
	var out []Debtor
	for acc, b := range bal {
		if b > threshold {
			o, err := tx.Owner(acc)
			if err != nil {
				return nil, err
			}
			out = append(out, Debtor{Account: acc, Name: o.DisplayName(), Balance: b})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Account < out[j].Account })
	return out, nil
}

// WriteReminders writes a reminder to each debtor: one PDF per owner,
// DIR/RELANCE_DU_30_11_2025_450004_NOM.pdf, and all of them in
// DIR/RELANCES_DU_30_11_2025_TOUS.pdf for printing. Nothing is posted:
// each reminder is recorded as a step of the owner's recovery.
func (r *Residence) WriteReminders(dir string, opt ReminderOptions) (ReminderFiles, error) {
	var rf ReminderFiles
	if opt.PayBy.IsZero() || opt.PayBy.Before(opt.At) {
		return rf, ledger.Errorf(ledger.Invalid, "La date limite de paiement des relances doit suivre la date des soldes (%s)", ledger.FrenchDate(opt.At))
	}
	if opt.Printed.IsZero() {
		opt.Printed = ledger.Now()
	}
	opt.Printed = ledger.Date(opt.Printed.Year(), opt.Printed.Month(), opt.Printed.Day())
	var list []reports.Reminder
	var names []string
	var exID int64
	err := r.View(func(tx *ledger.Tx) error {
		all, err := debtors(tx, opt.At, opt.Threshold)
		if err != nil {
			return err
		}
		wanted := map[string]bool{}
		for _, a := range opt.Accounts {
			wanted[a] = true
		}
		for _, d := range all {
			if len(wanted) == 0 || wanted[d.Account] {
				rf.Debtors = append(rf.Debtors, d)
			}
		}
		if len(rf.Debtors) == 0 {
			return ledger.Errorf(ledger.NotFound, "Aucun copropriétaire ne doit plus de %s au %s : aucune relance à écrire", opt.Threshold, ledger.FrenchDate(opt.At))
		}
		ex, err := tx.ExerciseAt(opt.At)
		if err != nil {
			return err
		}
		exID = ex.ID
		kit, err := NewLetterKit(tx, opt.Printed)
		if err != nil {
			return err
		}
		lotOwner, err := tx.OwnersAt(opt.At)
		if err != nil {
			return err
		}
		lots, err := tx.Lots()
		if err != nil {
			return err
		}
		lotsOf := map[string][]string{}
		for _, l := range lots {
			if o, ok := lotOwner[l.Number]; ok {
				lotsOf[o] = append(lotsOf[o], l.Number)
			}
		}
		kindOf, err := CallKinds(tx)
		if err != nil {
			return err
		}
		for _, d := range rf.Debtors {
			o, err := tx.Owner(d.Account)
			if err != nil {
				return err
			}
			names = append(names, o.Name)
			f := kit.Fields(o, lotsOf[d.Account])
			f.Exercise = ex.Name()
			f.Date, f.Balance, f.PayBy, f.Threshold = ledger.FrenchDate(opt.At), d.Balance.String(), ledger.FrenchDate(opt.PayBy), opt.Threshold.String()
			refs := []reports.Ref{{Label: "Copropriétaire", Value: d.Account}}
			if l := lotsOf[d.Account]; len(l) > 0 {
				refs = append(refs, reports.Ref{Label: "Lots", Value: fr.Join(l, "et")})
			}
			refs = append(refs, reports.Ref{Label: "Solde au", Value: ledger.FrenchDate(opt.At)})
			letter, err := kit.Letter(f, o, refs, fmt.Sprintf("%s – relance du %s – %s", kit.res.Name, ledger.FrenchDate(opt.Printed), d.Account))
			if err != nil {
				return err
			}
			body, err := kit.reminder.Execute(f)
			if err != nil {
				return ledger.Errorf(ledger.Invalid, "%s", err.Error())
			}
			m, err := ReadOwnerMoves(tx, d.Account, ex, opt.At, false, kindOf)
			if err != nil {
				return err
			}
			st := m.statement("Relevé de votre compte – exercice "+ex.Name(), opt.At)
			list = append(list, reports.Reminder{Letter: letter, Title: "Relance – solde débiteur de votre compte", Body: body,
				Balance: d.Balance.String(), BalanceAt: "Solde débiteur au " + ledger.FrenchDate(opt.At),
				PayBy: "Montant à régler avant le " + ledger.FrenchDate(opt.PayBy), Bank: kit.BankDetails(d.Account), Statement: st, StatementNotes: m.Notes()})
			rf.Total += d.Balance
		}
		return nil
	})
	if err != nil {
		return ReminderFiles{}, err
	}
	letters, err := reports.Reminders(list, opt.Printed)
	if err != nil {
		return ReminderFiles{}, ledger.Wrap(ledger.Internal, err, "Les relances n'ont pas pu être mises en page")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ReminderFiles{}, ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé", dir)
	}
	stamp := opt.At.Format("02_01_2006")
	rf.Combined = filepath.Join(dir, "RELANCES_DU_"+stamp+"_TOUS.pdf")
	if err := writeFile(rf.Combined, letters.Combined); err != nil {
		return ReminderFiles{}, err
	}
	// Each owner's reminder is registered, never the combined « _TOUS »
	// file: it lists every debtor and must not reach one of them.
	var produced []Produced
	for i, d := range rf.Debtors {
		path := filepath.Join(dir, fmt.Sprintf("RELANCE_DU_%s_%s_%s.pdf", stamp, d.Account, fr.FileName(names[i])))
		if err := writeFile(path, letters.Each[i]); err != nil {
			return ReminderFiles{}, err
		}
		rf.Owners = append(rf.Owners, path)
		produced = append(produced, Produced{Path: path, Kind: "reminder", Date: opt.At, Exercise: exID, Owners: []string{d.Account},
			Title: DocumentTitle("Relance du "+ledger.FrenchDate(opt.At), names[i])})
	}
	if err := r.RegisterWritten(produced...); err != nil {
		return rf, err
	}
	// Each reminder is a step of the owner's recovery (issue 20).
	return rf, r.recordReminders(opt.At, rf.Debtors)
}
