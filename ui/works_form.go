package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// worksTypes are the two kinds of campaigns, as the form offers them.
var worksTypes = []ledger.WorksType{ledger.Art142Works, ledger.ExceptionalOperation}

// worksForm creates a campaign (w nil) or changes one: code, label, type,
// date of the general meeting, voted amount split over keys, end, and the
// schedule of its calls. saved gets the campaign's code.
func (s *Shell) worksForm(w *ledger.Works, saved func(code string)) {
	creating := w == nil
	cur := ledger.Works{Type: ledger.Art142Works}
	if !creating {
		cur = *w
	}
	var keys []ledger.Key
	var err error
	if keys, err = s.res.Keys(); err != nil {
		s.showError(err)
		return
	}
	code := widgets.NewField(cur.Code, "3 lettres : ASC, RAV, ETU…")
	if !creating {
		code.Disable()
	}
	label := widgets.NewField(cur.Label, "par exemple : Ravalement des façades")
	var typeNames []string
	for _, t := range worksTypes {
		typeNames = append(typeNames, t.Label())
	}
	kind := newChoiceField(typeNames, cur.Type.Label(), nil)
	ag := widgets.NewField(ledger.FrenchDate(cur.AGDate), "JJ/MM/AAAA")
	resolution := widgets.NewField(cur.Resolution, "n° au procès-verbal, par exemple 12")
	voted := widgets.NewField(budgetText(cur.Voted), "par exemple 24 000,00")
	split := newWorksKeys(keys, cur.Keys)
	end := widgets.NewField(ledger.FrenchDate(cur.End), "JJ/MM/AAAA, date prévue")
	finished := widgets.NewCheckField("Travaux terminés", cur.Finished)

	// The schedule: what it was, read back as count, first date and step.
	count, first, every := "4", "", "3"
	if n := len(cur.Schedule); n > 0 {
		count, first = strconv.Itoa(n), ledger.FrenchDate(cur.Schedule[0])
		if n > 1 {
			a, b := cur.Schedule[0], cur.Schedule[1]
			every = strconv.Itoa((b.Year()-a.Year())*12 + int(b.Month()-a.Month()))
		}
	}
	calls := widgets.NewField(count, "1 à 36")
	firstDue := widgets.NewField(first, "JJ/MM/AAAA")
	step := widgets.NewField(every, "1 à 12")
	dates := widgets.Note("")
	notes := widgets.NewTextArea(cur.Notes, 2)

	readVoted := func() (ledger.Amount, error) {
		if strings.TrimSpace(voted.Text) == "" {
			return 0, nil
		}
		return ledger.ParseAmount(voted.Text)
	}
	schedule := func() (app.WorksSchedule, error) {
		n, err := strconv.Atoi(strings.TrimSpace(calls.Text))
		if err != nil {
			return app.WorksSchedule{}, ledger.Errorf(ledger.Invalid, "Nombre d'appels : « %s » n'est pas un nombre", strings.TrimSpace(calls.Text))
		}
		d, err := ledger.ParseDate(firstDue.Text)
		if err != nil {
			return app.WorksSchedule{}, ledger.Wrap(ledger.Invalid, err, "Premier appel : %s", ledger.Message(err))
		}
		m := 0
		if t := strings.TrimSpace(step.Text); t != "" || n > 1 {
			if m, err = strconv.Atoi(t); err != nil {
				return app.WorksSchedule{}, ledger.Errorf(ledger.Invalid, "Fréquence : « %s » n'est pas un nombre de mois", t)
			}
		}
		return app.WorksSchedule{Count: n, First: d, EveryMonths: m}, nil
	}
	showDates := func() {
		if strings.TrimSpace(firstDue.Text) == "" {
			dates.SetText("Indiquez la date du premier appel : les échéances s'afficheront ici.")
			dates.Importance = widget.MediumImportance
			dates.Refresh()
			return
		}
		sched, err := schedule()
		var list []time.Time
		if err == nil {
			list, err = sched.Dates()
		}
		if err != nil {
			dates.SetText(s.message(err))
			dates.Importance = widget.DangerImportance
			dates.Refresh()
			return
		}
		var words []string
		for _, d := range list {
			words = append(words, ledger.FrenchDate(d))
		}
		share := ""
		if v, err := readVoted(); err == nil && v > 0 {
			parts := ledger.SplitEven(v, len(list))
			share = fmt.Sprintf(" — %s par appel", parts[len(parts)-1].String())
			if parts[0] != parts[len(parts)-1] {
				share = fmt.Sprintf(" — %s à %s par appel", parts[len(parts)-1].String(), parts[0].String())
			}
		}
		dates.SetText(fmt.Sprintf("Échéances : %s%s.", strings.Join(words, ", "), share))
		dates.Importance = widget.MediumImportance
		dates.Refresh()
	}
	split.voted = func() ledger.Amount { v, _ := readVoted(); return v }

	title := "Nouvelle campagne de travaux"
	if !creating {
		title = "Modifier la campagne " + cur.Code
	}
	f := s.newForm(title, "Enregistrer", code, label, kind, ag, resolution, voted, split, end, finished, calls, firstDue, step, notes)
	f.width = 980
	for _, fl := range []*widgets.Field{calls, firstDue, step, voted} {
		chainChanged(fl, func(string) { showDates() })
	}
	chainChanged(voted, func(string) { split.refresh() })
	showDates()
	split.refresh()
	scheduleTyped := func() bool {
		return calls.Text != count || firstDue.Text != first || step.Text != every
	}
	f.submit = func() error {
		nw := cur
		nw.Code = strings.ToUpper(strings.TrimSpace(code.Text))
		nw.Label = strings.TrimSpace(label.Text)
		for _, t := range worksTypes {
			if t.Label() == kind.Selected {
				nw.Type = t
			}
		}
		nw.Resolution = strings.TrimSpace(resolution.Text)
		var err error
		if nw.AGDate, err = parseDate("Date de l'AG", ag.Text); err != nil {
			s.win.Canvas().Focus(ag)
			return err
		}
		if nw.Voted, err = readVoted(); err != nil {
			s.win.Canvas().Focus(voted)
			return ledger.Wrap(ledger.Invalid, err, "Montant voté : %s", ledger.Message(err))
		}
		if nw.Keys, err = split.read(nw.Voted); err != nil {
			return err
		}
		if nw.End, err = parseDate("Date de fin", end.Text); err != nil {
			s.win.Canvas().Focus(end)
			return err
		}
		nw.Finished = finished.Checked
		nw.Notes = strings.TrimSpace(notes.Text)
		var sched *app.WorksSchedule
		if creating || scheduleTyped() || len(cur.Schedule) == 0 {
			sc, err := schedule()
			if err != nil {
				s.win.Canvas().Focus(calls)
				return err
			}
			sched = &sc
		}
		if creating {
			err = s.res.CreateWorks(nw, sched)
		} else {
			err = s.res.UpdateWorks(nw, sched)
		}
		if err != nil {
			if creating && strings.Contains(ledger.Message(err), "code") {
				s.win.Canvas().Focus(code)
			}
			return err
		}
		n := len(cur.Schedule)
		if sched != nil {
			list, _ := sched.Dates()
			n = len(list)
		}
		if creating {
			acc := ledger.WorksAccounts(nw.Code)
			s.say(fmt.Sprintf("Campagne de travaux %s « %s » créée : %s votés, %d échéance%s, comptes %s à %s", nw.Code, nw.Label, nw.Voted.String(),
				n, fr.S(n), acc[0], acc[len(acc)-1]))
		} else {
			s.say(fmt.Sprintf("Campagne de travaux %s « %s » modifiée : %s votés, %d échéance%s", nw.Code, nw.Label, nw.Voted.String(), n, fr.S(n)))
		}
		saved(nw.Code)
		return nil
	}

	left := widget.NewForm(
		widget.NewFormItem("Code *", code), widget.NewFormItem("Libellé *", label), widget.NewFormItem("Type *", kind),
		widget.NewFormItem("Date de l'AG", ag), widget.NewFormItem("Résolution", resolution),
		widget.NewFormItem("Montant voté *", voted),
		widget.NewFormItem("Fin des travaux", end), widget.NewFormItem("", finished))
	right := container.NewVBox(
		// The split's own container: Fyne draws containers, not what embeds one.
		widget.NewLabelWithStyle("Répartition du montant voté", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), split.Container,
		widget.NewLabelWithStyle("Échéancier des appels", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewForm(widget.NewFormItem("Nombre d'appels", calls), widget.NewFormItem("Premier appel le", firstDue),
			widget.NewFormItem("Puis tous les (mois)", step)), dates)
	help := "* obligatoire. Le code (trois lettres) termine les comptes de la campagne : 102, 120, 131, 401, 671, 672, 673 et 702, créés avec elle. " +
		"Les appels s'étalent sur trois ans au plus. Touche Entrée : enregistrer. Touche Échap : annuler."
	if !creating {
		help = "* obligatoire. Le code ne change pas. Les échéances déjà appelées ne peuvent pas changer : annulez d'abord leur appel. Touche Entrée : enregistrer. Touche Échap : annuler."
	}
	content := container.NewVBox(container.NewGridWithColumns(2, left, right), widget.NewForm(widget.NewFormItem("Notes", notes)), widgets.Note(help))
	focus := fyne.Focusable(code)
	if !creating {
		focus = label
	}
	f.show(content, focus)
	refit(f)
}

// worksKeys is the split of a campaign's voted amount over keys, typed line
// by line; with a single key left blank, the whole voted amount goes to it.
type worksKeys struct {
	*fyne.Container
	keys  []ledger.Key
	rows  []*worksKeyRow
	list  *fyne.Container
	sum   *widget.Label
	hooks []func()
	fkeys *widgets.FormKeys
	voted func() ledger.Amount
}

type worksKeyRow struct {
	key    *choiceField
	amount *widgets.Field
	share  *widget.Label
	obj    fyne.CanvasObject
}

func newWorksKeys(keys []ledger.Key, split []ledger.WorksKey) *worksKeys {
	wk := &worksKeys{keys: keys, list: container.NewVBox(), sum: widget.NewLabel("")}
	wk.sum.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon("Ajouter une clé", theme.ContentAddIcon(), func() { wk.addRow(ledger.WorksKey{}) })
	for _, k := range split {
		wk.addRow(k)
	}
	if len(split) == 0 {
		k := ledger.WorksKey{}
		if len(keys) > 0 {
			k.Key = keys[0].Code
		}
		wk.addRow(k)
	}
	wk.Container = container.NewVBox(wk.list, container.NewHBox(add, layout.NewSpacer()), wk.sum)
	return wk
}

func (wk *worksKeys) options() []string {
	var out []string
	for _, k := range wk.keys {
		out = append(out, keyText(k))
	}
	return out
}

func (wk *worksKeys) addRow(k ledger.WorksKey) {
	r := &worksKeyRow{}
	sel := ""
	for _, x := range wk.keys {
		if x.Code == k.Key {
			sel = keyText(x)
		}
	}
	r.key = newChoiceField(wk.options(), sel, func(string) { wk.changed() })
	r.amount = widgets.NewField(budgetText(k.Amount), "montant")
	r.amount.OnChanged = func(string) { wk.changed() }
	r.share = widget.NewLabel("")
	r.share.Alignment = fyne.TextAlignTrailing
	remove := widgets.NewWordButton("Retirer", theme.DeleteIcon(), func() { wk.remove(r) })
	r.obj = container.New(&widgets.Columns{Widths: []float32{230, 130, 70, 90}, Stretch: 0}, r.key, r.amount, r.share, remove)
	if wk.fkeys != nil {
		r.key.SetKeys(wk.fkeys)
		r.amount.SetKeys(wk.fkeys)
	}
	wk.rows = append(wk.rows, r)
	wk.list.Add(r.obj)
	wk.changed()
}

func (wk *worksKeys) remove(r *worksKeyRow) {
	for i, x := range wk.rows {
		if x == r {
			wk.rows = append(wk.rows[:i], wk.rows[i+1:]...)
			wk.list.Remove(r.obj)
		}
	}
	wk.changed()
}

func (wk *worksKeys) changed() {
	wk.refresh()
	for _, h := range wk.hooks {
		h()
	}
}

// refresh shows each key's share and whether the keys add up to the vote.
func (wk *worksKeys) refresh() {
	var voted ledger.Amount
	if wk.voted != nil {
		voted = wk.voted()
	}
	var sum ledger.Amount
	blank := 0
	for _, r := range wk.rows {
		a, err := parseBudgetAmount(r.amount.Text)
		if strings.TrimSpace(r.amount.Text) == "" {
			blank++
		}
		r.share.SetText("")
		if err == nil {
			sum += a
			if voted > 0 && a > 0 {
				r.share.SetText(shareOf(decimal.NewFromInt(int64(a)), decimal.NewFromInt(int64(voted))))
			}
		}
	}
	switch {
	case voted <= 0:
		wk.sum.SetText("Indiquez le montant voté, puis sa répartition par clé.")
		wk.sum.Importance = widget.MediumImportance
	case len(wk.rows) == 1 && blank == 1:
		wk.sum.SetText(fmt.Sprintf("Tout le montant voté (%s) sur cette clé.", voted.String()))
		wk.sum.Importance = widget.SuccessImportance
	case sum == voted:
		wk.sum.SetText(fmt.Sprintf("✓ Les clés font le montant voté : %s.", voted.String()))
		wk.sum.Importance = widget.SuccessImportance
	case sum < voted:
		wk.sum.SetText(fmt.Sprintf("✗ Les clés font %s : il manque %s pour le montant voté (%s).", sum.String(), (voted - sum).String(), voted.String()))
		wk.sum.Importance = widget.DangerImportance
	default:
		wk.sum.SetText(fmt.Sprintf("✗ Les clés font %s : %s de trop pour le montant voté (%s).", sum.String(), (sum - voted).String(), voted.String()))
		wk.sum.Importance = widget.DangerImportance
	}
	wk.sum.Refresh()
}

// read is the split typed; a single key left blank takes the voted amount.
func (wk *worksKeys) read(voted ledger.Amount) ([]ledger.WorksKey, error) {
	var out []ledger.WorksKey
	for i, r := range wk.rows {
		code := ""
		for _, k := range wk.keys {
			if keyText(k) == r.key.Selected {
				code = k.Code
			}
		}
		if code == "" {
			return nil, ledger.Errorf(ledger.Invalid, "Répartition, ligne %d : choisissez la clé", i+1)
		}
		var a ledger.Amount
		if strings.TrimSpace(r.amount.Text) == "" && len(wk.rows) == 1 {
			a = voted
		} else {
			var err error
			if a, err = ledger.ParseAmount(r.amount.Text); err != nil {
				return nil, ledger.Wrap(ledger.Invalid, err, "Répartition, clé %s : %s", code, ledger.Message(err))
			}
		}
		out = append(out, ledger.WorksKey{Key: code, Amount: a})
	}
	return out, nil
}

// worksKeys is a field of the form: its lines tell whether something was
// typed, and each of them passes on the form's keys.
func (wk *worksKeys) Value() string {
	var b strings.Builder
	for _, r := range wk.rows {
		fmt.Fprintf(&b, "%s=%s;", r.key.Selected, r.amount.Text)
	}
	return b.String()
}

func (wk *worksKeys) SetKeys(k *widgets.FormKeys) {
	wk.fkeys = k
	for _, r := range wk.rows {
		r.key.SetKeys(k)
		r.amount.SetKeys(k)
	}
}

func (wk *worksKeys) OnChange(fn func()) { wk.hooks = append(wk.hooks, fn) }
