// Package ui is the desktop program's window: a shell (menu, navigation
// column, banners, status line) around one screen per file. Screens read the
// books through app and ledger and write through Residence.Update; nothing
// here speaks SQL. The pieces several screens share and that are not
// screens (fields, the sortable table, the edit grid) live in ui/widgets.
package ui

import (
	"fmt"
	"log"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// screen is one page of the navigation column, made for an open residence.
type screen interface {
	view() fyne.CanvasObject // built once
	reload()                 // reads the books again: on show, after a write, on a change of exercise
}

// Screens may also offer these to the Édition menu and the keyboard.
type (
	creator  interface{ create() }      // Ctrl+N: create a record
	searcher interface{ focusSearch() } // Ctrl+F: put the cursor in the search
	goerBack interface{ back() bool }   // Escape: leave a detail for its list
)

// screenSpec is an entry of the navigation column.
type screenSpec struct {
	id    string // also the app.Topic whose next steps link to the screen
	title string
	icon  fyne.ThemeIconName
	make  func(s *Shell) screen
}

// screens is the navigation column, in order: a new screen is one line in
// init below and one file in this package. Still to come (issue 3): Lots,
// Clés et tantièmes, Fournisseurs, Plan comptable, Saisie (journaux),
// Paramètres.
// navWidth is the navigation column's width: its longest title (« Clés et
// tantièmes ») with its icon, and no more, so that a 1024-px screen's window
// (992 px, screenMargin kept free) leaves every screen the room it needs.
const navWidth = 196

var screens []screenSpec

// init fills screens (a plain initializer would be a cycle: screens refer to
// the shell, which lists screens). Icons are named, not looked up: the theme
// only exists once the program runs.
func init() {
	screens = []screenSpec{
		{"dashboard", "Tableau de bord", theme.IconNameHome, newDashboard},
		{string(app.TopicOwners), "Copropriétaires", theme.IconNameAccount, newOwners},
		{string(app.TopicLots), "Lots", theme.IconNameGrid, newLots},
		{string(app.TopicKeys), "Clés et tantièmes", theme.IconNameColorChromatic, newKeys},
		{"meters", "Compteurs", theme.IconNameHistory, newMeters},
		{"suppliers", "Fournisseurs", theme.IconNameFolder, newSuppliers},
		{"accounts", "Plan comptable", theme.IconNameFileText, newAccounts},
		{"entries", "Saisie (journaux)", theme.IconNameList, newEntries},
		{string(app.TopicBudget), "Budget", theme.IconNameDocument, newBudget},
		{"calls", "Appels de fonds", theme.IconNameMailSend, newCalls},
		{"works", "Travaux", theme.IconNameStorage, newWorks},
		{"bank", "Banque", theme.IconNameMailAttachment, newBank},
		{stmtScreenID, "Relevés", theme.IconNameUpload, newStmtScreen},
		{"matching", "Lettrage", theme.IconNameCheckButtonChecked, newMatching},
		{"documents", "Documents", theme.IconNameDocumentPrint, newDocuments},
		{assembliesScreenID, "Assemblées générales", theme.IconNameMailReply, newAssemblies},
		{chartsScreenID, "Graphiques", theme.IconNameGrid, newCharts},
		{string(app.TopicSettings), "Paramètres", theme.IconNameSettings, newSettings},
	}
}

// Options says what Run opens first.
type Options struct {
	File      string // a residence to open; "" opens the last one used, else the demo
	Demo      bool   // open a fresh copy of the demo residence
	WriteDemo func(file string) (*app.Residence, error)
	// Screen is the work area of the screen in Fyne's units, false when it
	// cannot be known; called once the driver runs (cmd/tantieme asks GLFW:
	// Fyne itself has no API for it).
	Screen func() (fyne.Size, bool)
}

// Run shows the main window and returns when the user quits.
func Run(a fyne.App, opt Options) {
	a.Settings().SetTheme(newTheme())
	w := a.NewWindow("Tantième")
	w.SetMaster()
	w.Resize(windowSize(a.Preferences(), fyne.Size{}, false))
	a.Lifecycle().SetOnStarted(func() {
		if opt.Screen != nil {
			// Before the window is made (the driver's first event), once the
			// screen can be asked: the window opens within it. Where it opens
			// is the window manager's choice.
			screen, ok := opt.Screen()
			w.Resize(windowSize(a.Preferences(), screen, ok))
		}
		traceEvent("driver-started")
	})
	s := newShell(a, w, opt.WriteDemo)
	s.applyAppearance() // the theme and text size chosen in Paramètres
	w.SetOnClosed(func() {
		rememberWindowSize(a.Preferences(), w)
		s.closeResidence()
	})
	s.start(opt)
	// ShowAndRun, in two: Show maps the window (and paints it) before the
	// driver's loop runs, so the trace says when it returned.
	w.Show()
	traceEvent("window-shown")
	a.Run()
	// The driver stopped: the window was closed, or the program got SIGINT
	// or SIGTERM (a logout, `timeout`), which Fyne turns into a quit without
	// closing the window. The residence is closed, and nothing more shown:
	// GLFW is gone, and the welcome page's SetContent panicked.
	s.stopped = true
	s.closeResidence()
}

// Shell is the main window and what is open in it.
type Shell struct {
	app       fyne.App
	win       fyne.Window
	writeDemo func(file string) (*app.Residence, error)
	now       func() time.Time

	res       *app.Residence
	demo      bool
	info      ledger.Residence
	exercises []ledger.Exercise
	working   ledger.Exercise // the earliest exercise not closed
	exercise  ledger.Exercise // the one shown

	built   []screen // by index in screens, made on first show
	current int

	frame      fyne.CanvasObject // window content while a residence is open
	nav        *widget.List
	navigating bool
	resName    *widget.Label
	exSelect   *widget.Select
	exChoice   []ledger.Exercise
	banners    *fyne.Container
	body       *fyne.Container
	bodyScroll *container.Scroll
	statusText *widget.Label
	fileText   *widget.Label
	menu       *shellMenu

	readOnlyWhy string // who writes the residence opened read-only ("" when not busy elsewhere)
	stopped     bool   // the driver stopped: the window may not be changed any more

	keys []*widgets.FormKeys // Enter/Escape targets of the open dialogs, topmost last
	jobs sync.WaitGroup      // long work in progress
}

func newShell(a fyne.App, w fyne.Window, writeDemo func(string) (*app.Residence, error)) *Shell {
	s := &Shell{app: a, win: w, writeDemo: writeDemo, now: time.Now}
	guardFileSaves() // after the app registered its file storage
	frenchDialogs()
	s.watchLaunches()
	s.resName = widget.NewLabel("")
	s.resName.SizeName = theme.SizeNameSubHeadingText
	s.resName.TextStyle.Bold = true
	s.resName.Truncation = fyne.TextTruncateEllipsis
	s.exSelect = widget.NewSelect(nil, func(string) {
		if i := s.exSelect.SelectedIndex(); i >= 0 && i < len(s.exChoice) && s.exChoice[i].ID != s.exercise.ID {
			s.setExercise(s.exChoice[i])
		}
	})
	top := widgets.Tinted(headerTint, container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewLabel("Exercice :"), container.New(&widgets.FixedWidth{Width: 250}, s.exSelect)), s.resName))
	s.banners = container.NewVBox()

	s.nav = widget.NewList(
		func() int { return len(screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Saisie (journaux)"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(theme.Icon(screens[i].icon))
			row.Objects[1].(*widget.Label).SetText(screens[i].title)
		})
	s.nav.OnSelected = func(i widget.ListItemID) {
		if !s.navigating {
			s.show(i)
		}
	}
	navColumn := container.NewStack(canvas.NewRectangle(headerTint), container.New(&widgets.FixedWidth{Width: navWidth}, s.nav))

	s.statusText = widget.NewLabel("")
	s.statusText.Importance = widget.SuccessImportance
	s.statusText.Truncation = fyne.TextTruncateEllipsis
	s.fileText = widget.NewLabel("")
	s.fileText.Truncation = fyne.TextTruncateEllipsis
	status := container.NewStack(canvas.NewRectangle(headerTint), container.NewGridWithColumns(2, s.statusText, s.fileText))

	s.body = container.NewStack()
	// The last safeguard of a small screen: a screen that needs more room
	// than the window has scrolls inside it, instead of making the window
	// grow past the screen's edge (Fyne makes a window as large as its
	// content needs), which put buttons out of reach (issue 16). A screen
	// that fits is given the whole of the room, as without the scroll.
	s.bodyScroll = container.NewScroll(s.body)
	s.frame = trace.traced("frame", container.NewBorder(container.NewVBox(top, s.banners), status, navColumn, nil, container.NewPadded(s.bodyScroll)))
	s.menu = newShellMenu(s)
	w.SetMainMenu(s.menu.main)
	w.Canvas().SetOnTypedKey(s.typedKey)
	s.showWelcome()
	return s
}

// start opens what opt asks for: a fresh demo, a file, the last file used,
// or the demo the very first time.
func (s *Shell) start(opt Options) {
	switch {
	case opt.Demo:
		s.openDemo()
	case opt.File != "":
		s.open(opt.File)
	default:
		if recent := s.recentFiles(); len(recent) > 0 {
			s.open(recent[0])
		} else {
			s.openDemo()
		}
	}
}

// open opens a residence file in place of the current one.
func (s *Shell) open(file string) { s.openThen(file, nil) }

// openThen opens a residence file for writing, then runs then (when it
// opened). A residence open elsewhere is offered read-only; a damaged one
// leads to its backups; after a crash, the user is told nothing is lost.
func (s *Shell) openThen(file string, then func()) {
	if s.res != nil && !s.res.ReadOnly() && samePath(s.res.Path(), file) {
		// Our own writer lock would make the file look busy.
		s.closeResidence()
	}
	var r *app.Residence
	var openErr error
	s.runLong("Ouverture de la résidence…", func() error {
		r, openErr = app.Open(file)
		if _, busy := ledger.Busy(openErr); busy || ledger.KindOf(openErr) == ledger.Damaged {
			return nil // answered by a dialog of its own below
		}
		return openErr
	}, func() {
		if _, busy := ledger.Busy(openErr); busy {
			s.offerReadOnly(file, openErr, then)
			return
		}
		if openErr != nil {
			s.offerRestore(file, openErr)
			return
		}
		s.opened(r, file, "", then)
	})
}

// opened shows a residence just opened, and says so when the program that
// had it open before stopped without closing it.
func (s *Shell) opened(r *app.Residence, file, readOnlyWhy string, then func()) {
	s.setResidence(r, false)
	if s.res != r {
		return // it did not load; the error is shown
	}
	s.readOnlyWhy = readOnlyWhy
	s.refreshChrome()
	s.addRecent(file)
	if h := r.Crashed(); h != nil {
		s.inform("Tantième n'avait pas été fermé correctement", theme.InfoIcon(), fmt.Sprintf(
			"Tantième n'avait pas été fermé correctement (%s). Le fichier a été vérifié : les opérations inachevées ont été annulées, rien d'enregistré n'est perdu.", h))
	}
	if notes := r.MigrationNotes(); len(notes) > 0 {
		// Bringing an older file up to date did something the user should
		// know (the entries chained once, for instance).
		s.inform("Résidence mise à jour", theme.InfoIcon(), strings.Join(notes, "\n\n"))
	}
	if then != nil {
		then()
	}
}

// offerReadOnly answers a residence open for writing by another program:
// it may be read meanwhile.
func (s *Shell) offerReadOnly(file string, busy error, then func()) {
	why := ""
	if b, ok := ledger.Busy(busy); ok {
		why = b.Holder.String()
	}
	s.ask("Résidence déjà ouverte", theme.WarningIcon(), sentence(s.message(busy)),
		"Ouvrir en lecture seule", "Annuler", func() {
			var r *app.Residence
			s.runLong("Ouverture en lecture seule…", func() (err error) {
				r, err = app.OpenReadOnly(file)
				return err
			}, func() { s.opened(r, file, why, then) })
		})
}

// offerRestore answers a damaged residence: nothing is written to it, and
// its latest backup may replace it.
func (s *Shell) offerRestore(file string, damaged error) {
	s.ask("Fichier endommagé", theme.NewErrorThemedResource(theme.ErrorIcon()), sentence(s.message(damaged)),
		"Restaurer une sauvegarde…", "Fermer", func() {
			archive := ""
			if found := app.LatestBackups(file); len(found) > 0 {
				archive = found[0].Path
			}
			s.restoreInto(archive, file)
		})
}

// openDemo writes a fresh copy of the demo residence and opens it: the user
// may try anything in it, nothing is kept.
func (s *Shell) openDemo() {
	if s.writeDemo == nil {
		s.inform("Démonstration indisponible", theme.InfoIcon(), "Cette version de Tantième n'a pas de résidence de démonstration.")
		return
	}
	file, err := demoFile()
	if err != nil {
		s.showError(err)
		return
	}
	if s.res != nil && s.res.Path() == file {
		s.closeResidence()
	}
	var r *app.Residence
	s.runLong("Préparation de la résidence de démonstration…", func() (err error) {
		if err = removeResidence(file); err == nil {
			r, err = s.writeDemo(file)
		}
		return err
	}, func() { s.setResidence(r, true) })
}

// setResidence shows r in the window, closing the residence open before.
func (s *Shell) setResidence(r *app.Residence, demo bool) {
	s.closeResidence()
	s.res, s.demo = r, demo
	if err := s.load(); err != nil {
		s.closeResidence()
		s.showError(err)
		return
	}
	s.exercise = s.working
	s.built = make([]screen, len(screens))
	s.fileText.SetText("Fichier : " + r.Path())
	s.statusText.SetText("")
	s.win.SetContent(s.frame)
	traceEvent("residence-opened")
	s.show(0)
	trace.tour(s)
}

// load reads the residence's name and exercises.
func (s *Shell) load() error {
	o, err := s.res.Outline()
	if err != nil {
		return err
	}
	s.info, s.exercises, s.working = o.Info, o.Exercises, o.Working
	return nil
}

// closeResidence closes the open residence and shows the welcome page.
func (s *Shell) closeResidence() {
	if s.res == nil {
		return
	}
	if !s.demo {
		// A residence written during the session leaves a copy behind it;
		// failing to write it must not keep the user from quitting.
		if p, err := s.res.QuitCopy(); err != nil {
			log.Printf("tantieme: copie de sécurité de %s à la fermeture : %v", s.res.Path(), err)
		} else if p != "" {
			log.Printf("tantieme: copie de sécurité à la fermeture : %s", p)
		}
	}
	if err := s.res.Close(); err != nil {
		log.Printf("tantieme: fermeture de %s : %v", s.res.Path(), err)
	}
	s.res, s.demo, s.built, s.readOnlyWhy = nil, false, nil, ""
	if !s.stopped {
		s.showWelcome()
	}
}

// show makes the i-th screen of the navigation current and reads it again.
func (s *Shell) show(i int) {
	if s.res == nil || i < 0 || i >= len(screens) {
		return
	}
	trace.asked(screens[i].id)
	defer trace.shown()
	if s.built[i] == nil {
		s.built[i] = screens[i].make(s)
	}
	s.current = i
	sc := s.built[i]
	s.body.Objects = []fyne.CanvasObject{sc.view()}
	s.body.Refresh()
	s.bodyScroll.ScrollToOffset(fyne.Position{})
	sc.reload()
	s.navigating = true
	s.nav.Select(i)
	s.navigating = false
	s.refreshChrome()
}

// showScreen shows the screen with that id; false when there is none.
func (s *Shell) showScreen(id string) bool {
	for i, sp := range screens {
		if sp.id == id {
			s.show(i)
			return true
		}
	}
	return false
}

func (s *Shell) currentScreen() screen {
	if s.res == nil || s.current >= len(s.built) {
		return nil
	}
	return s.built[s.current]
}

// setExercise shows another exercise.
func (s *Shell) setExercise(ex ledger.Exercise) {
	s.exercise = ex
	if sc := s.currentScreen(); sc != nil {
		sc.reload()
	}
	s.refreshChrome()
}

// changed reads the books again after a write.
func (s *Shell) changed() {
	if err := s.load(); err != nil {
		s.showError(err)
	}
	for _, ex := range s.exercises {
		if ex.ID == s.exercise.ID {
			s.exercise = ex
		}
	}
	if sc := s.currentScreen(); sc != nil {
		sc.reload()
	}
	s.refreshChrome()
}

// say tells the user what an action did, in the status line (and the log).
func (s *Shell) say(text string) {
	s.statusText.SetText("✓ " + text)
	log.Printf("tantieme: %s", text)
}

// readOnly says whether the exercise shown may not be changed.
func (s *Shell) readOnly() bool {
	return s.res == nil || s.res.ReadOnly() || s.exercise.Closed
}

// situation is the day at which the screens show balances.
func (s *Shell) situation() time.Time { return app.SituationDate(s.exercise, s.now()) }

func exerciseLabel(ex ledger.Exercise, working ledger.Exercise) string {
	switch {
	case ex.Closed:
		return ex.Name() + " (clos)"
	case ex.ID == working.ID:
		return ex.Name() + " (en cours)"
	}
	return ex.Name()
}

// exerciseChoice is what the exercise list offers: N-1 to N+2 around the
// working exercise N, and the one shown.
func exerciseChoice(all []ledger.Exercise, working, shown ledger.Exercise) []ledger.Exercise {
	n := 0
	for i, ex := range all {
		if ex.ID == working.ID {
			n = i
		}
	}
	var out []ledger.Exercise
	for i, ex := range all {
		if (i >= n-1 && i <= n+2) || ex.ID == shown.ID {
			out = append(out, ex)
		}
	}
	return out
}

// refreshChrome updates the title, the exercise list, the banners and the
// menus to what is open.
func (s *Shell) refreshChrome() {
	s.menu.refresh()
	if s.res == nil {
		s.win.SetTitle("Tantième")
		return
	}
	name := s.info.Name
	if s.demo {
		name += " (démonstration)"
	}
	s.win.SetTitle(fmt.Sprintf("%s – Exercice %s – %s – Tantième", name, exerciseLabel(s.exercise, s.working), screens[s.current].title))
	s.resName.SetText(name)

	s.exChoice = exerciseChoice(s.exercises, s.working, s.exercise)
	var labels []string
	for _, ex := range s.exChoice {
		labels = append(labels, exerciseLabel(ex, s.working))
	}
	s.exSelect.SetOptions(labels)
	for i, ex := range s.exChoice {
		if ex.ID == s.exercise.ID && s.exSelect.SelectedIndex() != i {
			s.exSelect.SetSelectedIndex(i)
		}
	}

	var bs []fyne.CanvasObject
	if s.demo {
		bs = append(bs, widgets.Banner(infoTint, theme.InfoIcon(),
			"Résidence de démonstration — créez ou ouvrez votre résidence. Essayez librement : elle est remise à neuf à chaque ouverture.",
			widget.NewButtonWithIcon("Nouvelle résidence…", theme.DocumentCreateIcon(), s.newResidence),
			widget.NewButtonWithIcon("Ouvrir…", theme.FolderOpenIcon(), s.chooseFile)))
	}
	if s.res.ReadOnly() {
		text := "Fichier ouvert en lecture seule : consultation seulement, aucune modification n'est possible."
		var actions []fyne.CanvasObject
		if s.readOnlyWhy != "" {
			text = fmt.Sprintf("Résidence ouverte en lecture seule : elle est ouverte pour écriture par %s. Consultation et sauvegarde seulement, aucune modification n'est possible ici.", s.readOnlyWhy)
			file := s.res.Path()
			actions = append(actions, widget.NewButtonWithIcon("Rouvrir pour modifier", theme.ViewRefreshIcon(), func() { s.open(file) }))
		}
		bs = append(bs, widgets.Banner(warningTint, theme.WarningIcon(), text, actions...))
	} else if s.exercise.Closed {
		working := s.working
		bs = append(bs, widgets.Banner(warningTint, theme.WarningIcon(),
			fmt.Sprintf("Exercice %s clos : consultation seulement, ses écritures ne peuvent plus être modifiées.", s.exercise.Name()),
			widget.NewButton("Revenir à l'exercice "+working.Name(), func() { s.setExercise(working) })))
	}
	s.banners.Objects = bs
	s.banners.Refresh()
}

// showWelcome is the page shown when no residence is open.
func (s *Shell) showWelcome() {
	actions := container.NewVBox(
		widget.NewButtonWithIcon("Nouvelle résidence…", theme.DocumentCreateIcon(), s.newResidence),
		widget.NewButtonWithIcon("Ouvrir une résidence…", theme.FolderOpenIcon(), s.chooseFile),
		widget.NewButtonWithIcon("Ouvrir la résidence de démonstration", theme.InfoIcon(), s.openDemo),
	)
	if recent := s.recentFiles(); len(recent) > 0 {
		actions.Add(widget.NewLabelWithStyle("Fichiers récents", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, f := range recent {
			actions.Add(widget.NewButtonWithIcon(f, theme.FileIcon(), func() { s.open(f) }))
		}
	}
	page := container.NewVBox(widgets.Heading("Tantième"), widgets.Note("La comptabilité des copropriétés gérées par un syndic bénévole. Aucune résidence n'est ouverte : que voulez-vous faire ?"), actions)
	s.win.SetContent(trace.traced("welcome", container.NewCenter(container.New(&widgets.FixedWidth{Width: 640}, page))))
	s.refreshChrome()
}
