package app

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// NoticeOptions are the choices of a run of notices.
type NoticeOptions struct {
	Statement bool      // print the owner's account statement of the exercise
	Printed   time.Time // the letters' date; zero: today
}

// NoticeFiles says where the notices of one due date were written.
type NoticeFiles struct {
	Due      time.Time
	Dir      string   // DIR/2025-01-01
	Combined string   // every notice, for printing
	Owners   []string // one file per owner, by account
	Total    ledger.Amount
}

// noticeCall is a call as a notice prints it, posted or only planned.
type noticeCall struct {
	kind        ledger.CallKind
	works       string
	label       string
	period      string
	periodStart time.Time
	periodEnd   time.Time
	piece       string // of a posted call
	number      int    // rank of a works call in its campaign's schedule
	count       int
	keys        map[string]ledger.CallKey
	parts       map[string][]ledger.CallPart // by owner
	posted      bool
	account     string // credited
}

func (c noticeCall) ownerTotal(owner string) ledger.Amount {
	var t ledger.Amount
	for _, p := range c.parts[owner] {
		t += p.Amount
	}
	return t
}

// kindRank orders the sections of a notice: budget, fund, advance,
// one-off, works.
func kindRank(k ledger.CallKind) int {
	switch k {
	case ledger.BudgetCall:
		return 0
	case ledger.FundCall:
		return 1
	case ledger.AdvanceCall:
		return 2
	case ledger.DirectCall:
		return 3
	}
	return 4
}

// isOneOff says whether a call stands outside any series: a one-off call
// or an advance, whose notice names the AG decision, not a period.
func isOneOff(k ledger.CallKind) bool { return k == ledger.DirectCall || k == ledger.AdvanceCall }

// oneOffLabels names the one-off calls of a notice, joined by sep: the
// opening prints « {{.Period}} », so " » et « " gives « Fonds de
// roulement » et « Interphone ».
func oneOffLabels(calls []noticeCall, sep string) string {
	out := make([]string, len(calls))
	for i, c := range calls {
		out[i] = c.label
	}
	return strings.Join(out, sep)
}

// noticeSelection says which calls a run of notices prints.
type noticeSelection struct {
	// ids are the posted calls of the batch; nil: every live call of the
	// day (a reprint).
	ids  map[int64]bool
	plan *CallPlan // a preview: the plan's calls, and no posted one
}

// WriteNotices writes the notices of every call posted for day due: one PDF
// per owner, DIR/2025-01-01/APPEL_DU_01_01_2025_450001_NOM.pdf, and every
// notice in DIR/2025-01-01/APPELS_DU_01_01_2025_TOUS.pdf for printing.
// Cancelled calls are left out.
func (r *Residence) WriteNotices(dir string, due time.Time, opt NoticeOptions) (NoticeFiles, error) {
	files, err := r.writeNotices(dir, []time.Time{due}, noticeSelection{}, opt)
	if err != nil {
		return NoticeFiles{}, err
	}
	return files[0], nil
}

// WriteCallNotices writes the notices of calls (as PostCalls returns them),
// one set per due date, and only of these calls: posting works calls
// prints works notices, to the owners with shares on the works' keys, and
// no budget notice again. The calls are one batch: an owner's previous
// balance is printed on his first letter of the batch only, so that paying
// every letter pays what he owes, once.
func (r *Residence) WriteCallNotices(dir string, calls []ledger.Call, opt NoticeOptions) ([]NoticeFiles, error) {
	var dates []time.Time
	seen := map[time.Time]bool{}
	ids := map[int64]bool{}
	for _, c := range calls {
		ids[c.ID] = true
		if !seen[c.Due] {
			seen[c.Due] = true
			dates = append(dates, c.Due)
		}
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	return r.writeNotices(dir, dates, noticeSelection{ids: ids}, opt)
}

// WritePreviewNotices writes the notices a plan would give, marked as a
// preview (APERCU_APPEL_DU_…), without posting anything: the notices its
// posting would print, of its calls only.
func (r *Residence) WritePreviewNotices(dir string, p *CallPlan, opt NoticeOptions) ([]NoticeFiles, error) {
	return r.writeNotices(dir, p.Dates(), noticeSelection{ids: map[int64]bool{}, plan: p}, opt)
}

// Notices returns the notices of day due as data, for a screen's preview:
// the owners' accounts and their notices, in account order.
func (r *Residence) Notices(due time.Time, opt NoticeOptions) ([]string, []reports.Notice, error) {
	var owners []string
	var list []reports.Notice
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		owners, list, _, err = buildNotices(tx, due, noticeSelection{}, opt, newBatchState([]time.Time{due}))
		return err
	})
	return owners, list, err
}

func (r *Residence) writeNotices(dir string, dates []time.Time, sel noticeSelection, opt NoticeOptions) ([]NoticeFiles, error) {
	if opt.Printed.IsZero() {
		opt.Printed = ledger.Now()
	}
	opt.Printed = ledger.Date(opt.Printed.Year(), opt.Printed.Month(), opt.Printed.Day())
	type batch struct {
		due    time.Time
		owners []string
		names  map[string]string
		list   []reports.Notice
		total  ledger.Amount
		exID   int64
	}
	var batches []batch
	err := r.View(func(tx *ledger.Tx) error {
		state := newBatchState(dates)
		for _, due := range dates {
			owners, list, total, err := buildNotices(tx, due, sel, opt, state)
			if err != nil {
				return err
			}
			if len(list) == 0 {
				return ledger.Errorf(ledger.NotFound, "Aucun appel de fonds n'est passé au %s : aucun avis à imprimer", ledger.FrenchDate(due))
			}
			names := map[string]string{}
			for _, o := range owners {
				ow, err := tx.Owner(o)
				if err != nil {
					return err
				}
				names[o] = ow.Name
			}
			batches = append(batches, batch{due, owners, names, list, total, exerciseIDAt(tx, due)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The PDFs of different days are independent documents: they are drawn
	// side by side.
	type result struct {
		letters reports.Letters
		err     error
	}
	results := make([]result, len(batches))
	done := make(chan int, len(batches))
	sem := make(chan struct{}, parallelDocs())
	for i, b := range batches {
		go func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i].letters, results[i].err = reports.Notices(b.list, opt.Printed)
			done <- i
		}()
	}
	for range batches {
		<-done
	}
	prefix := ""
	if sel.plan != nil {
		prefix = "APERCU_"
	}
	var out []NoticeFiles
	var produced []Produced
	for i, b := range batches {
		if err := results[i].err; err != nil {
			return nil, ledger.Wrap(ledger.Internal, err, "Les avis du %s n'ont pas pu être mis en page", ledger.FrenchDate(b.due))
		}
		nf := NoticeFiles{Due: b.due, Dir: filepath.Join(dir, ledger.ISO(b.due)), Total: b.total}
		stamp := b.due.Format("02_01_2006")
		nf.Combined = filepath.Join(nf.Dir, prefix+"APPELS_DU_"+stamp+"_TOUS.pdf")
		if err := os.MkdirAll(nf.Dir, 0o755); err != nil {
			return nil, ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé", nf.Dir)
		}
		if err := writeFile(nf.Combined, results[i].letters.Combined); err != nil {
			return nil, err
		}
		for j, o := range b.owners {
			path := filepath.Join(nf.Dir, fmt.Sprintf("%sAPPEL_DU_%s_%s_%s.pdf", prefix, stamp, o, fr.FileName(b.names[o])))
			if err := writeFile(path, results[i].letters.Each[j]); err != nil {
				return nil, err
			}
			nf.Owners = append(nf.Owners, path)
			// Only each owner's own notice is registered: the combined
			// « _TOUS » file holds every owner's letter, for printing, and
			// must never reach one owner. A preview (APERCU_) of a plan not
			// posted is no document of the residence.
			if sel.plan == nil {
				produced = append(produced, Produced{Path: path, Kind: "notice", Date: b.due, Exercise: b.exID, Owners: []string{o},
					Title: DocumentTitle("Appel de fonds du "+ledger.FrenchDate(b.due), b.names[o])})
			}
		}
		out = append(out, nf)
	}
	if err := r.RegisterWritten(produced...); err != nil {
		return out, err
	}
	var told []time.Time
	for _, b := range batches {
		for _, n := range b.list {
			if n.Debit != "" {
				told = append(told, b.due)
				break
			}
		}
	}
	if len(told) > 0 {
		if err := r.recordPrenotified(told, opt.Printed); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// parallelDocs is how many documents are drawn at once: one per processor,
// at most four (each holds its pages in memory).
func parallelDocs() int { return min(4, runtime.GOMAXPROCS(0)) }

// writeFile writes a document through ledger.WriteOutput: never over a
// residence or its backups, never half a file.
func writeFile(path string, data []byte) error {
	return ledger.WriteOutputBytes(path, data)
}

// noticeCalls gathers the calls of day due that sel prints: the batch's
// live posted ones and, for a preview, the plan's. others are the live
// calls of that day outside the batch: their own notices were printed
// with the batch they were posted in.
func noticeCalls(tx *ledger.Tx, due time.Time, sel noticeSelection) (calls, others []noticeCall, err error) {
	posted, err := tx.Calls(ledger.CallFilter{Due: due, Live: true})
	if err != nil {
		return nil, nil, err
	}
	ids := make([]int64, len(posted))
	for i, c := range posted {
		ids[i] = c.ID
	}
	parts, err := tx.CallParts(ids...)
	if err != nil {
		return nil, nil, err
	}
	var out []noticeCall
	for _, c := range posted {
		nc := noticeCall{kind: c.Kind, works: c.Works, label: c.Label, periodStart: c.PeriodStart, periodEnd: c.PeriodEnd,
			piece: c.Piece, number: c.Number, count: c.Count, keys: map[string]ledger.CallKey{}, parts: map[string][]ledger.CallPart{}, posted: true}
		for _, k := range c.Keys {
			nc.keys[k.Key] = k
		}
		for _, p := range parts[c.ID] {
			nc.parts[p.Owner] = append(nc.parts[p.Owner], p)
		}
		nc.period = periodOf(c)
		nc.account = c.Account
		if sel.ids == nil || sel.ids[c.ID] {
			out = append(out, nc)
		} else {
			others = append(others, nc)
		}
	}
	if sel.plan != nil {
		for _, c := range sel.plan.Calls {
			if !c.Due.Equal(due) {
				continue
			}
			nc := noticeCall{kind: c.Kind, works: c.Works, label: c.Label, period: c.Period, periodStart: c.PeriodStart, periodEnd: c.PeriodEnd,
				number: c.Number, count: c.Count, keys: map[string]ledger.CallKey{}, parts: map[string][]ledger.CallPart{}}
			if c.Kind == ledger.WorksCall {
				nc.period = fmt.Sprintf("échéance %d sur %d", c.Number, c.Count)
			}
			nc.account = c.Account
			for _, k := range c.Keys {
				nc.keys[k.Key] = ledger.CallKey{Key: k.Key, TotalShares: k.TotalShares, Amount: k.Amount}
			}
			for _, o := range c.Owners {
				nc.parts[o.Account] = o.Parts
			}
			out = append(out, nc)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return kindRank(out[i].kind) < kindRank(out[j].kind) })
	return out, others, nil
}

// periodOf names the period of a posted call the way its plan did.
func periodOf(c ledger.Call) string {
	if c.Kind == ledger.WorksCall {
		return fmt.Sprintf("échéance %d sur %d", c.Number, c.Count)
	}
	for _, prefix := range []string{"Appel fonds de travaux ", "Appel de fonds "} {
		if strings.HasPrefix(c.Label, prefix) {
			return strings.TrimPrefix(c.Label, prefix)
		}
	}
	return c.Label
}

// buildNotices builds the notice of every owner called on day due, in
// account order; total is what they are all called. state carries each
// owner's balance between the letters of a batch.
func buildNotices(tx *ledger.Tx, due time.Time, sel noticeSelection, opt NoticeOptions, state *batchState) ([]string, []reports.Notice, ledger.Amount, error) {
	calls, others, err := noticeCalls(tx, due, sel)
	if err != nil || len(calls) == 0 {
		return nil, nil, 0, err
	}
	ex, err := tx.ExerciseAt(due)
	if err != nil {
		return nil, nil, 0, err
	}
	printed := opt.Printed
	if printed.IsZero() {
		printed = ledger.Now()
	}
	kit, err := NewLetterKit(tx, printed)
	if err != nil {
		return nil, nil, 0, err
	}
	keys, err := tx.Keys()
	if err != nil {
		return nil, nil, 0, err
	}
	keyLabel := map[string]string{}
	for _, k := range keys {
		keyLabel[k.Code] = k.Label
	}
	works, err := worksByCode(tx)
	if err != nil {
		return nil, nil, 0, err
	}
	balances, err := tx.OwnerBalances(due)
	if err != nil {
		return nil, nil, 0, err
	}
	lotOwner, err := tx.OwnersAt(due)
	if err != nil {
		return nil, nil, 0, err
	}
	lotsOf := map[string][]string{}
	lots, err := tx.Lots()
	if err != nil {
		return nil, nil, 0, err
	}
	for _, l := range lots { // in lot order
		if o, ok := lotOwner[l.Number]; ok {
			lotsOf[o] = append(lotsOf[o], l.Number)
		}
	}

	// The notice's period is the budget's; works have none: their notice
	// cites the AG decision and the instalment instead.
	head := calls[0]
	worksOnly := head.kind == ledger.WorksCall
	oneOffOnly := isOneOff(head.kind) && isOneOff(calls[len(calls)-1].kind)
	subtitle := "Appel du " + ledger.FrenchDate(due) + " – " + head.period
	switch {
	case worksOnly:
		subtitle = "Appel du " + ledger.FrenchDate(due) + " – travaux « " + works[head.works].Label + " », " + head.period
	case oneOffOnly:
		subtitle = "Appel du " + ledger.FrenchDate(due) + " – " + oneOffLabels(calls, " et ")
	default:
		subtitle += ", du " + ledger.FrenchDate(head.periodStart) + " au " + ledger.FrenchDate(head.periodEnd)
	}

	ownerSet := map[string]bool{}
	for _, c := range calls {
		for o := range c.parts {
			ownerSet[o] = true
		}
	}
	owners := make([]string, 0, len(ownerSet))
	for o := range ownerSet {
		owners = append(owners, o)
	}
	sort.Strings(owners)

	var list []reports.Notice
	var grand ledger.Amount
	for _, account := range owners {
		o, err := tx.Owner(account)
		if err != nil {
			return nil, nil, 0, err
		}
		n := reports.Notice{Title: "Avis d'appel de fonds", Subtitle: subtitle, Preview: sel.plan != nil}
		var total, postedTotal ledger.Amount
		for _, c := range calls {
			parts := c.parts[account]
			if len(parts) == 0 {
				continue
			}
			sec := reports.NoticeSection{Title: sectionTitle(c, works)}
			if c.kind == ledger.WorksCall && !worksOnly { // else the opening cites the decision
				sec.Note = worksDecision(works[c.works], c)
			}
			if c.kind == ledger.AdvanceCall {
				if sec.Note, err = advanceNote(tx, account, due, c); err != nil {
					return nil, nil, 0, err
				}
			}
			var st ledger.Amount
			for _, p := range parts {
				k := c.keys[p.Key]
				sec.Rows = append(sec.Rows, reports.NoticeRow{Key: p.Key, Label: keyLabel[p.Key], Shares: fr.Shares(p.Shares),
					KeyTotal: fr.Shares(k.TotalShares), Amount: p.Amount.String()})
				st += p.Amount
			}
			sec.Total = st.String()
			n.Sections = append(n.Sections, sec)
			total += st
			if c.posted {
				postedTotal += st
			}
		}
		// The balance on the due date (its receipts count) but the calls of
		// that day. A call of that day outside the batch had its own notice,
		// which asked that balance already.
		other := ""
		for _, c := range others {
			if t := c.ownerTotal(account); t != 0 {
				postedTotal += t
				if other == "" {
					other = c.label
				}
			}
		}
		prev := state.previous(account, due, balances[account]-postedTotal, total, other)
		grand += total

		f := kit.Fields(o, lotsOf[account])
		f.Exercise = ex.Name()
		f.CallDate, f.DueDate = ledger.FrenchDate(due), ledger.FrenchDate(due)
		if !worksOnly && !oneOffOnly {
			f.PeriodStart, f.PeriodEnd = ledger.FrenchDate(head.periodStart), ledger.FrenchDate(head.periodEnd)
		}
		f.Period = head.period
		if oneOffOnly {
			f.Period = oneOffLabels(calls, " » et « ")
		}
		f.Total, f.PreviousBalance, f.AmountDue = total.String(), prev.amount.String(), prev.due.String()
		refs := []reports.Ref{{Label: "Copropriétaire", Value: account}, {Label: "Lots", Value: strings.Join(lotsOf[account], ", ")},
			{Label: "Date de l'appel", Value: ledger.FrenchDate(due)}, {Label: "Exercice", Value: ex.Name()}}
		if len(lotsOf[account]) == 0 {
			refs = append(refs[:1], refs[2:]...)
		}
		if sel.plan == nil {
			if n.Debit, err = debitNotice(tx, account, due, prev.due); err != nil {
				return nil, nil, 0, err
			}
		}
		f.Debit = n.Debit
		n.Letter, err = kit.Letter(f, o, refs, fmt.Sprintf("%s – avis d'appel du %s – %s", kit.res.Name, ledger.FrenchDate(due), account))
		if err != nil {
			return nil, nil, 0, err
		}
		opening := kit.opening
		switch {
		case worksOnly:
			opening = kit.worksOpening
			f.Works = worksFields(works[head.works], head)
		case oneOffOnly:
			opening = kit.oneOffOpening
		}
		if n.Opening, err = opening.Execute(f); err != nil {
			return nil, nil, 0, ledger.Errorf(ledger.Invalid, "%s", err.Error())
		}
		n.Total = total.String()
		n.PreviousLabel, n.PreviousNote = prev.label, prev.note
		if prev.shown {
			n.Previous = prev.amount.String()
		}
		switch {
		case prev.due > 0:
			n.DueLabel, n.Due = "Montant à payer, exigible le "+ledger.FrenchDate(due), prev.due.String()
		case prev.due < 0:
			n.DueLabel, n.Due = "Solde en votre faveur : rien à payer", (-prev.due).String()
		default:
			n.DueLabel, n.Due = "Montant à payer", prev.due.String()
		}
		n.Bank = kit.BankDetails(account)
		if n.Debit != "" {
			n.DueLabel = "Montant prélevé le " + ledger.FrenchDate(due)
		}
		// The statement explains the previous balance: it stops before the
		// calls of the day of the owner's first letter in the batch, where
		// that balance is (or would be, when another notice of that day
		// carries it).
		if opt.Statement {
			at := state.first[account]
			pieces, err := state.pieces(tx, at)
			if err != nil {
				return nil, nil, 0, err
			}
			if n.Statement, err = noticeStatement(tx, account, ex, at, pieces); err != nil {
				return nil, nil, 0, err
			}
		}
		list = append(list, n)
	}
	return owners, list, grand, nil
}
