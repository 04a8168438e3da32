package ui

import (
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
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// wizard is the Nouvelle résidence assistant: residence, syndic, first
// exercise, bank account, file. Each step is checked by the books' own rules
// before the next one; nothing is written before the last.
type wizard struct {
	s    *Shell
	f    *form
	step int

	name, address, zip, city                       *widgets.Field
	syndic, syndicAddress, syndicPhone, syndicMail *widgets.Field
	start, end                                     *widgets.Field
	account, label, iban, bic                      *widgets.Field

	dir     string
	file    *widget.Label
	summary *widget.Label
	steps   *widgets.Steps
	firsts  []fyne.Focusable // the field to type in first, per step
	prev    *widgets.Button
}

var wizardSteps = []string{"La résidence", "Le syndic bénévole", "Le premier exercice", "Le compte bancaire", "Le fichier"}

func (s *Shell) newResidence() {
	w := &wizard{s: s, dir: documentsDir()}
	year := s.now().Year()
	w.name = widgets.NewField("", "par exemple : Résidence Les Acacias")
	w.address, w.zip, w.city = widgets.NewField("", ""), widgets.NewField("", ""), widgets.NewField("", "")
	w.syndic, w.syndicAddress = widgets.NewField("", "votre prénom et votre nom"), widgets.NewField("", "")
	w.syndicPhone, w.syndicMail = widgets.NewField("", ""), widgets.NewField("", "")
	w.start = widgets.NewField(fmt.Sprintf("01/01/%d", year), "JJ/MM/AAAA")
	w.end = widgets.NewField("", "JJ/MM/AAAA — vide : douze mois")
	w.account = widgets.NewField("512001", "512001")
	w.label = widgets.NewField("Compte courant", "")
	w.iban, w.bic = widgets.NewField("", "FR76 …"), widgets.NewField("", "")
	w.file = widget.NewLabel("")
	w.file.Wrapping = fyne.TextWrapBreak
	w.summary = widgets.Note("")
	form := func(items ...*widget.FormItem) *widget.Form { return widget.NewForm(items...) }
	w.steps = widgets.NewSteps(wizardSteps,
		container.NewVBox(widgets.Note("Le nom du syndicat tel qu'il figure sur les appels de fonds, et son adresse."),
			form(widget.NewFormItem("Nom *", w.name), widget.NewFormItem("Adresse", w.address),
				widget.NewFormItem("Code postal", w.zip), widget.NewFormItem("Ville", w.city))),
		container.NewVBox(widgets.Note("Vous, le syndic bénévole : ces coordonnées figurent sur les documents envoyés aux copropriétaires."),
			form(widget.NewFormItem("Nom", w.syndic), widget.NewFormItem("Adresse", w.syndicAddress),
				widget.NewFormItem("Téléphone", w.syndicPhone), widget.NewFormItem("Courriel", w.syndicMail))),
		container.NewVBox(widgets.Note("Le premier exercice dure au plus dix-huit mois. Tantième prépare aussi les deux exercices suivants."),
			form(widget.NewFormItem("Début *", w.start), widget.NewFormItem("Fin", w.end))),
		container.NewVBox(widgets.Note("Le compte en banque de la résidence (512001 par défaut). Laissez le numéro de compte vide pour l'indiquer plus tard."),
			form(widget.NewFormItem("Compte", w.account), widget.NewFormItem("Libellé", w.label),
				widget.NewFormItem("IBAN", w.iban), widget.NewFormItem("BIC", w.bic))),
		container.NewVBox(widgets.Note("La résidence sera enregistrée dans ce fichier, que vous pourrez copier pour la sauvegarder :"), w.file,
			widget.NewButtonWithIcon("Choisir un autre dossier…", theme.FolderOpenIcon(), w.chooseDir), w.summary),
	)
	w.firsts = []fyne.Focusable{w.name, w.syndic, w.start, w.account, nil}

	w.f = s.newForm("Nouvelle résidence", "Suivant", w.name, w.address, w.zip, w.city, w.syndic, w.syndicAddress,
		w.syndicPhone, w.syndicMail, w.start, w.end, w.account, w.label, w.iban, w.bic)
	w.f.width = 640
	w.prev = widgets.NewButton("Précédent", theme.NavigateBackIcon(), widget.MediumImportance, func() { w.goTo(w.step - 1) })
	w.prev.Keys = w.f.keys
	w.f.extra = []fyne.CanvasObject{w.prev}
	w.f.submit = w.next
	w.f.show(container.NewBorder(w.steps.Counter, nil, nil, nil, w.steps.Stack), nil)
	w.goTo(0)
}

// goTo shows step i.
func (w *wizard) goTo(i int) {
	if !w.steps.Show(i) {
		return
	}
	w.step = i
	widgets.SetEnabled(w.prev, i > 0)
	w.f.ok.SetText("Suivant")
	if w.steps.Last() {
		w.f.ok.SetText("Créer la résidence")
		w.showFile()
	}
	w.f.clearError()
	w.f.fit()
	if f := w.firsts[i]; f != nil {
		w.s.win.Canvas().Focus(f)
	} else {
		w.s.win.Canvas().Unfocus()
	}
}

// setup is what was typed up to step upto; later steps are left out, with a
// placeholder start date so that the books' checks speak of what was typed.
func (w *wizard) setup(upto int) (ledger.Setup, error) {
	st := ledger.Setup{
		Residence: ledger.Residence{Name: w.name.Text, Address: w.address.Text, Zip: w.zip.Text, City: w.city.Text,
			SyndicName: w.syndic.Text, SyndicAddress: w.syndicAddress.Text, SyndicPhone: w.syndicPhone.Text, SyndicEmail: strings.TrimSpace(w.syndicMail.Text)},
		FirstStart: ledger.Date(2000, time.January, 1),
	}
	if upto >= 2 {
		var err error
		if st.FirstStart, err = parseDate("Début de l'exercice", w.start.Text); err != nil {
			return st, err
		}
		if st.FirstEnd, err = parseDate("Fin de l'exercice", w.end.Text); err != nil {
			return st, err
		}
	}
	if upto >= 3 && strings.TrimSpace(w.account.Text) != "" {
		st.Bank = &ledger.BankAccount{Account: strings.TrimSpace(w.account.Text), Label: w.label.Text, IBAN: w.iban.Text, BIC: strings.TrimSpace(w.bic.Text)}
	}
	return st, st.Validate()
}

// next checks the step and goes on, or creates the residence at the end.
func (w *wizard) next() error {
	st, err := w.setup(w.step)
	if err != nil {
		return err
	}
	if !w.steps.Last() {
		w.goTo(w.step + 1)
		return errStay
	}
	file := w.fileName()
	var r *app.Residence
	w.s.runLong("Création de la résidence…", func() (err error) {
		if err = os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return ledger.Wrap(ledger.Internal, err, "Le dossier « %s » ne peut pas être créé", filepath.Dir(file))
		}
		r, err = app.Create(file, st)
		return err
	}, func() {
		w.f.close()
		w.s.setResidence(r, false)
		w.s.addRecent(file)
		w.s.say(fmt.Sprintf("Résidence « %s » créée dans %s", strings.TrimSpace(st.Residence.Name), file))
	})
	return errStay
}

func (w *wizard) fileName() string { return app.FileName(w.dir, w.name.Text) }

func (w *wizard) showFile() {
	w.file.SetText(w.fileName())
	st, _ := w.setup(3)
	bank := "aucun pour l'instant"
	if st.Bank != nil {
		bank = st.Bank.Account
		if st.Bank.Label != "" {
			bank += " " + st.Bank.Label
		}
	}
	end := st.FirstEnd
	if end.IsZero() {
		end = st.FirstStart.AddDate(1, 0, -1)
	}
	w.summary.SetText(fmt.Sprintf("Résidence : %s\nPremier exercice : du %s au %s\nCompte bancaire : %s",
		strings.TrimSpace(st.Residence.Name), ledger.FrenchDate(st.FirstStart), ledger.FrenchDate(end), bank))
}

// chooseDir lets the user put the file in another folder.
func (w *wizard) chooseDir() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			w.s.showError(err)
			return
		}
		if dir != nil {
			w.dir = dir.Path()
			w.showFile()
		}
	}, w.s.win)
	start := w.dir
	for start != "" && start != filepath.Dir(start) {
		if st, err := os.Stat(start); err == nil && st.IsDir() {
			break
		}
		start = filepath.Dir(start)
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(start)); err == nil {
		d.SetLocation(l)
	}
	w.s.showFileDialog(d)
}
