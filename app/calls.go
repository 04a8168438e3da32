package app

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// CallLevel is how detailed a call's entry is (DOMAIN §4). Whatever the
// level, each owner's account is debited with the sum of his parts and the
// call records every part; the level only changes the credit lines.
type CallLevel string

const (
	// LevelAccountKey credits the call's account once per key: the default,
	// which keeps the balance by key right.
	LevelAccountKey CallLevel = "account_key"
	// LevelGlobal credits the call's account with one line for the whole call.
	LevelGlobal CallLevel = "global"
	// LevelAccount credits each account of the call once, without keys. A
	// call credits one account (701, 105, 102xxx or 702xxx), so its entry
	// is the same as LevelGlobal's; both are kept because syndics know them
	// under these names.
	LevelAccount CallLevel = "account"
	// LevelDetailed credits one line per owner and key: the most lines.
	LevelDetailed CallLevel = "detailed"
)

// CallLevels lists the levels in the order a settings screen offers them.
func CallLevels() []CallLevel {
	return []CallLevel{LevelAccountKey, LevelGlobal, LevelAccount, LevelDetailed}
}

// Label is the level in French.
func (l CallLevel) Label() string {
	switch l {
	case LevelAccountKey:
		return "Par compte et par clé (recommandé)"
	case LevelGlobal:
		return "Une seule ligne au crédit"
	case LevelAccount:
		return "Par compte"
	case LevelDetailed:
		return "Détaillé par copropriétaire, compte et clé"
	}
	return string(l)
}

func (l CallLevel) valid() bool {
	for _, x := range CallLevels() {
		if x == l {
			return true
		}
	}
	return false
}

// Residence options of the calls.
const (
	optCallLevel = "calls.level"
	optCallCount = "calls.count"
)

// DefaultCallCount is the number of budget calls a year when the residence
// sets none: one per quarter (loi de 1965, art. 14-1).
const DefaultCallCount = 4

func callLevel(tx *ledger.Tx) (CallLevel, error) {
	v, err := tx.Option(optCallLevel, string(LevelAccountKey))
	if err != nil {
		return "", err
	}
	if l := CallLevel(v); l.valid() {
		return l, nil
	}
	return LevelAccountKey, nil
}

// CallLevel returns the residence's accounting level of calls.
func (r *Residence) CallLevel() (CallLevel, error) {
	var l CallLevel
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		l, err = callLevel(tx)
		return err
	})
	return l, err
}

// SetCallLevel changes the accounting level of the calls to come.
func (r *Residence) SetCallLevel(l CallLevel) error {
	if !l.valid() {
		return ledger.Errorf(ledger.Invalid, "Niveau de comptabilisation des appels « %s » inconnu", l)
	}
	return r.Update(func(tx *ledger.Tx) error { return tx.SetOption(optCallLevel, string(l)) })
}

// CallCount returns the residence's number of budget calls a year.
func (r *Residence) CallCount() (int, error) {
	n := DefaultCallCount
	err := r.View(func(tx *ledger.Tx) error {
		v, err := tx.Option(optCallCount, "")
		if err != nil || v == "" {
			return err
		}
		if c, err := strconv.Atoi(v); err == nil && c > 0 {
			n = c
		}
		return nil
	})
	return n, err
}

// SetCallCount sets the number of budget calls a year (1 to 12).
func (r *Residence) SetCallCount(n int) error {
	if n < 1 || n > 12 {
		return ledger.Errorf(ledger.Invalid, "Le nombre d'appels par an va de 1 à 12 (%d demandé)", n)
	}
	return r.Update(func(tx *ledger.Tx) error { return tx.SetOption(optCallCount, strconv.Itoa(n)) })
}

// Period is one period of an exercise that a call provisions.
type Period struct {
	Start, End time.Time
	Name       string // "1er trimestre 2025", "janvier 2025"
}

// CallPeriods splits an exercise into count periods of whole months; the
// budget calls are due on their first days. The exercise must be a whole
// number of months that count divides.
func CallPeriods(ex ledger.Exercise, count int) ([]Period, error) {
	months := 0
	after := ex.End.AddDate(0, 0, 1)
	for m := 1; m <= 18; m++ {
		if ex.Start.AddDate(0, m, 0).Equal(after) {
			months = m
			break
		}
	}
	if months == 0 {
		return nil, ledger.Errorf(ledger.Invalid, "L'exercice %s ne fait pas un nombre entier de mois : ses appels ne peuvent pas être répartis par période", ex.Name())
	}
	if count < 1 || count > months || months%count != 0 {
		var ok []string
		for c := 1; c <= months; c++ {
			if months%c == 0 {
				ok = append(ok, strconv.Itoa(c))
			}
		}
		return nil, ledger.Errorf(ledger.Invalid, "L'exercice %s dure %d mois : il se découpe en %s appels, pas en %d", ex.Name(), months, fr.Join(ok, "ou"), count)
	}
	step := months / count
	calendar := ex.Start.Month() == time.January && ex.Start.Day() == 1 && months == 12
	out := make([]Period, count)
	for i := range out {
		start := ex.Start.AddDate(0, i*step, 0)
		end := ex.Start.AddDate(0, (i+1)*step, -1)
		out[i] = Period{Start: start, End: end, Name: periodName(i, count, step, start, end, ex, calendar)}
	}
	return out, nil
}

var periodWords = map[int]string{2: "bimestre", 3: "trimestre", 4: "quadrimestre", 6: "semestre"}

func periodName(i, count, step int, start, end time.Time, ex ledger.Exercise, calendar bool) string {
	switch {
	case count == 1:
		return "exercice " + ex.Name()
	case step == 1:
		return MonthName(start)
	}
	word, ok := periodWords[step]
	if !ok {
		return fmt.Sprintf("période %d sur %d (du %s au %s)", i+1, count, ledger.FrenchDate(start), ledger.FrenchDate(end))
	}
	if calendar {
		return ordinalFR(i+1) + " " + word + " " + ex.Name()
	}
	return fmt.Sprintf("%s %s (du %s au %s)", ordinalFR(i+1), word, ledger.FrenchDate(start), ledger.FrenchDate(end))
}

func ordinalFR(n int) string {
	if n == 1 {
		return "1er"
	}
	return strconv.Itoa(n) + "e"
}

// PlannedKey is one key of a planned call.
type PlannedKey struct {
	Key         string
	Label       string
	TotalShares decimal.Decimal // sum of the lots' shares on the key at the due date
	Amount      ledger.Amount
}

// PlannedOwner is what a planned call asks of one owner.
type PlannedOwner struct {
	Account string
	Name    string
	Parts   []ledger.CallPart // one per key with a non-zero part
	Total   ledger.Amount
}

// PlannedCall is a call as it would be posted.
type PlannedCall struct {
	Kind        ledger.CallKind
	Works       string
	Number      int
	Count       int
	Due         time.Time
	PeriodStart time.Time
	PeriodEnd   time.Time
	Period      string // the period's name, for notices
	Label       string
	Account     string // credited
	Keys        []PlannedKey
	Owners      []PlannedOwner // by account
	Total       ledger.Amount
}

// Parts lists every owner's parts, by owner then key.
func (c PlannedCall) Parts() []ledger.CallPart {
	var out []ledger.CallPart
	for _, o := range c.Owners {
		out = append(out, o.Parts...)
	}
	return out
}

// callRequest is what a plan was asked for, so that PostCalls can compute
// it again inside its transaction.
type callRequest struct {
	exerciseID int64
	count      int
	budget     bool // the budget's calls, with the works fund's when set and not yet called
	fund       bool // the works fund's calls alone
	works      string
	oneOff     *OneOffRequest // a one-off or advance call (calls_oneoff.go)
}

// CallPlan is a preview of calls: nothing is written until PostCalls.
type CallPlan struct {
	req      callRequest
	Exercise ledger.Exercise
	Level    CallLevel
	Calls    []PlannedCall // by due date, budget before fund before works
	Problems Problems
	Total    ledger.Amount
	digest   string // what it would write (plan_digest.go)
}

// Blocked says whether a problem prevents posting the plan.
func (p *CallPlan) Blocked() bool { return p.Problems.Blocked() }

// Warnings lists the problems that do not block.
func (p *CallPlan) Warnings() []string { return p.Problems.Warnings() }

// Err is the blocking problems as one French sentence, nil when none.
func (p *CallPlan) Err() error { return p.Problems.Err("Appels impossibles") }

// KindCount counts the planned calls of a kind.
func (p *CallPlan) KindCount(k ledger.CallKind) int {
	n := 0
	for _, c := range p.Calls {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// Dates lists the distinct due dates of the plan, in order.
func (p *CallPlan) Dates() []time.Time {
	var out []time.Time
	for _, c := range p.Calls {
		if len(out) == 0 || !out[len(out)-1].Equal(c.Due) {
			out = append(out, c.Due)
		}
	}
	return out
}

// PlanBudgetCalls previews the budget calls of exercise ex in count calls
// (0: the residence's setting), with the works fund's calls on the same
// dates when the exercise has a fund not yet called. Nothing is written.
func (r *Residence) PlanBudgetCalls(ex ledger.Exercise, count int) (*CallPlan, error) {
	return r.plan(callRequest{exerciseID: ex.ID, count: count, budget: true})
}

// PlanFundCalls previews the works fund's calls of exercise ex alone.
func (r *Residence) PlanFundCalls(ex ledger.Exercise, count int) (*CallPlan, error) {
	return r.plan(callRequest{exerciseID: ex.ID, count: count, fund: true})
}

// PlanWorksCalls previews the calls of works campaign code due in exercise
// ex that are not called yet.
func (r *Residence) PlanWorksCalls(code string, ex ledger.Exercise) (*CallPlan, error) {
	return r.plan(callRequest{exerciseID: ex.ID, works: strings.ToUpper(strings.TrimSpace(code))})
}

func (r *Residence) plan(req callRequest) (*CallPlan, error) {
	var p *CallPlan
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		p, err = planCalls(tx, req)
		return err
	})
	return p, err
}

// PostCalls posts a previewed plan in one transaction: each call gets its
// piece (A0001…) and its entry. The plan is computed again inside the
// transaction; if the books changed since the preview (a sale, new shares,
// another call) nothing is written and the preview must be made again.
func (r *Residence) PostCalls(p *CallPlan) ([]ledger.Call, error) {
	var out []ledger.Call
	if err := r.ensureSpace(callLines(p), false); err != nil {
		return nil, err
	}
	err := r.Update(func(tx *ledger.Tx) error {
		fresh, err := planCalls(tx, p.req)
		if err != nil {
			return err
		}
		if err := fresh.Err(); err != nil {
			return err
		}
		if err := CheckFresh(p.digest, fresh.digest, "Les données ont changé depuis l'aperçu des appels : refaites l'aperçu avant de les passer"); err != nil {
			return err
		}
		out, err = postPlan(tx, fresh)
		return err
	})
	return out, err
}

// CancelCall cancels a posted call with a reversing entry dated d (its due
// date when d is zero), while its exercise is open.
func (r *Residence) CancelCall(id int64, d time.Time) (ledger.Entry, error) {
	var e ledger.Entry
	err := r.Update(func(tx *ledger.Tx) error {
		var err error
		e, err = tx.CancelCall(id, d)
		return err
	})
	return e, err
}

// CallSummary is a posted call as a list shows it.
type CallSummary struct {
	ledger.Call
	KindLabel string
	Owners    int           // owners called
	Amount    ledger.Amount // called, over every key
}

// CallList lists the calls of exercise ex, cancelled ones included.
func (r *Residence) CallList(ex ledger.Exercise) ([]CallSummary, error) {
	var out []CallSummary
	err := r.View(func(tx *ledger.Tx) error {
		calls, err := tx.Calls(ledger.CallFilter{ExerciseID: ex.ID})
		if err != nil {
			return err
		}
		ids := make([]int64, len(calls))
		for i, c := range calls {
			ids[i] = c.ID
		}
		parts, err := tx.CallParts(ids...)
		if err != nil {
			return err
		}
		for _, c := range calls {
			owners := map[string]bool{}
			for _, p := range parts[c.ID] {
				owners[p.Owner] = true
			}
			out = append(out, CallSummary{Call: c, KindLabel: c.Kind.Label(), Owners: len(owners), Amount: c.Total()})
		}
		return nil
	})
	return out, err
}

// CallByPiece finds a call by its piece number (A0003).
func (r *Residence) CallByPiece(piece string) (ledger.Call, error) {
	var c ledger.Call
	err := r.View(func(tx *ledger.Tx) error {
		list, err := tx.Calls(ledger.CallFilter{Piece: strings.ToUpper(strings.TrimSpace(piece))})
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return ledger.Errorf(ledger.NotFound, "Aucun appel de fonds ne porte la pièce « %s »", piece)
		}
		c = list[len(list)-1]
		c, err = tx.Call(c.ID)
		return err
	})
	return c, err
}

// planner holds what every call of a plan is computed from.
type planner struct {
	tx     *ledger.Tx
	plan   *CallPlan
	shares map[string][]ledger.Share // by key
	keys   map[string]ledger.Key
	owners map[string]ledger.Owner
}

func planCalls(tx *ledger.Tx, req callRequest) (*CallPlan, error) {
	exs, err := tx.Exercises()
	if err != nil {
		return nil, err
	}
	p := &CallPlan{req: req}
	for _, x := range exs {
		if x.ID == req.exerciseID {
			p.Exercise = x
		}
	}
	ex := p.Exercise
	if ex.ID == 0 {
		return nil, ledger.Errorf(ledger.NotFound, "Appels de fonds : l'exercice demandé n'existe pas")
	}
	if ex.Closed {
		return nil, ledger.Errorf(ledger.Locked, "L'exercice %s est clos : aucun appel ne peut y être passé", ex.Name())
	}
	if p.Level, err = callLevel(tx); err != nil {
		return nil, err
	}
	pl := &planner{tx: tx, plan: p, shares: map[string][]ledger.Share{}, keys: map[string]ledger.Key{}, owners: map[string]ledger.Owner{}}
	shares, err := tx.Shares()
	if err != nil {
		return nil, err
	}
	for _, s := range shares {
		pl.shares[s.Key] = append(pl.shares[s.Key], s)
	}
	keys, err := tx.KeyTotals()
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		pl.keys[k.Code] = k.Key
	}
	owners, err := tx.Owners()
	if err != nil {
		return nil, err
	}
	for _, o := range owners {
		pl.owners[o.Account] = o
	}

	switch {
	case req.oneOff != nil:
		err = pl.oneOff(*req.oneOff)
	case req.works != "":
		err = pl.works(req.works)
	default:
		count := req.count
		if count == 0 {
			count, err = defaultCount(tx, ex)
			if err != nil {
				return nil, err
			}
			p.req.count = count
		}
		err = pl.budgetAndFund(count, req.budget, req.fund || req.budget)
	}
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		if p.usesKey(k.Code) && !k.TotalsMatch() {
			pl.warn("Clé %s « %s » : le total déclaré (%s) n'est pas la somme des tantièmes des lots (%s) ; les appels sont calculés sur la somme des tantièmes.",
				k.Code, k.Label, fr.Shares(k.DeclaredTotal), fr.Shares(k.SumOfShares))
		}
		if p.usesKey(k.Code) && len(k.Unshared) > 0 {
			pl.warn("Clé %s « %s » : %s sans tantièmes, donc sans rien à payer sur cette clé ; indiquez ses tantièmes dans l'écran Clés.",
				k.Code, k.Label, UnsharedLots(k))
		}
	}
	sort.SliceStable(p.Calls, func(i, j int) bool { return p.Calls[i].Due.Before(p.Calls[j].Due) })
	for _, c := range p.Calls {
		p.Total += c.Total
	}
	p.digest = callsDigest(p)
	return p, nil
}

// defaultCount is the number of calls of an exercise when none is asked
// for: that of the calls already passed in it, else the residence's
// setting, else four.
func defaultCount(tx *ledger.Tx, ex ledger.Exercise) (int, error) {
	for _, kind := range []ledger.CallKind{ledger.BudgetCall, ledger.FundCall} {
		live, err := tx.Calls(ledger.CallFilter{ExerciseID: ex.ID, Kind: kind, Live: true})
		if err != nil {
			return 0, err
		}
		if len(live) > 0 {
			return live[0].Count, nil
		}
	}
	if v, err := tx.Option(optCallCount, ""); err != nil {
		return 0, err
	} else if c, err := strconv.Atoi(v); err == nil && c > 0 {
		return c, nil
	}
	return DefaultCallCount, nil
}

func (p *CallPlan) usesKey(key string) bool {
	for _, c := range p.Calls {
		for _, k := range c.Keys {
			if k.Key == key {
				return true
			}
		}
	}
	return false
}

func (pl *planner) block(format string, args ...any) { pl.problem(true, format, args...) }
func (pl *planner) warn(format string, args ...any)  { pl.problem(false, format, args...) }

func (pl *planner) problem(blocking bool, format string, args ...any) {
	pl.plan.Problems.Add(blocking, format, args...)
}

// liveCalls lists the calls of a kind (and campaign) not cancelled in the
// plan's exercise.
func (pl *planner) liveCalls(kind ledger.CallKind, works string) ([]ledger.Call, error) {
	return pl.tx.Calls(ledger.CallFilter{ExerciseID: pl.plan.Exercise.ID, Kind: kind, Works: works, Live: true})
}

// pieces names the pieces of calls: "A0001, A0003 et A0005", or the
// first and last of a long list.
func pieces(calls []ledger.Call) string {
	if len(calls) > 6 {
		return fmt.Sprintf("%d appels, de %s à %s", len(calls), calls[0].Piece, calls[len(calls)-1].Piece)
	}
	list := make([]string, len(calls))
	for i, c := range calls {
		list[i] = c.Piece
	}
	return fr.Join(list, "et")
}

// keyAmount is an amount to call on a key.
type keyAmount struct {
	key    string
	amount ledger.Amount
}

// budgetByKey is what the budget asks of the owners per key: its charges
// minus the income it expects (class 7 beyond the provisions, 70x). charges
// is the budget's charges alone, which the works fund is measured against.
func (pl *planner) budgetByKey() (byKey []keyAmount, charges ledger.Amount, err error) {
	lines, err := pl.tx.Budget(pl.plan.Exercise.ID)
	if err != nil {
		return nil, 0, err
	}
	per := map[string]ledger.Amount{}
	for _, b := range lines {
		switch {
		case ledger.AccountClass(b.Account) == 6:
			per[b.Key] += b.Amount
			charges += b.Amount
		case ledger.IsCalledProvision(b.Account):
			pl.warn("La ligne de budget %s (clé %s, %s) est ignorée : les comptes 70x sont les provisions appelées elles-mêmes.", b.Account, b.Key, b.Amount)
		default:
			per[b.Key] -= b.Amount
		}
	}
	for k, a := range per {
		if a != 0 {
			byKey = append(byKey, keyAmount{k, a})
		}
	}
	sort.Slice(byKey, func(i, j int) bool { return byKey[i].key < byKey[j].key })
	return byKey, charges, nil
}

// series is what a kind of call already holds in the exercise: the live
// calls by number and what they called per key.
type series struct {
	calls  map[int]ledger.Call
	live   []ledger.Call
	called map[string]ledger.Amount
}

func (pl *planner) series(kind ledger.CallKind, count int, what string) (series, error) {
	s := series{calls: map[int]ledger.Call{}, called: map[string]ledger.Amount{}}
	live, err := pl.liveCalls(kind, "")
	if err != nil {
		return s, err
	}
	s.live = live
	for _, c := range live {
		if c.Count != count {
			return s, ledger.Errorf(ledger.Conflict, "Les appels %s de l'exercice %s déjà passés (%s) sont au nombre de %d par an : générez les appels manquants en %d appels, ou annulez d'abord ceux qui sont passés",
				what, pl.plan.Exercise.Name(), pieces(live), c.Count, c.Count)
		}
		s.calls[c.Number] = c
		for _, k := range c.Keys {
			s.called[k.Key] += k.Amount
		}
	}
	return s, nil
}

// budgetAndFund plans the budget's calls and the fund's on the first day of
// each period. Periods already called are kept: only the missing ones are
// planned, each key's amount still to call spread evenly over them, which
// gives the even split of the year when nothing changed, and absorbs a
// budget voted again mid-year (cancel the calls to come, then generate
// them again). That is also how the calls due after a sale recorded late
// go to the buyer.
func (pl *planner) budgetAndFund(count int, budget, fund bool) error {
	ex := pl.plan.Exercise
	periods, err := CallPeriods(ex, count)
	if err != nil {
		return err
	}
	byKey, budgetCharges, err := pl.budgetByKey()
	if err != nil {
		return err
	}
	var budgetSeries, fundSeries series
	if budget {
		if len(byKey) == 0 {
			return ledger.Errorf(ledger.Invalid, "Le budget de l'exercice %s est vide : saisissez-le ou importez-le avant de générer ses appels", ex.Name())
		}
		if budgetSeries, err = pl.series(ledger.BudgetCall, count, "du budget"); err != nil {
			return err
		}
		switch n := len(budgetSeries.calls); {
		case n == count:
			return ledger.Errorf(ledger.Conflict, "Les appels du budget %s sont déjà passés (%s) : annulez ceux à refaire avant d'en générer d'autres", ex.Name(), pieces(budgetSeries.live))
		case n > 0:
			pl.warn("Les appels du budget %s déjà passés (%s) sont gardés : seuls les appels manquants sont générés, sur ce qui reste à appeler.", ex.Name(), pieces(budgetSeries.live))
		}
	}
	f, hasFund, err := pl.tx.WorksFund(ex.ID)
	if err != nil {
		return err
	}
	if fund {
		if fundSeries, err = pl.series(ledger.FundCall, count, "du fonds de travaux"); err != nil {
			return err
		}
		n := len(fundSeries.calls)
		switch {
		case n == count && budget:
			pl.warn("Le fonds de travaux %s est déjà appelé (%s) : seuls les appels du budget sont générés.", ex.Name(), pieces(fundSeries.live))
			fund = false
		case n == count:
			return ledger.Errorf(ledger.Conflict, "Le fonds de travaux %s est déjà appelé (%s) : annulez les appels à refaire avant d'en générer d'autres", ex.Name(), pieces(fundSeries.live))
		case !hasFund && n == 0 && !budget:
			return ledger.Errorf(ledger.Invalid, "Aucun fonds de travaux n'est fixé pour l'exercice %s : indiquez son montant annuel et sa clé", ex.Name())
		case !hasFund && n == 0:
			fund = false
		case n > 0:
			pl.warn("Les appels du fonds de travaux %s déjà passés (%s) sont gardés : seuls les appels manquants sont générés.", ex.Name(), pieces(fundSeries.live))
		}
	}
	if w := fundWarning(ex, f, hasFund, budgetCharges); w != "" {
		pl.warn("%s", w)
	}
	// A key left out of the budget or the fund since the first calls keeps
	// what was called on it: the closing settles it.
	var fundKeys []keyAmount
	if fund && hasFund {
		fundKeys = []keyAmount{{f.Key, f.Amount}}
	}
	budgetDue := spread(periods, budgetSeries, byKey)
	fundDue := spread(periods, fundSeries, fundKeys)
	for i, per := range periods {
		if budget && budgetSeries.calls[i+1].ID == 0 {
			c := PlannedCall{Kind: ledger.BudgetCall, Number: i + 1, Count: count, Due: per.Start, PeriodStart: per.Start, PeriodEnd: per.End,
				Period: per.Name, Label: "Appel de fonds " + per.Name, Account: "701000"}
			if err := pl.allocate(&c, budgetDue[i]); err != nil {
				return err
			}
			pl.add(c)
		}
		if fund && fundSeries.calls[i+1].ID == 0 {
			c := PlannedCall{Kind: ledger.FundCall, Number: i + 1, Count: count, Due: per.Start, PeriodStart: per.Start, PeriodEnd: per.End,
				Period: per.Name, Label: "Appel fonds de travaux " + per.Name, Account: "105000"}
			if err := pl.allocate(&c, fundDue[i]); err != nil {
				return err
			}
			pl.add(c)
		}
	}
	return nil
}

// spread shares what remains to call on each key (its yearly amount less
// what the series called) evenly over the periods not called yet, by
// period index; SplitEven puts the extra cents on the first of them.
func spread(periods []Period, s series, yearly []keyAmount) map[int][]keyAmount {
	var missing []int
	for i := range periods {
		if s.calls[i+1].ID == 0 {
			missing = append(missing, i)
		}
	}
	out := map[int][]keyAmount{}
	if len(missing) == 0 {
		return out
	}
	for _, ka := range yearly {
		parts := ledger.SplitEven(ka.amount-s.called[ka.key], len(missing))
		for j, i := range missing {
			if parts[j] != 0 {
				out[i] = append(out[i], keyAmount{ka.key, parts[j]})
			}
		}
	}
	return out
}

func (pl *planner) add(c PlannedCall) {
	if len(c.Keys) > 0 {
		pl.plan.Calls = append(pl.plan.Calls, c)
	}
}

// allocate splits each key's amount over the owners of the due date, by
// the sum of their lots' shares on the key (DOMAIN §4: per owner, not per
// lot; largest remainder, ties to the lower account).
func (pl *planner) allocate(c *PlannedCall, amounts []keyAmount) error {
	lotOwner, err := pl.tx.OwnersAt(c.Due)
	if err != nil {
		return err
	}
	byOwner := map[string]*PlannedOwner{}
	for _, ka := range amounts {
		k, ok := pl.keys[ka.key]
		if !ok {
			pl.block("La clé %s n'existe pas.", ka.key)
			continue
		}
		weights := map[string]decimal.Decimal{}
		total := decimal.Zero
		orphan := false
		for _, s := range pl.shares[ka.key] {
			if !s.Shares.IsPositive() {
				continue
			}
			total = total.Add(s.Shares)
			owner, ok := lotOwner[s.Lot]
			if !ok {
				pl.block("Le lot %s n'a pas de propriétaire au %s : indiquez-le avant de générer l'appel.", s.Lot, ledger.FrenchDate(c.Due))
				orphan = true
				continue
			}
			weights[owner] = weights[owner].Add(s.Shares)
		}
		if total.IsZero() {
			pl.block("La clé %s « %s » n'a aucun tantième : %s ne peuvent pas y être répartis.", k.Code, k.Label, ka.amount)
			continue
		}
		c.Keys = append(c.Keys, PlannedKey{Key: k.Code, Label: k.Label, TotalShares: total, Amount: ka.amount})
		c.Total += ka.amount
		if orphan {
			continue
		}
		recipients := make([]ledger.Weight, 0, len(weights))
		for o, w := range weights {
			recipients = append(recipients, ledger.Weight{Code: o, Weight: w})
		}
		sort.Slice(recipients, func(i, j int) bool { return recipients[i].Code < recipients[j].Code })
		parts, err := ledger.Allocate(ka.amount, recipients)
		if err != nil {
			return err
		}
		for i, rc := range recipients {
			if parts[i] == 0 {
				continue
			}
			po := byOwner[rc.Code]
			if po == nil {
				o := pl.owners[rc.Code]
				po = &PlannedOwner{Account: rc.Code, Name: o.DisplayName()}
				byOwner[rc.Code] = po
			}
			po.Parts = append(po.Parts, ledger.CallPart{Owner: rc.Code, Key: k.Code, Shares: rc.Weight, Amount: parts[i]})
			po.Total += parts[i]
		}
	}
	for _, po := range byOwner {
		c.Owners = append(c.Owners, *po)
	}
	sort.Slice(c.Owners, func(i, j int) bool { return c.Owners[i].Account < c.Owners[j].Account })
	for i := range c.Owners {
		ps := c.Owners[i].Parts
		sort.Slice(ps, func(a, b int) bool { return ps[a].Key < ps[b].Key })
	}
	return nil
}

// callsDigest sums up the calls a plan would post: per call its kind,
// campaign, due date, account and total, each key's shares and amount, and
// each owner's parts.
func callsDigest(p *CallPlan) string {
	d := NewPlanDigest()
	d.Add("%s|%d", p.Level, len(p.Calls))
	for _, c := range p.Calls {
		d.Add("call|%s|%s|%s|%s|%d", c.Kind, c.Works, ledger.ISO(c.Due), c.Account, int64(c.Total))
		for _, k := range c.Keys {
			d.Add("key|%s|%s|%d", k.Key, k.TotalShares, int64(k.Amount))
		}
		for _, o := range c.Owners {
			d.Add("owner|%s", o.Account)
			for _, pt := range o.Parts {
				d.Add("part|%s|%s|%d", pt.Key, pt.Shares, int64(pt.Amount))
			}
		}
	}
	return d.Sum()
}

// postPlan posts every call of a plan computed in tx.
func postPlan(tx *ledger.Tx, p *CallPlan) ([]ledger.Call, error) {
	var out []ledger.Call
	for _, pc := range p.Calls {
		piece, err := tx.NextPiece(ledger.CallPiecePrefix(p.Exercise))
		if err != nil {
			return nil, err
		}
		c := ledger.Call{Kind: pc.Kind, ExerciseID: p.Exercise.ID, Works: pc.Works, Number: pc.Number, Count: pc.Count,
			Due: pc.Due, PeriodStart: pc.PeriodStart, PeriodEnd: pc.PeriodEnd, Label: pc.Label, Account: pc.Account,
			Level: string(p.Level), Piece: piece, Parts: pc.Parts()}
		for _, k := range pc.Keys {
			c.Keys = append(c.Keys, ledger.CallKey{Key: k.Key, TotalShares: k.TotalShares, Amount: k.Amount})
		}
		e := callEntry(pc, p.Level, piece)
		if err := tx.PostCall(&c, &e); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// callOrigin marks a call's entry with its kind and piece.
func callOrigin(pc PlannedCall, piece string) string {
	switch pc.Kind {
	case ledger.FundCall:
		return "fund:" + piece
	case ledger.WorksCall:
		return "works:" + pc.Works + ":" + piece
	case ledger.AdvanceCall:
		return "advance:" + piece
	}
	return "call:" + piece
}

// callEntry writes a planned call's entry at an accounting level: one
// debit per owner on his 450, and the credits the level asks for.
func callEntry(pc PlannedCall, level CallLevel, piece string) ledger.Entry {
	e := ledger.Entry{Journal: ledger.JournalMisc, Date: pc.Due, Piece: piece, Label: pc.Label, Origin: callOrigin(pc, piece)}
	for _, o := range pc.Owners {
		if o.Total != 0 {
			e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: o.Account}, o.Total))
		}
	}
	switch level {
	case LevelGlobal, LevelAccount:
		e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: pc.Account, Label: pc.Label}, -pc.Total))
	case LevelDetailed:
		for _, o := range pc.Owners {
			for _, p := range o.Parts {
				e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: pc.Account, Key: p.Key, Label: o.Name + " – clé " + p.Key}, -p.Amount))
			}
		}
	default:
		for _, k := range pc.Keys {
			e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: pc.Account, Key: k.Key, Label: "Clé " + k.Key + " " + k.Label}, -k.Amount))
		}
	}
	return e
}
