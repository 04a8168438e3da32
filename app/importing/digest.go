package importing

import (
	"sort"

	"tantieme/app"
	"tantieme/ledger"
)

// An import is previewed in one transaction and applied in another: the
// plan is computed again when it is applied, and nothing is written unless
// the digest of what it would write (app.PlanDigest) is the preview's. Each
// kind sums up exactly what its apply writes.

// planDigest sums up what the plan would write.
func planDigest(p *Plan) string {
	d := app.NewPlanDigest()
	d.Add("%s|%s|%s", p.Kind, p.File, p.Sheet)
	if p.data != nil {
		p.imp.digest(d, p)
	}
	return d.Sum()
}

func (ownersImport) digest(d *app.PlanDigest, p *Plan) {
	od := p.data.(*ownersData)
	for _, g := range od.groups {
		d.Add("owner|%+v|%v", g.owner, g.ibans)
		for i, l := range g.lots {
			d.Add("lot|%+v|%s", l, g.shares[i])
		}
	}
	if od.setTotal {
		d.Add("key|%+v|%s", od.keyOld, od.keyTotal)
	}
}

func (sharesImport) digest(d *app.PlanDigest, p *Plan) {
	for _, k := range p.data.(*sharesData).keys {
		d.Add("key|%s|%s|%t|%s|%s", k.code, k.label, k.create, k.oldTot, k.total)
		for _, lot := range k.removed {
			d.Add("removed|%s", lot)
		}
		lots := make([]string, 0, len(k.shares))
		for lot := range k.shares {
			lots = append(lots, lot)
		}
		sort.Strings(lots)
		for _, lot := range lots {
			d.Add("share|%s|%s", lot, k.shares[lot])
		}
	}
}

func (balanceImport) digest(d *app.PlanDigest, p *Plan) {
	bd := p.data.(*balanceData)
	bd.rf.digestAccounts(d)
	digestEntry(d, bd.entry)
}

func (entriesImport) digest(d *app.PlanDigest, p *Plan) {
	ed := p.data.(*entriesData)
	ed.rf.digestAccounts(d)
	for _, e := range ed.entries {
		digestEntry(d, e)
	}
}

func (budgetImport) digest(d *app.PlanDigest, p *Plan) {
	bd := p.data.(*budgetData)
	bd.rf.digestAccounts(d)
	d.Add("exercise|%d", bd.exercise.ID)
	for _, b := range bd.lines {
		d.Add("budget|%s|%s|%d", b.Account, b.Key, int64(b.Amount))
	}
}

// digestAccounts sums up the accounts the import adds to the chart.
func (rf *importRefs) digestAccounts(d *app.PlanDigest) {
	for _, c := range rf.newOrder {
		d.Add("account|%s|%s", c, rf.newAccounts[c])
	}
}

func digestEntry(d *app.PlanDigest, e *ledger.Entry) {
	if e == nil {
		return
	}
	d.Add("entry|%s|%s|%s|%s|%s", e.Journal, ledger.ISO(e.Date), e.Piece, e.Label, e.Origin)
	for _, l := range e.Lines {
		d.Add("line|%s|%s|%s|%d|%d", l.Account, l.Key, l.Label, int64(l.Debit), int64(l.Credit))
	}
}
