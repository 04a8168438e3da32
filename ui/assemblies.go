package ui

import (
	"fmt"
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

// assembliesScreenID names the screen in the navigation and the menus.
const assembliesScreenID = "assemblies"

// assembliesScreen is « Assemblées générales » (issue 21): the assembly
// chosen at the top with its fiche, then three tabs: the agenda, the
// documents attached to the convocation, the attendance. The
// convocations are prepared from here.
type assembliesScreen struct {
	s      *Shell
	list   []ledger.Assembly
	cur    int // index in list, -1 when none
	detail assembly.Detail

	pick                   *widget.Select
	add, edit, del, convoc *widget.Button
	addRes                 *widget.Button
	info                   *widget.Label
	agenda, docs           *fyne.Container
	att                    *attendanceTab
	votes                  *votesTab
	tabs                   *container.AppTabs
	root                   fyne.CanvasObject
}

func newAssemblies(s *Shell) screen {
	m := &assembliesScreen{s: s, cur: -1}
	m.pick = widget.NewSelect(nil, func(string) { m.choose(m.pick.SelectedIndex()) })
	m.pick.PlaceHolder = "Aucune assemblée"
	m.add = widget.NewButtonWithIcon("Nouvelle assemblée…", theme.ContentAddIcon(), func() { m.assemblyForm(nil) })
	m.add.Importance = widget.HighImportance
	m.edit = widget.NewButtonWithIcon("Modifier…", theme.DocumentCreateIcon(), func() {
		if a := m.assembly(); a != nil {
			m.assemblyForm(a)
		}
	})
	m.del = widget.NewButtonWithIcon("Supprimer…", theme.DeleteIcon(), m.deleteAssembly)
	m.convoc = widget.NewButtonWithIcon("Préparer les convocations…", theme.MailSendIcon(), m.convocations)
	m.addRes = widget.NewButtonWithIcon("Ajouter une résolution…", theme.ContentAddIcon(), func() { m.resolutionForm(nil) })
	m.info = widgets.Note("")
	m.agenda = container.NewVBox()
	m.docs = container.NewVBox()
	m.att = newAttendanceTab(m)
	m.votes = newVotesTab(m)
	m.tabs = container.NewAppTabs(
		container.NewTabItem("Ordre du jour", container.NewBorder(widgets.Line(m.addRes), nil, nil, nil, container.NewVScroll(m.agenda))),
		container.NewTabItem("Documents joints", container.NewVScroll(m.docs)),
		container.NewTabItem("Présence", m.att.view()),
		container.NewTabItem("Votes", m.votes.view()),
	)
	top := container.NewVBox(
		widgets.Bar(widgets.Heading("Assemblées générales"), m.add),
		m.pick,
		widgets.Line(m.edit, m.del, m.convoc),
		m.info,
	)
	m.root = container.NewBorder(top, nil, nil, nil, m.tabs)
	return m
}

func (m *assembliesScreen) view() fyne.CanvasObject { return m.root }

// create is Ctrl+N.
func (m *assembliesScreen) create() {
	if !m.s.res.ReadOnly() {
		m.assemblyForm(nil)
	}
}

// today is the day the screen counts from (the convocation delay).
func (m *assembliesScreen) today() time.Time {
	n := m.s.now()
	return ledger.Date(n.Year(), n.Month(), n.Day())
}

func (m *assembliesScreen) assembly() *ledger.Assembly {
	if m.cur < 0 || m.cur >= len(m.list) {
		return nil
	}
	return &m.list[m.cur]
}

func assemblyOption(a ledger.Assembly) string {
	return fmt.Sprintf("%s à %s — %s", a.Title(), a.Time, ledger.AssemblyStatusWords[a.Status])
}

// reload reads the assemblies again and shows the one chosen, or the
// latest.
func (m *assembliesScreen) reload() {
	list, err := assembly.List(m.s.res)
	if err != nil {
		m.s.showError(err)
		return
	}
	var keep int64
	if a := m.assembly(); a != nil {
		keep = a.ID
	}
	m.list = list
	opts := make([]string, len(list))
	pick := -1
	for i, a := range list {
		opts[i] = assemblyOption(a)
		if a.ID == keep {
			pick = i
		}
	}
	if pick < 0 && len(list) > 0 {
		pick = 0
	}
	m.pick.Options = opts
	m.cur = -1
	if pick >= 0 {
		m.pick.SetSelectedIndex(pick) // calls choose
		m.pick.Refresh()
	} else {
		m.pick.ClearSelected()
		m.choose(-1)
	}
}

// choose shows assembly i.
func (m *assembliesScreen) choose(i int) {
	m.cur = i
	writable := !m.s.res.ReadOnly()
	a := m.assembly()
	widgets.SetEnabled(m.add, writable)
	for _, b := range []*widget.Button{m.edit, m.convoc} {
		widgets.SetEnabled(b, writable && a != nil && a.Status != ledger.AssemblyHeld)
	}
	widgets.SetEnabled(m.del, writable && a != nil && a.Draft())
	widgets.SetEnabled(m.addRes, writable && a != nil && a.Draft())
	if a == nil {
		m.detail = assembly.Detail{}
		m.info.SetText("Préparez ici l'assemblée générale : sa date, son lieu, son ordre du jour (chaque résolution avec sa majorité), " +
			"les documents joints à la convocation, puis « Préparer les convocations… » écrit pour chaque copropriétaire la convocation, " +
			"l'ordre du jour, le formulaire de vote par correspondance et un pouvoir. Commencez par « Nouvelle assemblée… ».")
		m.showAgenda()
		m.showDocuments(nil)
		m.att.show()
		m.votes.show()
		return
	}
	d, err := assembly.Load(m.s.res, a.ID)
	if err != nil {
		m.s.showError(err)
		return
	}
	m.detail = d
	m.info.SetText(assemblyInfo(d, m.today()))
	m.showAgenda()
	attachable, err := assembly.Attachable(m.s.res)
	if err != nil {
		m.s.showError(err)
		return
	}
	m.showDocuments(attachable)
	m.att.show()
	m.votes.show()
}

// assemblyInfo is the fiche under the choice: place, consultation,
// convocation.
func assemblyInfo(d assembly.Detail, today time.Time) string {
	a := d.Assembly
	parts := []string{"Lieu : " + strings.ReplaceAll(a.Place, "\n", ", ")}
	if a.ConsultFrom.IsZero() {
		parts = append(parts, "consultation des pièces : proposée à l'envoi des convocations")
	} else {
		parts = append(parts, fmt.Sprintf("consultation des pièces du %s au %s, %s", ledger.FrenchDate(a.ConsultFrom), ledger.FrenchDate(a.ConsultTo),
			strings.ReplaceAll(a.ConsultPlace, "\n", ", ")))
	}
	if a.ConvenedOn.IsZero() {
		parts = append(parts, "convocations non envoyées")
	} else {
		parts = append(parts, "convocations envoyées le "+ledger.FrenchDate(a.ConvenedOn))
	}
	text := strings.Join(parts, " · ")
	if a.Draft() {
		if w := assembly.ConvocationWarning(a.Day, today); w != "" {
			text += "\n" + w
		}
	}
	return text
}

// showAgenda lists the resolutions, each with its majority and key, and
// while the agenda may change, its buttons.
func (m *assembliesScreen) showAgenda() {
	m.agenda.Objects = nil
	d := m.detail
	if len(d.Resolutions) == 0 {
		m.agenda.Add(widgets.Note("L'ordre du jour est vide : « Ajouter une résolution… »."))
		m.agenda.Refresh()
		return
	}
	editable := d.Assembly.Draft() && !m.s.res.ReadOnly()
	for i, r := range d.Resolutions {
		r := r
		title := widget.NewLabel(fmt.Sprintf("%d. %s", r.Number, r.Title))
		title.TextStyle.Bold = true
		title.Truncation = fyne.TextTruncateEllipsis
		key := "clé générale"
		if r.Key != "" {
			key = "clé " + r.Key
		}
		sub := ledger.ArticleWords[r.Article] + " · " + key + " · " + ledger.ResolutionKindWords[r.Kind]
		if r.Outcome != "" {
			sub += " · " + map[string]string{ledger.OutcomeAdopted: "adoptée", ledger.OutcomeRejected: "rejetée"}[r.Outcome]
		}
		// One line each: a wrapped label's height is only known once laid
		// out, and the list would overlap; the form shows the words whole.
		note := widget.NewLabel(sub)
		note.Truncation = fyne.TextTruncateEllipsis
		note.Importance = widget.LowImportance
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { m.move(r.ID, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { m.move(r.ID, +1) })
		edit := widget.NewButtonWithIcon("Modifier…", theme.DocumentCreateIcon(), func() { m.resolutionForm(&r) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { m.deleteResolution(r) })
		widgets.SetEnabled(up, editable && i > 0)
		widgets.SetEnabled(down, editable && i < len(d.Resolutions)-1)
		widgets.SetEnabled(edit, editable)
		widgets.SetEnabled(del, editable)
		m.agenda.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, down, edit, del), container.NewVBox(title, note)))
		m.agenda.Add(widget.NewSeparator())
	}
	m.agenda.Refresh()
}

// showDocuments lists the documents of the register, those attached
// ticked; ticking attaches, unticking detaches (while in preparation).
func (m *assembliesScreen) showDocuments(docs []ledger.Document) {
	m.docs.Objects = nil
	a := m.assembly()
	if a == nil {
		m.docs.Refresh()
		return
	}
	attached := map[int64]bool{}
	for _, d := range m.detail.Documents {
		attached[d.ID] = true
	}
	m.docs.Add(widgets.Note("Cochez les documents du registre joints à la convocation : annexes comptables, budget, projet de décompte, devis des travaux… " +
		"Ajoutez-les d'abord au registre (écran « Documents ») s'ils n'y sont pas."))
	if len(docs) == 0 {
		m.docs.Add(widgets.Note("Le registre ne contient aucun document pour tous les copropriétaires."))
	}
	editable := a.Draft() && !m.s.res.ReadOnly()
	id := a.ID
	for _, d := range docs {
		doc := d
		c := widget.NewCheck(ledger.FrenchDate(doc.Date)+" — "+doc.Title, nil)
		c.SetChecked(attached[doc.ID])
		c.OnChanged = func(on bool) {
			var err error
			if on {
				err = assembly.Attach(m.s.res, id, doc.ID)
			} else {
				err = assembly.Detach(m.s.res, id, doc.ID)
			}
			if err != nil {
				m.s.showError(err)
			}
			m.choose(m.cur)
		}
		widgets.SetEnabled(c, editable)
		m.docs.Add(c)
	}
	m.docs.Refresh()
}

func (m *assembliesScreen) move(id int64, by int) {
	if err := assembly.MoveResolution(m.s.res, id, by); err != nil {
		m.s.showError(err)
	}
	m.choose(m.cur)
}

func (m *assembliesScreen) deleteResolution(r ledger.Resolution) {
	m.s.confirm(fmt.Sprintf("Retirer la résolution n° %d ?", r.Number), "« "+r.Title+" » sera retirée de l'ordre du jour ; les suivantes remontent.",
		"Retirer", "Garder", func() {
			if err := assembly.DeleteResolution(m.s.res, r.ID); err != nil {
				m.s.showError(err)
				return
			}
			m.s.say(fmt.Sprintf("Résolution « %s » retirée de l'ordre du jour", r.Title))
			m.choose(m.cur)
		})
}

func (m *assembliesScreen) deleteAssembly() {
	a := m.assembly()
	if a == nil {
		return
	}
	id, title := a.ID, a.Title()
	m.s.confirm("Supprimer l'assemblée ?", title+" sera supprimée, avec son ordre du jour et sa feuille de présence.", "Supprimer", "Garder l'assemblée", func() {
		if err := assembly.Delete(m.s.res, id); err != nil {
			m.s.showError(err)
			return
		}
		m.s.say(title + " supprimée")
		m.cur = -1
		m.reload()
	})
}
