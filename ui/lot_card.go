package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// lotCard is a lot's card: its description, its successive owners and its
// shares, with the actions on it (edit, sale, shares, delete).
type lotCard struct {
	l      *lots
	number string
	data   app.LotCard

	title     *widget.Label
	situation *widget.Label
	edit      *widget.Button
	sell      *widget.Button
	etatDate  *widget.Button
	shares    *widget.Button
	del       *widget.Button
	delNote   *widget.Label
	tabs      *container.AppTabs
	info      *fyne.Container
	history   *fyne.Container
	keys      *fyne.Container
	root      fyne.CanvasObject
}

func newLotCard(l *lots, number string) *lotCard {
	c := &lotCard{l: l, number: number}
	c.title = widgets.Title("")
	c.situation = widget.NewLabel("")
	c.situation.TextStyle.Bold = true
	c.situation.Wrapping = fyne.TextWrapWord
	back := widget.NewButtonWithIcon("Retour à la liste", theme.NavigateBackIcon(), func() { l.back() })
	c.edit = widget.NewButtonWithIcon("Modifier…", theme.DocumentCreateIcon(), c.editLot)
	c.sell = widget.NewButtonWithIcon("Vendre le lot…", theme.AccountIcon(), c.sellLot)
	c.etatDate = widget.NewButtonWithIcon("État daté…", theme.DocumentPrintIcon(), c.writeEtatDate)
	c.shares = widget.NewButtonWithIcon("Modifier les tantièmes…", theme.ListIcon(), c.editShares)
	c.del = widget.NewButtonWithIcon("Supprimer…", theme.DeleteIcon(), c.deleteLot)
	c.delNote = widget.NewLabel("")
	c.delNote.Importance = widget.LowImportance
	c.delNote.Wrapping = fyne.TextWrapWord
	c.info = newInfoRows()
	c.history = container.NewStack()
	c.keys = container.NewStack()
	c.tabs = container.NewAppTabs(
		container.NewTabItem("Informations", container.NewVScroll(c.info)),
		container.NewTabItem("Propriétaires successifs", c.history),
		container.NewTabItem("Tantièmes", c.keys),
	)
	top := container.NewVBox(
		container.NewHBox(back),
		widgets.Bar(c.title, c.edit, c.sell, c.etatDate, c.shares, c.del),
		c.situation, c.delNote)
	c.root = container.NewBorder(top, nil, nil, nil, c.tabs)
	return c
}

func (c *lotCard) reload() {
	s := c.l.s
	data, err := s.res.LotCard(c.number, c.l.at)
	if err != nil {
		s.showError(err)
		c.l.back()
		return
	}
	c.data = data
	lot := data.Lot
	c.title.SetText(lotName(lot))

	c.situation.Importance = widget.MediumImportance
	if data.Current < 0 {
		c.situation.SetText(fmt.Sprintf("Aucun propriétaire au %s : indiquez-le, sans quoi les appels de fonds sont impossibles.", ledger.FrenchDate(data.At)))
		c.situation.Importance = widget.DangerImportance
		c.sell.SetText("Indiquer le propriétaire…")
	} else {
		h := data.History[data.Current]
		since := "depuis l'origine des comptes"
		if !h.From.IsZero() {
			since = "depuis le " + ledger.FrenchDate(h.From)
		}
		text := fmt.Sprintf("Propriétaire au %s : %s, %s.", ledger.FrenchDate(data.At), ownerName(h.Holder), since)
		if data.Current+1 < len(data.History) {
			next := data.History[data.Current+1]
			text += fmt.Sprintf(" Vendu à %s à compter du %s.", ownerName(next.Holder), ledger.FrenchDate(next.From))
		}
		c.situation.SetText(text)
		c.sell.SetText("Vendre le lot…")
	}
	c.situation.Refresh()

	ro := s.readOnly()
	widgets.SetEnabled(c.edit, !ro)
	widgets.SetEnabled(c.sell, !ro)
	widgets.SetEnabled(c.etatDate, !ro && data.Current >= 0)
	widgets.SetEnabled(c.shares, !ro)
	widgets.SetEnabled(c.del, !ro && !data.HasShares())
	c.delNote.SetText("")
	if data.HasShares() {
		var used []string
		for _, k := range data.Keys {
			if !k.Shares.IsZero() {
				used = append(used, k.Code)
			}
		}
		c.delNote.SetText(fmt.Sprintf("Suppression impossible : le lot a des tantièmes (clé%s %s). Mettez-les à zéro d'abord avec « Modifier les tantièmes… ».",
			fr.S(len(used)), strings.Join(used, ", ")))
	}

	infoRows(c.info, [][2]string{
		{"Numéro", lot.Number}, {"Désignation", lot.Label}, {"Type", lot.Type}, {"Bâtiment", lot.Building},
		{"Escalier", lot.Staircase}, {"Étage", lot.Floor}, {"Porte", lot.Door},
	})
	c.history.Objects = []fyne.CanvasObject{c.historyView()}
	c.history.Refresh()
	c.keys.Objects = []fyne.CanvasObject{c.keysView()}
	c.keys.Refresh()
}

// writeEtatDate opens the état daté of this lot, sold by its owner.
func (c *lotCard) writeEtatDate() {
	d := c.data
	if d.Current < 0 {
		c.l.s.showError(ledger.Errorf(ledger.Invalid, "Le lot %s n'a pas de propriétaire : il n'y a pas d'état daté à établir", d.Lot.Number))
		return
	}
	c.l.s.etatDateForm(d.History[d.Current].Holder, d.Lot.Number)
}

// historyView lists the lot's owners, oldest first: the sellers stay, each
// with the days he owned it.
func (c *lotCard) historyView() fyne.CanvasObject {
	d := c.data
	current := func(h app.LotOwnership) bool {
		return d.Current >= 0 && d.History[d.Current].From.Equal(h.From)
	}
	t := &widgets.Table[app.LotOwnership]{
		Cols: []widgets.Column[app.LotOwnership]{
			{Title: "Du", Width: 130, Text: func(h app.LotOwnership) string {
				if h.From.IsZero() {
					return "l'origine"
				}
				return ledger.FrenchDate(h.From)
			}},
			{Title: "Au", Width: 130, Text: func(h app.LotOwnership) string {
				if h.Until.IsZero() {
					return "à ce jour"
				}
				return ledger.FrenchDate(h.Until)
			}},
			{Title: "Compte", Width: 100, Text: func(h app.LotOwnership) string { return h.Holder.Account }},
			{Title: "Copropriétaire", Width: 260, Stretch: true, Text: func(h app.LotOwnership) string { return h.Holder.DisplayName() }},
			{Title: "Au " + ledger.FrenchDate(d.At), Width: 190, Text: func(h app.LotOwnership) string {
				switch {
				case current(h):
					return "Propriétaire actuel"
				case h.From.After(d.At):
					return "Vente à venir"
				}
				return "Ancien propriétaire"
			}, Ink: func(h app.LotOwnership) widget.Importance {
				if current(h) {
					return widget.SuccessImportance
				}
				return widget.MediumImportance
			}},
		},
		Empty: "Aucun propriétaire n'est indiqué pour ce lot : utilisez « Indiquer le propriétaire… ».",
	}
	view := t.Build()
	t.SetRows(d.History)
	return container.NewBorder(widgets.Note("Chaque vente crée une nouvelle période : l'ancien propriétaire garde son compte et son historique."), nil, nil, nil, view)
}

// keysView lists the lot's shares in every key beside the key's totals.
func (c *lotCard) keysView() fyne.CanvasObject {
	t := &widgets.Table[app.LotKeyShare]{
		Cols: []widgets.Column[app.LotKeyShare]{
			{Title: "Clé", Width: 70, Text: func(k app.LotKeyShare) string { return k.Code }},
			{Title: "Libellé", Width: 220, Stretch: true, Text: func(k app.LotKeyShare) string { return k.Label }},
			{Title: "Tantièmes du lot", Width: 160, Align: fyne.TextAlignTrailing, Text: func(k app.LotKeyShare) string { return sharesText(k.Shares) }},
			{Title: "Total de la clé", Width: 150, Align: fyne.TextAlignTrailing, Text: func(k app.LotKeyShare) string { return fr.Shares(keyBase(k.KeyTotal)) }},
			{Title: "Part", Width: 100, Align: fyne.TextAlignTrailing, Text: func(k app.LotKeyShare) string { return shareOf(k.Shares, keyBase(k.KeyTotal)) }},
		},
		Empty: "Aucune clé de répartition : créez-en dans « Clés et tantièmes ».",
	}
	view := t.Build()
	t.SetRows(c.data.Keys)
	return view
}

func (c *lotCard) editLot() {
	s := c.l.s
	lot := c.data.Lot
	s.lotForm(&lot, func(ledger.Lot) { s.changed() })
}

// sellLot records a sale, or the first owner of a lot that has none.
func (c *lotCard) sellLot() {
	s := c.l.s
	if c.data.Current < 0 && len(c.data.History) == 0 {
		s.firstOwnerForm(c.data.Lot, func() { s.changed() })
		return
	}
	s.saleForm(c.data, func() { s.changed() })
}

// editShares opens the lot in the Clés et tantièmes screen, where its
// shares are typed key by key.
func (c *lotCard) editShares() {
	s := c.l.s
	number := c.number
	if !s.showScreen(string(app.TopicKeys)) {
		return
	}
	if k, ok := s.currentScreen().(*keysScreen); ok {
		k.showLot(number)
	}
}

func (c *lotCard) deleteLot() {
	s := c.l.s
	lot := c.data.Lot
	what := lotName(lot)
	s.confirmAction("Supprimer un lot",
		fmt.Sprintf("Supprimer le %s%s ? Sa description et la liste de ses propriétaires successifs seront effacées ; les comptes des copropriétaires ne changent pas.",
			strings.ToLower(what[:1]), what[1:]),
		"Supprimer", func() error {
			if err := s.res.DeleteLot(lot.Number); err != nil {
				return err
			}
			c.l.back()
			s.say(fmt.Sprintf("Lot %s supprimé", lot.Number))
			s.changed()
			return nil
		})
}
