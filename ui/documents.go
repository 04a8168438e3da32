package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/app/export"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// The Documents screen holds the residence's document register (tab
// « Registre », ui/documents_register.go) and prints what the syndic hands
// out or files (tab « Imprimer »): the books of the exercise shown (or of
// a period inside it), the annexes and décomptes of the general meeting,
// what the meeting itself needs (feuille de présence, étiquettes, liste du
// conseil syndical) and the FEC export. Each button writes a file into the
// residence's documents folder, behind a progress bar, registers it, says
// what it wrote and offers to open it.

type documentsScreen struct {
	s    *Shell
	root fyne.CanvasObject
	tabs *container.AppTabs
	reg  *registerTab
	exID int64 // the exercise the period fields were filled for

	intro     *widget.Label
	dir       *widget.Label
	from, to  *widgets.Field
	which     *widget.Select
	checks    *fyne.Container
	meeting   *widgets.Field
	title     *widgets.Field
	order     *widget.Select
	columns   *widget.Select
	elsewhere *widget.Check
}

func newDocuments(s *Shell) screen { return &documentsScreen{s: s} }

var annexTitles = []string{
	"Les cinq annexes (un PDF chacune et un PDF des cinq)",
	"Annexe 1 — État financier après répartition",
	"Annexe 2 — Compte de gestion général",
	"Annexe 3 — Compte de gestion des opérations courantes",
	"Annexe 4 — Travaux et opérations exceptionnelles",
	"Annexe 5 — Travaux et opérations exceptionnelles non clôturés",
}

var orderTitles = []string{"Par nom", "Par numéro de compte"}

func (d *documentsScreen) view() fyne.CanvasObject {
	if d.root != nil {
		return d.root
	}
	s := d.s
	d.intro = widgets.Note("")
	d.dir = widget.NewLabel("")
	d.dir.Truncation = fyne.TextTruncateEllipsis
	change := widget.NewButtonWithIcon("Changer…", theme.FolderOpenIcon(), d.changeFolder)
	openDir := widget.NewButtonWithIcon("Ouvrir le dossier", theme.FolderIcon(), func() { s.openPath(d.folder()) })
	dirLine := container.NewBorder(nil, nil, widget.NewLabel("Dossier des documents :"), container.NewHBox(change, openDir), d.dir)
	d.from = widgets.NewField("", "JJ/MM/AAAA")
	d.to = widgets.NewField("", "JJ/MM/AAAA")
	d.which = widget.NewSelect(annexTitles, nil)
	d.which.SetSelectedIndex(0)
	d.checks = container.NewVBox()
	d.meeting = widgets.NewField(ledger.FrenchDate(s.now()), "JJ/MM/AAAA")
	d.title = widgets.NewField(app.DefaultAttendanceTitle, app.DefaultAttendanceTitle)
	d.order = widget.NewSelect(orderTitles, nil)
	d.order.SetSelectedIndex(0)
	d.columns = widget.NewSelect([]string{"2 colonnes", "3 colonnes"}, nil)
	d.columns.SetSelectedIndex(1)
	d.elsewhere = widget.NewCheck("Seulement les copropriétaires qui n'habitent pas la résidence", nil)

	btn := func(label string, icon fyne.Resource, do func()) *widget.Button {
		return widget.NewButtonWithIcon(label, icon, do)
	}
	section := func(title string) fyne.CanvasObject {
		return container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	print := theme.DocumentPrintIcon()
	books := container.NewVBox(
		section("Livres comptables"),
		widgets.Line(widget.NewLabel("Période du"), container.New(&widgets.FixedWidth{Width: 130}, d.from), widget.NewLabel("au"), container.New(&widgets.FixedWidth{Width: 130}, d.to),
			widget.NewLabel("(l'exercice entier par défaut)")),
		// Two buttons a row: three would ask a 1024-px window for more
		// than it has.
		container.NewGridWithColumns(2,
			btn("Journal général", print, d.journal),
			btn("Grand livre", print, d.generalLedger),
			btn("Balance", print, d.trialBalance),
			btn("Balance par clé", print, d.keyBalance),
			btn("Relevés des copropriétaires", print, d.ownerAccounts),
			btn("Export FEC (fichier des écritures)", theme.DocumentSaveIcon(), d.fec),
			btn("Charges récupérables des bailleurs", print, d.recoverable)),
	)
	meetingDocs := container.NewVBox(
		section("Assemblée générale : annexes et décomptes"),
		container.NewBorder(nil, nil, widget.NewLabel("Annexes"), btn("Écrire les annexes", print, d.annexes), d.which),
		container.NewHBox(s.lawLink("(arrêté du 14 mars 2005 : les cinq annexes)", "arrete2005"), s.lawLink("(loi 1965 art. 18-1)", "loi1965-18-1")),
		container.NewHBox(btn("Écrire les décomptes des copropriétaires", print, d.decomptes)),
		d.checks,
	)
	meeting := container.NewVBox(
		section("Assemblée générale : convocation et séance"),
		widget.NewForm(
			widget.NewFormItem("Date de l'assemblée", widgets.Line(container.New(&widgets.FixedWidth{Width: 130}, d.meeting),
				widget.NewLabel("(les copropriétaires de ce jour-là)"))),
			widget.NewFormItem("Titre de la feuille", d.title),
			widget.NewFormItem("Ordre", container.NewHBox(container.New(&widgets.FixedWidth{Width: 220}, d.order))),
		),
		container.NewGridWithColumns(2,
			btn("Feuille de présence", print, d.attendance),
			btn("Liste du conseil syndical", print, d.council),
			btn("Étiquettes d'adresses", print, d.labels)),
		widgets.Line(widget.NewLabel("Étiquettes :"), container.New(&widgets.FixedWidth{Width: 150}, d.columns), d.elsewhere),
		container.NewHBox(s.lawLink("(décret 1967 art. 14 : feuille de présence)", "decret1967-14"), s.lawLink("(décret 1967 art. 9 bis)", "decret1967-9bis")),
	)
	page := container.NewVBox(d.intro, books, meetingDocs, meeting)
	d.reg = newRegisterTab(s)
	d.tabs = container.NewAppTabs(
		container.NewTabItem("Registre", d.reg.view()),
		container.NewTabItem("Imprimer", container.NewVScroll(page)))
	d.tabs.OnSelected = func(*container.TabItem) { d.reload() }
	d.root = container.NewBorder(container.NewVBox(widgets.Heading("Documents"), dirLine), nil, nil, nil, d.tabs)
	return d.root
}

// showRegister shows the register's tab (the menu « Registre des
// documents »).
func (d *documentsScreen) showRegister() {
	d.view()
	d.tabs.SelectIndex(0)
}

func (d *documentsScreen) reload() {
	d.dir.SetText(d.folder())
	if d.reg != nil && d.tabs.SelectedIndex() == 0 {
		d.reg.reload()
	}
	ex := d.s.exercise
	if d.exID != ex.ID {
		d.exID = ex.ID
		d.from.SetText(ledger.FrenchDate(ex.Start))
		d.to.SetText(ledger.FrenchDate(ex.End))
		d.checks.Objects = nil
		d.checks.Refresh()
	}
	state := "clos"
	if !ex.Closed {
		state = "en cours : les annexes et les décomptes sont un projet, la clôture n'étant pas faite"
	}
	d.intro.SetText(fmt.Sprintf("Documents de l'exercice %s (%s), choisi en haut de la fenêtre. Chaque bouton écrit un fichier dans le dossier des documents, l'inscrit au registre, puis propose de l'ouvrir.", ex.Name(), state))
}

// folder is where the documents go: the residence's documents folder,
// recorded in the residence (issue 19), the same for the CLI.
func (d *documentsScreen) folder() string { return d.s.docsFolder() }

// changeFolder records another documents folder for the residence.
func (d *documentsScreen) changeFolder() {
	s := d.s
	if s.res.ReadOnly() {
		s.showError(ledger.Errorf(ledger.Invalid, "La résidence est ouverte en lecture seule : son dossier des documents ne peut pas être changé"))
		return
	}
	dlg := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if l == nil {
			return
		}
		if err := s.res.SetDocumentsFolder(l.Path()); err != nil {
			s.showError(err)
			return
		}
		s.say("Dossier des documents de la résidence : " + d.folder())
		d.reload()
	}, s.win)
	start := d.folder()
	for start != "" && start != filepath.Dir(start) {
		if st, err := os.Stat(start); err == nil && st.IsDir() {
			break
		}
		start = filepath.Dir(start)
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(start)); err == nil {
		dlg.SetLocation(l)
	}
	s.showFileDialog(dlg)
}

// target is the folder the buttons write into.
func (d *documentsScreen) target() (string, bool) { return d.folder(), true }

// options reads the period of the books.
func (d *documentsScreen) options() (app.BookOptions, bool) {
	opt := app.BookOptions{Exercise: d.s.exercise, Printed: d.s.now()}
	var err error
	if opt.From, err = ledger.ParseDate(strings.TrimSpace(d.from.Text)); err != nil {
		d.s.showError(ledger.Wrap(ledger.Invalid, err, "Début de la période : %s", ledger.Message(err)))
		return opt, false
	}
	if opt.To, err = ledger.ParseDate(strings.TrimSpace(d.to.Text)); err != nil {
		d.s.showError(ledger.Wrap(ledger.Invalid, err, "Fin de la période : %s", ledger.Message(err)))
		return opt, false
	}
	return opt, true
}

// bookName is a book's file name: JOURNAL_2025.pdf, or with the period
// when it is not the whole exercise.
func bookName(kind string, opt app.BookOptions) string {
	ex := opt.Exercise
	if opt.From.Equal(ex.Start) && opt.To.Equal(ex.End) {
		return fmt.Sprintf("%s_%d.pdf", kind, ex.Year())
	}
	return fmt.Sprintf("%s_%d_%s_%s.pdf", kind, ex.Year(), opt.From.Format("0102"), opt.To.Format("0102"))
}

// write makes a document off the window's goroutine, writes it into the
// folder, registers it when meta is given (address labels are not a
// document of the register), says so and offers to open it.
func (d *documentsScreen) write(what, name string, meta *app.Produced, make func() ([]byte, error)) {
	dir, ok := d.target()
	if !ok {
		return
	}
	s := d.s
	path := filepath.Join(dir, name)
	s.runLong("Écriture : "+what+"…", func() error {
		data, err := make()
		if err != nil {
			return err
		}
		if meta == nil {
			return writeDocument(path, data)
		}
		meta.Path = path
		return s.res.WriteDocument(data, *meta)
	}, func() {
		d.changed()
		// "Document enregistré", not "<what> écrit": what is "la feuille de
		// présence…", "les étiquettes…", whose participle would not agree.
		s.say(fmt.Sprintf("Document enregistré : %s, dans %s", what, path))
		s.showWritten(fr.UpperFirst(what), fmt.Sprintf("Tantième a enregistré %s dans le fichier %s.", what, path), path, dir, nil)
	})
}

// writeDocument writes a file, creating its folder.
func writeDocument(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé : choisissez-en un autre", filepath.Dir(path))
	}
	return ledger.WriteOutputBytes(path, data)
}

// changed refreshes the register after a document was written.
func (d *documentsScreen) changed() {
	if d.reg != nil {
		d.reg.loaded = false
	}
}

func (d *documentsScreen) book(what, title, kind string, make func(app.BookOptions) ([]byte, error)) {
	opt, ok := d.options()
	if !ok {
		return
	}
	meta := app.BookProduced("", title, opt)
	d.write(what, bookName(kind, opt), &meta, func() ([]byte, error) { return make(opt) })
}

func (d *documentsScreen) journal() {
	d.book("le journal général", "Journal général", "JOURNAL", d.s.res.JournalPDF)
}

func (d *documentsScreen) generalLedger() {
	d.book("le grand livre", "Grand livre", "GRAND_LIVRE", d.s.res.GeneralLedgerPDF)
}

func (d *documentsScreen) trialBalance() {
	d.book("la balance", "Balance générale", "BALANCE", d.s.res.TrialBalancePDF)
}

func (d *documentsScreen) keyBalance() {
	d.book("la balance par clé", "Balance par clé", "BALANCE_PAR_CLE", d.s.res.KeyBalancePDF)
}

// ownerAccounts writes every owner's statement in one book: registered as
// a book with no owner, since it shows all their accounts.
func (d *documentsScreen) ownerAccounts() {
	d.book("les relevés des copropriétaires", "Relevés des copropriétaires", "RELEVES", d.s.res.OwnerAccountsPDF)
}

// fec exports the exercise's entries in the FEC format.
func (d *documentsScreen) fec() {
	dir, ok := d.target()
	if !ok {
		return
	}
	s, ex, res := d.s, d.s.exercise, d.s.res
	name, err := export.FECName(res, ex)
	if err != nil {
		s.showError(err)
		return
	}
	path := filepath.Join(dir, name)
	s.runLong("Export FEC…", func() error {
		var b bytes.Buffer
		if err := export.FEC(res, &b, ex); err != nil {
			return err
		}
		return writeDocument(path, b.Bytes())
	}, func() {
		s.say(fmt.Sprintf("Fichier des écritures comptables de %s écrit : %s", ex.Name(), path))
		s.showWritten("Export FEC", fmt.Sprintf("Le fichier des écritures comptables (FEC) de l'exercice %s est écrit dans %s. C'est un fichier texte à remettre à l'administration ou à un expert-comptable qui le demande.",
			ex.Name(), path), path, dir, nil)
	})
}

// annexes writes the annexes chosen and shows their cross-checks on the
// screen, failures in red.
func (d *documentsScreen) annexes() {
	dir, ok := d.target()
	if !ok {
		return
	}
	s, ex, res := d.s, d.s.exercise, d.s.res
	n := d.which.SelectedIndex() // 0: all five
	printed := s.now()
	var path string
	var data *closing.AnnexesData
	s.runLong("Écriture des annexes…", func() error {
		if n <= 0 {
			files, err := closing.WriteAnnexes(res, dir, ex, printed)
			path, data = files.Combined, files.Data
			return err
		}
		var err error
		path, data, err = closing.WriteAnnex(res, dir, ex, n, printed)
		return err
	}, func() {
		d.changed()
		what := fmt.Sprintf("Annexe %d de l'exercice %s écrite", n, ex.Name())
		if n <= 0 {
			what = fmt.Sprintf("Annexes 1 à 5 de l'exercice %s écrites", ex.Name())
		}
		if data != nil && data.Provisional {
			what += " (PROJET : l'exercice n'est pas clos)"
		}
		s.say(what + " : " + path)
		d.checks.Objects = append([]fyne.CanvasObject{widget.NewLabelWithStyle("Contrôles croisés des annexes de "+ex.Name(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})},
			annexChecks(data)...)
		d.checks.Refresh()
		s.showWritten("Annexes écrites", what+" dans le fichier "+path+".", path, dir, annexChecks(data))
	})
}

// recoverable writes the landlords' statements of recoverable charges
// over the period of the books (issue 20).
func (d *documentsScreen) recoverable() {
	opt, ok := d.options()
	if !ok {
		return
	}
	if dir, ok := d.target(); ok {
		d.changed()
		d.s.writeRecoverable(filepath.Join(dir, app.FolderRecoverable), opt.From, opt.To)
	}
}

// decomptes writes every owner's décompte of the exercise.
func (d *documentsScreen) decomptes() {
	if dir, ok := d.target(); ok {
		d.changed()
		d.s.writeDecomptes(d.s.exercise, dir)
	}
}

// meetingDay reads the general meeting's date.
func (d *documentsScreen) meetingDay() (time.Time, bool) {
	day, err := ledger.ParseDate(strings.TrimSpace(d.meeting.Text))
	if err != nil {
		d.s.showError(ledger.Wrap(ledger.Invalid, err, "Date de l'assemblée : %s", ledger.Message(err)))
		return day, false
	}
	return day, true
}

func (d *documentsScreen) ownerOrder() app.OwnerOrder {
	if d.order.SelectedIndex() == 1 {
		return app.ByAccount
	}
	return app.ByName
}

func (d *documentsScreen) attendance() {
	day, ok := d.meetingDay()
	if !ok {
		return
	}
	opt := app.AttendanceOptions{Date: day, Order: d.ownerOrder(), Title: strings.TrimSpace(d.title.Text), Printed: d.s.now()}
	res := d.s.res
	meta := res.AttendanceProduced("", day)
	d.write("la feuille de présence du "+ledger.FrenchDate(day), "FEUILLE_PRESENCE_"+day.Format("2006-01-02")+".pdf", &meta,
		func() ([]byte, error) { return res.AttendancePDF(opt) })
}

func (d *documentsScreen) council() {
	day, ok := d.meetingDay()
	if !ok {
		return
	}
	res, order, printed := d.s.res, d.ownerOrder(), d.s.now()
	meta := res.CouncilProduced("", day)
	d.write("la liste du conseil syndical", "CONSEIL_SYNDICAL_"+day.Format("2006-01-02")+".pdf", &meta, func() ([]byte, error) {
		pdf, _, err := res.CouncilPDF(day, order, printed)
		return pdf, err
	})
}

func (d *documentsScreen) labels() {
	day, ok := d.meetingDay()
	if !ok {
		return
	}
	opt := app.LabelOptions{Date: day, Columns: 2 + d.columns.SelectedIndex(), Order: d.ownerOrder(), Elsewhere: d.elsewhere.Checked}
	if opt.Columns < 2 {
		opt.Columns = 3
	}
	res := d.s.res
	d.write(fmt.Sprintf("les étiquettes d'adresses (%d colonnes)", opt.Columns), fmt.Sprintf("ETIQUETTES_%s_%dcol.pdf", day.Format("2006-01-02"), opt.Columns), nil,
		func() ([]byte, error) {
			pdf, _, err := res.LabelsPDF(opt)
			return pdf, err
		})
}
