package app

import (
	"time"

	"tantieme/ledger"
)

// AccountView is the consultation of an account over an exercise or a free
// period: its lines with the running balance from the balance before the
// period (the opening line), their letters, and which may still change.
type AccountView struct {
	ledger.Statement
	UnmatchedOnly bool
	Lines         []ViewLine // the statement's lines, only the unmatched ones when UnmatchedOnly
}

// ViewLine is a line of the consultation.
type ViewLine struct {
	ledger.StatementLine
	Reconciled string // the statement date it was ticked on (bank accounts), "" if not
	Locked     bool   // in a closed exercise: its letter can no longer change
}

// AccountView reads account over from..to. With unmatchedOnly, the matched
// lines are left out; the others keep their running balance over all lines.
func (r *Residence) AccountView(account string, from, to time.Time, unmatchedOnly bool) (AccountView, error) {
	v := AccountView{UnmatchedOnly: unmatchedOnly}
	if to.Before(from) {
		return v, ledger.Errorf(ledger.Invalid, "Consultation : la fin de la période (%s) précède son début (%s)", ledger.FrenchDate(to), ledger.FrenchDate(from))
	}
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if v.Statement, err = tx.AccountStatement(account, from, to); err != nil {
			return err
		}
		lines, err := tx.AccountLines(account, from, to)
		if err != nil {
			return err
		}
		byID := make(map[int64]ledger.BookLine, len(lines))
		for _, l := range lines {
			byID[l.ID] = l
		}
		for _, l := range v.Statement.Lines {
			if unmatchedOnly && l.Letter != "" {
				continue
			}
			b := byID[l.LineID]
			v.Lines = append(v.Lines, ViewLine{StatementLine: l, Reconciled: b.Reconciled, Locked: b.Locked})
		}
		return nil
	})
	return v, err
}

// Group lists the lines of the view carrying letter: ticking one matched
// line selects its whole group, to undo it.
func (v AccountView) Group(letter string) []int64 {
	var ids []int64
	for _, l := range v.Lines {
		if letter != "" && l.Letter == letter {
			ids = append(ids, l.LineID)
		}
	}
	return ids
}

// Selection is what the ticked lines of the consultation add up to.
type Selection struct {
	Lines  int
	Debit  ledger.Amount
	Credit ledger.Amount
	// Letters are the letters among the ticked lines: one letter alone
	// means a group that may be undone.
	Letters []string
	// Unmatched counts the ticked lines without a letter; Locked those
	// of closed exercises.
	Unmatched int
	Locked    int
}

// Gap is debit − credit of the ticked lines.
func (s Selection) Gap() ledger.Amount { return s.Debit - s.Credit }

// CanMatch says whether the button "Lettrer" may be pressed: two lines or
// more, none matched yet nor locked, balanced.
func (s Selection) CanMatch() bool {
	return s.Lines >= 2 && s.Unmatched == s.Lines && s.Locked == 0 && s.Gap() == 0
}

// CanUnmatch says whether the ticked lines are one whole group that may
// be undone.
func (s Selection) CanUnmatch() bool { return len(s.Letters) == 1 && s.Unmatched == 0 && s.Locked == 0 }

// Select adds up the ticked lines of the view.
func (v AccountView) Select(ticked map[int64]bool) Selection {
	var s Selection
	seen := map[string]bool{}
	for _, l := range v.Lines {
		if !ticked[l.LineID] {
			continue
		}
		s.Lines++
		s.Debit += l.Debit
		s.Credit += l.Credit
		if l.Locked {
			s.Locked++
		}
		if l.Letter == "" {
			s.Unmatched++
		} else if !seen[l.Letter] {
			seen[l.Letter] = true
			s.Letters = append(s.Letters, l.Letter)
		}
	}
	return s
}

// Match gives the lines a new letter: they must be lines of one account, of
// open exercises, not matched yet, whose debits equal their credits.
func (r *Residence) Match(lineIDs []int64) (ledger.MatchGroup, error) {
	var g ledger.MatchGroup
	err := r.Update(func(tx *ledger.Tx) (err error) {
		g, err = tx.Match(lineIDs)
		return err
	})
	return g, err
}

// Unmatch undoes the group letter of account.
func (r *Residence) Unmatch(account, letter string) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.Unmatch(account, letter) })
}

// AutoMatch letters oldest first what balances among the unmatched lines
// of an account (owners: calls and payments; suppliers: invoices and
// payments).
func (r *Residence) AutoMatch(account string) ([]ledger.MatchGroup, error) {
	var out []ledger.MatchGroup
	err := r.Update(func(tx *ledger.Tx) (err error) {
		out, err = tx.AutoMatch(account)
		return err
	})
	return out, err
}
