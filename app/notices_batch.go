package app

import (
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// batchState carries each owner's balance from one letter of a batch to
// the next, in due-date order. The letters of a batch are printed and sent
// together: were each to repeat the balance before it, an owner paying
// every letter would pay the earlier calls again (issue 13, item 1). So his
// previous balance is printed on his first letter only, and a later letter
// brings in only the credit the previous one left.
type batchState struct {
	dates []time.Time
	first map[string]time.Time     // due date of the owner's first letter
	last  map[string]time.Time     // due date of his latest letter
	left  map[string]ledger.Amount // what his latest letter left to pay (< 0: a credit)
	// carrier names the notice that printed his previous balance.
	carrier map[string]string
	// days are the pieces of the live calls of a day, for the statements.
	days map[time.Time]map[string]bool
}

func newBatchState(dates []time.Time) *batchState {
	return &batchState{dates: dates, first: map[string]time.Time{}, last: map[string]time.Time{}, left: map[string]ledger.Amount{}, carrier: map[string]string{},
		days: map[time.Time]map[string]bool{}}
}

// previousBalance is what a letter prints before its amount to pay.
type previousBalance struct {
	amount ledger.Amount // brought into the letter
	due    ledger.Amount // amount plus the letter's calls
	shown  bool          // printed as a line of the amount box
	label  string
	note   string // says what the previous balance covers
}

// previous is the previous balance of owner account's letter of day due,
// which calls total; balance is his account on that day but the calls of
// that day. other names a call of that day outside the batch, "" for none:
// its notice, printed with its own batch, asked that balance already.
func (s *batchState) previous(account string, due time.Time, balance, total ledger.Amount, other string) previousBalance {
	var p previousBalance
	const own = " : il n'est pas compté à nouveau. Cet avis n'appelle que ses propres montants."
	if _, ok := s.first[account]; !ok && other != "" {
		s.first[account] = due
		s.carrier[account] = "l'avis de l'appel du " + ledger.FrenchDate(due) + " (« " + other + " »)"
		p.note = "Votre solde antérieur au " + ledger.FrenchDate(due) + " figure sur " + s.carrier[account] + own
	} else if !ok {
		s.first[account] = due
		s.carrier[account] = "l'avis du " + ledger.FrenchDate(due) + " envoyé avec celui-ci"
		p = previousBalance{amount: balance, shown: true, label: "Solde antérieur" + previousSide(balance)}
		p.note = "Solde antérieur : solde de votre compte au " + ledger.FrenchDate(due)
		later := s.datesAfter(due)
		switch {
		case len(s.dates) == 1:
			p.note += ", avant cet appel."
		case len(later) == 0:
			p.note += ", avant les appels de ce lot."
		default:
			p.note += ", avant les appels de ce lot ; il n'est compté que sur cet avis, pas sur " +
				oneOrMany(len(later), "l'avis", "les avis") + " du " + fr.Join(later, "et") + " envoyé" + oneOrMany(len(later), "", "s") + " avec lui."
		}
	} else {
		left, last := s.left[account], ledger.FrenchDate(s.last[account])
		if left < 0 {
			p = previousBalance{amount: left, shown: true, label: "Crédit restant après l'avis du " + last}
			p.note = "Le crédit que vous laisse l'avis du " + last + " (même lot) vient en déduction."
		} else {
			p.note = "Votre solde antérieur figure sur " + s.carrier[account] + own
		}
	}
	p.due = p.amount + total
	s.left[account], s.last[account] = p.due, due
	return p
}

// datesAfter lists the batch's due dates after d, formatted.
func (s *batchState) datesAfter(d time.Time) []string {
	var out []string
	for _, x := range s.dates {
		if x.After(d) {
			out = append(out, ledger.FrenchDate(x))
		}
	}
	return out
}

func previousSide(a ledger.Amount) string {
	switch {
	case a > 0:
		return " (restant dû)"
	case a < 0:
		return " (en votre faveur)"
	}
	return ""
}

func oneOrMany(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// pieces lists the pieces of the live calls due on day d, whatever their
// batch.
func (s *batchState) pieces(tx *ledger.Tx, d time.Time) (map[string]bool, error) {
	if p, ok := s.days[d]; ok {
		return p, nil
	}
	calls, err := tx.Calls(ledger.CallFilter{Due: d, Live: true})
	if err != nil {
		return nil, err
	}
	p := map[string]bool{}
	for _, c := range calls {
		p[c.Piece] = true
	}
	s.days[d] = p
	return p, nil
}
