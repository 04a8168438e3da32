package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

const (
	prefShowLeft     = "owners.showLeft"
	prefGreenSettled = "owners.greenSettled"
)

// owners is the Copropriétaires screen: the list, and an owner's card in
// its place when one is opened.
type owners struct {
	listScreen[app.OwnerSummary]
	showLeft *widget.Check
	green    *widget.Check
	card     *ownerCard // the open card, nil on the list
}

func newOwners(s *Shell) screen {
	o := &owners{}
	table := &widgets.Table[app.OwnerSummary]{
		Cols: []widgets.Column[app.OwnerSummary]{
			{Title: "Compte", Width: 110, Text: func(r app.OwnerSummary) string { return r.Account },
				Less: func(a, b app.OwnerSummary) bool { return a.Account < b.Account }},
			{Title: "Nom", Width: 220, Stretch: true, Text: ownerListName,
				Less: func(a, b app.OwnerSummary) bool { return fr.Fold(a.Name) < fr.Fold(b.Name) }},
			{Title: "Lots", Width: 150, Text: func(r app.OwnerSummary) string { return strings.Join(r.Lots, ", ") },
				Less: func(a, b app.OwnerSummary) bool { return lotsLess(a.Lots, b.Lots) }},
			{Title: "Tantièmes généraux", Width: 180, Align: fyne.TextAlignTrailing,
				Text: func(r app.OwnerSummary) string { return fr.Shares(r.GeneralShares()) },
				Less: func(a, b app.OwnerSummary) bool { return a.GeneralShares().LessThan(b.GeneralShares()) }},
			{Title: "Solde", Width: 150, Align: fyne.TextAlignTrailing, Text: func(r app.OwnerSummary) string { return r.Balance.String() },
				Less: func(a, b app.OwnerSummary) bool { return a.Balance < b.Balance }},
			{Title: "Situation", Width: 120, Text: func(r app.OwnerSummary) string { return balanceWord(r.Balance) },
				Less: func(a, b app.OwnerSummary) bool { return a.Balance < b.Balance }},
		},
		Match: ownerMatches,
		Keep:  func(r app.OwnerSummary) bool { return o.showLeft.Checked || !r.Left(o.at) },
		Tint: func(r app.OwnerSummary) color.Color {
			switch {
			case r.Balance > 0:
				return attentionTint
			case o.green.Checked:
				return orderTint
			}
			return nil
		},
		Totals:  ownerTotals,
		Empty:   "Aucun copropriétaire — importez un fichier Excel ou créez-en un avec « Nouveau copropriétaire… ».",
		NoMatch: "Aucun copropriétaire ne correspond à « %s ».",
		OnOpen:  func(r app.OwnerSummary) { o.openCard(r.Account) },
	}
	tableView := o.build(s, table, "Copropriétaires", "Nom, compte, lot, ville…", "Nouveau copropriétaire…",
		func(r app.OwnerSummary) { o.openCard(r.Account) }, o.create)
	prefs := s.app.Preferences()
	o.showLeft = widget.NewCheck("Afficher les sortis", func(on bool) {
		prefs.SetBool(prefShowLeft, on)
		o.table.Apply()
	})
	o.showLeft.Checked = prefs.Bool(prefShowLeft)
	o.green = widget.NewCheck("Comptes à jour en vert", func(on bool) {
		prefs.SetBool(prefGreenSettled, on)
		o.table.Apply()
	})
	o.green.Checked = prefs.Bool(prefGreenSettled)

	tools := widgets.Bar(container.NewBorder(nil, nil, widget.NewLabel("Rechercher :"), nil, container.New(&widgets.FixedWidth{Width: 220}, o.search)),
		o.showLeft, o.green)
	top := container.NewVBox(widgets.Bar(widgets.Heading("Copropriétaires"), o.summary, o.add), tools)
	o.layout(top, tableView)
	return o
}

func (o *owners) reload() {
	list, ok := o.load(o.s.res.OwnerSummaries)
	if !ok {
		return
	}
	debtors := 0
	for _, r := range list {
		if r.Balance > 0 {
			debtors++
		}
	}
	o.summary.SetText(fmt.Sprintf("Soldes au %s · %d débiteur%s", ledger.FrenchDate(o.at), debtors, fr.S(debtors)))
	if o.card != nil {
		o.card.reload()
	}
}

// create opens the form for a new owner (Ctrl+N).
func (o *owners) create() {
	if o.s.readOnly() {
		return
	}
	o.s.ownerForm(nil, func(w ledger.Owner) {
		o.s.changed()
		o.reveal(w.Account)
	})
}

// reveal scrolls the list to an owner, clearing a search that hides him.
func (o *owners) reveal(account string) {
	for pass := 0; pass < 2; pass++ {
		for i, r := range o.table.Rows() {
			if r.Account == account {
				o.table.Widget().ScrollTo(widget.TableCellID{Row: i, Col: 0})
				return
			}
		}
		o.search.SetText("")
	}
}

func (o *owners) focusSearch() {
	o.back()
	o.s.win.Canvas().Focus(o.search)
}

// openCard shows an owner's card in place of the list.
func (o *owners) openCard(account string) {
	o.card = newOwnerCard(o, account)
	o.card.reload()
	o.showCard(o.card.root)
}

// back closes the card and shows the list again.
func (o *owners) back() bool {
	if o.card == nil {
		return false
	}
	o.card = nil
	o.showList()
	return true
}

// ownerMatches says whether an owner answers a search: a number finds a
// lot or an account ("12" finds lot 12 and owner 450012), words find names
// and cities.
func ownerMatches(r app.OwnerSummary, q string) bool {
	if n, err := strconv.Atoi(q); err == nil && n >= 0 {
		return slices.Contains(r.Lots, q) || r.Account == q || r.Account == fmt.Sprintf("450%03d", n)
	}
	return strings.Contains(fr.Fold(r.DisplayName()+" "+r.City), q)
}

func ownerListName(r app.OwnerSummary) string {
	name := r.DisplayName()
	if !r.ExitDate.IsZero() {
		name += " — sorti le " + ledger.FrenchDate(r.ExitDate)
	}
	return name
}

// balanceWord says in words what a balance means for an owner.
func balanceWord(b ledger.Amount) string {
	switch {
	case b > 0:
		return "Débiteur"
	case b < 0:
		return "Créditeur"
	}
	return "Soldé"
}

// lotsLess orders owners by their first lot, numbers as numbers.
func lotsLess(a, b []string) bool {
	switch {
	case len(a) == 0 || len(b) == 0:
		return len(a) < len(b)
	}
	return ledger.LotLess(a[0], b[0])
}

func ownerTotals(rows []app.OwnerSummary) []string {
	lots, debtors := 0, 0
	shares := decimal.Zero
	var balance ledger.Amount
	for _, r := range rows {
		lots += len(r.Lots)
		shares = shares.Add(r.GeneralShares())
		balance += r.Balance
		if r.Balance > 0 {
			debtors++
		}
	}
	return []string{"Total", fmt.Sprintf("%d copropriétaire%s", len(rows), fr.S(len(rows))), fmt.Sprintf("%d lot%s", lots, fr.S(lots)),
		fr.Shares(shares), balance.String(), fmt.Sprintf("%d débiteur%s", debtors, fr.S(debtors))}
}
