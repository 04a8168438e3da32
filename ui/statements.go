package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/banking"
	"tantieme/bankfile"
	"tantieme/bankfile/read"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// stmtWizard is the assistant of Banque › Importer un relevé… (issue 17,
// seed 004 §2.1–2.5): the file, the check of the matches, the detail of an
// owner's payment, the posting, the report. Steps 1 to 4 only read
// (banking.Prepare is a dry run); the books are written at step 4 by
// banking.Apply, in one transaction. Cancelling before it writes nothing.
type stmtWizard struct {
	s    *Shell
	f    *form
	step int
	done bool // posted: only the report is left

	// Step 1: the file.
	path     *widgets.Field
	browse   *widgets.Button
	demoBtn  *widgets.Button
	fileNote *widget.Label
	infos    *fyne.Container
	loaded   string // the path (or demo name) the plan was read from
	plan     *banking.Plan
	banks    map[string]ledger.BankAccount

	// Step 2: the lines and the syndic's choices.
	selected map[banking.LineID]bool
	choices  map[banking.LineID]banking.Choice
	names    map[banking.LineID]string // who a choice goes to, as shown
	check    *stmtCheck

	// Step 3: the detail of one owner's payment.
	alloc     *allocEditor
	allocFor  banking.LineID
	allocHead *widget.Label
	allocBody *fyne.Container

	// Steps 4 and 5.
	summary *widget.Label
	bar     *widget.ProgressBar
	barText *widget.Label
	busy    bool
	report  *fyne.Container
	rep     *banking.Report

	steps *widgets.Steps
	prev  *widgets.Button
	goBtn *widgets.Button
}

// stmtSteps name the steps, as the counter at the top says them.
var stmtSteps = []string{"Fichier", "Vérification des encaissements", "Détail de l'affectation", "Comptabilisation", "Compte rendu"}

const prefStatementDir = "statements.dir"

// The assistant's content: the lines need the room; it stays the same from
// one step to the next so that the buttons do not move.
var stmtSize = fyne.NewSize(1160, 540)

// importStatement opens the assistant (Banque › Importer un relevé…).
func (s *Shell) importStatement() { s.startStatementImport() }

// startStatementImport opens the assistant, or says why it cannot; nil then.
func (s *Shell) startStatementImport() *stmtWizard {
	if s.res == nil || s.win.Canvas().Overlays().Top() != nil {
		return nil
	}
	if s.res.ReadOnly() {
		s.inform("Import impossible", theme.NewWarningThemedResource(theme.WarningIcon()),
			"La résidence est ouverte en lecture seule : aucun relevé ne peut y être importé. Fermez-la, puis ouvrez-la de nouveau quand plus aucun autre programme ne l'utilise.")
		return nil
	}
	return newStmtWizard(s)
}

func newStmtWizard(s *Shell) *stmtWizard {
	w := &stmtWizard{s: s, selected: map[banking.LineID]bool{}, choices: map[banking.LineID]banking.Choice{}, names: map[banking.LineID]string{}}
	w.path = widgets.NewField("", "Chemin du fichier, ou cliquez sur « Parcourir… »")
	w.f = s.newForm("Importer un relevé bancaire", "Suivant", w.path)
	w.f.width = stmtSize.Width + 2*theme.Padding()
	// As the import assistant: its buttons and keys are its own, its steps
	// go on in the background.
	w.f.keys.Enter, w.f.ok.OnTapped = w.submit, w.submit
	w.f.keys.Escape, w.f.cancel.OnTapped = w.cancel, w.cancel
	w.prev = widgets.NewButton("Précédent", theme.NavigateBackIcon(), widget.MediumImportance, w.back)
	w.prev.Keys = w.f.keys
	w.goBtn = widgets.NewButton("Voir les relevés en attente", theme.NavigateNextIcon(), widget.MediumImportance, w.toPending)
	w.goBtn.Keys = w.f.keys
	w.goBtn.Hide()
	w.f.extra = []fyne.CanvasObject{w.goBtn, w.prev}
	w.path.OnChanged = func(string) { w.f.clearError() }

	w.check = newStmtCheck(w)
	w.steps = widgets.NewSteps(stmtSteps, w.filePage(), w.check.root, w.allocPage(), w.postPage(), w.reportPage())
	body := container.NewBorder(container.NewVBox(w.steps.Counter, widget.NewSeparator()), nil, nil, nil, w.steps.Stack)
	w.f.show(s.room(stmtSize, body), nil)
	w.show(0)
	return w
}

// ---- Step 1: the file

func (w *stmtWizard) filePage() fyne.CanvasObject {
	w.browse = widgets.NewButton("Parcourir…", theme.FolderOpenIcon(), widget.MediumImportance, w.chooseFile)
	w.browse.Keys = w.f.keys
	w.fileNote = widgets.Note("Formats lus : CFONB 120 et 240, CAMT.053 et CAMT.054 (XML), OFX — reconnus d'après leur contenu. " +
		"Demandez à votre banque « l'export des relevés » dans l'un d'eux. Un fichier peut contenir plusieurs comptes et plusieurs jours.")
	w.infos = container.NewVBox()
	top := container.NewVBox(stepSection("Quel relevé ?"), container.NewBorder(nil, nil, nil, w.browse, w.path), w.fileNote)
	if w.s.demo {
		w.demoBtn = widgets.NewButton("Essayer avec un relevé de démonstration", theme.MediaPlayIcon(), widget.MediumImportance, w.loadDemo)
		w.demoBtn.Keys = w.f.keys
		top.Add(container.NewBorder(nil, nil, container.NewVBox(w.demoBtn), nil,
			widgets.Note("Résidence de démonstration : un relevé de son compte courant sur le dernier mois de l'exercice, écrit pour l'essai.")))
	}
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(w.infos))
}

// chooseFile opens Fyne's file dialog on the folder of the last statement.
func (w *stmtWizard) chooseFile() {
	s := w.s
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			w.f.fail(err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		w.path.SetText(path)
		w.load(path)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".cfo", ".cfonb", ".dat", ".xml", ".ofx", ".qfx", ".asc", ".csv"}))
	d.SetTitleText("Choisir le relevé bancaire")
	d.SetConfirmText("Ouvrir")
	d.SetDismissText("Annuler")
	dir := s.app.Preferences().String(prefStatementDir)
	if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() {
		dir = userDocuments()
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	s.showFileDialog(d)
}

// readStatementFile reads a statement file, bounded, and parses it.
func readStatementFile(path string) (string, []bankfile.Statement, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return name, nil, ledger.Errorf(ledger.NotFound, "Le relevé « %s » ne peut pas être lu : vérifiez son chemin (%v)", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, bankfile.MaxFileBytes+1))
	if err != nil {
		return name, nil, ledger.Errorf(ledger.Invalid, "Le relevé « %s » ne peut pas être lu : %v", path, err)
	}
	return parseStatement(name, data)
}

func parseStatement(name string, data []byte) (string, []bankfile.Statement, error) {
	sts, err := read.Statements(name, data)
	if err != nil {
		return name, nil, ledger.Errorf(ledger.Invalid, "%s", err.Error())
	}
	return name, sts, nil
}

// load reads the file at path behind a progress bar, then matches it.
func (w *stmtWizard) load(path string) {
	w.read(path, func() (string, []bankfile.Statement, error) { return readStatementFile(path) })
}

// loadDemo reads the demo statement (banking.DemoStatement).
func (w *stmtWizard) loadDemo() {
	res := w.s.res
	w.read("démonstration", func() (string, []bankfile.Statement, error) {
		name, data, err := banking.DemoStatement(res)
		if err != nil {
			return name, nil, err
		}
		return parseStatement(name, data)
	})
}

// read parses and prepares a statement off the window's goroutine; a file
// refused says why (file, line, what) and stays on step 1.
func (w *stmtWizard) read(from string, get func() (string, []bankfile.Statement, error)) {
	w.f.clearError()
	res := w.s.res
	var plan *banking.Plan
	var banks []ledger.BankAccount
	var err error
	w.s.runLong("Lecture du relevé…", func() error {
		var name string
		var sts []bankfile.Statement
		if name, sts, err = get(); err != nil {
			return nil
		}
		if banks, err = res.BankAccounts(); err != nil {
			return nil
		}
		plan, err = banking.Prepare(res, name, sts)
		return nil
	}, func() {
		if err != nil {
			w.setPlan(nil, "", nil)
			w.fileNote.SetText("Ce relevé n'est pas importé : voir le message ci-dessous. Rien n'a été écrit.")
			w.fileNote.Importance = widget.DangerImportance
			w.fileNote.Refresh()
			w.f.fail(err)
			return
		}
		if from != "démonstration" {
			w.s.app.Preferences().SetString(prefStatementDir, filepath.Dir(from))
		}
		w.setPlan(plan, from, banks)
	})
}

// setPlan takes the plan of a file just read: its certain lines start
// selected, the choices of another file are forgotten.
func (w *stmtWizard) setPlan(p *banking.Plan, from string, banks []ledger.BankAccount) {
	w.plan, w.loaded = p, from
	w.selected = map[banking.LineID]bool{}
	w.choices = map[banking.LineID]banking.Choice{}
	w.names = map[banking.LineID]string{}
	w.banks = map[string]ledger.BankAccount{}
	for _, b := range banks {
		w.banks[b.Account] = b
	}
	w.infos.Objects = nil
	if p == nil {
		w.infos.Refresh()
		return
	}
	for _, id := range p.Certain() {
		w.selected[id] = true
	}
	w.fileNote.SetText(fmt.Sprintf("Relevé lu : « %s », %s. Vérifiez ci-dessous, puis « Suivant ».", p.File, importCount(len(p.Statements), "compte", "comptes")))
	w.fileNote.Importance = widget.SuccessImportance
	w.fileNote.Refresh()
	for i, st := range p.Statements {
		w.infos.Add(w.statementCard(i, st))
	}
	w.infos.Refresh()
	w.check.load()
	w.s.win.Canvas().Focus(w.f.ok)
}

// statementCard sums up one statement of the file.
func (w *stmtWizard) statementCard(i int, st banking.StatementInfo) fyne.CanvasObject {
	p := w.plan
	skipped := 0
	for _, sk := range p.Skipped {
		if sk.Bank == st.Bank {
			skipped++
		}
	}
	from, to := statementPeriod(p, i)
	bank := w.banks[st.Bank]
	account := st.Bank + " " + bank.Label
	if iban := ledger.NormalizeIBAN(bank.IBAN); iban != "" {
		account += " — " + fr.IBAN(iban)
	}
	closing := "non indiqué par ce format"
	if st.Closing != nil {
		closing = fmt.Sprintf("%s au %s", ledger.Amount(st.Closing.Amount), ledger.FrenchDate(st.Closing.Date))
	}
	rows := []fyne.CanvasObject{
		formLabel("Compte"), widget.NewLabel(account),
		formLabel("Format"), widget.NewLabel(st.Format),
		formLabel("Période"), widget.NewLabel(from + " au " + to),
		formLabel("Lignes"), widget.NewLabel(fmt.Sprintf("%d dans le fichier : %s, %s", st.Lines,
			importCount(st.New, "nouvelle", "nouvelles"), importCount(skipped, "déjà importée (ignorée)", "déjà importées (ignorées)"))),
		formLabel("Total des mouvements"), widget.NewLabel(st.Total.String()),
		formLabel("Solde final"), widget.NewLabel(closing),
	}
	return container.NewVBox(stepSection(fmt.Sprintf("Relevé %d sur %d", i+1, len(p.Statements))), container.New(layout.NewFormLayout(), rows...))
}

// statementPeriod is the first and last day of statement i's lines.
func statementPeriod(p *banking.Plan, i int) (string, string) {
	var first, last string
	seen := func(d string) {
		if first == "" || d < first {
			first = d
		}
		if last == "" || d > last {
			last = d
		}
	}
	for _, l := range p.Lines {
		if l.Statement == i {
			seen(ledger.ISO(l.Src.Date))
		}
	}
	for _, sk := range p.Skipped {
		if sk.Bank == p.Statements[i].Bank {
			seen(ledger.ISO(sk.Src.Date))
		}
	}
	if first == "" {
		return "—", "—"
	}
	f, _ := ledger.ParseDate(first)
	l, _ := ledger.ParseDate(last)
	return ledger.FrenchDate(f), ledger.FrenchDate(l)
}

// ---- Moving between the steps

// show makes step i current.
func (w *stmtWizard) show(i int) {
	w.step = i
	w.steps.Show(i)
	w.prev.Show()
	widgets.SetEnabled(w.prev, i > 0)
	w.goBtn.Hide()
	w.f.cancel.Show()
	widgets.SetEnabled(w.f.ok, true)
	w.f.ok.SetIcon(theme.NavigateNextIcon())
	switch i {
	case 0:
		w.f.ok.SetText("Suivant")
	case 1:
		w.f.ok.SetText("Valider")
		w.f.ok.SetIcon(theme.ConfirmIcon())
		w.check.refresh()
	case 2:
		w.f.ok.SetText("Valider le détail")
		w.f.ok.SetIcon(theme.ConfirmIcon())
		widgets.SetEnabled(w.f.ok, w.alloc != nil && w.alloc.ok())
	case 3:
		w.f.ok.SetText("Comptabiliser")
		w.f.ok.SetIcon(theme.ConfirmIcon())
		w.fillSummary()
	case 4:
		w.f.ok.SetText("Terminer")
		w.f.ok.SetIcon(theme.ConfirmIcon())
		w.prev.Hide()
		w.f.cancel.Hide() // it is written: nothing left to cancel
		w.goBtn.Show()
	}
	w.f.clearError()
	if w.f.dlg != nil {
		w.f.dlg.Resize(fyne.NewSize(min(w.f.width, w.s.win.Canvas().Size().Width), w.f.dlg.MinSize().Height))
	}
}

// back is Précédent: the detail goes back to the lines without keeping
// its edits; the posting to the lines too.
func (w *stmtWizard) back() {
	switch w.step {
	case 2, 3:
		w.show(1)
	case 1:
		w.show(0)
	}
}

// submit is Suivant, Valider, Comptabiliser or Terminer, and Enter.
func (w *stmtWizard) submit() {
	if w.busy {
		return
	}
	w.f.clearError()
	if err := w.next(); err != nil && !errors.Is(err, errStay) {
		w.f.fail(err)
	}
}

func (w *stmtWizard) next() error {
	switch w.step {
	case 0:
		path := importPath(w.path.Text)
		if w.plan != nil && (path == "" || path == w.loaded) {
			w.show(1)
			return nil
		}
		if path == "" {
			return ledger.Errorf(ledger.Invalid, "Choisissez le relevé à importer : cliquez sur « Parcourir… », ou tapez son chemin")
		}
		w.load(path)
		return errStay
	case 1:
		if why := w.check.cannotValidate(); why != "" {
			return ledger.Errorf(ledger.Invalid, "%s", why)
		}
		w.show(3)
		return nil
	case 2:
		return w.keepDetail()
	case 3:
		w.apply()
		return errStay
	}
	w.f.close()
	return nil
}

// cancel closes the assistant; once choices were made it asks first,
// saying nothing was written.
func (w *stmtWizard) cancel() {
	if w.busy {
		return
	}
	if w.done || w.plan == nil || len(w.choices) == 0 && !w.check.touched {
		w.f.close()
		return
	}
	w.s.confirm("Abandonner l'import du relevé ?",
		fmt.Sprintf("Rien n'a été écrit dans la résidence : le relevé « %s » pourra être importé de nouveau. Les choix faits ligne par ligne seront perdus.", w.plan.File),
		"Abandonner", "Continuer l'import", w.f.close)
}

// toPending closes the assistant on the « Relevés » screen.
func (w *stmtWizard) toPending() {
	w.f.close()
	w.s.showScreen(stmtScreenID)
}

// lineText names a line of the statement in a sentence.
func lineText(date string, amount ledger.Amount, label string) string {
	return fmt.Sprintf("Ligne du %s, %s : « %s »", date, amount, strings.TrimSpace(label))
}
