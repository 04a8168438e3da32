package closing

import (
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/ledger"
)

// The year-end closing (DOMAIN §6), in three steps for the assistant
// (menu Exercice › Clôturer) and the CLI `close`:
//
//  1. Checks lists what blocks the closing (suspense accounts 47x not
//     nil, charges or income without a key, key totals that do not match,
//     calls not posted, lots without an owner, provisions that cannot be
//     told owner by owner) and what only deserves a look (bank accounts not
//     reconciled, works whose end date and "finished" flag disagree).
//  2. Prepare previews, owner by owner and key by key, his part of the
//     net charges, the provisions called and the régularisation, with every
//     entry the closing would post. Nothing is written.
//  3. Post posts the plan in one transaction, computed again inside it:
//     the distribution entries (journal OD, last day of N), the works
//     campaigns finished (distributed like current charges) or not (moved to
//     120xxx and reversed on day 1 of N+1), the opening balances of classes
//     1, 4 and 5 (journal AN, day 1 of N+1), the record of the computation,
//     then the lock. The working exercise becomes N+1.
//
// Readings chosen where the texts leave room (say so to users):
//
//   - Current operations are the accounts the budget covers (the budget
//     screen's rule): class 6 but 67x, class 7 but 70x, plus the provisions
//     701. Charges 661 and 68 and income 71x/78 outside any campaign are
//     thus current, as the budget and the calls treat them; a works
//     campaign's own accounts (661RAV, 711RAV…) belong to the campaign.
//     Charges 67x and income 70x (but 701) outside any campaign are the
//     "exceptional operations outside any campaign": distributed on their
//     keys at the closing of their year, shown in annexe 2 part II and in
//     annexe 4 as one operation.
//   - The surplus or shortfall goes to the owner when the accounts are
//     approved (loi de 1965, art. 6-2; DOMAIN §9): by default the lots'
//     owners on the day the closing is made (the last day of the exercise
//     if that is later). Each owner gets the lots' share of the year's net
//     charges, and the provisions called on those lots during the year,
//     whoever they were called from: the provisions a seller paid before
//     the sale are his contribution, kept by the syndicat, and the buyer's
//     régularisation is the lots' whole surplus or shortfall. The seller's
//     account is left as it is (his provisions are "moved" to the buyer in
//     the statements, not refunded to him).
//   - Provisions typed by hand (an entry with 701 and owners' accounts only)
//     count for the owners debited, on no particular key; a hand-typed entry
//     mixing 701 with other accounts blocks the closing, since nobody can
//     tell whose provisions it holds.
//   - A works campaign is finished in N when it is marked finished and its
//     end date is not after N's last day. Its provisions are the calls of
//     the campaign not distributed yet (102xxx is taken into 702xxx first:
//     "102 consumed"), its net charges its class-6 lines less its class-7
//     lines other than 702xxx (subsidies, loans, the works fund's 705xxx).
//   - Reopening: the file refuses to reopen an exercise while a later one
//     holds entries, and the closing's opening balances are such entries. We
//     keep that rule: a closing is not undone (corrections go through
//     entries in N+1). A later "annuler la clôture" would have to delete the
//     AN, the reversals and the closing entries, then the record, first.

// Options are the choices of a closing.
type Options struct {
	// OwnersAt is the day whose owners receive the surplus or shortfall
	// (the date of the general meeting that approves the accounts, when
	// known). Zero: the day of the held AG that approved the accounts
	// when there is one, else today, or the exercise's last day when later.
	OwnersAt time.Time
}

// closingToday is the day the closing is made; tests fix it.
var closingToday = ledger.Now

// Account is an account's amount in a section: charges as debit −
// credit, income as credit − debit, before the distribution.
type Account struct {
	Account string
	Label   string
	Income  bool
	Amount  ledger.Amount
}

// Key is one key of a section: its accounts, its total shares at
// the attribution date, its net charges.
type Key struct {
	Key         string
	Label       string
	TotalShares decimal.Decimal
	Accounts    []Account
	Charges     ledger.Amount
	Income      ledger.Amount
	Provisions  ledger.Amount // called on the key (those typed by hand are under key "")
}

// Net is the key's net charges: charges − income assigned to it.
func (k Key) Net() ledger.Amount { return k.Charges - k.Income }

// Section codes of a closing.
const (
	CurrentSection     = ""                        // current operations (budget)
	ExceptionalSection = ledger.ExceptionalSection // exceptional operations outside any campaign
)

// Section is what the closing distributes in one part: current
// operations, a finished works campaign, or the exceptional operations
// outside any campaign.
type Section struct {
	Code       string
	Label      string
	Works      *ledger.Works // the campaign, for a works section
	Keys       []Key         // with something to distribute or provisions
	Charges    ledger.Amount
	Income     ledger.Amount
	Provisions ledger.Amount // called, over every owner
	// ProvisionAccounts are the provision accounts the closing brings back
	// to zero: 701000, or 702xxx (after 102xxx is taken into it).
	ProvisionAccounts []Account
}

// Net is the section's net charges.
func (s Section) Net() ledger.Amount { return s.Charges - s.Income }

// Regularisation is what the section adds to the owners' accounts.
func (s Section) Regularisation() ledger.Amount { return s.Net() - s.Provisions }

// PendingWorks is a works campaign not finished at the end of N: its
// charges and income are moved to its 120xxx, and back on day 1 of N+1.
type PendingWorks struct {
	Works    ledger.Works
	Accounts []Account
	Charges  ledger.Amount
	Income   ledger.Amount
}

// Balance is what the campaign's 120xxx holds after the transfer, debit −
// credit: positive when more was spent than called (printed negative in
// annexe 1).
func (p PendingWorks) Balance() ledger.Amount { return p.Charges - p.Income }

// SaleTransfer is provisions of sold lots moving between a seller and a
// buyer: positive when the owner takes them over from Other, negative when
// they pass from him to Other.
type SaleTransfer struct {
	Other     string
	OtherName string
	Lots      []string
	Amount    ledger.Amount
}

// OwnerPart is an owner's part of a section on one key.
type OwnerPart struct {
	Key         string
	Label       string
	Shares      decimal.Decimal // his lots' shares on the key at the attribution date
	TotalShares decimal.Decimal
	KeyNet      ledger.Amount // the key's net charges
	Part        ledger.Amount // his part of them
	Called      ledger.Amount // provisions called from him on the key
	Moved       ledger.Amount // provisions of sold lots, + taken over, − passed on
}

// OwnerSection is an owner's share of one section.
type OwnerSection struct {
	Code      string
	Label     string
	Parts     []OwnerPart // by key; key "" holds provisions typed by hand
	Charges   ledger.Amount
	Called    ledger.Amount
	Moved     ledger.Amount
	Transfers []SaleTransfer
}

// Provisions is what the closing credits back to him.
func (s OwnerSection) Provisions() ledger.Amount { return s.Called + s.Moved }

// Regularisation is his charges less his provisions: positive, he pays.
func (s OwnerSection) Regularisation() ledger.Amount { return s.Charges - s.Provisions() }

// Owner is what the closing does to one owner's account.
type Owner struct {
	Account        string
	Name           string
	Lots           []string // held at the attribution date
	Sections       []OwnerSection
	Charges        ledger.Amount
	Provisions     ledger.Amount
	Regularisation ledger.Amount // Charges − Provisions
	BalanceBefore  ledger.Amount // at the last day of N, before the closing (positive: he owes)
	BalanceAfter   ledger.Amount // BalanceBefore + Regularisation
}

// Plan is a preview of a closing: nothing is written until Post.
type Plan struct {
	opt      Options
	Exercise ledger.Exercise
	// Next is N+1; its ID is 0 when it does not exist yet (Post creates
	// it, and N+2, so that the budgets to vote have an exercise).
	Next           ledger.Exercise
	OwnersAt       time.Time
	Problems       app.Problems
	Sections       []Section      // current operations, finished campaigns, exceptional operations
	Pending        []PendingWorks // campaigns not finished
	Owners         []Owner        // by account
	NetCharges     ledger.Amount  // over every section
	Provisions     ledger.Amount
	Regularisation ledger.Amount // NetCharges − Provisions = Σ owners' régularisations
	// Entries are what Post posts, in order: on N's last day the transfer
	// of finished campaigns' 102 to 702, the unfinished ones to 120, the
	// distribution; on N+1's first day the opening balances and the
	// reversal of the 120 transfers. Pieces are given when posted.
	Entries []ledger.Entry
	// Doubtful are the owners under recovery whose debt may be posted as
	// doubtful before the closing (459 and a 491 provision); the syndic
	// accepts each (app.Residence.AcceptDoubtful), then prepares again.
	Doubtful []app.DoubtfulProposal
	record   ledger.ClosingRecord
	digest   string
}

// Blocked says whether a problem prevents the closing.
func (p *Plan) Blocked() bool { return p.Problems.Blocked() }

// Warnings lists the problems that do not block.
func (p *Plan) Warnings() []string { return p.Problems.Warnings() }

// Err is the blocking problems as one French sentence, nil when none.
func (p *Plan) Err() error {
	return p.Problems.Err("Clôture de l'exercice " + p.Exercise.Name() + " impossible")
}

// Owner returns the plan of one owner.
func (p *Plan) Owner(account string) (Owner, bool) {
	i := sort.Search(len(p.Owners), func(i int) bool { return p.Owners[i].Account >= account })
	if i < len(p.Owners) && p.Owners[i].Account == account {
		return p.Owners[i], true
	}
	return Owner{}, false
}

// Section returns a section of the plan by code.
func (p *Plan) Section(code string) (Section, bool) {
	for _, s := range p.Sections {
		if s.Code == code {
			return s, true
		}
	}
	return Section{}, false
}

func (p *Plan) block(format string, args ...any) { p.problem(true, format, args...) }
func (p *Plan) warn(format string, args ...any)  { p.problem(false, format, args...) }

func (p *Plan) problem(blocking bool, format string, args ...any) {
	p.Problems.Add(blocking, format, args...)
}

// Checks lists what blocks the closing of exercise ex and what
// deserves a look first, for the assistant's first screen.
func Checks(r *app.Residence, ex ledger.Exercise) (app.Problems, error) {
	p, err := Prepare(r, ex, Options{})
	if err != nil {
		return nil, err
	}
	return p.Problems, nil
}

// Prepare previews the closing of exercise ex. Nothing is written.
func Prepare(r *app.Residence, ex ledger.Exercise, opt Options) (*Plan, error) {
	var p *Plan
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		p, err = planClosing(tx, ex.ID, opt)
		return err
	})
	if err == nil && !p.Exercise.Closed {
		p.Doubtful, err = r.DoubtfulProposals(p.Exercise)
	}
	return p, err
}

// Result says what a closing did.
type Result struct {
	Exercise       ledger.Exercise
	Next           ledger.Exercise // the new working exercise
	Entries        []ledger.Entry  // as posted, with their numbers and pieces
	Regularisation ledger.Amount
	Owners         int
	SafetyCopy     string // the archive of the residence taken just before
}

// Post posts a previewed closing in one transaction (the "Close"
// step of the assistant; Residence.Close closes the file). The plan is
// computed again inside it; if the books changed since the preview nothing
// is written and the preview must be made again.
func Post(r *app.Residence, p *Plan) (Result, error) {
	var res Result
	copyPath, err := r.MakeRoom(closingLines(p), ledger.ReasonClosing)
	if err != nil {
		return res, err
	}
	err = r.Update(func(tx *ledger.Tx) error {
		fresh, err := planClosing(tx, p.Exercise.ID, p.opt)
		if err != nil {
			return err
		}
		if err := fresh.Err(); err != nil {
			return err
		}
		if err := app.CheckFresh(p.digest, fresh.digest, "Les comptes ont changé depuis l'aperçu de la clôture : refaites l'aperçu avant de clôturer"); err != nil {
			return err
		}
		res, err = postClosing(tx, fresh)
		res.SafetyCopy = copyPath
		return err
	})
	if err == nil {
		r.NoteFingerprint(p.Exercise, "clôture (scellé de l'exercice)")
	}
	return res, err
}

// closingLines counts the entry lines a closing posts.
func closingLines(p *Plan) int {
	n := 0
	for _, e := range p.Entries {
		n += 1 + len(e.Lines)
	}
	return n
}

// closer computes a plan.
type closer struct {
	tx       *ledger.Tx
	p        *Plan
	b        *books
	lots     *lotIndex
	attrib   map[string]string // lot → owner at OwnersAt
	view     bookView          // N's balances, with the plan's entries applied as they are made
	callIDs  map[int64]bool    // entries of calls and of their cancellations
	calls    []ledger.Call     // every call, cancelled ones included
	parts    map[int64][]ledger.CallPart
	sections map[string]*provisionBook
	// pendingReversals are posted on N+1's first day, after the opening
	// balances.
	pendingReversals []ledger.Entry
}

func planClosing(tx *ledger.Tx, exerciseID int64, opt Options) (*Plan, error) {
	exs, err := tx.Exercises()
	if err != nil {
		return nil, err
	}
	p := &Plan{opt: opt}
	found := false
	for _, x := range exs {
		switch {
		case x.ID == exerciseID:
			p.Exercise, found = x, true
		case found && p.Next.ID == 0 && x.Start.Equal(p.Exercise.End.AddDate(0, 0, 1)):
			p.Next = x
		}
	}
	if !found {
		return nil, ledger.Errorf(ledger.NotFound, "Clôture : l'exercice demandé n'existe pas")
	}
	ex := p.Exercise
	if ex.Closed {
		return nil, ledger.Errorf(ledger.Locked, "L'exercice %s est déjà clos", ex.Name())
	}
	if p.Next.ID == 0 {
		start := ex.End.AddDate(0, 0, 1)
		p.Next = ledger.Exercise{Start: start, End: start.AddDate(1, 0, -1)}
	}
	for _, x := range exs {
		if x.Start.Before(ex.Start) && !x.Closed {
			p.block("L'exercice %s, qui précède, n'est pas clos : clôturez-le d'abord.", x.Name())
		}
	}
	approval, approved, err := tx.ApprovedAccounts(ex.ID)
	if err != nil {
		return nil, err
	}
	if approved {
		if err := checkApprovedBooks(tx, ex, approval); err != nil {
			return nil, err
		}
	}
	p.OwnersAt = opt.OwnersAt
	if p.OwnersAt.IsZero() && approved {
		// The owners on the day the AG approved the accounts receive the
		// régularisation (the owners who approve them are those who bear them).
		p.OwnersAt = approval.Day
	}
	if p.OwnersAt.IsZero() {
		t := closingToday()
		p.OwnersAt = ledger.Date(t.Year(), t.Month(), t.Day())
		if p.OwnersAt.Before(ex.End) {
			p.OwnersAt = ex.End
		}
	}
	if p.OwnersAt.Before(ex.End) {
		return nil, ledger.Errorf(ledger.Invalid, "La date d'attribution des régularisations (%s) ne peut pas précéder la fin de l'exercice (%s)",
			ledger.FrenchDate(p.OwnersAt), ledger.FrenchDate(ex.End))
	}
	c := &closer{tx: tx, p: p, lots: &lotIndex{tx: tx, byDate: map[time.Time]map[string][]string{}, lotAt: map[time.Time]map[string]string{}},
		sections: map[string]*provisionBook{}}
	if c.b, err = loadBooks(tx); err != nil {
		return nil, err
	}
	if c.attrib, _, err = c.lots.at(p.OwnersAt); err != nil {
		return nil, err
	}
	if c.view, err = loadView(tx, ex.Start, ex.End); err != nil {
		return nil, err
	}
	if c.calls, err = tx.Calls(ledger.CallFilter{}); err != nil {
		return nil, err
	}
	c.callIDs = map[int64]bool{}
	var live []int64
	for _, call := range c.calls {
		c.callIDs[call.EntryID] = true
		if call.Cancelled() {
			c.callIDs[call.CancelEntryID] = true
		} else {
			live = append(live, call.ID)
		}
	}
	if c.parts, err = tx.CallParts(live...); err != nil {
		return nil, err
	}
	steps := []func() error{c.checkBooks, c.checkCalls, c.checkBanks, c.checkWorksBooking, c.takeReserves, c.movePending, c.distribute, c.openNext}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	p.digest = digest(p)
	return p, nil
}

// post adds an entry to the plan and to the view.
func (c *closer) post(e ledger.Entry) {
	var kept []ledger.Line
	for _, l := range e.Lines {
		if l.Debit != 0 || l.Credit != 0 {
			kept = append(kept, l)
		}
	}
	if len(kept) < 2 {
		return
	}
	e.Lines = kept
	c.p.Entries = append(c.p.Entries, e)
	if !e.Date.After(c.p.Exercise.End) {
		c.view.apply(e.Lines, 1)
	}
}
