package closing

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// sectionSpec says which accounts a section distributes and which hold its
// provisions.
type sectionSpec struct {
	code       string
	works      *ledger.Works
	amount     func(acctKey) bool // charges and income
	provision  func(acctKey) bool // provisions given back
	manualFrom time.Time          // provisions typed by hand from this day
	manual     []string           // on these accounts
	calls      func(ledger.Call) bool
}

// distribute computes every section and the entries that distribute them.
func (c *closer) distribute() error {
	ex := c.p.Exercise
	last, err := c.tx.ClosedSections()
	if err != nil {
		return err
	}
	specs := []sectionSpec{{
		code: CurrentSection,
		amount: func(k acctKey) bool {
			r := c.b.role(k.account)
			return r == roleCharge || r == roleIncome
		},
		provision:  func(k acctKey) bool { return c.b.role(k.account) == roleProvision },
		manualFrom: ex.Start,
		// A one-off call on 701 (an exceptional call of the budget) is a
		// provision of current operations like the budget's calls.
		calls: func(call ledger.Call) bool {
			return (call.Kind == ledger.BudgetCall || call.Kind == ledger.DirectCall && ledger.IsBudgetProvision(call.Account)) && call.ExerciseID == ex.ID
		},
	}}
	for _, k := range c.view.sorted(func(k acctKey) bool { return c.b.role(k.account) == roleProvision }) {
		if len(specs[0].manual) == 0 || specs[0].manual[len(specs[0].manual)-1] != k.account {
			specs[0].manual = append(specs[0].manual, k.account)
		}
	}
	for _, w := range c.finished() {
		code := w.Code
		from := time.Time{}
		if d, ok := last[code]; ok {
			from = d.AddDate(0, 0, 1)
		}
		specs = append(specs, sectionSpec{
			code:  code,
			works: w,
			amount: func(k acctKey) bool {
				return c.b.role(k.account) == roleWorks && k.account[3:] == code && ledger.AccountClass(k.account) >= 6 &&
					k.account != ledger.WorksProvisionAccount(code)
			},
			provision:  func(k acctKey) bool { return k.account == ledger.WorksProvisionAccount(code) },
			manualFrom: from,
			manual:     []string{ledger.WorksReserveAccount(code), ledger.WorksProvisionAccount(code)},
			calls: func(call ledger.Call) bool {
				return call.Kind == ledger.WorksCall && call.Works == code && !call.Due.After(ex.End) && !call.Due.Before(from)
			},
		})
	}
	specs = append(specs, sectionSpec{
		code: ExceptionalSection,
		amount: func(k acctKey) bool {
			r := c.b.role(k.account)
			return r == roleExcCharge || r == roleExcIncome
		},
		provision: func(acctKey) bool { return false },
	})

	owners := map[string]*Owner{}
	for _, spec := range specs {
		if err := c.section(spec, owners); err != nil {
			return err
		}
	}
	balances, err := c.tx.OwnerBalances(ex.End)
	if err != nil {
		return err
	}
	_, lotsOf, err := c.lots.at(c.p.OwnersAt)
	if err != nil {
		return err
	}
	for _, acc := range sortedKeys(owners) {
		o := owners[acc]
		o.Name = c.b.ownerName(acc)
		o.Lots = lotsOf[acc]
		for _, s := range o.Sections {
			o.Charges += s.Charges
			o.Provisions += s.Provisions()
		}
		o.Regularisation = o.Charges - o.Provisions
		o.BalanceBefore = balances[acc]
		o.BalanceAfter = o.BalanceBefore + o.Regularisation
		c.p.Owners = append(c.p.Owners, *o)
	}
	for _, s := range c.p.Sections {
		c.p.NetCharges += s.Net()
		c.p.Provisions += s.Provisions
	}
	c.p.Regularisation = c.p.NetCharges - c.p.Provisions
	return nil
}

// section computes one section: its keys and accounts, its provisions per
// owner, each owner's part per key, and its distribution entries.
func (c *closer) section(spec sectionSpec, owners map[string]*Owner) error {
	p, ex := c.p, c.p.Exercise
	s := Section{Code: spec.code, Label: c.b.sectionLabel(spec.code), Works: spec.works}
	keys := map[string]*Key{}
	key := func(k string) *Key {
		if keys[k] == nil {
			keys[k] = &Key{Key: k, Label: c.b.keyLabel(k)}
		}
		return keys[k]
	}
	amounts := c.view.sorted(spec.amount)
	for _, k := range amounts {
		b := c.view[k]
		ck := key(k.key)
		ca := Account{Account: k.account, Label: c.b.accounts[k.account], Income: ledger.AccountClass(k.account) == 7, Amount: b}
		if ca.Income {
			ca.Amount = -b
			ck.Income += -b
			s.Income += -b
		} else {
			ck.Charges += b
			s.Charges += b
		}
		ck.Accounts = append(ck.Accounts, ca)
	}
	provAccounts := c.view.sorted(spec.provision)
	var provBalance ledger.Amount
	provByAccount := map[string]ledger.Amount{}
	for _, k := range provAccounts {
		provBalance += -c.view[k]
		provByAccount[k.account] += -c.view[k]
	}
	for _, acc := range sortedKeys(provByAccount) {
		s.ProvisionAccounts = append(s.ProvisionAccounts, Account{Account: acc, Label: c.b.accounts[acc], Income: true, Amount: provByAccount[acc]})
	}

	pb := newProvisionBook()
	c.sections[spec.code] = pb
	if spec.calls != nil {
		for _, call := range c.calls {
			if call.Cancelled() || !spec.calls(call) {
				continue
			}
			if err := c.addCall(pb, call); err != nil {
				return err
			}
		}
	}
	if len(spec.manual) > 0 {
		if err := c.manualProvisions(pb, spec); err != nil {
			return err
		}
	}
	if pb.total != provBalance {
		what := "le compte 701 (provisions sur opérations courantes)"
		if spec.works != nil {
			what = fmt.Sprintf("les comptes 102%s et 702%s des travaux %s", spec.code, spec.code, spec.code)
		}
		p.block("Les provisions portées sur %s (%s) ne correspondent pas à celles appelées aux copropriétaires (%s), écart de %s : une écriture passée à la main mouvemente sans doute ce compte sans les comptes des copropriétaires.",
			what, provBalance, pb.total, (provBalance - pb.total).Abs())
	}
	s.Provisions = pb.total
	for _, byKey := range pb.called {
		for k, a := range byKey {
			if a != 0 {
				key(k).Provisions += a
			}
		}
	}

	// Each key's net charges over the owners at the attribution date.
	parts := map[string]map[string]OwnerPart{} // owner → key → part
	part := func(o, k string) OwnerPart {
		if parts[o] == nil {
			parts[o] = map[string]OwnerPart{}
		}
		pp, ok := parts[o][k]
		if !ok {
			pp = OwnerPart{Key: k, Label: c.b.keyLabel(k)}
		}
		return pp
	}
	for _, code := range sortedKeys(keys) {
		ck := keys[code]
		if code == "" {
			continue // blocked by checkBooks when it holds amounts; provisions only otherwise
		}
		weights := map[string]decimal.Decimal{}
		total := decimal.Zero
		orphan := false
		for _, lot := range sortedLotKeys(c.b.shares[code]) {
			sh := c.b.shares[code][lot]
			if !sh.IsPositive() {
				continue
			}
			total = total.Add(sh)
			o, ok := c.attrib[lot]
			if !ok {
				if ck.Net() != 0 {
					p.block("Le lot %s n'a pas de propriétaire au %s : indiquez-le avant de clôturer.", lot, ledger.FrenchDate(p.OwnersAt))
				}
				orphan = true
				continue
			}
			weights[o] = weights[o].Add(sh)
		}
		ck.TotalShares = total
		if ck.Net() == 0 {
			for o, w := range weights {
				pp := part(o, code)
				pp.Shares, pp.TotalShares = w, total
				parts[o][code] = pp
			}
			continue
		}
		if kt, ok := c.b.keyTotals[code]; ok && !kt.TotalsMatch() {
			p.block("Clé %s « %s » : le total déclaré (%s) n'est pas la somme des tantièmes des lots (%s) ; corrigez la clé ou les tantièmes avant de répartir ses charges.",
				code, kt.Label, fr.Shares(kt.DeclaredTotal), fr.Shares(kt.SumOfShares))
		}
		if total.IsZero() {
			p.block("La clé %s « %s » n'a aucun tantième : ses charges nettes (%s) ne peuvent pas être réparties.", code, ck.Label, ck.Net())
			continue
		}
		if orphan {
			continue
		}
		recipients := make([]ledger.Weight, 0, len(weights))
		for o, w := range weights {
			recipients = append(recipients, ledger.Weight{Code: o, Weight: w})
		}
		sort.Slice(recipients, func(i, j int) bool { return recipients[i].Code < recipients[j].Code })
		amounts, err := ledger.Allocate(ck.Net(), recipients)
		if err != nil {
			return err
		}
		for i, rc := range recipients {
			pp := part(rc.Code, code)
			pp.Shares, pp.TotalShares, pp.KeyNet, pp.Part = rc.Weight, total, ck.Net(), amounts[i]
			parts[rc.Code][code] = pp
		}
	}
	for o, byKey := range pb.called {
		for k, a := range byKey {
			pp := part(o, k)
			pp.Called += a
			parts[o][k] = pp
		}
	}
	for o, byKey := range pb.moved {
		for k, a := range byKey {
			pp := part(o, k)
			pp.Moved += a
			parts[o][k] = pp
		}
	}
	for _, code := range sortedKeys(keys) {
		ck := *keys[code]
		if ck.Charges != 0 || ck.Income != 0 || ck.Provisions != 0 {
			s.Keys = append(s.Keys, ck)
		}
	}
	if s.Charges == 0 && s.Income == 0 && s.Provisions == 0 && len(provAccounts) == 0 {
		return nil // nothing to distribute in this section
	}

	// The owners' shares of the section.
	transfers := map[string][]SaleTransfer{}
	for _, pair := range sortedPairs(pb.transfers) {
		t := pb.transfers[pair]
		from, to := pair[0], pair[1]
		transfers[to] = append(transfers[to], SaleTransfer{Other: from, OtherName: c.b.ownerName(from), Lots: t.Lots, Amount: t.Amount})
		transfers[from] = append(transfers[from], SaleTransfer{Other: to, OtherName: c.b.ownerName(to), Lots: t.Lots, Amount: -t.Amount})
	}
	var sectionOwners []string
	for _, o := range sortedKeys(parts) {
		os := OwnerSection{Code: s.Code, Label: s.Label, Transfers: transfers[o]}
		for _, k := range sortedKeys(parts[o]) {
			pp := parts[o][k]
			if pp.Part == 0 && pp.Called == 0 && pp.Moved == 0 {
				continue
			}
			os.Parts = append(os.Parts, pp)
			os.Charges += pp.Part
			os.Called += pp.Called
			os.Moved += pp.Moved
		}
		if len(os.Parts) == 0 {
			continue
		}
		if owners[o] == nil {
			owners[o] = &Owner{Account: o}
		}
		owners[o].Sections = append(owners[o].Sections, os)
		sectionOwners = append(sectionOwners, o)
		for _, pp := range os.Parts {
			c.p.record.Parts = append(c.p.record.Parts, ledger.ClosingPart{Section: s.Code, Owner: o, Key: pp.Key, Shares: pp.Shares,
				Part: pp.Part, Called: pp.Called, Moved: pp.Moved})
		}
	}
	for _, ck := range s.Keys {
		if ck.Key != "" {
			c.p.record.Keys = append(c.p.record.Keys, ledger.ClosingKey{Section: s.Code, Key: ck.Key, TotalShares: ck.TotalShares,
				Charges: ck.Charges, Income: ck.Income})
		}
	}
	p.Sections = append(p.Sections, s)

	// Its entries.
	ownerSection := func(o string) OwnerSection {
		for _, os := range owners[o].Sections {
			if os.Code == s.Code {
				return os
			}
		}
		return OwnerSection{}
	}
	origin := ledger.DistributionOrigin(ex)
	year := ex.Name()
	switch spec.code {
	case CurrentSection:
		for _, ck := range s.Keys {
			if ck.Key == "" || (ck.Charges == 0 && ck.Income == 0) {
				continue
			}
			e := ledger.Entry{Journal: ledger.JournalMisc, Date: ex.End, Origin: origin + "key:" + ck.Key,
				Label: fmt.Sprintf("Répartition des charges %s – clé %s %s", year, ck.Key, ck.Label)}
			for _, k := range amounts {
				if k.key == ck.Key {
					e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: k.account, Key: k.key}, -c.view[k]))
				}
			}
			for _, o := range sectionOwners {
				if pp, ok := parts[o][ck.Key]; ok && pp.Part != 0 {
					e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: o, Label: "Quote-part clé " + ck.Key + " " + ck.Label}, pp.Part))
				}
			}
			c.post(e)
		}
		e := ledger.Entry{Journal: ledger.JournalMisc, Date: ex.End, Origin: origin + "provisions",
			Label: fmt.Sprintf("Répartition %s – provisions appelées sur charges courantes", year)}
		for _, k := range provAccounts {
			e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: k.account, Key: k.key}, -c.view[k]))
		}
		for _, o := range sectionOwners {
			if prov := ownerSection(o).Provisions(); prov != 0 {
				e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: o, Label: "Provisions appelées " + year}, -prov))
			}
		}
		c.post(e)
	default:
		label := fmt.Sprintf("Répartition %s – %s", year, s.Label)
		e := ledger.Entry{Journal: ledger.JournalMisc, Date: ex.End, Origin: origin + "section:" + spec.code, Label: label}
		if spec.code == ExceptionalSection {
			e.Origin = origin + "exceptional"
		}
		for _, k := range append(append([]acctKey{}, amounts...), provAccounts...) {
			e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: k.account, Key: k.key}, -c.view[k]))
		}
		for _, o := range sectionOwners {
			if r := ownerSection(o).Regularisation(); r != 0 {
				e.Lines = append(e.Lines, ledger.Side(ledger.Line{Account: o, Label: s.Label}, r))
			}
		}
		c.post(e)
	}
	return nil
}

func sortedLotKeys(m map[string]decimal.Decimal) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	ledger.SortLots(out)
	return out
}

func sortedPairs(m map[[2]string]*SaleTransfer) [][2]string {
	out := make([][2]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	return out
}

// addCall counts a call's parts as provisions. A part stays with the owner
// it was called from unless some of the lots it was called on have another
// owner at the attribution date: the part is then split over those lots by
// their shares (largest remainder) and each lot's piece moves to its owner
// then — the buyer takes over the provisions of the lots he bought.
func (c *closer) addCall(pb *provisionBook, call ledger.Call) error {
	_, lotsAt, err := c.lots.at(call.Due)
	if err != nil {
		return err
	}
	for _, part := range c.parts[call.ID] {
		addTo(pb.called, part.Owner, part.Key, part.Amount)
		pb.total += part.Amount
		var lots []string
		moving := false
		for _, lot := range lotsAt[part.Owner] {
			if sh := c.b.shares[part.Key][lot]; sh.IsPositive() {
				lots = append(lots, lot)
				if to, ok := c.attrib[lot]; ok && to != part.Owner {
					moving = true
				}
			}
		}
		if !moving {
			continue
		}
		weights := make([]ledger.Weight, len(lots))
		for i, lot := range lots {
			weights[i] = ledger.Weight{Code: lot, Weight: c.b.shares[part.Key][lot]}
		}
		pieces, err := ledger.Allocate(part.Amount, weights)
		if err != nil {
			return err
		}
		for i, lot := range lots {
			to, ok := c.attrib[lot]
			if !ok || to == part.Owner || pieces[i] == 0 {
				continue
			}
			addTo(pb.moved, part.Owner, part.Key, -pieces[i])
			addTo(pb.moved, to, part.Key, pieces[i])
			pair := [2]string{part.Owner, to}
			t := pb.transfers[pair]
			if t == nil {
				t = &SaleTransfer{}
				pb.transfers[pair] = t
			}
			t.Amount += pieces[i]
			if !containsString(t.Lots, lot) {
				t.Lots = append(t.Lots, lot)
				ledger.SortLots(t.Lots)
			}
		}
	}
	return nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// manualProvisions counts the provisions typed by hand: entries on the
// section's provision accounts that no call posted. Each counts for the
// owners it debits; one that moves other accounts too cannot be told owner
// by owner and blocks the closing.
func (c *closer) manualProvisions(pb *provisionBook, spec sectionSpec) error {
	ex := c.p.Exercise
	inSet := map[string]bool{}
	for _, a := range spec.manual {
		inSet[a] = true
	}
	seen := map[int64]bool{}
	for _, acc := range spec.manual {
		entries, err := c.tx.Entries(ledger.EntryFilter{From: spec.manualFrom, To: ex.End, Account: acc})
		if err != nil {
			return err
		}
		for _, e := range entries {
			if seen[e.ID] || c.callIDs[e.ID] || e.Journal == ledger.JournalOpening || ledger.IsClosingOrigin(e.Origin) {
				continue
			}
			seen[e.ID] = true
			by := map[string]ledger.Amount{}
			mixed := ""
			for _, l := range e.Lines {
				switch {
				case inSet[l.Account]:
				case ledger.IsOwnerAccount(l.Account):
					by[l.Account] += l.Debit - l.Credit
				default:
					mixed = l.Account
				}
			}
			if mixed != "" {
				c.p.block("L'écriture n° %d du %s (%s) mouvemente le compte %s avec le compte %s : impossible de savoir de quels copropriétaires viennent ces provisions. Passez-les copropriétaire par copropriétaire, ou par un appel de fonds.",
					e.ID, ledger.FrenchDate(e.Date), strings.TrimSpace(e.Piece+" "+e.Label), acc, mixed)
				continue
			}
			for o, a := range by {
				if a != 0 {
					addTo(pb.called, o, "", a)
					pb.total += a
				}
			}
		}
	}
	return nil
}

// openNext plans the opening balances of N+1 (classes 1, 4 and 5 as they
// stand after the distribution, per account and key so that per-key
// provisions such as 102xxx keep their keys) and the reversals of the
// works moved to 120.
func (c *closer) openNext() error {
	p, ex := c.p, c.p.Exercise
	if !p.Blocked() {
		for _, k := range c.view.sorted(func(k acctKey) bool { return ledger.AccountClass(k.account) >= 6 }) {
			p.block("Après répartition, le compte %s (clé %s) garderait un solde de %s : il n'appartient à aucune section de la clôture.",
				k.account, k.key, c.view[k])
		}
	}
	an := ledger.Entry{Journal: ledger.JournalOpening, Date: p.Next.Start, Origin: ledger.ClosingOrigin(ex) + "an",
		Label: fmt.Sprintf("À nouveaux au %s (clôture de l'exercice %s)", ledger.FrenchDate(p.Next.Start), ex.Name())}
	for _, k := range c.view.sorted(func(k acctKey) bool {
		cl := ledger.AccountClass(k.account)
		return cl == 1 || cl == 4 || cl == 5
	}) {
		an.Lines = append(an.Lines, ledger.Side(ledger.Line{Account: k.account, Key: k.key}, c.view[k]))
	}
	c.post(an)
	for _, e := range c.pendingReversals {
		c.post(e)
	}
	p.record.OwnersAt = p.OwnersAt
	return nil
}

// digest sums up what a closing plan would write (plan_digest.go): its
// entries, line by line, and each owner's part per section and key.
func digest(p *Plan) string {
	d := app.NewPlanDigest()
	d.Add("%s|%d|%d", ledger.ISO(p.OwnersAt), p.Exercise.ID, len(p.Entries))
	for _, e := range p.Entries {
		d.Add("%s|%s|%s", e.Journal, ledger.ISO(e.Date), e.Origin)
		for _, l := range e.Lines {
			d.Add("%s|%s|%d|%d|%s", l.Account, l.Key, l.Debit, l.Credit, l.Label)
		}
	}
	for _, pt := range p.record.Parts {
		d.Add("%s|%s|%s|%s|%d|%d|%d", pt.Section, pt.Owner, pt.Key, pt.Shares, pt.Part, pt.Called, pt.Moved)
	}
	return d.Sum()
}

// postClosing writes a plan computed in tx: N+1 (and N+2) when missing,
// the entries of N's last day, the opening balances and reversals of N+1's
// first day, the record, then the lock.
func postClosing(tx *ledger.Tx, p *Plan) (Result, error) {
	ex := p.Exercise
	res := Result{Exercise: ex, Regularisation: p.Regularisation, Owners: len(p.Owners)}
	exs, err := tx.Exercises()
	if err != nil {
		return res, err
	}
	has := func(start time.Time) (ledger.Exercise, bool) {
		for _, x := range exs {
			if x.Start.Equal(start) {
				return x, true
			}
		}
		return ledger.Exercise{}, false
	}
	next, ok := has(ex.End.AddDate(0, 0, 1))
	if !ok {
		if next, err = tx.AddNextExercise(); err != nil {
			return res, err
		}
	}
	if _, ok := has(next.End.AddDate(0, 0, 1)); !ok {
		// The budget to vote at the meeting that approves N is N+2's.
		if exs, err = tx.Exercises(); err != nil {
			return res, err
		}
		if last := exs[len(exs)-1]; last.ID == next.ID {
			if _, err := tx.AddNextExercise(); err != nil {
				return res, err
			}
		}
	}
	res.Next = next
	pieces := tx.PieceCounter()
	checked := false
	verify := func() error {
		tb, err := tx.TrialBalanceOf(ex)
		if err != nil {
			return err
		}
		for _, b := range tb {
			if c := ledger.AccountClass(b.Account); (c == 6 || c == 7) && b.Balance() != 0 {
				return ledger.Errorf(ledger.Internal, "Clôture interrompue : après répartition, le compte %s garde un solde de %s ; rien n'a été enregistré", b.Account, b.Balance())
			}
		}
		checked = true
		return nil
	}
	for _, e := range p.Entries {
		e := e
		e.Lines = append([]ledger.Line(nil), e.Lines...)
		if e.Date.After(ex.End) && !checked {
			if err := verify(); err != nil {
				return res, err
			}
		}
		prefix := ledger.ClosingPiecePrefix
		if e.Journal == ledger.JournalOpening {
			prefix = ledger.JournalOpening
		}
		if e.Piece, err = pieces.Next(prefix); err != nil {
			return res, err
		}
		if err := tx.PostEntry(&e); err != nil {
			return res, ledger.Wrap(ledger.KindOf(err), err, "Clôture interrompue, rien n'a été enregistré : %s", ledger.Message(err))
		}
		res.Entries = append(res.Entries, e)
	}
	if !checked {
		if err := verify(); err != nil {
			return res, err
		}
	}
	rec := p.record
	rec.ExerciseID = ex.ID
	if err := tx.RecordClosing(rec); err != nil {
		return res, err
	}
	if err := tx.CloseExercise(ex.ID); err != nil {
		return res, err
	}
	return res, nil
}
