package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// lots is the Lots screen: the list, and a lot's card in its place when one
// is opened.
type lots struct {
	listScreen[app.LotSummary]
	card *lotCard // the open card, nil on the list
}

func newLots(s *Shell) screen {
	l := &lots{}
	table := &widgets.Table[app.LotSummary]{
		Cols: []widgets.Column[app.LotSummary]{
			{Title: "Lot", Width: 60, Text: func(r app.LotSummary) string { return r.Number },
				Less: func(a, b app.LotSummary) bool { return ledger.LotLess(a.Number, b.Number) }},
			{Title: "Désignation", Width: 180, Stretch: true, Text: func(r app.LotSummary) string { return lotDesignation(r.Lot) },
				Less: func(a, b app.LotSummary) bool { return fr.Fold(lotDesignation(a.Lot)) < fr.Fold(lotDesignation(b.Lot)) }},
			{Title: "Situation", Width: 270, Text: func(r app.LotSummary) string { return lotPlace(r.Lot) },
				Less: func(a, b app.LotSummary) bool { return fr.Fold(lotPlace(a.Lot)) < fr.Fold(lotPlace(b.Lot)) }},
			{Title: "Propriétaire", Width: 250, Text: lotHolderText, Ink: func(r app.LotSummary) widget.Importance {
				if r.Holder.Account == "" {
					return widget.DangerImportance
				}
				return widget.MediumImportance
			}, Less: func(a, b app.LotSummary) bool { return fr.Fold(a.Holder.Name) < fr.Fold(b.Holder.Name) }},
			{Title: "Tantièmes généraux", Width: 170, Align: fyne.TextAlignTrailing,
				Text: func(r app.LotSummary) string { return fr.Shares(r.GeneralShares()) },
				Less: func(a, b app.LotSummary) bool { return a.GeneralShares().LessThan(b.GeneralShares()) }},
		},
		Match: lotMatches,
		Tint: func(r app.LotSummary) color.Color {
			if r.Holder.Account == "" {
				return attentionTint
			}
			return nil
		},
		Totals:  lotTotals,
		Empty:   "Aucun lot — importez un fichier Excel ou créez-en un avec « Nouveau lot… ».",
		NoMatch: "Aucun lot ne correspond à « %s ».",
		OnOpen:  func(r app.LotSummary) { l.openCard(r.Number) },
	}
	tableView := l.build(s, table, "Lots", "Numéro, désignation, propriétaire…", "Nouveau lot…",
		func(r app.LotSummary) { l.openCard(r.Number) }, l.create)
	l.layout(l.standardTop("Lots"), tableView)
	return l
}

func (l *lots) reload() {
	list, ok := l.load(l.s.res.LotSummaries)
	if !ok {
		return
	}
	orphans := 0
	for _, r := range list {
		if r.Holder.Account == "" {
			orphans++
		}
	}
	text := fmt.Sprintf("Propriétaires au %s", ledger.FrenchDate(l.at))
	if orphans > 0 {
		text += fmt.Sprintf(" · %d lot%s sans propriétaire", orphans, fr.S(orphans))
	}
	l.summary.SetText(text)
	l.summary.Importance = widget.MediumImportance
	if orphans > 0 {
		l.summary.Importance = widget.DangerImportance
	}
	l.summary.Refresh()
	if l.card != nil {
		l.card.reload()
	}
}

// create opens the form for a new lot (Ctrl+N).
func (l *lots) create() {
	if l.s.readOnly() {
		return
	}
	l.s.lotForm(nil, func(lot ledger.Lot) {
		l.s.changed()
		l.openCard(lot.Number)
	})
}

func (l *lots) focusSearch() {
	l.back()
	l.s.win.Canvas().Focus(l.search)
}

// openCard shows a lot's card in place of the list.
func (l *lots) openCard(number string) {
	l.card = newLotCard(l, number)
	l.card.reload()
	if l.card == nil { // the lot could not be read: the error is shown
		return
	}
	l.showCard(l.card.root)
}

// back closes the card and shows the list again.
func (l *lots) back() bool {
	if l.card == nil {
		return false
	}
	l.card = nil
	l.showList()
	return true
}

// lotHolderText names the owner at the day, and a sale already entered for
// a later day so that it does not look forgotten.
func lotHolderText(r app.LotSummary) string {
	text := "Aucun propriétaire"
	if r.Holder.Account != "" {
		text = ownerName(r.Holder)
	}
	if r.Next != nil {
		text += fmt.Sprintf(" (→ %s le %s)", r.Next.Holder.DisplayName(), ledger.FrenchDate(r.Next.From))
	}
	return text
}

// lotMatches: a number finds the lot or the owner's account, words find the
// description, the place and the owner's name.
func lotMatches(r app.LotSummary, q string) bool {
	if n, err := strconv.Atoi(q); err == nil && n >= 0 {
		return r.Number == q || r.Holder.Account == q || r.Holder.Account == fmt.Sprintf("450%03d", n)
	}
	return strings.Contains(fr.Fold(strings.Join([]string{r.Number, r.Label, r.Type, lotPlace(r.Lot), r.Holder.DisplayName()}, " ")), q)
}

func lotTotals(rows []app.LotSummary) []string {
	shares := decimal.Zero
	holders := map[string]bool{}
	for _, r := range rows {
		shares = shares.Add(r.GeneralShares())
		if r.Holder.Account != "" {
			holders[r.Holder.Account] = true
		}
	}
	return []string{"Total", fmt.Sprintf("%d lot%s", len(rows), fr.S(len(rows))), "",
		fmt.Sprintf("%d propriétaire%s", len(holders), fr.S(len(holders))), fr.Shares(shares)}
}
