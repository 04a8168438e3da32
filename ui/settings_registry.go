package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/registry"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// Paramètres › Immatriculation: what the fiche synthétique (loi 1965 art.
// 8-2) and the register's annual update (CCH R.711-5) need that the books
// do not hold, asked once and kept; the date each exercise's accounts
// were approved; and the two documents.

// registryTab is the tab's state.
type registryTab struct {
	fields    map[string]widgets.FormField // by registry field name
	choices   map[string]map[string]string // field → label → code
	save      *widget.Button
	fiche     *widget.Button
	approvals *fyne.Container
	approved  map[int]*widgets.Field // by exercise year
	// shown is what the fields showed when last filled from the books:
	// a field typed over since keeps its text when the screen comes back
	// (UI.md: nothing typed is lost until saved or cancelled).
	shown         map[string]string
	shownApproval map[int]string
}

// dirty says whether a field of the profile was typed over since filled.
func (t *registryTab) dirty() bool {
	for name, v := range t.shown {
		if t.fields[name].Value() != v {
			return true
		}
	}
	return false
}

func (p *settings) registryTab() fyne.CanvasObject {
	t := &registryTab{fields: map[string]widgets.FormField{}, choices: map[string]map[string]string{}, approved: map[int]*widgets.Field{},
		shown: map[string]string{}, shownApproval: map[int]string{}}
	p.registry = t
	form := widget.NewForm()
	keys := &widgets.FormKeys{Enter: p.saveRegistry}
	for _, f := range registry.Fields {
		var w widgets.FormField
		switch f.Kind {
		case "choice":
			labels := make([]string, len(f.Choices))
			t.choices[f.Name] = map[string]string{}
			for i, c := range f.Choices {
				labels[i] = c.Label
				t.choices[f.Name][c.Label] = c.Code
			}
			w = newChoiceField(labels, "", nil)
		case "yesno":
			w = widgets.NewCheckField("Oui", false)
		case "date":
			w = widgets.NewField("", "JJ/MM/AAAA")
		case "number":
			w = widgets.NewField("", "0")
		default:
			w = widgets.NewField("", "")
		}
		if f.Name == "registration" {
			w.(*widgets.Field).SetPlaceHolder("par exemple AB1234567 (certificat d'immatriculation)")
		}
		if f.Name == "buildings" {
			w.(*widgets.Field).SetPlaceHolder("0 : compté d'après les bâtiments des lots")
		}
		w.SetKeys(keys)
		t.fields[f.Name] = w
		form.Append(fr1(f.Label), w)
	}
	t.save = widget.NewButtonWithIcon("Enregistrer", theme.DocumentSaveIcon(), p.saveRegistry)
	t.save.Importance = widget.HighImportance
	t.fiche = widget.NewButtonWithIcon("Fiche synthétique…", theme.DocumentIcon(), p.s.ficheForm)
	t.approvals = container.NewVBox()
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	return container.NewVScroll(container.NewVBox(
		widgets.Note("La fiche synthétique (loi 1965 art. 8-2) et la mise à jour annuelle du registre national d'immatriculation reprennent les chiffres des comptes ; "+
			"ce que les comptes ne disent pas se saisit ici une fois pour toutes."),
		form,
		container.NewHBox(layout.NewSpacer(), t.fiche, t.save),
		widget.NewSeparator(),
		bold("Approbation des comptes et mise à jour du registre"),
		widgets.Note("La mise à jour annuelle du registre est due dans les deux mois qui suivent l'assemblée générale qui a approuvé les comptes de l'exercice."),
		t.approvals,
	))
}

// fr1 is a field's label as a form shows it: « Numéro d'immatriculation ».
func fr1(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// reloadRegistry fills the tab from the residence.
func (p *settings) reloadRegistry() {
	s, t := p.s, p.registry
	prof, err := registry.LoadProfile(s.res)
	if err != nil {
		s.showError(err)
		return
	}
	// Not the shown exercise's lock: the profile is the residence's, and
	// the accounts of a closed exercise are approved all the same.
	ro := s.res.ReadOnly()
	keep := t.dirty()
	for _, f := range registry.Fields {
		widgets.SetEnabled(t.fields[f.Name].(fyne.Disableable), !ro)
		if keep {
			continue
		}
		v := prof.Get(f.Name)
		switch w := t.fields[f.Name].(type) {
		case *choiceField:
			w.SetSelected(registry.Label(f.Choices, v))
		case *widgets.CheckField:
			w.SetChecked(v == "oui")
		case *widgets.Field:
			switch {
			case f.Kind == "date" && v != "":
				v = ledger.FrenchDate(prof.RegulationDate)
			case f.Kind == "number" && v == "0":
				v = ""
			}
			w.SetText(v)
		}
		t.shown[f.Name] = t.fields[f.Name].Value()
	}
	widgets.SetEnabled(t.save, !ro)

	typed := map[int]string{} // approval dates typed and not saved
	for y, f := range t.approved {
		if f.Text != t.shownApproval[y] {
			typed[y] = f.Text
		}
	}
	t.approvals.Objects = nil
	today := ledger.Date(s.now().Year(), s.now().Month(), s.now().Day())
	for _, ex := range s.exercises {
		if !today.After(ex.End) {
			continue // not over: nothing to approve yet
		}
		ex := ex
		d, err := registry.AccountsApproved(s.res, ex.Year())
		if err != nil {
			s.showError(err)
			return
		}
		f := widgets.NewField("", "JJ/MM/AAAA")
		if !d.IsZero() {
			f.SetText(ledger.FrenchDate(d))
		}
		t.shownApproval[ex.Year()] = f.Text
		if v, ok := typed[ex.Year()]; ok {
			f.SetText(v)
		}
		t.approved[ex.Year()] = f
		save := widget.NewButtonWithIcon("Enregistrer", theme.DocumentSaveIcon(), func() { p.saveApproval(ex) })
		update := widget.NewButtonWithIcon("Mise à jour du registre…", theme.DocumentIcon(), func() { s.writeRegistryUpdate(ex) })
		widgets.SetEnabled(f, !ro)
		widgets.SetEnabled(save, !ro)
		widgets.SetEnabled(update, !d.IsZero())
		due := ""
		if !d.IsZero() {
			due = "à déclarer au plus tard le " + ledger.FrenchDate(registry.UpdateDue(d))
		}
		// The sentence above its field and buttons: the line stays within
		// 1024 px with the due date beside them.
		t.approvals.Add(container.NewVBox(widget.NewLabel(fmt.Sprintf("Exercice %s : comptes approuvés par l'assemblée générale du", ex.Name())),
			container.NewHBox(container.New(&widgets.FixedWidth{Width: 120}, f), save, update, widget.NewLabel(due))))
	}
	if len(t.approvals.Objects) == 0 {
		t.approvals.Add(widgets.Note("Aucun exercice n'est encore terminé."))
	}
	t.approvals.Refresh()
}

// typedProfile reads the form into a profile, field by field, so that an
// error names the field.
func (p *settings) typedProfile() (registry.Profile, error) {
	t := p.registry
	var prof registry.Profile
	for _, f := range registry.Fields {
		v := t.fields[f.Name].Value()
		if f.Choices != nil {
			v = t.choices[f.Name][v]
		}
		if err := prof.Set(f.Name, v); err != nil {
			return prof, err
		}
	}
	return prof, prof.Validate()
}

func (p *settings) saveRegistry() {
	s := p.s
	if s.res.ReadOnly() {
		return
	}
	prof, err := p.typedProfile()
	if err == nil {
		err = registry.SetProfile(s.res, prof)
	}
	if err != nil {
		s.showError(err)
		return
	}
	clear(p.registry.shown) // saved: shown as stored (« AB1234567 »)
	p.reloadRegistry()
	s.say("Renseignements de la fiche synthétique et du registre enregistrés")
}

func (p *settings) saveApproval(ex ledger.Exercise) {
	s := p.s
	text := strings.TrimSpace(p.registry.approved[ex.Year()].Text)
	var d time.Time
	if text != "" {
		var err error
		if d, err = ledger.ParseDate(text); err != nil {
			s.showError(ledger.Wrap(ledger.Invalid, err, "Approbation des comptes de l'exercice %s : %s", ex.Name(), ledger.Message(err)))
			return
		}
	}
	if err := registry.SetAccountsApproved(s.res, ex.Year(), d); err != nil {
		s.showError(err)
		return
	}
	delete(p.registry.approved, ex.Year()) // saved: shown as stored
	p.reloadRegistry()
	if d.IsZero() {
		s.say(fmt.Sprintf("Date d'approbation des comptes de l'exercice %s effacée", ex.Name()))
		return
	}
	s.say(fmt.Sprintf("Comptes de l'exercice %s approuvés le %s : mise à jour du registre à déclarer au plus tard le %s",
		ex.Name(), ledger.FrenchDate(d), ledger.FrenchDate(registry.UpdateDue(d))))
}

// ficheForm asks the day of the fiche synthétique and writes it into the
// closing folder of the last exercise closed by then (Outils, the closing's
// end, Paramètres › Immatriculation).
func (s *Shell) ficheForm() {
	date := widgets.NewField(ledger.FrenchDate(s.now()), "JJ/MM/AAAA")
	f := s.newForm("Fiche synthétique de la copropriété", "Écrire la fiche", date)
	f.submit = func() error {
		at, err := ledger.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			return ledger.Wrap(ledger.Invalid, err, "Date de la fiche : %s", ledger.Message(err))
		}
		var last ledger.Exercise
		for _, ex := range s.exercises {
			if ex.Closed && !ex.End.After(at) {
				last = ex
			}
		}
		if last.ID == 0 {
			_, err := registry.Fiche(s.res, at) // says why, in the dialog
			return err
		}
		f.close()
		s.writeFiche(last, at)
		return errStay
	}
	f.show(container.NewVBox(
		widgets.Note("La fiche reprend les comptes du dernier exercice clôturé à cette date, et les renseignements de Paramètres › Immatriculation. "+
			"Le vendeur d'un lot la remet à l'acquéreur ; tout copropriétaire peut la demander."),
		widget.NewForm(widget.NewFormItem("Fiche établie le", date))), date)
}

func (s *Shell) writeFiche(ex ledger.Exercise, at time.Time) {
	dir := s.closingFolder(ex)
	file := filepath.Join(dir, registry.FicheFileName(at))
	s.runLong("Écriture de la fiche synthétique…", func() error {
		_, err := registry.WriteFiche(s.res, file, at, s.now())
		return err
	}, func() {
		said := fmt.Sprintf("Fiche synthétique au %s (comptes de l'exercice %s) enregistrée dans %s", ledger.FrenchDate(at), ex.Name(), dir)
		s.showWritten("Fiche synthétique écrite", said+" et inscrite au registre des documents (classeur « Règlement de copropriété »).", file, dir, nil)
		s.openWritten(said, file)
	})
}

// writeRegistryUpdate writes the register's annual update of ex into its
// closing folder.
func (s *Shell) writeRegistryUpdate(ex ledger.Exercise) {
	dir := s.closingFolder(ex)
	file := filepath.Join(dir, registry.UpdateFileName(ex))
	var u registry.RegistryUpdate
	s.runLong("Écriture de la mise à jour du registre…", func() (err error) {
		u, err = registry.WriteAnnualUpdate(s.res, file, ex.Year(), s.now())
		return err
	}, func() {
		said := fmt.Sprintf("Mise à jour du registre de l'exercice %s enregistrée dans %s : à déclarer au plus tard le %s", ex.Name(), dir, ledger.FrenchDate(u.Due))
		s.showWritten("Mise à jour du registre écrite", said+".", file, dir, nil)
		s.openWritten(said, file)
	})
}
