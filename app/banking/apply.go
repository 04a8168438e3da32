package banking

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/bankfile"
	"tantieme/ledger"
)

// Line statuses in a report (CLI.md's "status").
const (
	StatusPosted  = "posted"
	StatusPending = "pending"
	StatusSkipped = "skipped"
)

// ReportLine is one line of the file and what the import did with it.
type ReportLine struct {
	ID      string // the line in bank_lines ("" for a skipped line not found)
	Bank    string
	Date    time.Time
	Amount  ledger.Amount
	Label   string
	Status  string
	Account string // the owner, supplier (or « remise ») it was posted to
	Reason  string
}

// Report is what Apply did.
type Report struct {
	Lines   []ReportLine
	Posted  int
	Pending int
	Skipped int
	// Refused counts the selected lines left pending because the books
	// changed since the preview (their Reason says how).
	Refused int
	// Reconciled names the bank statements whose reconciliation the
	// posted lines ticked: « 512001 au 31/03/2025 ».
	Reconciled []string
}

// Selection is what the syndic validates: the lines to post, the choices
// made for some of them (a line without certain match gets one, a certain
// one may get another account or its detail edited), and where to report
// progress (called in the transaction's goroutine).
type Selection struct {
	Lines    []LineID
	Choices  map[LineID]Choice
	Progress func(done, total int)
}

// Apply imports the plan's file in one transaction: the plan is computed
// again inside it (the file must be the same, nothing imported since);
// the selected certain lines are posted, unless their owner's debt or
// their match changed since the preview (that line is then kept pending,
// with the reason); every new line is recorded (posted or pending); the
// payer IBAN of each owner paid is learnt; the reconciliation of each
// statement stating a closing balance ticks the lines posted.
func Apply(r *app.Residence, plan *Plan, sel Selection) (*Report, error) {
	var rep *Report
	err := r.Update(func(tx *ledger.Tx) error {
		fresh, err := prepare(tx, plan.File, plan.sts)
		if err != nil {
			return err
		}
		if err := fresh.Problems.Err("Relevé « " + plan.File + " » refusé"); err != nil {
			return err
		}
		if err := app.CheckFresh(plan.Digest, fresh.Digest, "Le relevé « "+plan.File+" » a changé, ou une partie a été importée, depuis l'aperçu : recommencez l'import"); err != nil {
			return err
		}
		rep, err = apply(tx, plan, fresh, sel)
		return err
	})
	return rep, err
}

func apply(tx *ledger.Tx, preview, fresh *Plan, selection Selection) (*Report, error) {
	rep := &Report{}
	sel := make(map[LineID]bool, len(selection.Lines))
	for _, id := range selection.Lines {
		sel[id] = true
	}
	before := make(map[LineID]Line, len(preview.Lines))
	for _, l := range preview.Lines {
		before[l.ID] = l
	}
	today := ledger.Now()
	pieces := tx.PieceCounter()
	ticks := map[int][]int64{} // statement → bank lines of the books to tick
	paid := map[string]bool{}  // owners (and others) a line of this file was posted to
	for i, l := range fresh.Lines {
		if selection.Progress != nil && (i%50 == 0 || i == len(fresh.Lines)-1) {
			selection.Progress(i+1, len(fresh.Lines))
		}
		bl := bankLine(l, fresh.File, today)
		rl := ReportLine{Bank: l.Bank, Date: l.Src.Date, Amount: ledger.Amount(l.Src.Amount), Label: l.Src.Label, Status: StatusPending, Reason: l.Reason}
		c, chosen := selection.Choices[l.ID]
		if sel[l.ID] {
			if why := stale(before[l.ID], l, chosen); why != "" {
				rl.Reason = why
				rep.Refused++
			} else if chosen && c.Allocation != nil && paid[strings.TrimSpace(c.Account)] && c.Edited() {
				// His calls as the detail showed them are no longer
				// what is due: an earlier line of this file paid some.
				rl.Reason = "une autre ligne de ce relevé a déjà réglé des appels de ce copropriétaire : refaites le détail de l'affectation depuis la liste des relevés en attente"
				rep.Refused++
			} else if chosen {
				if paid[strings.TrimSpace(c.Account)] {
					// The detail was not edited: settle what is due now,
					// oldest first, after the earlier line.
					c.Allocation = nil
				}
				e, why, err := postChoice(tx, pieces, &bl, c, func(owner string) (ledger.Amount, error) { return fresh.balances[owner], nil })
				if err != nil {
					return nil, err
				}
				if why != "" {
					rl.Reason = why
					rep.Refused++
				} else {
					ticks[l.Statement] = append(ticks[l.Statement], linesOn(e, l.Bank)...)
					paid[strings.TrimSpace(c.Account)] = true
					rl.Status, rl.Account, rl.Reason = StatusPosted, strings.TrimSpace(c.Account), "choisi par le syndic"
				}
			} else if !l.Certain {
				rl.Reason = "pas de correspondance certaine : affectez la ligne depuis la liste des relevés en attente"
				rep.Refused++
			} else {
				ids, err := post(tx, pieces, l, &bl)
				if err != nil {
					return nil, err
				}
				ticks[l.Statement] = append(ticks[l.Statement], ids...)
				paid[l.Account] = true
				rl.Status, rl.Account = StatusPosted, l.Account
				if l.Kind == Deposit {
					rl.Account = "remise"
				}
			}
		}
		if err := tx.SaveBankLine(&bl); err != nil {
			return nil, err
		}
		rl.ID = strconv.FormatInt(bl.ID, 10)
		if rl.Status == StatusPosted {
			rep.Posted++
		} else {
			rep.Pending++
		}
		rep.Lines = append(rep.Lines, rl)
	}
	for _, s := range fresh.Skipped {
		rl := ReportLine{Bank: s.Bank, Date: s.Src.Date, Amount: ledger.Amount(s.Src.Amount), Label: s.Src.Label, Status: StatusSkipped,
			Reason: "déjà importée"}
		if s.LineID != 0 {
			rl.ID = strconv.FormatInt(s.LineID, 10)
		}
		rep.Skipped++
		rep.Lines = append(rep.Lines, rl)
	}
	for si, ids := range ticks {
		done, err := reconcile(tx, fresh.sts[si], fresh.Statements[si].Bank, ids)
		if err != nil {
			return nil, err
		}
		if done != "" {
			rep.Reconciled = append(rep.Reconciled, done)
		}
	}
	return rep, nil
}

// stale says why a selected line may no longer be posted as previewed; a
// line the syndic chose for is checked against his choice instead.
func stale(was, now Line, chosen bool) string {
	switch {
	case was.ID == "":
		return "ligne absente de l'aperçu"
	case chosen:
		return ""
	case was.Certain && (!now.Certain || was.Account != now.Account || was.Kind != now.Kind || was.Deposit.ID != now.Deposit.ID ||
		was.Entry != now.Entry || was.EndToEnd != now.EndToEnd):
		return "la correspondance a changé depuis l'aperçu : vérifiez la ligne"
	case was.Kind == Owner && was.Owed != now.Owed:
		return fmt.Sprintf("la dette de %s a changé depuis l'aperçu (%s, maintenant %s) : vérifiez le détail avant de valider", now.Name, was.Owed, now.Owed)
	}
	return ""
}

// bankLine is the line as bank_lines keeps it.
func bankLine(l Line, file string, today time.Time) ledger.BankLine {
	return ledger.BankLine{BankAccount: l.Bank, Date: l.Src.Date, ValueDate: l.Src.ValueDate, Amount: ledger.Amount(l.Src.Amount),
		Label: l.Src.Label, Details: strings.Join(withReturn(l.Src), "\n"), Reference: l.Src.Reference, EndToEnd: l.Src.EndToEnd,
		CounterpartyName: l.Src.Counterparty.Name, CounterpartyIBAN: l.Src.Counterparty.IBAN, Code: l.Src.Code,
		Fingerprint: l.Fingerprint, Occurrence: l.Occurrence, Status: ledger.BankLinePending, ImportedAt: today, File: file}
}

// post posts a certain line and marks bl posted; it returns the lines of
// the bank account in the books that the movement is.
func post(tx *ledger.Tx, pieces *ledger.PieceCounter, l Line, bl *ledger.BankLine) ([]int64, error) {
	bl.Status = ledger.BankLinePosted
	piece := func() (string, error) {
		ex, err := tx.ExerciseAt(l.Src.Date)
		if err != nil {
			return "", err
		}
		return pieces.Next(ledger.PiecePrefix(ledger.JournalBank, ex))
	}
	switch l.Kind {
	case Owner:
		p, err := piece()
		if err != nil {
			return nil, err
		}
		res, err := app.ReceiveIn(tx, app.ReceiptInput{Owner: l.Account, Amount: ledger.Amount(l.Src.Amount), Date: l.Src.Date,
			Mode: ledger.ByTransfer, BankAccount: l.Bank, Piece: p})
		if err != nil {
			return nil, err
		}
		bl.EntryID = res.Entry.ID
		if err := learnIBAN(tx, l.Account, l.Src.Counterparty.IBAN, l.Src.Date); err != nil {
			return nil, err
		}
		return linesOn(res.Entry, l.Bank), nil
	case Supplier:
		p, err := piece()
		if err != nil {
			return nil, err
		}
		res, err := app.PaySupplierIn(tx, app.SupplierPayment{Supplier: l.Account, Amount: ledger.Amount(-l.Src.Amount), Date: l.Src.Date,
			BankAccount: l.Bank, Reference: l.Src.Reference, Piece: p})
		if err != nil {
			return nil, err
		}
		bl.EntryID = res.Entry.ID
		return linesOn(res.Entry, l.Bank), nil
	case Deposit:
		bl.DepositID, bl.EntryID = l.Deposit.ID, l.Deposit.EntryID
		return depositLines(tx, l.Deposit, l.Bank)
	case Linked, Returned:
		return postSEPA(tx, l, bl)
	}
	return nil, ledger.Errorf(ledger.Internal, "ligne de relevé sans correspondance comptabilisée")
}

// learnIBAN remembers the payer IBAN of a confirmed owner match; an IBAN
// that does not check is not learnt (the file is the bank's, not the
// syndic's: nothing to refuse).
func learnIBAN(tx *ledger.Tx, owner, iban string, at time.Time) error {
	if iban == "" || !ledger.ValidIBAN(iban) {
		return nil
	}
	return tx.AddOwnerIBAN(owner, iban, at)
}

func linesOn(e ledger.Entry, bank string) []int64 {
	var ids []int64
	for _, l := range e.Lines {
		if l.Account == bank {
			ids = append(ids, l.ID)
		}
	}
	return ids
}

// depositLines are the bank lines of a deposit slip: the entry moving the
// cheques from 511 when they waited there, else each cheque's receipt.
func depositLines(tx *ledger.Tx, d ledger.Deposit, bank string) ([]int64, error) {
	if d.EntryID != 0 {
		e, err := tx.Entry(d.EntryID)
		return linesOn(e, bank), err
	}
	rcs, err := tx.Receipts(ledger.ReceiptFilter{DepositID: d.ID})
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, rc := range rcs {
		e, err := tx.Entry(rc.EntryID)
		if err != nil {
			return nil, err
		}
		ids = append(ids, linesOn(e, bank)...)
	}
	return ids, nil
}

// reconcile ticks lines on the bank's statement at the file statement's
// closing date (the reconciliation of issue 6 works by statement: a date,
// a closing balance, the lines ticked on it). A statement without a
// closing balance (CFONB 240, CAMT.054) cannot be one: nothing is ticked.
// Lines already ticked elsewhere, dated after the statement or in a closed
// exercise are left as they are.
func reconcile(tx *ledger.Tx, st bankfile.Statement, bank string, ids []int64) (string, error) {
	if st.Closing == nil || st.Closing.Date.IsZero() || len(ids) == 0 {
		return "", nil
	}
	date := st.Closing.Date
	ex, err := tx.ExerciseAt(date)
	if err != nil || ex.Closed {
		// A statement closing outside the open exercises is not
		// reconciled here; the import itself stands.
		return "", nil
	}
	bs, saved, err := tx.BankStatementAt(bank, date)
	if err != nil {
		return "", err
	}
	ref := bs.Ref()
	var ticked []int64
	if saved {
		prev, err := tx.ReconciliationLines(bank, date)
		if err != nil {
			return "", err
		}
		for _, l := range prev {
			if l.Reconciled == ref {
				ticked = append(ticked, l.ID)
			}
		}
	}
	lines, err := tx.BookLines(ids)
	if err != nil {
		return "", err
	}
	n := 0
	for _, l := range lines {
		if l.Account == bank && !l.Date.After(date) && !l.Locked && l.Reconciled == "" {
			ticked = append(ticked, l.ID)
			n++
		}
	}
	if n == 0 {
		return "", nil
	}
	bs.Balance = ledger.Amount(st.Closing.Amount)
	if bs.First() && !saved {
		if st.Opening != nil {
			bs.Opening = ledger.Amount(st.Opening.Amount)
		} else {
			bs.Opening = ledger.Amount(st.Closing.Amount - st.Total())
		}
	}
	if err := tx.SaveBankStatement(bs, ticked); err != nil {
		return "", err
	}
	return bank + " au " + ledger.FrenchDate(date), nil
}
