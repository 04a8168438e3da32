package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/assembly"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// optionalDate reads a date field that may be left empty; field names it.
func optionalDate(field, s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	d, err := ledger.ParseDate(s)
	if err != nil {
		return d, ledger.Wrap(ledger.Invalid, err, "%s : %s", field, ledger.Message(err))
	}
	return d, nil
}

// assemblyForm creates an assembly (a nil) or changes one: day, hour,
// place, kind, the accounts submitted, the consultation of the supporting
// documents (loi 1965 art. 18-1), proposed from today to two working days
// before the assembly, and the officers filled in at the meeting.
func (m *assembliesScreen) assemblyForm(a *ledger.Assembly) {
	s := m.s
	creating := a == nil
	v := ledger.Assembly{Kind: ledger.AssemblyOrdinary}
	if !creating {
		v = *a
	}
	day := widgets.NewField(ledger.FrenchDate(v.Day), "JJ/MM/AAAA")
	hour := widgets.NewField(v.Time, "18:30")
	place := widgets.NewTextArea(v.Place, 2)
	from := widgets.NewField(ledger.FrenchDate(v.ConsultFrom), "JJ/MM/AAAA")
	to := widgets.NewField(ledger.FrenchDate(v.ConsultTo), "JJ/MM/AAAA")
	consultPlace := widgets.NewField(v.ConsultPlace, assembly.DefaultConsultPlace)
	president := widgets.NewField(v.President, "rempli à l'assemblée")
	secretary := widgets.NewField(v.Secretary, "rempli à l'assemblée")
	scrutineers := widgets.NewField(v.Scrutineers, "rempli à l'assemblée")
	kind := widget.NewSelect([]string{ledger.AssemblyOrdinary, ledger.AssemblyExtraordinary}, nil)
	kind.SetSelected(v.Kind)
	exercises := []string{"aucun"}
	var exIDs []int64
	exIDs = append(exIDs, 0)
	for _, ex := range s.exercises {
		exercises = append(exercises, "exercice "+ex.Name())
		exIDs = append(exIDs, ex.ID)
	}
	exercise := widget.NewSelect(exercises, nil)
	exercise.SetSelectedIndex(0)
	for i, id := range exIDs {
		if id == v.Exercise {
			exercise.SetSelectedIndex(i)
		}
	}
	title := "Nouvelle assemblée générale"
	if !creating {
		title = "Modifier l'" + strings.ToLower(v.Title()[:1]) + v.Title()[1:]
	}
	f := s.newForm(title, "Enregistrer", day, hour, place, from, to, consultPlace, president, secretary, scrutineers)
	f.width = 680
	// The consultation proposed as soon as the day is typed, while the
	// syndic has typed none.
	proposed := false
	cleared := day.OnChanged // the form's: clears its message
	day.OnChanged = func(text string) {
		cleared(text)
		if (from.Text != "" || to.Text != "") && !proposed {
			return
		}
		d, err := ledger.ParseDate(day.Text)
		if err != nil {
			return
		}
		if f, t, ok := assembly.ProposeConsultation(d, m.today()); ok {
			from.SetText(ledger.FrenchDate(f))
			to.SetText(ledger.FrenchDate(t))
			proposed = true
		}
	}
	f.submit = func() error {
		w := v
		var err error
		if w.Day, err = ledger.ParseDate(day.Text); err != nil {
			s.win.Canvas().Focus(day)
			return ledger.Wrap(ledger.Invalid, err, "Date de l'assemblée : %s", ledger.Message(err))
		}
		if w.ConsultFrom, err = optionalDate("Consultation, du", from.Text); err != nil {
			return err
		}
		if w.ConsultTo, err = optionalDate("Consultation, au", to.Text); err != nil {
			return err
		}
		w.Time, w.Place, w.ConsultPlace = hour.Text, place.Text, strings.TrimSpace(consultPlace.Text)
		w.President, w.Secretary, w.Scrutineers = president.Text, secretary.Text, scrutineers.Text
		w.Kind = kind.Selected
		if i := exercise.SelectedIndex(); i >= 0 {
			w.Exercise = exIDs[i]
		}
		warning, err := assembly.Save(s.res, &w)
		if err != nil {
			return err
		}
		verb := "créée"
		if !creating {
			verb = "modifiée"
		}
		s.say(w.Title() + " " + verb)
		m.list = append(m.list, w)
		m.cur = len(m.list) - 1
		m.reload()
		if warning != "" && creating {
			s.inform("Délai de convocation", theme.WarningIcon(), warning)
		}
		return nil
	}
	form := widget.NewForm(
		widget.NewFormItem("Date *", day), widget.NewFormItem("Heure *", hour), widget.NewFormItem("Lieu *", place),
		widget.NewFormItem("Genre", kind), widget.NewFormItem("Comptes soumis", exercise),
		widget.NewFormItem("Consultation des pièces", container.NewGridWithColumns(2, from, to)),
		widget.NewFormItem("Lieu de consultation", consultPlace),
		widget.NewFormItem("Président de séance", president), widget.NewFormItem("Secrétaire", secretary),
		widget.NewFormItem("Scrutateurs", scrutineers))
	help := "Les pièces justificatives des charges se consultent entre la convocation et l'assemblée (loi du 10 juillet 1965, art. 18-1) : " +
		"proposé de l'envoi à deux jours ouvrés avant l'assemblée, modifiable. La convocation doit être notifiée au moins 21 jours avant " +
		"l'assemblée (décret du 17 mars 1967, art. 9). * obligatoire."
	f.show(container.NewVBox(form, widgets.Note(help)), day)
}

// resolutionForm adds a resolution (r nil) or changes one: title, text,
// majority (in the article's words), the key whose tantièmes vote, kind.
func (m *assembliesScreen) resolutionForm(r *ledger.Resolution) {
	s := m.s
	a := m.assembly()
	if a == nil {
		return
	}
	creating := r == nil
	v := ledger.Resolution{Assembly: a.ID, Article: ledger.Article24, Kind: ledger.ResolutionOther}
	if !creating {
		v = *r
	}
	title := widgets.NewField(v.Title, "par exemple : Approbation des comptes de l'exercice 2025")
	text := widgets.NewTextArea(v.Text, 5)
	var articles []string
	for _, art := range ledger.Articles {
		articles = append(articles, ledger.ArticleWords[art])
	}
	majority := widget.NewSelect(articles, nil)
	for i, art := range ledger.Articles {
		if art == v.Article {
			majority.SetSelectedIndex(i)
		}
	}
	keys, err := s.res.Keys()
	if err != nil {
		s.showError(err)
		return
	}
	keyOpts := []string{"Clé générale (tous les copropriétaires)"}
	keyCodes := []string{""}
	for _, k := range keys {
		keyOpts = append(keyOpts, k.Code+" — "+k.Label)
		keyCodes = append(keyCodes, k.Code)
	}
	key := widget.NewSelect(keyOpts, nil)
	key.SetSelectedIndex(0)
	for i, c := range keyCodes {
		if c == v.Key && c != "" {
			key.SetSelectedIndex(i)
		}
	}
	var kinds []string
	for _, k := range ledger.ResolutionKinds {
		kinds = append(kinds, ledger.ResolutionKindWords[k])
	}
	kind := widget.NewSelect(kinds, nil)
	for i, k := range ledger.ResolutionKinds {
		if k == v.Kind {
			kind.SetSelectedIndex(i)
		}
	}
	// The exercise of a budget or of the accounts: by default the
	// accounts the assembly is given, and for a budget the next year's
	// (loi 1965 art. 14-1: voted before its exercise starts).
	exOpts, exIDs := []string{"aucun"}, []int64{0}
	for _, ex := range s.exercises {
		exOpts = append(exOpts, "exercice "+ex.Name())
		exIDs = append(exIDs, ex.ID)
	}
	exercise := widget.NewSelect(exOpts, nil)
	exercise.SetSelectedIndex(0)
	pickExercise := func(id int64) {
		for i, x := range exIDs {
			if x == id {
				exercise.SetSelectedIndex(i)
			}
		}
	}
	defaultExercise := func(k string) int64 {
		switch k {
		case ledger.ResolutionAccounts:
			return a.Exercise
		case ledger.ResolutionBudget:
			for _, ex := range s.exercises {
				if ex.Year() == a.Day.Year()+1 {
					return ex.ID
				}
			}
		}
		return 0
	}
	pickExercise(v.Exercise)
	kind.OnChanged = func(string) {
		if i := kind.SelectedIndex(); i >= 0 && exercise.SelectedIndex() <= 0 {
			pickExercise(defaultExercise(ledger.ResolutionKinds[i]))
		}
	}
	heading := "Nouvelle résolution"
	if !creating {
		heading = "Modifier la résolution n° " + strconv.Itoa(v.Number)
	}
	f := s.newForm(heading, "Enregistrer", title, text)
	f.width = 720
	f.submit = func() error {
		w := v
		w.Title, w.Text = title.Text, text.Text
		if i := majority.SelectedIndex(); i >= 0 {
			w.Article = ledger.Articles[i]
		}
		if i := key.SelectedIndex(); i >= 0 {
			w.Key = keyCodes[i]
		}
		if i := kind.SelectedIndex(); i >= 0 {
			w.Kind = ledger.ResolutionKinds[i]
		}
		w.Exercise = 0
		if i := exercise.SelectedIndex(); i > 0 && (w.Kind == ledger.ResolutionAccounts || w.Kind == ledger.ResolutionBudget) {
			w.Exercise = exIDs[i]
		}
		if err := assembly.SaveResolution(s.res, &w); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Résolution n° %d « %s » enregistrée", w.Number, w.Title))
		m.choose(m.cur)
		return nil
	}
	form := widget.NewForm(
		widget.NewFormItem("Titre *", title), widget.NewFormItem("Projet de résolution", text),
		widget.NewFormItem("Majorité", majority), widget.NewFormItem("Clé des voix", key), widget.NewFormItem("Genre", kind),
		widget.NewFormItem("Exercice (budget, comptes)", exercise))
	help := "Une clé spéciale fait voter les seuls copropriétaires qui en ont des tantièmes, sur leurs charges (loi du 10 juillet 1965, art. 24 II). " +
		"Les seconds votes des articles 25-1 et 26 découlent du premier vote : ils ne se choisissent pas ici."
	f.show(container.NewVBox(form, widgets.Note(help)), title)
}

// convocations asks the sending day, writes every owner's pack into the
// documents folder and says where.
func (m *assembliesScreen) convocations() {
	s := m.s
	a := m.assembly()
	if a == nil {
		return
	}
	id := a.ID
	day := a.Day
	sent := widgets.NewField(ledger.FrenchDate(m.today()), "JJ/MM/AAAA")
	warn := widgets.Note(assembly.ConvocationWarning(day, m.today()))
	warn.Importance = widget.DangerImportance
	f := s.newForm("Préparer les convocations", "Écrire les convocations", sent)
	f.width = 640
	cleared := sent.OnChanged
	sent.OnChanged = func(text string) {
		cleared(text)
		if d, err := ledger.ParseDate(sent.Text); err == nil {
			warn.SetText(assembly.ConvocationWarning(day, d))
		}
	}
	f.submit = func() error {
		d, err := ledger.ParseDate(sent.Text)
		if err != nil {
			return ledger.Wrap(ledger.Invalid, err, "Date d'envoi : %s", ledger.Message(err))
		}
		var res assembly.Convocations
		s.runLong("Écriture des convocations", func() (err error) {
			res, err = assembly.WriteConvocations(s.res, id, assembly.ConvocationOptions{Sent: d})
			return err
		}, func() {
			m.convocationsDone(res)
		})
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Date d'envoi", sent))
	help := "Chaque copropriétaire reçoit, dans un seul PDF : la convocation, l'ordre du jour avec le texte des résolutions et leur majorité, " +
		"le formulaire de vote par correspondance (arrêté du 2 juillet 2020) rempli de ses lots et tantièmes, et un pouvoir. " +
		"Les convocations sont inscrites au registre des documents ; elles partent par lettre recommandée ou par envoi recommandé électronique " +
		"(loi du 10 juillet 1965, art. 42-1)."
	f.show(container.NewVBox(form, warn, widgets.Note(help)), sent)
}

// convocationsDone says where the convocations are.
func (m *assembliesScreen) convocationsDone(res assembly.Convocations) {
	s := m.s
	s.say(fmt.Sprintf("%d convocations écrites dans %s", len(res.Files), res.Dir))
	m.reload()
	text := fmt.Sprintf("%d convocations sont écrites dans le dossier %s, une par copropriétaire, et inscrites au registre des documents. "+
		"Le fichier %s les réunit toutes pour l'impression.", len(res.Files), res.Dir, res.Combined)
	if res.Warning != "" {
		text += "\n\n" + res.Warning
	}
	f := s.newForm("Convocations écrites", "Fermer")
	f.cancel.Hide()
	open := widgets.NewButton("Ouvrir le PDF à imprimer", theme.DocumentPrintIcon(), widget.MediumImportance, func() { s.openPath(res.Combined) })
	openDir := widgets.NewButton("Ouvrir le dossier", theme.FolderOpenIcon(), widget.MediumImportance, func() { s.openPath(res.Dir) })
	f.extra = []fyne.CanvasObject{open, openDir}
	f.submit = func() error { return nil }
	f.show(widgets.Note(text), nil)
}
