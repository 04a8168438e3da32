package ui

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// registerTab is the register of the residence's documents (issue 19):
// every document the program wrote and the outside ones added, with the
// state of its file, filtered by binder and owner, searched by words.
type registerTab struct {
	s                                 *Shell
	root                              fyne.CanvasObject
	table                             *widgets.Table[app.RegisterLine]
	search                            *widgets.Field
	binder                            *widget.Select
	owner                             *widget.Select
	chosen                            *widget.Label
	summary                           *widget.Label
	open, folder, edit, withdraw, add *widget.Button

	loaded  bool
	binders []ledger.Binder
	owners  []app.OwnerSummary
	sel     int64 // the document chosen, 0: none
}

const (
	allBinders = "Tous les classeurs"
	allOwners  = "Tous les copropriétaires"
)

func newRegisterTab(s *Shell) *registerTab { return &registerTab{s: s} }

// fileState is a document's file state in a word or three.
func fileState(l app.RegisterLine) string {
	switch {
	case l.State == "":
		return "fichier présent"
	case strings.HasPrefix(l.State, "fichier introuvable"):
		return "introuvable"
	case strings.HasPrefix(l.State, "fichier modifié"):
		return "modifié"
	}
	return "illisible"
}

func (g *registerTab) view() fyne.CanvasObject {
	if g.root != nil {
		return g.root
	}
	s := g.s
	g.table = &widgets.Table[app.RegisterLine]{
		Cols: []widgets.Column[app.RegisterLine]{
			{Title: "Date", Width: 110, Text: func(l app.RegisterLine) string { return ledger.FrenchDate(l.Date) },
				Less: func(a, b app.RegisterLine) bool { return a.Date.Before(b.Date) }},
			{Title: "Classeur", Width: 170, Text: func(l app.RegisterLine) string { return l.BinderLabel },
				Less: func(a, b app.RegisterLine) bool { return fr.Fold(a.BinderLabel) < fr.Fold(b.BinderLabel) }},
			{Title: "Titre", Width: 260, Stretch: true, Text: func(l app.RegisterLine) string { return l.Title },
				Less: func(a, b app.RegisterLine) bool { return fr.Fold(a.Title) < fr.Fold(b.Title) }},
			{Title: "Copropriétaire(s)", Width: 170, Text: func(l app.RegisterLine) string { return strings.Join(l.OwnerNames, ", ") },
				Less: func(a, b app.RegisterLine) bool {
					return fr.Fold(strings.Join(a.OwnerNames, ",")) < fr.Fold(strings.Join(b.OwnerNames, ","))
				}},
			{Title: "État", Width: 120, Text: fileState,
				Ink: func(l app.RegisterLine) widget.Importance {
					if l.State != "" {
						return widget.DangerImportance
					}
					return widget.MediumImportance
				},
				Less: func(a, b app.RegisterLine) bool { return fileState(a) < fileState(b) }},
		},
		Match: func(l app.RegisterLine, folded string) bool {
			return strings.Contains(fr.Fold(l.Title+" "+l.BinderLabel+" "+strings.Join(l.OwnerNames, " ")+" "+strings.Join(l.Owners, " ")+" "+ledger.FrenchDate(l.Date)), folded)
		},
		Keep: g.keep,
		Tint: func(l app.RegisterLine) color.Color {
			if l.ID == g.sel {
				return infoTint
			}
			return nil
		},
		Empty:   "Aucun document au registre — les avis d'appel, relances, décomptes, annexes et bordereaux s'y inscrivent quand Tantième les écrit ; « Ajouter un document… » y met le règlement de copropriété, un contrat, un procès-verbal, une facture scannée…",
		NoMatch: "Aucun document ne correspond à « %s ».",
		OnOpen:  g.choose,
		SortCol: 0, Desc: true,
	}
	tableView := g.table.Build()
	g.search = widgets.SearchBox("Titre, copropriétaire, date…", g.table.Search, nil)
	g.binder = widget.NewSelect(nil, func(string) { g.table.Apply() })
	g.owner = widget.NewSelect(nil, func(string) { g.table.Apply() })
	g.chosen = widget.NewLabel("Touchez un document pour le choisir.")
	g.chosen.Truncation = fyne.TextTruncateEllipsis
	g.summary = widget.NewLabel("")
	g.open = widget.NewButtonWithIcon("Ouvrir", theme.DocumentIcon(), g.openChosen)
	g.folder = widget.NewButtonWithIcon("Son dossier", theme.FolderOpenIcon(), g.openFolder)
	g.edit = widget.NewButtonWithIcon("Modifier…", theme.DocumentCreateIcon(), g.editChosen)
	g.withdraw = widget.NewButtonWithIcon("Retirer…", theme.DeleteIcon(), g.withdrawChosen)
	g.add = widget.NewButtonWithIcon("Ajouter un document…", theme.ContentAddIcon(), func() { s.addDocumentForm(0, nil) })
	g.add.Importance = widget.HighImportance
	// Three lines, so that a 1024-px window holds them: the count and
	// « Ajouter », the search and the two filters, the document chosen and
	// what can be done to it. The filters need no label: their choices
	// say what they filter (« Tous les classeurs », a binder's name), and
	// half the line leaves room for those words at 1024 px. A select is as
	// wide as its placeholder at least: short ones, the line fits.
	g.binder.PlaceHolder, g.owner.PlaceHolder = "Classeur", "Copropriétaire"
	head := container.NewBorder(nil, nil, nil, g.add, g.summary)
	filters := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("Rechercher :"), nil, g.search),
		container.NewGridWithColumns(2, g.binder, g.owner))
	actions := container.NewBorder(nil, nil, nil,
		container.NewHBox(g.open, g.folder, g.edit, g.withdraw), g.chosen)
	top := container.NewVBox(head, filters, actions)
	g.root = container.NewBorder(top, nil, nil, nil, widgets.Reserve(tableView, 10))
	g.enable()
	return g.root
}

// keep applies the binder and owner filters.
func (g *registerTab) keep(l app.RegisterLine) bool {
	if i := g.binder.SelectedIndex(); i > 0 && i-1 < len(g.binders) && l.Binder != g.binders[i-1].Code {
		return false
	}
	if i := g.owner.SelectedIndex(); i > 0 && i-1 < len(g.owners) {
		for _, o := range l.Owners {
			if o == g.owners[i-1].Account {
				return true
			}
		}
		return false
	}
	return true
}

func (g *registerTab) reload() {
	g.view()
	s := g.s
	lines, err := s.res.DocumentRegister(ledger.DocumentFilter{})
	if err != nil {
		s.showError(err)
		return
	}
	if g.binders, err = s.res.Binders(); err != nil {
		s.showError(err)
		return
	}
	if g.owners, err = s.res.OwnerSummaries(s.situation()); err != nil {
		s.showError(err)
		return
	}
	bOpts := []string{allBinders}
	for _, b := range g.binders {
		bOpts = append(bOpts, b.Label)
	}
	oOpts := []string{allOwners}
	for _, o := range g.owners {
		oOpts = append(oOpts, o.Account+" — "+o.Name)
	}
	keepChoice(g.binder, bOpts)
	keepChoice(g.owner, oOpts)
	g.table.SetRows(lines)
	missing := 0
	found := false
	for _, l := range lines {
		if l.State != "" {
			missing++
		}
		found = found || l.ID == g.sel
	}
	if !found {
		g.sel = 0
	}
	text := fmt.Sprintf("%s au registre", fr.Count(len(lines), "document", "documents"))
	if missing > 0 {
		text += fmt.Sprintf(" · %s introuvable%s ou modifié%s depuis", fr.Count(missing, "fichier", "fichiers"), fr.S(missing), fr.S(missing))
	}
	g.summary.SetText(text)
	g.loaded = true
	g.enable()
}

// keepChoice sets a select's options, keeping what was chosen if it is
// still there, else the first (« tous »).
func keepChoice(sel *widget.Select, opts []string) {
	was := sel.Selected
	sel.Options = opts
	for _, o := range opts {
		if o == was {
			sel.Selected = was
			sel.Refresh()
			return
		}
	}
	sel.Selected = opts[0]
	sel.Refresh()
}

// chosenLine is the document chosen, if it is still listed.
func (g *registerTab) chosenLine() (app.RegisterLine, bool) {
	for _, l := range g.table.All() {
		if l.ID == g.sel && g.sel != 0 {
			return l, true
		}
	}
	return app.RegisterLine{}, false
}

func (g *registerTab) choose(l app.RegisterLine) {
	g.sel = l.ID
	g.table.Apply()
	g.enable()
}

// enable follows the choice and the residence's lock.
func (g *registerTab) enable() {
	l, ok := g.chosenLine()
	if ok {
		g.chosen.SetText("Choisi : " + l.Title)
	} else {
		g.chosen.SetText("Touchez un document pour le choisir.")
	}
	write := g.s.res != nil && !g.s.res.ReadOnly()
	widgets.SetEnabled(g.open, ok)
	widgets.SetEnabled(g.folder, ok)
	widgets.SetEnabled(g.edit, ok && write)
	widgets.SetEnabled(g.withdraw, ok && write)
	widgets.SetEnabled(g.add, write)
}

func (g *registerTab) openChosen() {
	l, ok := g.chosenLine()
	if !ok {
		return
	}
	if l.State != "" {
		g.s.showError(ledger.Errorf(ledger.NotFound, "%s", fr.UpperFirst(l.State)))
		if _, err := os.Stat(l.Path); err != nil {
			return
		}
	}
	g.s.openPath(l.Path)
}

// openFolder opens the chosen document's folder (the documents folder
// itself has its button above the tabs).
func (g *registerTab) openFolder() {
	dir := g.s.docsFolder()
	if l, ok := g.chosenLine(); ok {
		dir = filepath.Dir(l.Path)
	}
	os.MkdirAll(dir, 0o755)
	g.s.openPath(dir)
}

func (g *registerTab) editChosen() {
	if l, ok := g.chosenLine(); ok {
		g.s.addDocumentForm(l.ID, &l.Document)
	}
}

func (g *registerTab) withdrawChosen() {
	l, ok := g.chosenLine()
	if !ok {
		return
	}
	s := g.s
	s.confirm("Retirer un document", fmt.Sprintf("Retirer « %s » (%s, %s) du registre ? Il ne sera plus publié ni envoyé ; la ligne reste dans l'historique et le fichier reste dans son dossier.",
		l.Title, l.BinderLabel, ledger.FrenchDate(l.Date)), "Retirer", "Revenir", func() {
		if err := s.res.WithdrawDocument(l.ID); err != nil {
			s.showError(err)
			return
		}
		s.say(fmt.Sprintf("Document « %s » retiré du registre", l.Title))
		g.sel = 0
		g.reload()
	})
}

// documentKindOptions are the kinds' labels in order, with their codes.
func documentKindOptions() ([]string, []string) {
	codes := ledger.DocumentKindCodes()
	labels := make([]string, len(codes))
	for i, c := range codes {
		labels[i] = ledger.DocumentKinds[c].Label
	}
	return codes, labels
}

// addDocumentForm adds an outside document (id 0; d, when given, fills
// the form: an owner card names its owner) or edits document id, d:
// file (adding only), binder, kind, title, date and the owners it
// concerns.
func (s *Shell) addDocumentForm(id int64, d *ledger.Document) {
	if s.res == nil || s.res.ReadOnly() {
		return
	}
	binders, err := s.res.Binders()
	if err != nil {
		s.showError(err)
		return
	}
	owners, err := s.res.OwnerSummaries(s.situation())
	if err != nil {
		s.showError(err)
		return
	}
	var bLabels []string
	for _, b := range binders {
		bLabels = append(bLabels, b.Label)
	}
	codes, kLabels := documentKindOptions()
	binder := widget.NewSelect(bLabels, nil)
	kind := widget.NewSelect(kLabels, nil)
	title := widgets.NewField("", "Règlement de copropriété, contrat d'entretien, PV de l'AG…")
	date := widgets.NewField(ledger.FrenchDate(s.now()), "JJ/MM/AAAA")
	file := widgets.NewField("", "Fichier PDF, image, document de bureautique")
	var oLabels []string
	for _, o := range owners {
		oLabels = append(oLabels, o.Account+" — "+o.Name)
	}
	concerned := widget.NewCheckGroup(oLabels, nil)
	// The binder follows the kind chosen until the syndic picks one.
	binderTouched := false
	kind.OnChanged = func(string) {
		if i := kind.SelectedIndex(); i >= 0 && !binderTouched {
			for j, b := range binders {
				if b.Code == ledger.DocumentKinds[codes[i]].Binder {
					binder.SetSelectedIndex(j)
				}
			}
		}
	}
	binder.OnChanged = func(string) { binderTouched = true }
	kind.SetSelectedIndex(indexOf(codes, "other"))
	binderTouched = false
	heading, okText := "Ajouter un document au registre", "Ajouter"
	editing := id != 0 && d != nil
	if editing {
		heading, okText = "Modifier un document du registre", "Enregistrer"
	}
	if d != nil {
		if d.Kind != "" {
			kind.SetSelectedIndex(indexOf(codes, d.Kind))
		}
		for j, b := range binders {
			if b.Code == d.Binder {
				binder.SetSelectedIndex(j)
			}
		}
		title.SetText(d.Title)
		if !d.Date.IsZero() {
			date.SetText(ledger.FrenchDate(d.Date))
		}
		var sel []string
		for _, o := range d.Owners {
			for j, w := range owners {
				if w.Account == o {
					sel = append(sel, oLabels[j])
				}
			}
		}
		concerned.SetSelected(sel)
	}
	f := s.newForm(heading, okText, title, date, file)
	f.width = 760
	f.submit = func() error {
		p := app.Produced{Title: strings.TrimSpace(title.Text)}
		if i := kind.SelectedIndex(); i >= 0 {
			p.Kind = codes[i]
		}
		if i := binder.SelectedIndex(); i >= 0 {
			p.Binder = binders[i].Code
		}
		day, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			s.win.Canvas().Focus(date)
			return ledger.Wrap(ledger.Invalid, err, "Date du document : %s", ledger.Message(err))
		}
		p.Date = day
		for j, l := range oLabels {
			for _, c := range concerned.Selected {
				if c == l {
					p.Owners = append(p.Owners, owners[j].Account)
				}
			}
		}
		sort.Strings(p.Owners)
		if p.Title == "" {
			s.win.Canvas().Focus(title)
			return ledger.Errorf(ledger.Invalid, "Donnez un titre au document")
		}
		if editing {
			e := *d
			e.Title, e.Kind, e.Binder, e.Date, e.Owners = p.Title, p.Kind, p.Binder, p.Date, p.Owners
			if err := s.res.EditDocument(e); err != nil {
				return err
			}
			s.say(fmt.Sprintf("Document « %s » modifié", p.Title))
		} else {
			src := strings.TrimSpace(file.Text)
			if src == "" {
				s.win.Canvas().Focus(file)
				return ledger.Errorf(ledger.Invalid, "Choisissez le fichier à ajouter")
			}
			if d != nil {
				p.Entry = d.Entry // a scanned invoice attached from its entry
			}
			newID, err := s.res.AddDocument(src, p)
			if err != nil {
				return err
			}
			id = newID
			s.say(fmt.Sprintf("Document « %s » ajouté au registre (n° %d)", p.Title, newID))
		}
		s.documentsChanged(id)
		return nil
	}
	items := []*widget.FormItem{}
	if !editing {
		choose := widget.NewButtonWithIcon("Choisir…", theme.FolderOpenIcon(), func() { s.chooseDocumentFile(file, title) })
		items = append(items, widget.NewFormItem("Fichier", container.NewBorder(nil, nil, nil, choose, file)))
	}
	items = append(items,
		widget.NewFormItem("Titre", title),
		widget.NewFormItem("Genre", kind),
		widget.NewFormItem("Classeur", binder),
		widget.NewFormItem("Date", container.NewHBox(container.New(&widgets.FixedWidth{Width: 140}, date))),
		widget.NewFormItem("Concerne", widgets.Reserve(container.NewVScroll(concerned), 5)))
	about := widgets.Note("Laissez « Concerne » vide pour un document de tous ceux que le classeur permet (Paramètres › Classeurs) ; un document qui nomme des copropriétaires n'est jamais montré aux autres.")
	var focus fyne.Focusable = title
	if !editing {
		focus = file
		about = widgets.Note(fmt.Sprintf("Le fichier est copié dans « %s » du dossier des documents, au nom inchangé ; l'original reste où il est. PDF, images JPEG ou PNG, documents de bureautique ou texte, %d Mo au plus.",
			filepath.Join(app.FolderBinders, "<classeur>"), app.MaxDocumentSize>>20))
	}
	f.show(container.NewVBox(widget.NewForm(items...), about), focus)
}

// chooseDocumentFile picks the outside document's file; an empty title
// takes its name.
func (s *Shell) chooseDocumentFile(file, title *widgets.Field) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		file.SetText(path)
		if strings.TrimSpace(title.Text) == "" {
			title.SetText(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
		}
	}, s.win)
	if l, err := storage.ListerForURI(storage.NewFileURI(userDocuments())); err == nil {
		d.SetLocation(l)
	}
	s.showFileDialog(d)
}

func indexOf(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// documentsChanged refreshes what shows the register after a change and
// chooses document id in it.
func (s *Shell) documentsChanged(id int64) {
	if d := s.documentsScreen(); d != nil && d.reg != nil {
		d.reg.sel = id
	}
	s.changed()
}

// showRegister shows the Documents screen on its register (Documents ›
// Registre des documents).
func (s *Shell) showRegister() {
	if !s.showScreen("documents") {
		return
	}
	if d := s.documentsScreen(); d != nil {
		d.showRegister()
		d.reload()
	}
}

// documentsScreen is the Documents screen if it was built.
func (s *Shell) documentsScreen() *documentsScreen {
	for i, sp := range screens {
		if sp.id == "documents" && i < len(s.built) {
			d, _ := s.built[i].(*documentsScreen)
			return d
		}
	}
	return nil
}
