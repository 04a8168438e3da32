package closing

import (
	"strings"
	"time"

	"tantieme/ledger"
	"tantieme/reports"
)

// Annexe 5, « État des travaux de l'article 14-2 et opérations
// exceptionnelles votés non encore clôturés à la fin de l'exercice »
// (ANNEXES §6): the works still running.

// PendingFigures are the columns of annexe 5 (each with its latest date).
type PendingFigures struct {
	Voted         ledger.Amount // A
	Paid          ledger.Amount // B: debits of the campaign's 401xxx
	PaidDate      time.Time
	Done          ledger.Amount // C: its charges, since the start
	DoneDate      time.Time
	Called        ledger.Amount // D: provisions, loans, subsidies, works fund received
	CalledDate    time.Time
	ToReceive     ledger.Amount // F: subsidies and loans granted, not received (131xxx)
	ToReceiveDate time.Time
}

// Pending is E = D − C, the balance waiting on 120xxx (credit +).
func (f PendingFigures) Pending() ledger.Amount { return f.Called - f.Done }

// Annexe5Key is a campaign's figures on one key (A, C, D, E).
type Annexe5Key struct {
	Key    string
	Label  string
	Voted  ledger.Amount
	Done   ledger.Amount
	Called ledger.Amount
}

// Annexe5Operation is a campaign voted and not finished at the end of N.
type Annexe5Operation struct {
	Code   string
	Label  string
	Type   ledger.WorksType
	AGDate time.Time
	PendingFigures
	Keys []Annexe5Key
}

// Annexe5 lists the works voted and not finished.
type Annexe5 struct {
	Operations []Annexe5Operation
	Total      PendingFigures
}

// annexe5 lists the works voted and not finished at the end of N: the
// amounts the closing moved to 120 (cumulated since their start, the
// reversals bringing them back each year), payments to their supplier and
// subsidies to receive.
func (ab *annexBuilder) annexe5() error {
	a := &ab.d.A5
	ex := ab.d.Exercise
	moved := map[string]bookView{}
	for _, e := range ab.n.works {
		code := strings.TrimPrefix(e.Origin, ledger.ClosingOrigin(ex)+"wip:")
		if moved[code] == nil {
			moved[code] = bookView{}
		}
		moved[code].apply(e.Lines, -1) // the transfer credits charges: take them back as debits
	}
	for _, w := range ab.b.workList {
		if worksFinishedIn(w, ex) || (!w.AGDate.IsZero() && w.AGDate.After(ex.End)) {
			continue
		}
		op := Annexe5Operation{Code: w.Code, Label: w.Label, Type: w.Type, AGDate: w.AGDate}
		op.Voted = w.Voted
		keys := map[string]*Annexe5Key{}
		key := func(k string) *Annexe5Key {
			if keys[k] == nil {
				label := ab.b.keyLabel(k)
				if k == "" {
					label = "clé non précisée"
				}
				keys[k] = &Annexe5Key{Key: k, Label: label}
			}
			return keys[k]
		}
		for _, wk := range w.Keys {
			key(wk.Key).Voted += wk.Amount
		}
		for k, amt := range moved[w.Code] {
			switch ledger.AccountClass(k.account) {
			case 6:
				key(k.key).Done += amt
				op.Done += amt
			case 7:
				key(k.key).Called += -amt
				op.Called += -amt
			}
		}
		var err error
		if op.PaidDate, op.Paid, err = ab.movements(ledger.WorksSupplierAccount(w.Code), true); err != nil {
			return err
		}
		if op.ToReceiveDate, _, err = ab.movements(ledger.WorksGrantAccount(w.Code), false); err != nil {
			return err
		}
		op.ToReceive = -ab.n.after.account(ledger.WorksGrantAccount(w.Code))
		for _, class := range []int{6, 7} {
			last, err := ab.lastDate(w.Code, class)
			if err != nil {
				return err
			}
			if class == 6 {
				op.DoneDate = last
			} else {
				op.CalledDate = last
			}
		}
		for _, code := range sortedKeys(keys) {
			op.Keys = append(op.Keys, *keys[code])
		}
		a.Operations = append(a.Operations, op)
		a.Total.Voted += op.Voted
		a.Total.Paid += op.Paid
		a.Total.Done += op.Done
		a.Total.Called += op.Called
		a.Total.ToReceive += op.ToReceive
	}
	return nil
}

// movements sums an account's debits (or credits) since the start of the
// books up to N's end, leaving out opening balances and closing entries,
// and gives the date of the latest one.
func (ab *annexBuilder) movements(account string, debits bool) (time.Time, ledger.Amount, error) {
	if _, ok := ab.b.accounts[account]; !ok {
		return time.Time{}, 0, nil
	}
	entries, err := ab.tx.Entries(ledger.EntryFilter{To: ab.d.Exercise.End, Account: account})
	if err != nil {
		return time.Time{}, 0, err
	}
	var last time.Time
	var sum ledger.Amount
	for _, e := range entries {
		if e.Journal == ledger.JournalOpening || ledger.IsClosingOrigin(e.Origin) {
			continue
		}
		for _, l := range e.Lines {
			if l.Account != account {
				continue
			}
			a := l.Credit
			if debits {
				a = l.Debit
			}
			if a != 0 {
				sum += a
				last = e.Date
			}
		}
	}
	return last, sum, nil
}

// lastDate is the date of the latest line of a campaign's class-6 or
// class-7 accounts up to N's end, transfers to 120 left out.
func (ab *annexBuilder) lastDate(code string, class int) (time.Time, error) {
	var last time.Time
	for acc := range ab.b.accounts {
		if ledger.AccountClass(acc) != class || ab.b.campaign(acc) != code {
			continue
		}
		d, _, err := ab.movements(acc, class == 6)
		if err != nil {
			return last, err
		}
		if d.After(last) {
			last = d
		}
	}
	return last, nil
}

func (ar annexRenderer) annexe5() reports.Annex {
	a5 := ar.d.A5
	a := reports.Annex{Title: "ÉTAT DES TRAVAUX DE L'ARTICLE 14-2 ET OPÉRATIONS EXCEPTIONNELLES VOTÉS NON ENCORE CLÔTURÉS À LA FIN DE L'EXERCICE"}
	groups := []reports.AnnexGroup{{Span: 2}, {Title: "A – Travaux votés", Span: 2}, {Title: "B – Travaux payés", Span: 2},
		{Title: "C – Travaux réalisés", Span: 2}, {Title: "D – Provisions appelées, emprunts et subventions reçus, affectation du fonds de travaux", Span: 2},
		{Title: "E = D − C", Span: 1}, {Title: "F – Subventions et emprunts à recevoir", Span: 2}}
	money := func(t string) reports.Column { return reports.Column{Title: t, Width: 19.5, Right: true} }
	date := reports.Column{Title: "Date", Width: 17, Right: true}
	cols := []reports.Column{{Title: "Travaux ou opération"}, {Title: "Clé", Width: 20}, money("Montant"), date, money("Montant"), date,
		money("Montant"), date, money("Montant"), date, money("Solde en attente sur travaux"), money("Montant"), date}
	d := func(t time.Time) string { return ledger.FrenchDate(t) }
	var rows []reports.AnnexRow
	for _, op := range a5.Operations {
		name := op.Code + " " + op.Label
		rows = append(rows, reports.AnnexRow{Cells: []string{name, "Toutes clés", op.Voted.Format(), d(op.AGDate), op.Paid.Format(), d(op.PaidDate),
			op.Done.Format(), d(op.DoneDate), op.Called.Format(), d(op.CalledDate), op.Pending().Format(), op.ToReceive.Format(), d(op.ToReceiveDate)},
			Style: reports.StyleSubtotal})
		for _, k := range op.Keys {
			rows = append(rows, reports.AnnexRow{Cells: []string{"", strings.TrimSpace(k.Key + " " + k.Label), k.Voted.Format(), "", "", "",
				k.Done.Format(), "", k.Called.Format(), "", (k.Called - k.Done).Format(), "", ""}, Style: reports.StyleDetail})
		}
	}
	if len(a5.Operations) == 0 {
		rows = append(rows, reports.AnnexRow{Cells: []string{"Aucun travaux voté en attente à la fin de l'exercice"}})
	}
	t := a5.Total
	rows = append(rows, reports.AnnexRow{Cells: []string{"TOTAL", "", t.Voted.Format(), "", t.Paid.Format(), "", t.Done.Format(), "",
		t.Called.Format(), "", t.Pending().Format(), t.ToReceive.Format(), ""}, Style: reports.StyleTotal})
	a.Parts = []reports.AnnexPart{{Table: &reports.AnnexTable{Groups: groups, Columns: cols, Rows: rows}, Notes: []string{
		"Détail par marché de travaux ou opération exceptionnelle et par clé de répartition ; montants cumulés depuis le début de l'opération, dates des dernières opérations.",
		"B : règlements au fournisseur de l'opération (débits de son compte 401) ; C : factures (comptes 67) ; D : crédits des comptes de produits de l'opération ; F : subventions et emprunts notifiés non reçus (compte 131).",
		"E : ce solde correspond au solde du compte 12 dans l'annexe n° 1.",
	}}}
	return a
}
