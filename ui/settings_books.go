package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/closing"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// Paramètres › Comptabilité: the general key (whose shares are the votes),
// the loans remaining at the end of each exercise (annexe 1, off the
// books), and the journals.

// booksTab is the tab's state.
type booksTab struct {
	general    *widget.Select
	keyCodes   map[string]string // option → key code
	loans      *fyne.Container
	loanFields map[int]*widgets.Field // by exercise year
	loanLabels map[int]*widgets.Field // lender and purpose, by exercise year
	journals   *fyne.Container
	addJournal *widget.Button
	saleSplit  *widget.Select // settings_sale.go
}

func (p *settings) booksTab() fyne.CanvasObject {
	b := &booksTab{keyCodes: map[string]string{}, loanFields: map[int]*widgets.Field{}, loanLabels: map[int]*widgets.Field{}}
	p.books = b
	b.general = widget.NewSelect(nil, nil)
	b.loans = container.NewVBox()
	b.journals = container.NewVBox()
	b.addJournal = widget.NewButtonWithIcon("Ajouter un journal…", theme.ContentAddIcon(), p.addJournal)
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	content := container.NewVBox(
		bold("Clé générale"),
		widgets.Line(widget.NewLabel("Clé des charges générales et des voix de l'assemblée :"), container.New(&widgets.FixedWidth{Width: 300}, b.general)),
		widgets.Note("Ses tantièmes font la feuille de présence et les voix (loi 1965 art. 22) ; c'est aussi la clé proposée par défaut (appels, imports, frais d'impayé)."),
		container.NewHBox(p.s.lawLink("(décret 1967 art. 14)", "decret1967-14"), p.s.lawLink("(loi 1965 art. 10)", "loi1965-10")),
		widget.NewSeparator(),
		bold("Emprunts : capital restant dû à la fin de chaque exercice"),
		widgets.Note("Les emprunts du syndicat ne sont pas dans les comptes ; l'annexe 1 imprime le montant restant dû sous ses totaux (arrêté du 14 mars 2005, art. 10)."),
		container.NewHBox(p.s.lawLink("(arrêté du 14 mars 2005)", "arrete2005")),
		b.loans,
		widget.NewSeparator(),
		p.saleSplitRows(bold),
		widget.NewSeparator(),
		widgets.Bar(bold("Journaux"), b.addJournal),
		widgets.Note("AC, BQ, OD et AN servent à Tantième : on peut les renommer, pas les supprimer. Un journal à vous ne se supprime que sans écriture."),
		b.journals,
	)
	return container.NewVScroll(content)
}

// reloadBooks fills the tab from the residence.
func (p *settings) reloadBooks() {
	s, b := p.s, p.books
	ro := s.readOnly()
	keys, err := s.res.Keys()
	if err != nil {
		s.showError(err)
		return
	}
	general, err := s.res.GeneralKey()
	if err != nil {
		s.showError(err)
		return
	}
	b.general.OnChanged = nil
	b.general.Options = nil
	for _, k := range keys {
		o := k.Code + " – " + k.Label
		b.general.Options = append(b.general.Options, o)
		b.keyCodes[o] = k.Code
		if k.Code == general {
			b.general.SetSelected(o)
		}
	}
	b.general.OnChanged = p.saveGeneralKey
	widgets.SetEnabled(b.general, !ro)

	b.loans.Objects = nil
	for _, ex := range s.exercises {
		ex := ex
		a, err := closing.LoansRemaining(s.res, ex.Year())
		if err != nil {
			s.showError(err)
			return
		}
		lender, err := closing.LoansLabel(s.res, ex.Year())
		if err != nil {
			s.showError(err)
			return
		}
		f := widgets.NewField("", "0,00")
		if a != 0 {
			f.SetText(a.Format())
		}
		l := widgets.NewField(lender, "prêteur et objet (facultatif)")
		b.loanFields[ex.Year()], b.loanLabels[ex.Year()] = f, l
		save := widget.NewButtonWithIcon("Enregistrer", theme.DocumentSaveIcon(), func() { p.saveLoans(ex) })
		widgets.SetEnabled(f, !ro)
		widgets.SetEnabled(l, !ro)
		widgets.SetEnabled(save, !ro)
		b.loans.Add(widgets.Line(widget.NewLabel(fmt.Sprintf("Exercice %s, au %s :", ex.Name(), ledger.FrenchDate(ex.End))),
			container.New(&widgets.FixedWidth{Width: 130}, f), widget.NewLabel("€"), container.New(&widgets.FixedWidth{Width: 230}, l), save))
	}
	b.loans.Refresh()
	p.reloadSaleSplit()
	p.reloadJournals()
}

func (p *settings) saveGeneralKey(choice string) {
	s := p.s
	code := p.books.keyCodes[choice]
	if err := s.res.SetGeneralKey(code); err != nil {
		s.showError(err)
		p.reloadBooks()
		return
	}
	s.say(fmt.Sprintf("Clé générale : %s — ses tantièmes font les voix de l'assemblée", choice))
	s.changed()
}

func (p *settings) saveLoans(ex ledger.Exercise) {
	s := p.s
	f := p.books.loanFields[ex.Year()]
	text := strings.TrimSpace(f.Text)
	var a ledger.Amount
	if text != "" {
		var err error
		if a, err = ledger.ParseAmount(text); err != nil {
			s.showError(ledger.Wrap(ledger.Invalid, err, "Emprunts restant dus de l'exercice %s : « %s » n'est pas un montant", ex.Name(), text))
			return
		}
	}
	l := p.books.loanLabels[ex.Year()]
	if err := closing.SetLoans(s.res, ex.Year(), &a, &l.Text); err != nil {
		s.showError(err)
		return
	}
	f.SetText(a.Format())
	lender, _ := closing.LoansLabel(s.res, ex.Year())
	l.SetText(lender)
	if lender != "" {
		lender = " — " + lender
	}
	s.say(fmt.Sprintf("Emprunts restant dus au %s : %s%s (imprimés sur l'annexe 1 de l'exercice %s)", ledger.FrenchDate(ex.End), a.String(), lender, ex.Name()))
}

// reloadJournals lists the journals, each with its actions.
func (p *settings) reloadJournals() {
	s, b := p.s, p.books
	list, err := s.res.JournalList()
	if err != nil {
		s.showError(err)
		return
	}
	ro := s.readOnly()
	b.journals.Objects = nil
	for _, j := range list {
		j := j
		name := widget.NewLabel(j.Label)
		name.Truncation = fyne.TextTruncateEllipsis
		rename := widget.NewButtonWithIcon("Renommer…", theme.DocumentCreateIcon(), func() { p.renameJournal(j) })
		actions := []fyne.CanvasObject{rename}
		widgets.SetEnabled(rename, !ro)
		if !ledger.IsStandardJournal(j.Code) {
			del := widget.NewButtonWithIcon("Supprimer…", theme.DeleteIcon(), func() { p.deleteJournal(j) })
			widgets.SetEnabled(del, !ro)
			actions = append(actions, del)
		}
		code := widget.NewLabelWithStyle(j.Code, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		b.journals.Add(container.NewBorder(nil, nil, container.New(&widgets.FixedWidth{Width: 70}, code), container.NewHBox(actions...), name))
	}
	b.journals.Refresh()
	widgets.SetEnabled(b.addJournal, !ro)
}

func (p *settings) addJournal() {
	s := p.s
	code := widgets.NewField("", "BQ2, CAI…")
	label := widgets.NewField("", "Banque postale, Caisse…")
	f := s.newForm("Ajouter un journal", "Ajouter", code, label)
	f.submit = func() error {
		j := ledger.Journal{Code: strings.ToUpper(strings.TrimSpace(code.Text)), Label: strings.TrimSpace(label.Text)}
		if err := s.res.AddJournal(j); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Journal %s « %s » ajouté : il est proposé à la saisie des écritures", j.Code, j.Label))
		s.changed()
		p.reloadJournals()
		return nil
	}
	f.show(container.NewVBox(widget.NewForm(widget.NewFormItem("Code (1 à 4 caractères)", code), widget.NewFormItem("Libellé", label))), code)
}

func (p *settings) renameJournal(j ledger.Journal) {
	s := p.s
	label := widgets.NewField(j.Label, "")
	f := s.newForm("Renommer le journal "+j.Code, "Enregistrer", label)
	f.submit = func() error {
		n := ledger.Journal{Code: j.Code, Label: strings.TrimSpace(label.Text)}
		if err := s.res.RenameJournal(n); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Journal %s : « %s »", n.Code, n.Label))
		s.changed()
		p.reloadJournals()
		return nil
	}
	f.show(container.NewVBox(widget.NewForm(widget.NewFormItem("Libellé", label)),
		widgets.Note("Le code d'un journal ne change pas : les écritures le portent.")), label)
}

func (p *settings) deleteJournal(j ledger.Journal) {
	s := p.s
	s.confirmAction("Supprimer un journal", fmt.Sprintf("Supprimer le journal %s « %s » ? Seul un journal sans écriture peut l'être.", j.Code, j.Label),
		"Supprimer", func() error {
			if err := s.res.DeleteJournal(j.Code); err != nil {
				return err
			}
			s.say(fmt.Sprintf("Journal %s « %s » supprimé", j.Code, j.Label))
			s.changed()
			p.reloadJournals()
			return nil
		})
}
