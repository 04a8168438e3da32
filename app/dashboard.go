package app

import (
	"fmt"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// SituationDate is the day at which screens show an exercise's balances:
// today while the exercise runs, its last day once it has ended, and its
// last day too for an exercise still to come (so that the calls already
// posted in it show).
func SituationDate(ex ledger.Exercise, today time.Time) time.Time {
	today = ledger.Date(today.Year(), today.Month(), today.Day())
	if ex.Contains(today) {
		return today
	}
	return ex.End
}

// Dashboard is what the Tableau de bord shows of an exercise at a day.
type Dashboard struct {
	Exercise ledger.Exercise
	At       time.Time
	Banks    []BankBalance
	Owners   int           // owners who had not left at At
	Debtors  int           // owners whose balance is positive: they owe
	Owed     ledger.Amount // what the debtors owe, in total
	Advances ledger.Amount // what owners paid in advance, in total (≥ 0)
	Keys     []ledger.KeyTotal
	Steps    []Step
	// TakeOver names the first exercise of the books when the residence
	// looks taken over without its opening balances: owners exist, and that
	// exercise is open with no opening entry (journal AN); "" otherwise.
	TakeOver string
}

// BankBalance is a bank account with its balance at the dashboard's day.
type BankBalance struct {
	ledger.BankAccount
	Balance ledger.Amount // debit − credit: positive, money in the bank
}

// Mismatched lists the keys whose declared total is not the sum of their
// lots' shares.
func (d Dashboard) Mismatched() []ledger.KeyTotal {
	var out []ledger.KeyTotal
	for _, k := range d.Keys {
		if !k.Matches() {
			out = append(out, k)
		}
	}
	return out
}

// Topic names the part of the program a Step sends the user to; the UI
// links a step to its screen when it has one.
type Topic string

const (
	TopicSettings Topic = "settings" // residence, bank accounts
	TopicOwners   Topic = "owners"
	TopicLots     Topic = "lots"
	TopicKeys     Topic = "keys"
	TopicBudget   Topic = "budget"
	TopicClosing  Topic = "closing"
	// TopicOpening is the import of the opening balances (Fichier ›
	// Importer › Balance), not a screen.
	TopicOpening Topic = "opening"
)

// Step is something the syndic should do next, in one French sentence.
type Step struct {
	Text      string
	Topic     Topic
	Attention bool // the books are wrong until it is done (shown in red)
}

// Dashboard gathers the figures and next steps of exercise ex, at the
// situation date of ex on day today.
func (r *Residence) Dashboard(ex ledger.Exercise, today time.Time) (Dashboard, error) {
	d := Dashboard{Exercise: ex, At: SituationDate(ex, today)}
	err := r.View(func(tx *ledger.Tx) error {
		banks, err := tx.BankAccounts()
		if err != nil {
			return err
		}
		for _, b := range banks {
			bal, err := tx.AccountBalanceAt(b.Account, d.At)
			if err != nil {
				return err
			}
			d.Banks = append(d.Banks, BankBalance{BankAccount: b, Balance: bal})
		}
		owners, err := ReadOwnerSummaries(tx, d.At)
		if err != nil {
			return err
		}
		for _, o := range owners {
			if !o.Left(d.At) {
				d.Owners++
			}
			switch {
			case o.Balance > 0:
				d.Debtors++
				d.Owed += o.Balance
			case o.Balance < 0:
				d.Advances -= o.Balance
			}
		}
		if d.Keys, err = tx.KeyTotals(); err != nil {
			return err
		}
		lots, err := tx.Lots()
		if err != nil {
			return err
		}
		lotOwner, err := tx.OwnersAt(d.At)
		if err != nil {
			return err
		}
		budget, err := tx.Budget(ex.ID)
		if err != nil {
			return err
		}
		if d.TakeOver, err = missingOpening(tx, len(owners)); err != nil {
			return err
		}
		d.Steps = nextSteps(d, len(owners), lots, lotOwner, len(budget) > 0, today)
		return nil
	})
	return d, err
}

// nextSteps lists what remains to do, the things that make the books wrong
// first.
func nextSteps(d Dashboard, owners int, lots []ledger.Lot, lotOwner map[string]string, hasBudget bool, today time.Time) []Step {
	var steps []Step
	add := func(topic Topic, attention bool, format string, args ...any) {
		steps = append(steps, Step{Text: fmt.Sprintf(format, args...), Topic: topic, Attention: attention})
	}
	for _, k := range d.Mismatched() {
		if !k.TotalsMatch() {
			add(TopicKeys, true, "Clé %s « %s » : le total déclaré (%s) n'est pas la somme des tantièmes des lots (%s) ; corrigez le total ou les tantièmes.",
				k.Code, k.Label, fr.Shares(k.DeclaredTotal), fr.Shares(k.SumOfShares))
		}
		if len(k.Unshared) > 0 {
			add(TopicKeys, true, "Clé %s « %s » : %s sans tantièmes ; chaque lot a sa part des parties communes : indiquez-la.",
				k.Code, k.Label, UnsharedLots(k))
		}
	}
	var orphans []string
	for _, l := range lots {
		if _, ok := lotOwner[l.Number]; !ok {
			orphans = append(orphans, l.Number)
		}
	}
	switch n := len(orphans); {
	case n == 1:
		add(TopicLots, true, "Le lot %s n'a pas de propriétaire au %s : indiquez-le, sans quoi les appels de fonds sont impossibles.", orphans[0], ledger.FrenchDate(d.At))
	case n > 1:
		add(TopicLots, true, "%d lots n'ont pas de propriétaire au %s (%s) : indiquez-les, sans quoi les appels de fonds sont impossibles.", n, ledger.FrenchDate(d.At), shortList(orphans, 5))
	}
	if owners == 0 {
		add(TopicOwners, false, "Créez les copropriétaires, ou importez-les depuis un fichier Excel.")
	}
	if len(lots) == 0 {
		add(TopicLots, false, "Créez les lots et indiquez leurs propriétaires et leurs tantièmes.")
	}
	if d.TakeOver != "" {
		add(TopicOpening, false, "Reprise d'une copropriété : saisissez les soldes d'ouverture (Fichier › Importer › Balance), ceux des comptes des copropriétaires, des fournisseurs et de la banque au premier jour de l'exercice %s. Une copropriété toute neuve n'en a pas.", d.TakeOver)
	}
	if len(d.Banks) == 0 {
		add(TopicSettings, false, "Indiquez le compte bancaire de la résidence.")
	}
	if !d.Exercise.Closed && !hasBudget {
		add(TopicBudget, false, "Saisissez le budget prévisionnel de l'exercice %s : il sert aux appels de fonds.", d.Exercise.Name())
	}
	if d.Debtors > 0 {
		who := "copropriétaires sont débiteurs"
		if d.Debtors == 1 {
			who = "copropriétaire est débiteur"
		}
		add(TopicOwners, false, "%d %s (%s au total) : vérifiez les règlements reçus et relancez si besoin.", d.Debtors, who, d.Owed)
	}
	if !d.Exercise.Closed && today.After(d.Exercise.End) {
		add(TopicClosing, false, "L'exercice %s est terminé depuis le %s : clôturez-le après l'approbation des comptes par l'assemblée générale.",
			d.Exercise.Name(), ledger.FrenchDate(d.Exercise.End))
	}
	return steps
}

// missingOpening says whether a residence with owners has no opening
// balances: its first exercise is open and holds no entry of the opening
// journal (AN); it names that exercise then. A residence taken over from another syndic starts with
// the balances of its accounts (the balance import writes them); one that
// truly starts from nothing sees the hint until its first closing.
func missingOpening(tx *ledger.Tx, owners int) (string, error) {
	if owners == 0 {
		return "", nil
	}
	if started, err := tx.Option(optStartedAfresh, ""); err != nil || started == "1" {
		return "", err
	}
	exs, err := tx.Exercises()
	if err != nil || len(exs) == 0 || exs[0].Closed {
		return "", err
	}
	first := exs[0]
	opening, err := tx.Entries(ledger.EntryFilter{Journal: ledger.JournalOpening, From: first.Start, To: first.End})
	if err != nil || len(opening) > 0 {
		return "", err
	}
	return first.Name(), nil
}

// optStartedAfresh records that the books start from nothing (a new
// copropriété, or the demo): no opening balances to ask for.
const optStartedAfresh = "books.started_afresh"

// StartedAfresh says the books start from nothing: the dashboard stops
// asking for opening balances.
func (r *Residence) StartedAfresh() error {
	return r.Update(func(tx *ledger.Tx) error { return tx.SetOption(optStartedAfresh, "1") })
}

func shortList(items []string, max int) string {
	s := ""
	for i, it := range items {
		if i == max {
			return s + "…"
		}
		if i > 0 {
			s += ", "
		}
		s += it
	}
	return s
}
