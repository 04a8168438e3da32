package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/transfers"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/sepa"
	"tantieme/ui/widgets"
)

// The transfer assistant (menu Banque › Virements de fonds…, seed 001):
// three steps in one dialog. 1 — per savings account, the amount the
// chosen mode proposes, editable, and its direction, switchable; a line
// that cannot be sent is red with its reason and « Suivant » stays
// disabled while one is ticked; 2 — the summary, and the transfer slip to
// print before going on; 3 — the entries to post and « Générer et
// comptabiliser », then a report naming the files written.

var transferModes = []string{"Selon le solde de l'avance", "Selon le montant réglé"}
var transferCategories = []string{"Fonds de travaux", "Avances", "Toutes les avances"}

// transferLine is one line of step 1.
type transferLine struct {
	p        transfers.Proposal
	tick     *widget.Check
	amount   *widgets.Field
	arrow    *widget.Button
	reason   *widget.Label
	toSaving bool // the direction: current → livret
}

// transferAssistant is the dialog's state.
type transferAssistant struct {
	s       *Shell
	step    int
	f       *form
	body    *fyne.Container
	prev    *widgets.Button
	mode    *widget.RadioGroup
	cat     *widget.Select
	pos     *widget.Check
	date    *widgets.Field
	lines   []*transferLine
	list    *fyne.Container
	printed bool // the slip was printed: step 3 is open
	version *widget.Select
	folder  *widgets.Field
	folders fyne.CanvasObject // the folder field with its « Choisir… »
}

// transferFunds opens the assistant.
func (s *Shell) transferFunds() {
	if s.res == nil {
		return
	}
	if s.res.ReadOnly() {
		s.showError(ledger.Errorf(ledger.Invalid, "Le fichier est ouvert en lecture seule : aucun virement ne peut être passé"))
		return
	}
	a := &transferAssistant{s: s, step: 1}
	now := s.now()
	a.date = widgets.NewField(ledger.FrenchDate(ledger.Date(now.Year(), now.Month(), now.Day())), "JJ/MM/AAAA")
	a.f = s.newForm("Virements de fonds", "Suivant", a.date)
	a.f.width = 980
	a.f.submit = a.next
	a.prev = widgets.NewButton("Précédent", theme.NavigateBackIcon(), widget.MediumImportance, a.back)
	a.prev.Keys = a.f.keys
	a.f.extra = []fyne.CanvasObject{a.prev}
	a.mode = widget.NewRadioGroup(transferModes, func(string) { a.reload() })
	a.mode.Horizontal = true
	a.mode.Required = true
	a.mode.Selected = transferModes[0]
	a.cat = widget.NewSelect(transferCategories, func(string) { a.reload() })
	a.cat.Selected = transferCategories[0]
	a.pos = widget.NewCheck("Seulement les montants positifs", func(bool) { a.reload() })
	a.list = container.NewVBox()
	a.version = widget.NewSelect([]string{string(sepa.Pain001v09), string(sepa.Pain001v03)}, nil)
	a.version.Selected = string(sepa.Pain001v09)
	a.folder, a.folders = s.folderField(s.lettersDir(app.FolderTransfers))
	a.body = container.NewStack()
	if err := a.load(); err != nil {
		s.showError(err)
		return
	}
	a.fill()
	a.f.show(a.body, nil)
	a.resize()
}

// load reads the proposals for the criteria.
func (a *transferAssistant) load() error {
	date, err := ledger.ParseDate(a.date.Text)
	if err != nil {
		return err
	}
	mode := transfers.ByFundBalance
	if a.mode.Selected == transferModes[1] {
		mode = transfers.ByPaid
	}
	cat := map[string]transfers.Category{transferCategories[0]: transfers.WorksFunds, transferCategories[1]: transfers.Advances,
		transferCategories[2]: transfers.AllFunds}[a.cat.Selected]
	ps, err := transfers.Proposals(a.s.res, mode, date, transfers.Filter{Category: cat, PositiveOnly: a.pos.Checked})
	if err != nil {
		return err
	}
	a.lines = nil
	for _, p := range ps {
		a.lines = append(a.lines, a.newLine(p))
	}
	return nil
}

// reload refreshes the list when a criterion changes; the amounts typed
// are replaced by the new proposals, as the seed's « Actualiser » does.
func (a *transferAssistant) reload() {
	if a.body == nil || a.step != 1 {
		return
	}
	if err := a.load(); err != nil {
		a.f.fail(err)
		return
	}
	a.f.clearError()
	a.fill()
}

func (a *transferAssistant) newLine(p transfers.Proposal) *transferLine {
	l := &transferLine{p: p, toSaving: p.Transfer.To == p.Savings.Account}
	l.amount = widgets.NewField(fr.Money(int64(p.Transfer.Amount)), "0,00")
	l.amount.Keys = a.f.keys
	l.amount.OnChanged = func(string) { a.check() }
	l.tick = widget.NewCheck("", func(bool) { a.check() })
	l.tick.Checked = p.Problem == ""
	l.arrow = widget.NewButton("", func() { l.toSaving = !l.toSaving; a.check() })
	l.reason = widget.NewLabel("")
	l.reason.Importance = widget.DangerImportance
	l.reason.Wrapping = fyne.TextWrapWord
	return l
}

// transfer is the line as the user left it.
func (l *transferLine) transfer() (transfers.Transfer, error) {
	t := l.p.Transfer
	t.From, t.To = l.p.Current.Account, l.p.Savings.Account
	if !l.toSaving {
		t.From, t.To = t.To, t.From
	}
	t.Label = transfers.DefaultLabel(l.p.FundLabel, l.toSaving)
	amount, err := ledger.ParseAmount(l.amount.Text)
	if err != nil {
		return t, err
	}
	t.Amount = amount
	return t, nil
}

// selected lists the ticked lines' transfers.
func (a *transferAssistant) selected() ([]transfers.Transfer, []*transferLine, error) {
	var ts []transfers.Transfer
	var ls []*transferLine
	for _, l := range a.lines {
		if !l.tick.Checked {
			continue
		}
		t, err := l.transfer()
		if err != nil {
			return nil, nil, err
		}
		ts, ls = append(ts, t), append(ls, l)
	}
	return ts, ls, nil
}

// check gives each ticked line its reason, and enables « Suivant » when a
// line is ticked and none is refused.
func (a *transferAssistant) check() {
	a.f.clearError()
	var ts []transfers.Transfer
	var ls []*transferLine
	for _, l := range a.lines {
		l.arrow.SetText(map[bool]string{true: "→  vers le livret", false: "←  vers le compte courant"}[l.toSaving])
		l.reason.SetText("")
		if !l.tick.Checked {
			continue
		}
		t, err := l.transfer()
		if err != nil {
			l.reason.SetText(ledger.Message(err))
			continue
		}
		ts, ls = append(ts, t), append(ls, l)
	}
	problems, err := transfers.Check(a.s.res, ts)
	if err != nil {
		a.f.fail(err)
		return
	}
	for i, p := range problems {
		if p != "" {
			ls[i].reason.SetText(fr.UpperFirst(p))
		}
	}
	// A line left unticked still says what is wrong with it.
	for _, l := range a.lines {
		if !l.tick.Checked && l.p.Problem != "" {
			l.reason.SetText(fr.UpperFirst(l.p.Problem))
		}
	}
	bad := false
	for _, l := range a.lines {
		bad = bad || (l.tick.Checked && l.reason.Text != "")
	}
	widgets.SetEnabled(a.f.ok, len(ts) > 0 && !bad)
}

func (a *transferAssistant) fill() {
	a.f.ok.Importance = widget.HighImportance
	a.f.ok.SetIcon(theme.NavigateNextIcon())
	a.f.ok.SetText("Étape suivante")
	a.f.ok.Enable()
	a.prev.Show()
	var content fyne.CanvasObject
	switch a.step {
	case 1:
		a.prev.Hide()
		content = a.selectionStep()
		a.check()
	case 2:
		content = a.summaryStep()
		widgets.SetEnabled(a.f.ok, a.printed)
	default:
		content = a.postingStep()
		a.f.ok.SetIcon(theme.ConfirmIcon())
		a.f.ok.SetText("Générer et comptabiliser")
	}
	a.f.ok.Refresh()
	a.body.Objects = []fyne.CanvasObject{content}
	a.body.Refresh()
	a.resize()
}

// resize keeps the dialog as tall as the window from step to step, as the
// closing assistant does: its buttons stay where the mouse left them.
func (a *transferAssistant) resize() {
	if a.f.dlg != nil {
		a.f.dlg.Resize(fyne.NewSize(min(a.f.width, a.s.win.Canvas().Size().Width),
			max(a.f.dlg.MinSize().Height, a.s.win.Canvas().Size().Height-30)))
	}
}

var transferColumns = &widgets.Columns{Widths: []float32{36, 260, 200, 120, 250}, Stretch: 1}

// selectionStep is step 1.
func (a *transferAssistant) selectionStep() fyne.CanvasObject {
	refresh := widget.NewButtonWithIcon("Actualiser", theme.ViewRefreshIcon(), a.reload)
	criteria := container.NewVBox(
		container.NewHBox(widget.NewLabel("Mode de calcul :"), a.mode),
		container.NewHBox(widget.NewLabel("Catégorie :"), container.New(&widgets.FixedWidth{Width: 240}, a.cat), a.pos),
		container.NewHBox(widget.NewLabel("Date du virement :"), container.New(&widgets.FixedWidth{Width: 130}, a.date), refresh))
	a.list.Objects = nil
	head := func(t string) fyne.CanvasObject { l := widget.NewLabel(t); l.TextStyle.Bold = true; return l }
	a.list.Add(container.New(transferColumns, head(""), head("Livret et fonds placé"), head("Compte courant"), head("Montant"), head("Sens du virement")))
	if len(a.lines) == 0 {
		a.list.Add(widgets.Note("Aucun livret ne détient de fonds de cette catégorie : choisissez le fonds placé sur chaque livret dans Paramètres › Comptes bancaires, ou une autre catégorie."))
	}
	paid := a.mode.Selected == transferModes[1]
	for _, l := range a.lines {
		name := widgets.Note(l.p.Savings.Account + " " + l.p.Savings.Label + "\n" + fundText(l.p, paid))
		current := widgets.Note(strings.TrimSpace(l.p.Current.Account + " " + l.p.Current.Label))
		a.list.Add(container.New(transferColumns, l.tick, name, current, l.amount, l.arrow))
		a.list.Add(container.NewPadded(widgets.Reserve(l.reason, 1)))
	}
	// The form's own scroll takes the list when the window is too low.
	return container.NewVBox(widgets.StepTitle(widgets.StepText(1, 3, "Sélection")),
		widgets.Note("Pour chaque livret, le montant à virer pour qu'il détienne le fonds placé dessus. Modifiez le montant ou le sens si besoin ; rien n'est encore écrit."),
		criteria, a.list)
}

// fundText says what the proposal is made of.
func fundText(p transfers.Proposal, paid bool) string {
	if p.Savings.Fund == "" {
		return "aucun fonds placé"
	}
	t := fmt.Sprintf("%s %s : %s ; livret : %s", p.Savings.Fund, p.FundLabel, p.FundBalance, p.SavingsBalance)
	if paid {
		t += fmt.Sprintf(" ; encaissé : %s", p.FundBalance-p.Unpaid)
	}
	return t
}

// summaryStep is step 2.
func (a *transferAssistant) summaryStep() fyne.CanvasObject {
	ts, _, _ := a.selected()
	box := container.NewVBox(widgets.StepTitle(widgets.StepText(2, 3, "Récapitulatif")))
	var total ledger.Amount
	for _, t := range ts {
		total += t.Amount
		box.Add(widgets.Note(fmt.Sprintf("%s : du compte %s vers le compte %s, %s, le %s", t.Label, t.From, t.To, t.Amount, ledger.FrenchDate(t.Date))))
	}
	box.Add(widget.NewLabelWithStyle(fmt.Sprintf("%d virement%s, %s au total", len(ts), fr.S(len(ts)), total), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	print := widgets.NewButton("Imprimer le bordereau", theme.DocumentPrintIcon(), widget.HighImportance, func() { a.printSlip(ts) })
	print.Keys = a.f.keys
	box.Add(widgets.Note("Imprimez le bordereau de virement, à signer et garder avec les pièces, pour passer à l'étape suivante."))
	box.Add(container.NewHBox(print))
	return box
}

// printSlip writes the slip and opens it; step 3 is then open.
func (a *transferAssistant) printSlip(ts []transfers.Transfer) {
	s := a.s
	file := filepath.Join(s.lettersDir(app.FolderSlips), transfers.SlipName(ts[0].Date))
	s.runLong("Écriture du bordereau de virement…", func() error {
		return transfers.WriteSlip(s.res, file, ts, nil)
	}, func() {
		a.printed = true
		widgets.SetEnabled(a.f.ok, true)
		s.openWritten("Bordereau de virement enregistré dans "+file, file)
	})
}

// postingStep is step 3: the entries that will be posted.
func (a *transferAssistant) postingStep() fyne.CanvasObject {
	ts, _, _ := a.selected()
	box := container.NewVBox(widgets.StepTitle(widgets.StepText(3, 3, "Comptabilisation")),
		widgets.Note("« Générer et comptabiliser » passe ces écritures au journal BQ et écrit un fichier de virement SEPA par compte débité, à déposer sur le site de la banque."))
	for _, t := range ts {
		box.Add(widgets.Note(fmt.Sprintf("%s — BQ — débit %s, crédit %s : %s — %s", ledger.FrenchDate(t.Date), t.To, t.From, t.Amount, t.Label)))
	}
	box.Add(container.NewBorder(nil, nil, widget.NewLabel("Dossier des fichiers :"), nil, a.folders))
	box.Add(container.NewHBox(widget.NewLabel("Format :"), container.New(&widgets.FixedWidth{Width: 220}, a.version)))
	box.Add(widgets.Note("pain.001.001.09 est le format de 2019 que les banques demandent ; pain.001.001.03 pour une banque qui ne l'accepte pas encore."))
	return box
}

func (a *transferAssistant) back() {
	if a.step > 1 {
		a.step--
		a.fill()
	}
}

// next goes to the next step, or posts at the last.
func (a *transferAssistant) next() error {
	switch a.step {
	case 1:
		if _, err := ledger.ParseDate(a.date.Text); err != nil {
			return err
		}
		a.step = 2
		a.printed = false
		a.fill()
		return errStay
	case 2:
		a.step = 3
		a.fill()
		return errStay
	}
	ts, _, err := a.selected()
	if err != nil {
		return err
	}
	s := a.s
	dir := strings.TrimSpace(a.folder.Text)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » n'a pas pu être créé : choisissez-en un autre", dir)
	}
	res, err := transfers.Post(s.res, ts, transfers.Options{Version: sepa.Version(a.version.Selected), Folder: dir})
	if err != nil {
		return err
	}
	s.changed()
	// The assistant closes before the report opens over the window.
	a.f.close()
	a.report(res)
	return errStay
}

// report says what was written; a file that could not be written is
// offered again from the books.
func (a *transferAssistant) report(res transfers.Result) {
	s := a.s
	var b strings.Builder
	fmt.Fprintf(&b, "%d virement%s comptabilisé%s au journal BQ.\n", len(res.Entries), fr.S(len(res.Entries)), fr.S(len(res.Entries)))
	var failed []transfers.File
	for _, f := range res.Files {
		if f.WriteErr != nil {
			failed = append(failed, f)
			fmt.Fprintf(&b, "\nFichier %s (%s, %s) : enregistré dans la résidence mais pas écrit : %s", f.Name, f.From, f.Total, ledger.Message(f.WriteErr))
			continue
		}
		fmt.Fprintf(&b, "\nFichier écrit : %s (compte %s, %s, %s)", f.Path, f.From, fr.Count(f.Transfers, "virement", "virements"), f.Total)
	}
	s.say(fmt.Sprintf("%s passé%s, %s", fr.Count(len(res.Entries), "virement", "virements"), fr.S(len(res.Entries)), fr.Count(len(res.Files), "fichier SEPA", "fichiers SEPA")))
	f := s.newForm("Virements comptabilisés", "Fermer")
	f.cancel.Hide()
	f.width = 760
	for _, x := range failed {
		again := widgets.NewButton("Écrire à nouveau "+x.Name, theme.DocumentSaveIcon(), widget.MediumImportance, func() {
			path, err := transfers.WriteAgain(s.res, x.MsgID, a.folder.Text)
			if err != nil {
				f.fail(err)
				return
			}
			s.say("Fichier de virement écrit : " + path)
		})
		f.extra = append(f.extra, again)
	}
	if len(res.Files) > 0 && res.Files[0].Path != "" {
		open := widgets.NewButton("Ouvrir le dossier", theme.FolderOpenIcon(), widget.MediumImportance, func() { s.openPath(filepath.Dir(res.Files[0].Path)) })
		f.extra = append(f.extra, open)
	}
	f.show(widgets.Note(b.String()), nil)
}
