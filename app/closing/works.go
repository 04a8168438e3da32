package closing

import (
	"fmt"

	"tantieme/ledger"
)

// The works campaigns at the closing: a finished campaign's provisions
// gathered on 102xxx are taken into its 702xxx, to be distributed with
// its charges; an unfinished one's charges and income wait on 120xxx and
// come back on the first day of N+1.

// finished lists the campaigns distributed at this closing.
func (c *closer) finished() []*ledger.Works {
	var out []*ledger.Works
	for i := range c.b.workList {
		if w := &c.b.workList[i]; worksFinishedIn(*w, c.p.Exercise) {
			out = append(out, w)
		}
	}
	return out
}

// takeReserves moves the provisions a finished campaign gathered on 102xxx
// (calls made before the year it ended) into its 702xxx, where the
// closing gives them back ("102 consumed", annexe 5 column D).
func (c *closer) takeReserves() error {
	ex := c.p.Exercise
	for _, w := range c.finished() {
		reserve := ledger.WorksReserveAccount(w.Code)
		e := ledger.Entry{Journal: ledger.JournalMisc, Date: ex.End, Label: fmt.Sprintf("Travaux %s terminés : reprise des provisions %s", w.Code, reserve),
			Origin: ledger.ClosingOrigin(ex) + "take:" + w.Code}
		for _, k := range c.view.sorted(func(k acctKey) bool { return k.account == reserve }) {
			b := c.view[k]
			e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: reserve, Key: k.key}, -b),
				ledger.Side(ledger.Line{Account: ledger.WorksProvisionAccount(w.Code), Key: k.key, Label: "Provisions reprises du " + reserve}, b))
		}
		c.post(e)
	}
	return nil
}

// movePending moves the charges and income of unfinished campaigns to
// their 120xxx on N's last day (arrêté art. 10), and plans the reversal on
// N+1's first day.
func (c *closer) movePending() error {
	ex := c.p.Exercise
	var reversals []ledger.Entry
	for i := range c.b.workList {
		w := c.b.workList[i]
		if worksFinishedIn(w, ex) {
			continue
		}
		pw := PendingWorks{Works: w}
		pending := ledger.WorksPendingAccount(w.Code)
		e := ledger.Entry{Journal: ledger.JournalMisc, Date: ex.End, Label: fmt.Sprintf("Travaux %s non terminés : solde porté au %s", w.Code, pending),
			Origin: ledger.ClosingOrigin(ex) + "wip:" + w.Code}
		var total ledger.Amount
		amounts := map[string]ledger.Amount{}
		for _, k := range c.view.sorted(func(k acctKey) bool {
			return c.b.role(k.account) == roleWorks && k.account[3:] == w.Code && ledger.AccountClass(k.account) >= 6
		}) {
			b := c.view[k]
			e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: k.account, Key: k.key}, -b))
			total += b
			amounts[k.account] += b
		}
		if len(e.Lines) == 0 {
			// Voted but not started: annexe 5 still lists it.
			if w.AGDate.IsZero() || !w.AGDate.After(ex.End) {
				c.p.Pending = append(c.p.Pending, pw)
			}
			continue
		}
		for _, acc := range sortedKeys(amounts) {
			a := amounts[acc]
			ca := Account{Account: acc, Label: c.b.accounts[acc], Income: ledger.AccountClass(acc) == 7, Amount: a}
			if ca.Income {
				ca.Amount = -a
				pw.Income += -a
			} else {
				pw.Charges += a
			}
			pw.Accounts = append(pw.Accounts, ca)
		}
		e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: pending, Label: "Solde en attente des travaux " + w.Code}, total))
		c.post(e)
		rev := ledger.Entry{Journal: ledger.JournalMisc, Date: c.p.Next.Start, Label: fmt.Sprintf("Travaux %s non terminés : reprise du solde du %s", w.Code, pending),
			Origin: ledger.ClosingReversalOrigin(ex, w.Code)}
		for _, l := range e.Lines {
			rev.Lines = append(rev.Lines, ledger.Line{Account: l.Account, Key: l.Key, Label: l.Label, Debit: l.Credit, Credit: l.Debit})
		}
		reversals = append(reversals, rev)
		c.p.Pending = append(c.p.Pending, pw)
	}
	c.pendingReversals = reversals
	return nil
}
