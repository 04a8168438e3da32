package ui

import (
	"fmt"
	"strconv"

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

// metersScreen is the Compteurs screen (seed 002, « Compteurs »): a screen
// of its own, as the seed's button, rather than a tab of « Clés et
// tantièmes »: a meter is a year's readings with its own actions (generate,
// import, print) and only at the end touches two keys. At the top the
// meter chosen and its fiche; below, the readings of its year typed in
// place (old and new index, estimate), the consumption, gap and total
// following what is typed; then the general meter and the common part.
type metersScreen struct {
	s      *Shell
	meters []ledger.Meter
	cur    int // index in meters, -1 when there is none
	owners map[string]string

	pick                   *widget.Select
	add, edit, del         *widget.Button
	generate, importB      *widget.Button
	apply, print           *widget.Button
	info, general, problem *widget.Label
	gridBox                *fyne.Container
	grid                   *widgets.EditGrid[decimal.Decimal]
	lines                  []*meterLine
	root                   fyne.CanvasObject
}

// meterLine is a lot's line of the grid.
type meterLine struct {
	rd                      ledger.MeterReading
	old, new, est           *widgets.EditCell[decimal.Decimal]
	cons, gap, total, owner *widget.Label
	detail                  *widget.Button
}

var meterCols = []widgets.GridColumn{
	{Title: "Lot", Width: 50},
	{Title: "Copropriétaire", Width: 100, Stretch: true},
	{Title: "Ancien index", Width: 115, Align: fyne.TextAlignTrailing},
	{Title: "Nouvel index", Width: 115, Align: fyne.TextAlignTrailing},
	{Title: "Consommation", Width: 135, Align: fyne.TextAlignTrailing},
	{Title: "Estimation", Width: 100, Align: fyne.TextAlignTrailing},
	{Title: "Écart", Width: 70, Align: fyne.TextAlignTrailing},
	{Title: "Total", Width: 125, Align: fyne.TextAlignTrailing},
	{Title: "", Width: 85},
}

func newMeters(s *Shell) screen {
	m := &metersScreen{s: s, cur: -1}
	m.pick = widget.NewSelect(nil, func(string) { m.choose(m.pick.SelectedIndex()) })
	m.pick.PlaceHolder = "Aucun compteur"
	m.add = widget.NewButtonWithIcon("Nouveau compteur…", theme.ContentAddIcon(), func() { m.meterForm(nil) })
	m.add.Importance = widget.HighImportance
	m.edit = widget.NewButtonWithIcon("Modifier…", theme.DocumentCreateIcon(), func() {
		if mt := m.meter(); mt != nil {
			m.meterForm(mt)
		}
	})
	m.del = widget.NewButtonWithIcon("Supprimer…", theme.DeleteIcon(), m.deleteMeter)
	m.generate = widget.NewButtonWithIcon("Générer les lignes", theme.ContentAddIcon(), m.generateLines)
	m.importB = widget.NewButtonWithIcon("Importer des relevés…", theme.UploadIcon(), m.importReadings)
	m.apply = widget.NewButtonWithIcon("Mettre à jour les tantièmes…", theme.ConfirmIcon(), m.applyKeys)
	m.apply.Importance = widget.HighImportance
	m.print = widget.NewButtonWithIcon("Imprimer le relevé", theme.DocumentPrintIcon(), m.printSheet)
	m.info = widgets.Note("")
	m.general = widgets.Note("")
	m.problem = widget.NewLabel("")
	m.problem.Importance = widget.DangerImportance
	m.problem.Wrapping = fyne.TextWrapWord
	m.gridBox = container.NewStack()
	top := container.NewVBox(
		widgets.Bar(widgets.Heading("Compteurs"), m.add),
		widgets.Line(container.New(&widgets.FixedWidth{Width: 260}, m.pick), m.edit, m.del, m.print),
		m.info,
		widgets.Line(m.generate, m.importB, m.apply),
	)
	bottom := container.NewVBox(widgets.Reserve(m.problem, 1), m.general)
	m.root = container.NewBorder(top, bottom, nil, nil, widgets.Reserve(m.gridBox, 8))
	return m
}

func (m *metersScreen) view() fyne.CanvasObject { return m.root }

func (m *metersScreen) meter() *ledger.Meter {
	if m.cur < 0 || m.cur >= len(m.meters) {
		return nil
	}
	return &m.meters[m.cur]
}

func meterTitle(mt ledger.Meter) string {
	return fmt.Sprintf("%s %d — %s", mt.Code, mt.Year, mt.Label)
}

// reload reads the meters again and shows the one chosen, or the shown
// exercise's first meter.
func (m *metersScreen) reload() {
	s := m.s
	list, err := s.res.Meters()
	if err != nil {
		s.showError(err)
		return
	}
	lots, err := s.res.Lots()
	if err != nil {
		s.showError(err)
		return
	}
	owners, err := s.res.Owners()
	if err != nil {
		s.showError(err)
		return
	}
	names := map[string]string{}
	for _, o := range owners {
		names[o.Account] = o.Name
	}
	m.owners = map[string]string{}
	for _, l := range lots {
		m.owners[l.Number] = names[l.Owner]
	}
	var keep *ledger.Meter
	if mt := m.meter(); mt != nil {
		keep = mt
	}
	m.meters = list
	opts := make([]string, len(list))
	pick := -1
	for i, mt := range list {
		opts[i] = meterTitle(mt)
		if keep != nil && mt.Code == keep.Code && mt.Year == keep.Year {
			pick = i
		}
	}
	if pick < 0 {
		for i, mt := range list {
			if mt.Year == s.exercise.Year() {
				pick = i
				break
			}
		}
	}
	if pick < 0 && len(list) > 0 {
		pick = 0
	}
	m.pick.Options = opts
	m.cur = -1
	if pick >= 0 {
		m.pick.SetSelectedIndex(pick) // calls choose
	} else {
		m.pick.ClearSelected()
		m.choose(-1)
	}
}

// choose shows meter i's year.
func (m *metersScreen) choose(i int) {
	m.cur = i
	m.problem.SetText("")
	writable := !m.s.res.ReadOnly()
	mt := m.meter()
	widgets.SetEnabled(m.add, writable)
	for _, b := range []*widget.Button{m.edit, m.del, m.generate, m.importB, m.apply} {
		widgets.SetEnabled(b, writable && mt != nil)
	}
	widgets.SetEnabled(m.print, mt != nil)
	if mt == nil {
		m.info.SetText("Un compteur répartit l'eau, le chauffage ou l'électricité selon ce que chaque lot a consommé. " +
			"Créez d'abord, dans « Clés et tantièmes », deux clés sans tantièmes : l'une pour l'estimation (les appels), " +
			"l'autre pour la consommation réelle (la répartition des factures à la clôture) ; puis « Nouveau compteur… ».")
		m.general.SetText("")
		m.showGrid(nil)
		return
	}
	m.info.SetText(fmt.Sprintf("Estimation (appels) : clé %s · Consommation réelle (clôture) : clé %s · Prix unitaire : %s",
		mt.EstimateKey, mt.ActualKey, app.MeterPrice(*mt)))
	readings, err := m.s.res.MeterStatement(mt.Code, mt.Year)
	if err != nil {
		m.s.showError(err)
		return
	}
	rds := make([]ledger.MeterReading, len(readings.Lines))
	for i, l := range readings.Lines {
		rds[i] = l.MeterReading
	}
	m.showGrid(rds)
}

// showGrid makes the grid of the readings.
func (m *metersScreen) showGrid(rds []ledger.MeterReading) {
	g := &widgets.EditGrid[decimal.Decimal]{
		Cols:   meterCols,
		Parse:  parseMeterNumber,
		Format: fr.Shares,
		Equal:  decimal.Decimal.Equal,
		Focus:  func(f fyne.Focusable) { m.s.win.Canvas().Focus(f) },
	}
	empty := "Aucun relevé — « Générer les lignes » crée une ligne par lot de la clé de consommation, ou importez les relevés d'un fichier Excel."
	if m.meter() == nil {
		empty = "Aucun compteur — créez-en un avec « Nouveau compteur… »."
	}
	view := g.Build(g.TitleCells(), empty)
	m.grid, m.lines = g, nil
	readOnly := m.s.res.ReadOnly()
	var olds, news, ests []*widgets.EditCell[decimal.Decimal]
	for _, rd := range rds {
		l := &meterLine{rd: rd}
		l.old, l.new, l.est = g.NewCell(rd.Old, readOnly || rd.Flat), g.NewCell(rd.New, readOnly || rd.Flat), g.NewCell(rd.Estimate, readOnly)
		l.old.Save = m.saver(l, func(r *ledger.MeterReading, v decimal.Decimal) { r.Old = v })
		l.new.Save = m.saver(l, func(r *ledger.MeterReading, v decimal.Decimal) { r.New = v })
		l.est.Save = m.saver(l, func(r *ledger.MeterReading, v decimal.Decimal) { r.Estimate = v })
		for _, c := range []*widgets.EditCell[decimal.Decimal]{l.old, l.new, l.est} {
			c.OnEdit = m.recompute
		}
		lot := widget.NewLabel(rd.Lot)
		l.owner = widget.NewLabel(m.owners[rd.Lot])
		l.owner.Truncation = fyne.TextTruncateEllipsis
		l.cons, l.gap, l.total = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
		for _, x := range []*widget.Label{l.cons, l.gap, l.total} {
			x.Alignment = fyne.TextAlignTrailing
			x.Truncation = fyne.TextTruncateEllipsis
		}
		line := l
		l.detail = widget.NewButton("Détail…", func() { m.readingForm(line) })
		widgets.SetEnabled(l.detail, !readOnly)
		g.Body.Add(g.Line(l.old, lot, l.owner, l.old, l.new, l.cons, l.est, l.gap, l.total, l.detail))
		olds, news, ests = append(olds, l.old), append(news, l.new), append(ests, l.est)
		m.lines = append(m.lines, l)
	}
	// The arrows go down a column, as in a spreadsheet.
	g.SetOrder(append(append(olds, news...), ests...))
	if len(rds) == 0 {
		g.Message.Show()
	}
	m.gridBox.Objects = []fyne.CanvasObject{view}
	m.gridBox.Refresh()
	m.recompute()
}

// saver saves a changed cell of line l; a refusal stays on the cell, its
// reason under the grid.
func (m *metersScreen) saver(l *meterLine, set func(*ledger.MeterReading, decimal.Decimal)) func(decimal.Decimal) error {
	return func(v decimal.Decimal) error {
		mt := m.meter()
		if mt == nil {
			return nil
		}
		rd := l.rd
		set(&rd, v)
		if err := m.s.res.SaveMeterReading(mt.Code, mt.Year, rd); err != nil {
			m.problem.SetText(m.s.message(err))
			return err
		}
		l.rd = rd
		m.problem.SetText("")
		return nil
	}
}

// current is line l's reading with what is typed in its cells.
func (l *meterLine) current() ledger.MeterReading {
	rd := l.rd
	rd.Old, rd.New, rd.Estimate = l.old.Value(), l.new.Value(), l.est.Value()
	return rd
}

// recompute follows what is typed: each line's consumption, gap and total,
// the totals row and the general meter.
func (m *metersScreen) recompute() {
	mt := m.meter()
	if mt == nil || m.grid == nil {
		m.general.SetText("")
		return
	}
	rds := make([]ledger.MeterReading, len(m.lines))
	typed := make([]ledger.MeterReading, len(m.lines))
	for i, l := range m.lines {
		typed[i] = l.current()
		rds[i] = typed[i]
		if typed[i].Consumption().IsNegative() {
			rds[i] = l.rd // a line that will be refused counts as saved
		}
	}
	st, err := ledger.ComputeMeter(*mt, rds)
	if err != nil {
		m.problem.SetText(m.s.message(err))
		return
	}
	unit := ""
	if mt.Unit != "" {
		unit = " " + mt.Unit
	}
	for i, l := range m.lines {
		x, c := st.Lines[i], typed[i].Consumption()
		l.cons.SetText(fr.Shares(c) + meterMark(x.MeterReading))
		l.cons.Importance = widget.MediumImportance
		l.gap.SetText(fr.Shares(typed[i].Gap()))
		l.total.SetText(x.Total.String())
		if c.IsNegative() {
			l.cons.Importance = widget.DangerImportance
			l.total.SetText("—")
		}
		l.cons.Refresh()
	}
	f := m.grid.Footer
	f[1].SetText("Total : " + fr.Count(len(m.lines), "lot", "lots"))
	f[4].SetText(fr.Shares(st.Consumption) + unit)
	f[5].SetText(fr.Shares(st.Estimate))
	f[6].SetText(fr.Shares(st.Estimate.Sub(st.Consumption)))
	f[7].SetText(st.Total.String())
	if !mt.HasGeneral {
		m.general.SetText("Pas de compteur général : indiquez ses index dans la fiche du compteur (« Modifier… ») pour connaître la consommation commune.")
		return
	}
	m.general.SetText(fmt.Sprintf("Compteur général : %s → %s, soit %s%s (%s). Lots : %s%s (%s). Consommation commune (écart) : %s%s (%s).",
		fr.Shares(mt.GeneralOld), fr.Shares(mt.GeneralNew), fr.Shares(st.General), unit, st.GeneralTotal,
		fr.Shares(st.Consumption), unit, st.Total, fr.Shares(st.Common), unit, st.CommonTotal))
	m.general.Importance = widget.MediumImportance
	if st.Common.IsNegative() {
		m.general.Importance = widget.WarningImportance
	}
	m.general.Refresh()
}

// meterMark flags a consumption that is not the indexes' difference.
func meterMark(rd ledger.MeterReading) string {
	switch {
	case rd.Flat:
		return " (forfait)"
	case rd.Forced:
		return " (forcée)"
	case rd.Changed:
		return " (changé)"
	}
	return ""
}

// parseMeterNumber reads an index or an estimate as typed: « 1 250,5 »;
// empty is zero.
func parseMeterNumber(text string) (decimal.Decimal, error) {
	d, err := app.ParseShares(text)
	if err != nil {
		return d, ledger.Errorf(ledger.Invalid, "« %s » n'est pas un nombre (par exemple 1 250 ou 12,5)", text)
	}
	if p := ledger.MeterNumberProblem(d); p != "" {
		return d, ledger.Errorf(ledger.Invalid, "%s", fr.UpperFirst(p))
	}
	return d, nil
}

func (m *metersScreen) generateLines() {
	mt := m.meter()
	if mt == nil {
		return
	}
	n, err := m.s.res.GenerateMeterReadings(mt.Code, mt.Year, strconv.Itoa(mt.Year))
	if err != nil {
		m.s.showError(err)
		return
	}
	if n == 0 {
		m.s.say(fmt.Sprintf("Compteur %s : chaque lot a déjà sa ligne", mt.Code))
	} else {
		m.s.say(fmt.Sprintf("Compteur %s : %s ajoutée%s", mt.Code, fr.Count(n, "ligne", "lignes"), fr.S(n)))
	}
	m.choose(m.cur)
}

func (m *metersScreen) printSheet() {
	mt := m.meter()
	if mt == nil {
		return
	}
	path, err := m.s.res.WriteMeterSheet(mt.Code, mt.Year, m.s.now())
	if err != nil {
		m.s.showError(err)
		return
	}
	m.s.openWritten(fmt.Sprintf("Relevé du compteur %s de %d enregistré dans %s", mt.Code, mt.Year, path), path)
}
