package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

const (
	modeByKey = "Par clé"
	modeByLot = "Par lot"
)

// keysScreen is the Clés et tantièmes screen: the keys with their declared
// total beside the sum of their shares, and below a grid of shares typed in
// place, either one key for every lot or one lot for every key.
type keysScreen struct {
	s     *Shell
	keys  []ledger.KeyTotal
	lots  []app.LotSummary
	table *widgets.Table[ledger.KeyTotal]
	tools *tableTools

	addKey, editKey, delKey *widget.Button
	mode                    *widget.RadioGroup
	keyChoice, lotChoice    *widget.Select
	keyLine, lotLine        fyne.CanvasObject
	search                  *widgets.Field
	fillKey, fillLot        *widget.Button
	state                   *widget.Label
	stateIcon               *widget.Icon
	problem                 *widget.Label

	lotAt    map[string]int // index in lots by number
	keysRead int            // counts the readings of keys, for live
	live     liveMemo       // liveKey's last answer

	grid     *shareGrid
	gridBox  *fyne.Container
	keysHead fyne.CanvasObject
	keysPart fyne.CanvasObject
	split    *container.Split
	fitted   int    // the number of keys the split was fitted to
	key      string // the key shown by key
	lot      string // the lot shown by lot
	byLot    bool
	filling  bool // the choices are being set by the program, not the user
	root     fyne.CanvasObject
}

func newKeys(s *Shell) screen {
	k := &keysScreen{s: s, fitted: -1}
	k.table = &widgets.Table[ledger.KeyTotal]{
		Cols: []widgets.Column[ledger.KeyTotal]{
			{Title: "Clé", Width: 80, Text: func(r ledger.KeyTotal) string {
				if !k.byLot && r.Code == k.key {
					return "▸ " + r.Code // the key of the grid below
				}
				return r.Code
			}, Less: func(a, b ledger.KeyTotal) bool { return a.Code < b.Code }},
			{Title: "Libellé", Width: 220, Stretch: true, Text: func(r ledger.KeyTotal) string { return r.Label },
				Less: func(a, b ledger.KeyTotal) bool { return fr.Fold(a.Label) < fr.Fold(b.Label) }},
			{Title: "Total déclaré", Width: 140, Align: fyne.TextAlignTrailing, Text: func(r ledger.KeyTotal) string { return fr.Shares(r.DeclaredTotal) },
				Less: func(a, b ledger.KeyTotal) bool { return a.DeclaredTotal.LessThan(b.DeclaredTotal) }},
			{Title: "Somme des lots", Width: 150, Align: fyne.TextAlignTrailing, Text: func(r ledger.KeyTotal) string { return fr.Shares(r.SumOfShares) },
				Less: func(a, b ledger.KeyTotal) bool { return a.SumOfShares.LessThan(b.SumOfShares) }},
			{Title: "Lots", Width: 70, Align: fyne.TextAlignTrailing, Text: func(r ledger.KeyTotal) string { return fmt.Sprint(r.Lots) },
				Less: func(a, b ledger.KeyTotal) bool { return a.Lots < b.Lots }},
			{Title: "État", Width: 250, Text: keyState, Ink: keyStateInk,
				Less: func(a, b ledger.KeyTotal) bool { return !a.Matches() && b.Matches() }},
		},
		Tint: func(r ledger.KeyTotal) color.Color {
			if !r.Matches() {
				return attentionTint
			}
			return nil
		},
		Totals: func(rows []ledger.KeyTotal) []string {
			bad := 0
			for _, r := range rows {
				if !r.Matches() {
					bad++
				}
			}
			state := "Toutes conformes"
			if bad > 0 {
				state = fmt.Sprintf("%d clé%s en écart", bad, fr.S(bad))
			}
			return []string{"Total", fmt.Sprintf("%d clé%s", len(rows), fr.S(len(rows))), "", "", "", state}
		},
		Empty:  "Aucune clé de répartition — créez-en une avec « Nouvelle clé… ».",
		OnOpen: func(r ledger.KeyTotal) { k.showKey(r.Code) },
	}
	tableView := k.table.Build()

	k.addKey = widget.NewButtonWithIcon("Nouvelle clé…", theme.ContentAddIcon(), k.create)
	k.addKey.Importance = widget.HighImportance
	k.editKey = widget.NewButtonWithIcon("Modifier la clé…", theme.DocumentCreateIcon(), k.editCurrentKey)
	k.delKey = widget.NewButtonWithIcon("Supprimer la clé…", theme.DeleteIcon(), k.deleteCurrentKey)
	k.fillKey = widget.NewButtonWithIcon("Générer pour tous les lots…", theme.ViewRefreshIcon(), k.fillKeyForm)
	k.fillLot = widget.NewButtonWithIcon("Générer pour le lot…", theme.ViewRefreshIcon(), k.fillLotForm)

	k.mode = widget.NewRadioGroup([]string{modeByKey, modeByLot}, func(v string) {
		if !k.filling && v != "" {
			k.setMode(v == modeByLot)
		}
	})
	k.mode.Horizontal = true
	k.mode.Required = true
	k.keyChoice = widget.NewSelect(nil, func(v string) {
		if !k.filling {
			k.showKey(strings.SplitN(v, " ", 2)[0])
		}
	})
	k.lotChoice = widget.NewSelect(nil, func(v string) {
		if !k.filling {
			if i := k.lotChoice.SelectedIndex(); i >= 0 && i < len(k.lots) {
				k.showLot(k.lots[i].Number)
			}
		}
	})
	k.keyLine = container.NewHBox(widget.NewLabel("Clé :"), container.New(&widgets.FixedWidth{Width: 280}, k.keyChoice))
	k.lotLine = container.NewHBox(widget.NewLabel("Lot :"), container.New(&widgets.FixedWidth{Width: 330}, k.lotChoice))
	k.search = widgets.SearchBox("Lot, propriétaire…", func(q string) {
		if k.grid != nil {
			k.grid.search(q)
		}
	}, func() {
		if k.grid != nil && len(k.grid.shown) > 0 {
			s.win.Canvas().Focus(k.grid.shown[0].entry)
		}
	})

	k.state = widget.NewLabel("")
	k.state.TextStyle.Bold = true
	k.state.Wrapping = fyne.TextWrapWord
	k.stateIcon = widget.NewIcon(nil)
	k.problem = widget.NewLabel("")
	k.problem.Importance = widget.DangerImportance
	k.problem.Wrapping = fyne.TextWrapWord
	k.problem.Hide()
	k.gridBox = container.NewStack()

	k.keysHead = widgets.Bar(widgets.Heading("Clés et tantièmes"), k.addKey, k.editKey, k.delKey)
	k.tools = s.newTableTools("cles", "Clés de répartition", k.table, nil)
	k.tools.extra = widgets.NewButton("Tantièmes par lot (PDF)", theme.DocumentPrintIcon(), widget.MediumImportance, k.printShares)
	k.keysPart = container.NewBorder(k.keysHead, k.tools.buttons(), nil, nil, tableView)
	// One line of tools, one saying whether the shares add up: the grid
	// keeps the rest of the height.
	tools := container.NewVBox(widgets.Bar(container.NewHBox(k.mode, k.keyLine, k.lotLine), k.fillKey, k.fillLot),
		container.NewBorder(nil, nil, widget.NewLabel("Rechercher :"), nil, k.search)) // two lines: one is wider than a 1024-px screen
	help := widget.NewLabel("Enregistré dès que vous quittez la case (Tab, Entrée, flèches) · Échap rétablit la valeur · virgule acceptée : 12,5")
	help.Importance = widget.LowImportance
	help.Truncation = fyne.TextTruncateEllipsis
	stateLine := container.NewBorder(nil, nil, container.NewCenter(k.stateIcon), nil, k.state)
	gridPart := container.NewBorder(container.NewVBox(tools, stateLine), container.NewVBox(k.problem, help), nil, nil, k.gridBox)
	split := container.NewVSplit(k.keysPart, gridPart)
	split.Offset = 0.4
	k.split = split
	k.root = split
	k.setModeWidgets()
	return k
}

func (k *keysScreen) view() fyne.CanvasObject { return k.root }

func (k *keysScreen) reload() {
	s := k.s
	if k.grid != nil {
		k.grid.commitAll()
	}
	var err error
	if k.lots, err = s.res.LotSummaries(s.situation()); err != nil {
		s.showError(err)
		return
	}
	k.lotAt = make(map[string]int, len(k.lots))
	for i, l := range k.lots {
		if _, twice := k.lotAt[l.Number]; !twice { // the first, as the loop it replaces
			k.lotAt[l.Number] = i
		}
	}
	if err := k.readKeys(); err != nil {
		s.showError(err)
		return
	}
	if k.key == "" || k.keyOf(k.key) == nil {
		k.key = ""
		if len(k.keys) > 0 {
			k.key = k.keys[0].Code
		}
	}
	if k.lot == "" || k.lotIndex(k.lot) < 0 {
		k.lot = ""
		if len(k.lots) > 0 {
			k.lot = k.lots[0].Number
		}
	}
	k.filling = true
	var keyOptions, lotOptions []string
	for _, key := range k.keys {
		keyOptions = append(keyOptions, key.Code+" "+key.Label)
	}
	for _, l := range k.lots {
		lotOptions = append(lotOptions, lotChoiceText(l))
	}
	k.keyChoice.SetOptions(keyOptions)
	k.lotChoice.SetOptions(lotOptions)
	k.filling = false
	k.buildGrid()
	k.fitSplit()
}

// fitSplit gives the list of keys the height of its rows (up to six keys
// and less than half the screen): the grid below keeps the rest.
func (k *keysScreen) fitSplit() {
	total := k.split.Size().Height
	if total <= 0 || len(k.keys) == k.fitted {
		return // a split the user moved stays where he put it
	}
	k.fitted = len(k.keys)
	rows := min(max(len(k.keys), 1), 6)
	row := widget.NewLabel("0").MinSize().Height + 2*theme.SeparatorThicknessSize() // as the table draws its rows
	titles := widget.NewButton("Clé", nil).MinSize().Height
	// the heading, the titles, the rows, the totals and the split's handle
	want := k.keysHead.MinSize().Height + titles + float32(rows+1)*row + 3*theme.Padding()
	k.split.SetOffset(float64(min(max(want/total, 0.25), 0.5)))
}

// readKeys reads the keys and their totals again (after a share is saved).
func (k *keysScreen) readKeys() error {
	keys, err := k.s.res.KeyTotals()
	if err == nil {
		k.keysRead++
		k.keys = keys
		k.table.SetRows(k.keys)
	}
	return err
}

func (k *keysScreen) keyOf(code string) *ledger.KeyTotal {
	for i := range k.keys {
		if k.keys[i].Code == code {
			return &k.keys[i]
		}
	}
	return nil
}

func (k *keysScreen) lotIndex(number string) int {
	if i, ok := k.lotAt[number]; ok {
		return i
	}
	return -1
}

// liveMemo is the key shown with what is typed, as computed for one state
// of the grid: each row's part needs it, and computing it for each of a
// thousand lots went over every lot each time (20 s to show the screen on
// a 1,000-lot residence, issue 22).
type liveMemo struct {
	grid     *shareGrid
	stamp    int
	key      string
	keysRead int
	value    ledger.KeyTotal
}

func lotChoiceText(l app.LotSummary) string {
	t := lotName(l.Lot)
	if l.Holder.Account != "" {
		t += " (" + l.Holder.Name + ")"
	}
	return t
}

// create opens the form for a new key (Ctrl+N).
func (k *keysScreen) create() {
	if k.s.readOnly() {
		return
	}
	k.s.keyForm(nil, k.keys, func(key ledger.Key) {
		k.key, k.byLot = key.Code, false
		k.s.changed()
	})
}

func (k *keysScreen) focusSearch() { k.s.win.Canvas().Focus(k.search) }

// showKey shows the shares of a key for every lot.
func (k *keysScreen) showKey(code string) {
	if k.grid != nil {
		k.grid.commitAll()
	}
	k.key, k.byLot = code, false
	k.buildGrid()
}

// showLot shows the shares of a lot in every key.
func (k *keysScreen) showLot(number string) {
	if k.grid != nil {
		k.grid.commitAll()
	}
	k.lot, k.byLot = number, true
	k.buildGrid()
}

func (k *keysScreen) setMode(byLot bool) {
	if byLot {
		k.showLot(k.lot)
	} else {
		k.showKey(k.key)
	}
}

// setModeWidgets shows the choices and actions of the mode, and enables
// what the exercise allows.
func (k *keysScreen) setModeWidgets() {
	k.filling = true
	defer func() { k.filling = false }()
	ro := k.s.res == nil || k.s.readOnly()
	if k.byLot {
		k.mode.SetSelected(modeByLot)
		k.keyLine.Hide()
		k.lotLine.Show()
		k.fillKey.Hide()
		k.fillLot.Show()
		if i := k.lotIndex(k.lot); i >= 0 {
			k.lotChoice.SetSelectedIndex(i)
		}
		k.search.SetPlaceHolder("Clé, libellé…")
	} else {
		k.mode.SetSelected(modeByKey)
		k.lotLine.Hide()
		k.keyLine.Show()
		k.fillLot.Hide()
		k.fillKey.Show()
		if key := k.keyOf(k.key); key != nil {
			k.keyChoice.SetSelected(key.Code + " " + key.Label)
		}
		k.search.SetPlaceHolder("Lot, propriétaire…")
	}
	key := k.keyOf(k.key)
	widgets.SetEnabled(k.addKey, !ro)
	widgets.SetEnabled(k.editKey, !ro && key != nil)
	widgets.SetEnabled(k.delKey, !ro && key != nil)
	widgets.SetEnabled(k.fillKey, !ro && key != nil && len(k.lots) > 0)
	widgets.SetEnabled(k.fillLot, !ro && k.lotIndex(k.lot) >= 0 && len(k.keys) > 1)
	k.editKey.SetText("Modifier la clé…")
	k.delKey.SetText("Supprimer la clé…")
	if key != nil {
		k.editKey.SetText("Modifier la clé " + key.Code + "…")
		k.delKey.SetText("Supprimer la clé " + key.Code + "…")
	}
}

// buildGrid makes the grid of the mode shown.
func (k *keysScreen) buildGrid() {
	k.setModeWidgets()
	k.table.Apply() // the ▸ follows the key shown
	k.problem.Hide()
	k.grid = nil // the new grid's live totals must not count the old one's rows
	g := k.keyGrid
	if k.byLot {
		g = k.lotGrid
	}
	k.grid = g()
	k.grid.refresh()
	k.grid.focus = func(f fyne.Focusable) { k.s.win.Canvas().Focus(f) }
	k.gridBox.Objects = []fyne.CanvasObject{k.grid.view}
	k.gridBox.Refresh()
	if k.search.Text != "" { // the grid was just shown unfiltered
		k.grid.search(k.search.Text)
	}
	k.showState()
}

// keyGrid lists every lot with its shares in the key shown.
func (k *keysScreen) keyGrid() *shareGrid {
	key := k.keyOf(k.key)
	g := &shareGrid{
		cols: []widgets.GridColumn{
			{Title: "Lot", Width: 70},
			{Title: "Désignation", Width: 200, Stretch: true},
			{Title: "Propriétaire", Width: 230},
			{Title: "Tantièmes", Width: 140},
			{Title: "Part", Width: 100, Align: fyne.TextAlignTrailing},
		},
		edit: 3,
	}
	byID := map[string]app.LotSummary{}
	for _, l := range k.lots {
		byID[l.Number] = l
	}
	g.text = func(r *shareRow, col int) string {
		l := byID[r.id]
		switch col {
		case 0:
			return l.Number
		case 1:
			return joinNonEmpty(" — ", l.Label, lotPlace(l.Lot))
		case 2:
			if l.Holder.Account == "" {
				return "Aucun propriétaire"
			}
			return ownerName(l.Holder)
		case 4:
			if key == nil {
				return ""
			}
			return shareOf(r.value(), keyBase(k.liveKey()))
		}
		return ""
	}
	g.totals = func() []string {
		live := k.liveKey()
		return []string{"Total", fmt.Sprintf("%d lot%s dans la clé", live.Lots, fr.S(live.Lots)), "", fr.Shares(live.SumOfShares),
			shareOf(live.SumOfShares, keyBase(live))}
	}
	g.onEdit = func(*shareRow) { k.showState(); k.grid.refresh() }
	g.onCommit = func(r *shareRow, v decimal.Decimal) error { return k.saveShare(r.id, k.key, v) }
	empty := "Aucun lot — créez les lots dans l'écran « Lots » avant d'indiquer leurs tantièmes."
	if key == nil {
		empty = "Aucune clé de répartition — créez-en une avec « Nouvelle clé… »."
	}
	g.build(empty)
	if key != nil {
		shares := k.sharesOf(func(s ledger.Share) bool { return s.Key == key.Code }, func(s ledger.Share) string { return s.Lot })
		for _, l := range k.lots {
			g.addRow(l.Number, strings.Join([]string{l.Number, l.Label, l.Type, lotPlace(l.Lot), l.Holder.Name}, " "), shares[l.Number], k.s.readOnly())
		}
	}
	g.done()
	return g
}

// lotGrid lists every key with the shares of the lot shown.
func (k *keysScreen) lotGrid() *shareGrid {
	g := &shareGrid{
		cols: []widgets.GridColumn{
			{Title: "Clé", Width: 70},
			{Title: "Libellé", Width: 200, Stretch: true},
			{Title: "Tantièmes du lot", Width: 150},
			{Title: "Somme de la clé", Width: 150, Align: fyne.TextAlignTrailing},
			{Title: "Total déclaré", Width: 130, Align: fyne.TextAlignTrailing},
			{Title: "État", Width: 240},
		},
		edit: 2,
	}
	live := func(r *shareRow) ledger.KeyTotal {
		key := *k.keyOf(r.id)
		return k.withShare(key, k.lot, r.saved(), r.value())
	}
	g.text = func(r *shareRow, col int) string {
		key := live(r)
		switch col {
		case 0:
			return key.Code
		case 1:
			return key.Label
		case 3:
			return fr.Shares(key.SumOfShares)
		case 4:
			return fr.Shares(key.DeclaredTotal)
		case 5:
			return keyState(key)
		}
		return ""
	}
	g.ink = func(r *shareRow, col int) widget.Importance {
		if col == 5 {
			return keyStateInk(live(r))
		}
		return widget.MediumImportance
	}
	g.totals = func() []string {
		bad := 0
		for _, r := range g.rows {
			if !live(r).Matches() {
				bad++
			}
		}
		state := "Toutes conformes"
		if bad > 0 {
			state = fmt.Sprintf("%d clé%s en écart", bad, fr.S(bad))
		}
		return []string{"Total", fmt.Sprintf("%d clé%s", len(g.rows), fr.S(len(g.rows))), "", "", "", state}
	}
	g.onEdit = func(*shareRow) { k.showState() }
	g.onCommit = func(r *shareRow, v decimal.Decimal) error { return k.saveShare(k.lot, r.id, v) }
	empty := "Aucun lot — créez les lots dans l'écran « Lots » avant d'indiquer leurs tantièmes."
	if len(k.keys) == 0 {
		empty = "Aucune clé de répartition — créez-en une avec « Nouvelle clé… »."
	}
	g.build(empty)
	if k.lotIndex(k.lot) >= 0 {
		shares := k.sharesOf(func(s ledger.Share) bool { return s.Lot == k.lot }, func(s ledger.Share) string { return s.Key })
		for _, key := range k.keys {
			g.addRow(key.Code, key.Code+" "+key.Label, shares[key.Code], k.s.readOnly())
		}
	}
	g.done()
	return g
}

// sharesOf reads the shares kept by keep, indexed by id.
func (k *keysScreen) sharesOf(keep func(ledger.Share) bool, id func(ledger.Share) string) map[string]decimal.Decimal {
	out := map[string]decimal.Decimal{}
	list, err := k.s.res.Shares()
	for _, s := range list {
		if keep(s) {
			out[id(s)] = s.Shares
		}
	}
	if err != nil {
		k.s.showError(err)
	}
	return out
}

// withShare is key's totals once lot's shares go from stored to v.
func (k *keysScreen) withShare(key ledger.KeyTotal, lot string, stored, v decimal.Decimal) ledger.KeyTotal {
	owned := false
	if i := k.lotIndex(lot); i >= 0 {
		owned = k.lots[i].Owner != ""
	}
	return key.WithShare(lot, owned, stored, v)
}

// liveKey is the key shown by key with what is typed in the grid.
func (k *keysScreen) liveKey() ledger.KeyTotal {
	key := k.keyOf(k.key)
	if key == nil {
		return ledger.KeyTotal{}
	}
	live := *key
	if k.grid != nil && !k.byLot {
		m := liveMemo{grid: k.grid, stamp: k.grid.stamp, key: k.key, keysRead: k.keysRead}
		if k.live.grid == m.grid && k.live.stamp == m.stamp && k.live.key == m.key && k.live.keysRead == m.keysRead {
			return k.live.value
		}
		for _, r := range k.grid.rows {
			live = k.withShare(live, r.id, r.saved(), r.value())
		}
		m.value = live
		k.live = m
	}
	return live
}

// showState says whether the key shown adds up (by key), or how many keys
// do not (by lot), in words and colour; and what is wrong with a value typed.
func (k *keysScreen) showState() {
	var text string
	good := true
	if k.byLot {
		bad := []string{}
		if k.grid != nil {
			for _, r := range k.grid.rows {
				key := k.withShare(*k.keyOf(r.id), k.lot, r.saved(), r.value())
				if !key.Matches() {
					bad = append(bad, key.Code)
				}
			}
		}
		i := k.lotIndex(k.lot)
		switch {
		case i < 0:
			text, good = "Aucun lot choisi.", true
		case len(bad) == 0:
			text = fmt.Sprintf("%s : toutes les clés sont conformes", lotName(k.lots[i].Lot))
		default:
			text, good = fmt.Sprintf("%s : clé%s %s en écart avec le total déclaré", lotName(k.lots[i].Lot),
				fr.S(len(bad)), strings.Join(bad, ", ")), false
		}
	} else if k.keyOf(k.key) != nil {
		live := k.liveKey()
		if live.Matches() {
			text = fmt.Sprintf("Conforme : somme des tantièmes %s = total déclaré (clé %s)", fr.Shares(live.SumOfShares), live.Code)
		} else if live.TotalsMatch() {
			good = false
			text = fmt.Sprintf("Clé %s : %s sans tantièmes — chaque lot a sa part des parties communes ; indiquez-la ci-dessous", live.Code, app.UnsharedLots(live))
		} else {
			good = false
			diff := live.SumOfShares.Sub(live.DeclaredTotal)
			gap := "il manque " + fr.Shares(diff.Neg())
			if diff.IsPositive() {
				gap = fr.Shares(diff) + " de trop"
			}
			text = fmt.Sprintf("Écart sur la clé %s : somme des tantièmes %s, total déclaré %s — %s", live.Code,
				fr.Shares(live.SumOfShares), fr.Shares(live.DeclaredTotal), gap)
		}
	}
	k.state.SetText(text)
	if good {
		k.state.Importance = widget.SuccessImportance
		k.stateIcon.SetResource(theme.ConfirmIcon())
	} else {
		k.state.Importance = widget.DangerImportance
		k.stateIcon.SetResource(theme.ErrorIcon())
	}
	if text == "" {
		k.stateIcon.SetResource(nil)
	}
	k.state.Refresh()

	var problems []string
	if k.grid != nil {
		for _, r := range k.grid.shown {
			if r.err() != nil {
				what := "Lot " + r.id
				if k.byLot {
					what = "Clé " + r.id
				}
				problems = append(problems, what+" : "+k.s.message(r.err()))
			}
		}
	}
	if len(problems) == 0 {
		k.problem.Hide()
	} else {
		k.problem.SetText(strings.Join(problems, "\n") + " Corrigez la valeur ou appuyez sur Échap pour rétablir l'ancienne.")
		k.problem.Show()
	}
}

// saveShare writes one share and says what it did, and what it makes of
// the key's total.
func (k *keysScreen) saveShare(lot, key string, v decimal.Decimal) error {
	s := k.s
	if s.readOnly() {
		return ledger.Errorf(ledger.Locked, "Exercice clos : les tantièmes ne peuvent pas être modifiés ici")
	}
	if err := s.res.SetShare(lot, key, v); err != nil {
		return err
	}
	if err := k.readKeys(); err != nil {
		return err
	}
	kt := k.keyOf(key)
	state := strings.TrimPrefix(strings.TrimPrefix(keyState(*kt), "✓ "), "✗ ")
	what := fr.Shares(v) + " tantièmes"
	if v.IsZero() {
		what = "plus de tantièmes"
	}
	s.say(fmt.Sprintf("Lot %s, clé %s « %s » : %s enregistrés — somme de la clé %s, total déclaré %s : %s", lot, key, kt.Label, what,
		fr.Shares(kt.SumOfShares), fr.Shares(kt.DeclaredTotal), strings.ToLower(state)))
	return nil
}

func (k *keysScreen) editCurrentKey() {
	key := k.keyOf(k.key)
	if key == nil {
		return
	}
	kk := key.Key
	k.s.keyForm(&kk, k.keys, func(ledger.Key) { k.s.changed() })
}

func (k *keysScreen) deleteCurrentKey() {
	key := k.keyOf(k.key)
	if key == nil {
		return
	}
	s := k.s
	code, label := key.Code, key.Label
	text := fmt.Sprintf("Supprimer la clé %s « %s » ?", code, label)
	if key.Lots > 0 {
		text += fmt.Sprintf(" %d lot%s y %s des tantièmes : la suppression sera refusée tant qu'ils y figurent.", key.Lots, fr.S(key.Lots),
			map[bool]string{true: "ont", false: "a"}[key.Lots > 1])
	}
	s.confirmAction("Supprimer une clé", text, "Supprimer", func() error {
		if err := s.res.DeleteKey(code); err != nil {
			return err
		}
		k.key = ""
		s.say(fmt.Sprintf("Clé %s « %s » supprimée", code, label))
		s.changed()
		return nil
	})
}

// printShares prints every lot's shares on every key, with its owner: the
// manual's list of keys and shares.
func (k *keysScreen) printShares() {
	at := k.s.situation()
	k.s.printWhole(func() (app.PrintedList, error) { return k.s.res.SharesList(at) })
}
