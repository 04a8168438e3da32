package sale

import (
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/ledger"
)

// readPart1 reads what the seller owes at the date (décret 1967 art. 5 1°):
// his account from the start of the exercise, the balance brought forward
// standing for the earlier exercises, each sum charged to him after it,
// and his payments spread over them oldest first (ledger.CoverOldestFirst,
// the rule the books letter by), so that what is left unpaid of each adds
// up to his balance.
func (d *EtatDate) readPart1(tx *ledger.Tx) error {
	acc := d.Seller.Account
	st, err := tx.AccountStatement(acc, d.Exercise.Start, d.At)
	if err != nil {
		return err
	}
	calls, err := tx.Calls(ledger.CallFilter{})
	if err != nil {
		return err
	}
	callOf := map[int64]ledger.Call{}
	skip := map[int64]bool{} // a cancelled call and its reversal: nothing to him
	for _, c := range calls {
		if c.Cancelled() {
			skip[c.EntryID], skip[c.CancelEntryID] = true, true
		} else {
			callOf[c.EntryID] = c
		}
	}
	steps, err := tx.RecoverySteps(acc)
	if err != nil {
		return err
	}
	stepOf := map[int64]ledger.RecoveryKind{}
	for _, s := range steps {
		if s.EntryID != 0 {
			stepOf[s.EntryID] = s.Kind
		}
	}

	type item struct {
		entry  int64
		date   time.Time
		label  string
		amount ledger.Amount
	}
	opening := st.Opening
	var items []item
	var paid ledger.Amount
	at := map[int64]int{} // entry → its item
	for _, l := range st.Lines {
		switch {
		case skip[l.EntryID]:
			continue
		case l.Journal == ledger.JournalOpening && l.Date.Equal(d.Exercise.Start):
			opening += l.Debit - l.Credit
			continue
		}
		paid += l.Credit
		if l.Debit == 0 {
			continue
		}
		if i, ok := at[l.EntryID]; ok {
			items[i].amount += l.Debit
			continue
		}
		at[l.EntryID] = len(items)
		items = append(items, item{entry: l.EntryID, date: l.Date, label: l.Label, amount: l.Debit})
	}
	owed := []ledger.Amount{max(opening, 0)}
	if opening < 0 {
		paid += -opening
	}
	for _, it := range items {
		owed = append(owed, it.amount)
	}
	cover := ledger.CoverOldestFirst(owed, paid)
	d.Earlier = owed[0] - cover[0]
	for i, it := range items {
		left := it.amount - cover[i+1]
		if left == 0 {
			continue
		}
		if c, ok := callOf[it.entry]; ok {
			d.Calls = append(d.Calls, CallOwed{Piece: c.Piece, Kind: c.Kind, Label: c.Label, Due: c.Due, Amount: it.amount, Owed: left})
			continue
		}
		switch stepOf[it.entry] {
		case ledger.StepCost:
			d.Costs = append(d.Costs, Owed{Date: it.date, Label: it.label, Amount: it.amount, Owed: left})
		case ledger.StepAcceleration:
			d.Accelerated += left
		default:
			d.Others = append(d.Others, Owed{Date: it.date, Label: it.label, Amount: it.amount, Owed: left})
		}
	}
	if d.Balance, err = tx.AccountBalanceAt(acc, d.At); err != nil {
		return err
	}
	// A debt moved to doubtful (459) is still his (recovery_doubtful.go).
	doubtful, _ := ledger.DoubtfulAccount(acc)
	if _, err := tx.Account(doubtful); err == nil {
		if d.Doubtful, err = tx.AccountBalanceAt(doubtful, d.At); err != nil {
			return err
		}
	}
	return nil
}

// readPart2 reads what the syndicat owes the seller (art. 5 2°): his
// advances (fonds de roulement, avances de trésorerie: loi 1965 art. 45-1,
// paid back on the sale) and the credit of his account. The works fund is
// not among them (art. 14-2-1).
func (d *EtatDate) readPart2(tx *ledger.Tx) error {
	list, err := tx.AdvanceBalances(d.Seller.Account, d.At)
	if err != nil {
		return err
	}
	for _, b := range list {
		if b.Balance() <= 0 {
			continue
		}
		a, err := tx.Account(b.Account)
		if err != nil {
			return err
		}
		d.Advances = append(d.Advances, Advance{Account: b.Account, Label: a.Label, Amount: b.Balance()})
	}
	if d.Balance < 0 {
		d.Overpayment = -d.Balance
	}
	return nil
}

// readFuturePosted reads the calls already posted that fall due after the
// date: the part of their owner's share that comes from the sold lots
// (his shares on each key split between these lots and his others).
func (d *EtatDate) readFuturePosted(tx *ledger.Tx, lots []string, perLot map[string]map[string]decimal.Decimal) error {
	calls, err := tx.Calls(ledger.CallFilter{Live: true})
	if err != nil {
		return err
	}
	var later []ledger.Call
	var ids []int64
	for _, c := range calls {
		if c.Due.After(d.At) {
			later = append(later, c)
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	parts, err := tx.CallParts(ids...)
	if err != nil {
		return err
	}
	for _, c := range later {
		owners, err := tx.OwnersAt(c.Due)
		if err != nil {
			return err
		}
		amt, err := lotsShare(parts[c.ID], lots, owners, perLot)
		if err != nil {
			return err
		}
		if amt != 0 {
			d.Future = append(d.Future, FutureCall{Kind: c.Kind, Label: c.Label, Due: c.Due, Piece: c.Piece, Amount: amt})
		}
	}
	return nil
}

// lotsShare is app.LotsShareOfParts.
func lotsShare(parts []ledger.CallPart, lots []string, owners map[string]string, perLot map[string]map[string]decimal.Decimal) (ledger.Amount, error) {
	return app.LotsShareOfParts(parts, lots, owners, perLot)
}

// readFund reads the works fund (105) at the date and the lots' share of
// it on the fund's key (the general key when the exercise sets none).
func (d *EtatDate) readFund(tx *ledger.Tx, shares, totals map[string]decimal.Decimal) error {
	tb, err := tx.TrialBalanceAt(d.At)
	if err != nil {
		return err
	}
	for _, b := range tb {
		if ledger.IsWorksFund(b.Account) {
			d.WorksFund -= b.Balance()
		}
	}
	d.WorksFundKey = d.Key.Code
	if f, ok, err := tx.WorksFund(d.Exercise.ID); err != nil {
		return err
	} else if ok && f.Key != "" {
		d.WorksFundKey = f.Key
	}
	d.WorksFundShare, err = lotsPart(d.WorksFund, shares[d.WorksFundKey], totals[d.WorksFundKey])
	return err
}
